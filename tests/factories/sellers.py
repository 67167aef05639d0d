"""Sellers' identities: RIBs, ICEs, artisans with documents, application form data."""

import datetime

import factory
from django.urls import reverse
from django.utils import timezone, translation
from oscar.core.loading import get_model

from sellers.validators import rib_key
from tests.factories.catalogue import SellerFactory
from tests.factories.uploads import pdf_upload


def make_rib(bank="011", city="780", account="0000123456789012"):
    """A RIB in the real 3 + 3 + 16 + 2 format, with its correct key."""
    return f"{bank}{city}{account}{rib_key(bank, city, account):02d}"


# Real-format examples: the SWIFT IBAN registry's Moroccan example (MA64 0115 1900 0001 2050
# 0053 4921) holds the RIB 011519000001205000534921; the ICE from python-stdnum's examples.
REAL_RIB = "011519000001205000534921"


VALID_ICE = "001561191000066"


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
        "name_latin": "Atelier Amina",
        "name_arabic": "محترف أمينة",
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


def apply_in_steps(client, data, language="en"):
    """Post ``data`` (as ``application_data`` builds it) through the application's steps as a
    browser would, each step its own fields; then send it from the review step.

    Returns the first response that does not move on to the next step (that step shown again
    with its errors), else the review step's answer to "Send".
    """
    from sellers.apply import steps

    kind = data.get("kind", "artisan")
    with translation.override(language):
        for step in steps.STEPS:
            url = reverse("sell:apply-step", kwargs={"step": step.slug})
            fields = step.fields(kind)
            response = client.post(url, {k: v for k, v in data.items() if k in fields})
            if step.slug == steps.REVIEW or response.status_code != 302:
                return response
            following = steps.following(step)
            assert response["Location"] == reverse(
                "sell:apply-step", kwargs={"step": following.slug}
            ), response["Location"]
    raise AssertionError("the application has no review step")


EXPORTER_ICE = "001561191000066"


def exporting_cooperative(**overrides):
    """A cooperative with what customs papers print: Latin and legal names, ICE, street address."""
    PartnerAddress = get_model("partner", "PartnerAddress")
    fields = {
        "name": "تعاونية الفخار",
        "name_latin": "Cooperative Al Fakhar",
        "legal_name": "Cooperative Al Fakhar SCOOP",
        "city": "Safi",
        "ice": EXPORTER_ICE,
        **overrides,
    }
    seller = SellerFactory(**fields)
    PartnerAddress.objects.create(
        partner=seller, line1="12 Derb Chaaba", line4="Safi", postcode="46000", country_id="MA"
    )
    return seller
