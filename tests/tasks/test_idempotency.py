"""Every Celery task run twice changes things once: Redis delivers a task at least once.

A worker killed before acknowledging a task makes Redis deliver the same message again (same
task id); a beat task may also simply run again. Each test runs a task twice and counts its
effect: emails, documents, counters, rows, released reservations.
"""

import datetime
import posixpath
import uuid
from decimal import Decimal
from io import BytesIO

import pytest
from celery.exceptions import Retry
from django.core import mail
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.mail.backends.locmem import EmailBackend as LocmemBackend
from django.utils import timezone
from oscar.core.loading import get_model
from oscar.test.factories import UserFactory
from PIL import Image

from catalog import tasks as catalog_tasks
from catalog.renditions import WIDTHS, rendition_name
from catalog.search import signals as search_signals
from catalog.search import tasks as search_tasks
from compliance.certificates.tasks import check_expiry
from marketplace.cms import models as cms_models
from marketplace.cms.tasks import publish_scheduled_pages
from marketplace.currency.models import ExchangeRate
from marketplace.currency.tasks import refresh_exchange_rates
from marketplace.idempotency.models import SentEmail, TaskReceipt
from marketplace.idempotency.tasks import forget_old_task_receipts
from marketplace.payments.gateway import stripe_client
from marketplace.payments.models import CheckoutPayment, StockReservation
from marketplace.payments.tasks import release_expired_reservations, send_order_emails
from sellers import expiry as card_expiry
from sellers import verification
from sellers.emails import send_card_expiry_email, send_status_email
from sellers.fulfilment import documents
from sellers.fulfilment import parcels as parcel_ops
from sellers.fulfilment.tasks import generate_customs_documents
from sellers.space.models import ImportJob
from sellers.space.tasks import run_import
from sellers.tasks import check_card_expiry
from tests.currency.test_feed import feed, feed_server  # noqa: F401 (a fixture)
from tests.factories.catalogue import ProductFactory, SellerFactory, rug_craft
from tests.factories.checkout import CountryFactory, start_payment, unique_piece, walk_to_preview
from tests.factories.cms import add_page
from tests.factories.compliance import CertificateFactory
from tests.factories.orders import place_order
from tests.factories.sellers import ArtisanFactory
from tests.factories.users import member_of
from tests.support.dates import today
from tests.support.search import record_reindexes

pytestmark = pytest.mark.django_db
Partner = get_model("partner", "Partner")
ProductImage = get_model("catalogue", "ProductImage")
ProductSearchDocument = get_model("catalogue", "ProductSearchDocument")


def deliver_twice(task, *args):
    """The same message delivered twice, as Redis does when a worker dies before its ack."""
    message_id = str(uuid.uuid4())
    return [task.apply(args=args, task_id=message_id).get() for _ in range(2)]


def run_twice(task, *args):
    """The task sent twice (two messages), as beat or a retried caller may do."""
    return [task.apply(args=args).get() for _ in range(2)]


class Killed(BaseException):
    """Stands for SIGKILL: stops a task wherever it is, past any ``except Exception``."""


def outbox_to(address):
    return [message for message in mail.outbox if address in message.to]


# Order emails (marketplace.payments.tasks.send_order_emails)


@pytest.fixture
def two_seller_order():
    sellers = [SellerFactory(name="Atelier Safi"), SellerFactory(name="Cooperative Amal")]
    for seller, email in zip(sellers, ("safi@example.ma", "amal@example.ma"), strict=True):
        member = member_of(seller)
        member.email = email
        member.save()
    buyer = UserFactory(email="buyer@example.com")
    products = [(ProductFactory(stockrecord__seller=seller), 1) for seller in sellers]
    return place_order(products, user=buyer)


def test_order_emails_delivered_twice_reach_each_recipient_once(two_seller_order):
    deliver_twice(send_order_emails, two_seller_order.pk, "en")
    for address in ("buyer@example.com", "safi@example.ma", "amal@example.ma"):
        assert len(outbox_to(address)) == 1, address
    assert SentEmail.objects.count() == 3


