"""Suite-wide fixtures. PostgreSQL and Redis are used when DATABASE_URL / REDIS_URL say so;
tests that need them are skipped otherwise, with the reason in the report."""

import pytest
from django.conf import settings

from tests.factories import catalogue as factories
from tests.support.payments import eur_buyer, localstripe_url, stripe_api  # noqa: F401
from tests.support.search import reindex_calls  # noqa: F401
from tests.support.stripe_disputes import stripe_stand_in  # noqa: F401


def pytest_report_header(config):
    database = "PostgreSQL" if settings.USES_POSTGRES else "SQLite (PostgreSQL-only tests skip)"
    redis = settings.REDIS_URL or "absent (Redis tests skip; tasks run eagerly)"
    return [f"database: {database}", f"redis: {redis}"]


def pytest_collection_modifyitems(config, items):
    """Skip what needs an absent service (.ci/run makes sure CI has them all), and give every
    transactional test the rows the migrations seeded (``serialized_rollback``)."""
    for item in items:
        if "postgres" in item.keywords and not settings.USES_POSTGRES:
            item.add_marker(pytest.mark.skip(reason="needs PostgreSQL: DATABASE_URL is unset"))
        if "redis" in item.keywords and not settings.REDIS_URL:
            item.add_marker(pytest.mark.skip(reason="needs Redis: REDIS_URL is unset"))
        restore_migrated_rows(item)


def restore_migrated_rows(item):
    """A transactional test empties every table when it ends; with ``serialized_rollback`` the
    rows the migrations seeded (regions, shipping tables, Wagtail's root, groups) are put back
    before each such test instead of being gone for the tests after it."""
    marker = item.get_closest_marker("django_db")
    if marker is not None and marker.kwargs.get("transaction"):
        if not marker.kwargs.get("serialized_rollback"):
            kwargs = {**marker.kwargs, "serialized_rollback": True}
            item.add_marker(pytest.mark.django_db(**kwargs), append=False)
    elif marker is None and {"transactional_db", "live_server"} & set(item.fixturenames):
        item.fixturenames.append("django_db_serialized_rollback")


def _uses_database(item):
    return item.get_closest_marker("django_db") is not None or bool(
        {"db", "transactional_db", "live_server"} & set(item.fixturenames)
    )


@pytest.fixture(scope="session", autouse=True)
def _migrated_rows_kept(request):
    """After the last test, put the migrated rows back if a transactional test emptied the
    tables: ``make test`` reuses the test database (``--reuse-db``) while the migrations are
    unchanged, and the next run must find what the migrations seeded."""
    if not any(_uses_database(item) for item in request.session.items):
        yield
        return
    request.getfixturevalue("django_db_setup")
    blocker = request.getfixturevalue("django_db_blocker")
    yield
    from django.db import connections

    with blocker.unblock():
        for connection in connections.all():
            contents = getattr(connection, "_test_serialized_contents", None)
            if contents:
                connection.creation.deserialize_db_from_string(contents)


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "private": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "private"), "base_url": None},
        },
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(autouse=True)
def _english_by_default():
    """LocaleMiddleware leaves the last request's language active; start every test in English."""
    from django.utils import translation

    translation.activate("en")
    yield
    translation.activate("en")


@pytest.fixture(autouse=True)
def _tasks_in_process(request):
    """Tasks run in-process so tests see their effects; Redis-marked tests use the real broker."""
    from marketplace.celery import app

    previous = app.conf.task_always_eager
    if "redis" not in request.keywords:
        app.conf.task_always_eager = True
    yield
    app.conf.task_always_eager = previous


@pytest.fixture(autouse=True)
def _rates_published_today(request):
    """The migrations seed the shipped default rates, dated weeks ago, and no payment is taken at
    a rate over 48 hours old: each database test starts as if the feed had run today. Tests of
    the feed and of the 48-hour rule are marked ``seeded_rates`` and date their rates
    themselves."""
    if not _uses_database(request.node) or request.node.get_closest_marker("seeded_rates"):
        return
    marker = request.node.get_closest_marker("django_db")
    transactional = (marker is not None and marker.kwargs.get("transaction")) or bool(
        {"transactional_db", "live_server"} & set(request.fixturenames)
    )
    request.getfixturevalue("transactional_db" if transactional else "db")
    from django.utils import timezone

    from marketplace.currency.models import ExchangeRate

    ExchangeRate.objects.update(date=timezone.localdate())


@pytest.fixture(autouse=True)
def _clear_cache():
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def home_page(db):
    """The CMS home page, as the default site's root (what seed_demo sets up)."""
    from wagtail.models import Page, Site

    from marketplace.cms.models import HomePage

    root = Page.get_first_root_node()
    for welcome in root.get_children().exclude(content_type__model="homepage"):
        welcome.delete()
    home = HomePage(
        title="Home",
        title_en="Home",
        title_fr="Accueil",
        title_ar="الرئيسية",
        title_es="Inicio",
        slug="home",
        slug_en="home",
        hero_title_en="Crafted in Morocco",
        hero_title_fr="Fait main au Maroc",
        hero_title_ar="صنع يدويا في المغرب",
        hero_title_es="Hecho a mano en Marruecos",
    )
    root.add_child(instance=home)
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home},
    )
    return home


@pytest.fixture
def region(db):
    return factories.RegionFactory()


@pytest.fixture
def craft(db):
    return factories.CategoryFactory(
        name_en="Rugs", name_fr="Tapis", name_ar="زرابي", name_es="Alfombras", slug="rugs"
    )


@pytest.fixture
def product(db, craft):
    return factories.ProductFactory(category=craft)
