import oscar.apps.shipping.apps as apps


class ShippingConfig(apps.ShippingConfig):
    name = "shipping"

    def ready(self):
        super().ready()
        from catalog import destinations
        from shipping import reach

        destinations.register(reach.blocked_ids)