def test_order_emails_sent_again_reach_each_recipient_once(two_seller_order):
    assert run_twice(send_order_emails, two_seller_order.pk, "en") == [3, 0]
    assert len(mail.outbox) == 3


class DropsAtAmalOnce(LocmemBackend):
    """An SMTP server whose connection drops once, at the message to amal@example.ma: the
    messages before it in the batch are sent, the rest are not."""

    dropped = False

    def send_messages(self, messages):
        for message in messages:
            if "amal@example.ma" in message.to and not DropsAtAmalOnce.dropped:
                DropsAtAmalOnce.dropped = True
                raise OSError("connection reset by peer")
            super().send_messages([message])
        return len(messages)


def test_a_retry_after_a_dropped_connection_sends_only_the_missing_emails(
    two_seller_order, settings
):
    settings.EMAIL_BACKEND = "tests.tasks.test_idempotency.DropsAtAmalOnce"
    DropsAtAmalOnce.dropped = False
    with pytest.raises(Retry):  # autoretry_for=(OSError,) sends the task again
        send_order_emails.apply(args=(two_seller_order.pk, "en")).get()
    send_order_emails.apply(args=(two_seller_order.pk, "en")).get()
    assert DropsAtAmalOnce.dropped
    for address in ("buyer@example.com", "safi@example.ma", "amal@example.ma"):
        assert len(outbox_to(address)) == 1, address


# Seller emails (sellers.tasks)


def test_a_status_email_delivered_twice_is_sent_once(django_capture_on_commit_callbacks):
    seller = ArtisanFactory(status=Partner.Status.PENDING)
    with django_capture_on_commit_callbacks(execute=False):
        event = verification.apply(seller, "reject", verification.CURATOR, reason="Blurred card.")
    deliver_twice(send_status_email, event.pk)
    assert len(outbox_to(seller.contact_email)) == 1


def test_a_card_expiry_email_delivered_twice_is_sent_once(django_capture_on_commit_callbacks):
    seller = ArtisanFactory(card_expires_on=today() + datetime.timedelta(days=10))
    with django_capture_on_commit_callbacks(execute=False):
        notice = card_expiry.warn(seller)
    deliver_twice(send_card_expiry_email, notice.pk)
    assert len(outbox_to(seller.contact_email)) == 1


def test_the_card_expiry_check_run_twice_notifies_once(django_capture_on_commit_callbacks):
    soon = ArtisanFactory(card_expires_on=today() + datetime.timedelta(days=10))
    gone = ArtisanFactory(card_expires_on=today() - datetime.timedelta(days=1))
    with django_capture_on_commit_callbacks(execute=True):
        run_twice(check_card_expiry)
    assert soon.card_expiry_notices.count() == 1 and gone.card_expiry_notices.count() == 1
    assert len(outbox_to(soon.contact_email)) == 1 and len(outbox_to(gone.contact_email)) == 1
    assert gone.verification_events.filter(action="card_expired").count() == 1


# Certificates (compliance.certificates.tasks.check_expiry)


def test_the_certificate_check_run_twice_emails_once_per_certificate():
    seller = SellerFactory()
    seller.users.add(UserFactory(email="potter@example.ma"))
    for days in (5, -2):  # one expiring soon, one expired
        CertificateFactory(
            partner=seller,
            issued_on=today() - datetime.timedelta(days=300),
            expires_on=today() + datetime.timedelta(days=days),
        )
    assert run_twice(check_expiry) == [{"warned": 1, "expired": 1}, {"warned": 0, "expired": 0}]
    assert len(outbox_to("potter@example.ma")) == 2


# Customs papers (sellers.fulfilment.tasks.generate_customs_documents)


@pytest.fixture
def parcel():
    seller = SellerFactory(city="Safi")
    product = ProductFactory(hs_code="6913", weight_kg=Decimal("0.8"), stockrecord__seller=seller)
    (parcel,) = parcel_ops.create_parcels(place_order([(product, 1)]))
    return parcel


