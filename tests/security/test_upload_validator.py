"""The one upload check (marketplace.core.uploads), file by file."""

import io

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import translation
from PIL import Image, ImageFile

from marketplace.core import uploads
from tests.factories import uploads as files

DOCUMENT = uploads.UploadValidator((uploads.PDF, uploads.JPEG, uploads.PNG), "TEST_MAX_BYTES")
PICTURE = uploads.UploadValidator((uploads.JPEG, uploads.PNG, uploads.WEBP), "TEST_MAX_BYTES")


@pytest.fixture(autouse=True)
def _limits(settings):
    settings.TEST_MAX_BYTES = 10 * 1024 * 1024
    settings.UPLOAD_MAX_PIXELS = 40_000_000


def refusal(validator, content, name="file.pdf"):
    with pytest.raises(ValidationError) as info:
        validator.clean(files.as_upload(name, content))
    return info.value.code


def decoded(checked):
    return Image.open(io.BytesIO(checked.read()))


HOSTILE = {
    "pdf-html-polyglot": (files.pdf_html_polyglot, "pdf_markup"),
    "html-then-pdf-polyglot": (files.html_then_pdf_polyglot, "file_type"),
    "pdf-javascript-open-action": (files.pdf_with_javascript_open_action, "pdf_active"),
    "pdf-obfuscated-javascript": (files.pdf_with_obfuscated_javascript, "pdf_active"),
    "pdf-launch-action": (files.pdf_with_launch_action, "pdf_active"),
    "pdf-embedded-file": (files.pdf_with_embedded_file, "pdf_active"),
    "broken-pdf": (files.broken_pdf, "pdf_damaged"),
    "html-named-pdf": (lambda: files.HTML, "file_type"),
    "svg-named-png": (lambda: files.SVG, "file_type"),
    "jpeg-claiming-30000x30000": (lambda: files.jpeg_claiming(30000, 30000), "too_many_pixels"),
    "jpeg-claiming-144-megapixels": (lambda: files.jpeg_claiming(12000, 12000), "too_many_pixels"),
    "png-of-144-megapixels": (files.huge_png, "too_many_pixels"),
    "truncated-jpeg": (files.truncated_jpeg, "file_damaged"),
    "gif": (lambda: files.image_bytes("GIF"), "file_type"),
    "empty-file": (lambda: b"", "empty"),
}


@pytest.mark.parametrize(("build", "code"), HOSTILE.values(), ids=list(HOSTILE))
def test_a_hostile_file_is_refused_with_its_reason(build, code):
    assert refusal(DOCUMENT, build()) == code


def test_a_pdf_is_not_accepted_where_only_pictures_are():
    assert refusal(PICTURE, files.PDF_BYTES, "photo.jpg") == "file_type"


def test_a_picture_at_the_pixel_ceiling_passes_and_one_pixel_more_is_refused(settings):
    settings.UPLOAD_MAX_PIXELS = 40 * 30
    PICTURE.clean(files.as_upload("a.png", files.image_bytes("PNG", size=(40, 30))))
    assert refusal(PICTURE, files.image_bytes("PNG", size=(41, 30))) == "too_many_pixels"


def test_the_ceiling_never_exceeds_pillows_own_bomb_limit(settings, monkeypatch):
    settings.UPLOAD_MAX_PIXELS = 10**12
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 1000)
    assert refusal(PICTURE, files.image_bytes("PNG", size=(40, 30))) == "too_many_pixels"


def test_a_file_at_the_size_limit_passes_and_one_byte_more_is_refused(settings):
    settings.TEST_MAX_BYTES = len(files.PDF_BYTES)
    DOCUMENT.clean(files.as_upload("a.pdf", files.PDF_BYTES))
    settings.TEST_MAX_BYTES -= 1
    assert refusal(DOCUMENT, files.PDF_BYTES) == "file_size"


@pytest.mark.parametrize("image_format", ["JPEG", "PNG", "WEBP"])
def test_a_real_picture_is_accepted_under_its_own_extension(image_format):
    checked = PICTURE.clean(files.as_upload("holiday.bin", files.image_bytes(image_format)))
    assert checked.name.endswith("." + uploads.EXTENSIONS[image_format.lower()])
    assert decoded(checked).format == image_format


def test_a_pdf_is_kept_byte_for_byte_under_a_random_name():
    checked = DOCUMENT.clean(files.as_upload("Amina Alaoui card.html", files.PDF_BYTES))
    assert checked.read() == files.PDF_BYTES
    assert checked.name.endswith(".pdf") and "Amina" not in checked.name


