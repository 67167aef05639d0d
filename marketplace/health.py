"""``/health/``: database, cache, storage and broker, as JSON; 503 when any part is down.

Anyone gets the overall status; which backends run, and how a failing one failed, are shown
only to staff and to a monitor sending ``Authorization: Bearer <HEALTH_TOKEN>``.
"""

import hmac
import uuid

from django.conf import settings
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache

from marketplace.celery import app


def check_database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return {"ok": True, "vendor": connection.vendor}


def check_cache():
    key = f"health:{uuid.uuid4().hex}"
    cache.set(key, "1", 10)
    ok = cache.get(key) == "1"
    cache.delete(key)
    backend = settings.CACHES["default"]["BACKEND"].rsplit(".", 1)[-1]
    return {"ok": ok, "backend": backend}


def check_storage():
    storage = storages["default"]
    name = storage.save(f"health/{uuid.uuid4().hex}.txt", ContentFile(b"ok"))
    try:
        ok = storage.exists(name)
    finally:
        storage.delete(name)
    return {"ok": ok, "backend": type(storage).__name__}


def check_broker():
    if app.conf.task_always_eager:
        return {"ok": True, "backend": "eager (tasks run in-process)"}
    with app.connection_for_write() as conn:
        conn.ensure_connection(max_retries=1, timeout=2)
        transport = conn.transport_cls
    return {"ok": True, "backend": str(transport)}


CHECKS = {
    "database": check_database,
    "cache": check_cache,
    "storage": check_storage,
    "broker": check_broker,
}


def run_checks():
    results = {}
    for name, check in CHECKS.items():
        try:
            results[name] = check()
        except Exception as exc:  # a health check reports every failure, whatever its kind
            results[name] = {"ok": False, "error": f"{type(exc).__name__}: {exc}"}
    return results


def may_see_details(request):
    if request.user.is_authenticated and request.user.is_staff:
        return True
    token = settings.HEALTH_TOKEN
    scheme, _, sent = request.headers.get("Authorization", "").partition(" ")
    if not token or scheme != "Bearer":
        return False
    return hmac.compare_digest(sent.encode(), token.encode())


@never_cache
def health(request):
    results = run_checks()
    healthy = all(part["ok"] for part in results.values())
    body = {"status": "ok" if healthy else "error"}
    if may_see_details(request):
        body["checks"] = results
    return JsonResponse(body, status=200 if healthy else 503)
