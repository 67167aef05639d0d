from django import forms
from django.contrib import admin
from oscar.apps.catalogue.admin import *  # noqa: F403

from catalog.models import Category, SearchSynonym

admin.site.unregister(Category)


@admin.register(Category)
class CraftAdmin(CategoryAdmin):  # noqa: F405
    """Oscar's category tree, with the materials and techniques each craft offers sellers."""

    filter_horizontal = ("materials", "techniques")


class SearchSynonymForm(forms.ModelForm):
    class Meta:
        model = SearchSynonym
        fields = ["language", "terms"]
        widgets = {"terms": forms.Textarea(attrs={"rows": 6})}


@admin.register(SearchSynonym)
class SearchSynonymAdmin(admin.ModelAdmin):
    """Staff keep the search vocabulary: a saved group applies to the next search."""

    form = SearchSynonymForm
    list_display = ["__str__", "language"]
    list_filter = ["language"]
    search_fields = ["terms"]
