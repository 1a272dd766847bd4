"""Intake has no models of its own: what it takes and records is `hatehub.reports`' (the
receipt, the report and its children moved there in issue 18, keeping their tables)."""
