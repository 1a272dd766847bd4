"""During a surge the recording workers hold back, so the senders are acknowledged first."""

import pytest

from hatehub.intake import services
from hatehub.intake.models import Report
from hatehub.intake.pacing import ArrivalRate, SurgePacing
from tests.intake.test_api import post_report, report_body


def test_recording_takes_only_its_share_of_the_time_while_a_surge_lasts():
    pacing = SurgePacing(surge_rate=50, share=0.2)
    assert pacing.pause_after(0.03, arrival_rate=10) == 0  # a normal day: no pause
    assert pacing.pause_after(0.03, arrival_rate=250) == pytest.approx(0.12)  # 0.03 of 0.15
    assert SurgePacing(surge_rate=50, share=1).pause_after(0.03, arrival_rate=250) == 0


def test_the_arrival_rate_is_measured_from_the_newest_receipt_at_most_once_a_second():
    rate = ArrivalRate()
    assert rate.due(100.0)
    assert rate.update(100.0, newest_id=1_000) == 0  # one reading: no rate yet
    assert not rate.due(100.5)
    assert rate.due(101.0)
    assert rate.update(102.0, newest_id=1_500) == 250


@pytest.mark.django_db
def test_a_worker_pauses_between_reports_while_reports_pour_in(
    client, api_key, synthetic, workers_behind, monkeypatch, settings
):
    for number in range(3):
        post_report(client, api_key, report_body(synthetic), idempotency_key=f"pace-{number}")
    settings.HUB_SURGE_REPORTS_PER_SECOND = 50
    settings.HUB_SURGE_RECORDING_SHARE = 0.25
    pauses = []
    monkeypatch.setattr(services.time, "sleep", pauses.append)
    arriving = 300.0  # reports a second, as the worker measures them

    def measured(rate, now, newest_id):
        rate.per_second = arriving

    monkeypatch.setattr(ArrivalRate, "update", measured)

    assert services.record_waiting(for_seconds=600) == 3
    assert Report.objects.count() == 3
    assert len(pauses) == 3 and all(pause > 0 for pause in pauses)

    arriving = 2.0  # the surge has passed
    post_report(client, api_key, report_body(synthetic), idempotency_key="pace-after")
    pauses.clear()
    assert services.record_waiting(for_seconds=600) == 1
    assert pauses == [0]
