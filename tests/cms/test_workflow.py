"""Curators build pages in the Wagtail admin and submit them; editors approve and publish."""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from marketplace.cms import models, tasks
from marketplace.cms.workflow import CURATORS, EDITORS, ensure_editorial_workflow
from tests.factories.catalogue import ProductFactory
from tests.factories.cms import add_page

pytestmark = pytest.mark.django_db


def member_of(group_name, username):
    user = get_user_model().objects.create_user(username, f"{username}@example.test", "pw")
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def workflow(home_page):
    return ensure_editorial_workflow()


@pytest.fixture
def curator(workflow):
    return member_of(CURATORS, "curator")


@pytest.fixture
def editor(workflow):
    return member_of(EDITORS, "editor")


def collection_form(products, **extra):
    return nested_form_data(
        {
            "title_en": "Gifts for a new home",
            "title_fr": "Cadeaux pour une nouvelle maison",
            "title_ar": "هدايا لبيت جديد",
            "title_es": "Regalos para un hogar nuevo",
            "slug_en": "gifts-for-a-new-home",
            "intro_en": rich_text("<p>Pieces chosen to welcome a family home.</p>"),
            "intro_fr": rich_text("<p>Des pièces choisies pour accueillir une famille.</p>"),
            "body_en": streamfield([("heading", "Why these pieces")]),
            "body_fr": streamfield([]),
            "body_ar": streamfield([]),
            "body_es": streamfield([]),
            "product_links": inline_formset([{"product": product.pk} for product in products]),
            "comments": inline_formset([]),
            **extra,
        }
    )


def submit_collection(client, home_page, products, **extra):
    url = reverse("wagtailadmin_pages:add", args=("cms", "collectionpage", home_page.pk))
    data = collection_form(products, **{"action-submit": "Submit", **extra})
    return client.post(url, data)


def test_curator_cannot_publish_directly(client, home_page, curator):
    client.force_login(curator)
    url = reverse("wagtailadmin_pages:add", args=("cms", "collectionpage", home_page.pk))
    html = client.get(url).content.decode()
    assert 'name="action-submit"' in html
    assert 'name="action-publish"' not in html


def test_curator_builds_a_collection_and_submits_it_for_moderation(client, home_page, curator):
    products = [ProductFactory() for _ in range(3)]
    client.force_login(curator)
    response = submit_collection(client, home_page, [products[2], products[0], products[1]])
    assert response.status_code == 302
    page = models.CollectionPage.objects.get(slug_en="gifts-for-a-new-home")
    assert not page.live
    assert page.current_workflow_state.status == "in_progress"
    draft = page.get_latest_revision_as_object()
    assert [link.product_id for link in draft.product_links.all()] == [
        products[2].pk,
        products[0].pk,
        products[1].pk,
    ]
    assert draft.title_fr == "Cadeaux pour une nouvelle maison"


def test_submitted_collection_is_not_public_until_approved(client, home_page, curator):
    client.force_login(curator)
    submit_collection(client, home_page, [ProductFactory()])
    client.logout()
    assert client.get("/en/gifts-for-a-new-home/").status_code == 404


def test_editor_approves_and_the_collection_goes_live_in_every_language(
    client, home_page, curator, editor
):
    product = ProductFactory()
    client.force_login(curator)
    submit_collection(client, home_page, [product])
    page = models.CollectionPage.objects.get(slug_en="gifts-for-a-new-home")
    task_state = page.current_workflow_task_state
    client.force_login(editor)
    url = reverse("wagtailadmin_pages:workflow_action", args=(page.pk, "approve", task_state.pk))
    response = client.post(url, {"comment": "Lovely"})
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.live
    client.logout()
    html = client.get("/fr/gifts-for-a-new-home/").content.decode()
    assert "Cadeaux pour une nouvelle maison" in html
    assert product.title_fr in html


