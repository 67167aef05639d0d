"""Identity and payout validators, each at its edges."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from sellers import validators
from tests.factories.sellers import REAL_RIB, VALID_ICE, make_rib


def test_the_registry_example_rib_is_valid():
    validators.validate_rib(REAL_RIB)


def test_a_rib_typed_with_spaces_is_valid():
    validators.validate_rib("011 519 0000012050005349 21")


@pytest.mark.parametrize("key, account", [(97, "0000000000000021"), (1, "0000000000000053")])
def test_rib_keys_at_both_ends_of_their_range_are_valid(key, account):
    assert validators.rib_key("007", "780", account) == key
    validators.validate_rib(f"007780{account}{key:02d}")


def test_a_rib_whose_key_is_off_by_one_is_refused():
    with pytest.raises(ValidationError) as info:
        validators.validate_rib(REAL_RIB[:-2] + "22")
    assert info.value.code == "rib_key"


def test_a_rib_with_one_digit_mistyped_is_refused():
    with pytest.raises(ValidationError):
        validators.validate_rib("011519000001205000534821")


@pytest.mark.parametrize("value", [REAL_RIB[:-1], REAL_RIB + "0", "01151900000120500053492A"])
def test_a_rib_of_23_or_25_characters_or_with_a_letter_is_refused(value):
    with pytest.raises(ValidationError) as info:
        validators.validate_rib(value)
    assert info.value.code == "rib_length"


def test_the_french_weights_would_give_another_key():
    """The 89/15/3 formula fits the French 5+5+11 layout, not the Moroccan 3+3+16 one."""
    bank, city, account = REAL_RIB[:3], REAL_RIB[3:6], REAL_RIB[6:22]
    french = 97 - ((89 * int(bank) + 15 * int(city) + 3 * int(account)) % 97)
    assert french != int(REAL_RIB[22:]) == validators.rib_key(bank, city, account)


def test_a_generated_rib_is_valid():
    validators.validate_rib(make_rib("230", "810", "1234567890123456"))


@pytest.mark.parametrize("value", [VALID_ICE, "00 21 36 09 30 00 040"])
def test_a_valid_ice_passes(value):
    validators.validate_ice(value)


@pytest.mark.parametrize("value", ["001561191000065", "00156119100006", "0015611910000660", ""])
def test_an_ice_with_a_wrong_checksum_or_length_is_refused(value):
    with pytest.raises(ValidationError):
        validators.validate_ice(value)


@pytest.mark.parametrize("value", ["AB1", "NIA-2019/00045", "X" * 30])
def test_register_numbers_of_3_to_30_characters_pass(value):
    validators.validate_register_number(value)


@pytest.mark.parametrize("value", ["AB", "X" * 31, "nia123", "NIA 123", "-123"])
def test_register_numbers_too_short_long_lowercase_or_spaced_are_refused(value):
    with pytest.raises(ValidationError):
        validators.validate_register_number(value)


def test_a_cooperative_of_five_members_passes():
    validators.validate_cooperative_members(5)


def test_a_cooperative_of_four_members_is_refused():
    with pytest.raises(ValidationError):
        validators.validate_cooperative_members(4)


def test_a_card_expiring_the_day_after_its_issue_passes():
    day = datetime.date(2025, 1, 1)
    validators.validate_card_dates(day, day + datetime.timedelta(days=1))


def test_a_card_expiring_on_its_issue_day_is_refused():
    day = datetime.date(2025, 1, 1)
    with pytest.raises(ValidationError):
        validators.validate_card_dates(day, day)


@pytest.mark.django_db
@pytest.mark.parametrize("phone", ["0612345678", "+212 6 12 34 56 78", "+33 6 12 34 56 78"])
def test_moroccan_and_international_phones_are_accepted(phone):
    from tests.factories.sellers import ArtisanFactory

    seller = ArtisanFactory.build(contact_phone=phone, slug="phone-test")
    seller.full_clean(exclude=["region", "slug"])
    assert seller.contact_phone.is_valid()


@pytest.mark.django_db
@pytest.mark.parametrize("phone", ["12345", "+212 6 12"])
def test_an_invalid_phone_is_refused(phone):
    from tests.factories.sellers import ArtisanFactory

    seller = ArtisanFactory.build(contact_phone=phone, slug="phone-test")
    with pytest.raises(ValidationError) as info:
        seller.full_clean(exclude=["region", "slug"])
    assert "contact_phone" in info.value.message_dict
