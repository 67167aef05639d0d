"""A seller sets a listing's wholesale terms in the seller space and through the CSV import."""

import csv
import io
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from sellers.space.csv_import import COLUMNS
from sellers.space.models import ImportJob
from tests.factories.catalogue import (
    MaterialFactory,
    ProductFactory,
    RegionFactory,
    SellerFactory,
    TechniqueFactory,
    rug_craft,
)
from tests.factories.users import member_of
from tests.factories.wholesale import offer_on
from wholesale.models import WholesaleOffer

pytestmark = pytest.mark.django_db


@pytest.fixture
def seller():
    return SellerFactory()


@pytest.fixture
def listing(seller):
    return ProductFactory(stockrecord__seller=seller)


@pytest.fixture
def member(client, seller):
    client.force_login(member_of(seller))
    return client


def terms(**overrides):
    data = {
        "sells_wholesale": "on",
        "minimum_quantity": "12",
        "case_pack": "6",
        "lead_time_days": "45",
        "sells_samples": "on",
        "tier_1_quantity": "12",
        "tier_1_price": "950",
        "tier_2_quantity": "48",
        "tier_2_price": "850",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def wholesale_url(listing, language="en"):
    return f"/{language}/my-shop/listings/{listing.pk}/wholesale/"


@pytest.mark.parametrize(
    "language, digits",
    [("ar", "٠١٢٣٤٥٦٧٨٩"), ("ar", "۰۱۲۳۴۵۶۷۸۹"), ("fr", "0123456789")],
    ids=["arabic-indic", "eastern-arabic-indic", "ascii"],
)
def test_quantities_typed_on_an_arabic_keyboard_are_stored_as_numbers(
    member, listing, language, digits
):
    def typed(number):
        return "".join(digits[int(d)] for d in str(number))

    data = terms(
        minimum_quantity=typed(12),
        case_pack=typed(6),
        lead_time_days=typed(45),
        tier_1_quantity=typed(12),
        tier_1_price=typed(950),
        tier_2_quantity=typed(48),
        tier_2_price=typed(850),
    )
    assert member.post(wholesale_url(listing, language), data).status_code == 302
    offer = WholesaleOffer.objects.get(stockrecord__product=listing)
    assert (offer.minimum_quantity, offer.case_pack, offer.lead_time_days) == (12, 6, 45)
    assert [t.min_quantity for t in offer.tiers.all()] == [12, 48]


def test_a_seller_sets_tiers_moq_case_pack_lead_time_and_samples(member, listing):
    response = member.post(wholesale_url(listing), terms())
    assert response.status_code == 302
    offer = WholesaleOffer.objects.get(stockrecord__product=listing)
    assert (offer.minimum_quantity, offer.case_pack, offer.lead_time_days) == (12, 6, 45)
    assert offer.sells_samples
    assert [(t.min_quantity, t.unit_price) for t in offer.tiers.all()] == [
        (12, Decimal("950.00")),
        (48, Decimal("850.00")),
    ]


def test_the_form_shows_the_saved_terms_back(member, listing):
    offer_on(listing, tiers=((12, "950.00"),), minimum=12, case_pack=6)
    page = member.get(wholesale_url(listing)).content.decode()
    assert 'name="minimum_quantity" value="12"' in page
    assert 'name="tier_1_quantity" value="12"' in page


def test_a_french_seller_types_a_decimal_comma(member, listing):
    member.post(wholesale_url(listing, "fr"), terms(tier_1_price="950,50", tier_2_price="850"))
    offer = WholesaleOffer.objects.get()
    assert offer.tiers.first().unit_price == Decimal("950.50")


def test_an_incoherent_offer_is_refused_with_the_rule(member, listing):
    response = member.post(wholesale_url(listing), terms(tier_1_quantity="10"))
    assert response.status_code == 200
    assert "The first tier starts at the minimum order quantity." in response.content.decode()
    assert not WholesaleOffer.objects.exists()


def test_unchecking_removes_the_offer(member, listing):
    offer_on(listing)
    member.post(wholesale_url(listing), {"case_pack": "1"})
    assert not WholesaleOffer.objects.exists()


def test_another_sellers_listing_is_out_of_reach(member):
    other = ProductFactory()
    assert member.get(wholesale_url(other)).status_code == 404
    assert member.post(wholesale_url(other), terms()).status_code == 404
    assert not WholesaleOffer.objects.exists()


# CSV import


def csv_upload(*rows):
    out = io.StringIO()
    header = [column for column, _field, _help in COLUMNS]
    writer = csv.DictWriter(out, fieldnames=header, extrasaction="ignore")
    writer.writeheader()
    for values in rows:
        writer.writerow(
            {
                "title_fr": "Tajine",
                "craft": "rugs",
                "materials": "wool",
                "techniques": "hand-knotting",
                "price_mad": "300.00",
                "stock": "200",
                "weight_kg": "2",
                **values,
            }
        )
    return SimpleUploadedFile("listings.csv", out.getvalue().encode(), "text/csv")


@pytest.fixture
def importer(member):
    rug_craft()
    RegionFactory()
    MaterialFactory()
    TechniqueFactory()
    return member


def send(client, upload, capture):
    """Upload the file; the import job runs once the request commits, as in production."""
    with capture(execute=True):
        response = client.post(reverse("seller_space:import"), {"file": upload})
    assert response.status_code == 302
    return ImportJob.objects.get()


def refused(job):
    """{line: reason} of the rows the job refused."""
    return {row.line: row.reason for row in job.rows.filter(outcome="refused")}


def test_the_csv_import_carries_wholesale_terms(importer, django_capture_on_commit_callbacks):
    upload = csv_upload(
        {
            "wholesale_moq": "24",
            "wholesale_case_pack": "12",
            "wholesale_lead_days": "30",
            "wholesale_samples": "oui",
            "wholesale_tiers": "24:210|120:180,50",
        },
        {},  # a row without wholesale terms
    )
    job = send(importer, upload, django_capture_on_commit_callbacks)
    assert refused(job) == {}
    offer = WholesaleOffer.objects.get()
    assert (offer.minimum_quantity, offer.case_pack, offer.lead_time_days) == (24, 12, 30)
    assert offer.sells_samples
    assert [(t.min_quantity, t.unit_price) for t in offer.tiers.all()] == [
        (24, Decimal("210.00")),
        (120, Decimal("180.50")),
    ]


def test_a_csv_row_with_incoherent_terms_is_refused_whole(
    importer, django_capture_on_commit_callbacks
):
    upload = csv_upload(
        {},
        {"wholesale_moq": "24", "wholesale_case_pack": "12", "wholesale_tiers": "24:210|130:180"},
    )
    job = send(importer, upload, django_capture_on_commit_callbacks)
    reasons = refused(job)
    assert list(reasons) == [3]
    assert reasons[3].startswith("wholesale_tiers:")
    assert not WholesaleOffer.objects.exists()
    assert job.rows.filter(outcome="created").count() == 1  # the coherent row still imports


def test_unreadable_tiers_are_reported_in_their_column(
    importer, django_capture_on_commit_callbacks
):
    upload = csv_upload({"wholesale_moq": "24", "wholesale_tiers": "24=210"})
    reasons = refused(send(importer, upload, django_capture_on_commit_callbacks))
    assert "wholesale_tiers:" in reasons[2]
    assert not WholesaleOffer.objects.exists()


def test_a_csv_minimum_without_tiers_is_refused(importer, django_capture_on_commit_callbacks):
    upload = csv_upload({"wholesale_moq": "24"})
    reasons = refused(send(importer, upload, django_capture_on_commit_callbacks))
    assert [line.split(":")[0] for line in reasons[2].splitlines()] == ["wholesale_tiers"]
