"""Template context every storefront page needs: languages and text direction."""

from django.conf import settings
from django.utils import translation


def storefront(request):
    return {
        "LANGUAGE_BIDI": translation.get_language_bidi(),
        "storefront_languages": [
            {"code": code, "name": translation.get_language_info(code)["name_local"]}
            for code, _name in settings.LANGUAGES
        ],
    }
