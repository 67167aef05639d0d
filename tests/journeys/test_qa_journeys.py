"""Defects found walking the demo as buyers and sellers do, each pinned by the view it broke."""

import re

import pytest
from django.utils import translation
from oscar.core.loading import get_class, get_model

from catalog.renditions import rendition_url
from catalog.thumbnails import rendition_width
from demo.export import seed_shipping_countries
from sellers.fulfilment.models import Parcel
from shipping.models import Zone
from tests.factories.catalogue import ProductFactory, SellerFactory
from tests.factories.checkout import CountryFactory, unique_piece, walk_to_preview
from tests.factories.compliance import CertificateFactory
from tests.factories.orders import order_for, product_of
from tests.factories.sellers import ArtisanFactory
from tests.factories.uploads import png_upload
from tests.factories.users import curator, member_of

Country = get_model("address", "Country")
ShippingAddressForm = get_class("checkout.forms", "ShippingAddressForm")
pytestmark = pytest.mark.django_db


def zone_countries():
    return {code for zone in Zone.objects.all() for code in zone.country_codes}


def test_demo_seed_offers_every_zone_country_at_checkout():
    seed_shipping_countries()
    choices = {str(value) for value, _label in ShippingAddressForm().fields["country"].choices}
    assert zone_countries() and zone_countries() <= choices


def test_demo_countries_are_not_duplicated_when_seeded_again():
    seed_shipping_countries()
    seed_shipping_countries()
    assert Country.objects.filter(is_shipping_country=True).count() == len(zone_countries())


def button_classes(html, testid):
    tag = re.search(rf'<button[^>]*data-testid="{testid}"[^>]*>', html).group(0)
    return re.search(r'class="([^"]*)"', tag).group(1).split()


def test_checkout_buttons_are_styled_as_buttons(eur_buyer, stripe_api):
    CountryFactory()
    piece = unique_piece("450.00", seller=SellerFactory(name="Atelier Fès"))
    preview = walk_to_preview(eur_buyer, [piece]).content.decode()
    assert "btn" in button_classes(preview, "pay")
    shipping = eur_buyer.get("/en/checkout/shipping-method/").content.decode()
    assert "btn" in button_classes(shipping, "continue-to-payment")
    assert "btn" in button_classes(shipping, "cheapest-for-all")


def test_arabic_product_page_says_how_many_are_in_stock_in_arabic(client, product):
    with translation.override("ar"):
        url = product.get_absolute_url()
    html = client.get(url).content.decode()
    assert "In stock (" not in html
    assert re.search(r'class="availability">متوفر \(\d+ قطعة متاحة\)<', html)


def test_arabic_basket_message_is_translated(client, product):
    with translation.override("ar"):
        response = client.post(f"/ar/basket/add/{product.pk}/", {"quantity": 1}, follow=True)
    html = response.content.decode()
    assert "has been added to your basket" not in html
    assert "إلى سلة التسوق" in html


def test_seller_space_links_to_the_parcels_and_certificates_pages(client):
    seller = SellerFactory()
    client.force_login(member_of(seller))
    html = client.get("/en/my-shop/").content.decode()
    for path in ("/en/shipping/parcels/", f"/en/certificates/sellers/{seller.pk}/"):
        assert f'href="{path}"' in html
        assert client.get(path).status_code == 200


def test_certificate_verified_without_a_recorded_curator_does_not_say_none(client):
    certificate = CertificateFactory(verified_by=None)
    client.force_login(member_of(certificate.partner))
    html = client.get(f"/en/certificates/sellers/{certificate.partner_id}/").content.decode()
    assert "by None" not in html
    assert "Verified on " in html


def test_certificate_table_scrolls_inside_its_box_on_phones(client):
    certificate = CertificateFactory()
    client.force_login(member_of(certificate.partner))
    html = client.get(f"/en/certificates/sellers/{certificate.partner_id}/").content.decode()
    assert re.search(r'<div class="table-responsive">\s*<table', html)


@pytest.mark.parametrize(
    ("path", "english", "arabic"),
    [
        ("/ar/accounts/profile/", "Edit profile", "تعديل الملف الشخصي"),
        ("/ar/accounts/orders/", "Order history", "سجل الطلبات"),
        ("/ar/accounts/orders/", "You haven&#x27;t placed any orders.", "لم تقدّم أي طلب بعد."),
    ],
)
def test_arabic_account_pages_are_translated(client, path, english, arabic):
    client.force_login(member_of())
    html = client.get(path).content.decode()
    assert english not in html
    assert arabic in html


def test_curation_queue_table_scrolls_inside_its_box_on_phones(client):
    ArtisanFactory(status="pending")
    client.force_login(curator())
    html = client.get("/en/curation/sellers/?status=pending").content.decode()
    assert re.search(r'<div class="table-responsive">\s*<table', html)


def test_parcel_list_table_scrolls_inside_its_box_on_phones(admin_client):
    html = admin_client.get("/en/shipping/parcels/").content.decode()
    assert "No parcels yet." in html  # no table at all without parcels
    seller = SellerFactory()
    Parcel.objects.create(order=order_for(product_of(seller)), partner=seller)
    html = admin_client.get("/en/shipping/parcels/").content.decode()
    assert re.search(r'<div class="table-responsive">\s*<table', html)


def test_signing_up_on_the_arabic_site_stays_on_the_arabic_site(client, home_page):
    response = client.post(
        "/ar/accounts/login/",
        {
            "registration-email": "new-artisan@example.com",
            "registration-password1": "Zx!maalem-2026-q",
            "registration-password2": "Zx!maalem-2026-q",
            "registration_submit": "1",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == "/ar/"


def test_logging_in_on_the_french_site_stays_on_the_french_site(client, home_page):
    user = member_of()
    user.set_password("Zx!maalem-2026-q")
    user.save()
    response = client.post(
        "/fr/accounts/login/",
        {
            "login-username": user.email,
            "login-password": "Zx!maalem-2026-q",
            "login_submit": "1",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == "/fr/"


def test_dashboard_product_list_shows_photos_without_sorl(admin_client, settings, craft):
    settings.OSCAR_THUMBNAIL_DEBUG = True  # a failing thumbnail raises instead of logging
    product = ProductFactory(category=craft, image=png_upload("vase.png"))
    image = product.images.get()
    response = admin_client.get("/dashboard/catalogue/")
    assert response.status_code == 200
    sources = re.findall(r'<img[^>]*src="([^"]+)"', response.content.decode())
    image.refresh_from_db()
    expected = (
        rendition_url(image.original.name, 320) if image.renditions_ready else image.original.url
    )
    assert expected in sources


@pytest.mark.parametrize(
    ("size", "width"), [("70x70", 320), ("320x", 320), ("321x321", 480), ("x900", 800)]
)
def test_thumbnail_takes_the_narrowest_rendition_at_least_as_wide(size, width):
    assert rendition_width(size) == width


def test_french_product_page_writes_the_converted_price_the_french_way(client, product):
    client.cookies["currency"] = "EUR"
    with translation.override("fr"):
        url = product.get_absolute_url()
    html = client.get(url).content.decode()
    assert "111,00\xa0€" in html  # 1200 MAD x 0.0925, as "1 200,00 MAD" beside it
    assert "€ 111.00" not in html
