"""The French, Arabic and Spanish catalogues are complete, compiled and in use."""

import gettext as gettext_module
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext

LOCALE = Path(settings.BASE_DIR) / "locale"
TRANSLATED = ["fr", "ar", "es"]


def catalogue(language):
    with open(LOCALE / language / "LC_MESSAGES" / "django.po", "rb") as handle:
        return [message for message in read_po(handle) if message.id]


@pytest.mark.parametrize("language", TRANSLATED)
def test_catalogue_has_no_untranslated_or_fuzzy_entry(language):
    problems = [
        message.id
        for message in catalogue(language)
        if message.fuzzy or not all(message.string if message.pluralizable else [message.string])
    ]
    assert problems == []


def compiled_key(message):
    """A message's key in a compiled catalogue: ``context\x04id`` when it has a context."""
    return f"{message.context}\x04{message.id}" if message.context else message.id


@pytest.mark.parametrize("language", TRANSLATED)
def test_compiled_catalogue_matches_its_source(language):
    with open(LOCALE / language / "LC_MESSAGES" / "django.mo", "rb") as handle:
        compiled = gettext_module.GNUTranslations(handle)._catalog
    stale = [
        message.id
        for message in catalogue(language)
        if not message.pluralizable and compiled.get(compiled_key(message)) != message.string
    ]
    assert stale == []


@pytest.mark.parametrize(
    "language, expected", [("fr", "Ajouter au panier"), ("ar", "أضف إلى سلة التسوق")]
)
def test_storefront_strings_are_translated(language, expected):
    with translation.override(language):
        assert gettext("Add to basket") == expected
