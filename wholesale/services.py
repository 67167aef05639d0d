"""Company registration and review, and saving a wholesale offer: each in one transaction."""

from django.db import transaction
from django.utils import timezone

from wholesale.models import (
    Company,
    CompanyContact,
    CompanyReview,
    DeliveryLocation,
    WholesaleOffer,
    WholesaleTier,
)


class ReviewRefused(Exception):
    """The company has been reviewed already."""


@transaction.atomic
def register_company(user, data):
    """A pending company with ``user`` as its first contact and its first delivery location."""
    company = Company.objects.create(
        name=data["name"],
        country=data["country"],
        number_scheme=data["number_scheme"],
        number=data["number"],
        website=data.get("website", ""),
    )
    CompanyContact.objects.create(
        company=company,
        user=user,
        role=data.get("role", ""),
        phone=data.get("phone", ""),
        is_admin=True,
    )
    DeliveryLocation.objects.create(
        company=company,
        name=data["location_name"],
        line1=data["line1"],
        line2=data.get("line2", ""),
        postcode=data.get("postcode", ""),
        city=data["city"],
        country=data["location_country"],
        has_loading_dock=data.get("has_loading_dock", False),
    )
    return company


@transaction.atomic
def review_company(company_id, reviewer, decision, reason=""):
    """Pending -> verified or refused, recording who, when and why. A company reviewed already
    (two staff members at once, a resent form) raises ReviewRefused and changes nothing."""
    company = Company.objects.select_for_update().get(pk=company_id)
    if company.status != Company.PENDING:
        raise ReviewRefused(company.status)
    if decision not in (Company.VERIFIED, Company.REFUSED):
        raise ValueError(decision)
    company.status = decision
    company.reviewed_by = reviewer
    company.reviewed_at = timezone.now()
    company.review_reason = reason
    company.save(update_fields=["status", "reviewed_by", "reviewed_at", "review_reason"])
    CompanyReview.objects.create(
        company=company, decision=decision, reviewer=reviewer, reason=reason
    )
    return company


@transaction.atomic
def save_offer(stockrecord, data):
    """Create, replace or (``sells_wholesale`` off) remove the listing's wholesale offer."""
    if not data.get("sells_wholesale"):
        WholesaleOffer.objects.filter(stockrecord=stockrecord).delete()
        return None
    offer, _created = WholesaleOffer.objects.update_or_create(
        stockrecord=stockrecord,
        defaults={
            "minimum_quantity": data["minimum_quantity"],
            "case_pack": data["case_pack"],
            "lead_time_days": data.get("lead_time_days"),
            "sells_samples": data.get("sells_samples", False),
        },
    )
    offer.tiers.all().delete()
    WholesaleTier.objects.bulk_create(
        WholesaleTier(offer=offer, min_quantity=tier.min_quantity, unit_price=tier.unit_price)
        for tier in data["tiers"]
    )
    return offer
