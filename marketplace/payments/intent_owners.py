"""PaymentIntents that are not a checkout's: an app above this layer (wholesale: the deposit and
balance of its orders) registers, when it loads, a finder that answers "this intent is mine,
settle it with this" for the intents it created. The webhook asks the finders about any intent
no checkout payment holds, so the lower layer never imports the higher one.

A finder takes an intent id and returns a callable ``settle(intent)`` (the intent as read again
from Stripe), or None when the intent is not its own. ``settle`` runs inside the transaction that
records the event once, and must itself be idempotent (an event may be re-sent under a new id).
"""

_finders = []


def register(finder):
    if finder not in _finders:
        _finders.append(finder)


def settler_for(intent_id):
    """The ``settle`` callable of the app that owns ``intent_id``, or None."""
    for finder in _finders:
        settle = finder(intent_id)
        if settle is not None:
            return settle
    return None
