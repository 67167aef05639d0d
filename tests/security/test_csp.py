"""Content-Security-Policy headers: strict on the storefront, Stripe on the payment page only,
looser only under the back offices' paths. (Browsers check it in the browser tests.)"""

import re
from pathlib import Path

import pytest

from marketplace.security.csp import STRIPE_SOURCES, stripe_sources
from tests.factories.catalogue import SellerFactory
from tests.factories.checkout import CountryFactory, unique_piece, walk_to_preview

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.django_db


def policy(response):
    """The response's policy as {directive: [sources]}."""
    directives = response["Content-Security-Policy"].split("; ")
    return {name: sources for name, *sources in (d.split() for d in directives)}


def test_storefront_runs_only_its_own_scripts(client, home_page):
    csp = policy(client.get("/en/"))
    assert csp["script-src"] == ["'self'"]
    assert csp["style-src"] == ["'self'"]
    assert csp["object-src"] == ["'none'"]
    assert csp["frame-ancestors"] == ["'none'"]
    assert csp["form-action"] == ["'self'"]


def test_a_page_served_from_the_page_cache_has_no_stale_nonce(client, home_page):
    client.get("/en/")
    response = client.get("/en/")
    assert response["X-Page-Cache"] == "hit"
    assert "nonce-" not in response["Content-Security-Policy"]
    assert "nonce=" not in response.content.decode()


def test_payment_page_alone_may_load_stripe_js(eur_buyer, stripe_api):
    CountryFactory()
    preview = walk_to_preview(eur_buyer, [unique_piece("450.00", seller=SellerFactory())])
    csp = policy(preview)
    assert stripe_api in csp["script-src"]
    assert csp["connect-src"] == ["'self'", stripe_api]
    elsewhere = policy(eur_buyer.get("/en/basket/"))
    assert stripe_api not in elsewhere["script-src"]
    assert elsewhere["connect-src"] == ["'self'"]


def test_with_real_keys_stripe_js_comes_from_stripes_hosts(settings):
    settings.STRIPE_TEST_MODE = False
    sources = stripe_sources()
    assert sources == STRIPE_SOURCES
    assert "https://js.stripe.com" in sources["script-src"]
    assert "https://hooks.stripe.com" in sources["frame-src"]
    assert sources["connect-src"] == ["https://api.stripe.com"]


def test_wagtail_admin_alone_allows_inline_scripts(admin_client, home_page):
    cms = policy(admin_client.get(f"/cms/pages/{home_page.pk}/edit/"))
    assert "'unsafe-inline'" in cms["script-src"]
    assert cms["frame-ancestors"] == ["'self'"]  # the editor's preview panel
    for path in ("/en/", "/django-admin/", "/dashboard/"):
        assert "'unsafe-inline'" not in policy(admin_client.get(path))["script-src"], path


def test_dashboard_scripts_need_the_nonce_and_only_attributes_run_inline(admin_client):
    response = admin_client.get("/dashboard/")
    csp = policy(response)
    nonce = re.search(r'<script nonce="([^"]+)">', response.content.decode()).group(1)
    assert csp["script-src"] == ["'self'", f"'nonce-{nonce}'"]
    assert csp["script-src-attr"] == ["'unsafe-inline'"]


def test_each_response_gets_a_new_nonce(admin_client):
    first = policy(admin_client.get("/dashboard/"))["script-src"]
    second = policy(admin_client.get("/dashboard/"))["script-src"]
    assert first != second


INLINE_HANDLER = re.compile(r"<[a-z][^>]*\son[a-z]+\s*=", re.IGNORECASE)
SCRIPT_TAG = re.compile(r"<script\b([^>]*)>", re.IGNORECASE)


def our_templates():
    folders = [
        ROOT / "themes" / "templates",
        *ROOT.glob("*/*/templates"),
        *ROOT.glob("*/templates"),
    ]
    return [p for folder in folders for p in folder.rglob("*.html") if ".venv" not in p.parts]


@pytest.mark.parametrize("template", our_templates(), ids=lambda p: str(p.relative_to(ROOT)))
def test_our_templates_have_no_script_the_policy_would_block(template):
    html = template.read_text()
    assert not INLINE_HANDLER.search(html), "inline event handler"
    for attributes in SCRIPT_TAG.findall(html):
        assert any(a in attributes for a in ("src=", "nonce=", "application/json")), attributes
