"""Every storefront page answers in every shipped language, with the right direction."""

import pytest
from django.urls import reverse
from django.utils import translation

LANGUAGES = ["en", "fr", "ar", "es"]


def storefront_urls(product, craft):
    return {
        "home": reverse("home"),
        "catalogue": reverse("catalogue:index"),
        "category": craft.get_absolute_url(),
        "product": product.get_absolute_url(),
        "search": reverse("search:search") + "?q=rug",
        "basket": reverse("basket:summary"),
        "seller": product.seller.get_absolute_url(),
    }


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(
    "page", ["home", "catalogue", "category", "product", "search", "basket", "seller"]
)
def test_storefront_page_renders_in_each_language(
    client, home_page, product, craft, language, page
):
    with translation.override(language):
        url = storefront_urls(product, craft)[page]
    assert url.startswith(f"/{language}/")
    response = client.get(url)
    assert response.status_code == 200
    assert f'lang="{language}"' in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("language, direction", [("ar", "rtl"), ("en", "ltr"), ("fr", "ltr")])
def test_html_direction_follows_the_language(client, home_page, language, direction):
    response = client.get(f"/{language}/")
    assert f'<html lang="{language}" dir="{direction}"' in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "language, title",
    [
        ("en", "Hand-knotted rug"),
        ("fr", "Tapis noué main"),
        ("ar", "زربية معقودة يدويا"),
        ("es", "Alfombra anudada"),
    ],
)
def test_product_title_shows_in_the_page_language(client, product, language, title):
    with translation.override(language):
        url = product.get_absolute_url()
    assert title in client.get(url).content.decode()


@pytest.mark.django_db
def test_missing_translation_falls_back_to_english(client, craft):
    from tests.factories.catalogue import ProductFactory

    product = ProductFactory(title_en="Brass lantern", title_es="", category=craft)
    with translation.override("es"):
        url = product.get_absolute_url()
    assert "Brass lantern" in client.get(url).content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("language, name", [("en", "Rugs"), ("fr", "Tapis"), ("ar", "زرابي")])
def test_category_name_shows_in_the_page_language(client, craft, product, language, name):
    with translation.override(language):
        url = craft.get_absolute_url()
    assert f'<h1 class="page-title">{name}</h1>' in client.get(url).content.decode()


@pytest.mark.django_db
def test_cms_page_title_is_translated(client, home_page):
    content = client.get("/fr/").content.decode()
    assert "Fait main au Maroc" in content
    assert "<title>Accueil" in content


@pytest.mark.django_db
def test_root_redirects_to_the_browser_language(client, home_page):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="fr-FR,fr;q=0.9")
    assert response.status_code == 302
    assert response["Location"] == "/fr/"


@pytest.mark.django_db
def test_root_redirects_to_english_by_default(client, home_page):
    assert client.get("/")["Location"] == "/en/"


@pytest.mark.django_db
def test_language_switcher_links_to_the_same_page_in_each_language(client, craft, product):
    url = craft.get_absolute_url() + "?sort=price-asc"
    content = client.get(url).content.decode()
    for language in LANGUAGES:
        translated = url.replace("/en/", f"/{language}/", 1)
        assert f'<a href="{translated}" hreflang="{language}"' in content


@pytest.mark.django_db
def test_root_remembers_a_language_cookie(client, home_page):
    client.cookies["django_language"] = "es"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="fr")["Location"] == "/es/"


@pytest.mark.django_db
def test_pages_link_their_translations_with_hreflang(client, home_page):
    content = client.get("/en/").content.decode()
    for language in LANGUAGES:
        assert f'hreflang="{language}" href="http://testserver/{language}/"' in content


@pytest.mark.django_db
def test_dashboard_and_cms_admin_live_outside_the_language_prefix(admin_client):
    assert admin_client.get("/dashboard/").status_code == 200
    assert admin_client.get("/cms/").status_code == 200


@pytest.mark.django_db
def test_add_to_basket_from_the_product_page(client, product):
    with translation.override("fr"):
        response = client.post(reverse("basket:add", kwargs={"pk": product.pk}), {"quantity": 1})
    assert response.status_code == 302
    basket_page = client.get("/fr/basket/").content.decode()
    assert "Tapis noué main" in basket_page


@pytest.mark.django_db
def test_product_description_keeps_paragraphs_and_drops_scripts(client, craft):
    from tests.factories.catalogue import ProductFactory

    product = ProductFactory(
        description_en=(
            '<p>Knotted in Azilal.</p><p onclick="x()">Wool.</p><script>alert(1)</script>'
        ),
        category=craft,
    )
    content = client.get(product.get_absolute_url()).content.decode()
    assert "<p>Knotted in Azilal.</p><p>Wool.</p>" in content
    assert "alert(1)" not in content
    assert "onclick" not in content


@pytest.mark.django_db
@pytest.mark.parametrize("page", ["home", "catalogue", "product", "basket"])
def test_pages_load_nothing_from_another_host(client, home_page, product, craft, page):
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(client.get(storefront_urls(product, craft)[page]).content, "html.parser")
    assets = [tag.get("src") for tag in soup.find_all(["script", "img", "iframe"])]
    assets += [
        tag.get("href")
        for tag in soup.find_all("link")
        if tag.get("rel") and not {"alternate", "canonical"} & set(tag["rel"])
    ]
    external = [url for url in assets if url and url.startswith(("http:", "https:", "//"))]
    assert external == []


@pytest.mark.django_db
def test_pages_are_compressed_for_browsers_that_accept_it(client, home_page):
    response = client.get("/en/", HTTP_ACCEPT_ENCODING="gzip")
    assert response["Content-Encoding"] == "gzip"


@pytest.mark.django_db
def test_media_files_are_cached_for_good(client, settings):
    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage

    name = default_storage.save("images/piece.jpg", ContentFile(b"jpeg"))
    response = client.get(f"/media/{name}")
    assert response.status_code == 200
    assert "immutable" in response["Cache-Control"]
