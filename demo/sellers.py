"""The demo sellers (``SELLERS``) with their stories in every language.

Idempotent: a seller is looked up by slug; its texts are refreshed when they differ, and its
verification status is only set when the seller is created, so a status changed by staff during
a demo is kept.
"""

import random

from django.utils import timezone
from oscar.core.loading import get_model

from demo.catalogue.crafts import CRAFTS_BY_KEY
from demo.catalogue.data import (
    CITIES,
    COOPERATIVE_MEMBERS,
    SELLERS,
    STORY_ARTISAN,
    STORY_COOPERATIVE,
    STORY_ENTERPRISE,
)
from demo.catalogue.products import SellerInfo
from demo.rows import LANGS, translated, upsert


def story_texts(row, seed):
    """The seller's story in every language, from the templates for its kind."""
    slug, name, name_ar, kind, gender, _region, city, crafts, _status = row
    rng = random.Random(f"{seed}:seller:{slug}")
    values = {"members": ("",) * len(LANGS)}
    if kind == "cooperative":
        templates, values["members"] = STORY_COOPERATIVE, COOPERATIVE_MEMBERS[gender]
        year, n = rng.randint(1996, 2018), rng.randint(12, 60)
    elif kind == "enterprise":
        templates = STORY_ENTERPRISE
        year, n = rng.randint(1962, 2012), rng.randint(11, 40)
    else:
        templates = STORY_ARTISAN[gender]
        year, n = None, rng.randint(12, 45)
    values.update(
        name=(name, name, name_ar, name),
        city=CITIES[city],
        activity=CRAFTS_BY_KEY[crafts[0]].activity,
    )
    return tuple(
        template.format(year=year, n=n, **{key: texts[k] for key, texts in values.items()})
        for k, template in enumerate(templates)
    )


def seed_sellers(regions, seed):
    """Create the demo sellers (or refresh their texts); return {slug: Partner}."""
    Partner = get_model("partner", "Partner")
    sellers = {}
    for row in SELLERS:
        slug, name, _name_ar, kind, _gender, region, city, _crafts, status = row
        defaults = {
            "name": name,
            "kind": kind,
            "region_id": regions[region].pk,
            "city": CITIES[city][0],
            **translated("story", story_texts(row, seed)),
        }
        verified = status in (Partner.Status.VERIFIED, Partner.Status.SUSPENDED)
        sellers[slug] = upsert(
            Partner,
            {"slug": slug},
            defaults,
            {"status": status, "verified_at": timezone.now() if verified else None},
        )
    return sellers


def seller_infos(regions):
    """SellerInfo per slug: names, city and region in every language, for descriptions."""
    infos = {}
    for slug, name, name_ar, _kind, _gender, region, city, _crafts, _status in SELLERS:
        region_names = tuple(getattr(regions[region], f"name_{lang}") for lang in LANGS)
        infos[slug] = SellerInfo(slug, (name, name, name_ar, name), CITIES[city], region_names)
    return infos
