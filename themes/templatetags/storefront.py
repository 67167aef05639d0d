from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.html import format_html, format_html_join

from themes import menu

register = template.Library()


@register.simple_tag
def craft_menu():
    return menu.craft_menu()


@register.simple_tag(takes_context=True)
def language_alternates(context):
    """``<link rel=alternate hreflang>`` for the current page in every shipped language."""
    request = context.get("request")
    if request is None:
        return ""
    links = [
        (code, request.build_absolute_uri(translate_url(request.path, code)))
        for code, _name in settings.LANGUAGES
    ]
    default = request.build_absolute_uri(translate_url(request.path, settings.LANGUAGE_CODE))
    return format_html_join(
        "", '<link rel="alternate" hreflang="{}" href="{}">', links
    ) + format_html('<link rel="alternate" hreflang="x-default" href="{}">', default)
