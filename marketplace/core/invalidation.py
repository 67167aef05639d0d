"""Which data changes bump which cache version: the one table of cache invalidation.

Models are named by their label, so this bottom layer imports no app; ``connect`` runs once
every app is loaded (``CoreConfig.ready``). A save, a delete or a change of a many-to-many link
of a listed model bumps the version (and, through ``cache.VERSIONS``, the wider ones).
"""

from django.apps import apps
from django.db.models.signals import m2m_changed, post_delete, post_save
from wagtail.signals import page_published, page_unpublished

from marketplace.core import cache

BUMPS = {
    cache.STOREFRONT: (
        "catalogue.Product",
        "catalogue.ProductCategory",
        "catalogue.ProductImage",
        "partner.StockRecord",
        "partner.Partner",
        "certificates.Certificate",
        "certificates.ExportProfile",
    ),
    cache.VOCABULARY: (
        "catalogue.Category",
        "catalogue.Region",
        "catalogue.Material",
        "catalogue.Technique",
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
    cache.STOREFRONT: (
        ("catalogue.Product", "materials"),
        ("catalogue.Product", "techniques"),
        ("certificates.Certificate", "products"),
    ),
}


def receiver(name):
    def bump(raw=False, **kwargs):
        if not raw:
            cache.bump(name)

    bump.__name__ = f"bump_{name}"
    return bump


RECEIVERS = {name: receiver(name) for name in cache.VERSIONS}


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
    # CMS pages show catalogue items and link to each other.
    page_published.connect(RECEIVERS[cache.STOREFRONT], dispatch_uid="core-cache-published")
    page_unpublished.connect(RECEIVERS[cache.STOREFRONT], dispatch_uid="core-cache-unpublished")
