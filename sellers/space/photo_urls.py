"""Photos given by address in a CSV row's ``photo_urls`` column, fetched by the import task.

Only the task fetches, never the page. Each address must use an allowed scheme
(``SELLER_IMPORT_URL_SCHEMES``: https), and its host must resolve to public addresses only: the
connection goes to the address checked, so a name cannot point the marketplace at its own
network (loopback, private, link-local) in between. Tests serve photos from 127.0.0.1 with
``SELLER_IMPORT_URL_ALLOW_PRIVATE``. No redirect is followed; the whole download has
``SELLER_IMPORT_URL_TIMEOUT`` seconds and reads at most one byte over the photo size limit;
what arrives goes through ``marketplace.core.uploads.SELLER_PHOTO`` like a photo from the form.
"""

import http.client
import ipaddress
import socket
import ssl
import time
from urllib.parse import urlsplit, urlunsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from marketplace.core import uploads
from sellers.space.photo_limit import too_many_photos_message

SEPARATOR = "|"
CHUNK = 64 * 1024


def addresses(cell):
    return [part.strip() for part in cell.split(SEPARATOR) if part.strip()]


def fetch_all(urls):
    """(url, checked ContentFile or the ValidationError) for each address."""
    results = []
    for url in urls[: settings.SELLER_PHOTOS_PER_LISTING]:
        try:
            results.append((url, fetch(url)))
        except ValidationError as error:
            results.append((url, error))
    for url in urls[settings.SELLER_PHOTOS_PER_LISTING :]:
        error = ValidationError(too_many_photos_message())
        results.append((url, error))
    return results


def public_address(host, port):
    """The address to connect to, once every address of ``host`` is checked."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError):
        raise ValidationError(_("This address cannot be found."), code="url_host") from None
    found = [ipaddress.ip_address(info[4][0].split("%")[0]) for info in infos]
    if not settings.SELLER_IMPORT_URL_ALLOW_PRIVATE and not all(ip.is_global for ip in found):
        raise ValidationError(
            _("This address is not on the public internet: it is refused."), code="url_private"
        )
    return str(found[0])


def fetch(url):
    """The photo at ``url``, checked; ValidationError with the reason otherwise."""
    parts = urlsplit(url)
    if parts.scheme not in settings.SELLER_IMPORT_URL_SCHEMES or not parts.hostname:
        raise ValidationError(
            _("Give a photo's address starting with https://."), code="url_scheme"
        )
    secure = parts.scheme == "https"
    try:
        port = parts.port or (443 if secure else 80)
    except ValueError:
        raise ValidationError(_("This address cannot be found."), code="url_host") from None
    address = public_address(parts.hostname, port)
    try:
        data = download(parts, address, port, secure)
    except (OSError, http.client.HTTPException):
        raise ValidationError(
            _("The photo could not be downloaded from this address."), code="url_failed"
        ) from None
    name = parts.path.rsplit("/", 1)[-1] or "photo"
    return uploads.SELLER_PHOTO.clean(ContentFile(data, name=name))


def download(parts, address, port, secure):
    timeout, limit = settings.SELLER_IMPORT_URL_TIMEOUT, settings.SELLER_PHOTO_MAX_BYTES
    deadline = time.monotonic() + timeout
    sock = socket.create_connection((address, port), timeout=timeout)
    if secure:
        sock = ssl.create_default_context().wrap_socket(sock, server_hostname=parts.hostname)
    connection = http.client.HTTPConnection(parts.hostname, port, timeout=timeout)
    connection.sock = sock
    try:
        path = urlunsplit(("", "", parts.path or "/", parts.query, ""))
        connection.request("GET", path, headers={"Accept": "image/jpeg,image/png,image/webp"})
        response = connection.getresponse()
        if response.status != 200:
            raise ValidationError(
                _("The address answered %(status)s instead of a photo."),
                code="url_status",
                params={"status": response.status},
            )
        too_big = ValidationError(
            _("This photo is over the limit of %(limit)s."),
            code="file_size",
            params={"limit": filesizeformat(limit)},
        )
        if int(response.getheader("Content-Length") or 0) > limit:
            raise too_big
        data = bytearray()
        while chunk := response.read1(CHUNK):
            data += chunk
            if len(data) > limit:
                raise too_big
            if time.monotonic() > deadline:
                raise ValidationError(_("The photo took too long to download."), code="url_timeout")
        return bytes(data)
    finally:
        connection.close()
