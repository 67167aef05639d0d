"""Translated page fields (wagtail-modeltranslation translates Page title, slug and SEO fields)."""

from modeltranslation.translator import TranslationOptions, register

from marketplace.cms import models

EDITORIAL_FIELDS = ("intro", "body")


@register(models.HomePage)
class HomePageTranslation(TranslationOptions):
    fields = ("hero_title", "hero_text", "intro")


@register(models.CollectionPage)
class CollectionPageTranslation(TranslationOptions):
    fields = EDITORIAL_FIELDS


@register(models.ArtisanStoryPage)
class ArtisanStoryPageTranslation(TranslationOptions):
    fields = EDITORIAL_FIELDS


@register(models.ArtisanGalleryImage)
class ArtisanGalleryImageTranslation(TranslationOptions):
    fields = ("caption",)


@register(models.CraftPage)
class CraftPageTranslation(TranslationOptions):
    fields = EDITORIAL_FIELDS


@register(models.RegionPage)
class RegionPageTranslation(TranslationOptions):
    fields = EDITORIAL_FIELDS


@register(models.StandardPage)
class StandardPageTranslation(TranslationOptions):
    fields = EDITORIAL_FIELDS


@register(models.JournalIndexPage)
class JournalIndexPageTranslation(TranslationOptions):
    fields = EDITORIAL_FIELDS


@register(models.ArticlePage)
class ArticlePageTranslation(TranslationOptions):
    fields = (*EDITORIAL_FIELDS, "author")
