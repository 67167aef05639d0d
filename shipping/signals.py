"""Rate tables decide which countries a page offers: a change bumps the shipping version and
the page cache's."""

from django.db.models.signals import post_delete, post_save


def connect():
    from catalog.page_cache import bump_shipping_version
    from shipping.models import Carrier, DutyRate, ImportRegime, Rate, Service, Zone

    for model in (Carrier, Service, Zone, Rate, ImportRegime, DutyRate):
        post_save.connect(bump_shipping_version, sender=model, dispatch_uid=f"bump-{model}")
        post_delete.connect(bump_shipping_version, sender=model, dispatch_uid=f"del-{model}")
