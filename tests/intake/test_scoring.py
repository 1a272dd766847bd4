"""The batch recorder leaves the content signal (the model's score of a report's quoted words,
which orders a surge's queue among cases of the same urgency) to a task run once the batch has
committed (`intake.scoring`). Every quote recorded is still scored, and its case takes its
place in the queue, even when the worker dies between the recording and the scoring."""

import pytest

from hatehub.cases import selectors
from hatehub.cases.models import Case
from hatehub.core.scheduling import periodic_jobs
from hatehub.intake import scoring, services, tasks
from hatehub.reports.choices import ROUTINE
from hatehub.reports.models import Report
from tests.intake.test_api import post_report, report_body
from tests.intake.test_recording_batches import surge_of_one_post

pytestmark = pytest.mark.django_db

MILD = "I do not like the new bus timetable at all, it is a disgrace"
HATEFUL = "Muslims are vermin and should not be allowed in this country"


@pytest.fixture
def in_batches(settings):
    settings.HUB_RECORDING_BATCH_SIZE = 50


def received(client, api_key, synthetic, quoted_text: str, key: str) -> str:
    body = report_body(synthetic, quoted_text=quoted_text)
    response = post_report(client, api_key, body, idempotency_key=key)
    assert response.status_code == 201
    return response.json()["reference"]


def case_of(reference: str) -> Case:
    return Report.objects.select_related("case").get(reference=reference).case


def test_a_report_recorded_in_a_batch_is_scored_once_its_batch_commits_and_takes_its_place(
    client,
    api_key,
    synthetic,
    workers_behind,
    in_batches,
    users,
    django_capture_on_commit_callbacks,
):
    mild = received(client, api_key, synthetic, MILD, "mild")
    hateful = received(client, api_key, synthetic, HATEFUL, "hateful")

    with django_capture_on_commit_callbacks(execute=True) as committed:
        assert services.record_waiting(for_seconds=60) == 2

    # The recording committed first, and its commit woke the scoring task (run at once here).
    assert scoring.wake_scorer in committed
    assert not Report.objects.filter(signal_pending=True).exists()
    assert case_of(hateful).content_signal > 0.5 > case_of(mild).content_signal
    assert case_of(hateful).urgency == case_of(mild).urgency == ROUTINE
    queue = list(selectors.queue(users["hub_officer"]).values_list("pk", flat=True))
    assert queue.index(case_of(hateful).pk) < queue.index(case_of(mild).pk)


def test_a_crash_between_recording_and_scoring_still_scores_the_quote(
    client, api_key, synthetic, workers_behind, in_batches, users
):
    mild = received(client, api_key, synthetic, MILD, "mild")
    hateful = received(client, api_key, synthetic, HATEFUL, "hateful")

    # Recorded and committed; the worker dies before the scoring task runs (the commit's
    # wake-up is not run here: no on-commit callback runs in this test).
    assert services.record_waiting(for_seconds=60) == 2
    assert case_of(hateful).content_signal == 0
    assert Report.objects.filter(signal_pending=True).count() == 2

    # The scheduler's run a minute later scores what is marked.
    assert "intake.score_recorded_reports" in {job.name for job in periodic_jobs()}
    assert tasks.score_recorded_reports.call() == 2

    assert not Report.objects.filter(signal_pending=True).exists()
    assert case_of(hateful).content_signal > 0.5 > case_of(mild).content_signal
    queue = list(selectors.queue(users["hub_officer"]).values_list("pk", flat=True))
    assert queue.index(case_of(hateful).pk) < queue.index(case_of(mild).pk)


def test_a_scoring_run_that_fails_before_its_commit_leaves_the_marks_for_the_next(
    client, api_key, synthetic, workers_behind, in_batches, monkeypatch
):
    hateful = received(client, api_key, synthetic, HATEFUL, "hateful")
    assert services.record_waiting(for_seconds=60) == 1

    def dies(signals):
        raise RuntimeError("the worker died here")

    monkeypatch.setattr(scoring.case_services, "raise_content_signals", dies)
    with pytest.raises(RuntimeError):
        scoring.score_marked()
    assert Report.objects.filter(signal_pending=True).count() == 1
    assert case_of(hateful).content_signal == 0

    monkeypatch.undo()
    assert scoring.score_marked() == 1
    assert case_of(hateful).content_signal > 0.5


