"""An order paid at localstripe (two pieces of one tagine maker, a guest buyer paying in EUR),
its parcel delivered by the carrier's tracking."""

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone
from oscar.test.factories import UserFactory

from tests.factories.catalogue import SellerFactory
from tests.factories.checkout import paid_order
from tests.factories.returns import deliver


@pytest.fixture
def seller_user():
    return UserFactory(email="atelier@example.com")


@pytest.fixture
def seller(seller_user):
    seller = SellerFactory(name="Poterie de Safi", city="Safi", preferred_language="fr")
    seller.users.add(seller_user)
    return seller


@pytest.fixture
def order(eur_buyer, stripe_api, seller):
    order = paid_order(eur_buyer, prices=("1000.00", "333.33"), sellers=[seller, seller])
    deliver(order, timezone.now())
    return order


@pytest.fixture
def curator():
    user = UserFactory(email="curator@example.com")
    user.groups.add(Group.objects.get_or_create(name="Curators")[0])
    user.is_staff = True
    user.save()
    return user
