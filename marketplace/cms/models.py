"""Wagtail pages that sell: editorial text around live, purchasable catalogue items.

Products are never copied into pages: a page stores links (a collection's product list, an
artisan's seller, a craft's category, a region) and queries ``catalogue.purchasable()`` at
render, so a piece that stops being for sale drops out at once and every card is buyable.
"""

from django.core.paginator import Paginator
from django.db import models
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page

from marketplace.cms import catalogue
from marketplace.cms.blocks import RICH_TEXT_FEATURES, BodyBlock
from marketplace.core.cache import STOREFRONT, versioned

PRODUCTS_PER_PAGE = 24
LANDING_URLS_TIMEOUT = 300
ARTICLES_PER_PAGE = 12


def image_field(label):
    return models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=label,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )


class HomePage(Page):
    hero_title = models.CharField(_("Hero title"), max_length=160, blank=True)
    hero_text = models.TextField(_("Hero text"), blank=True)
    hero_image = image_field(_("Hero image"))
    intro = RichTextField(_("Introduction"), blank=True, features=RICH_TEXT_FEATURES)

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [FieldPanel("hero_title"), FieldPanel("hero_text"), FieldPanel("hero_image")],
            heading=_("Hero"),
        ),
        FieldPanel("intro"),
        InlinePanel("featured_collections", label=_("Featured collections")),
        InlinePanel("featured_artisans", label=_("Featured artisans")),
    ]
    max_count = 1
    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = _("Home page")

    @property
    def social_image(self):
        return self.hero_image

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(self.catalogue_context())
        context.update(self.featured_context())
        return context

    def catalogue_context(self):
        from oscar.core.loading import get_model

        Category = get_model("catalogue", "Category")
        Region = get_model("catalogue", "Region")
        products = catalogue.purchasable().for_cards().order_by("-date_created")[:8]
        craft_urls, region_urls = landing_page_urls()
        crafts = list(Category.objects.browsable().filter(depth=1).order_by("path"))
        regions = list(Region.objects.all())
        for craft in crafts:
            craft.cms_url = craft_urls.get(craft.pk)
        for region in regions:
            region.cms_url = region_urls.get(region.pk)
        return {"new_products": list(products), "crafts": crafts, "regions": regions}

    def featured_context(self):
        collections = (
            self.featured_collections.filter(collection__live=True)
            .select_related("collection", "collection__cover_image")
            .prefetch_related("collection__cover_image__renditions")
        )
        artisans = (
            self.featured_artisans.filter(story__live=True)
            .select_related("story", "story__portrait")
            .prefetch_related("story__portrait__renditions")
        )
        return {
            "featured_collections": [link.collection for link in collections],
            "featured_artisans": [link.story for link in artisans],
        }


def landing_page_urls():
    """({category id: craft page URL}, {region id: region page URL}) in the current language.

    Kept under the storefront version, which every page publication bumps.
    """

    def read():
        return (
            {page.category_id: page.url for page in CraftPage.objects.live()},
            {page.region_id: page.url for page in RegionPage.objects.live()},
        )

    key = f"cms:landing-urls:{get_language()}"
    return versioned(STOREFRONT, key, read, LANDING_URLS_TIMEOUT)


