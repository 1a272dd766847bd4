"""Django system check: a broken retention schedule fails `manage.py check` (and start-up)."""

import yaml
from django.core import checks

from . import conf
from .retention import ScheduleError


@checks.register("privacy")
def check_retention_schedule(app_configs=None, **kwargs):
    path = conf.schedule_path()
    try:
        conf.load_schedule()
    except ScheduleError as exc:
        return [
            checks.Error(problem, hint=f"Fix {path}.", obj="retention schedule", id="privacy.E001")
            for problem in exc.problems
        ]
    except (OSError, yaml.YAMLError) as exc:
        return [
            checks.Error(f"Cannot read the retention schedule {path}: {exc}", id="privacy.E002")
        ]
    return []
