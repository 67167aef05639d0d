from django.apps import AppConfig


class ThemesConfig(AppConfig):
    name = "themes"
    verbose_name = "Storefront theme"

    def ready(self):
        from themes import signals  # noqa: F401
