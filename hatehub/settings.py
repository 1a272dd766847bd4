"""Settings for the Online Hate Crime Hub.

Everything that differs between a laptop demo and a force deployment comes from environment
variables with safe defaults: SQLite, local files and the database-backed task worker out of the
box; PostgreSQL, Redis and object storage by changing a variable, never the code.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("HUB_VAR_DIR", BASE_DIR / "var"))
VAR_DIR.mkdir(parents=True, exist_ok=True)
# The shared evaluation data that `train_signals` trains on (../shared/eval beside the checkout).
HUB_EVAL_DIR = Path(os.environ.get("HUB_EVAL_DIR", BASE_DIR.parent / "shared" / "eval"))


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("HUB_DEBUG")
SECRET_KEY = os.environ.get("HUB_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG and not env_bool("HUB_INSECURE_DEV_SECRET"):
        raise ImproperlyConfigured(
            "Set HUB_SECRET_KEY (or HUB_INSECURE_DEV_SECRET=1 for a local demo or tests)."
        )
    SECRET_KEY = "insecure-development-key-never-use-in-production"  # noqa: S105

ALLOWED_HOSTS = env_list("HUB_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
CSRF_TRUSTED_ORIGINS = env_list("HUB_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_tasks",
    "django_tasks_db",
    "ninja",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
    "csp",
    "hatehub.core",
    "hatehub.audit",
    "hatehub.jurisdiction",
    "hatehub.accounts",
    "hatehub.reports",
    "hatehub.evidence",
    "hatehub.cases",
    "hatehub.casework",
    "hatehub.matching",
    "hatehub.assessment",
    "hatehub.victims",
    "hatehub.outbox",
    "hatehub.support",
    "hatehub.reviews",
    "hatehub.platforms",
    "hatehub.suspects",
    "hatehub.packages",
    "hatehub.intelligence",
    "hatehub.volunteers",
    "hatehub.training",
    "hatehub.advice",
    "hatehub.analytics",
    "hatehub.privacy",
    "hatehub.intake",
    "hatehub.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "hatehub.audit.middleware.RequestContextMiddleware",
    "hatehub.accounts.middleware.SecondFactorMiddleware",
    # Last, as django-axes asks: it turns a locked-out sign-in into the lock-out page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "hatehub.urls"
WSGI_APPLICATION = "hatehub.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "hatehub" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "hatehub.accounts.context_processors.service",
            ],
        },
    },
]

# SQLite in WAL mode with immediate transactions, so the web server and the task worker can
# write side by side without "database is locked"; DATABASE_URL switches to PostgreSQL.
_sqlite_path = VAR_DIR / "hub.sqlite3"
DATABASES = {
    "default": dj_database_url.config(
        env="DATABASE_URL", default=f"sqlite:///{_sqlite_path}", conn_max_age=60
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "cases:queue"
LOGOUT_REDIRECT_URL = "accounts:login"

# Staff sign-in: a password (Argon2) and a second factor (TOTP, django-otp) for every role that
# signs in; repeated failures lock the username and address out (django-axes); a session ends
# after HUB_SESSION_IDLE_MINUTES without a request.
HUB_REQUIRE_2FA = env_bool("HUB_REQUIRE_2FA", True)
OTP_TOTP_ISSUER = os.environ.get("HUB_TOTP_ISSUER", "Online Hate Crime Hub")
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",  # reads older hashes, then upgrades them
]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# How many reverse proxies (TLS terminator, load balancer) stand in front of the hub: the
# visitor's address is that many entries from the end of X-Forwarded-For (audit log, lock-outs).
HUB_TRUSTED_PROXIES = int(os.environ.get("HUB_TRUSTED_PROXIES", 0))
AXES_IPWARE_PROXY_COUNT = HUB_TRUSTED_PROXIES or None
AXES_IPWARE_META_PRECEDENCE_ORDER = (
    ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"] if HUB_TRUSTED_PROXIES else ["REMOTE_ADDR"]
)
AXES_ENABLED = env_bool("HUB_LOGIN_LOCKOUT", True)
AXES_VERBOSE = False  # lock-outs are in the audit log; no banner on every start
AXES_FAILURE_LIMIT = int(os.environ.get("HUB_LOGIN_FAILURE_LIMIT", 5))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("HUB_LOGIN_LOCKOUT_MINUTES", 30)))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]  # either one alone locks out
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_RESET_ON_SUCCESS = True
AXES_USERNAME_FORM_FIELD = "username"
SESSION_COOKIE_AGE = 60 * int(os.environ.get("HUB_SESSION_IDLE_MINUTES", 30))
SESSION_SAVE_EVERY_REQUEST = True  # the idle clock restarts with each request


def redis_caches(url: str, *, key_prefix: str = "hub") -> dict:
    return {
        "default": {
            # django-redis rather than Django's own RedisCache, which builds a new client (and
            # its table of reply parsers) for every command: a third of a form page's time.
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": url,
            "KEY_PREFIX": key_prefix,
            # JSON, as sessions in the database are: whoever can write to Redis cannot make
            # the web servers unpickle code.
            "OPTIONS": {"SERIALIZER": "django_redis.serializers.json.JSONSerializer"},
        }
    }


# Sessions (a signed-in officer's, and a member of the public's answers on the report form)
# live in the database, or in Redis when HUB_REDIS_URL is set. In a surge every page of the
# form reads and writes its session: Redis answers in one round trip each, with no
# transaction, and lets a session expire by itself when it goes idle.
HUB_REDIS_URL = os.environ.get("HUB_REDIS_URL", "")
if HUB_REDIS_URL:
    CACHES = redis_caches(HUB_REDIS_URL)
    SESSION_ENGINE = "django.contrib.sessions.backends.cache"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "hatehub" / "static"]
MEDIA_ROOT = VAR_DIR / "media"

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Evidence lives in its own content-addressed store; swap for django-storages' S3 backend
    # by setting HUB_EVIDENCE_STORAGE (and its options) in a deployment.
    "evidence": {
        "BACKEND": os.environ.get(
            "HUB_EVIDENCE_STORAGE", "django.core.files.storage.FileSystemStorage"
        ),
        "OPTIONS": {
            "location": str(Path(os.environ.get("HUB_EVIDENCE_DIR", VAR_DIR / "evidence")))
        },
    },
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG or env_bool("HUB_PLAIN_STATIC")
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG

# Background work: django-tasks with the database backend and its `db_worker` command by
# default; HUB_TASK_BACKEND=immediate runs tasks inline (tests), or point it at django-tasks-rq.
_task_backends = {
    "database": "django_tasks_db.DatabaseBackend",
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
}
_task_backend = os.environ.get("HUB_TASK_BACKEND", "database")
TASKS = {"default": {"BACKEND": _task_backends.get(_task_backend, _task_backend)}}
# A task still RUNNING after this long is taken to belong to a dead worker and queued again
# (hatehub.core.tasks.recover_stalled_tasks, every minute). Longer than any task takes.
HUB_TASK_LEASE_SECONDS = int(os.environ.get("HUB_TASK_LEASE_SECONDS", 600))
# During a surge (reports arriving faster than HUB_SURGE_REPORTS_PER_SECOND) each recording
# worker records for at most HUB_SURGE_RECORDING_SHARE of its time and pauses for the rest:
# acknowledging every sender comes first, and the backlog is recorded once the surge passes.
HUB_SURGE_REPORTS_PER_SECOND = float(os.environ.get("HUB_SURGE_REPORTS_PER_SECOND", 50))
HUB_SURGE_RECORDING_SHARE = float(os.environ.get("HUB_SURGE_RECORDING_SHARE", 0.1))
# Receipts a recording worker claims and records in one transaction (1: one by one, as before).
HUB_RECORDING_BATCH_SIZE = int(os.environ.get("HUB_RECORDING_BATCH_SIZE", 100))

# Field-level encryption of personal data (hatehub.core.encryption): Fernet keys, the first
# encrypts, all decrypt. Required in production; the demo derives one from its throwaway secret.
HUB_INSECURE_DEV_SECRET = env_bool("HUB_INSECURE_DEV_SECRET")
HUB_FIELD_ENCRYPTION_KEYS = env_list("HUB_FIELD_ENCRYPTION_KEYS")
if not HUB_FIELD_ENCRYPTION_KEYS and os.environ.get("HUB_FIELD_ENCRYPTION_KEYS_FILE"):
    HUB_FIELD_ENCRYPTION_KEYS = [
        line.strip()
        for line in Path(os.environ["HUB_FIELD_ENCRYPTION_KEYS_FILE"]).read_text().splitlines()
        if line.strip() and not line.startswith("#")
    ]

# Outgoing messages (hatehub.outbox): each channel is held in the outbox by default, so nothing
# leaves the machine until a deployment chooses SMTP or GOV.UK Notify, and webhooks are POSTed.
HUB_EMAIL_BACKEND = os.environ.get("HUB_EMAIL_BACKEND", "outbox")  # outbox | smtp | notify
HUB_SMS_BACKEND = os.environ.get("HUB_SMS_BACKEND", "outbox")  # outbox | notify
HUB_LETTER_BACKEND = os.environ.get("HUB_LETTER_BACKEND", "outbox")  # outbox | notify
HUB_WEBHOOK_BACKEND = os.environ.get("HUB_WEBHOOK_BACKEND", "outbox")  # outbox | http
HUB_WEBHOOK_SIGNING_KEY = os.environ.get("HUB_WEBHOOK_SIGNING_KEY", "")
HUB_NOTIFY_API_KEY = os.environ.get("HUB_NOTIFY_API_KEY", "")
HUB_NOTIFY_BASE_URL = os.environ.get(
    "HUB_NOTIFY_BASE_URL", "https://api.notifications.service.gov.uk"
)
HUB_NOTIFY_EMAIL_TEMPLATE_ID = os.environ.get("HUB_NOTIFY_EMAIL_TEMPLATE_ID", "")
HUB_NOTIFY_SMS_TEMPLATE_ID = os.environ.get("HUB_NOTIFY_SMS_TEMPLATE_ID", "")
HUB_NOTIFY_LETTER_TEMPLATE_ID = os.environ.get("HUB_NOTIFY_LETTER_TEMPLATE_ID", "")
HUB_DELIVERY_TIMEOUT_SECONDS = int(os.environ.get("HUB_DELIVERY_TIMEOUT_SECONDS", 20))
HUB_USER_AGENT = os.environ.get(
    "HUB_USER_AGENT", "OnlineHateCrimeHub/1.0 (police online hate crime hub; +/about/data/)"
)
EMAIL_HOST = os.environ.get("HUB_SMTP_HOST", "127.0.0.1")
EMAIL_PORT = int(os.environ.get("HUB_SMTP_PORT", 25))
EMAIL_HOST_USER = os.environ.get("HUB_SMTP_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("HUB_SMTP_PASSWORD", "")
EMAIL_USE_TLS = env_bool("HUB_SMTP_STARTTLS")
DEFAULT_FROM_EMAIL = os.environ.get("HUB_EMAIL_FROM", "Online Hate Crime Hub <hub@localhost>")
HUB_MESSAGE_ID_DOMAIN = os.environ.get("HUB_MESSAGE_ID_DOMAIN", "hatehub.localhost")

# Uploads: checked by content in hatehub.evidence.validation; these are the limits it enforces.
EVIDENCE_MAX_FILE_BYTES = int(os.environ.get("HUB_EVIDENCE_MAX_FILE_BYTES", 20 * 1024 * 1024))
EVIDENCE_MAX_FILES = int(os.environ.get("HUB_EVIDENCE_MAX_FILES", 10))
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
# A partner API body carries evidence as base64 (4/3 of the file) plus the report itself.
DATA_UPLOAD_MAX_MEMORY_SIZE = EVIDENCE_MAX_FILE_BYTES * 4 // 3 + 2 * 1024 * 1024

# An old API key keeps working this long after a rotation, so partners can roll over safely.
API_KEY_ROTATION_GRACE_HOURS = int(os.environ.get("HUB_API_KEY_ROTATION_GRACE_HOURS", 24))

HUB_REFERENCE_DIR = Path(
    os.environ.get("HUB_REFERENCE_DIR", BASE_DIR.parent / "shared" / "reference")
)
# Which force records and investigates (DOMAIN.md section 4): "suspect_else_victim" (default)
# or "victim_records"; see hatehub/jurisdiction/responsibility.py.
HUB_RESPONSIBLE_FORCE_RULE = os.environ.get("HUB_RESPONSIBLE_FORCE_RULE", "suspect_else_victim")
# load_reference_data keeps its checked copy of the force areas and postcode districts here.
HUB_GEOGRAPHY_DIR = Path(os.environ.get("HUB_GEOGRAPHY_DIR", VAR_DIR / "reference"))
HUB_SERVICE_NAME = "Report online hate"
HUB_STAFF_SERVICE_NAME = "Online Hate Crime Hub"
# The hub's public address, for every link that leaves it (Track my report, support services'
# acknowledgement, platforms' status callback): absolute, as people outside reach it.
HUB_PUBLIC_URL = os.environ.get("HUB_PUBLIC_URL", "http://127.0.0.1:8000").rstrip("/")
# "Exit this page" sends people somewhere neutral; forces may choose their own.
HUB_EXIT_PAGE_URL = os.environ.get("HUB_EXIT_PAGE_URL", "https://www.bbc.co.uk/weather")

# Victims' Code clocks and Track my report (docs/victims.md); read through hatehub/victims/conf.py.
HUB_VICTIMS_ENHANCED_BY_DEFAULT = env_bool("HUB_VICTIMS_ENHANCED_BY_DEFAULT", True)
HUB_VICTIMS_NATION = os.environ.get("HUB_VICTIMS_NATION", "england-and-wales")
HUB_VICTIMS_EXTRA_CLOSURES = os.environ.get("HUB_VICTIMS_EXTRA_CLOSURES", "")
HUB_VICTIMS_REPLY_TO = os.environ.get("HUB_VICTIMS_REPLY_TO", "")
HUB_TRACK_MAX_FAILURES_PER_REFERENCE = int(
    os.environ.get("HUB_TRACK_MAX_FAILURES_PER_REFERENCE", 5)
)
HUB_TRACK_MAX_FAILURES_PER_IP = int(os.environ.get("HUB_TRACK_MAX_FAILURES_PER_IP", 20))
HUB_TRACK_LOCKOUT_MINUTES = int(os.environ.get("HUB_TRACK_LOCKOUT_MINUTES", 15))
HUB_TRACK_LINK_DAYS = int(os.environ.get("HUB_TRACK_LINK_DAYS", 28))
HUB_TRACK_SESSION_MINUTES = int(os.environ.get("HUB_TRACK_SESSION_MINUTES", 30))

# Browser capture of reported content (docs/evidence.md); read through hatehub/evidence/conf.py.
# A deployment with no internet switches capture off, so officers see "capture unavailable".
HUB_CAPTURE_ENABLED = env_bool("HUB_CAPTURE_ENABLED", True)
# Only tests (pages served on 127.0.0.1) let capture reach loopback and private addresses.
HUB_CAPTURE_ALLOW_PRIVATE = env_bool("HUB_CAPTURE_ALLOW_PRIVATE", False)
HUB_CHROMIUM = os.environ.get("HUB_CHROMIUM", "/usr/bin/chromium")
HUB_CAPTURE_TIMEOUT_SECONDS = int(os.environ.get("HUB_CAPTURE_TIMEOUT_SECONDS", 30))

# Surge detection (docs/analytics.md). The p-value default is the detector's own
# (hatehub/analytics/surges.py, Settings.p_value), whose false-alarm reasoning is for 1e-6.
HUB_SURGE_WEEKS = int(os.environ.get("HUB_SURGE_WEEKS", 4))
HUB_SURGE_P_VALUE = float(os.environ.get("HUB_SURGE_P_VALUE", 1e-6))
HUB_SURGE_MIN_COUNT = int(os.environ.get("HUB_SURGE_MIN_COUNT", 5))
HUB_SURGE_CONTENT_MIN_COUNT = int(os.environ.get("HUB_SURGE_CONTENT_MIN_COUNT", 10))

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SECURE_CONTENT_TYPE_NOSNIFF = True
# same-origin, not no-referrer: Django's CSRF check needs the Origin header, which browsers
# send as "null" on form posts under no-referrer.
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Content Security Policy (django-csp): our own scripts, styles and images only. The API's
# Swagger page loads its viewer from a CDN, so it is left out.
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/api/v1/docs"],
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}
if env_bool("HUB_HTTPS"):
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = True
    SECURE_HSTS_SECONDS = 31536000
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("HUB_LOG_LEVEL", "INFO")},
    "loggers": {
        "django.request": {"level": "ERROR"},
        # The worker logs every task twice at INFO; a hub wants to hear about failures.
        "django_tasks": {"level": "WARNING"},
        "django_tasks_db": {"level": "WARNING"},
        # WeasyPrint reports each layout step at INFO; only its problems matter.
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}
