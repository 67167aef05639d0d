"""PNG pictures of a parcel's papers, for a person to look at (``manage.py render_papers``).

Rendered with ``pdftoppm`` (Debian poppler-utils) from the PDFs the seller downloads.
"""

import shutil
import subprocess
import tempfile
from pathlib import Path

from sellers.fulfilment import documents

RESOLUTION_DPI = 110


class PdftoppmMissing(RuntimeError):
    """poppler-utils is not installed."""


def pdftoppm():
    path = shutil.which("pdftoppm")
    if path is None:
        raise PdftoppmMissing("pdftoppm not found: install poppler-utils")
    return path


def to_png(pdf, target, all_pages=False):
    """Write ``pdf`` (bytes) as ``target``.png, or one ``target``-N.png per page; return them."""
    target = Path(target)
    with tempfile.TemporaryDirectory() as scratch:
        source = Path(scratch) / "paper.pdf"
        source.write_bytes(pdf)
        command = [pdftoppm(), "-png", "-r", str(RESOLUTION_DPI)]
        if not all_pages:
            command += ["-f", "1", "-l", "1", "-singlefile"]
        subprocess.run([*command, str(source), str(target)], check=True, capture_output=True)
    if not all_pages:
        return [target.with_name(f"{target.name}.png")]
    return sorted(target.parent.glob(f"{target.name}-*.png"))


def render(parcel, out_dir, kinds=None, all_pages=False):
    """PNGs of ``parcel``'s papers of ``kinds`` (by default the ones it needs) in ``out_dir``."""
    context = documents.paper_context(parcel)
    kinds = kinds or documents.kinds_for(parcel, context["total_value"])
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for kind in kinds:
        pdf = documents.render_pdf(kind, {**context, "kind": kind})
        written += to_png(pdf, out_dir / kind, all_pages=all_pages)
    return written
