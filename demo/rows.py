"""Idempotent rows: created when missing, saved only when a value differs.

A second seed run therefore writes nothing (and fires no search reindexing).
"""

# The order of every translated tuple of the demo data.
LANGS = ("en", "fr", "ar", "es")


def translated(field, texts):
    """Field values for every language, plus the base field (English)."""
    values = {field: texts[0]}
    values.update({f"{field}_{lang}": text for lang, text in zip(LANGS, texts, strict=True)})
    return values


def update_changed(instance, fields):
    """Set and save only the fields whose value differs; return the instance."""
    changed = [name for name, value in fields.items() if getattr(instance, name) != value]
    if changed:
        for name in changed:
            setattr(instance, name, fields[name])
        instance.save(update_fields=changed)
    return instance


def upsert(model, lookup, fields, create_only=None):
    """Create the row found by ``lookup`` with ``fields`` (and ``create_only``), or update it."""
    instance = model.objects.filter(**lookup).first()
    if instance is None:
        return model.objects.create(**lookup, **fields, **(create_only or {}))
    return update_changed(instance, fields)
