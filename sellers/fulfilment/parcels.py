"""Parcels of a placed order: one per seller, created once, and who may handle them."""

from django.conf import settings
from django.db import transaction
from django.utils import translation

from compliance.landed_cost import landed_cost
from sellers.fulfilment.models import Parcel, ParcelEvent
from sellers.fulfilment.tasks import generate_customs_documents
from sellers.permissions import is_curator, is_member, is_member_or_curator
from shipping.models import SellerShipping
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
    choices = choices or {}
    lines = order.lines.select_related("product", "partner")
    country = order_country(order)
    parcels = []
    for quoted in quote_parcels(plan_parcels(lines), country) if country else []:
        partner = quoted.plan.partner
        quote = quoted.pick(choices.get(partner.pk))
        term = incoterm if quote and quote.ddp_available else Parcel.Incoterm.DAP

        def priced(items=quoted.plan.items, price=quote.price if quote else 0, term=term):
            return landed_cost(items, country, shipping=price, incoterm=term, on=on, rates=rates)

        landed = priced()
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
                "charge_lines": charge_lines(landed, priced),
                "origin_city": partner.city,
                "packing_check_required": required,
            },
        )
        parcels.append(parcel)
        if created:
            _opened(parcel)
    return parcels


def charge_lines(landed, priced):
    """A landed cost's duties and taxes as the parcel keeps them: each label as each site
    language writes it ("VAT 20%", "TVA 20 %"…), its MAD amount and when it is paid.

    ``priced()`` computes the landed cost again: once per language, for its labels (the
    amounts are the same), so the order pages and emails read in any language later."""
    labels = {}
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            labels[code] = [str(charge.label) for charge in priced().charges]
    return [
        {
            "label": {code: names[index] for code, names in labels.items()},
            "amount": str(charge.amount),
            "paid_now": charge.at_checkout,
        }
        for index, charge in enumerate(landed.charges)
    ]


def parcel_for(order, partner):
    """The seller's parcel of ``order``; a bare one (no service yet) if the order has none.

    Orders placed before parcels existed, or without a priced service, still get one record
    of their tracking and packing check, and their customs papers.
    """
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
        _opened(parcel)
    return parcel


def _opened(parcel):
    """A new parcel's first event ("paid"); its customs papers follow after commit."""
    ParcelEvent.objects.create(parcel=parcel, to_status=Parcel.Status.PAID)
    transaction.on_commit(lambda: generate_customs_documents.delay(parcel.pk))


def can_manage(user, parcel):
    """The seller's members and staff reach a parcel, its papers and its tracking."""
    return is_member_or_curator(user, parcel.partner)


def can_check(user, parcel):
    """A curator or a cooperative leader (a member holding ``fulfilment.check_parcel``)."""
    return is_curator(user) or (
        user.has_perm("fulfilment.check_parcel") and is_member(user, parcel.partner)
    )
