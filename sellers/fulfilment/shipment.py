"""One shipment record: a seller's parcel and its fulfilment of the order move together.

The seller space's "shipped" step writes the carrier service and tracking number to the
order's parcel for that seller and dispatches it; the parcel page's dispatch drives the
fulfilment to "shipped". Both paths run here, in one transaction, and both are refused while a
required packing check is pending.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from sellers.fulfilment.models import Fulfilment
from sellers.fulfilment.services import TransitionError, advance, fulfilment_for
from shipping import parcels
from shipping.models import Parcel, Service

Status = Fulfilment.Status

PACKING_CHECK_PENDING = _(
    "This parcel must pass its packing check before it is shipped: a cooperative leader or "
    "a curator confirms it on the parcel page."
)


def _locked_parcel(order, seller):
    parcel = parcels.parcel_for(order, seller)
    return Parcel.objects.select_for_update().get(pk=parcel.pk)


def _refuse_unchecked(parcel):
    if parcel.awaits_packing_check:
        raise TransitionError(PACKING_CHECK_PENDING)


@transaction.atomic
def ship(order, seller, service_code, tracking_number, actor=None):
    """The seller-space step: record tracking on the parcel, dispatch it, mark it shipped.

    Returns the fulfilment. Raises TransitionError (nothing written) when the fulfilment is not
    in preparation, the packing check is pending, or the service is unknown or inactive.
    """
    parcel = _locked_parcel(order, seller)
    _refuse_unchecked(parcel)
    services = Service.objects.filter(is_active=True).select_related("carrier")
    service = services.filter(code=service_code).first()
    if service is None:
        raise TransitionError(_("Choose a carrier service."))
    fulfilment = fulfilment_for(order, seller)
    if fulfilment.status == Status.SHIPPED:
        return fulfilment  # a repeated request: the first one's record stands
    fulfilment = advance(
        fulfilment,
        Status.SHIPPED,
        actor,
        carrier=service.carrier.code,
        tracking_number=tracking_number,
    )
    parcel.service, parcel.tracking_number = service, fulfilment.tracking_number
    parcel.dispatched_at = parcel.dispatched_at or fulfilment.shipped_at
    parcel.save(update_fields=["service", "tracking_number", "dispatched_at"])
    return fulfilment


@transaction.atomic
def dispatch(parcel, actor=None):
    """The parcel page's dispatch: dispatch the parcel and mark the seller's fulfilment shipped.

    A fulfilment still "paid" passes through "in preparation" (both steps are recorded); one
    already shipped or delivered is left as it is. Raises ValidationError with the reason.
    """
    parcel = _locked_parcel(parcel.order, parcel.partner)
    try:
        _refuse_unchecked(parcel)
    except TransitionError as error:
        raise ValidationError(str(error)) from error
    if parcel.service is None:
        raise ValidationError(_("Choose a carrier service and save the tracking before dispatch."))
    parcel = parcels.dispatch(parcel)
    try:
        _drive_to_shipped(fulfilment_for(parcel.order, parcel.partner), parcel, actor)
    except TransitionError as error:
        raise ValidationError(str(error)) from error
    return parcel


def _drive_to_shipped(fulfilment, parcel, actor):
    if fulfilment.status == Status.PAID:
        fulfilment = advance(fulfilment, Status.IN_PREPARATION, actor)
    if fulfilment.status == Status.IN_PREPARATION:
        advance(
            fulfilment,
            Status.SHIPPED,
            actor,
            carrier=parcel.service.carrier.code,
            tracking_number=parcel.tracking_number,
        )
