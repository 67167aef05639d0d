"""Demo sellers' identities and a seller in every verification state, for seed_demo.

Idempotent: identity fields are filled only where empty, extra sellers are created only when
missing, and history is written only for a seller that has none. Identities are realistic in
format (NIA and card numbers, ODCO numbers, ICE with valid control digits, RIB with a valid key)
but invented; they come from a random generator seeded per seller.
"""

import datetime
import random

from django.core.files.base import ContentFile
from django.utils import timezone
from oscar.core.loading import get_model

from demo.catalogue.crafts import CRAFTS_BY_KEY
from sellers.validators import rib_key

# (bank name, bank code) of Moroccan banks; city codes of the branches' cities.
BANKS = [
    ("Attijariwafa Bank", "007"),
    ("Bank of Africa", "011"),
    ("Banque Populaire", "145"),
    ("CIH Bank", "230"),
    ("Crédit Agricole du Maroc", "225"),
    ("Al Barid Bank", "350"),
]
CITY_CODES = {"Fez": "270", "Marrakesh": "450", "Casablanca": "780", "Rabat": "810"}
ARTISAN_KINDS = ("artisan", "master_artisan")

# slug, name, kind, region code, city, crafts, state (a status, or a card state of a verified
# artisan), reason given by the curator
EXTRA_SELLERS = [
    ("hamid-ait-ouaziz", "Hamid Aït Ouaziz", "artisan", "draa-tafilalet", "Zagora",
     ["tableware"], "needs_info",
     "The scan of the professional card is blurred: please upload a sharper picture."),
    ("atelier-bab-doukkala", "Atelier Bab Doukkala", "enterprise", "marrakech-safi",
     "Marrakesh", ["lanterns"], "rejected",
     "The ICE belongs to a trading company, not a craft enterprise."),
    ("rachida-oulad-ali", "Rachida Oulad Ali", "artisan", "beni-mellal-khenifra", "Khenifra",
     ["rugs"], "card_expired", ""),
]  # fmt: skip
# An existing verified artisan whose card runs out within the warning period.
CARD_EXPIRING_SOON = "samira-belkadi"


def _ice(rng):
    base = f"{rng.randint(1, 999999999):09d}{rng.randint(0, 9999):04d}"
    # The whole ICE is a multiple of 97 (python-stdnum's stdnum.ma.ice check).
    return f"{base}{(-int(base) * 100) % 97:02d}"


def _rib(rng, city):
    bank_name, bank = rng.choice(BANKS)
    city_code = CITY_CODES.get(city, f"{rng.randint(100, 999)}")
    account = f"{rng.randint(0, 10**16 - 1):016d}"
    return bank_name, f"{bank}{city_code}{account}{rib_key(bank, city_code, account):02d}"


def identity(slug, kind, city, seed, today):
    """Identity and payout fields for a seller (a card valid for years unless told)."""
    rng = random.Random(f"{seed}:identity:{slug}")
    bank_name, rib = _rib(rng, city)
    fields = {
        "legal_name": "",
        "contact_phone": f"+2126{rng.randint(10000000, 99999999)}",
        "contact_email": f"contact@{slug}.example.ma",
        "languages_spoken": rng.choice([["ar", "fr"], ["ary", "zgh", "fr"], ["ar", "fr", "en"]]),
        "preferred_language": rng.choice(["fr", "ar"]),
        "bank_name": bank_name,
        "rib": rib,
    }
    if kind in ARTISAN_KINDS:
        issued = today - datetime.timedelta(days=rng.randint(100, 1400))
        fields.update(
            nia=f"NIA-{rng.randint(1000000, 9999999)}",
            card_number=f"CP{rng.randint(100000, 999999)}",
            card_issued_on=issued,
            card_expires_on=issued + datetime.timedelta(days=5 * 365),
        )
    else:
        fields["ice"] = _ice(rng)
        if kind == "cooperative":
            fields.update(
                odco_number=f"ODCO-{rng.randint(1000, 99999)}/{rng.randint(1996, 2018)}",
                members_count=rng.randint(7, 60),
            )
    return fields


