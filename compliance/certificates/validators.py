"""Upload checks by content: a certificate document is a PDF, JPEG or PNG of bounded size."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

SIGNATURES = {
    b"%PDF-": ".pdf",
    b"\xff\xd8\xff": ".jpg",
    b"\x89PNG\r\n\x1a\n": ".png",
}
EXTENSIONS = {".pdf": {".pdf"}, ".jpg": {".jpg", ".jpeg"}, ".png": {".png"}}


def sniff(head):
    for signature, extension in SIGNATURES.items():
        if head.startswith(signature):
            return extension
    return None


def validate_document(upload):
    """Refuse anything but a PDF/JPEG/PNG whose content matches its name, within the size limit."""
    limit = settings.CERTIFICATE_MAX_UPLOAD_MB * 1024 * 1024
    if upload.size > limit:
        raise ValidationError(
            _("The file is larger than %(mb)s MB."),
            params={"mb": settings.CERTIFICATE_MAX_UPLOAD_MB},
        )
    position = upload.tell() if hasattr(upload, "tell") else 0
    upload.seek(0)
    head = upload.read(16)
    upload.seek(position)
    kind = sniff(head)
    name = (upload.name or "").lower()
    extension = name[name.rfind(".") :] if "." in name else ""
    if kind is None or extension not in EXTENSIONS[kind]:
        raise ValidationError(_("Upload a PDF, JPEG or PNG document."))
