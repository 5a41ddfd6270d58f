"""Test settings: fast hashing, captured email, tasks in-process unless a test starts a worker."""

import os

from .base import *  # noqa: F403
from .base import CACHES

SECRET_KEY = "test-secret-key-not-for-production-0123456789abcdef"  # noqa: S105
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Even with REDIS_URL set, tasks run in-process unless the celery_worker fixture turns this off.
CELERY_TASK_ALWAYS_EAGER = True
LANGUAGE_CODE = "en"
MATCH_WARM_ON_START = False  # tests fit models when they ask for them
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Each test process keeps its own keys, so parallel runs sharing one Redis never clear each other's.
CACHES["default"]["KEY_PREFIX"] = f"test-{os.getpid()}"
