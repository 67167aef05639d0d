from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReturnsConfig(AppConfig):
    name = "sellers.returns"
    label = "returns"
    verbose_name = _("Returns")

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from sellers.returns.models import ReturnPolicy
        from sellers.returns.policy import forget

        post_save.connect(forget, sender=ReturnPolicy, dispatch_uid="returns-policy-shown")
        post_delete.connect(forget, sender=ReturnPolicy, dispatch_uid="returns-policy-shown-del")
