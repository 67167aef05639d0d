"""The S3 storages (django-storages) settings build when ``AWS_STORAGE_BUCKET_NAME`` is set.

Media go to the public bucket; private documents (card scans, statutes, customs papers) to a
bucket of their own, reached only through short-lived presigned links. Sharing the public
bucket would put them one bucket policy or ACL away from a public URL, so it is refused.
"""

from django.core.exceptions import ImproperlyConfigured


def s3_storages(
    *,
    bucket,
    private_bucket,
    endpoint_url=None,
    region="eu-west-3",
    addressing_style="auto",
    querystring_expire=300,
):
    """``STORAGES`` entries ``default`` (public media) and ``private`` on S3."""
    if not private_bucket or private_bucket == bucket:
        raise ImproperlyConfigured(
            "S3 is on (AWS_STORAGE_BUCKET_NAME is set) but AWS_PRIVATE_BUCKET_NAME "
            f"{'is unset' if not private_bucket else 'names the same bucket'}: private "
            "documents need a bucket of their own, apart from the public media bucket "
            f"{bucket!r}. Set AWS_PRIVATE_BUCKET_NAME to a private bucket."
        )
    common = {
        "endpoint_url": endpoint_url,
        "region_name": region,
        "addressing_style": addressing_style,
        "signature_version": "s3v4",
        "file_overwrite": False,
    }
    return {
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                **common,
                "bucket_name": bucket,
                "querystring_auth": False,
                "default_acl": None,
            },
        },
        "private": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                **common,
                "bucket_name": private_bucket,
                "location": "private",
                "querystring_auth": True,
                "querystring_expire": querystring_expire,
                "default_acl": "private",
            },
        },
    }
