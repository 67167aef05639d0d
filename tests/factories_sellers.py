"""Factories for sellers' identities, documents, members and curators."""

import datetime
import io

import factory
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from oscar.test.factories import UserFactory as OscarUserFactory
from PIL import Image

from sellers.validators import rib_key
from tests.factories import SellerFactory
from tests.factories_uploads import PDF_BYTES


def make_rib(bank="011", city="780", account="0000123456789012"):
    """A RIB in the real 3 + 3 + 16 + 2 format, with its correct key."""
    return f"{bank}{city}{account}{rib_key(bank, city, account):02d}"


# Real-format examples: the SWIFT IBAN registry's Moroccan example (MA64 0115 1900 0001 2050
# 0053 4921) holds the RIB 011519000001205000534921; the ICE from python-stdnum's examples.
REAL_RIB = "011519000001205000534921"
VALID_ICE = "001561191000066"


def image_bytes(fmt="PNG", size=(8, 8)):
    buffer = io.BytesIO()
    Image.new("RGB", size, (180, 90, 40)).save(buffer, fmt)
    return buffer.getvalue()


def pdf_upload(name="card.pdf"):
    return SimpleUploadedFile(name, PDF_BYTES, content_type="application/pdf")


def png_upload(name="photo.png"):
    return SimpleUploadedFile(name, image_bytes("PNG"), content_type="image/png")


class UserFactory(OscarUserFactory):
    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.Sequence(lambda n: f"user{n}@example.com")


def curator():
    user = UserFactory()
    user.groups.add(Group.objects.get(name="Curators"))
    return user


class ArtisanFactory(SellerFactory):
    """A verified artisan with a complete identity and a card valid for a year."""

    legal_name = factory.LazyAttribute(lambda o: o.name)
    contact_phone = "+212612345678"
    contact_email = factory.Sequence(lambda n: f"atelier{n}@example.com")
    languages_spoken = ["ar", "fr"]
    nia = factory.Sequence(lambda n: f"NIA{n:07d}")
    card_number = factory.Sequence(lambda n: f"CP-{n:06d}")
    card_issued_on = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(400))
    card_expires_on = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(365))
    bank_name = "Bank of Africa"
    rib = REAL_RIB

    @factory.post_generation
    def members(self, create, extracted, **kwargs):
        if create and extracted:
            self.users.add(*extracted)


def application_data(region, craft, **overrides):
    """POST data of a complete artisan application (files go in ``files``)."""
    today = timezone.localdate()
    data = {
        "kind": "artisan",
        "name": "Atelier Amina",
        "legal_name": "Amina Alaoui",
        "region": region.pk,
        "city": "Marrakech",
        "craft_branches": [craft.pk],
        "story": "Weaving since 2004.",
        "contact_phone": "0612345678",
        "contact_email": "amina@example.com",
        "languages_spoken": ["ar", "fr"],
        "preferred_language": "fr",
        "nia": "NIA0001234",
        "card_number": "CP-445566",
        "card_issued_on": (today - datetime.timedelta(days=300)).isoformat(),
        "card_expires_on": (today + datetime.timedelta(days=700)).isoformat(),
        "bank_name": "CIH Bank",
        "rib": REAL_RIB,
        "card_scan": pdf_upload(),
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}
