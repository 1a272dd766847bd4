"""Where the retention schedule comes from: `settings.HUB_RETENTION_SCHEDULE` (a path to a YAML
file) or the hub's default, `hatehub/privacy/retention.yaml`."""

from datetime import date
from functools import cache
from pathlib import Path

import yaml
from django.conf import settings

from .retention import Schedule, parse_schedule

DEFAULT_SCHEDULE = Path(__file__).with_name("retention.yaml")


def schedule_path() -> Path:
    return Path(getattr(settings, "HUB_RETENTION_SCHEDULE", "") or DEFAULT_SCHEDULE)


@cache
def _load(path: str, mtime: float) -> Schedule:
    with open(path, encoding="utf-8") as handle:
        return parse_schedule(yaml.safe_load(handle), today=date.today())


def load_schedule() -> Schedule:
    """The schedule in force (re-read when the file changes). Raises ScheduleError, OSError or
    yaml.YAMLError for a broken file; the `privacy.E001` check reports those at start-up."""
    path = schedule_path()
    return _load(str(path), path.stat().st_mtime)
