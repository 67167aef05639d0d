"""A bare Django view that reads the database: the benchmark's baseline.

Mounted only when ``BENCH_ENDPOINTS`` is true, so production never serves it.
"""

from django.http import JsonResponse
from oscar.core.loading import get_model


def bare(request):
    Region = get_model("catalogue", "Region")
    region = Region.objects.only("code").order_by("pk").first()
    return JsonResponse({"region": region.code if region else None})
