"""Which data changes invalidate which cached values: the one table of cache invalidation.

Models are named by their label, so this bottom layer imports no app; ``connect`` runs once
every app is loaded (``CoreConfig.ready``).

- ``BUMPS`` and ``LINKS``: a save, a delete or a change of a many-to-many link of a listed model
  bumps the version (and, through ``cache.VERSIONS``, the wider ones): every value keyed by it.
- ``PRODUCT_PARTS`` and ``PRODUCT_LINKS``: a change to one product (itself, its stock record,
  photos, categories, materials, techniques) bumps no version; it touches that product only
  (``cache.touch_products``): its card and page, and the lists it was or now is in, which update
  their rows from the change log. A stock record also records whether the piece is sold out.
  A sale or a price edit thus leaves every other product's card and page, and every cached
  list's rows, where they are.
"""

from django.apps import apps
from django.db.models.signals import m2m_changed, post_delete, post_save
from wagtail.signals import page_published, page_unpublished

from marketplace.core import cache

BUMPS = {
    cache.STOREFRONT: (
        "partner.Partner",
        "returns.ReturnPolicy",  # shown on product pages and in baskets
        "certificates.Certificate",
        "certificates.ExportProfile",
    ),
    # The products that may not ship to a country depend on their papers; a change to a
    # product itself (its weight, size, price, categories) only re-evaluates that product from
    # the change log (``catalog.listing.ships_to_set``).
    cache.CATALOGUE: (
        "certificates.Certificate",
        "certificates.ExportProfile",
    ),
    cache.VOCABULARY: (
        "catalogue.Category",
        "catalogue.Region",
        "catalogue.Material",
        "catalogue.Technique",
        "catalogue.SearchSynonym",  # the search vocabulary: searches read it, lists cache them
    ),
    cache.SHIPPING: (
        "shipping.Carrier",
        "shipping.Service",
        "shipping.Zone",
        "shipping.Rate",
    ),
    cache.RULES: (
        "certificates.DestinationRule",
        "compliance.ImportRegime",
        "compliance.DutyRate",
    ),
    cache.RATES: ("currency.ExchangeRate",),
}
# Many-to-many links whose change bumps a version: (model label, field name).
LINKS = {
    cache.STOREFRONT: (("certificates.Certificate", "products"),),
    cache.CATALOGUE: (("certificates.Certificate", "products"),),
}
# A change to one product: (model label, the attribute holding the product's id).
PRODUCT_PARTS = (
    ("catalogue.Product", "pk"),
    ("catalogue.ProductCategory", "product_id"),
    ("catalogue.ProductImage", "product_id"),
    ("partner.StockRecord", "product_id"),
)
PRODUCT_LINKS = (("catalogue.Product", "materials"), ("catalogue.Product", "techniques"))
STOCK_RECORD = "partner.StockRecord"


def receiver(name):
    def bump(raw=False, **kwargs):
        if not raw:
            cache.bump(name)

    bump.__name__ = f"bump_{name}"
    return bump


RECEIVERS = {name: receiver(name) for name in cache.VERSIONS}


def is_sold_out(record):
    """Every unit of a tracked stock record allocated to orders (untracked: never)."""
    if record.num_in_stock is None:
        return False
    return record.num_in_stock - (record.num_allocated or 0) <= 0


def mark_sold_out():
    """Record, for every product, whether it is sold out (``cache.record_stock`` keeps it from
    then on): after a deploy or a cache flush. Returns the number of sold-out products."""
    StockRecord = apps.get_model(STOCK_RECORD)
    records = StockRecord.objects.order_by().only("product_id", "num_in_stock", "num_allocated")
    sold = [record.product_id for record in records.iterator() if is_sold_out(record)]
    cache.set_sold_out(sold)
    return len(sold)


def product_part_receiver(label, attribute):
    def touch(instance, raw=False, **kwargs):
        if raw:
            return
        pk = getattr(instance, attribute)
        cache.touch_products([pk])
        if label == STOCK_RECORD:
            deleted = kwargs.get("signal") is post_delete
            cache.record_stock(pk, not deleted and is_sold_out(instance))

    touch.__name__ = f"touch_product_of_{label.replace('.', '_')}"
    return touch


def product_links_changed(instance, action, reverse, pk_set=None, **kwargs):
    """A product's materials or techniques changed (from either side of the link; a material
    or technique cleared of its products is being deleted, which bumps the vocabulary)."""
    if action not in {"post_add", "post_remove", "post_clear"}:
        return
    cache.touch_products(pk_set or () if reverse else [instance.pk])


PART_RECEIVERS = {label: product_part_receiver(label, attr) for label, attr in PRODUCT_PARTS}


def connect():
    for name, labels in BUMPS.items():
        for label in labels:
            model = apps.get_model(label)
            uid = f"core-cache-{name}-{label}"
            post_save.connect(RECEIVERS[name], sender=model, dispatch_uid=uid)
            post_delete.connect(RECEIVERS[name], sender=model, dispatch_uid=f"{uid}-delete")
    for name, links in LINKS.items():
        for label, field in links:
            through = getattr(apps.get_model(label), field).through
            uid = f"core-cache-{name}-{label}-{field}"
            m2m_changed.connect(RECEIVERS[name], sender=through, dispatch_uid=uid)
    for label, _attribute in PRODUCT_PARTS:
        model, uid = apps.get_model(label), f"core-cache-product-{label}"
        post_save.connect(PART_RECEIVERS[label], sender=model, dispatch_uid=uid)
        post_delete.connect(PART_RECEIVERS[label], sender=model, dispatch_uid=f"{uid}-delete")
    for label, field in PRODUCT_LINKS:
        through = getattr(apps.get_model(label), field).through
        uid = f"core-cache-product-{label}-{field}"
        m2m_changed.connect(product_links_changed, sender=through, dispatch_uid=uid)
    # CMS pages show catalogue items and link to each other; the pages version feeds the storefront.
    page_published.connect(RECEIVERS[cache.PAGES], dispatch_uid="core-cache-published")
    page_unpublished.connect(RECEIVERS[cache.PAGES], dispatch_uid="core-cache-unpublished")
    page = apps.get_model("wagtailcore", "Page")
    post_delete.connect(RECEIVERS[cache.PAGES], sender=page, dispatch_uid="core-cache-page-deleted")
