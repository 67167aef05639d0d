"""Destination rules for the United Kingdom, Canada and cosmetics, and the legal source of every
rule (the rows from 0002 get theirs here).

The rows are frozen here as the law stood when written; later changes are new dated rows (close
the old one with ``valid_to``), edited by staff. Reversing deletes exactly the rows added here
and clears the sources filled in.
"""

from django.db import migrations

# (destination, kind, certificate type, standard must mention) -> (legal source, link)
EXISTING_SOURCES = {
    ("US", "ceramic_tableware", "lab_test", "ASTM C738"): (
        "FD&C Act s. 402(a)(1) (21 U.S.C. 342); FDA Compliance Policy Guides Sec. 545.450 (lead) "
        "and Sec. 545.400 (cadmium) in ceramicware; 21 CFR 109.16 (ornamental ceramicware "
        "permanently marked 'not for food use')",
        "https://www.ecfr.gov/current/title-21/chapter-I/subchapter-B/part-109/subpart-A/section-109.16",
    ),
    ("EU", "ceramic_tableware", "declaration", "84/500/EEC"): (
        "Council Directive 84/500/EEC, art. 2 (lead and cadmium limits) and art. 2a (written "
        "declaration of compliance, added by Directive 2005/31/EC); Regulation (EC) 1935/2004, "
        "art. 16",
        "https://eur-lex.europa.eu/legal-content/EN/ALL/?uri=CELEX:31984L0500",
    ),
    ("EU", "leather", "lab_test", "EN ISO 17075"): (
        "REACH, Regulation (EC) 1907/2006, Annex XVII entry 47 para. 5 (chromium VI at most "
        "3 mg/kg in leather articles in contact with the skin, added by Regulation (EU) 301/2014)",
        "https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:32014R0301",
    ),
    ("US", "wood", "lacey_act", ""): (
        "Lacey Act, 16 U.S.C. 3372(f) (import declaration for plants and plant products, "
        "PPQ Form 505)",
        "https://www.law.cornell.edu/uscode/text/16/3372",
    ),
    ("US", "plant", "lacey_act", ""): (
        "Lacey Act, 16 U.S.C. 3372(f) (import declaration for plants and plant products, "
        "PPQ Form 505)",
        "https://www.law.cornell.edu/uscode/text/16/3372",
    ),
    ("US", "children", "cpsia", ""): (
        "Consumer Product Safety Act s. 14(a)(2) (15 U.S.C. 2063(a)(2)) as amended by CPSIA 2008 "
        "s. 102: children's product certificate; 16 CFR part 1110",
        "https://www.ecfr.gov/current/title-16/chapter-II/subchapter-B/part-1110",
    ),
}

UK_COSMETICS = (
    "UK Cosmetics Regulation: Regulation (EC) 1223/2009 as set out in Schedule 34 to the "
    "Product Safety and Metrology etc. (Amendment etc.) (EU Exit) Regulations 2019 (SI 2019/696)"
)

