"""Files: upload limits, local media or S3, static files."""

from pathlib import Path

from marketplace.s3 import s3_storages
from marketplace.settings.environment import BASE_DIR, env
from marketplace.settings.framework import DEBUG

# Uploads (marketplace/core/uploads.py): every kind's size limit in bytes, the pixel ceiling
# of pictures, and the files kept from invalid seller applications (drafts).
UPLOAD_MAX_PIXELS = env.int("UPLOAD_MAX_PIXELS", default=40_000_000)
SELLER_DOCUMENT_MAX_BYTES = env.int("SELLER_DOCUMENT_MAX_BYTES", default=10 * 1024 * 1024)
SELLER_PHOTO_MAX_BYTES = env.int("SELLER_PHOTO_MAX_BYTES", default=5 * 1024 * 1024)
RETURN_PHOTO_MAX_BYTES = env.int("RETURN_PHOTO_MAX_BYTES", default=5 * 1024 * 1024)
# CERTIFICATE_MAX_UPLOAD_MB (megabytes) is the older name, still read.
CERTIFICATE_MAX_BYTES = env.int(
    "CERTIFICATE_MAX_BYTES", default=env.int("CERTIFICATE_MAX_UPLOAD_MB", default=10) * 1024 * 1024
)
CMS_UPLOAD_MAX_BYTES = env.int("CMS_UPLOAD_MAX_BYTES", default=10 * 1024 * 1024)
SELLER_DRAFT_MAX_FILES = env.int("SELLER_DRAFT_MAX_FILES", default=6)
SELLER_DRAFT_MAX_BYTES = env.int("SELLER_DRAFT_MAX_BYTES", default=30 * 1024 * 1024)
SELLER_DRAFT_MAX_AGE_DAYS = env.int("SELLER_DRAFT_MAX_AGE_DAYS", default=2)
# An application filled in steps is kept this long after its last change (typed values only;
# its files follow SELLER_DRAFT_MAX_AGE_DAYS).
SELLER_APPLICATION_MAX_AGE_DAYS = env.int("SELLER_APPLICATION_MAX_AGE_DAYS", default=30)

# Files: local media by default; S3 (django-storages) when AWS_STORAGE_BUCKET_NAME is set.
MEDIA_ROOT = Path(env("MEDIA_ROOT", default=str(BASE_DIR / "media")))
MEDIA_URL = env("MEDIA_URL", default="/media/")
STATIC_ROOT = Path(env("STATIC_ROOT", default=str(BASE_DIR / "staticfiles")))
STATIC_URL = "/static/"
AWS_STORAGE_BUCKET_NAME = env("AWS_STORAGE_BUCKET_NAME", default="")
AWS_PRIVATE_BUCKET_NAME = env("AWS_PRIVATE_BUCKET_NAME", default="")
AWS_S3_ENDPOINT_URL = env("AWS_S3_ENDPOINT_URL", default=None)
AWS_S3_REGION_NAME = env("AWS_S3_REGION_NAME", default="eu-west-3")
AWS_S3_ADDRESSING_STYLE = env("AWS_S3_ADDRESSING_STYLE", default="auto")
AWS_S3_SIGNATURE_VERSION = "s3v4"
AWS_S3_FILE_OVERWRITE = False
AWS_QUERYSTRING_EXPIRE = env.int("AWS_QUERYSTRING_EXPIRE", default=300)
_static_storage = {
    "BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"
    if not DEBUG
    else "django.contrib.staticfiles.storage.StaticFilesStorage"
}
if AWS_STORAGE_BUCKET_NAME:
    # Refuses to start without a private bucket apart from the public one (marketplace/s3.py).
    STORAGES = {
        **s3_storages(
            bucket=AWS_STORAGE_BUCKET_NAME,
            private_bucket=AWS_PRIVATE_BUCKET_NAME,
            endpoint_url=AWS_S3_ENDPOINT_URL,
            region=AWS_S3_REGION_NAME,
            addressing_style=AWS_S3_ADDRESSING_STYLE,
            querystring_expire=AWS_QUERYSTRING_EXPIRE,
        ),
        "staticfiles": _static_storage,
    }
else:
    STORAGES = {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "private": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {
                "location": env("PRIVATE_MEDIA_ROOT", default=str(BASE_DIR / "private-media")),
                "base_url": None,
            },
        },
        "staticfiles": _static_storage,
    }
WHITENOISE_MAX_AGE = 31536000 if not DEBUG else 0
