"""Wagtail pages. The home page shows editorial text plus live catalogue items."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from oscar.core.loading import get_model
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page


class HomePage(Page):
    hero_title = models.CharField(_("Hero title"), max_length=160, blank=True)
    hero_text = models.TextField(_("Hero text"), blank=True)
    intro = RichTextField(_("Introduction"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("hero_title"),
        FieldPanel("hero_text"),
        FieldPanel("intro"),
    ]
    max_count = 1
    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = _("Home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        Product = get_model("catalogue", "Product")
        Category = get_model("catalogue", "Category")
        context["new_products"] = list(
            Product.objects.sellable().for_cards().order_by("-date_created")[:8]
        )
        context["crafts"] = list(Category.objects.browsable().filter(depth=1).order_by("path"))
        context["regions"] = list(get_model("catalogue", "Region").objects.all())
        return context