class HomeFeaturedCollection(Orderable):
    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_collections")
    collection = models.ForeignKey(
        "cms.CollectionPage",
        verbose_name=_("Collection"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("collection")]


class HomeFeaturedArtisan(Orderable):
    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_artisans")
    story = models.ForeignKey(
        "cms.ArtisanStoryPage",
        verbose_name=_("Artisan story"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("story")]


class EditorialPage(Page):
    """Cover image, introduction and a StreamField body: what every editorial page has."""

    cover_image = image_field(_("Cover image"))
    intro = RichTextField(_("Introduction"), blank=True, features=RICH_TEXT_FEATURES)
    body = StreamField(BodyBlock(), verbose_name=_("Body"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("cover_image"),
        FieldPanel("intro"),
        FieldPanel("body"),
    ]
    subpage_types = []

    class Meta:
        abstract = True

    @property
    def social_image(self):
        """The picture shown when the page is shared."""
        return self.cover_image

    @property
    def card_image(self):
        """The picture of the page's card in a list."""
        return self.cover_image


class CollectionPage(EditorialPage):
    """A curator's selection of products, in the curator's order."""

    content_panels = EditorialPage.content_panels + [
        InlinePanel("product_links", label=_("Products"), heading=_("Products in this collection")),
    ]
    parent_page_types = ["cms.HomePage"]

    class Meta:
        verbose_name = _("Collection")

    def product_ids(self):
        """The chosen products' ids in the curator's order, each once (works in preview too)."""
        ids = [link.product_id for link in self.product_links.all() if link.product_id]
        return list(dict.fromkeys(ids))

    def products(self):
        ids = self.product_ids()
        found = catalogue.purchasable().for_cards().filter(pk__in=ids)
        return catalogue.in_order(found, ids)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["products"] = self.products()
        return context


class CollectionProduct(Orderable):
    page = ParentalKey(CollectionPage, on_delete=models.CASCADE, related_name="product_links")
    product = models.ForeignKey(
        "catalogue.Product",
        verbose_name=_("Product"),
        on_delete=models.CASCADE,
        related_name="collection_links",
    )

    panels = [FieldPanel("product")]

    class Meta(Orderable.Meta):
        verbose_name = _("Collection product")


class ArtisanStoryPage(EditorialPage):
    """A maker's story, linked to their seller account, with their pieces for sale."""

    seller = models.ForeignKey(
        "partner.Partner",
        verbose_name=_("Seller"),
        on_delete=models.PROTECT,
        related_name="story_pages",
    )
    portrait = image_field(_("Portrait"))
    video_url = models.URLField(
        _("Video"), blank=True, help_text=_("A YouTube or Vimeo link, embedded on the page.")
    )

    content_panels = EditorialPage.content_panels[:1] + [
        FieldPanel("seller"),
        FieldPanel("portrait"),
        *EditorialPage.content_panels[1:],
        FieldPanel("video_url"),
        InlinePanel("gallery_images", label=_("Gallery")),
    ]
    parent_page_types = ["cms.HomePage"]

    class Meta:
        verbose_name = _("Artisan story")

    @property
    def social_image(self):
        return self.cover_image or self.portrait

    @property
    def card_image(self):
        return self.portrait

    def products(self):
        products = catalogue.purchasable().filter(stockrecords__partner_id=self.seller_id)
        return list(products.for_cards().order_by("-date_created")[:PRODUCTS_PER_PAGE])

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["products"] = self.products() if self.seller.is_verified else []
        context["gallery"] = self.gallery_images.select_related("image").prefetch_related(
            "image__renditions"
        )
        return context


class ArtisanGalleryImage(Orderable):
    page = ParentalKey(ArtisanStoryPage, on_delete=models.CASCADE, related_name="gallery_images")
    image = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("Image"), on_delete=models.CASCADE, related_name="+"
    )
    caption = models.CharField(_("Caption"), max_length=200, blank=True)

    panels = [FieldPanel("image"), FieldPanel("caption")]


class CraftPage(EditorialPage):
    """A craft branch told in words, with its live pieces (a catalogue category)."""

    category = models.ForeignKey(
        "catalogue.Category",
        verbose_name=_("Craft"),
        on_delete=models.PROTECT,
        related_name="cms_pages",
    )

    content_panels = EditorialPage.content_panels[:1] + [
        FieldPanel("category"),
        *EditorialPage.content_panels[1:],
    ]
    parent_page_types = ["cms.HomePage"]

    class Meta:
        verbose_name = _("Craft page")

    def products(self):
        products = catalogue.purchasable().in_category(self.category)
        return list(products.for_cards().order_by("-date_created")[:PRODUCTS_PER_PAGE])

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["products"] = self.products()
        context["more_url"] = self.category.get_absolute_url()
        return context


class RegionPage(EditorialPage):
    """A region's crafts in words, with the live pieces made there."""

    region = models.ForeignKey(
        "catalogue.Region",
        verbose_name=_("Region"),
        on_delete=models.PROTECT,
        related_name="cms_pages",
    )

    content_panels = EditorialPage.content_panels[:1] + [
        FieldPanel("region"),
        *EditorialPage.content_panels[1:],
    ]
    parent_page_types = ["cms.HomePage"]

    class Meta:
        verbose_name = _("Region page")

    def products(self):
        products = catalogue.purchasable().filter(region_id=self.region_id)
        return list(products.for_cards().order_by("-date_created")[:PRODUCTS_PER_PAGE])

    def get_context(self, request, *args, **kwargs):
        from django.urls import reverse

        context = super().get_context(request, *args, **kwargs)
        context["products"] = self.products()
        context["more_url"] = f"{reverse('catalogue:index')}?region={self.region.code}"
        return context


class StandardPage(EditorialPage):
    """About us, shipping and returns, FAQ: text only."""

    parent_page_types = ["cms.HomePage", "cms.StandardPage"]
    subpage_types = ["cms.StandardPage"]

    class Meta:
        verbose_name = _("Standard page")


class JournalIndexPage(EditorialPage):
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.ArticlePage"]
    max_count = 1

    class Meta:
        verbose_name = _("Journal")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        articles = (
            ArticlePage.objects.live()
            .child_of(self)
            .select_related("cover_image")
            .prefetch_related("cover_image__renditions")
            .order_by("-date", "-pk")
        )
        page = Paginator(articles, ARTICLES_PER_PAGE).get_page(request.GET.get("page"))
        context.update(articles=list(page.object_list), page_obj=page, paginator=page.paginator)
        return context


class ArticlePage(EditorialPage):
    date = models.DateField(_("Date"), default=timezone.localdate)
    author = models.CharField(_("Author"), max_length=120, blank=True)

    content_panels = EditorialPage.content_panels[:1] + [
        FieldPanel("date"),
        FieldPanel("author"),
        *EditorialPage.content_panels[1:],
    ]
    parent_page_types = ["cms.JournalIndexPage"]

    class Meta:
        verbose_name = _("Journal article")
