"""``manage.py assess --json FILE``: one report in, one recommendation out, as JSON.

Why: the hub officer's tools (and the bench) need the recommendation of ``engine.recommend`` for
a report that usually holds only free text (DOMAIN.md s2), with the inferred answers and the
words behind them, the rules that fired and their sources, so a decision can be checked and
explained (DOMAIN.md s1 item 8). Answers given in the input override inferred ones: they are the
officer's confirmations or corrections. ``reported`` holds what the reporter said in the form or
the API (``strands`` they ticked, ``occurred_on``, ``future_event``, ``poster_identity_known``):
their perception, which the officer may decide against with a rationale.

The law differs by nation: give ``"answers": {"nation": "scotland"}`` (england_wales | scotland |
northern_ireland | unknown). Without it the output's ``nation`` says England and Wales was
ASSUMED (``"assumed": true``) and the rule ``nation.unknown`` fires. ``classification_label``
is the classification as people read it: in Scotland and Northern Ireland, where the NCHI Code
does not apply, ``hate_incident`` reads "Police Scotland hate incident" or "PSNI hate incident".
"""

import json
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from hatehub.assessment.engine import REPORTERS, AnswerError
from hatehub.assessment.rules import RuleValidationError
from hatehub.assessment.services import evaluate

OUTPUT_KEYS = (
    "classification",
    "classification_label",
    "strands",
    "offences",
    "priority",
    "route_to_local_force",
    "urgent",
    "enhanced_rights",
    "nation",
    "nchi_code",
    "inferred",
    "rules_fired",
    "signals",
    "explanation",
    "conduct_date",
)


def assess(payload: dict, *, use_signals: bool = True, today=None) -> dict:
    """Validate the input, then the recommendation as the command prints it."""
    if not isinstance(payload, dict):
        raise CommandError("Input must be a JSON object with 'text' and 'reporter'.")
    unknown = set(payload) - {"text", "reporter", "answers", "reported"}
    if unknown:
        raise CommandError(f"Unknown input key(s): {', '.join(sorted(unknown))}.")
    text = payload.get("text")
    if not isinstance(text, str):
        raise CommandError("'text' is required and must be a string.")
    reporter = payload.get("reporter")
    if reporter not in REPORTERS:
        raise CommandError(f"'reporter' must be one of {', '.join(REPORTERS)}, got {reporter!r}.")
    given = payload.get("answers") or {}
    if not isinstance(given, dict):
        raise CommandError("'answers' must be a JSON object.")
    reported = payload.get("reported") or {}
    if not isinstance(reported, dict):
        raise CommandError("'reported' must be a JSON object (what the reporter said).")
    try:
        result = evaluate(
            text, reporter, given, use_signals=use_signals, today=today, reported=reported
        )
    except RuleValidationError as exc:
        raise CommandError(str(exc)) from exc
    except AnswerError as exc:
        raise CommandError(f"Invalid answers: {exc}") from exc
    return {key: result[key] for key in OUTPUT_KEYS}


class Command(BaseCommand):
    help = (
        "Assess one report: --json FILE (or - for stdin) with text, reporter, answers and "
        "reported (what the reporter said: strands, occurred_on, future_event)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--json", dest="json_file", required=True,
                            help="Path to the input JSON, or - for stdin.")  # fmt: skip
        parser.add_argument("--no-signals", action="store_true",
                            help="Do not use the optional content-signals model.")  # fmt: skip

    def handle(self, *args, json_file, no_signals=False, **options):
        try:
            if json_file == "-":
                raw = sys.stdin.read()
            else:
                raw = Path(json_file).read_text(encoding="utf-8")
        except OSError as exc:
            raise CommandError(f"Cannot read {json_file}: {exc}") from exc
        try:
            payload = json.loads(raw)
        except json.JSONDecodeError as exc:
            raise CommandError(f"{json_file} is not valid JSON: {exc}") from exc
        result = assess(payload, use_signals=not no_signals)
        self.stdout.write(json.dumps(result, ensure_ascii=False, default=str))
