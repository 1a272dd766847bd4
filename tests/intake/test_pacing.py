"""During a surge the recording workers hold back, so the senders are acknowledged first."""

import pytest

from hatehub.intake import services
from hatehub.intake.pacing import ArrivalRate, SurgePacing
from hatehub.reports.models import Report
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


class FakeClock:
    """Time as the worker sees it: each look at the clock takes 10 ms, sleeping moves it on."""

    def __init__(self, on_sleep=None):
        self.now, self.slept, self.on_sleep = 1000.0, [], on_sleep

    def monotonic(self) -> float:
        self.now += 0.01
        return self.now

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += seconds
        if self.on_sleep:
            self.on_sleep()


@pytest.mark.django_db
@pytest.mark.parametrize("batch_size", [1, 2])
def test_a_worker_pauses_between_batches_while_reports_pour_in(
    client, api_key, synthetic, workers_behind, monkeypatch, settings, batch_size
):
    for number in range(3):
        post_report(client, api_key, report_body(synthetic), idempotency_key=f"pace-{number}")
    settings.HUB_SURGE_REPORTS_PER_SECOND = 50
    settings.HUB_SURGE_RECORDING_SHARE = 0.25
    settings.HUB_RECORDING_BATCH_SIZE = batch_size
    clock = FakeClock()
    monkeypatch.setattr(services, "time", clock)
    arriving = 300.0  # reports a second, as the worker measures them

    def measured(rate, now, newest_id):
        rate.per_second = arriving

    monkeypatch.setattr(ArrivalRate, "update", measured)

    assert services.record_waiting(for_seconds=600) == 3
    assert Report.objects.count() == 3
    # Recording took a quarter of the time, pauses the rest (one pause per batch, each after it).
    batches = 3 if batch_size == 1 else 2
    assert len(clock.slept) >= batches and all(pause > 0 for pause in clock.slept)

    arriving = 2.0  # the surge has passed
    post_report(client, api_key, report_body(synthetic), idempotency_key="pace-after")
    clock.slept.clear()
    assert services.record_waiting(for_seconds=600) == 1
    assert sum(clock.slept) == 0


@pytest.mark.django_db
def test_a_worker_stops_holding_back_as_soon_as_the_surge_passes(
    client, api_key, synthetic, workers_behind, monkeypatch, settings
):
    for number in range(2):
        post_report(client, api_key, report_body(synthetic), idempotency_key=f"pace-{number}")
    settings.HUB_SURGE_REPORTS_PER_SECOND = 50
    settings.HUB_SURGE_RECORDING_SHARE = 0.001  # a batch would pause for minutes
    arriving = [300.0]
    clock = FakeClock(on_sleep=lambda: arriving.__setitem__(0, 2.0))  # surge over after 1 s
    monkeypatch.setattr(services, "time", clock)
    monkeypatch.setattr(
        ArrivalRate, "update", lambda rate, now, newest_id: setattr(rate, "per_second", arriving[0])
    )

    assert services.record_waiting(for_seconds=600) == 2
    assert sum(clock.slept) <= 1.0  # one slice of the pause, then back to recording
