"""Recording a surge's waiting receipts in batches: many reports in one transaction, each still
recorded exactly once with its case, timeline entry and audit entry."""

import pytest

from hatehub.audit.models import AuditEvent
from hatehub.audit.services import verify_chain
from hatehub.cases.models import Case, CaseEvent
from hatehub.intake import services
from hatehub.matching.models import MatchKey
from hatehub.reports.models import ReceivedReport, Report
from hatehub.victims.models import VictimUpdateDue
from hatehub.victims.services import updates as victims
from tests.intake.test_api import post_report, report_body

pytestmark = pytest.mark.django_db


@pytest.fixture
def in_batches(settings):
    settings.HUB_RECORDING_BATCH_SIZE = 50


def surge_of_one_post(client, api_key, synthetic, count: int) -> list[str]:
    """`count` reports of one viral post, as reporters send them: the link in its variants, or
    only the words they saw, with their own typing."""
    post = synthetic.post(platform="x", strand="religion")
    variants = [post.url, post.url.replace("https://", "https://www.") + "?s=20", ""]
    references = []
    for number in range(count):
        url = variants[number % len(variants)]
        body = report_body(
            synthetic,
            urls=[url] if url else [],
            quoted_text=post.text if number % 2 else post.text.replace(" ", "  ", 1),
            accounts=[f"@{post.handle}"],
        )
        response = post_report(client, api_key, body, idempotency_key=f"viral-{number}")
        assert response.status_code == 201
        references.append(response.json()["reference"])
    return references


def test_a_batch_of_one_posts_duplicates_makes_one_case_with_every_report(
    client, api_key, synthetic, workers_behind, in_batches
):
    references = surge_of_one_post(client, api_key, synthetic, 30)

    assert services.record_waiting(for_seconds=60) == 30

    case = Case.objects.get()
    assert sorted(case.reports.values_list("reference", flat=True)) == sorted(references)
    for reference in references:
        assert AuditEvent.objects.filter(
            object_type="report", object_id=reference, action="create"
        ).exists()
        assert CaseEvent.objects.filter(
            case=case, kind=CaseEvent.Kind.REPORT_ADDED, details__report=reference
        ).exists()
    # Opened once, by the first; each reporter's Victims' Code clock started.
    assert CaseEvent.objects.filter(kind=CaseEvent.Kind.OPENED).count() == 1
    assert VictimUpdateDue.objects.filter(event="report_received").count() == 30
    # The index holds the post's link once for the case, not thirty times.
    assert MatchKey.objects.filter(kind=MatchKey.Kind.URL).count() == 1
    assert not ReceivedReport.objects.filter(recorded_at__isnull=True).exists()
    assert verify_chain() == []


def test_reports_of_different_posts_in_one_batch_stay_apart(
    client, api_key, synthetic, workers_behind, in_batches
):
    for number in range(4):
        post_report(client, api_key, report_body(synthetic), idempotency_key=f"post-{number}")

    assert services.record_waiting(for_seconds=60) == 4

    assert Case.objects.count() == 4
    assert set(Report.objects.values_list("case_id", flat=True)) == set(
        Case.objects.values_list("pk", flat=True)
    )


def test_a_batch_joins_the_case_a_post_already_has(
    client, api_key, synthetic, workers_behind, in_batches
):
    references = surge_of_one_post(client, api_key, synthetic, 3)
    services.record_waiting(for_seconds=60, batch_size=1)  # recorded before the surge
    existing = Case.objects.get()
    post = Report.objects.get(reference=references[0])
    body = report_body(synthetic, urls=[post.content_items.get().url])
    late = post_report(client, api_key, body, idempotency_key="late").json()["reference"]

    assert services.record_waiting(for_seconds=60) == 1

    assert Report.objects.get(reference=late).case == existing
    assert Case.objects.count() == 1


class Killed(BaseException):
    """A worker killed mid-batch (SIGKILL, the container stopped): nothing after it runs, not
    even an `except Exception`."""


def test_a_batch_killed_midway_loses_and_duplicates_nothing(
    client, api_key, synthetic, workers_behind, in_batches, monkeypatch
):
    references = surge_of_one_post(client, api_key, synthetic, 12)
    references += [
        post_report(client, api_key, report_body(synthetic), idempotency_key=f"other-{n}").json()[
            "reference"
        ]
        for n in range(3)
    ]
    real = victims.report_clock_started
    calls = []

    def killed_at_the_eighth(report, clock):
        calls.append(report.reference)
        if len(calls) == 8:  # seven reports fully logged, their audit entries pending
            raise Killed
        return real(report, clock)

    monkeypatch.setattr(victims, "report_clock_started", killed_at_the_eighth)
    with pytest.raises(Killed):
        services.record_waiting(for_seconds=60)

    # The batch's transaction rolled back whole: every receipt still waiting, as received.
    assert not Report.objects.exists()
    assert not Case.objects.exists()
    assert not CaseEvent.objects.exists()
    assert not MatchKey.objects.exists()
    assert not AuditEvent.objects.filter(object_type__in=["report", "case"]).exists()
    waiting = ReceivedReport.objects.filter(recorded_at__isnull=True, attempts=0)
    assert waiting.count() == 15 and not waiting.filter(submission="").exists()

    monkeypatch.setattr(victims, "report_clock_started", real)
    assert services.record_waiting(for_seconds=60) == 15

    assert sorted(Report.objects.values_list("reference", flat=True)) == sorted(references)
    assert Case.objects.count() == 4
    audited = AuditEvent.objects.filter(object_type="report", action="create")
    assert sorted(audited.values_list("object_id", flat=True)) == sorted(references)
    assert verify_chain() == []


