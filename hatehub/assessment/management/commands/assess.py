"""``manage.py assess --json FILE``: one report in, one recommendation out, as JSON.

Why: the hub officer's tools (and the bench) need the recommendation of ``engine.recommend`` for
a report that usually holds only free text (DOMAIN.md s2), with the inferred answers and the
words behind them, the rules that fired and their sources, so a decision can be checked and
explained (DOMAIN.md s1 item 8). Answers given in the input override inferred ones: they are the
officer's confirmations or corrections.
"""

import json
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from hatehub.assessment.engine import REPORTERS, AnswerError, Answers, recommend
from hatehub.assessment.inference import infer, to_answers
from hatehub.assessment.rules import RuleValidationError, load_rules

OUTPUT_KEYS = (
    "classification",
    "strands",
    "offences",
    "priority",
    "route_to_local_force",
    "urgent",
    "enhanced_rights",
    "inferred",
    "rules_fired",
    "signals",
)


def _signals(text: str):
    """ContentSignals from the optional signals module, or (None, {}) when it is not there or
    cannot score (e.g. its model file is not built). Signals only add answers; never required."""
    try:
        from hatehub.assessment import signals as signals_module
    except ImportError:
        return None, {}
    try:
        result = signals_module.score(text)
    except Exception as exc:  # an optional aid must not block an assessment
        return None, {"error": str(exc)}
    as_dict = {
        k: getattr(result, k)
        for k in ("hate", "threat", "dehumanising", "derogatory", "slur", "targets", "evidence")
        if hasattr(result, k)
    }
    return result, as_dict


def assess(payload: dict, *, use_signals: bool = True, today=None) -> dict:
    """The command's work as a function: validate, infer, merge, recommend, serialise."""
    if not isinstance(payload, dict):
        raise CommandError("Input must be a JSON object with 'text' and 'reporter'.")
    unknown = set(payload) - {"text", "reporter", "answers"}
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
    try:
        rules = load_rules()
    except RuleValidationError as exc:
        raise CommandError(str(exc)) from exc
    known_strands = tuple(rules.strands)
    try:
        given_answers = Answers.from_mapping(given, known_strands)
    except AnswerError as exc:
        raise CommandError(f"Invalid answers: {exc}") from exc

    signals_obj, signals_out = _signals(text) if use_signals else (None, {})
    inferred = infer(text, reporter, rules=rules, signals=signals_obj)
    answers = to_answers(inferred, reporter).merged(given_answers)
    rec = recommend(answers, rules, today=today)
    inferred_out = {}
    for name, item in inferred.items():
        entry = item.to_dict()
        entry["overridden"] = name in given
        inferred_out[name] = entry
    return {
        "classification": rec.classification,
        "strands": list(rec.strands),
        "offences": [o.to_dict() for o in rec.offences],
        "priority": rec.priority_dict(),
        "route_to_local_force": rec.route_to_local_force,
        "urgent": rec.urgent,
        "enhanced_rights": rec.enhanced_rights,
        "inferred": inferred_out,
        "rules_fired": [f.to_dict() for f in rec.rules_fired],
        "signals": signals_out,
    }


class Command(BaseCommand):
    help = "Assess one report: --json FILE (or - for stdin) with text, reporter and answers."

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
