"""A certificate may cover only some lots of its products; can_ship and ships_to honour it."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from oscar.test.factories import UserFactory

from catalog.models import Product
from compliance.certificates.lots import parse_lot_codes, validate_lot_codes
from compliance.certificates.models import Certificate
from compliance.rules import can_ship, ships_to
from tests.factories.catalogue import ProductFactory, SellerFactory
from tests.factories.compliance import CertificateFactory, ExportProfileFactory
from tests.factories.uploads import PDF_BYTES

pytestmark = pytest.mark.django_db


def plate_of_lot(lot):
    plate = ProductFactory(hs_code="6912")
    ExportProfileFactory(product=plate, current_lot=lot)
    return plate


def ships_in_sql(product):
    return ships_to(Product.objects.filter(pk=product.pk), "US").exists()


def test_lot_codes_are_normalised_on_save():
    certificate = CertificateFactory(lot_codes=" l-25 ;L-24, l-25")
    certificate.refresh_from_db()
    assert certificate.lot_codes == "L-24,L-25"


def test_a_lot_code_of_forty_characters_passes_and_forty_one_fails():
    validate_lot_codes("A" * 40)
    with pytest.raises(ValidationError):
        validate_lot_codes("A" * 41)


def test_a_lot_code_with_a_space_inside_is_refused():
    assert parse_lot_codes("L 24") == ["L 24"]
    with pytest.raises(ValidationError):
        validate_lot_codes("L 24")


def test_certificate_without_lots_covers_every_lot():
    plate = plate_of_lot("L-99")
    CertificateFactory(products=[plate])
    assert can_ship(plate, "US")[0] is True
    assert ships_in_sql(plate)


def test_certificate_for_the_current_lot_lets_the_piece_ship():
    plate = plate_of_lot("l-24")
    CertificateFactory(products=[plate], lot_codes="L-23,L-24,L-25")
    assert can_ship(plate, "US")[0] is True
    assert ships_in_sql(plate)


@pytest.mark.parametrize("codes", ["L-24", "L-24,L-30", "L-10,L-24", "L-10,L-24,L-30"])
def test_current_lot_matches_at_any_place_in_the_list(codes):
    plate = plate_of_lot("L-24")
    CertificateFactory(products=[plate], lot_codes=codes)
    assert can_ship(plate, "US")[0] is True
    assert ships_in_sql(plate)


def test_certificate_for_another_lot_does_not_count():
    plate = plate_of_lot("L-26")
    CertificateFactory(products=[plate], lot_codes="L-24,L-25")
    assert can_ship(plate, "US")[0] is False
    assert not ships_in_sql(plate)


def test_a_lot_whose_code_contains_a_covered_code_does_not_count():
    plate = plate_of_lot("L-2")
    CertificateFactory(products=[plate], lot_codes="L-24,XL-2")
    assert can_ship(plate, "US")[0] is False
    assert not ships_in_sql(plate)


def test_batch_certificate_does_not_cover_a_piece_without_a_current_lot():
    plate = ProductFactory(hs_code="6912")
    CertificateFactory(products=[plate], lot_codes="L-24")
    assert can_ship(plate, "US")[0] is False
    assert not ships_in_sql(plate)


def test_batch_certificate_does_not_cover_another_product_of_the_same_lot():
    plate = plate_of_lot("L-24")
    CertificateFactory(products=[plate_of_lot("L-24")], lot_codes="L-24")
    assert can_ship(plate, "US")[0] is False
    assert not ships_in_sql(plate)


def test_seller_uploads_a_certificate_for_two_lots(client):
    seller = SellerFactory()
    user = UserFactory()
    seller.users.add(user)
    client.force_login(user)
    product = ProductFactory(stockrecord__seller=seller)
    data = {
        "type": "lab_test",
        "standard": "ASTM C738",
        "issued_on": "2026-01-10",
        "expires_on": "2027-01-10",
        "document": SimpleUploadedFile("report.pdf", PDF_BYTES),
        "products": [product.pk],
        "lot_codes": "b-7, b-8",
    }
    response = client.post(reverse("certificates:seller", args=[seller.pk]), data)
    assert response.status_code == 302
    assert Certificate.objects.get().lot_codes == "B-7,B-8"


def test_seller_sets_the_current_lot_of_a_piece(client):
    seller = SellerFactory()
    user = UserFactory()
    seller.users.add(user)
    client.force_login(user)
    plate = ProductFactory(hs_code="6912", stockrecord__seller=seller)
    url = reverse("certificates:profiles", args=[seller.pk])
    client.post(url, {f"current_lot-{plate.pk}": "b-8"})
    plate.refresh_from_db()
    assert plate.export_profile.current_lot == "B-8"


def test_a_malformed_current_lot_saves_nothing(client):
    seller = SellerFactory()
    user = UserFactory()
    seller.users.add(user)
    client.force_login(user)
    plate = ProductFactory(hs_code="6912", stockrecord__seller=seller)
    url = reverse("certificates:profiles", args=[seller.pk])
    response = client.post(
        url, {f"current_lot-{plate.pk}": "b 8", f"for_children-{plate.pk}": "on"}, follow=True
    )
    assert "Nothing saved" in response.content.decode()
    plate.refresh_from_db()
    assert not hasattr(plate, "export_profile")


def test_lot_codes_typed_in_arabic_digits_are_stored_in_western_digits():
    certificate = CertificateFactory(lot_codes="l-٢٥, L-۲۴")
    certificate.refresh_from_db()
    assert certificate.lot_codes == "L-24,L-25"


def test_seller_sets_a_current_lot_typed_in_arabic_digits(client):
    seller = SellerFactory()
    user = UserFactory()
    seller.users.add(user)
    client.force_login(user)
    plate = ProductFactory(hs_code="6912", stockrecord__seller=seller)
    url = reverse("certificates:profiles", args=[seller.pk])
    client.post(url, {f"current_lot-{plate.pk}": "b-٨"})
    plate.refresh_from_db()
    assert plate.export_profile.current_lot == "B-8"
