"""Hostile files sent through the real upload pages: seller application, listing photos,
certificates and the CMS image library. Every one must be refused and nothing stored."""

import io

import pytest
from django.urls import reverse
from oscar.core.loading import get_model
from PIL import Image
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

from compliance.certificates.models import Certificate
from tests.factories import uploads as files
from tests.factories.catalogue import ProductFactory, SellerFactory
from tests.factories.orders import product_of
from tests.factories.sellers import application_data, apply_in_steps
from tests.factories.users import UserFactory, member_of

pytestmark = pytest.mark.django_db

Partner = get_model("partner", "Partner")
MB = 1024 * 1024

HOSTILE_DOCUMENTS = {
    "pdf-html-polyglot": ("report.pdf", files.pdf_html_polyglot),
    "html-then-pdf-polyglot": ("report.pdf", files.html_then_pdf_polyglot),
    "pdf-javascript-open-action": ("report.pdf", files.pdf_with_javascript_open_action),
    "pdf-obfuscated-javascript": ("report.pdf", files.pdf_with_obfuscated_javascript),
    "pdf-launch-action": ("report.pdf", files.pdf_with_launch_action),
    "pdf-embedded-file": ("report.pdf", files.pdf_with_embedded_file),
    "broken-pdf": ("report.pdf", files.broken_pdf),
    "html-named-pdf": ("report.pdf", lambda: files.HTML),
    "svg-named-png": ("scan.png", lambda: files.SVG),
    "jpeg-claiming-30000x30000": ("scan.jpg", lambda: files.jpeg_claiming(30000, 30000)),
    "jpeg-claiming-144-megapixels": ("scan.jpg", lambda: files.jpeg_claiming(12000, 12000)),
    "png-of-144-megapixels": ("scan.png", files.huge_png),
    "truncated-jpeg": ("scan.jpg", files.truncated_jpeg),
    "pdf-over-10-mb": ("report.pdf", lambda: files.PDF_BYTES + b"\n" * (10 * MB)),
}
HOSTILE_PHOTOS = {
    "svg-named-png": ("photo.png", lambda: files.SVG),
    "html-named-jpeg": ("photo.jpg", lambda: files.HTML),
    "pdf-named-jpeg": ("photo.jpg", lambda: files.PDF_BYTES),
    "jpeg-claiming-30000x30000": ("photo.jpg", lambda: files.jpeg_claiming(30000, 30000)),
    "jpeg-claiming-144-megapixels": ("photo.jpg", lambda: files.jpeg_claiming(12000, 12000)),
    "png-of-144-megapixels": ("photo.png", files.huge_png),
    "truncated-jpeg": ("photo.jpg", files.truncated_jpeg),
    "png-over-5-mb": ("photo.png", lambda: files.image_bytes("PNG") + b"\0" * (5 * MB)),
}


def hostile(cases):
    return pytest.mark.parametrize(("name", "build"), cases.values(), ids=list(cases))


# The seller application (/<lang>/sell/apply/): the professional card's scan.


@pytest.fixture
def applicant(client):
    client.force_login(UserFactory())
    return client


def apply(client, region, craft, **files_sent):
    return apply_in_steps(client, application_data(region, craft, **files_sent))


@hostile(HOSTILE_DOCUMENTS)
def test_the_application_refuses_a_hostile_card_scan(applicant, region, craft, name, build):
    response = apply(applicant, region, craft, card_scan=files.as_upload(name, build()))
    assert response.status_code == 200
    assert "card_scan" in response.context["form"].errors
    assert not Partner.objects.exists()


def test_the_application_stores_the_card_scan_under_a_random_name(applicant, region, craft):
    scan = files.as_upload("Amina Alaoui CIN.pdf", files.PDF_BYTES)
    assert apply(applicant, region, craft, card_scan=scan).status_code == 302
    stored = Partner.objects.get().card_scan.name
    assert "Amina" not in stored and "CIN" not in stored
    assert stored.startswith("sellers/cards/") and stored.endswith(".pdf")


def test_the_application_strips_the_location_from_the_sellers_photo(applicant, region, craft):
    photo = files.as_upload("me.jpg", files.jpeg_with_gps_and_rotation())
    assert apply(applicant, region, craft, photo=photo).status_code == 302
    with Partner.objects.get().photo.open("rb") as handle:
        stored = Image.open(io.BytesIO(handle.read()))
        assert not stored.getexif()
        assert stored.size == (20, 40)  # turned upright as the camera said


# Listing photos (/<lang>/my-shop/listings/<id>/photos/).


@pytest.fixture
def listing(client):
    seller = SellerFactory()
    client.force_login(member_of(seller))
    return product_of(seller, image=False)


def add_photo(client, product, upload):
    return client.post(reverse("seller_space:photos", args=[product.pk]), {"photos": upload})


@hostile(HOSTILE_PHOTOS)
def test_a_hostile_listing_photo_is_refused(client, listing, name, build):
    response = add_photo(client, listing, files.as_upload(name, build(), "image/jpeg"))
    assert response.status_code == 200
    assert response.context["form"].errors
    assert not listing.images.exists()


