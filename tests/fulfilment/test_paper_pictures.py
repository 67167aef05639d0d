"""PNG pictures of the papers (``manage.py render_papers``), for a person to look at.

``RENDER_PAPERS_TO=docs/papers`` keeps the pictures of the GB parcel there (the committed ones
are made so); by default they go to a temporary directory.
"""

import os
import shutil
from pathlib import Path

import pytest
from django.core.management import call_command

from tests.fulfilment.test_papers_by_destination import _customs, two_line_parcel  # noqa: F401

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        shutil.which("pdftoppm") is None,
        reason="pdftoppm (Debian poppler-utils) is not installed: no pictures of the papers",
    ),
]
KINDS = ["cn22", "cn23", "invoice", "packing_list"]
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def test_render_papers_writes_a_picture_of_each_paper(tmp_path, django_capture_on_commit_callbacks):
    out = Path(os.environ.get("RENDER_PAPERS_TO") or tmp_path)
    parcel = two_line_parcel("GB", django_capture_on_commit_callbacks)
    call_command("render_papers", parcel.pk, "--out", str(out), "--kinds", *KINDS)
    for kind in KINDS:
        picture = out / f"{kind}.png"
        assert picture.read_bytes().startswith(PNG_SIGNATURE)


def test_every_page_of_the_cn23_set_becomes_a_picture(tmp_path, django_capture_on_commit_callbacks):
    from sellers.fulfilment.documents import CN23_COPIES

    parcel = two_line_parcel("GB", django_capture_on_commit_callbacks)
    call_command(
        "render_papers", parcel.pk, "--out", str(tmp_path), "--kinds", "cn23", "--all-pages"
    )
    assert len(list(tmp_path.glob("cn23-*.png"))) == len(CN23_COPIES)
