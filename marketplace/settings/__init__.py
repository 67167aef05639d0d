"""Settings, read from the environment with embedded defaults (README, "Environment variables").

A package: ``base`` holds every setting, each topic in its module (``framework``, ``files``,
``security``, ``tasks``, ``shop``, ``marketplace``); ``test`` is what the suite runs on (fast
password hashing, in-memory email); ``production`` refuses insecure defaults. This package is the
base settings, so ``DJANGO_SETTINGS_MODULE=marketplace.settings`` gives the newcomer's setup:
SQLite, local media, Celery eager, local-memory cache.
"""

from marketplace.settings.base import *  # noqa: F403