def test_curator_cannot_approve(client, home_page, curator):
    client.force_login(curator)
    submit_collection(client, home_page, [ProductFactory()])
    page = models.CollectionPage.objects.get(slug_en="gifts-for-a-new-home")
    task_state = page.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=(page.pk, "approve", task_state.pk))
    client.post(url, {"comment": ""})
    page.refresh_from_db()
    assert not page.live


def test_product_chooser_offers_only_sellable_products(client, curator):
    for_sale = ProductFactory(title_en="Blue zellige table", title="Blue zellige table")
    ProductFactory(title_en="Hidden lantern", title="Hidden lantern", is_public=False)
    client.force_login(curator)
    html = client.get(reverse("product_chooser:choose")).content.decode()
    assert for_sale.title in html
    assert "Hidden lantern" not in html


def test_product_chooser_searches_titles(client, curator):
    ProductFactory(title_en="Blue zellige table", title="Blue zellige table")
    ProductFactory(title_en="Brass lantern", title="Brass lantern")
    client.force_login(curator)
    html = client.get(reverse("product_chooser:choose_results"), {"q": "lantern"}).content.decode()
    assert "Brass lantern" in html
    assert "Blue zellige table" not in html


def test_workflow_setup_is_idempotent(home_page):
    first = ensure_editorial_workflow()
    second = ensure_editorial_workflow()
    assert first.pk == second.pk
    assert list(second.tasks.values_list("name", flat=True)) == ["Editor approval"]
    assert Page.get_first_root_node().get_workflow() == second


def test_scheduled_page_is_published_by_the_celery_task(home_page):
    page = add_page(home_page, models.StandardPage, "Shipping", publish=False)
    page.save_revision(approved_go_live_at=timezone.now() - timedelta(minutes=1))
    tasks.publish_scheduled_pages.delay()
    page.refresh_from_db()
    assert page.live


def test_page_scheduled_for_later_stays_a_draft(home_page):
    page = add_page(home_page, models.StandardPage, "Shipping", publish=False)
    page.save_revision(approved_go_live_at=timezone.now() + timedelta(hours=1))
    tasks.publish_scheduled_pages.delay()
    page.refresh_from_db()
    assert not page.live


def test_celery_beat_runs_scheduled_publishing_every_minute(settings):
    entry = settings.CELERY_BEAT_SCHEDULE["cms-publish-scheduled-pages"]
    assert entry == {"task": tasks.publish_scheduled_pages.name, "schedule": 60.0}


def test_collection_editor_uses_the_product_chooser(client, home_page, curator):
    client.force_login(curator)
    url = reverse("wagtailadmin_pages:add", args=("cms", "collectionpage", home_page.pk))
    html = client.get(url).content.decode()
    assert reverse("product_chooser:choose") in html


def test_curator_previews_a_draft_collection_with_its_products(client, home_page, curator):
    product = ProductFactory()
    client.force_login(curator)
    url = reverse("wagtailadmin_pages:preview_on_add", args=("cms", "collectionpage", home_page.pk))
    client.post(url, collection_form([product]))
    response = client.get(url)
    assert response.status_code == 200
    assert product.title in response.content.decode()


def test_editor_previews_the_home_page_with_its_featured_pages(client, home_page, editor):
    featured = add_page(home_page, models.CollectionPage, "Lanterns")
    client.force_login(editor)
    url = reverse("wagtailadmin_pages:preview_on_edit", args=(home_page.pk,))
    data = nested_form_data(
        {
            "title_en": "Home",
            "slug_en": "home",
            "hero_title_en": "Crafted in Morocco",
            "intro_en": rich_text(""),
            "featured_collections": inline_formset([{"collection": featured.pk}]),
            "featured_artisans": inline_formset([]),
            "comments": inline_formset([]),
        }
    )
    assert client.post(url, data).json()["is_valid"]
    response = client.get(url)
    assert response.status_code == 200
    assert "Lanterns en" in response.content.decode()