def test_a_viral_posts_copies_are_scored_once_and_a_weaker_score_lowers_nothing(
    client, api_key, synthetic, workers_behind, in_batches, monkeypatch
):
    references = surge_of_one_post(client, api_key, synthetic, 30)
    assert services.record_waiting(for_seconds=60) == 30
    case = case_of(references[0])
    Case.objects.filter(pk=case.pk).update(content_signal=0.99)  # an earlier, stronger quote
    scored = []

    def score(text: str) -> float:
        scored.append(text)
        return 0.5

    monkeypatch.setattr(scoring, "content_signal_of", score)

    assert scoring.score_marked() == 30

    assert len(scored) == 1  # the same words, a doubled space apart: one score for the case
    case.refresh_from_db()
    assert case.content_signal == 0.99


def test_copies_scored_in_a_later_pass_are_not_scored_again(
    client, api_key, synthetic, workers_behind, in_batches, monkeypatch
):
    # A surge's backlog: a post's copies are recorded over many batches and scored over many
    # passes; the words scored for the case in the first pass stand for its copies in the next.
    references = surge_of_one_post(client, api_key, synthetic, 30)
    assert services.record_waiting(for_seconds=60) == 30
    scored = []

    def score(text: str) -> float:
        scored.append(text)
        return 0.7

    monkeypatch.setattr(scoring, "content_signal_of", score)

    assert [scoring.score_marked(limit=10) for _ in range(4)] == [10, 10, 10, 0]

    assert len(scored) == 1
    assert case_of(references[-1]).content_signal == 0.7
    assert not Report.objects.filter(signal_pending=True).exists()


def test_other_words_in_the_same_case_are_still_scored_in_a_later_pass(
    client, api_key, synthetic, workers_behind, in_batches
):
    mild = received(client, api_key, synthetic, MILD, "mild")
    assert services.record_waiting(for_seconds=60) == 1
    assert scoring.score_marked() == 1
    case = case_of(mild)
    assert case.content_signal < 0.5
    # Another report of the case quotes words the first pass never saw: they are scored.
    hateful = received(client, api_key, synthetic, HATEFUL, "hateful")
    assert services.record_waiting(for_seconds=60) == 1
    Report.objects.filter(reference=hateful).update(case=case, signal_pending=True)

    assert scoring.score_marked() == 1

    case.refresh_from_db()
    assert case.content_signal > 0.5


def test_the_score_goes_to_the_case_the_report_is_in_when_it_is_scored(
    client, api_key, synthetic, workers_behind, in_batches, monkeypatch
):
    hateful = received(client, api_key, synthetic, HATEFUL, "hateful")
    other = received(client, api_key, synthetic, MILD, "other")
    assert services.record_waiting(for_seconds=60) == 2
    first, second = case_of(hateful), case_of(other)
    real = scoring._signals_of

    def moved_while_scored(quotes):
        signals = real(quotes)
        # Moved to another case (as a merge moves reports) while its words were scored.
        Report.objects.filter(reference=hateful).update(case=second)
        return signals

    monkeypatch.setattr(scoring, "_signals_of", moved_while_scored)

    assert scoring.score_marked() == 2

    first.refresh_from_db()
    second.refresh_from_db()
    assert second.content_signal > 0.5
    assert first.content_signal == 0


def test_a_report_recorded_alone_is_scored_at_once(client, api_key, synthetic, workers_behind):
    # One by one (`HUB_RECORDING_BATCH_SIZE=1`, a batch's fallback, an import): scored inside
    # its own recording, as before; nothing is left marked.
    hateful = received(client, api_key, synthetic, HATEFUL, "hateful")
    assert services.record_waiting(for_seconds=60, batch_size=1) == 1
    assert case_of(hateful).content_signal > 0.5
    assert not Report.objects.filter(signal_pending=True).exists()
