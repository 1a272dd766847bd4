"""Shared fixtures: a user of every role, a partner organisation with a key, and reports made
through the real intake service from synthetic data."""

import importlib
import io
import os
from pathlib import Path

import pytest
from django.apps import apps as django_apps
from django.core.management import call_command
from django.utils import timezone

from hatehub.accounts.models import Organisation, Role, User
from hatehub.accounts.services import issue_api_key
from hatehub.demo.synthetic import Synthetic
from hatehub.evidence.services import receive
from hatehub.intake.services import Contact, ReportSubmission, submit_public_report
from hatehub.jurisdiction.models import Force
from tests.local_servers import HTTPServer, SMTPServer

REFERENCE_DIR = Path(
    os.environ.get(
        "HUB_REFERENCE_DIR", Path(__file__).resolve().parents[2] / "shared" / "reference"
    )
)
PASSWORD = "correct horse battery staple"


def require(available: bool, missing: str) -> None:
    """Skip a test whose tool or service is missing, saying how to get it (`missing`); under
    CI (`CI` set, as .ci/run sets it) a missing one fails the run instead, as the browser
    tests do, so CI never passes by skipping."""
    if available:
        return
    if os.environ.get("CI"):
        pytest.fail(f"Cannot run under CI: {missing}")
    pytest.skip(missing)


@pytest.fixture(autouse=True, scope="session")
def _case_status_written_only_by_cases():
    """Any save of a case whose status changed, made by hub code outside hatehub/cases, fails
    the test that caused it (tests/case_writes.py)."""
    from tests import case_writes

    case_writes.watch()


_DATABASE_FIXTURES = frozenset({"db", "transactional_db", "live_server", "django_db_setup"})


def uses_database(item) -> bool:
    """Whether a test touches the database: marked for it, or asking for a fixture that opens it
    (directly or through another fixture)."""
    return item.get_closest_marker("django_db") is not None or bool(
        _DATABASE_FIXTURES & set(getattr(item, "fixturenames", ()))
    )


def pytest_collection_modifyitems(config, items):
    """`HUB_TESTS_DATABASE_ONLY=1` runs only the tests of what the database engine does, for
    .ci/run's PostgreSQL pass, which follows a full pass on SQLite: the tests that touch the
    database, without the browser tests. Left out are the pure modules (the classifier, the
    fingerprints, the rules: about 1,600 tests that open no database) and the browser tests
    (pages, accessibility and JavaScript in Chromium, whose server side the other database tests
    cover on PostgreSQL): running them a second time tells nothing new and would take CI past
    its 20 minutes on a slow machine."""
    if not os.environ.get("HUB_TESTS_DATABASE_ONLY"):
        return
    kept, left_out = [], []
    for item in items:
        in_browser = Path(str(item.path)).parent.name == "browser"
        (kept if uses_database(item) and not in_browser else left_out).append(item)
    if left_out:
        config.hook.pytest_deselected(items=left_out)
        items[:] = kept


@pytest.fixture(autouse=True)
def _strands_survive_flushes(request, django_db_blocker):
    """The five strands are seeded by a migration; a transactional test (the browser tests)
    empties every table when it ends, so a database test after one finds them put back."""
    if uses_database(request.node):
        from hatehub.reports.models import Strand

        request.getfixturevalue("django_db_setup")  # the test database, not the real one
        with django_db_blocker.unblock():
            if not Strand.objects.exists():
                seed = importlib.import_module("hatehub.intake.migrations.0002_seed_strands")
                seed.seed(django_apps, None)
    yield


@pytest.fixture(autouse=True)
def _a_fresh_scoring_memory():
    """The scorer keeps each case's scored words in the process, keyed by the case's id; each
    test's database is rolled back, so the next test may be given the same ids again."""
    from hatehub.intake import scoring

    scoring._scored_words.clear()


@pytest.fixture
def reference_dir() -> Path:
    return REFERENCE_DIR


@pytest.fixture
def forces(db) -> dict[str, Force]:
    # The force list only: the geography files are read straight from the reference directory.
    call_command(
        "load_reference_data", forces=str(REFERENCE_DIR / "uk_police_forces.csv"), verbosity=0
    )
    return {force.police_uk_id: force for force in Force.objects.all()}


@pytest.fixture
def synthetic() -> Synthetic:
    return Synthetic(seed=1234)


@pytest.fixture
def organisation(db) -> Organisation:
    return Organisation.objects.create(name="Example Reporting Centre")


@pytest.fixture
def api_key(organisation) -> str:
    return issue_api_key(organisation=organisation, reason="test")


def _user(username: str, role: str, **extra) -> User:
    return User.objects.create_user(username=username, password=PASSWORD, role=role, **extra)


@pytest.fixture
def users(forces, organisation) -> dict[str, User]:
    """One user per role; the force user belongs to Merseyside, the other force user to Kent;
    "spoc" is a hub officer accredited as a communications data single point of contact."""
    return {
        "hub_officer": _user("officer", Role.HUB_OFFICER),
        "hub_supervisor": _user("supervisor", Role.HUB_SUPERVISOR),
        "force_user": _user("merseyside", Role.FORCE_USER, force=forces["merseyside"]),
        "other_force_user": _user("kent", Role.FORCE_USER, force=forces["kent"]),
        "partner": _user("partner", Role.PARTNER, organisation=organisation),
        "volunteer": _user("volunteer", Role.VOLUNTEER),
        "administrator": _user("admin", Role.ADMINISTRATOR, is_staff=True, is_superuser=True),
        "analyst": _user("analyst", Role.ANALYST),
        "spoc": _user("spoc", Role.HUB_OFFICER, spoc_accredited=True),
    }


@pytest.fixture
def png_bytes(synthetic) -> bytes:
    return synthetic.screenshot(synthetic.post(platform="x"))


@pytest.fixture
def make_submission(synthetic):
    def make(**overrides) -> ReportSubmission:
        post = synthetic.post(platform=overrides.pop("platform", "x"))
        person = synthetic.person()
        evidence = overrides.pop("evidence_bytes", [])
        received = [
            receive(
                io.BytesIO(data),
                name=f"screenshot-{i}.png",
                size=len(data),
                received_at=timezone.now(),
            )
            for i, data in enumerate(evidence)
        ]
        values = {
            "reporter_role": "victim",
            "description": post.text,
            "platform": post.platform,
            "strands": [post.strand],
            "urls": [post.url],
            "accounts": [f"@{post.handle}"],
            "victim_postcode": "L1 8JQ",
            "contact": Contact(name=person["name"], email=person["email"], contact_method="email"),
            "evidence": received,
        }
        values.update(overrides)
        return ReportSubmission(**values)

    return make


@pytest.fixture
def make_report(db, make_submission):
    def make(**overrides):
        return submit_public_report(make_submission(**overrides))

    return make


@pytest.fixture
def smtp_server(settings):
    """A real SMTP server on loopback, with the hub's email set to go through it by SMTP."""
    server = SMTPServer()
    server.start()
    settings.HUB_EMAIL_BACKEND = "smtp"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = server.port
    yield server
    server.stop()


@pytest.fixture
def http_server():
    """A local HTTP server: set `http_server.responses["/path"] = (status, body, headers)`."""
    server = HTTPServer()
    server.start()
    yield server
    server.stop()
