"""Fixtures shared by the intake tests."""

from types import SimpleNamespace

import pytest

from hatehub.intake import services, tasks


@pytest.fixture
def workers_behind(monkeypatch):
    """The task workers have not reached the waiting reports yet (as in a surge): returns the
    times they were woken and the recordings queued again after failing."""
    queued = SimpleNamespace(woken=0, retried=[])

    def wake() -> None:
        queued.woken += 1

    monkeypatch.setattr(services, "wake_recorder", wake)
    monkeypatch.setattr(
        tasks, "record_received_report", SimpleNamespace(enqueue=queued.retried.append)
    )
    return queued
