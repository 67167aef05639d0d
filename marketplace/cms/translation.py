"""Translated page fields (wagtail-modeltranslation translates Page title, slug and SEO fields)."""

from modeltranslation.translator import TranslationOptions, register

from marketplace.cms.models import HomePage


@register(HomePage)
class HomePageTranslation(TranslationOptions):
    fields = ("hero_title", "hero_text", "intro")
