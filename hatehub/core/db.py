"""Database helpers shared by services."""

import logging
import random
import time
from collections.abc import Callable
from typing import TypeVar

from django.db import OperationalError

T = TypeVar("T")
log = logging.getLogger(__name__)

# PostgreSQL: deadlock detected, serialization failure. The database rolled the transaction
# back whole, so running it again is safe.
RETRYABLE = {"40P01", "40001"}


def retried_on_conflict(work: Callable[[], T], *, attempts: int = 5) -> T:
    """Run `work` (which opens its own transaction) again if the database aborted it as a
    deadlock victim or serialization failure. The wait is random, so two transactions that
    deadlocked once do not meet again in step (the surge bench saw a report fail three times
    running with a fixed wait)."""
    for attempt in range(1, attempts + 1):
        try:
            return work()
        except OperationalError as error:
            code = getattr(error.__cause__, "sqlstate", None)
            if code not in RETRYABLE or attempt == attempts:
                raise
            log.warning("Transaction aborted (%s), attempt %s: running it again", code, attempt)
            time.sleep(random.uniform(0.01, 0.05) * attempt)  # noqa: S311 (not for secrets)
    raise AssertionError("unreachable")