def demo_pdf(text):
    """A one-page PDF showing ``text`` (ASCII), standing in for a scanned document."""
    stream = f"BT /F1 18 Tf 72 720 Td ({text}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream),
    ]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def _attach_document(seller):
    """A demo card scan (artisans) or statutes (others), when the seller has none."""
    name = "card_scan" if seller.kind in ARTISAN_KINDS else "statutes"
    if getattr(seller, name):
        return
    title = "Professional card" if name == "card_scan" else "Statutes"
    text = f"DEMO {title} - {seller.slug}"
    setattr(seller, name, ContentFile(demo_pdf(text), name=f"{name}.pdf"))
    seller.save(update_fields=[name])


def _fill_blank(seller, fields):
    changed = [name for name, value in fields.items() if value and not getattr(seller, name)]
    for name in changed:
        setattr(seller, name, fields[name])
    if changed:
        seller.save(update_fields=changed)


def _craft_roots(crafts, categories):
    return {categories[CRAFTS_BY_KEY[key].category].get_root() for key in crafts}


def _history(seller, steps):
    """Write (action, from, to, reason) steps, only for a seller without history."""
    VerificationEvent = get_model("partner", "VerificationEvent")
    if seller.verification_events.exists():
        return
    for action, from_status, to_status, reason in steps:
        VerificationEvent.objects.create(
            seller=seller,
            action=action,
            from_status=from_status,
            to_status=to_status,
            reason=reason,
            actor_label="system" if action in ("submit", "card_expired") else "curator@demo",
        )


STEPS = {
    "pending": [("submit", "", "pending", "")],
    "verified": [("submit", "", "pending", ""), ("verify", "pending", "verified", "")],
    "needs_info": [("submit", "", "pending", ""), ("request_info", "pending", "needs_info", "")],
    "rejected": [("submit", "", "pending", ""), ("reject", "pending", "rejected", "")],
    "suspended": [
        ("submit", "", "pending", ""),
        ("verify", "pending", "verified", ""),
        ("suspend", "verified", "suspended", "Pieces sold as hand-made were machine-made."),
    ],
}


def _steps(status, reason):
    """The path to ``status``; the curator's ``reason`` goes on the last decision."""
    *earlier, (action, from_status, to_status, default) = STEPS[status]
    return [*earlier, (action, from_status, to_status, reason or default)]


def seed_identities(sellers, rows, categories, seed):
    """Fill identities, craft branches and history of the sellers from ``SELLERS`` rows."""
    today = timezone.localdate()
    for slug, _name, _name_ar, kind, _gender, _region, city, crafts, status in rows:
        seller = sellers[slug]
        fields = identity(slug, kind, seller.city or city, seed, today)
        fields["legal_name"] = seller.name
        if slug == CARD_EXPIRING_SOON and not seller.card_expires_on:
            fields["card_expires_on"] = today + datetime.timedelta(days=20)
        _fill_blank(seller, fields)
        _attach_document(seller)
        seller.craft_branches.add(*_craft_roots(crafts, categories))
        _history(seller, _steps(status, ""))


def seed_extra_sellers(regions, categories, seed):
    """Sellers in the states the main list lacks; return {slug: Partner}."""
    Partner = get_model("partner", "Partner")
    today = timezone.localdate()
    created = {}
    for slug, name, kind, region, city, crafts, state, reason in EXTRA_SELLERS:
        seller = Partner.objects.filter(slug=slug).first()
        if seller is None:
            status = "verified" if state == "card_expired" else state
            fields = identity(slug, kind, city, seed, today)
            if state == "card_expired":
                fields["card_issued_on"] = today - datetime.timedelta(days=5 * 365 + 3)
                fields["card_expires_on"] = today - datetime.timedelta(days=3)
            seller = Partner.objects.create(
                slug=slug,
                name=name,
                kind=kind,
                region=regions[region],
                city=city,
                status=status,
                verified_at=timezone.now() if status == "verified" else None,
                submitted_at=timezone.now(),
                **{**fields, "legal_name": name},
            )
            seller.craft_branches.add(*_craft_roots(crafts, categories))
            _attach_document(seller)
            _history(seller, _steps(status, reason))
        created[slug] = seller
    return created


def seed(regions, sellers, rows, categories, seed_value):
    """The one call seed_demo makes."""
    seed_identities(sellers, rows, categories, seed_value)
    return seed_extra_sellers(regions, categories, seed_value)
