"""Orders placed before the pipeline have no status (''): give each the status its payment,
parcels and refunds say (``rules.status_from_facts``; every placed order was paid). Reversed,
every order goes back to ''."""

from django.db import migrations

from marketplace.order_status.rules import status_from_facts


def set_true_statuses(apps, schema_editor):
    Order = apps.get_model("order", "Order")
    Parcel = apps.get_model("fulfilment", "Parcel")
    PaymentRefund = apps.get_model("payments", "PaymentRefund")
    for order in Order.objects.filter(status="").iterator():
        refunds = PaymentRefund.objects.filter(payment__order=order)
        status = status_from_facts(
            current="",
            paid=True,
            parcel_statuses=list(
                Parcel.objects.filter(order=order).values_list("status", flat=True)
            ),
            lines=order.lines.count(),
            refunded_lines=refunds.filter(line__isnull=False).count(),
            refunds=refunds.count(),
        )
        Order.objects.filter(pk=order.pk).update(status=status)


def clear_statuses(apps, schema_editor):
    apps.get_model("order", "Order").objects.update(status="")


class Migration(migrations.Migration):
    dependencies = [
        ("order", "0021_billingaddress_code_shippingaddress_code"),
        ("fulfilment", "0006_drop_fulfilment"),
        ("payments", "0003_shipping_selection"),
    ]

    operations = [migrations.RunPython(set_true_statuses, clear_statuses)]
