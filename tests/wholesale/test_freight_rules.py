"""Freight rules at their edges: volume to the litre, pallets rounded up by the pallet
capacity, the minimum charge, a rate's validity days and what each Incoterm covers."""

import datetime
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.utils import translation

from wholesale.freight import (
    COVERAGE,
    charge,
    coverage_rows,
    is_valid,
    needs_freight_quote,
    pallets_for,
    volume_of,
)

D = Decimal
RATE = SimpleNamespace(per_cubic_metre=D("1200"), per_pallet=D("300"), minimum_charge=D("2500"))


def test_the_volume_adds_the_cartons_in_cubic_metres():
    assert volume_of([(120, 80, 100), (60, 40, 50)]) == D("1.080")


def test_the_volume_is_rounded_half_up_to_the_litre():
    assert volume_of([(10, 10, 5)]) == D("0.001")  # 0.5 litre
    assert volume_of([(10, 10, 4)]) == D("0.000")  # 0.4 litre


def test_a_volume_filling_one_pallet_exactly_is_one_pallet():
    assert pallets_for(D("1.500"), D("1.50")) == 1


def test_a_litre_more_than_a_pallet_takes_a_second_pallet():
    assert pallets_for(D("1.501"), D("1.50")) == 2


def test_no_volume_needs_no_pallet():
    assert pallets_for(D("0"), D("1.50")) == 0


def test_a_small_shipment_pays_the_minimum_charge():
    assert charge(RATE, D("1.000"), 1) == D("2500.00")  # 1,200 + 300 = 1,500 < 2,500


def test_a_shipment_above_the_minimum_pays_volume_and_pallets():
    assert charge(RATE, D("2.000"), 2) == D("3000.00")


def test_at_the_minimum_exactly_the_charge_is_the_minimum():
    rate = SimpleNamespace(per_cubic_metre=D("2500"), per_pallet=D("0"), minimum_charge=D("2500"))
    assert charge(rate, D("1.000"), 1) == D("2500.00")


def test_a_rate_holds_from_its_first_to_its_last_day():
    day = datetime.date(2026, 6, 1)
    rate = SimpleNamespace(valid_from=day, valid_until=day + datetime.timedelta(days=30))
    assert is_valid(rate, day)
    assert is_valid(rate, day + datetime.timedelta(days=30))
    assert not is_valid(rate, day + datetime.timedelta(days=31))
    assert not is_valid(rate, day - datetime.timedelta(days=1))


@pytest.mark.parametrize("incoterm", ["EXW", "FCA", "FOB"])
def test_up_to_fob_the_buyer_pays_carriage_insurance_and_duties(incoterm):
    terms = COVERAGE[incoterm]
    assert (terms.carriage, terms.insurance, terms.duties) == (False, False, False)
    assert not needs_freight_quote(incoterm)


def test_cif_has_the_sellers_pay_carriage_and_insurance_not_duties():
    terms = COVERAGE["CIF"]
    assert (terms.carriage, terms.insurance, terms.duties) == (True, True, False)


def test_dap_leaves_the_import_duties_to_the_buyer_and_ddp_does_not():
    assert not COVERAGE["DAP"].duties
    assert COVERAGE["DDP"].duties
    assert needs_freight_quote("DAP") and needs_freight_quote("DDP")


def test_the_coverage_reads_in_the_buyers_language():
    with translation.override("fr"):
        rows = [(str(what), str(who)) for what, who in coverage_rows("DAP")]
    assert ("Droits et taxes à l'importation", "Vous payez") in rows
    assert ("Transport principal", "Les vendeurs paient") in rows
