"""Settings come from the environment (12-factor); see README "Configuration"."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

BASE_DIR = Path(__file__).resolve().parent.parent
env = environ.Env()

DEBUG = env.bool("DEBUG", default=False)
# pytest sets PYTEST_VERSION while it runs: tests talk plain HTTP to the test client.
TESTING = "PYTEST_VERSION" in os.environ


def _secret_key() -> str:
    """SECRET_KEY from the environment; otherwise one kept in a local file, made on first use."""
    given: str = env.str("SECRET_KEY", default="")
    if given:
        return given
    path = BASE_DIR / ".secret_key"
    if not path.exists():
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    key = path.read_text().strip()
    if not key:
        raise ImproperlyConfigured(f"SECRET_KEY is not set and {path} is empty")
    return key


SECRET_KEY = _secret_key()
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "testserver"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_htmx",
    "ninja",
    "django_tasks_db",
    "advisor.assessments",
    "advisor.guide",
    "advisor.reports",
    "advisor.api",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # A database that does not answer: a 503 with Retry-After rather than a 500 and a traceback per request.
    "advisor.middleware.DatabaseUnavailable",
    # Outside everything that writes a body, so it compresses the final one.
    "advisor.middleware.CompressText",
    "advisor.middleware.refuse_large_bodies",
    "advisor.middleware.api_problems",
    # Headers only: outside the health probe, so its answer carries them too.
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    # Before CommonMiddleware checks the Host: a load balancer probes each instance by its address.
    "advisor.middleware.health_probe",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    # Before the CSRF check, which would answer PUT or DELETE on a page with a 403.
    "advisor.middleware.RefuseUndeclaredMethods",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
]

ROOT_URLCONF = "advisor.urls"
WSGI_APPLICATION = "advisor.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.csp",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASE_URL = env.str("DATABASE_URL", default="") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}"
DATABASES = {"default": env.db_url_config(DATABASE_URL)}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # A file, not memory: the browser tests' live server answers from other threads.
    DATABASES["default"]["TEST"] = {"NAME": str(BASE_DIR / "test-db.sqlite3")}
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
# A restarted database costs a reconnect, not one 500 per worker.
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DB_CONNECT_TIMEOUT = env.int("DB_CONNECT_TIMEOUT", default=5)
DB_STATEMENT_TIMEOUT_MS = env.int("DB_STATEMENT_TIMEOUT_MS", default=10_000)
DB_TCP_USER_TIMEOUT_MS = env.int("DB_TCP_USER_TIMEOUT_MS", default=10_000)
# Seconds any wait for PostgreSQL's answer may last on an open connection (advisor/database.py); above
# statement_timeout, so a slow query is the server's to stop.
DB_ANSWER_SECONDS = env.float("DB_ANSWER_SECONDS", default=DB_STATEMENT_TIMEOUT_MS / 1000 + 5)
if DATABASES["default"]["ENGINE"].endswith("postgresql"):
    # A black-holed database fails a request in seconds instead of holding a worker.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "connect_timeout": DB_CONNECT_TIMEOUT,
            "options": f"-c statement_timeout={DB_STATEMENT_TIMEOUT_MS}",
            # A database host that vanishes mid-query (no reset, no answer) fails the query once what was
            # sent goes unacknowledged for this long, and an idle connection to it is found dead by
            # keepalives, instead of a worker waiting on the socket until gunicorn kills it.
            "tcp_user_timeout": DB_TCP_USER_TIMEOUT_MS,
            "keepalives": 1,
            "keepalives_idle": 10,
            "keepalives_interval": 2,
            "keepalives_count": 3,
        }
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

if redis_url := env.str("REDIS_URL", default=""):
    CACHES = {
        "default": {
            # Falls back to each process's memory while Redis does not answer (advisor/cache.py).
            "BACKEND": "advisor.cache.ResilientRedisCache",
            "LOCATION": redis_url,
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Background work (PDF reports) goes through Django's tasks framework, queued in the database;
# `make worker` (and `make serve`) run a worker.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# On where a worker runs (`make serve`, `make worker`): saves queue their PDF and downloads never
# render in a web worker. Off (`make run`, tests): a download renders in the request.
PDF_WORKER = env.bool("PDF_WORKER", default=False)
# A task RUNNING this long was left by a worker that died (the worst PDF renders in well under a minute):
# it is queued again, /healthz reports it and its PDF link stops waiting for it (advisor/reports/stuck.py).
TASK_STUCK_SECONDS = env.int("TASK_STUCK_SECONDS", default=600)
# Finished task rows older than this are deleted by the worker (at start, then hourly); the PDFs stay.
TASK_RESULT_DAYS = env.int("TASK_RESULT_DAYS", default=7)

SESSION_ENGINE = "advisor.sessions"
# Sessions only exist where an assessment was created or saved (they remember its edit link);
# `manage.py clearsessions` removes expired ones (README "Deploying").
SESSION_COOKIE_AGE = 60 * 60 * 24 * 365
# A session the browser has not sent back yet (a script that keeps no cookies makes one per save) lasts
# this long; it gets SESSION_COOKIE_AGE once the browser returns it (assessments/views.py).
UNCONFIRMED_SESSION_AGE = 60 * 60

# Absolute links in shared pages, PDFs and decision records; never built from the request's Host.
PUBLIC_URL = env.str("PUBLIC_URL", default="http://127.0.0.1:8000").rstrip("/")
# Assessments nobody viewed for this many days are purged by `manage.py purge_assessments`; 0 keeps them.
RETENTION_DAYS = env.int("RETENTION_DAYS", default=0)

LANGUAGE_CODE = "en"
TIME_ZONE = "UTC"
USE_I18N = False
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [
    BASE_DIR / "static",
    # plotly.js with bar, scatter and pie only, installed from the npm registry by `make install`.
    ("vendor/plotly", BASE_DIR / "node_modules" / "plotly.js-basic-dist-min"),
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not (DEBUG or TESTING)
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = DEBUG or TESTING

# Bodies above this are refused with a 413 before anything parses them.
DATA_UPLOAD_MAX_MEMORY_SIZE = 1_000_000
FILE_UPLOAD_MAX_MEMORY_SIZE = 1_048_576  # MAX_BODY_BYTES: no accepted upload is spooled to disk
# Any request body (an upload too) above this is refused before it is read or spooled to disk:
# a 1,000,000-byte import file plus the form's other fields and boundaries.
MAX_BODY_BYTES = 1_048_576

# Behind a TLS-terminating proxy in production; `make serve` and tests run plain HTTP.
HTTPS = env.bool("HTTPS", default=not (DEBUG or TESTING))
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = HTTPS
# Probes reach /healthz over plain HTTP behind the proxy and see its real status.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365 if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
# Share links carry secrets in the path: never send them to other sites.
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    # plotly.js and htmx add style elements at run time.
    "style-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF, "data:"],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}

# Per client: creating assessments and rendering PDFs cost the most.
ADVISOR_CREATE_RATE = env.str("CREATE_RATE", default="60/h")
ADVISOR_PDF_RATE = env.str("PDF_RATE", default="20/m")
# Each save re-scores and queues a new PDF: generous for a person, a wall for a script.
ADVISOR_SAVE_RATE = env.str("SAVE_RATE", default="30/m")
# A new share link queues a new PDF: per assessment, on top of the client's saves it counts against.
ADVISOR_ROTATE_RATE = env.str("ROTATE_RATE", default="10/h")
# The engine's runs for the API's recommendations and the editor's preview (htmx asks on each change):
# counted per client, and charged per client in seconds of a worker's time per window (advisor/budget.py).
ADVISOR_RECOMMEND_RATE = env.str("RECOMMEND_RATE", default="60/m")
ADVISOR_PREVIEW_RATE = env.str("PREVIEW_RATE", default="120/m")
ADVISOR_ENGINE_BUDGET = env.str("ENGINE_BUDGET", default="10/m")
# Seconds one such run may hold its worker before it is stopped with a 503 (0: unbounded).
ADVISOR_ENGINE_SECONDS = env.float("ENGINE_SECONDS", default=2.0)
# A what-if runs a day of minutes per pattern: a person changing the panel's fields, not a script's loop.
ADVISOR_SIMULATE_RATE = env.str("SIMULATE_RATE", default="120/m")
# How many proxies in front of the app append to X-Forwarded-For (0: the client connects directly).
TRUSTED_PROXIES = env.int("TRUSTED_PROXIES", default=0)
RATELIMIT_IP_META_KEY = "advisor.clients.client_address"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    # Edit links are capabilities: no log line carries one.
    "filters": {"redact_tokens": {"()": "advisor.redact.RedactTokens"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "filters": ["redact_tokens"]}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="WARNING")},
    # Django's own defaults log these through handlers of their own, which would skip the filter.
    "loggers": {
        "django": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="WARNING"), "propagate": False},
        "django.server": {"handlers": ["console"], "level": "INFO", "propagate": False},
    },
}
