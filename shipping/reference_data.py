"""Reference tables shipped with the code: carriers, zones, rates (MAD), import regimes.

Rates are indicative public counter prices (2026) rounded to the dirham; duty rates are
indicative MFN rates by HS heading. Staff edit them in the admin or re-import a CSV.
"""

from marketplace.core.countries import EU

EUROPE = sorted(EU | {"GB", "CH", "NO"})
NORTH_AMERICA = ["CA", "US"]
REST = ["AE", "AU", "JP", "QA", "SA", "SG"]

CARRIERS = [
    # code, name, tracking URL template
    (
        "barid",
        "Barid Al-Maghrib",
        "https://www.poste.ma/fr/suivi-des-envois?code={number}",
    ),
    ("dhl", "DHL Express", "https://www.dhl.com/ma-en/home/tracking.html?tracking-id={number}"),
    ("aramex", "Aramex", "https://www.aramex.com/ma/en/track/results?ShipmentNumber={number}"),
]

ZONES = {
    # carrier: [(zone code, name, countries)]
    "barid": [
        ("europe", "Europe", EUROPE),
        ("americas", "North America", NORTH_AMERICA),
        ("world", "Rest of the world", REST),
    ],
    "dhl": [
        ("europe", "Europe", EUROPE),
        ("americas", "North America", NORTH_AMERICA),
        ("world", "Rest of the world", REST),
    ],
    "aramex": [
        ("europe", "Europe", EUROPE),
        ("americas", "North America", NORTH_AMERICA),
        ("world", "Rest of the world", REST),
    ],
}

SERVICES = [
    # code, carrier, name, postal, volumetric, DDP, transit min, transit max
    ("amana-intl", "barid", "Amana International", True, False, False, 8, 15),
    ("ems", "barid", "EMS", True, False, False, 4, 8),
    ("dhl-express", "dhl", "Express Worldwide", False, True, True, 2, 4),
    ("aramex-priority", "aramex", "Priority Express", False, True, True, 3, 6),
]

BRACKETS = ["0.5", "1", "2", "5", "10", "20", "30"]
RATES = {
    # service: {zone: prices for each bracket of BRACKETS}
    "amana-intl": {
        "europe": [95, 140, 210, 390, 640, 1150, None],
        "americas": [130, 195, 300, 560, 960, 1790, None],
        "world": [140, 210, 330, 620, 1060, 1980, None],
    },
    "ems": {
        "europe": [260, 320, 420, 690, 1090, 1850, 2600],
        "americas": [330, 410, 560, 960, 1580, 2750, 3900],
        "world": [350, 440, 600, 1030, 1700, 2960, 4200],
    },
    "dhl-express": {
        "europe": [480, 560, 720, 1150, 1780, 2950, 4050],
        "americas": [610, 720, 930, 1520, 2380, 3950, 5450],
        "world": [650, 770, 990, 1610, 2520, 4180, 5780],
    },
    "aramex-priority": {
        "europe": [420, 500, 650, 1040, 1620, 2700, 3720],
        "americas": [560, 660, 860, 1400, 2190, 3640, 5020],
        "world": [540, 640, 830, 1350, 2110, 3510, 4840],
    },
}

EU_VAT = {
    "AT": 20,
    "BE": 21,
    "BG": 20,
    "HR": 25,
    "CY": 19,
    "CZ": 21,
    "DK": 25,
    "EE": 24,
    "FI": 25.5,
    "FR": 20,
    "DE": 19,
    "GR": 24,
    "HU": 27,
    "IE": 23,
    "IT": 22,
    "LV": 21,
    "LT": 21,
    "LU": 17,
    "MT": 18,
    "NL": 21,
    "PL": 23,
    "PT": 23,
    "RO": 21,
    "SK": 23,
    "SI": 22,
    "ES": 21,
    "SE": 25,
}
EU_IOSS_START = "2021-07-01"
EU_FLAT_DUTY_START = "2026-07-01"
US_NO_DE_MINIMIS = "2025-08-29"


def import_regimes():
    """Rows for ImportRegime, as dicts (dates as ISO strings)."""
    rows = []
    for country, vat in EU_VAT.items():
        common = {
            "country": country,
            "currency": "EUR",
            "tax_name": "VAT",
            "tax_rate": vat,
            "tax_at_checkout_up_to": 150,
            "moroccan_origin_duty_free": True,
        }
        rows.append(
            {
                **common,
                "valid_from": EU_IOSS_START,
                "valid_to": "2026-06-30",
                "duty_free_up_to": 150,
                "notes": "IOSS: VAT at checkout up to EUR 150.",
            }
        )
        rows.append(
            {
                **common,
                "valid_from": EU_FLAT_DUTY_START,
                "flat_duty_per_item_type": 3,
                "flat_duty_up_to": 150,
                "notes": "EUR 3 duty per item type on parcels up to EUR 150.",
            }
        )
    rows += [
        {
            "country": "US",
            "currency": "USD",
            "tax_name": "Sales tax",
            "tax_rate": 0,
            "valid_from": "2016-03-10",
            "valid_to": "2025-08-28",
            "duty_free_up_to": 800,
            "notes": "Section 321 de minimis USD 800.",
        },
        {
            "country": "US",
            "currency": "USD",
            "tax_name": "Sales tax",
            "tax_rate": 0,
            "valid_from": US_NO_DE_MINIMIS,
            "origin_surcharge_rate": 10,
            "notes": "No de minimis since 29 Aug 2025; reciprocal surcharge on Moroccan goods.",
        },
        {
            "country": "GB",
            "currency": "GBP",
            "tax_name": "VAT",
            "tax_rate": 20,
            "valid_from": "2021-01-01",
            "tax_at_checkout_up_to": 135,
            "duty_free_up_to": 135,
            "moroccan_origin_duty_free": True,
            "notes": "VAT at the sale up to GBP 135; UK-Morocco agreement for origin goods.",
        },
        {
            "country": "CA",
            "currency": "CAD",
            "tax_name": "GST/HST",
            "tax_rate": 5,
            "valid_from": "2020-07-01",
            "tax_free_up_to": 20,
            "duty_free_up_to": 20,
            "notes": "CAD 20 for non-CUSMA origins; CUSMA's CAD 40/150 do not apply to Morocco.",
        },
    ]
    return rows


DUTY_RATES = {
    # country: {HS prefix: rate %}
    "US": {
        "": 5,
        "3304": 0,
        "4202": 8,
        "4420": 3.2,
        "4602": 4.5,
        "5701": 0,
        "5702": 3,
        "6304": 6.5,
        "6403": 8.5,
        "6405": 12.5,
        "6907": 8.5,
        "6911": 8,
        "6912": 9.8,
        "6913": 6,
        "7113": 5.5,
        "9405": 3.9,
    },
    "CA": {
        "": 6,
        "3304": 6.5,
        "4202": 10,
        "4420": 0,
        "4602": 6,
        "5701": 12.5,
        "5702": 12.5,
        "6304": 17,
        "6403": 18,
        "6405": 18,
        "6907": 0,
        "6911": 7,
        "6912": 7,
        "6913": 7,
        "7113": 8.5,
        "9405": 7,
    },
}
