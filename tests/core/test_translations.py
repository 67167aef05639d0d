"""The French, Arabic and Spanish catalogues are complete, compiled and in use."""

import gettext as gettext_module
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext, pgettext

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


SOURCE_DIRS = sorted(
    path.name
    for path in Path(settings.BASE_DIR).iterdir()
    if (path / "__init__.py").exists() and path.name != "tests"
)


def marked_strings(tmp_path):
    """The msgids `makemessages` finds in a copy of the source (the catalogues stay untouched)."""
    for name in SOURCE_DIRS:
        shutil.copytree(Path(settings.BASE_DIR) / name, tmp_path / name)
    shutil.copy(Path(settings.BASE_DIR) / "manage.py", tmp_path)
    (tmp_path / "locale").mkdir()
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", "fr", "--no-location"],
        cwd=tmp_path,
        check=True,
        capture_output=True,
    )
    with open(tmp_path / "locale" / "fr" / "LC_MESSAGES" / "django.po", "rb") as handle:
        return {message_key(message) for message in read_po(handle) if message.id}


def message_key(message):
    return (message.id if isinstance(message.id, str) else message.id[0], message.context)


def translated_elsewhere(key, language):
    """Whether Django or Oscar's own catalogue translates the message (templates copied from
    Oscar keep Oscar's wording and its translations)."""
    msgid, context = key
    with translation.override(language):
        shown = pgettext(context, msgid) if context else gettext(msgid)
    return shown != msgid


@pytest.mark.skipif(not shutil.which("xgettext"), reason="needs GNU gettext (xgettext)")
@pytest.mark.parametrize("language", TRANSLATED)
def test_every_string_marked_in_the_source_is_translated(tmp_path, language):
    known = {message_key(message) for message in catalogue(language)}
    missing = [
        key
        for key in marked_strings(tmp_path / language) - known
        if not translated_elsewhere(key, language)
    ]
    assert sorted(missing, key=str) == []
