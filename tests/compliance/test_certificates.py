"""Certificate uploads (checked by content and size), private downloads, curator verification."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from oscar.test.factories import UserFactory

from compliance.certificates.models import Certificate
from tests.factories.catalogue import ProductFactory, SellerFactory
from tests.factories.compliance import CertificateFactory
from tests.factories.uploads import PDF_BYTES, image_bytes
from tests.factories.users import curator

pytestmark = pytest.mark.django_db
PNG = image_bytes("PNG")
JPEG = image_bytes("JPEG")


@pytest.fixture
def member(client):
    seller = SellerFactory()
    user = UserFactory()
    seller.users.add(user)
    client.force_login(user)
    return seller


def upload(client, seller, name, content, **extra):
    product = extra.pop("product", None) or ProductFactory(stockrecord__seller=seller)
    data = {
        "type": "lab_test",
        "standard": "ASTM C738",
        "lab": "LPEE",
        "issued_on": "2026-01-10",
        "expires_on": "2027-01-10",
        "document": SimpleUploadedFile(name, content),
        "products": [product.pk],
        **extra,
    }
    return client.post(reverse("certificates:seller", args=[seller.pk]), data)


@pytest.mark.parametrize(
    "name,content", [("report.pdf", PDF_BYTES), ("scan.png", PNG), ("scan.jpeg", JPEG)]
)
def test_seller_uploads_a_pdf_png_or_jpeg(client, member, name, content):
    assert upload(client, member, name, content).status_code == 302
    certificate = Certificate.objects.get()
    assert certificate.partner == member and certificate.verified_at is None


def test_html_named_pdf_is_refused(client, member):
    response = upload(client, member, "report.pdf", b"<html><script>x</script></html>")
    assert response.status_code == 200 and not Certificate.objects.exists()


def test_svg_is_refused(client, member):
    upload(client, member, "label.svg", b"<svg xmlns='http://www.w3.org/2000/svg'/>")
    assert not Certificate.objects.exists()


def test_a_pdf_named_png_is_stored_as_the_pdf_it_is(client, member):
    upload(client, member, "scan.png", PDF_BYTES)
    assert Certificate.objects.get().document.name.endswith(".pdf")


def test_file_at_the_size_limit_passes_and_one_byte_more_fails(client, member, settings):
    limit = settings.CERTIFICATE_MAX_BYTES = 1024 * 1024
    upload(client, member, "big.pdf", PDF_BYTES + b"0" * (limit - len(PDF_BYTES) + 1))
    assert not Certificate.objects.exists()
    upload(client, member, "ok.pdf", PDF_BYTES + b"0" * (limit - len(PDF_BYTES)))
    assert Certificate.objects.count() == 1


def test_expiry_before_issue_is_refused(client, member):
    upload(client, member, "r.pdf", PDF_BYTES, expires_on="2026-01-09")
    assert not Certificate.objects.exists()


def test_seller_cannot_cover_another_sellers_product(client, member):
    other = ProductFactory()
    upload(client, member, "r.pdf", PDF_BYTES, product=other)
    assert not Certificate.objects.exists()


def test_seller_cannot_open_another_sellers_certificates(client, member):
    other = SellerFactory()
    assert client.get(reverse("certificates:seller", args=[other.pk])).status_code == 404


def test_member_downloads_its_document_and_others_cannot(client, member):
    certificate = CertificateFactory(partner=member)
    url = reverse("certificates:document", args=[certificate.pk])
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    client.force_login(UserFactory())
    assert client.get(url).status_code == 404


def test_document_is_not_served_as_public_media(client):
    certificate = CertificateFactory()
    assert client.get(f"/media/{certificate.document.name}").status_code == 404


def test_curator_verifies_and_the_record_keeps_who_and_when(admin_client, admin_user):
    certificate = CertificateFactory(verified_at=None)
    admin_client.post(reverse("certificates:verify", args=[certificate.pk]), {"confirmed": "yes"})
    certificate.refresh_from_db()
    assert certificate.verified_by == admin_user and certificate.verified_at is not None


def test_verifying_asks_the_curator_to_confirm_first(client):
    certificate = CertificateFactory(verified_at=None, lab="LPEE Casablanca")
    client.force_login(curator())
    response = client.post(reverse("certificates:verify", args=[certificate.pk]))
    assert response.status_code == 200
    assert "LPEE Casablanca" in response.content.decode()
    certificate.refresh_from_db()
    assert certificate.verified_at is None


def test_a_curator_who_is_not_staff_verifies_a_certificate(client):
    certificate = CertificateFactory(verified_at=None)
    user = curator()
    client.force_login(user)
    client.post(reverse("certificates:verify", args=[certificate.pk]), {"confirmed": "yes"})
    certificate.refresh_from_db()
    assert certificate.verified_by == user


def test_seller_cannot_verify_its_own_certificate(client, member):
    certificate = CertificateFactory(partner=member, verified_at=None)
    response = client.post(
        reverse("certificates:verify", args=[certificate.pk]), {"confirmed": "yes"}
    )
    assert response.status_code == 404
    certificate.refresh_from_db()
    assert certificate.verified_at is None


def test_seller_marks_a_piece_not_for_food_and_it_ships_to_the_us(client, member):
    from compliance.rules import can_ship

    plate = ProductFactory(hs_code="6912", stockrecord__seller=member)
    url = reverse("certificates:profiles", args=[member.pk])
    client.post(url, {f"marked_not_for_food-{plate.pk}": "on"})
    plate.refresh_from_db()
    assert plate.export_profile.marked_not_for_food is True
    assert can_ship(plate, "US")[0] is True


def test_unticking_clears_the_flag(client, member):
    plate = ProductFactory(hs_code="6912", stockrecord__seller=member)
    url = reverse("certificates:profiles", args=[member.pk])
    client.post(url, {f"for_children-{plate.pk}": "on"})
    client.post(url, {})
    plate.refresh_from_db()
    assert plate.export_profile.for_children is False


def test_seller_cannot_flag_another_sellers_piece(client, member):
    from compliance.certificates.models import ExportProfile

    other = ProductFactory(hs_code="6912")
    url = reverse("certificates:profiles", args=[member.pk])
    client.post(url, {f"marked_not_for_food-{other.pk}": "on"})
    assert not ExportProfile.objects.filter(product=other).exists()
    response = client.get(reverse("certificates:profiles", args=[other.seller.pk]))
    assert response.status_code == 404
