"""The demo's console ends with the sign-ins: `serve --show-file` prints the file after its own
lines and again once the server is listening; the scheduler and the worker log failures, not a
line for every job every minute."""

import logging
import socket
from io import StringIO

import pytest
from django.core.management import call_command

from hatehub.core.management.commands.serve import Command as Serve
from hatehub.core.management.commands.task_worker import Command as TaskWorker


def test_the_file_is_printed_again_once_the_server_listens():
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    port = listener.getsockname()[1]
    out = StringIO()
    serve = Serve(stdout=out)
    serve.SETTLE_SECONDS = 0
    try:
        serve._show_when_listening("127.0.0.1", port, "Demo sign-ins (password for all: x)")
    finally:
        listener.close()
    assert out.getvalue().strip() == "Demo sign-ins (password for all: x)"


def test_nothing_is_printed_if_the_server_never_listens():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]  # closed again: nothing listens there
    out = StringIO()
    Serve(stdout=out)._show_when_listening("127.0.0.1", port, "sign-ins", timeout=0.5)
    assert out.getvalue() == ""


@pytest.mark.django_db
def test_the_scheduler_lists_its_jobs_but_not_each_enqueueing():
    out = StringIO()
    call_command("run_scheduler", "--once", stdout=out)
    assert out.getvalue().startswith("Scheduler: ")
    assert "Enqueued" not in out.getvalue()

    loud = StringIO()
    call_command("run_scheduler", "--once", "--verbosity", "2", stdout=loud)
    assert "Scheduler: " in loud.getvalue()


def test_the_worker_keeps_the_projects_log_levels_unless_asked():
    tasks_logger = logging.getLogger("django_tasks")
    before = tasks_logger.level
    try:
        TaskWorker().configure_logging(1)
        assert tasks_logger.level == before  # settings.LOGGING: WARNING
        TaskWorker().configure_logging(2)
        assert tasks_logger.level == logging.DEBUG
    finally:
        tasks_logger.setLevel(before)