# destination, kind, certificate type, standard must mention, exempt if marked not for food,
# valid from, valid to, legal source, link
NEW_RULES = [
    (
        "GB",
        "ceramic_tableware",
        "declaration",
        "2006/1179",
        True,
        "2007-05-20",
        "2012-11-19",
        "The Ceramic Articles in Contact with Food (England) Regulations 2006 (SI 2006/1179), "
        "reg. 3 (lead and cadmium limits of Directive 84/500/EEC) and reg. 4 (written "
        "declaration of compliance, in force 20 May 2007); revoked by SI 2012/2619",
        "https://www.legislation.gov.uk/uksi/2006/1179/contents/made",
    ),
    (
        "GB",
        "ceramic_tableware",
        "declaration",
        "2012/2619",
        True,
        "2012-11-20",
        None,
        "The Materials and Articles in Contact with Food (England) Regulations 2012 "
        "(SI 2012/2619), Part 4 reg. 10: lead and cadmium limits and written declaration of "
        "compliance for ceramic articles (re-enacting SI 2006/1179, which it revoked)",
        "https://www.legislation.gov.uk/uksi/2012/2619/part/4",
    ),
    (
        "GB",
        "leather",
        "lab_test",
        "EN ISO 17075",
        False,
        "2021-01-01",
        None,
        "UK REACH (Regulation (EC) 1907/2006 as retained by SI 2019/758), Annex XVII entry 47 "
        "para. 5: chromium VI at most 3 mg/kg in leather articles in contact with the skin",
        "https://www.legislation.gov.uk/eur/2006/1907/annex/XVII",
    ),
    (
        "CA",
        "ceramic_tableware",
        "lab_test",
        "SOR/2016-175",
        True,
        "2016-06-22",
        None,
        "Glazed Ceramics and Glassware Regulations (SOR/2016-175), Canada Consumer Product "
        "Safety Act: migratable lead and cadmium limits for glazed ceramics used for food, "
        "tested under good laboratory practices",
        "https://laws-lois.justice.gc.ca/eng/regulations/SOR-2016-175/FullText.html",
    ),
    (
        "CA",
        "children",
        "lab_test",
        "SOR/2018-83",
        False,
        "2018-11-02",
        None,
        "Consumer Products Containing Lead Regulations (SOR/2018-83), s. 2: at most 90 mg/kg "
        "lead in each accessible part of clothing, accessories and learning or play products "
        "for children under 14",
        "https://laws-lois.justice.gc.ca/eng/regulations/SOR-2018-83/FullText.html",
    ),
    (
        "EU",
        "cosmetic",
        "notification",
        "CPNP",
        False,
        "2013-07-11",
        None,
        "Regulation (EC) 1223/2009 on cosmetic products, art. 13: notification in the Cosmetic "
        "Products Notification Portal (CPNP) before the product is placed on the market",
        "https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:32009R1223",
    ),
    (
        "EU",
        "cosmetic",
        "responsible_person",
        "EU responsible person",
        False,
        "2013-07-11",
        None,
        "Regulation (EC) 1223/2009 on cosmetic products, art. 4 (a responsible person "
        "established in the Union for each product) and art. 5 (its obligations)",
        "https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:32009R1223",
    ),
    (
        "GB",
        "cosmetic",
        "notification",
        "SCPN",
        False,
        "2021-01-01",
        None,
        f"{UK_COSMETICS}, art. 13: notification on Submit Cosmetic Product Notification (SCPN)",
        "https://www.legislation.gov.uk/uksi/2019/696/schedule/34",
    ),
    (
        "GB",
        "cosmetic",
        "responsible_person",
        "UK responsible person",
        False,
        "2021-01-01",
        None,
        f"{UK_COSMETICS}, art. 4: a responsible person established in the United Kingdom",
        "https://www.legislation.gov.uk/uksi/2019/696/schedule/34",
    ),
    (
        "US",
        "cosmetic",
        "notification",
        "MoCRA",
        False,
        "2024-07-01",
        None,
        "FD&C Act s. 607(c) (21 U.S.C. 364c), added by the Modernization of Cosmetics "
        "Regulation Act of 2022: product listing by the responsible person (enforced from "
        "1 July 2024). Small businesses exempt under s. 612 record that exemption as a "
        "notification mentioning MoCRA",
        "https://www.law.cornell.edu/uscode/text/21/364c",
    ),
    (
        "CA",
        "cosmetic",
        "notification",
        "Cosmetic Notification Form",
        False,
        "2020-01-01",
        None,
        "Cosmetic Regulations (C.R.C., c. 869), s. 30: Cosmetic Notification Form to Health "
        "Canada within 10 days after the first sale (in force long before this table's first "
        "day, 1 January 2020)",
        "https://laws-lois.justice.gc.ca/eng/regulations/C.R.C.,_c._869/FullText.html",
    ),
]


def new_rule_keys():
    for destination, kind, certificate, standard, _exempt, valid_from, *_rest in NEW_RULES:
        yield {
            "destination": destination,
            "product_kind": kind,
            "certificate_type": certificate,
            "standard_contains": standard,
            "valid_from": valid_from,
        }


def forwards(apps, schema_editor):
    DestinationRule = apps.get_model("certificates", "DestinationRule")
    for (destination, kind, certificate, standard), (source, url) in EXISTING_SOURCES.items():
        DestinationRule.objects.filter(
            destination=destination,
            product_kind=kind,
            certificate_type=certificate,
            standard_contains=standard,
            legal_source="",
        ).update(legal_source=source, source_url=url)
    for key, rule in zip(new_rule_keys(), NEW_RULES, strict=True):
        exempt, _from, valid_to, source, url = rule[4:]
        DestinationRule.objects.get_or_create(
            **key,
            defaults={
                "exempt_if_marked_not_for_food": exempt,
                "valid_to": valid_to,
                "legal_source": source,
                "source_url": url,
            },
        )


def backwards(apps, schema_editor):
    DestinationRule = apps.get_model("certificates", "DestinationRule")
    for key in new_rule_keys():
        DestinationRule.objects.filter(**key).delete()
    for (destination, kind, certificate, standard), (source, _url) in EXISTING_SOURCES.items():
        DestinationRule.objects.filter(
            destination=destination,
            product_kind=kind,
            certificate_type=certificate,
            standard_contains=standard,
            legal_source=source,
        ).update(legal_source="", source_url="")


class Migration(migrations.Migration):
    dependencies = [("certificates", "0005_rule_sources_and_cosmetic_notifications")]

    operations = [migrations.RunPython(forwards, backwards)]
