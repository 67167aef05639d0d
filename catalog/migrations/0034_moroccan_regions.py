"""The 12 regions of Morocco (2015 division), in the four shipped languages."""

from django.db import migrations
from django.db.models import ProtectedError

REGIONS = [
    # code, en, fr, ar, es, export pole
    ("tanger-tetouan-al-hoceima", "Tangier-Tetouan-Al Hoceima", "Tanger-Tétouan-Al Hoceïma",
     "طنجة تطوان الحسيمة", "Tánger-Tetuán-Alhucemas", False),
    ("oriental", "Oriental", "L'Oriental", "الشرق", "Oriental", False),
    ("fes-meknes", "Fez-Meknes", "Fès-Meknès", "فاس مكناس", "Fez-Mequinez", True),
    ("rabat-sale-kenitra", "Rabat-Sale-Kenitra", "Rabat-Salé-Kénitra", "الرباط سلا القنيطرة",
     "Rabat-Salé-Kenitra", False),
    ("beni-mellal-khenifra", "Beni Mellal-Khenifra", "Béni Mellal-Khénifra", "بني ملال خنيفرة",
     "Beni Melal-Jenifra", False),
    ("casablanca-settat", "Casablanca-Settat", "Casablanca-Settat", "الدار البيضاء سطات",
     "Casablanca-Settat", True),
    ("marrakech-safi", "Marrakesh-Safi", "Marrakech-Safi", "مراكش آسفي", "Marrakech-Safí", True),
    ("draa-tafilalet", "Draa-Tafilalet", "Drâa-Tafilalet", "درعة تافيلالت", "Draa-Tafilalet", False),
    ("souss-massa", "Souss-Massa", "Souss-Massa", "سوس ماسة", "Sus-Masa", False),
    ("guelmim-oued-noun", "Guelmim-Oued Noun", "Guelmim-Oued Noun", "كلميم واد نون",
     "Guelmim-Río Noun", False),
    ("laayoune-sakia-el-hamra", "Laayoune-Sakia El Hamra", "Laâyoune-Sakia El Hamra",
     "العيون الساقية الحمراء", "El Aaiún-Saguía el Hamra", False),
    ("dakhla-oued-ed-dahab", "Dakhla-Oued Ed-Dahab", "Dakhla-Oued Ed-Dahab", "الداخلة وادي الذهب",
     "Dajla-Río de Oro", False),
]


def add_regions(apps, schema_editor):
    Region = apps.get_model("catalogue", "Region")
    for position, (code, en, fr, ar, es, pole) in enumerate(REGIONS, start=1):
        Region.objects.update_or_create(
            code=code,
            defaults={
                "name": en, "name_en": en, "name_fr": fr, "name_ar": ar, "name_es": es,
                "is_export_pole": pole, "position": position,
            },
        )


def remove_regions(apps, schema_editor):
    """Remove the regions nothing refers to any more (a referenced region is kept)."""
    Region = apps.get_model("catalogue", "Region")
    for region in Region.objects.filter(code__in=[r[0] for r in REGIONS]):
        try:
            region.delete()
        except ProtectedError:
            continue


class Migration(migrations.Migration):
    dependencies = [("catalogue", "0033_craft_vocabularies_and_translations")]
    operations = [migrations.RunPython(add_regions, remove_regions)]
