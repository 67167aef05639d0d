"""Rate tables decide which countries a page offers: a change bumps the page cache version."""

from django.db.models.signals import post_delete, post_save


def connect():
    from catalog.page_cache import bump_catalogue_version
    from shipping.models import Carrier, DutyRate, ImportRegime, Rate, Service, Zone

    for model in (Carrier, Service, Zone, Rate, ImportRegime, DutyRate):
        post_save.connect(bump_catalogue_version, sender=model, dispatch_uid=f"bump-{model}")
        post_delete.connect(bump_catalogue_version, sender=model, dispatch_uid=f"del-{model}")
