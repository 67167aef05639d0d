"""Text folding shared by indexing and querying: lower case, no accents, no Arabic diacritics."""

import unicodedata


def fold(text):
    decomposed = unicodedata.normalize("NFKD", text or "")
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.lower().split())