def test_two_uploads_of_one_file_get_different_names():
    first = DOCUMENT.clean(files.as_upload("card.pdf", files.PDF_BYTES))
    second = DOCUMENT.clean(files.as_upload("card.pdf", files.PDF_BYTES))
    assert first.name != second.name


def test_a_phone_photo_loses_its_exif_and_is_turned_upright():
    checked = PICTURE.clean(files.as_upload("me.jpg", files.jpeg_with_gps_and_rotation()))
    data = checked.read()
    picture = Image.open(io.BytesIO(data))
    assert not picture.getexif() and b"PhoneMaker" not in data
    assert picture.size == (20, 40)


def test_a_transparent_png_keeps_its_transparency():
    buffer = io.BytesIO()
    Image.new("RGBA", (8, 8), (0, 0, 0, 0)).save(buffer, "PNG")
    checked = PICTURE.clean(files.as_upload("logo.png", buffer.getvalue()))
    assert decoded(checked).getpixel((0, 0))[3] == 0


def test_a_model_file_already_stored_is_not_read_again():
    class Stored(models.fields.files.FieldFile):
        _committed = True

        def __init__(self):
            pass

        def open(self, mode="rb"):
            raise AssertionError("a stored file was read")

    DOCUMENT(Stored())


def test_refusals_are_translated():
    with translation.override("fr"):
        with pytest.raises(ValidationError) as info:
            DOCUMENT.clean(files.as_upload("a.pdf", files.pdf_with_javascript_open_action()))
        assert "Ce PDF contient" in str(info.value.messages[0])


@pytest.mark.parametrize("language", ["fr", "ar", "es"])
def test_every_new_message_has_a_translation(language):
    messages = [
        "This PDF also contains web page code; send a plain PDF.",
        "This PDF is protected by a password: send a copy without one.",
        "This PDF is damaged or incomplete: it cannot be read.",
        "This picture has too many pixels: %(megapixels)s megapixels at most.",
        "Send a file of one of these kinds: %(formats)s. Other kinds are refused.",
    ]
    with translation.override(language):
        assert all(translation.gettext(message) != message for message in messages)


def test_every_file_field_of_the_marketplace_is_checked_by_the_one_validator():
    """Seller documents and photos, drafts, certificates: no other upload check exists."""
    ours = ("partner", "certificates")
    fields = [
        field
        for app in ours
        for model in apps.get_app_config(app).get_models()
        for field in model._meta.get_fields()
        if isinstance(field, models.FileField)
    ]
    assert len(fields) == 5
    for field in fields:
        assert isinstance(field, uploads.CheckedFileField), field
        assert any(isinstance(v, uploads.UploadValidator) for v in field.validators), field


def encrypted_pdf(user_password):
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(files.PDF_BYTES)))
    writer.encrypt(user_password=user_password, owner_password="owner", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_a_pdf_locked_by_a_password_is_refused():
    assert refusal(DOCUMENT, encrypted_pdf("secret")) == "pdf_encrypted"


def test_a_pdf_that_opens_without_a_password_is_inspected_and_accepted():
    DOCUMENT.clean(files.as_upload("a.pdf", encrypted_pdf("")))


def test_a_cmyk_jpeg_becomes_rgb():
    buffer = io.BytesIO()
    Image.new("CMYK", (8, 8), (0, 50, 100, 0)).save(buffer, "JPEG")
    checked = PICTURE.clean(files.as_upload("print.jpg", buffer.getvalue()))
    assert decoded(checked).mode == "RGB"


@pytest.mark.parametrize("image_format", ["JPEG", "PNG", "WEBP"])
@pytest.mark.parametrize("pillow_tolerates_truncation", [False, True])
def test_a_truncated_picture_is_refused_even_where_pillow_is_told_to_accept_it(
    monkeypatch, image_format, pillow_tolerates_truncation
):
    """WeasyPrint, imported for customs papers, turns LOAD_TRUNCATED_IMAGES on process-wide."""
    monkeypatch.setattr(ImageFile, "LOAD_TRUNCATED_IMAGES", pillow_tolerates_truncation)
    assert refusal(PICTURE, files.truncated(image_format)) == "file_damaged"


def test_a_jpeg_with_data_after_its_end_is_accepted():
    """Phones append a second picture (depth map, MPF) after the first one's end marker."""
    PICTURE.clean(files.as_upload("a.jpg", files.noisy_jpeg() + files.noisy_jpeg()))
