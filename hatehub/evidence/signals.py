"""What the evidence app tells the apps above it (issue 18: evidence is a record, below cases)."""

from django.dispatch import Signal

# A reported page was captured: sent with `report`, `capture`, `files` (the evidence files
# stored) and `screenshot_sha256`, inside the capture's transaction. hatehub.cases puts it on
# the case's timeline.
page_captured = Signal()
