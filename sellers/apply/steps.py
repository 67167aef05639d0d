"""The application in steps: the kind first, then only that branch's fields, a few at a time.

Every field of ``ApplicationForm`` is on exactly one step for each branch (checked in
``tests/sellers/test_application_steps.py``); the last step shows everything and sends it.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from sellers.apply.forms import ARTISAN_FIELDS, ARTISAN_KINDS, COOPERATIVE_FIELDS


@dataclass(frozen=True)
class Step:
    slug: str
    title: str
    common: tuple = ()
    artisan: tuple = ()
    cooperative: tuple = ()

    def fields(self, kind):
        """This step's fields for an applicant of ``kind``."""
        return self.common + (self.artisan if kind in ARTISAN_KINDS else self.cooperative)


KIND = "kind"
REVIEW = "review"

STEPS = (
    Step(KIND, _("Artisan or cooperative"), ("kind",)),
    Step(
        "who",
        _("Who you are"),
        (
            "name_latin",
            "name_arabic",
            "legal_name",
            "contact_phone",
            "contact_email",
            "preferred_language",
            "languages_spoken",
        ),
    ),
    Step(
        "workshop",
        _("Your craft and workshop"),
        ("region", "city", "craft_branches", "story", "photo"),
    ),
    Step("papers", _("Your papers"), artisan=ARTISAN_FIELDS, cooperative=COOPERATIVE_FIELDS),
    Step("bank", _("Payouts"), ("bank_name", "rib")),
    Step(REVIEW, _("Check and send")),
)
BY_SLUG = {step.slug: step for step in STEPS}


def number(step):
    return STEPS.index(step) + 1


def previous(step):
    index = STEPS.index(step)
    return STEPS[index - 1] if index else None


def following(step):
    index = STEPS.index(step)
    return STEPS[index + 1] if index + 1 < len(STEPS) else None


def step_of(name, kind):
    """The step that asks for field ``name`` (the review step for errors of the whole form)."""
    for step in STEPS:
        if name in step.fields(kind):
            return step
    return BY_SLUG[REVIEW]
