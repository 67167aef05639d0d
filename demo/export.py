"""Demo export data: reference tables, packing checks for cooperatives, certificates.

Idempotent: rows are looked up before they are created. About half the sellers' food ware has a
verified lead/cadmium report and an EU declaration (and the UK declaration and the Canadian
report), some pieces are marked "not for food use", wood and leather sellers hold a Lacey Act
declaration or a chromium VI report, and the cosmetics are notified in the EU and the US (half
of them in the UK and Canada too), so the "ships to" filter and the product pages show every
case. The destination rules themselves come with the migrations (``certificates`` 0002, 0006).
"""

import datetime

from django.core.files.base import ContentFile
from django.utils import timezone
from oscar.core.loading import get_model

from compliance import kinds
from compliance.certificates.models import Certificate, ExportProfile
from compliance.rules import kind_q
from marketplace.core.countries import country_name
from shipping import reference_load
from shipping.models import SellerShipping, Zone

DEMO_PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
CERTIFICATES = [
    # kind, type, standard, lab, share of the seller's pieces covered (every n-th)
    (kinds.CERAMIC_TABLEWARE, "lab_test", "ASTM C738 / FDA lead and cadmium leach", "LPEE", 2),
    (kinds.CERAMIC_TABLEWARE, "declaration", "EU 84/500/EEC, Regulation 1935/2004", "", 2),
    (kinds.LEATHER, "lab_test", "REACH chromium VI, EN ISO 17075", "CTCP", 2),
    (kinds.WOOD, "lacey_act", "Lacey Act PPQ 505 (Tetraclinis articulata)", "", 1),
    (kinds.PLANT, "lacey_act", "Lacey Act PPQ 505 (Chamaerops humilis)", "", 1),
    (kinds.CERAMIC_TABLEWARE, "declaration", "UK declaration, SI 2012/2619 reg. 10", "", 2),
    (kinds.CERAMIC_TABLEWARE, "lab_test", "Canada SOR/2016-175 lead and cadmium", "LPEE", 2),
    (kinds.COSMETIC, "notification", "EU CPNP notification", "", 1),
    (kinds.COSMETIC, "responsible_person", "EU responsible person (1223/2009 art. 4)", "", 1),
    (kinds.COSMETIC, "notification", "MoCRA small business exemption (s. 612)", "", 1),
    (kinds.COSMETIC, "notification", "UK SCPN notification", "", 2),
    (kinds.COSMETIC, "responsible_person", "UK responsible person (Schedule 34)", "", 2),
    (kinds.COSMETIC, "notification", "Canada Cosmetic Notification Form", "", 2),
    (kinds.CHILDREN, "lab_test", "Canada SOR/2018-83 total lead", "LPEE", 1),
]


def seed_export():
    reference_load.load(reference_load.current_models)
    seed_shipping_countries()
    Partner = get_model("partner", "Partner")
    for partner in Partner.objects.filter(kind=Partner.Kind.COOPERATIVE):
        SellerShipping.objects.get_or_create(
            partner=partner, defaults={"packing_check_required": True}
        )
    for kind, type_, standard, lab, every in CERTIFICATES:
        seed_certificates(kind, type_, standard, lab, every)
    seed_marks()


def seed_shipping_countries():
    """Oscar's address countries for every zone a carrier serves: the checkout's country list.

    Without them the shipping-address form has an empty, required country field and no demo
    order can be placed.
    """
    Country = get_model("address", "Country")
    codes = set()
    for zone in Zone.objects.all():
        codes.update(zone.country_codes)
    for code in sorted(codes):
        name = country_name(code, "en")
        Country.objects.update_or_create(
            iso_3166_1_a2=code,
            defaults={"name": name, "printable_name": name, "is_shipping_country": True},
        )


def seed_certificates(kind, type_, standard, lab, every):
    Product = get_model("catalogue", "Product")
    by_seller = {}
    for product in Product.objects.filter(kind_q(kind)).prefetch_related("stockrecords"):
        record = product.seller_stockrecord
        if record:
            by_seller.setdefault(record.partner_id, []).append(product.pk)
    today = timezone.localdate()
    for partner_id, product_ids in sorted(by_seller.items()):
        certificate = Certificate.objects.filter(
            partner_id=partner_id, type=type_, standard=standard
        ).first()
        if certificate is None:
            certificate = Certificate(
                partner_id=partner_id,
                type=type_,
                standard=standard,
                lab=lab,
                accreditation="ISO/IEC 17025" if lab else "",
                issued_on=today - datetime.timedelta(days=120),
                expires_on=today + datetime.timedelta(days=600),
                results="Pass" if lab else "",
                verified_at=timezone.now(),
            )
            certificate.document.save("demo-certificate.pdf", ContentFile(DEMO_PDF), save=False)
            certificate.save()
            certificate.products.set(sorted(product_ids)[::every])


def seed_marks():
    """Every third uncovered piece of food ware is a decorative piece marked 'not for food'."""
    Product = get_model("catalogue", "Product")
    uncovered = (
        Product.objects.filter(kind_q(kinds.CERAMIC_TABLEWARE))
        .exclude(certificates__type="lab_test")
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    for pk in list(uncovered)[::3]:
        ExportProfile.objects.get_or_create(product_id=pk, defaults={"marked_not_for_food": True})
