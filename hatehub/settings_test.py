"""Settings for the test suite: the real settings with a throwaway secret, tasks run inline and
evidence in a per-run temporary directory. DATABASE_URL still picks PostgreSQL when set."""

import os
import tempfile

os.environ.setdefault("HUB_INSECURE_DEV_SECRET", "1")
os.environ.setdefault("HUB_TASK_BACKEND", "immediate")
os.environ.setdefault("HUB_PLAIN_STATIC", "1")
os.environ.setdefault("HUB_VAR_DIR", tempfile.mkdtemp(prefix="hub-test-"))

from .settings import *  # noqa: E402,F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # fast users in tests only
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # noqa: F405 (whitenoise warns when missing)
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    # A file, not the in-memory default: the browser tests' live server answers requests on
    # several threads, which must not share one in-memory connection.
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / "test.sqlite3")}  # noqa: F405
# The test client's login() calls authenticate() without a request, which django-axes refuses;
# the sign-in lock-out and second-factor tests switch both back on for themselves.
AUTHENTICATION_BACKENDS = ["django.contrib.auth.backends.ModelBackend"]
AXES_ENABLED = False
HUB_REQUIRE_2FA = False
