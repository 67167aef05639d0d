from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CertificatesConfig(AppConfig):
    name = "compliance.certificates"
    label = "certificates"
    verbose_name = _("Quality certificates")
    default_auto_field = "django.db.models.AutoField"
