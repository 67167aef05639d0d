default_app_config = "shipping.apps.ShippingConfig"
