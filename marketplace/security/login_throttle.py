"""Login throttling on django-axes: per account and per IP address, each with its own limit.

Every login form (the storefront's, the checkout's, the dashboard's, Django's admin, Wagtail's)
calls ``authenticate(request, ...)``; ``LoginThrottleBackend`` refuses the attempt while its
account or its address is locked out, and axes counts each failure twice: once for the account
named, once for the address. An account is locked after ``LOGIN_FAILURES_PER_ACCOUNT`` failures
(a password guessed from many addresses), an address after ``LOGIN_FAILURES_PER_IP`` (many
accounts tried from one address; higher, as a mobile operator's address is shared).

A successful login clears its account's count, never its address's: otherwise logging into an
account of one's own between guesses would reset the address's count.
"""

from axes.backends import AxesStandaloneBackend
from axes.handlers.cache import AxesCacheHandler
from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_cache_keys, make_cache_key_list
from axes.signals import user_locked_out
from django.conf import settings
from django.db.models import Sum
from django.shortcuts import render


def account_identifier(request, credentials=None):
    """The account an attempt names, in one spelling: emails match case-insensitively."""
    if credentials:
        name = credentials.get("username")
    else:
        data = getattr(request, "POST", {})
        name = data.get("login-username") or data.get("username")
    return name.strip().lower() if name else None


def client_ip(request):
    """The client's address: the one the outermost of ``TRUSTED_PROXY_COUNT`` proxies saw.

    Each trusted proxy appends the address it received from to X-Forwarded-For, so the client
    is that many entries from the right; anything left of it may be forged by the client.
    """
    count = settings.TRUSTED_PROXY_COUNT
    if count:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        forwarded = [address.strip() for address in forwarded if address.strip()]
        if len(forwarded) >= count:
            return forwarded[-count]
    return request.META.get("REMOTE_ADDR")


def locked_out(request, original_response=None, credentials=None):
    """The lock-out page, in the visitor's language, answered with 429 Too Many Requests."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return render(request, "security/locked_out.html", {"minutes": minutes}, status=429)


class LoginThrottleBackend(AxesStandaloneBackend):
    """Axes's gate, skipped for ``authenticate()`` calls made outside a login form.

    Oscar's sign-up logs the new account in with ``authenticate()`` and no request: the password
    was chosen a moment ago, nothing is being guessed. Every login form passes its request.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username, password, **kwargs)


class PerParameterLimits:
    """Axes compares its highest count with one limit; this gives each parameter its own."""

    def limits(self):
        return [settings.LOGIN_FAILURES_PER_ACCOUNT, settings.LOGIN_FAILURES_PER_IP]

    def is_locked(self, request, credentials=None):
        if not settings.AXES_LOCK_OUT_AT_FAILURE:
            return False
        counts = self.failure_counts(request, credentials)
        return any(count >= limit for count, limit in zip(counts, self.limits(), strict=True))

    def user_login_failed(self, sender, credentials, request=None, **kwargs):
        super().user_login_failed(sender, credentials, request, **kwargs)
        if request is None or request.axes_locked_out or not self.is_locked(request, credentials):
            return
        request.axes_locked_out = True
        request.axes_credentials = credentials
        user_locked_out.send(
            "axes",
            request=request,
            username=account_identifier(request, credentials),
            ip_address=request.axes_ip_address,
        )

    def user_logged_in(self, sender, request, user, **kwargs):
        super().user_logged_in(sender, request, user, **kwargs)
        names = {account_identifier(request, {"username": n}) for n in (user.email, user.username)}
        for name in names - {None}:
            self.reset_account(name)


class CacheHandler(PerParameterLimits, AxesCacheHandler):
    """Counts in the cache (Redis in production), expiring after the cool-off."""

    def failure_counts(self, request, credentials=None):
        keys = get_client_cache_keys(request, credentials)
        return [self.cache.get(key, default=0) for key in keys]

    def reset_account(self, name):
        self.cache.delete_many(make_cache_key_list([{"username": name}]))


class DatabaseHandler(PerParameterLimits, AxesDatabaseHandler):
    """Counts in the database, where there is no shared cache."""

    def failure_counts(self, request, credentials=None):
        return [
            attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0
            for attempts in self.get_user_attempts(request, credentials)
        ]

    def reset_account(self, name):
        """Deletes the account's rows: its address's count keeps every other account's."""
        self.reset_attempts(username=name)
