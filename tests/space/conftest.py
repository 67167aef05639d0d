"""Fixtures of the seller space's tests."""

import pytest

from tests.factories.catalogue import (
    MaterialFactory,
    RegionFactory,
    SellerFactory,
    TechniqueFactory,
    rug_craft,
)
from tests.factories.users import member_of


@pytest.fixture
def send(django_capture_on_commit_callbacks):
    """Post the import form; the job's task runs (in-process) when the request commits."""

    def post(client, file, language="en", photos=None):
        data = {"file": file} if photos is None else {"file": file, "photos": photos}
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(f"/{language}/my-shop/listings/import/", data)

    return post


@pytest.fixture
def seller():
    return SellerFactory()


@pytest.fixture
def member(client, seller):
    """The seller's member, signed in, with the codes a CSV row names (rugs, a region, a
    material, a technique). A module defining its own ``seller`` or ``member`` keeps it."""
    rug_craft()
    RegionFactory()
    MaterialFactory()
    TechniqueFactory()
    client.force_login(member_of(seller))
    return client
