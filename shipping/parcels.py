"""Parcels of a placed order: created once per seller, checked, tracked and dispatched."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from compliance.landed_cost import landed_cost
from sellers.permissions import is_curator, is_member, is_member_or_curator
from shipping.models import Parcel, SellerShipping, Service
from shipping.services import plan_parcels, quote_parcels


def order_country(order):
    address = order.shipping_address
    return address.country.iso_3166_1_a2 if address and address.country_id else None


@transaction.atomic
def create_parcels(order, choices=None, incoterm=Parcel.Incoterm.DAP, on=None, rates=None):
    """One parcel per seller of ``order`` (idempotent), with the chosen or cheapest service.

    ``choices``: {partner_id: service_code}; the parcel records its shipping charge and its
    landed cost (DDP only where the service offers it). Customs papers follow after commit.
    """
    from shipping.tasks import generate_customs_documents

    choices = choices or {}
    lines = order.lines.select_related("product", "partner")
    country = order_country(order)
    parcels = []
    for quoted in quote_parcels(plan_parcels(lines), country) if country else []:
        partner = quoted.plan.partner
        quote = quoted.pick(choices.get(partner.pk))
        term = incoterm if quote and quote.ddp_available else Parcel.Incoterm.DAP
        landed = landed_cost(
            quoted.plan.items,
            country,
            shipping=quote.price if quote else 0,
            incoterm=term,
            on=on,
            rates=rates,
        )
        required = SellerShipping.objects.filter(
            partner=partner, packing_check_required=True
        ).exists()
        parcel, created = Parcel.objects.get_or_create(
            order=order,
            partner=partner,
            defaults={
                "service": quote.service if quote else None,
                "shipping_charge": quote.price if quote else 0,
                "incoterm": term,
                "duties_at_checkout": landed.at_checkout,
                "duties_on_delivery": landed.on_delivery,
                "origin_city": partner.city,
                "packing_check_required": required,
            },
        )
        parcels.append(parcel)
        if created:
            transaction.on_commit(lambda pk=parcel.pk: generate_customs_documents.delay(pk))
    return parcels


def parcel_for(order, partner):
    """The seller's parcel of ``order``; a bare one (no service yet) if the order has none.

    Orders placed before parcels existed, or without a priced service, still get one record
    of their tracking and packing check, and their customs papers.
    """
    from shipping.tasks import generate_customs_documents

    parcel, created = Parcel.objects.get_or_create(
        order=order,
        partner=partner,
        defaults={
            "origin_city": partner.city,
            "packing_check_required": SellerShipping.objects.filter(
                partner=partner, packing_check_required=True
            ).exists(),
        },
    )
    if created:
        transaction.on_commit(lambda pk=parcel.pk: generate_customs_documents.delay(pk))
    return parcel


def can_manage(user, parcel):
    """The seller's members and staff reach a parcel, its papers and its tracking."""
    return is_member_or_curator(user, parcel.partner)


def can_check(user, parcel):
    """A curator (staff) or a cooperative leader (member holding ``shipping.check_parcel``)."""
    return is_curator(user) or (
        user.has_perm("shipping.check_parcel") and is_member(user, parcel.partner)
    )


def _locked(parcel):
    return Parcel.objects.select_for_update().get(pk=parcel.pk)


@transaction.atomic
def confirm_packing(parcel, user):
    if not can_check(user, parcel):
        raise PermissionDenied
    parcel = _locked(parcel)
    if parcel.checked_at is None:
        parcel.checked_by, parcel.checked_at = user, timezone.now()
        parcel.save(update_fields=["checked_by", "checked_at"])
    return parcel


@transaction.atomic
def set_tracking(parcel, service_code, number):
    parcel = _locked(parcel)
    if parcel.dispatched_at:
        raise ValidationError(_("This parcel is dispatched: its tracking cannot change."))
    parcel.service = Service.objects.get(code=service_code)
    parcel.tracking_number = number.strip()
    parcel.save(update_fields=["service", "tracking_number"])
    return parcel


@transaction.atomic
def dispatch(parcel):
    """Mark the parcel dispatched: refused before a required packing check or without tracking."""
    parcel = _locked(parcel)
    if parcel.dispatched_at:
        return parcel
    if parcel.awaits_packing_check:
        raise ValidationError(_("This parcel must pass its packing check before dispatch."))
    if not parcel.tracking_number:
        raise ValidationError(_("Enter the tracking number before dispatch."))
    parcel.dispatched_at = timezone.now()
    parcel.save(update_fields=["dispatched_at"])
    return parcel
