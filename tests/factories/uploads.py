"""Good and hostile upload files, built in the test run (no fixture files on disk).

Each builder returns bytes; ``as_upload(name, content)`` wraps them the way a browser sends them
(the name and the declared content type are the client's, hence untrusted)."""

import io
import struct
import zlib

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import ExifTags, Image

PAGE = "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>"


CATALOG = "<< /Type /Catalog /Pages 2 0 R{extra} >>"


PAGES = "<< /Type /Pages /Kids [3 0 R] /Count 1 >>"


def as_upload(name, content, content_type="application/octet-stream"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def make_pdf(catalog_extra="", extra_objects=(), header=b"%PDF-1.4\n"):
    """A one-page PDF with a correct cross-reference table.

    ``catalog_extra`` is added to the document catalog (object 1); ``extra_objects`` become
    objects 4, 5, ...; ``header`` is everything before the first object.
    """
    bodies = [CATALOG.format(extra=catalog_extra), PAGES, PAGE, *extra_objects]
    out = bytearray(header)
    offsets = []
    for number, body in enumerate(bodies, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(bodies) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {len(bodies) + 1} /Root 1 0 R >>\n".encode()
    out += f"startxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


PDF_BYTES = make_pdf()


def pdf_html_polyglot():
    """A real PDF that is also a web page: the HTML hides in a PDF comment after the header."""
    return make_pdf(
        header=b"%PDF-1.4\n%<html><body><script>fetch('/en/my-shop/')</script></body></html>\n"
    )


def html_then_pdf_polyglot():
    """A web page first, a PDF after it: readers find the %PDF- header further on."""
    return b"<html><script>alert(document.cookie)</script><!--\n" + make_pdf()


def pdf_with_javascript_open_action():
    return make_pdf(catalog_extra=" /OpenAction << /S /JavaScript /JS (app.alert\\(1\\)) >>")


def pdf_with_obfuscated_javascript():
    """The same action with its names hex-escaped (#4A is J), as malware writers do."""
    return make_pdf(
        catalog_extra=" /OpenAction << /S /#4AavaScript /#4AS 4 0 R >>",
        extra_objects=["(app.alert\\(1\\))"],
    )


def pdf_with_launch_action():
    return make_pdf(
        catalog_extra=" /OpenAction << /S /Launch /F (cmd.exe) /P (/c calc.exe) >>",
    )


def pdf_with_embedded_file():
    stream = b"MZ this would be a program"
    return make_pdf(
        catalog_extra=" /Names << /EmbeddedFiles << /Names [(invoice.exe) 4 0 R] >> >>",
        extra_objects=[
            "<< /Type /Filespec /F (invoice.exe) /EF << /F 5 0 R >> >>",
            f"<< /Type /EmbeddedFile /Length {len(stream)} >>\nstream\n"
            f"{stream.decode()}\nendstream",
        ],
    )


def broken_pdf():
    return b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 9 0 R\n%%EOF\n"


HTML = b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"


SVG = (
    b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
    b"<script>alert(document.cookie)</script></svg>"
)


def image_bytes(image_format="JPEG", size=(40, 30), **save_options):
    buffer = io.BytesIO()
    Image.new("RGB", size, (166, 63, 39)).save(buffer, format=image_format, **save_options)
    return buffer.getvalue()


def noisy_jpeg(size=(96, 96)):
    """A JPEG whose scan data is most of the file (a flat picture compresses to nothing)."""
    buffer = io.BytesIO()
    Image.effect_noise(size, 80).convert("RGB").save(buffer, format="JPEG", quality=95)
    return buffer.getvalue()


def truncated_jpeg():
    """Headers intact, the last third of the picture data missing."""
    data = noisy_jpeg()
    return data[: len(data) * 2 // 3]


def jpeg_claiming(width, height):
    """A small real JPEG whose frame header (SOF0) claims ``width`` x ``height`` pixels."""
    data = bytearray(image_bytes("JPEG", size=(16, 16)))
    start = data.index(b"\xff\xc0")
    # marker (2) + segment length (2) + precision (1), then height and width, big-endian
    data[start + 5 : start + 9] = struct.pack(">HH", height, width)
    return bytes(data)


def _png_chunk(kind, payload):
    return (
        struct.pack(">I", len(payload))
        + kind
        + payload
        + struct.pack(">I", zlib.crc32(kind + payload) & 0xFFFFFFFF)
    )


def huge_png(width=12000, height=12000):
    """A genuine black-and-white PNG of width x height (144 megapixels by default).

    One bit per pixel and all zeros: about 18 MB to build, a few kilobytes once compressed,
    and 144 million pixels (432 MB as RGB) for whoever decodes it.
    """
    row = b"\x00" + b"\x00" * ((width + 7) // 8)
    compressor = zlib.compressobj(9)
    data = b"".join(compressor.compress(row) for _ in range(height)) + compressor.flush()
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _png_chunk(b"IHDR", header)
        + _png_chunk(b"IDAT", data)
        + _png_chunk(b"IEND", b"")
    )


def jpeg_with_gps_and_rotation(size=(40, 20)):
    """A phone photo: GPS position of the workshop and "rotate 90°" in its EXIF."""
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = 6  # the camera was held upright: rotate 90° clockwise
    exif[ExifTags.Base.Make] = "PhoneMaker"
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = (31.0, 37.0, 42.0)
    gps[ExifTags.GPS.GPSLongitudeRef] = "W"
    gps[ExifTags.GPS.GPSLongitude] = (8.0, 0.0, 32.0)
    return image_bytes("JPEG", size=size, exif=exif)


def truncated(image_format):
    """A real picture of ``image_format`` with its last third missing."""
    buffer = io.BytesIO()
    Image.effect_noise((96, 96), 80).convert("RGB").save(buffer, format=image_format)
    data = buffer.getvalue()
    return data[: len(data) * 2 // 3]


def pdf_upload(name="card.pdf"):
    return SimpleUploadedFile(name, PDF_BYTES, content_type="application/pdf")


def png_upload(name="photo.png"):
    return SimpleUploadedFile(name, image_bytes("PNG"), content_type="image/png")


def image_upload(image_format="JPEG", name=None, size=(40, 30)):
    """A real image file of the given Pillow format."""
    buffer = io.BytesIO()
    Image.new("RGB", size, (166, 63, 39)).save(buffer, format=image_format)
    extension = {"JPEG": "jpg"}.get(image_format, image_format.lower())
    return SimpleUploadedFile(name or f"photo.{extension}", buffer.getvalue())
