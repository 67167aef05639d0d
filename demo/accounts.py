"""Demo member accounts for the seller space (documented in the README).

Idempotent: an account is created once (its password set then), memberships are added if
missing. All demo accounts share ``DEMO_PASSWORD``.
"""

from django.contrib.auth import get_user_model

DEMO_PASSWORD = "maalem-demo-2026"

# email, slugs of the sellers the account belongs to
DEMO_MEMBERS = [
    ("seller@example.com", ["maalem-driss-tazi"]),
    ("coop@example.com", ["cooperative-tamounte"]),
    ("coop2@example.com", ["cooperative-tamounte"]),
    ("multi@example.com", ["maalem-driss-tazi", "cooperative-tamounte"]),
    ("pending@example.com", ["cooperative-tilila-ouarzazate"]),
]


def seed_member_accounts(sellers):
    """Give demo sellers member accounts; ``sellers`` is {slug: Partner}. Returns the users."""
    User = get_user_model()
    users = []
    for email, slugs in DEMO_MEMBERS:
        members_of = [sellers[slug] for slug in slugs if slug in sellers]
        if not members_of:
            continue
        user = User.objects.filter(email=email).first()
        if user is None:
            user = User.objects.create_user(username=email, email=email, password=DEMO_PASSWORD)
        for seller in members_of:
            seller.users.add(user)
        users.append(user)
    return users
