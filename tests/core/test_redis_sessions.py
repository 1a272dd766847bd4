"""Sessions in Redis (HUB_REDIS_URL): the report form works as with sessions in the database,
nothing of the session is written to the database, and an idle session expires in Redis by
itself."""

import os
import uuid

import pytest
import redis
from django.conf import settings
from django.contrib.sessions.backends.cache import KEY_PREFIX
from django.contrib.sessions.models import Session
from django.core.cache import cache
from django.test import override_settings

from hatehub.reports.models import ReceivedReport
from hatehub.settings import redis_caches
from tests.conftest import require
from tests.intake.test_journey import CHECK_ANSWERS, answers, submit, walk

REDIS_URL = os.environ.get("HUB_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")


def redis_reachable() -> bool:
    try:
        return bool(redis.Redis.from_url(REDIS_URL, socket_timeout=1).ping())
    except redis.RedisError:
        return False


@pytest.fixture
def sessions_in_redis():
    require(
        redis_reachable(),
        f"Redis is not reachable at {REDIS_URL}: install and start it (`apt-get install "
        "redis-server`, then `redis-server --daemonize yes --bind 127.0.0.1`; .ci/run does), "
        "or point HUB_TEST_REDIS_URL at one",
    )
    # A prefix of its own: test runs in parallel share the server.
    caches = redis_caches(REDIS_URL, key_prefix=f"test-{uuid.uuid4().hex}")
    with override_settings(CACHES=caches, SESSION_ENGINE="django.contrib.sessions.backends.cache"):
        yield
        cache.delete_pattern("*")  # this test's keys only (its prefix), not the others'


def test_a_report_made_with_sessions_in_redis_is_received_and_no_session_row_is_written(
    client, db, sessions_in_redis
):
    assert walk(client, answers()) == CHECK_ANSWERS
    page = submit(client)

    assert page.status_code == 200
    received = ReceivedReport.objects.get()
    assert received.reference in page.content.decode()
    assert not Session.objects.exists()


def test_a_session_in_redis_expires_after_the_idle_time(client, db, sessions_in_redis):
    client.post("/report/safety/", {"danger": "no"})

    ttl = cache.ttl(f"{KEY_PREFIX}{client.session.session_key}")
    assert 0 < ttl <= settings.SESSION_COOKIE_AGE
    assert client.get("/report/who/").status_code == 200  # the answer is still there
