"""Values read once per request: the catalogue version, the rate table.

Storefront code asks for them many times per page (each card, each cached lookup's key); every
ask would be a cache round trip. ``RequestMemoMiddleware`` opens a memo for the request and
closes it after; outside a request (tasks, commands, tests calling code directly) nothing is
memoised.
"""

from contextvars import ContextVar

_memo = ContextVar("request_memo", default=None)


def remembered(key, compute):
    """``compute()``, once per request for ``key``."""
    memo = _memo.get()
    if memo is None:
        return compute()
    if key not in memo:
        memo[key] = compute()
    return memo[key]


def remember_many(values):
    """Keep ``values`` (key: value) in the current request's memo."""
    memo = _memo.get()
    if memo is not None:
        memo.update(values)


def forget(key):
    """Drop ``key`` from the current request's memo (after the value changed)."""
    memo = _memo.get()
    if memo is not None:
        memo.pop(key, None)


class RequestMemoMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _memo.set({})
        try:
            return self.get_response(request)
        finally:
            _memo.reset(token)
