"""What happens to a case that apps above `cases` act on. `cases` and the apps that build on it
send these; the apps that care connect receivers (issue 18: `cases` does not import them)."""

from django.dispatch import Signal

# A Victims' Code event on the case (hatehub.victims.clocks.RULES): its complainants are to be
# told. Sent with `case`, `event` and, as `victims.services.events.record_event` takes them, `at`,
# `details`, `reports` (only these reports' complainants) and `by`. hatehub.victims starts the
# clocks, in the sender's transaction.
victims_code_event = Signal()
