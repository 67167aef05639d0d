default_app_config = "sellers.apps.PartnerConfig"