def test_a_listing_photo_loses_its_gps_position_and_is_turned_upright(client, listing):
    photo = files.as_upload("workshop.jpg", files.jpeg_with_gps_and_rotation())
    assert add_photo(client, listing, photo).status_code == 302
    with listing.images.get().original.open("rb") as handle:
        data = handle.read()
    stored = Image.open(io.BytesIO(data))
    assert not stored.getexif()
    assert b"Exif" not in data and b"PhoneMaker" not in data
    assert stored.size == (20, 40)


def test_a_listing_photo_is_stored_under_a_random_name(client, listing):
    photo = files.as_upload("amina-alaoui-home.jpg", files.image_bytes("JPEG"))
    assert add_photo(client, listing, photo).status_code == 302
    stored = listing.images.get().original.name
    assert "amina" not in stored and stored.endswith(".jpg")


# Quality certificates (/<lang>/certificates/sellers/<id>/).


@pytest.fixture
def certificate_seller(client):
    seller = SellerFactory()
    client.force_login(member_of(seller))
    return seller


def upload_certificate(client, seller, upload):
    data = {
        "type": "lab_test",
        "standard": "ASTM C738",
        "lab": "LPEE",
        "issued_on": "2026-01-10",
        "expires_on": "2027-01-10",
        "document": upload,
        "products": [ProductFactory(stockrecord__seller=seller).pk],
    }
    return client.post(reverse("certificates:seller", args=[seller.pk]), data)


@hostile(HOSTILE_DOCUMENTS)
def test_a_hostile_certificate_document_is_refused(client, certificate_seller, name, build):
    response = upload_certificate(client, certificate_seller, files.as_upload(name, build()))
    assert response.status_code == 200
    assert "document" in response.context["form"].errors
    assert not Certificate.objects.exists()


def test_a_certificate_is_stored_under_a_random_name(client, certificate_seller):
    upload = files.as_upload("Amina lab report 2026.pdf", files.PDF_BYTES)
    assert upload_certificate(client, certificate_seller, upload).status_code == 302
    stored = Certificate.objects.get().document.name
    assert "Amina" not in stored and "report" not in stored
    assert stored.endswith(".pdf")


def test_a_certificate_scan_loses_its_gps_position(client, certificate_seller):
    upload = files.as_upload("scan.jpg", files.jpeg_with_gps_and_rotation())
    assert upload_certificate(client, certificate_seller, upload).status_code == 302
    with Certificate.objects.get().document.open("rb") as handle:
        assert not Image.open(io.BytesIO(handle.read())).getexif()


# The CMS image library (Wagtail admin, /cms/images/add/).


@pytest.fixture
def editor(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


def add_cms_image(client, upload):
    data = {"title": "Cover", "file": upload, "collection": Collection.get_first_root_node().pk}
    return client.post(reverse("wagtailimages:add"), data)


HOSTILE_CMS_IMAGES = {
    key: case
    for key, case in HOSTILE_PHOTOS.items()
    if key != "png-over-5-mb"  # the CMS limit is 10 MB
}


@hostile(HOSTILE_CMS_IMAGES)
def test_a_hostile_cms_image_is_refused(editor, name, build):
    response = add_cms_image(editor, files.as_upload(name, build(), "image/jpeg"))
    assert response.status_code == 200
    assert not get_image_model().objects.exists()


def test_a_cms_image_loses_its_gps_position_and_its_name(editor):
    upload = files.as_upload("riad-secret-address.jpg", files.jpeg_with_gps_and_rotation())
    assert add_cms_image(editor, upload).status_code == 302
    image = get_image_model().objects.get()
    assert "riad" not in image.file.name
    with image.file.open("rb") as handle:
        assert not Image.open(io.BytesIO(handle.read())).getexif()


def test_the_cms_multiple_uploader_refuses_a_hostile_picture(editor):
    upload = files.as_upload("cover.jpg", files.truncated_jpeg())
    response = editor.post(reverse("wagtailimages:add_multiple"), {"files[]": upload})
    assert response.json()["success"] is False
    assert not get_image_model().objects.exists()


def test_the_cms_multiple_uploader_stores_a_clean_picture(editor):
    upload = files.as_upload("riad-secret-address.jpg", files.jpeg_with_gps_and_rotation())
    response = editor.post(reverse("wagtailimages:add_multiple"), {"files[]": upload})
    assert response.json()["success"] is True
    image = get_image_model().objects.get()
    assert "riad" not in image.file.name and (image.width, image.height) == (20, 40)


# The CMS document library (Wagtail admin, /cms/documents/add/): PDFs only.


def add_cms_document(client, upload):
    data = {"title": "Terms", "file": upload, "collection": Collection.get_first_root_node().pk}
    return client.post(reverse("wagtaildocs:add"), data)


@pytest.mark.parametrize(
    "build",
    [
        lambda: files.HTML,
        files.pdf_html_polyglot,
        files.pdf_with_javascript_open_action,
        files.pdf_with_embedded_file,
    ],
    ids=["html-named-pdf", "pdf-html-polyglot", "pdf-javascript", "pdf-embedded-file"],
)
def test_a_hostile_cms_document_is_refused(editor, build):
    response = add_cms_document(editor, files.as_upload("terms.pdf", build()))
    assert response.status_code == 200
    assert not get_document_model().objects.exists()


def test_a_cms_document_is_stored_under_a_random_name(editor):
    assert (
        add_cms_document(editor, files.as_upload("terms.pdf", files.PDF_BYTES)).status_code == 302
    )
    assert "terms" not in get_document_model().objects.get().file.name
