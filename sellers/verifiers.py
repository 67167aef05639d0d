"""Verifiers: who checks an application once it is submitted.

A verifier looks at a seller and returns a ``Verdict``: a curator transition to apply (e.g.
``"verify"`` when an official register confirms the card) or none, leaving the decision to a
curator. ``settings.SELLER_VERIFIER`` names the class; ``ManualReviewVerifier`` is the default.
An official National Crafts Register lookup can be plugged in by writing a class with the same
``check`` method and naming it in the setting.
"""

from dataclasses import dataclass
from typing import Protocol

from django.conf import settings
from django.utils.module_loading import import_string


@dataclass(frozen=True)
class Verdict:
    action: str | None = None
    reason: str = ""


class Verifier(Protocol):
    def check(self, seller) -> Verdict: ...


class ManualReviewVerifier:
    """Every application waits in the curators' queue."""

    def check(self, seller):
        return Verdict()


def get_verifier():
    return import_string(settings.SELLER_VERIFIER)()
