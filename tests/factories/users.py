"""Accounts: buyers, seller members, curators (one UserFactory for every test)."""

import factory
from django.contrib.auth.models import Group
from factory.django import DjangoModelFactory

PASSWORD = "pass-word-123"


class UserFactory(DjangoModelFactory):
    """An active account that logs in with ``PASSWORD``."""

    class Meta:
        model = "auth.User"
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.Sequence(lambda n: f"user{n}@example.com")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @classmethod
    def _after_postgeneration(cls, instance, create, results=None):
        if create and results:
            instance.save(update_fields=["password"])


def member_of(*sellers):
    """A user account belonging to every seller given."""
    user = UserFactory()
    for seller in sellers:
        seller.users.add(user)
    return user


def curator():
    """A member of the Curators group (not staff)."""
    user = UserFactory()
    user.groups.add(Group.objects.get(name="Curators"))
    return user
