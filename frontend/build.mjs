// Builds hatehub/static/build from the npm packages: the GOV.UK and MOJ stylesheets and scripts
// as published, their fonts and images, and axe-core for the accessibility tests. The published
// stylesheets look for fonts and images under /assets/; we serve them under /static/build/assets/.
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const modules = join(root, "node_modules");
const out = join(root, "hatehub", "static", "build");
const ASSETS_URL = "/static/build/assets/";

rmSync(out, { recursive: true, force: true });
mkdirSync(join(out, "assets"), { recursive: true });

const stylesheet = (from, to) => {
  const css = readFileSync(join(modules, from), "utf8").replace(/\/\*# sourceMappingURL=.*?\*\//g, "");
  writeFileSync(join(out, to), css.replaceAll("url(/assets/", `url(${ASSETS_URL}`));
};
stylesheet("govuk-frontend/dist/govuk/govuk-frontend.min.css", "govuk-frontend.min.css");
stylesheet("@ministryofjustice/frontend/moj/moj-frontend.min.css", "moj-frontend.min.css");
cpSync(join(root, "frontend", "app.css"), join(out, "app.css"));
// Our own neutral icon: GOV.UK Frontend's favicon is the crown, which only GOV.UK domains may use.
for (const file of ["init.js", "start.js", "favicon.svg"]) cpSync(join(root, "frontend", file), join(out, file));

const copy = (from, to) => cpSync(join(modules, from), join(out, to), { recursive: true });
copy("govuk-frontend/dist/govuk/assets", "assets");
copy("@ministryofjustice/frontend/moj/assets/images", "assets/images");
copy("govuk-frontend/dist/govuk/govuk-frontend.min.js", "govuk-frontend.min.js");
copy("govuk-frontend/dist/govuk/govuk-frontend.min.js.map", "govuk-frontend.min.js.map");
copy("axe-core/axe.min.js", "axe.min.js");
console.log(`Front-end assets built in ${out}`);