@pytest.fixture
def renders(monkeypatch):
    """Every PDF rendered, by kind."""
    rendered = []
    render = documents.render_pdf

    def counting(kind, context):
        pdf = render(kind, context)
        rendered.append(kind)
        return pdf

    monkeypatch.setattr(documents, "render_pdf", counting)
    return rendered


def test_customs_papers_delivered_twice_are_rendered_once_per_kind(parcel, renders):
    deliver_twice(generate_customs_documents, parcel.pk)
    assert sorted(renders) == ["cn22", "invoice", "packing_list"]
    assert parcel.documents.count() == 3


def test_a_rendering_killed_midway_keeps_the_papers_done_and_renders_the_rest(
    parcel, renders, monkeypatch
):
    render = documents.render_pdf

    def dies_on_packing_list(kind, context):
        if kind == "packing_list":
            raise Killed
        return render(kind, context)

    monkeypatch.setattr(documents, "render_pdf", dies_on_packing_list)
    with pytest.raises(Killed):
        generate_customs_documents.apply(args=(parcel.pk,)).get()
    (invoice,) = parcel.documents.all()
    monkeypatch.setattr(documents, "render_pdf", render)
    generate_customs_documents.apply(args=(parcel.pk,)).get()
    assert renders == ["invoice", "packing_list", "cn22"]
    assert parcel.documents.get(kind="invoice").file.name == invoice.file.name


# Catalogue (catalog.tasks)


def test_a_product_view_delivered_twice_is_counted_once(product):
    ProductRecord = get_model("analytics", "ProductRecord")
    UserProductView = get_model("analytics", "UserProductView")
    viewer = UserFactory()
    deliver_twice(catalog_tasks.record_product_view, product.pk, viewer.pk)
    assert ProductRecord.objects.get(product=product).num_views == 1
    assert UserProductView.objects.filter(user=viewer, product=product).count() == 1


def test_two_views_are_two_messages_and_both_count(product):
    ProductRecord = get_model("analytics", "ProductRecord")
    run_twice(catalog_tasks.record_product_view, product.pk)
    assert ProductRecord.objects.get(product=product).num_views == 2


def test_a_tally_of_views_delivered_twice_is_counted_once(product):
    ProductRecord = get_model("analytics", "ProductRecord")
    deliver_twice(catalog_tasks.record_product_views, [[product.pk, 7], [10**9, 2]])
    assert ProductRecord.objects.get(product=product).num_views == 7


def test_a_reindex_run_twice_leaves_one_document_per_product_and_language():
    products = [ProductFactory() for _ in range(3)]
    ids = [product.pk for product in products]
    ProductSearchDocument.objects.filter(product_id__in=ids).delete()
    run_twice(search_tasks.reindex_products, ids)
    assert ProductSearchDocument.objects.filter(product_id__in=ids).count() == 3 * 4


def test_a_large_reindex_is_queued_in_batches_that_fit_the_time_limit(
    monkeypatch, django_capture_on_commit_callbacks
):
    monkeypatch.setattr(search_signals, "INLINE_LIMIT", 2)
    monkeypatch.setattr(search_tasks, "REINDEX_BATCH", 3)
    batches = record_reindexes(monkeypatch, search_tasks)
    ids = [ProductFactory().pk for _ in range(7)]
    with django_capture_on_commit_callbacks(execute=True):
        search_signals.schedule_reindex(ids)
    assert [len(batch) for batch in batches] == [3, 3, 1]
    assert sorted(pk for batch in batches for pk in batch) == sorted(ids)


def test_renditions_made_twice_leave_one_file_per_width(craft):
    buffer = BytesIO()
    Image.new("RGB", (1000, 800), "#a63f27").save(buffer, "JPEG")
    product = ProductFactory(
        category=craft, image=SimpleUploadedFile("piece.jpg", buffer.getvalue())
    )
    image = ProductImage.objects.get(product=product)
    deliver_twice(catalog_tasks.make_product_image_renditions, image.pk)
    expected = [rendition_name(image.original.name, width) for width in WIDTHS]
    folder = posixpath.dirname(expected[0])
    _folders, files = default_storage.listdir(folder)
    assert sorted(posixpath.join(folder, name) for name in files) == sorted(expected)
    image.refresh_from_db()
    assert image.renditions_ready


