"""Product kinds that destination rules name, derived from the HS code and the export profile."""

from django.utils.translation import gettext_lazy as _

CERAMIC_TABLEWARE = "ceramic_tableware"
CERAMIC = "ceramic"
LEATHER = "leather"
WOOD = "wood"
PLANT = "plant"
COSMETIC = "cosmetic"
CHILDREN = "children"
TEXTILE = "textile"

KIND_CHOICES = [
    (CERAMIC_TABLEWARE, _("Ceramic ware for food")),
    (CERAMIC, _("Ceramics")),
    (LEATHER, _("Leather")),
    (WOOD, _("Wood")),
    (PLANT, _("Plant fibres (basketry)")),
    (COSMETIC, _("Cosmetics")),
    (CHILDREN, _("Children's item")),
    (TEXTILE, _("Textiles and rugs")),
]

# HS prefixes (chapter or heading) -> kinds. Tableware headings 6911/6912 are food ware unless
# the export profile marks the piece decorative.
KINDS_BY_HS_PREFIX = {
    "6911": (CERAMIC, CERAMIC_TABLEWARE),
    "6912": (CERAMIC, CERAMIC_TABLEWARE),
    "69": (CERAMIC,),
    "41": (LEATHER,),
    "42": (LEATHER,),
    "6403": (LEATHER,),
    "44": (WOOD,),
    "46": (PLANT,),
    # Cosmetics: perfumes (3303), beauty and skin care, argan oil and ghassoul put up for
    # retail sale (3304), hair preparations (3305), other toilet preparations (3307), soap
    # including beldi soap (3401). Culinary argan oil (1515) is food, not a cosmetic.
    "3303": (COSMETIC,),
    "3304": (COSMETIC,),
    "3305": (COSMETIC,),
    "3307": (COSMETIC,),
    "3401": (COSMETIC,),
    "50": (TEXTILE,),
    "51": (TEXTILE,),
    "57": (TEXTILE,),
    "63": (TEXTILE,),
}


def kinds_for_hs(hs_code):
    kinds = set()
    for prefix, found in KINDS_BY_HS_PREFIX.items():
        if hs_code and hs_code.startswith(prefix):
            kinds.update(found)
    return kinds


def hs_prefixes_for(kind):
    return [prefix for prefix, kinds in KINDS_BY_HS_PREFIX.items() if kind in kinds]
