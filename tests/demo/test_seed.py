"""seed_demo builds a browsable demo in four languages, and running it again changes nothing."""

import pytest
from django.utils import timezone
from oscar.core.loading import get_model
from wagtail.models import Site

from catalog.crafts import offered_by_craft
from demo.accounts import BUYER, DEMO_PASSWORD
from marketplace.cms.models import HomePage
from marketplace.currency.rates import is_fresh
from marketplace.payments.models import CheckoutPayment
from sellers.fulfilment.models import Parcel, ParcelEvent
from sellers.payouts.models import LedgerEntry
from tests.support.seeding import seed_demo

Product = get_model("catalogue", "Product")
Category = get_model("catalogue", "Category")
Partner = get_model("partner", "Partner")
StockRecord = get_model("partner", "StockRecord")
ProductImage = get_model("catalogue", "ProductImage")
Document = get_model("catalogue", "ProductSearchDocument")
Order = get_model("order", "Order")


def counts():
    return {
        model.__name__: model.objects.count()
        for model in (
            Product,
            Category,
            Partner,
            StockRecord,
            ProductImage,
            Document,
            HomePage,
            Order,
            Parcel,
            ParcelEvent,
            LedgerEntry,
            CheckoutPayment,
        )
    }


@pytest.fixture(scope="module")
def shared_media(tmp_path_factory):
    return tmp_path_factory.mktemp("seed-media")


@pytest.fixture(autouse=True)
def _media_root(settings, shared_media):
    """One media folder for the module: the picture pool and renditions are made once."""
    settings.MEDIA_ROOT = shared_media
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    }


@pytest.fixture
def seeded(db):
    seed_demo(products=30)


@pytest.mark.django_db
def test_seed_demo_is_idempotent(seeded):
    before = counts()
    seed_demo(products=30)
    assert counts() == before
    assert before["Order"] > 0 and before["LedgerEntry"] > 0


DEMO_SELLERS = ("maalem-driss-tazi", "cooperative-tamounte")


@pytest.fixture
def seeded_orders(db):
    """Enough products that the cooperative (unique pieces only) can sell one per order."""
    seed_demo(products=100)


@pytest.mark.django_db
def test_seed_demo_gives_each_demo_seller_orders_in_every_fulfilment_state(seeded_orders):
    for slug in DEMO_SELLERS:
        states = set(Parcel.objects.filter(partner__slug=slug).values_list("status", flat=True))
        assert states == set(Parcel.Status.values), slug


@pytest.mark.django_db
def test_seed_demo_orders_have_their_parcels_and_paid_checkouts(seeded_orders):
    for order in Order.objects.prefetch_related("parcels", "lines"):
        sellers = {line.partner_id for line in order.lines.all()}
        assert {parcel.partner_id for parcel in order.parcels.all()} == sellers
        payment = order.checkout_payment
        assert payment.status == "succeeded" and payment.total_mad == order.total_incl_tax


@pytest.mark.django_db
def test_seed_demo_shipped_parcels_carry_service_and_tracking(seeded_orders):
    gone = Parcel.objects.filter(status__in=["shipped", "delivered"])
    assert gone.exists()
    for parcel in gone:
        assert parcel.service.carrier.code and parcel.tracking_number and parcel.shipped_at


@pytest.mark.django_db
def test_seed_demo_credits_shipped_lines_and_delivers_by_carrier_tracking(seeded_orders):
    shipped = Parcel.objects.filter(status__in=["shipped", "delivered"])
    credited = set(LedgerEntry.objects.filter(kind="credit").values_list("line_id", flat=True))
    shipped_lines = {
        line.pk
        for fulfilment in shipped
        for line in fulfilment.order.lines.filter(partner=fulfilment.partner)
    }
    assert credited == shipped_lines and credited
    for slug in DEMO_SELLERS:
        assert LedgerEntry.objects.filter(seller__slug=slug, kind="credit").exists()
    delivered = Parcel.objects.filter(status="delivered")
    assert delivered.exists()
    assert not delivered.filter(tracked_delivered_at__isnull=True).exists()


@pytest.mark.django_db
def test_demo_seller_sees_the_demo_orders_and_payouts_in_the_seller_space(seeded_orders, client):
    from django.urls import reverse

    assert client.login(username="seller@example.com", password=DEMO_PASSWORD)
    orders = client.get(reverse("seller_space:orders")).content.decode()
    assert all(number in orders for number in ("DEMO-1001", "DEMO-1004"))
    payouts = client.get(reverse("seller_space:payouts")).content.decode()
    assert "DEMO-1004" in payouts


