"""The worker's garbage collector: long-lived objects frozen, first generation less eager."""

import gc

import pytest

from marketplace.gc_tuning import THRESHOLDS, FreezeAfterWarmUp, tune


@pytest.fixture
def collector():
    thresholds = gc.get_threshold()
    yield
    gc.unfreeze()
    gc.set_threshold(*thresholds)


def test_tune_freezes_what_is_loaded_and_raises_the_thresholds(collector):
    gc.unfreeze()
    tune()
    assert gc.get_freeze_count() > 0
    assert gc.get_threshold() == THRESHOLDS


def test_the_worker_freezes_again_after_its_warm_up_requests_only(collector):
    gc.unfreeze()
    served = []
    application = FreezeAfterWarmUp(lambda environ, start: served.append(1) or [b""], requests=2)
    application({}, None)
    assert gc.get_freeze_count() == 0
    application({}, None)
    frozen = gc.get_freeze_count()
    assert frozen > 0
    gc.unfreeze()
    application({}, None)
    assert gc.get_freeze_count() == 0
    assert len(served) == 3


def test_the_wsgi_application_is_wrapped(collector):
    from marketplace import wsgi

    assert isinstance(wsgi.application, FreezeAfterWarmUp)
