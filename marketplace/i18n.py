"""Language choice for visitors who arrive without a language prefix."""

from django.http import HttpResponseRedirect
from django.utils import translation


def redirect_to_language(request):
    """Send ``/`` to ``/<lang>/`` using the language cookie, then Accept-Language, then English."""
    language = translation.get_language_from_request(request, check_path=False)
    response = HttpResponseRedirect(f"/{language}/")
    response["Vary"] = "Accept-Language, Cookie"
    return response
