"""When to try a failed delivery again: exponential backoff with a cap, and when to give up.

Pure: no Django. The attempt number counts from 1 (the first try)."""

from datetime import timedelta

FIRST_DELAY = timedelta(seconds=30)
MAX_DELAY = timedelta(hours=1)
MAX_ATTEMPTS = 8  # about 2 hours of retries before a person must look
# A claimed message whose worker has not finished within the lease is assumed lost (the worker
# crashed) and may be claimed again.
LEASE = timedelta(minutes=5)


def delay_after(attempt: int) -> timedelta:
    """30 s, 1 min, 2 min, 4 min ... capped at an hour."""
    return min(FIRST_DELAY * (2 ** max(attempt - 1, 0)), MAX_DELAY)


def gives_up(attempt: int, *, permanent: bool) -> bool:
    return permanent or attempt >= MAX_ATTEMPTS
