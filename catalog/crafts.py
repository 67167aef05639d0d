"""Which materials and techniques go with each craft (``Category.materials``, ``techniques``).

A branch without a list of its own takes its nearest ancestor's; a craft with no list anywhere
up its tree offers the whole vocabulary (``None``). Staff edit the lists in the admin.
"""

from oscar.core.loading import get_model

VOCABULARIES = ("materials", "techniques")


def offered_by_craft():
    """{craft id: {"materials": set of ids or None, "techniques": ...}} for every craft."""
    Category = get_model("catalogue", "Category")
    paths = dict(Category.objects.values_list("pk", "path"))
    by_path = {path: pk for pk, path in paths.items()}
    own = {}
    for name in VOCABULARIES:
        through = getattr(Category, name).through
        column = f"{name[:-1]}_id"
        lists = {}
        for craft_id, item_id in through.objects.values_list("category_id", column):
            lists.setdefault(craft_id, set()).add(item_id)
        own[name] = lists
    steplen = Category.steplen
    offered = {}
    for pk, path in paths.items():
        lineage = [by_path.get(path[:end]) for end in range(len(path), 0, -steplen)]
        offered[pk] = {
            name: next((own[name][node] for node in lineage if node in own[name]), None)
            for name in VOCABULARIES
        }
    return offered
