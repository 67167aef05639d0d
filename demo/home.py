"""The CMS home page as the default site's root, in place of Wagtail's welcome page."""

from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from wagtail.models import Page, Site

from demo.catalogue.data import HOME_PAGE
from demo.rows import LANGS, translated, update_changed
from marketplace.cms.models import HomePage


def remove_welcome_pages(root):
    """Delete Wagtail's default "Welcome" page (a plain, childless Page under the root)."""
    page_type = ContentType.objects.get_for_model(Page)
    for page in root.get_children().filter(content_type=page_type, numchild=0):
        if not Site.objects.filter(root_page=page).exists():
            page.delete()


def create_home_page(site):
    """Add the HomePage under the tree root, in place of Wagtail's welcome page.

    Wagtail's migrations create the root page before wagtail-modeltranslation adds its
    columns, so the root's English title, slug and url_path are empty, and a child would get
    the url_path "home/" instead of "/home/". modeltranslation's own command fills them in.
    """
    call_command("update_translation_fields", "wagtailcore", "page", verbosity=0)
    root = Page.get_first_root_node()
    if site.pk:
        site.root_page = root
        site.save(update_fields=["root_page"])
    remove_welcome_pages(root)
    fields = {
        field: value
        for name, texts in HOME_PAGE.items()
        for field, value in translated(name, texts).items()
    }
    fields.update(translated("slug", ("home",) * len(LANGS)))
    home = HomePage(**fields)
    root.add_child(instance=home)
    home.save_revision().publish()
    return home


def seed_home_page():
    """The HomePage, served by the default Site (localhost:80); return (page, created)."""
    site = (
        Site.objects.filter(is_default_site=True).first()
        or Site.objects.filter(hostname="localhost", port=80).first()
        or Site(hostname="localhost", port=80)
    )
    home = HomePage.objects.first()
    created = home is None
    if created:
        home = create_home_page(site)
    fields = {
        "hostname": "localhost",
        "port": 80,
        "is_default_site": True,
        "root_page_id": home.pk,
        "site_name": HOME_PAGE["title"][0],
    }
    if site.pk:
        update_changed(site, fields)
    else:
        Site.objects.create(**fields)
    remove_welcome_pages(Page.get_first_root_node())
    return home, created
