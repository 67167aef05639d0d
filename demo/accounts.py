"""Demo logins, one per role, listed in the README and printed by seed_demo.

Idempotent: an account is created once (its password set then); memberships, groups and
permissions are added if missing. All demo logins share ``DEMO_PASSWORD``, which is why
seed_demo refuses to run without DEBUG.
"""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission

from marketplace.cms.workflow import CURATORS, ensure_editorial_workflow

DEMO_PASSWORD = "maalem-demo-2026"
# Apps whose every permission the operator holds: Oscar's dashboard asks only for staff; the
# shipping tables, payouts (runs, disputes, monthly totals) and destination rules ask for their
# app's permissions.
OPERATOR_APPS = ("shipping", "payouts", "payments", "compliance")


@dataclass(frozen=True)
class Login:
    email: str
    role: str
    starts_at: str
    name: tuple = ("", "")


BUYER = Login(
    email="buyer@example.com",
    role="buyer (order DEMO-1003)",
    starts_at="/en/accounts/",
    name=("Julien", "Tremblay"),
)
CURATOR = Login(
    email="curator@example.com",
    role="curator (Curators group)",
    starts_at="/en/curation/sellers/, /cms/",
    name=("Nadia", "Alami"),
)
SHOP = Login(
    email="shop@example.com",
    role="business buyer (Concept Store Paris, verified company)",
    starts_at="/en/wholesale/company/",
    name=("Camille", "Martin"),
)
OPERATOR = Login(
    email="operator@example.com",
    role="operator (staff, dashboard)",
    starts_at="/dashboard/",
    name=("Youssef", "Bennani"),
)

# email, slugs of the sellers the account belongs to, role
DEMO_MEMBERS = [
    ("seller@example.com", ["maalem-driss-tazi"], "artisan (Maâlem Driss Tazi)"),
    ("coop@example.com", ["cooperative-tamounte"], "cooperative member (Coopérative Tamounte)"),
    ("coop2@example.com", ["cooperative-tamounte"], "cooperative member (Coopérative Tamounte)"),
    (
        "multi@example.com",
        ["maalem-driss-tazi", "cooperative-tamounte"],
        "member of both sellers (picks one)",
    ),
    (
        "pending@example.com",
        ["cooperative-tilila-ouarzazate"],
        "pending cooperative (Coopérative Tilila)",
    ),
]
LOGINS = [
    BUYER,
    *(Login(email, role, "/en/my-shop/") for email, _slugs, role in DEMO_MEMBERS),
    SHOP,
    CURATOR,
    OPERATOR,
]


def account(email, name=("", "")):
    """The user with ``email``; created with the demo password when missing."""
    User = get_user_model()
    user = User.objects.filter(email=email).first()
    if user is None:
        first_name, last_name = name
        user = User.objects.create_user(
            username=email,
            email=email,
            password=DEMO_PASSWORD,
            first_name=first_name,
            last_name=last_name,
        )
    return user


def seed_member_accounts(sellers):
    """Give demo sellers member accounts; ``sellers`` is {slug: Partner}. Returns the users."""
    users = []
    for email, slugs, _role in DEMO_MEMBERS:
        members_of = [sellers[slug] for slug in slugs if slug in sellers]
        if not members_of:
            continue
        user = account(email)
        for seller in members_of:
            seller.users.add(user)
        users.append(user)
    return users


def seed_curator():
    """A member of the Curators group: verifies sellers and writes CMS drafts."""
    ensure_editorial_workflow()
    user = account(CURATOR.email, CURATOR.name)
    user.groups.add(Group.objects.get(name=CURATORS))
    return user


def seed_operator():
    """A staff member (Oscar's dashboard) holding the permissions of ``OPERATOR_APPS``."""
    user = account(OPERATOR.email, OPERATOR.name)
    if not user.is_staff:
        user.is_staff = True
        user.save(update_fields=["is_staff"])
    user.user_permissions.add(*Permission.objects.filter(content_type__app_label__in=OPERATOR_APPS))
    return user


def seed_logins(sellers):
    """Every demo login of ``LOGINS``; ``sellers`` is {slug: Partner}. Returns the users."""
    buyer = account(BUYER.email, BUYER.name)
    shop = account(SHOP.email, SHOP.name)
    return [buyer, shop, *seed_member_accounts(sellers), seed_curator(), seed_operator()]


def login_table():
    """The demo logins as aligned text lines: email, role, password, where the role starts."""
    rows = [("login", "role", "password", "starts at")]
    rows += [(login.email, login.role, DEMO_PASSWORD, login.starts_at) for login in LOGINS]
    widths = [max(len(cell) for cell in column) for column in zip(*rows, strict=True)]
    return [
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        for row in rows
    ]
