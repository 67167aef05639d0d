"""The first search vocabulary: common spellings, transliterations and other scripts of
Moroccan craft words, on every page (blank language), plus a few words of one language.
Staff edit them in the admin (Catalogue › Search synonym groups). Reversed: the seeded groups,
as seeded, are removed (edited ones are kept)."""

from django.db import migrations

GROUPS = [
    ("", ["tajine", "tagine", "طاجين", "tajín"]),
    ("", ["babouche", "slipper", "بلغة", "babucha"]),
    ("", ["zellige", "zelij", "zellij", "زليج"]),
    ("", ["kaftan", "caftan", "قفطان", "caftán"]),
    ("", ["kilim", "hanbel", "حنبل"]),
    ("", ["pouf", "pouffe", "بوف", "puf"]),
    ("", ["lantern", "fanous", "lanterne", "فانوس", "farol"]),
    ("", ["djellaba", "jellaba", "djellabah", "جلابة", "chilaba"]),
    ("", ["tadelakt", "tadellakt", "تادلاكت"]),
    ("", ["beni ourain", "beni ouarain", "beni ourian", "بني وراين"]),
    ("", ["argan", "argane", "أركان"]),
    ("", ["couscoussier", "couscous pot", "كسكاس", "cuscusera"]),
    ("", ["hammam", "hamam", "حمام"]),
    ("", ["boucherouite", "boucharouette", "boucherouette", "بوشرويط"]),
    ("", ["teapot", "theiere", "tetera", "براد"]),
    ("fr", ["babouche", "pantoufle"]),
    ("fr", ["lanterne", "lampe marocaine"]),
    ("es", ["babucha", "zapatilla"]),
    ("es", ["farol", "linterna"]),
]


def text(terms):
    return "\n".join(terms)


def seed(apps, schema_editor):
    SearchSynonym = apps.get_model("catalogue", "SearchSynonym")
    SearchSynonym.objects.bulk_create(
        SearchSynonym(language=language, terms=text(terms)) for language, terms in GROUPS
    )


def unseed(apps, schema_editor):
    SearchSynonym = apps.get_model("catalogue", "SearchSynonym")
    for language, terms in GROUPS:
        SearchSynonym.objects.filter(language=language, terms=text(terms)).delete()


class Migration(migrations.Migration):
    dependencies = [("catalogue", "0041_search_synonyms")]

    operations = [migrations.RunPython(seed, unseed)]