@pytest.mark.django_db
def test_demo_buyer_finds_only_their_order_in_their_account(seeded, client):
    from django.urls import reverse

    assert client.login(username=BUYER.email, password=DEMO_PASSWORD)
    orders = client.get(reverse("customer:order-list")).content.decode()
    assert "DEMO-1003" in orders and "DEMO-1001" not in orders


@pytest.mark.django_db
def test_seed_demo_grows_to_the_asked_number_of_sellable_products(seeded):
    seed_demo(products=45)
    assert Product.objects.sellable().count() == 45


@pytest.mark.django_db
def test_seed_demo_creates_artisans_cooperatives_and_unverified_sellers(seeded):
    kinds = set(Partner.objects.values_list("kind", flat=True))
    assert {Partner.Kind.ARTISAN, Partner.Kind.COOPERATIVE} <= kinds
    assert Partner.objects.filter(status=Partner.Status.VERIFIED).count() >= 20
    assert Partner.objects.exclude(status=Partner.Status.VERIFIED).exists()


@pytest.mark.django_db
def test_seed_demo_products_are_complete_in_four_languages(seeded):
    for product in Product.objects.sellable().prefetch_related("images", "categories"):
        assert all(getattr(product, f"title_{code}") for code in ("en", "fr", "ar", "es"))
        assert product.images.all() and product.categories.all()
        assert product.region_id and product.hs_code and product.weight_kg
        assert product.stockrecords.get().price_currency == "MAD"


@pytest.mark.django_db
def test_seed_demo_makes_the_cms_home_the_site_root(seeded, client):
    assert isinstance(Site.objects.get(is_default_site=True).root_page.specific, HomePage)
    response = client.get("/ar/")
    assert response.status_code == 200
    assert 'dir="rtl"' in response.content.decode()


@pytest.mark.django_db
def test_seed_demo_indexes_products_for_search(seeded):
    assert Document.objects.count() == Product.objects.count() * 4


@pytest.mark.django_db
def test_seed_demo_has_sellers_in_every_state_with_valid_identities(seeded):
    import datetime

    from django.utils import timezone

    from sellers.validators import validate_ice, validate_rib

    statuses = set(Partner.objects.values_list("status", flat=True))
    assert statuses == set(Partner.Status.values)
    today = timezone.localdate()
    soon = today + datetime.timedelta(days=30)
    verified = Partner.objects.filter(status=Partner.Status.VERIFIED)
    assert verified.filter(card_expires_on__gte=today, card_expires_on__lte=soon).exists()
    assert verified.filter(card_expires_on__lt=today).exists()
    for seller in Partner.objects.all():
        validate_rib(seller.rib)
        if seller.ice:
            validate_ice(seller.ice)
        assert seller.verification_events.exists()
        assert seller.craft_branches.exists()
        document = seller.card_scan or seller.statutes
        with document.open("rb") as handle:
            assert handle.read(5) == b"%PDF-"
    assert Partner.objects.filter(kind="cooperative").exclude(ice="").count() > 0


@pytest.mark.django_db
@pytest.mark.seeded_rates
def test_seed_demo_publishes_todays_rates_so_the_demo_takes_foreign_payments(seeded):
    ExchangeRate = get_model("currency", "ExchangeRate")
    gbp = ExchangeRate.objects.get(currency="GBP")
    assert gbp.date == timezone.localdate()
    assert is_fresh("GBP", gbp.date)
    assert gbp.source.startswith("demo:")


def test_seed_demo_cosmetics_are_notified_for_the_eu_and_the_us(seeded):
    from compliance import kinds
    from compliance.rules import kind_q, ships_to

    cosmetics = Product.objects.filter(kind_q(kinds.COSMETIC))
    assert cosmetics.exists()
    everywhere = set(cosmetics.values_list("pk", flat=True))
    for country in ("FR", "US"):  # every seller notified every piece
        assert set(ships_to(cosmetics, country).values_list("pk", flat=True)) == everywhere


def test_seed_demo_products_use_only_their_crafts_materials_and_techniques(seeded):
    offered = offered_by_craft()
    weaving = Category.objects.get(code="hand-knotted-rugs")
    assert offered[weaving.pk]["materials"] and offered[weaving.pk]["techniques"]
    for product in Product.objects.prefetch_related("categories", "materials", "techniques"):
        craft = product.categories.all()[0]
        assert {m.pk for m in product.materials.all()} <= offered[craft.pk]["materials"]
        assert {t.pk for t in product.techniques.all()} <= offered[craft.pk]["techniques"]
