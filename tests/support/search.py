"""A spy on the search index: which products each reindex was asked for."""

import pytest

from catalog.search import signals


@pytest.fixture
def reindex_calls(monkeypatch):
    """The sorted product ids of each reindex ``catalog.search.signals`` ran, in order (the
    reindex itself still runs)."""
    calls = []
    original = signals.reindex

    def spy(ids):
        calls.append(sorted(ids))
        return original(ids)

    monkeypatch.setattr(signals, "reindex", spy)
    return calls
