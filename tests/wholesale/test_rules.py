"""Tier prices, MOQ and case packs at each edge (wholesale.rules)."""

from decimal import Decimal

import pytest

from wholesale.rules import (
    Tier,
    can_order,
    line_total,
    offer_errors,
    parse_tiers,
    quantity_errors,
    tier_for,
    unit_price,
)

TIERS = [Tier(12, Decimal("950.00")), Tier(48, Decimal("850.00")), Tier(120, Decimal("780.00"))]


@pytest.mark.parametrize(
    ("quantity", "price"),
    [
        (11, None),  # below the first tier
        (12, Decimal("950.00")),  # exactly the first boundary
        (47, Decimal("950.00")),  # one below the next boundary
        (48, Decimal("850.00")),  # exactly the second boundary
        (119, Decimal("850.00")),
        (120, Decimal("780.00")),  # exactly the last boundary
        (10_000, Decimal("780.00")),  # far above the last
    ],
)
def test_the_tier_price_changes_exactly_at_each_boundary(quantity, price):
    assert unit_price(TIERS, quantity) == price


def test_tier_order_given_does_not_matter():
    assert tier_for(list(reversed(TIERS)), 60) == TIERS[1]


def test_below_the_minimum_order_is_refused():
    assert quantity_errors(11, minimum=12, case_pack=1) == ["The minimum order is 12 pieces."]


def test_the_minimum_itself_is_accepted():
    assert can_order(12, minimum=12, case_pack=6)


def test_a_quantity_not_a_multiple_of_the_case_pack_is_refused():
    assert quantity_errors(13, minimum=12, case_pack=6) == ["Order in cases of 6 pieces."]


def test_below_minimum_and_off_case_both_reported():
    assert len(quantity_errors(5, minimum=12, case_pack=6)) == 2


def test_a_whole_number_of_cases_above_the_minimum_is_accepted():
    assert can_order(18, minimum=12, case_pack=6)


def test_a_case_pack_of_one_accepts_any_quantity_from_the_minimum():
    assert can_order(13, minimum=12, case_pack=1)


def test_line_total_uses_the_tier_of_the_quantity():
    assert line_total(TIERS, 48, 12, 6) == Decimal("40800.00")


def test_line_total_is_none_when_the_quantity_cannot_be_ordered():
    assert line_total(TIERS, 49, 12, 6) is None
    assert line_total(TIERS, 6, 6, 6) is None  # orderable but below every tier: no price


def test_a_coherent_offer_has_no_errors():
    assert offer_errors(12, 6, TIERS) == []


def test_the_first_tier_must_start_at_the_minimum():
    assert [part for part, _m in offer_errors(6, 6, TIERS)] == ["tiers"]


def test_the_minimum_must_be_whole_cases():
    assert ("minimum", "The minimum order must be a whole number of cases.") in [
        (part, str(message)) for part, message in offer_errors(12, 5, [Tier(12, Decimal(1))])
    ]


def test_tiers_must_start_on_whole_cases():
    tiers = [Tier(12, Decimal("9")), Tier(50, Decimal("8"))]
    assert [str(m) for _p, m in offer_errors(12, 6, tiers)] == [
        "Each tier starts at a whole number of cases."
    ]


def test_a_larger_tier_cannot_cost_more():
    tiers = [Tier(12, Decimal("9")), Tier(24, Decimal("9.01"))]
    assert [str(m) for _p, m in offer_errors(12, 1, tiers)] == [
        "A larger tier cannot cost more per piece."
    ]


def test_equal_prices_in_two_tiers_are_allowed():
    assert offer_errors(12, 1, [Tier(12, Decimal("9")), Tier(24, Decimal("9"))]) == []


def test_two_tiers_at_one_quantity_are_refused():
    tiers = [Tier(12, Decimal("9")), Tier(12, Decimal("8"))]
    assert [str(m) for _p, m in offer_errors(12, 1, tiers)] == [
        "Two tiers start at the same quantity."
    ]


def test_an_offer_needs_a_tier():
    assert [part for part, _m in offer_errors(12, 1, [])] == ["tiers"]


def test_tiers_are_read_from_csv_text_with_a_decimal_comma():
    assert parse_tiers("12:950,50 | 48:850") == [
        Tier(12, Decimal("950.50")),
        Tier(48, Decimal("850")),
    ]


@pytest.mark.parametrize("text", ["12", "12:abc", "x:9", "12;950"])
def test_malformed_tier_text_is_refused(text):
    with pytest.raises(ValueError):
        parse_tiers(text)