def test_a_failing_report_is_recorded_alone_and_the_rest_of_its_batch_goes_on(
    client, api_key, synthetic, workers_behind, in_batches, monkeypatch
):
    references = surge_of_one_post(client, api_key, synthetic, 6)
    broken = ReceivedReport.objects.get(reference=references[3])
    real_read = services.ReportSubmission.from_json

    def unreadable(text):
        if text == broken.submission:
            raise ValueError("submission cannot be read")
        return real_read(text)

    monkeypatch.setattr(services.ReportSubmission, "from_json", staticmethod(unreadable))
    assert services.record_waiting(for_seconds=60) == 5

    recorded = set(Report.objects.values_list("reference", flat=True))
    assert recorded == set(references) - {references[3]}
    assert Case.objects.count() == 1
    broken.refresh_from_db()
    assert broken.recorded_at is None and broken.attempts == 1
    assert "submission cannot be read" in broken.last_error
    assert AuditEvent.objects.filter(object_type="report").count() == 5

    monkeypatch.setattr(services.ReportSubmission, "from_json", real_read)
    assert services.record_received(broken.pk).case == Report.objects.first().case


def test_a_batch_records_the_most_urgent_first_across_batches(
    client, api_key, synthetic, workers_behind, settings
):
    settings.HUB_RECORDING_BATCH_SIZE = 3
    routine = [
        post_report(client, api_key, report_body(synthetic), idempotency_key=f"r-{n}").json()[
            "reference"
        ]
        for n in range(5)
    ]
    threat = report_body(
        synthetic, future_event="yes", future_event_details="[SYNTHETIC] A march on Saturday"
    )
    urgent = post_report(client, api_key, threat, idempotency_key="t").json()["reference"]

    assert services.record_waiting(for_seconds=60) == 6

    order = list(Report.objects.order_by("pk").values_list("reference", flat=True))
    assert order == [urgent, *routine]


def test_a_batch_sends_each_contactable_reporter_one_confirmation(
    client, api_key, synthetic, workers_behind, in_batches, django_capture_on_commit_callbacks
):
    from hatehub.victims.models import VictimMessage
    from hatehub.victims.tasks import send_confirmations_task

    for number in range(3):
        body = report_body(synthetic)
        body["contact"]["safe_to_leave_message"] = True  # else nothing goes out automatically
        post_report(client, api_key, body, idempotency_key=f"c-{number}")
    anonymous = report_body(synthetic, anonymous=True, contact={}, support_referral_consent=False)
    assert post_report(client, api_key, anonymous, idempotency_key="anonymous").status_code == 201

    with django_capture_on_commit_callbacks(execute=True):
        assert services.record_waiting(for_seconds=60) == 4

    confirmations = VictimMessage.objects.filter(key__startswith="victim-confirmation:")
    assert confirmations.count() == 3
    assert not confirmations.filter(report__anonymous=True).exists()
    # Run again (a retried task): nobody is written to twice.
    send_confirmations_task.call(list(Report.objects.values_list("pk", flat=True)))
    assert confirmations.count() == 3


def test_a_batch_keeps_a_copy_paste_campaigns_posts_apart_and_joins_the_same_accounts(
    client, api_key, synthetic, workers_behind, in_batches
):
    """Within one batch as one by one: the same words from three accounts are three cases in
    one campaign group; a report naming one of those accounts and quoting the words without a
    link joins that account's case."""
    from hatehub.matching.models import CampaignMember

    words = "We know where you live, [SLUR] scum. Watch your back on Station Road tonight"
    handles = ["RiverWatch1", "steel_lad_77", "KestrelSays"]
    for n, handle in enumerate(handles, start=1):
        body = report_body(
            synthetic,
            urls=[f"https://x.com/{handle}/status/17900000000000000{n}"],
            accounts=[],
            quoted_text=words,
        )
        post_report(client, api_key, body, idempotency_key=f"campaign-{n}")
    unlinked = report_body(synthetic, urls=[], accounts=["steel_lad_77"], quoted_text=words)
    post_report(client, api_key, unlinked, idempotency_key="campaign-unlinked")

    assert services.record_waiting(for_seconds=60) == 4

    linked = Report.objects.filter(content_items__isnull=False).distinct()
    assert len({report.case_id for report in linked}) == 3
    assert Case.objects.count() == 3
    assert CampaignMember.objects.values("group_id").distinct().count() == 1
    joined = Report.objects.get(content_items__isnull=True)
    assert joined.case_id == linked.get(content_items__url__contains="steel_lad_77").case_id


def test_a_batch_combines_the_cases_a_report_ties(
    client, api_key, synthetic, workers_behind, in_batches
):
    """One post reached the hub by its address and by a short link (two cases, opened in the
    same batch); a report giving both ties them, and the batch combines them as one by one
    recording does."""
    post = synthetic.post(platform="x", strand="religion")
    links = [[post.url], ["https://t.co/AbCdEf1234"], [post.url, "https://t.co/AbCdEf1234"]]
    references = []
    for number, urls in enumerate(links):
        body = report_body(synthetic, urls=urls, quoted_text="", accounts=[])
        response = post_report(client, api_key, body, idempotency_key=f"tie-{number}")
        assert response.status_code == 201
        references.append(response.json()["reference"])

    assert services.record_waiting(for_seconds=60) == 3

    live = Case.objects.exclude(status=Case.Status.MERGED).get()
    assert sorted(live.reports.values_list("reference", flat=True)) == sorted(references)
    merged = Case.objects.get(status=Case.Status.MERGED)
    assert merged.merged_into_id == live.pk
    assert CaseEvent.objects.filter(case=live, kind=CaseEvent.Kind.MERGED).exists()
    assert verify_chain() == []
