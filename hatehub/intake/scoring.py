"""Scoring the words of recorded reports for their cases' content signal, after recording.

The content signal (the strongest threat or hate score of the words a case's reports quote)
only orders cases of the same urgency in a surge's queue. Scoring a text with the model costs
several milliseconds, a quarter of a batch's recording, so the batch recorder (`batches`) does
not score inside its transaction: it marks the reports whose quotes are to be scored
(`Report.signal_pending`) and wakes `score_recorded_reports` once it commits. That task (one
pass at a time: two workers would score the same quotes twice) reads the marked reports,
scores their words (a quote at least `SAME_WORDS` alike to one already scored for its case is
not scored again: a viral post's thousand copies cost one score, not a thousand), raises each
case's signal and clears the marks. The words scored for a case are kept in the worker's
memory across passes (`_ScoredWords`): a post's copies arrive over many passes. A pass is one
transaction, which holds no row lock while the model scores, and a case's row only for the
conditional update that raises its signal. A crash between the recording and the scoring
leaves the marks, so the next run (each minute, by the schedule) scores them: every recorded
quote is scored, at least once. The urgency is not set here: the danger rules that raise it
(a threat, an address, a future event) are cheap word rules, applied when the report is
received and recorded (`routing.initial_urgency`).
"""

import hashlib
import time
from collections import OrderedDict
from dataclasses import dataclass
from typing import Literal

from django.db import connection, transaction

from hatehub.cases import services as case_services
from hatehub.core.db import retried_on_conflict
from hatehub.core.tasks import enqueue_unless_waiting
from hatehub.matching.fingerprints import TextFingerprint, text_fingerprint
from hatehub.reports.models import Report

from .services import content_signal_of

# Two quotes of one case this alike are the same words (a typo, a look-alike letter): the
# first is scored for the case's content signal, not each of a viral post's thousand copies.
SAME_WORDS = 0.8
# Reports read by one pass: a few batches' worth.
SCORED_PER_PASS = 1000
# The cases whose scored words a worker keeps between passes (the most recently scored), and
# how many different wordings it keeps for each.
CASES_KEPT = 20_000
WORDINGS_KEPT = 64


@dataclass
class _Quote:
    report_id: int
    case_id: int
    text: str


Scored = tuple[TextFingerprint, float | None]


class _ScoredWords:
    """The words already scored for each case, and their scores, kept in this worker across
    scoring passes: in a surge's backlog a viral post's copies arrive over a hundred passes,
    and without it each pass scored them again (a third of the workers' time). A kept score is
    the score of words at least `SAME_WORDS` alike, the same reuse as within one pass; a pass
    that rolls back leaves scores that are still its words' scores. Keyed by the case's id,
    which no other case is given again (PostgreSQL's sequences, SQLite's AUTOINCREMENT)."""

    def __init__(self, cases: int = CASES_KEPT, wordings: int = WORDINGS_KEPT):
        self.cases = cases
        self.wordings = wordings
        self._kept: OrderedDict[int, list[Scored]] = OrderedDict()

    def alike(self, case_id: int, fingerprint: TextFingerprint) -> float | None | Literal[False]:
        """The kept score of words alike to these in the case, else False (a score may be
        None)."""
        kept = self._kept.get(case_id)
        if kept is None:
            return False
        self._kept.move_to_end(case_id)
        return next(
            (signal for theirs, signal in kept if fingerprint.similarity(theirs) >= SAME_WORDS),
            False,
        )

    def keep(self, case_id: int, scored: Scored) -> None:
        kept = self._kept.setdefault(case_id, [])
        self._kept.move_to_end(case_id)
        if len(kept) < self.wordings:
            kept.append(scored)
        if len(self._kept) > self.cases:
            self._kept.popitem(last=False)

    def clear(self) -> None:
        self._kept.clear()


_scored_words = _ScoredWords()


def wake_scorer() -> None:
    """Have a task worker score what the recorders marked (see `score_marked`)."""
    from .tasks import score_recorded_reports

    enqueue_unless_waiting(score_recorded_reports)


def score_marked(*, limit: int = SCORED_PER_PASS) -> int:
    """Score the quotes of up to `limit` marked reports (oldest first), raise their cases'
    signals and clear their marks; returns how many marks were cleared."""
    return retried_on_conflict(lambda: _score_pass(limit))


@transaction.atomic
def _score_pass(limit: int) -> int:
    if not _scoring_alone():
        return 0  # another worker is scoring, and goes on until no mark is left
    quotes = [
        _Quote(*row)
        for row in Report.objects.filter(signal_pending=True)
        .order_by("pk")
        .values_list("pk", "case_id", "quoted_text")[:limit]
    ]
    if not quotes:
        return 0
    # While the model scores, the pass holds no row lock: only its own advisory lock.
    return _raise(_signals_of(quotes))


# One scoring pass at a time (PostgreSQL): two workers would score the same marked quotes
# twice. SQLite runs one writing transaction at a time already.
SCORING_LOCK = int.from_bytes(hashlib.sha256(b"intake:scoring").digest()[:8], "big", signed=True)


def _scoring_alone() -> bool:
    if connection.vendor != "postgresql":
        return True
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_xact_lock(%s)", [SCORING_LOCK])
        return bool(cursor.fetchone()[0])


def _signals_of(quotes: list[_Quote]) -> dict[int, float | None]:
    """Each report's signal: its own words' score, or that of words at least `SAME_WORDS`
    alike already scored for its case (in this pass or an earlier one in this worker)."""
    signals: dict[int, float | None] = {}
    for quote in quotes:
        if not quote.text:
            signals[quote.report_id] = None
            continue
        fingerprint = text_fingerprint(quote.text)
        if fingerprint is None:  # too short to fingerprint: scored each time
            signals[quote.report_id] = content_signal_of(quote.text)
            continue
        alike = _scored_words.alike(quote.case_id, fingerprint)
        if alike is not False:
            signals[quote.report_id] = alike
            continue
        signal = content_signal_of(quote.text)
        _scored_words.keep(quote.case_id, (fingerprint, signal))
        signals[quote.report_id] = signal
    return signals


def _raise(signals: dict[int, float | None]) -> int:
    """Raise the signal of the case each report is in now (a merge may have moved it since it
    was read), then clear the marks: a pass that dies before its commit changes nothing."""
    cases: dict[int, float] = {}
    marked = list(
        Report.objects.filter(pk__in=list(signals), signal_pending=True).values_list(
            "pk", "case_id"
        )
    )
    for report_id, case_id in marked:
        signal = signals[report_id]
        if signal is not None and signal > cases.get(case_id, 0.0):
            cases[case_id] = signal
    case_services.raise_content_signals(cases)
    return Report.objects.filter(pk__in=[pk for pk, _case in marked], signal_pending=True).update(
        signal_pending=False
    )


def score_all_marked(*, for_seconds: float | None = None) -> int:
    """`score_marked` until no mark is left (or `for_seconds` have passed); how many."""
    deadline = None if for_seconds is None else time.monotonic() + for_seconds
    done = 0
    while cleared := score_marked():
        done += cleared
        if deadline is not None and time.monotonic() > deadline:
            wake_scorer()  # more may be waiting: a new run goes on after what else is queued
            break
    return done
