"""Materials and techniques offered by craft (staff's lists, ``catalog.crafts``), and the craft a
new listing starts with: the seller's usual one."""

import pytest
from django.urls import reverse
from oscar.core.loading import get_model

from catalog.crafts import offered_by_craft
from tests.factories.catalogue import (
    CategoryFactory,
    MaterialFactory,
    RegionFactory,
    SellerFactory,
    TechniqueFactory,
)
from tests.factories.orders import product_of
from tests.factories.users import member_of

pytestmark = pytest.mark.django_db

Product = get_model("catalogue", "Product")
ProductCategory = get_model("catalogue", "ProductCategory")


@pytest.fixture
def seller():
    return SellerFactory()


@pytest.fixture
def member(client, seller):
    client.force_login(member_of(seller))
    return client


@pytest.fixture
def wool():
    return MaterialFactory()


@pytest.fixture
def clay():
    return MaterialFactory(code="clay", name_en="Clay", name_fr="Argile", name_ar="طين")


@pytest.fixture
def weaving(wool):
    craft = CategoryFactory(name_en="Weaving", slug="weaving", code="weaving")
    craft.materials.set([wool])
    craft.techniques.set([TechniqueFactory()])
    return craft


@pytest.fixture
def ceramics(clay):
    craft = CategoryFactory(name_en="Ceramics", slug="ceramics", code="ceramics")
    craft.materials.set([clay])
    return craft


def listing_data(craft, materials):
    return {
        "title_fr": "Hanbel",
        "craft": craft.pk,
        "region": RegionFactory().pk,
        "materials": [material.pk for material in materials],
        "price": "900",
        "num_in_stock": "2",
        "weight_kg": "3",
    }


def choice_hidden(html, material):
    start = html.index(f'data-choice="{material.pk}"')
    return html[start : html.index(">", start)].endswith("hidden")


def test_a_material_of_the_craft_is_accepted(member, weaving, wool):
    response = member.post(reverse("seller_space:listing-create"), listing_data(weaving, [wool]))
    assert response.status_code == 302
    assert list(Product.objects.get(title_fr="Hanbel").materials.all()) == [wool]


def test_a_material_not_of_the_craft_is_refused_with_its_name(member, weaving, ceramics, clay):
    response = member.post(reverse("seller_space:listing-create"), listing_data(weaving, [clay]))
    assert response.status_code == 200
    assert "Clay is not a material of Weaving" in response.content.decode()
    assert not Product.objects.exists()


def test_a_craft_without_a_list_offers_every_material(member, clay, weaving):
    plain = CategoryFactory(name_en="Other crafts")
    response = member.post(reverse("seller_space:listing-create"), listing_data(plain, [clay]))
    assert response.status_code == 302


def test_a_branch_takes_its_parents_list(weaving, wool):
    branch = CategoryFactory(name_en="Kilims", parent=weaving)
    assert offered_by_craft()[branch.pk]["materials"] == {wool.pk}


def test_only_the_chosen_crafts_materials_are_shown(member, seller, weaving, ceramics, wool, clay):
    seller.craft_branches.set([weaving])
    html = member.get(reverse("seller_space:listing-create")).content.decode()
    assert not choice_hidden(html, wool)
    assert choice_hidden(html, clay)
    assert 'id="vocabulary-by-craft"' in html


def test_choosing_the_craft_without_javascript_shows_its_materials(
    member, weaving, ceramics, wool, clay
):
    data = {**listing_data(ceramics, []), "choose_craft": "1"}
    response = member.post(reverse("seller_space:listing-create"), data)
    html = response.content.decode()
    assert response.status_code == 200
    assert not Product.objects.exists()
    assert choice_hidden(html, wool) and not choice_hidden(html, clay)
    assert 'value="Hanbel"' in html
    assert "field-error" not in html


def test_the_craft_defaults_to_the_one_the_seller_lists_most(member, seller, weaving, ceramics):
    for craft in (weaving, weaving, ceramics):
        ProductCategory.objects.create(product=product_of(seller), category=craft)
    form = member.get(reverse("seller_space:listing-create")).context["form"]
    assert form["craft"].value() == weaving.pk


def test_the_craft_defaults_to_the_declared_one_before_any_listing(
    member, seller, weaving, ceramics
):
    seller.craft_branches.set([weaving])
    form = member.get(reverse("seller_space:listing-create")).context["form"]
    assert form["craft"].value() == weaving.pk


def test_staff_edit_a_crafts_materials_and_techniques_in_the_admin(admin_client, weaving, clay):
    url = reverse("admin:catalogue_category_change", args=[weaving.pk])
    html = admin_client.get(url).content.decode()
    assert 'name="materials"' in html and 'name="techniques"' in html
