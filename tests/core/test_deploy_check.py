"""`manage.py check --deploy` is clean with the production environment README documents."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# README, "Production": every variable a production deployment sets (services are not reached).
PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "marketplace.settings.production",
    "SECRET_KEY": secrets.token_urlsafe(50),
    "DEBUG": "false",
    "ALLOWED_HOSTS": "darmaalem.example",
    "CSRF_TRUSTED_ORIGINS": "https://darmaalem.example",
    "SITE_URL": "https://darmaalem.example",
    "SECURE_SSL_REDIRECT": "true",
    "SECURE_COOKIES": "true",
    "SECURE_HSTS_SECONDS": "31536000",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS": "true",
    "SECURE_HSTS_PRELOAD": "true",
    "TRUSTED_PROXY_COUNT": "1",
    "HEALTH_TOKEN": secrets.token_urlsafe(32),
    "DATABASE_URL": "postgres://marketplace@db.internal:5432/marketplace",
    "REDIS_URL": "redis://redis.internal:6379/0",
    "AWS_STORAGE_BUCKET_NAME": "darmaalem-media",
    "AWS_PRIVATE_BUCKET_NAME": "darmaalem-private",
    "STRIPE_SECRET_KEY": "sk_live_placeholder",
    "STRIPE_PUBLISHABLE_KEY": "pk_live_placeholder",
    "STRIPE_WEBHOOK_SECRET": "whsec_placeholder",
    "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
    "DEFAULT_FROM_EMAIL": "Dar Maalem <hello@darmaalem.example>",
}


def deploy_check(env):
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )


def test_deploy_checks_give_no_warning_in_production():
    inherited = {k: v for k, v in os.environ.items() if k not in PRODUCTION_ENV}
    result = deploy_check({**inherited, **PRODUCTION_ENV})
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_settings_refuse_the_development_key():
    inherited = {k: v for k, v in os.environ.items() if k not in PRODUCTION_ENV}
    env = {**inherited, **PRODUCTION_ENV}
    env.pop("SECRET_KEY")
    result = deploy_check(env)
    assert result.returncode != 0 and "SECRET_KEY" in result.stderr


def test_production_settings_refuse_debug():
    inherited = {k: v for k, v in os.environ.items() if k not in PRODUCTION_ENV}
    result = deploy_check({**inherited, **PRODUCTION_ENV, "DEBUG": "true"})
    assert result.returncode != 0 and "DEBUG must be off" in result.stderr
