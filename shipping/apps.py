import oscar.apps.shipping.apps as apps


class ShippingConfig(apps.ShippingConfig):
    name = "shipping"

    def ready(self):
        super().ready()
        from shipping import signals

        signals.connect()
