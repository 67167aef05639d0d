"""Translated catalogue fields (django-modeltranslation); English is the fallback."""

from modeltranslation.translator import TranslationOptions, register

from catalog.models import Category, Material, Product, Region, Technique


@register(Product)
class ProductTranslation(TranslationOptions):
    fields = ("title", "description")


@register(Category)
class CategoryTranslation(TranslationOptions):
    fields = ("name", "description")


@register(Region)
class RegionTranslation(TranslationOptions):
    fields = ("name",)


@register(Material)
class MaterialTranslation(TranslationOptions):
    fields = ("name",)


@register(Technique)
class TechniqueTranslation(TranslationOptions):
    fields = ("name",)