# Currency, CMS, payments, receipts


@pytest.mark.seeded_rates  # the feed's own dates
def test_rates_refreshed_twice_keep_one_row_per_currency(feed_server):  # noqa: F811
    feed_server["document"] = feed(EUR="0.0931", USD="0.1077")
    assert run_twice(refresh_exchange_rates) == [2, 2]
    assert ExchangeRate.objects.filter(currency="EUR").get().rate == Decimal("0.0931")
    assert ExchangeRate.objects.count() == 5


def scheduled_page(home_page):
    page = add_page(home_page, cms_models.StandardPage, "Shipping", publish=False)
    page.save_revision(approved_go_live_at=timezone.now() - datetime.timedelta(minutes=1))
    return page


def publications(page):
    PageLogEntry = get_model("wagtailcore", "PageLogEntry")
    return PageLogEntry.objects.filter(page=page, action="wagtail.publish.scheduled").count()


def test_scheduled_publishing_run_twice_publishes_once(home_page):
    page = scheduled_page(home_page)
    run_twice(publish_scheduled_pages)
    page.refresh_from_db()
    assert page.live and publications(page) == 1


def test_a_publishing_run_killed_midway_leaves_the_page_to_the_next_run(home_page, monkeypatch):
    from wagtail.actions import publish_revision

    page = scheduled_page(home_page)
    log = publish_revision.log

    def killed(*args, **kwargs):
        raise Killed

    monkeypatch.setattr(publish_revision, "log", killed)
    with pytest.raises(Killed):
        publish_scheduled_pages.apply().get()
    page.refresh_from_db()
    assert not page.live
    monkeypatch.setattr(publish_revision, "log", log)
    publish_scheduled_pages.apply().get()
    page.refresh_from_db()
    assert page.live and publications(page) == 1


@pytest.fixture
def expired_reservation(eur_buyer, stripe_api):
    CountryFactory()
    walk_to_preview(eur_buyer, [unique_piece()])
    assert start_payment(eur_buyer, card=None).json()["status"] == "requires_payment_method"
    StockReservation.objects.update(expires_at=timezone.now() - datetime.timedelta(seconds=1))
    return CheckoutPayment.objects.get()


def test_expired_reservations_released_twice_are_released_once(expired_reservation):
    assert run_twice(release_expired_reservations) == [1, 0]
    expired_reservation.refresh_from_db()
    assert expired_reservation.status == "canceled"
    assert expired_reservation.basket.status == "Open"
    assert StockReservation.objects.get().state == "released"


def test_a_release_killed_after_canceling_the_intent_is_finished_by_the_next_run(
    expired_reservation,
):
    stripe_client().v1.payment_intents.cancel(expired_reservation.stripe_payment_intent)
    assert release_expired_reservations.apply().get() == 1
    expired_reservation.refresh_from_db()
    assert expired_reservation.status == "canceled"
    assert StockReservation.objects.get().state == "released"


def test_forgetting_old_receipts_twice_deletes_them_once():
    old = TaskReceipt.objects.create(
        task_id="old", task="t", done_at=timezone.now() - datetime.timedelta(days=8)
    )
    TaskReceipt.objects.create(task_id="recent", task="t")
    assert run_twice(forget_old_task_receipts) == [1, 0]
    assert list(TaskReceipt.objects.values_list("task_id", flat=True)) == ["recent"]
    assert not TaskReceipt.objects.filter(pk=old.pk).exists()


def test_a_csv_import_run_twice_creates_each_listing_once():
    rug_craft()
    seller = SellerFactory()
    job = ImportJob.objects.create(
        seller=seller,
        language="en",
        csv_text="sku,title_fr,craft,price_mad,stock,weight_kg\nA,Tapis,rugs,900,1,3\n",
        rows_total=1,
    )
    run_twice(run_import, job.pk)
    job.refresh_from_db()
    assert (job.state, job.rows.count()) == ("done", 1)
    assert ProductFactory._meta.model.objects.filter(stockrecords__partner=seller).count() == 1
