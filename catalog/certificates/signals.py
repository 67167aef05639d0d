"""A change to a certificate, a rule or a profile changes what may ship: bump the page cache."""

from django.db.models.signals import m2m_changed, post_delete, post_save


def connect():
    from catalog.certificates.models import Certificate, DestinationRule, ExportProfile
    from catalog.page_cache import bump_catalogue_version, bump_rules_version

    for model, receiver in (
        (Certificate, bump_catalogue_version),
        (DestinationRule, bump_rules_version),
        (ExportProfile, bump_catalogue_version),
    ):
        post_save.connect(receiver, sender=model, dispatch_uid=f"bump-{model}")
        post_delete.connect(receiver, sender=model, dispatch_uid=f"del-{model}")
    m2m_changed.connect(
        bump_catalogue_version, sender=Certificate.products.through, dispatch_uid="bump-cert-m2m"
    )
