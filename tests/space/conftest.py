"""Fixtures of the seller space's tests."""

import pytest


@pytest.fixture
def send(django_capture_on_commit_callbacks):
    """Post the import form; the job's task runs (in-process) when the request commits."""

    def post(client, file, language="en", photos=None):
        data = {"file": file} if photos is None else {"file": file, "photos": photos}
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(f"/{language}/my-shop/listings/import/", data)

    return post
