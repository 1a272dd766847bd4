"""Django system check: a broken grading file (rules/grading.yaml) fails `manage.py check`."""

import yaml
from django.core import checks

from . import grading


@checks.register("intelligence")
def check_grading_rules(app_configs=None, **kwargs):
    try:
        with grading.RULES_FILE.open(encoding="utf-8") as handle:
            grading.parse_rules(yaml.safe_load(handle))
    except grading.GradingRulesError as exc:
        return [
            checks.Error(
                problem,
                hint="Fix hatehub/intelligence/rules/grading.yaml.",
                obj="hatehub.intelligence.grading",
                id="intelligence.E001",
            )
            for problem in exc.problems
        ]
    except (OSError, yaml.YAMLError) as exc:
        return [checks.Error(f"Cannot read the grading rules: {exc}", id="intelligence.E002")]
    return []
