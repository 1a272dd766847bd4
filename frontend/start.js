// Starts the GOV.UK Frontend components on pages that have them; pages work without it.
import { initAll } from "./govuk-frontend.min.js";

initAll();
