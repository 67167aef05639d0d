"""The search vocabulary: a buyer's words expanded into the equivalent words staff keep
(``SearchSynonym``: spellings, transliterations, other scripts), so "tajine" finds what is
titled "tagine" or "طاجين".

A query is read word by word (the longest equivalent term first: "beni ourain"); each word or
phrase that is a term becomes the OR of its group's terms, every other word stays as typed, and
the parts are ANDed as before. Groups of the page's language and groups for every language
(blank) apply. Queries using the full-text syntax (quotes, ``or``) are left as typed; an
excluded word (``-word``) is never expanded.

The table is read once per vocabulary version (``marketplace.core.cache``; a saved or deleted
group bumps it, ``marketplace.core.invalidation``), so a search costs no extra query.
"""

import re

from django.db.models import Q
from oscar.core.loading import get_model

from catalog.search.text import fold
from marketplace.core.cache import VOCABULARY, versioned

EDGE_PUNCTUATION = re.compile(r"^\W+|\W+$")
WEBSEARCH = "websearch_to_tsquery(%s::regconfig, %s)"


def table():
    """{language ('' for every one): [group: [term as staff wrote it, ...]]}, cached."""
    return versioned(VOCABULARY, "search-synonyms", _read_table)


def _read_table():
    SearchSynonym = get_model("catalogue", "SearchSynonym")
    groups = {}
    for group in SearchSynonym.objects.order_by("pk"):
        terms = group.term_list()
        if len(terms) > 1:
            groups.setdefault(group.language, []).append(terms)
    return groups


def _lookup(language):
    """{the folded words of a term: its group's terms as written (PostgreSQL's configuration
    folds them as it folded the documents)}."""
    groups = table()
    found = {}
    for group in [*groups.get("", ()), *groups.get(language, ())]:
        for term in group:
            alternatives = found.setdefault(tuple(fold(term).split()), [])
            alternatives += [other for other in group if other not in alternatives]
    return found


def _word(token):
    return EDGE_PUNCTUATION.sub("", fold(token))


def expand(query, language):
    """The query's parts: ``(words as typed, None)`` for words that are no term, or
    ``(None, [equivalent terms])`` for each term; None if nothing is expanded."""
    tokens = query.split()
    if '"' in query or any(token.lower() == "or" for token in tokens):
        return None
    lookup = _lookup(language)
    if not lookup:
        return None
    longest = max(len(words) for words in lookup)
    parts, plain, position, expanded = [], [], 0, False
    while position < len(tokens):
        match = None
        if not tokens[position].startswith("-"):
            for size in range(min(longest, len(tokens) - position), 0, -1):
                words = tuple(_word(token) for token in tokens[position : position + size])
                match = lookup.get(words)
                if match is None and size == 1 and words[0].endswith("s"):
                    match = lookup.get((words[0][:-1],))  # a plural: "tagines"
                if match is not None:
                    break
        if match is None:
            plain.append(tokens[position])
            position += 1
            continue
        parts.append((None, match))
        position += size
        expanded = True
    if not expanded:
        return None
    if plain:
        parts.insert(0, (" ".join(plain), None))
    return parts


def tsquery_sql(query, language, config):
    """(SQL of the tsquery for ``query``, its parameters) on PostgreSQL."""
    parts = expand(query, language)
    if parts is None:
        return WEBSEARCH, [config, query]
    pieces, params = [], []
    for words, terms in parts:
        if words is not None:
            pieces.append(WEBSEARCH)
            params += [config, words]
            continue
        pieces.append("(" + " || ".join([WEBSEARCH] * len(terms)) + ")")
        for term in terms:
            params += [config, '"{}"'.format(term.replace('"', " "))]  # a phrase, never syntax
    return " && ".join(pieces), params


def document_conditions(folded, language, limit):
    """Conditions on a folded document for the portable search, one per query word (or term:
    any of its equivalents), at most ``limit``."""
    parts = expand(folded, language)
    if parts is None:
        return [Q(document__contains=word) for word in folded.split()[:limit]]
    conditions = []
    for words, terms in parts:
        if words is not None:
            conditions += [Q(document__contains=word) for word in words.split()]
        else:
            any_term = Q()
            for term in terms:
                any_term |= Q(document__contains=fold(term))
            conditions.append(any_term)
    return conditions[:limit]
