"""Settings shared by every environment; values come from the environment (see .env.example)."""

from datetime import timedelta
from pathlib import Path

import environ
from celery.schedules import crontab
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

SECRET_KEY = env("SECRET_KEY", default="dev-only-insecure-key-change-me")
DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rest_framework",  # not rest_framework.authtoken: keys in clear; accounts.ApiToken (0011 converted them)
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "core",
    "taxonomy",
    "accounts",
    "clusters",
    "matching",
    "events",
    "mentoring",
    "portal",
    "demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "config.security.ContentSecurityPolicyMiddleware",
    "accounts.middleware.TimezoneMiddleware",
]

# Only our own scripts, styles and connections: no inline code anywhere (tests/security checks the templates).
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; "
    "form-action 'self'; frame-ancestors 'none'"
)

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "accounts.context_processors.navigation",
            ],
        },
    },
]

# SQLite is the embedded default for a first run; production and CI use PostgreSQL.
DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # IMMEDIATE transactions + WAL + a busy timeout: concurrent writers wait instead of
    # failing with "database is locked".
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
DATABASES["default"]["ATOMIC_REQUESTS"] = False
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=0)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env("REDIS_URL", default="")

# Short socket timeouts: with Redis down or hung a cache call fails within half a second. Reads that
# only save work then fail open (core.cachesafe); the sign-in throttles fail closed (accounts.throttle).
REDIS_CACHE_OPTIONS = {"socket_connect_timeout": 0.5, "socket_timeout": 0.5}
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env("CACHE_KEY_PREFIX", default="clusterlink"),
            "OPTIONS": REDIS_CACHE_OPTIONS,
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = ["django.contrib.auth.backends.ModelBackend"]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Language: English fallback, Korean for visitors whose browser asks for it.
LANGUAGE_CODE = "en"
LANGUAGES = [("ko", _("Korean")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "UTC"  # stored in UTC
DISPLAY_TIME_ZONE = "Asia/Seoul"  # shown in Seoul time (TimezoneMiddleware)

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = BASE_DIR / "staticfiles"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
MEDIA_ROOT = BASE_DIR / "media"
MEDIA_URL = "/media/"
# Match message attachments: outside the web root, with no URL; served only by a view that checks the reader.
PRIVATE_MEDIA_ROOT = env("PRIVATE_MEDIA_ROOT", default=str(BASE_DIR / "private-media"))
MATCH_ATTACHMENT_MAX_BYTES = env.int("MATCH_ATTACHMENT_MAX_BYTES", default=10 * 1024 * 1024)
MATCH_ATTACHMENT_MAX_FILES = env.int("MATCH_ATTACHMENT_MAX_FILES", default=3)
# Form fields (not files) held in memory per request; an uploaded file above the second spools to a temporary
# file, and upload views put core.uploads.LimitedUploadHandler first so no file past its limit is stored.
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440

# Email
EMAIL_BACKEND = env("EMAIL_BACKEND", default="django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env("EMAIL_HOST", default="localhost")
EMAIL_PORT = env.int("EMAIL_PORT", default=25)
EMAIL_HOST_USER = env("EMAIL_HOST_USER", default="")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", default="")
EMAIL_USE_TLS = env.bool("EMAIL_USE_TLS", default=False)
EMAIL_FILE_PATH = env("EMAIL_FILE_PATH", default=str(BASE_DIR / "sent-mail"))
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="ClusterLink <noreply@clusterlink.local>")
SITE_URL = env("SITE_URL", default="http://127.0.0.1:8000")

# Celery: Redis when configured, otherwise tasks run in-process.
CELERY_BROKER_URL = REDIS_URL or "memory://"
CELERY_RESULT_BACKEND = REDIS_URL or None
CELERY_TASK_ALWAYS_EAGER = not REDIS_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_TASK_TIME_LIMIT = 15 * 60
CELERY_TASK_SOFT_TIME_LIMIT = 14 * 60
CELERY_TASK_ACKS_LATE = True  # every task is idempotent, so redelivery after a crash is safe
CELERY_TASK_REJECT_ON_WORKER_LOST = True
# Redis redelivers a task unacknowledged this long (a killed worker's; default an hour). It must exceed
# the longest run (the hard time limit) and retry countdown (at most 10 min), or a task still running
# is delivered a second time.
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": CELERY_TASK_TIME_LIMIT + 5 * 60}
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_RESULT_EXPIRES = timedelta(days=1)
CELERY_TIMEZONE = "UTC"
CELERY_BEAT_SCHEDULE: dict = {
    "expire-event-offers": {"task": "clusters.expire_event_offers", "schedule": timedelta(minutes=10)},
    "send-event-reminders": {"task": "clusters.send_event_reminders", "schedule": timedelta(hours=1)},
    "send-event-followups": {"task": "clusters.send_event_followups", "schedule": timedelta(hours=1)},
}
CELERY_BEAT_SCHEDULE |= {  # the review lifecycle: reminders/expiry, daily digests, refit from decisions
    "remind-introductions": {"task": "matching.remind_introductions", "schedule": timedelta(hours=6)},
    "send-match-digests": {"task": "matching.send_match_digests", "schedule": timedelta(hours=1)},
    "refit-from-decisions": {"task": "matching.refit_from_decisions", "schedule": timedelta(days=1)},
    "expire-needs": {"task": "matching.expire_needs", "schedule": timedelta(hours=1)},
}
# A broker outage must not hold a web request: connecting and publishing give up after one quick retry
# (at once on a refused connection, in about a second on a hung one); core.queueing then records the
# job and the beat task below re-sends it once the broker is back.
CELERY_BROKER_CONNECTION_TIMEOUT = 1
CELERY_BROKER_TRANSPORT_OPTIONS |= {"socket_connect_timeout": 1, "socket_timeout": 1}
CELERY_TASK_PUBLISH_RETRY_POLICY = {"max_retries": 1, "interval_start": 0, "interval_step": 0.2, "interval_max": 0.2}
CELERY_BEAT_SCHEDULE["resend-queued-tasks"] = {"task": "config.resend_queued_tasks", "schedule": timedelta(minutes=1)}
# Lifecycle-stage thresholds that differ from the defaults in clusters/indicators/stage.py ({rule code: number}).
INDICATOR_STAGE_THRESHOLDS: dict[str, float] = {}
# Seconds a computed cluster/alliance dashboard is kept in the cache (0 = computed live on every view). The key
# holds the data's version, so new linkages, matches, registrations or members show at once (README "Load benchmark").
DASHBOARD_CACHE_SECONDS = env.int("DASHBOARD_CACHE_SECONDS", default=300)
# Seconds a rendered list (proposals, review queue, events, directory) is kept per viewer (0 = rendered on every
# view). The key holds the data's version, so a change shows at once; this only bounds relative-time wording.
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=60)
# Nightly, 03:30 in Seoul (18:30 UTC): indicator snapshots of every cluster and alliance, read by the trends.
CELERY_BEAT_SCHEDULE["snapshot-indicators"] = {"task": "portal.snapshot_indicators", "schedule": crontab(minute=30, hour=18)}
# Mentoring seats left unanswered: one reminder after this many hours, then closed and refilled after these.
MENTORING_REMIND_AFTER_HOURS = env.int("MENTORING_REMIND_AFTER_HOURS", default=72)
MENTORING_REASSIGN_AFTER_HOURS = env.int("MENTORING_REASSIGN_AFTER_HOURS", default=168)
CELERY_BEAT_SCHEDULE["mentoring-responsiveness"] = {"task": "mentoring.remind_and_reassign", "schedule": crontab(minute=17)}
# Mondays 08:00 in Seoul (Sunday 23:00 UTC): the weekly indicators digest to each cluster's managers.
CELERY_BEAT_SCHEDULE["indicator-digest"] = {"task": "portal.send_indicator_digest", "schedule": crontab(minute=0, hour=23, day_of_week=0)}
# Daily 07:30 in Seoul (22:30 UTC): what is new in each saved search, in the app and one email digest per person.
CELERY_BEAT_SCHEDULE["saved-search-alerts"] = {"task": "portal.saved_search_alerts", "schedule": crontab(minute=30, hour=22)}
# Retention (PIPA/GDPR): email logs and notifications older than this many days are purged daily, 04:10 in Seoul.
RETENTION_EMAIL_LOG_DAYS = env.int("RETENTION_EMAIL_LOG_DAYS", default=365)
RETENTION_NOTIFICATION_DAYS = env.int("RETENTION_NOTIFICATION_DAYS", default=365)
CELERY_BEAT_SCHEDULE["purge-expired-records"] = {"task": "portal.purge_expired_records", "schedule": crontab(minute=10, hour=19)}
EVENT_OFFER_HOLD_HOURS = env.int("EVENT_OFFER_HOLD_HOURS", default=48)  # a freed seat is held this long
# Check-in and "held" meetings are accepted from this many minutes before an event starts.
EVENT_CHECKIN_OPENS_MINUTES = env.int("EVENT_CHECKIN_OPENS_MINUTES", default=120)

REST_FRAMEWORK = {
    # Token first: DRF answers unauthenticated requests with the first class's challenge, so they get
    # 401 with `WWW-Authenticate: Token` (session first would give 403). Session sign-ins still work,
    # and their writes still need the CSRF token.
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "accounts.tokens.ExpiringTokenAuthentication",  # hashed ApiToken keys, refused after API_TOKEN_TTL_DAYS
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_PAGINATION_CLASS": "config.pagination.CappedPageNumberPagination",
    "PAGE_SIZE": 20,
    "DEFAULT_FILTER_BACKENDS": [
        "django_filters.rest_framework.DjangoFilterBackend",
        "rest_framework.filters.SearchFilter",
        "rest_framework.filters.OrderingFilter",
    ],
    "DEFAULT_SCHEMA_CLASS": "config.schema.AutoSchema",  # adds the 400/401/403/404/409 responses
    "EXCEPTION_HANDLER": "core.api.exception_handler",  # domain errors answer 400/403/409
    "DEFAULT_THROTTLE_RATES": {"login": "10/min"},
    "NUM_PROXIES": env.int("NUM_PROXIES", default=0) or None,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "ClusterLink API",
    "DESCRIPTION": (
        "ClusterLink links the firms, hospitals, universities, investors and mentors of bio-medical clusters: "
        "organisations and their people, needs and capabilities, the proposals the similarity model makes "
        "and their review by double opt-in, events with 1:1 partnering, mentoring programmes, and the "
        "cluster's linkage indicators. Every operation answers only with what the caller may see "
        "(confidential descriptions stay with the two sides of a match until both agree).\n\n"
        "Sign in with `Authorization: Token <key>` (POST /api/v1/auth/token/) or a browser session (writes need "
        "the CSRF token). Without valid credentials an operation that needs them answers 401 with "
        "`WWW-Authenticate: Token`; a signed-in caller who may not act gets 403. Errors are JSON: "
        "`{\"detail\": \"...\"}`, or field name → messages for 400. Lists are paginated: `page` from 1 "
        "(400 otherwise, 404 past the last page), `page_size` up to 100."
    ),
    "VERSION": "1.0.0",
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    # Operations are grouped by what a person does with them (config.schema.AutoSchema.get_tags).
    "TAGS": [
        {"name": "accounts", "description": "Sign-in tokens, your profile, organisations and memberships."},
        {"name": "listings", "description": "Needs (what an organisation seeks) and capabilities (what it offers)."},
        {"name": "matches", "description": "Proposed partners, their review by hospital TTO staff, introductions "
                                           "by double opt-in, messages, and full recomputes (match runs)."},
        {"name": "events", "description": "Events and meetups: registration, check-in, 1:1 partnering "
                                          "requests and meetings."},
        {"name": "mentoring", "description": "Mentor profiles, programmes, panels, seats and sessions."},
        {"name": "clusters", "description": "Cluster and alliance indicators, lifecycle stage, specialisation "
                                            "and focus areas."},
        {"name": "search", "description": "Saved listing and directory searches, whose new results are announced "
                                          "in the app and by a daily email."},
    ],
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_PERMISSIONS": ["rest_framework.permissions.AllowAny"],
    # Swagger UI assets come from the vendored sidecar package, never a CDN.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
}

# Throttles for login, signup and password reset: attempts per window, per client.
AUTH_THROTTLE = {
    "login": (5, 15 * 60),
    # Failures from one client across all addresses: stops spraying one password over many accounts.
    "login_ip": (50, 15 * 60),
    "signup": (10, 60 * 60),
    "password_reset": (5, 60 * 60),
}

# Reverse proxies in front of the app that append to X-Forwarded-For (0 = none). Throttles key on
# the client address; DRF's throttles read the same setting.
NUM_PROXIES = env.int("NUM_PROXIES", default=0)

PRIVACY_POLICY_VERSION = "2026-11"
EMAIL_VERIFICATION_MAX_AGE = 3 * 24 * 3600
INVITATION_MAX_AGE_DAYS = 14
# Invitations mail arbitrary addresses: at most this many per inviter per hour, per organisation per day.
# Days an API token is valid after it is issued (at least 1); then the API answers 401 until a new one is made.
API_TOKEN_TTL_DAYS = max(1, env.int("API_TOKEN_TTL_DAYS", default=30))
# API tokens one person may hold (at least 1); issuing one more revokes their oldest.
API_TOKENS_PER_USER = max(1, env.int("API_TOKENS_PER_USER", default=10))
INVITATION_RATE_PER_USER_HOUR = 10
INVITATION_RATE_PER_ORG_DAY = 30

CLUSTERLINK_CACHE_DIR = env("CLUSTERLINK_CACHE_DIR", default=str(BASE_DIR / ".cache" / "clusterlink"))
# Matching rounds: proposals kept per need, the score below which none is kept, how often one
# organisation may be proposed per round (0 = no cap), and needs per chord chunk.
MATCH_PROPOSALS_PER_NEED = env.int("MATCH_PROPOSALS_PER_NEED", default=5)
MATCH_MIN_SCORE = env.float("MATCH_MIN_SCORE", default=0.05)
MATCH_EXPOSURE_CAP = env.int("MATCH_EXPOSURE_CAP", default=10)
MATCH_CHUNK_SIZE = env.int("MATCH_CHUNK_SIZE", default=50)
# A live proposal gives way in a new round only to a candidate scoring more than this share above it.
MATCH_KEEP_MARGIN = env.float("MATCH_KEEP_MARGIN", default=0.10)
# Seconds without progress after which a queued or running round counts as abandoned and a new one may
# supersede it. Twice the task time limit: longer than the broker's visibility timeout, so a killed
# worker's chunks are redelivered (and the round resumes) before it can be superseded.
MATCH_RUN_STALE_SECONDS = env.int("MATCH_RUN_STALE_SECONDS", default=2 * CELERY_TASK_TIME_LIMIT)
# The review lifecycle: stale reviews shown to managers, reminders and expiry of introductions.
MATCH_REVIEW_STALE_DAYS = env.int("MATCH_REVIEW_STALE_DAYS", default=14)
MATCH_INTRO_REMIND_DAYS = env.int("MATCH_INTRO_REMIND_DAYS", default=7)
MATCH_INTRO_EXPIRE_DAYS = env.int("MATCH_INTRO_EXPIRE_DAYS", default=30)
# Decisions (yes or no on proposals) needed before the part weights are refitted from them: below a few
# hundred, a refit that wins on the newest decisions is too often luck (manage.py bench_learning).
MATCH_REFIT_MIN_DECISIONS = env.int("MATCH_REFIT_MIN_DECISIONS", default=300)
# Fit the matching model in the background when a worker (or, with tasks in-process, the web server)
# starts, so the first saved listing does not wait for the fit.
MATCH_WARM_ON_START = env.bool("MATCH_WARM_ON_START", default=True)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
}
