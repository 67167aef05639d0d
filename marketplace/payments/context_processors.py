from django.conf import settings


def payments(request):
    return {"stripe_test_mode": settings.STRIPE_TEST_MODE}
