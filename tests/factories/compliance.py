"""Certificates and export profiles."""

import datetime

import factory
from django.core.files.base import ContentFile
from django.utils import timezone
from factory.django import DjangoModelFactory
from oscar.core.loading import get_model

from tests.factories.catalogue import ProductFactory, SellerFactory  # noqa: F401
from tests.factories.uploads import PDF_BYTES

Certificate = get_model("certificates", "Certificate")


ExportProfile = get_model("certificates", "ExportProfile")


class CertificateFactory(DjangoModelFactory):
    class Meta:
        model = Certificate
        skip_postgeneration_save = True

    partner = factory.SubFactory(SellerFactory)
    type = "lab_test"
    standard = "ASTM C738 lead and cadmium leach"
    lab = "LPEE Casablanca"
    accreditation = "ISO/IEC 17025"
    issued_on = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=30))
    expires_on = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=300))
    document = factory.LazyFunction(lambda: ContentFile(PDF_BYTES, name="report.pdf"))
    verified_at = factory.LazyFunction(timezone.now)

    @factory.post_generation
    def products(self, create, extracted, **kwargs):
        if create and extracted:
            self.products.set(extracted)


class ExportProfileFactory(DjangoModelFactory):
    class Meta:
        model = ExportProfile

    product = factory.SubFactory(ProductFactory)
