"""A confirmation step before a destructive or money-moving action, without JavaScript.

The action's URL answers a GET, or a POST that lacks ``confirmed=yes``, with a page that says
what will happen and holds a form posting the same data back with ``confirmed=yes``; only that
second POST acts. A button on a list page may therefore be a plain link (GET) or a plain form
(POST): either way the person sees the question before anything happens.
"""

from django.shortcuts import render

CONFIRM_FIELD = "confirmed"
CONFIRM_VALUE = "yes"


def is_confirmed(request):
    """Whether this request is the confirming POST."""
    return request.method == "POST" and request.POST.get(CONFIRM_FIELD) == CONFIRM_VALUE


def confirm_page(
    request,
    *,
    question,
    button,
    cancel_url,
    action_url=None,
    carry=(),
    danger=False,
    base_template="oscar/layout.html",
    context=None,
):
    """The page asking ``question``; its button posts ``carry`` fields back to ``action_url``."""
    posted = request.POST if request.method == "POST" else request.GET
    fields = [(name, posted[name]) for name in carry if name in posted]
    return render(
        request,
        "confirm.html",
        {
            **(context or {}),
            "question": question,
            "button": button,
            "cancel_url": cancel_url,
            "action_url": action_url or request.path,
            "fields": fields,
            "danger": danger,
            "base_template": base_template,
            "confirm_field": CONFIRM_FIELD,
            "confirm_value": CONFIRM_VALUE,
        },
    )
