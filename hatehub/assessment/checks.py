"""Django system check: a broken rule file fails ``manage.py check`` (and every start-up).

Why: DOMAIN.md's preamble keeps legal rules in versioned data that lawyers or a registrar may
edit; an edit with a missing source, a bad date or an unknown strand must stop the service at
start-up, naming the file, entry and field, rather than produce a wrong recommendation later.
"""

from django.core import checks

from hatehub.assessment.rules import RuleValidationError, validate_rules


@checks.register("assessment")
def check_rule_tables(app_configs=None, **kwargs):
    try:
        validate_rules()
    except RuleValidationError as exc:
        return [
            checks.Error(
                str(problem),
                hint="Fix the rule file in hatehub/assessment/rules/.",
                obj="hatehub.assessment.rules",
                id="assessment.E001",
            )  # fmt: skip
            for problem in exc.problems
        ]
    return []
