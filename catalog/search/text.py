"""Text folding shared by indexing and querying: lower case, no accents, no Arabic diacritics."""

import unicodedata


def fold(text):
    decomposed = unicodedata.normalize("NFKD", text or "")
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.lower().split())


def clean_query(text):
    """Typed search text without control characters (NUL, escapes, DEL, C1), which PostgreSQL
    refuses or no document holds: each becomes a space; spaces are collapsed."""
    spaced = "".join(" " if unicodedata.category(ch) == "Cc" else ch for ch in text or "")
    return " ".join(spaced.split())
