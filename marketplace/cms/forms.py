"""Wagtail's image and document forms, with every new file checked by marketplace.core.uploads.

Wired in by WAGTAILIMAGES_IMAGE_FORM_BASE and WAGTAILDOCS_DOCUMENT_FORM_BASE (settings), so the
single upload, the multiple upload and the choosers' upload tabs all use them. The check runs
before Wagtail opens the file (Willow fails with a server error on some damaged pictures), and
Wagtail then stores the checked content: pictures re-encoded, under a random name.
"""

from django.forms import FileField
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail.documents.fields import WagtailDocumentField
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

from marketplace.core import uploads


class CheckedImageField(WagtailImageField):
    def to_python(self, data):
        upload = FileField.to_python(self, data)
        if upload is None:
            return None
        return super().to_python(uploads.CMS_IMAGE.clean(upload))


class CheckedDocumentField(WagtailDocumentField):
    def to_python(self, data):
        upload = super().to_python(data)
        if upload is None:
            return None
        return uploads.CMS_DOCUMENT.clean(upload)


class ImageForm(BaseImageForm):
    file = CheckedImageField(label=capfirst(_("file")), widget=BaseImageForm.Meta.widgets["file"])


class DocumentForm(BaseDocumentForm):
    file = CheckedDocumentField(
        label=capfirst(_("file")), widget=BaseDocumentForm.Meta.widgets["file"]
    )
