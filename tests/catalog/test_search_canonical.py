"""A query's canonical form: its tsquery with the words no document holds taken out by logic."""

import pytest

from catalog.search import canonical


def reduced(written, present):
    """The canonical text of the tsquery ``written`` when only ``present`` lexemes exist."""
    found = canonical.simplify(canonical.parse(written), {f"'{word}'" for word in present})
    return found if found in (canonical.TRUE, canonical.FALSE) else canonical.text(found)


def test_a_word_no_document_holds_leaves_an_or():
    assert reduced("'rug' | 'zqx'", {"rug"}) == "'rug'"


def test_a_word_no_document_holds_makes_an_and_match_nothing():
    assert reduced("'rug' & 'zqx'", {"rug"}) == canonical.FALSE


def test_excluding_a_word_no_document_holds_excludes_nothing():
    assert reduced("'rug' & !'zqx'", {"rug"}) == "'rug'"


def test_a_phrase_with_a_word_no_document_holds_matches_nothing():
    assert reduced("'red' <-> 'zqx' | 'rug'", {"red", "rug"}) == "'rug'"


def test_a_phrase_with_an_excluded_word_is_kept_whole():
    assert reduced("'red' <-> !'zqx'", {"red"}) == "('red' <-> !'zqx')"


def test_only_an_excluded_word_no_document_holds_matches_everything():
    assert reduced("!'zqx'", {"rug"}) == canonical.TRUE


def test_precedence_is_postgresqls_not_then_phrase_then_and_then_or():
    tree = canonical.parse("'a' | 'b' & !'c' <-> 'd'")
    assert canonical.text(tree) == "('a' | ('b' & (!'c' <-> 'd')))"


def test_parentheses_group():
    assert canonical.text(canonical.parse("( 'a' | 'b' ) & 'c'")) == "(('a' | 'b') & 'c')"


def test_a_quote_inside_a_lexeme_is_one_atom():
    tree = canonical.parse("'l''atelier' <2> 'fes':*")
    assert canonical.atoms(tree) == ["'l''atelier'", "'fes':*"]
    assert [canonical.lexeme(atom) for atom in canonical.atoms(tree)] == ["l'atelier", "fes"]


def test_every_lexeme_is_listed_once_in_order():
    assert canonical.atoms(canonical.parse("'b' & ( 'a' | 'b' )")) == ["'b'", "'a'"]


@pytest.mark.parametrize("written", ["'a' &", "( 'a'", "'a' 'b'", "'a' ) (", "a"])
def test_what_is_not_a_tsquery_is_refused(written):
    with pytest.raises(ValueError):
        canonical.parse(written)
