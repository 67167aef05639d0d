from django.apps import AppConfig


class CoreConfig(AppConfig):
    """Shared low-level pieces: cache versions and their invalidation, the request memo,
    upload validation. Imports no other app of the project."""

    name = "marketplace.core"
    label = "core"

    def ready(self):
        from marketplace.core import invalidation

        invalidation.connect()
