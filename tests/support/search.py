"""Spies on the search index: which products each reindex was asked for."""

import pytest

from catalog.search import signals


def record_reindexes(monkeypatch, module):
    """Replace ``module.reindex`` by a spy that still reindexes; returns the sorted product
    ids of each call, in order."""
    calls = []
    original = module.reindex

    def spy(ids):
        calls.append(sorted(ids))
        return original(ids)

    monkeypatch.setattr(module, "reindex", spy)
    return calls


@pytest.fixture
def reindex_calls(monkeypatch):
    """The reindexes ``catalog.search.signals`` ran (``record_reindexes``)."""
    return record_reindexes(monkeypatch, signals)
