"""The tracking webhook, one URL per carrier: ``POST /tracking/<carrier>/events/``.

The carrier signs the raw body with its shared secret (``TRACKING_WEBHOOK_SECRETS[carrier]``):
header ``X-Tracking-Signature: sha256=<hex HMAC-SHA256 of the body>``. A missing or wrong
signature is refused (403) and nothing is read; a carrier without a configured secret is
refused too (never a guessable default). Each event is recorded once by its event id, so a
replayed delivery answers 200 and changes nothing.
"""

import hashlib
import hmac
import json
import logging

from django.conf import settings
from django.http import (
    HttpResponseBadRequest,
    HttpResponseForbidden,
    JsonResponse,
)
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from sellers.fulfilment.tracking import intake
from sellers.fulfilment.tracking.events import PayloadError
from sellers.fulfilment.tracking.registry import format_of

logger = logging.getLogger(__name__)
SIGNATURE_HEADER = "X-Tracking-Signature"


def signature(secret, body):
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def signed(carrier, request):
    secret = settings.TRACKING_WEBHOOK_SECRETS.get(carrier) or ""
    given = request.headers.get(SIGNATURE_HEADER, "")
    return bool(secret) and hmac.compare_digest(signature(secret, request.body), given)


@csrf_exempt
@require_POST
def carrier_webhook(request, carrier):
    module = format_of(carrier)
    if module is None:
        # 400, not 404: LocaleMiddleware would turn a 404 into a redirect to /<lang>/...
        return HttpResponseBadRequest("unknown carrier")
    if not signed(carrier, request):
        logger.warning("Tracking webhook for %s refused: bad or missing signature", carrier)
        return HttpResponseForbidden("invalid signature")
    try:
        events = module.parse(json.loads(request.body))
    except (ValueError, PayloadError):
        return HttpResponseBadRequest("payload not understood")
    return JsonResponse(intake.record(carrier, events).as_dict())
