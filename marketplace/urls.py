"""URLs: language-prefixed storefront and CMS; dashboard, CMS admin and health unprefixed.

Order matters: Oscar's storefront sits under ``/<lang>/`` before Wagtail's catch-all, so the
CMS serves ``/<lang>/`` and its own pages while Oscar keeps catalogue, basket, checkout,
accounts and search.
"""

from django.apps import apps
from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from compliance import dashboard as compliance_dashboard
from marketplace import bench, health, i18n, media
from marketplace.cms import seo
from marketplace.cms import views as cms_views
from marketplace.payments import urls as payments_urls
from shipping import dashboard as shipping_dashboard
from shipping import dashboard_tables as shipping_dashboard_tables
from wholesale import urls as wholesale_urls

urlpatterns = [
    path("", i18n.redirect_to_language, name="root"),
    path("health/", health.health, name="health"),
    path("robots.txt", seo.robots_txt, name="robots"),
    path("sitemap.xml", seo.sitemap_index, name="sitemap"),
    path("sitemap-<slug:section>.xml", seo.sitemap_section, name="sitemap_section"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("django-admin/", admin.site.urls),
    path("cms/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("dashboard/shipping-rates/", shipping_dashboard.rates, name="shipping-dashboard-rates"),
    path("dashboard/shipping-tables/", include(shipping_dashboard_tables.urlpatterns)),
    path("dashboard/rules/", include(compliance_dashboard.urlpatterns)),
    path("currency/", include("marketplace.currency.urls")),
    path("payments/", include("marketplace.payments.urls")),
    path("tracking/", include("sellers.fulfilment.tracking.urls")),
    path("dashboard/payouts/", include("sellers.payouts.dashboard_urls")),
    path(
        "dashboard/payments/", include((payments_urls.dashboard_urlpatterns, "payments-dashboard"))
    ),
    path("dashboard/wholesale/companies/", include(wholesale_urls.dashboard_urlpatterns)),
    path("dashboard/wholesale/payments/", include(wholesale_urls.payments_dashboard_urlpatterns)),
    path("dashboard/wholesale/freight/", include(wholesale_urls.freight_dashboard_urlpatterns)),
    path("dashboard/", apps.get_app_config("dashboard").urls),
]

if settings.BENCH_ENDPOINTS:
    urlpatterns += [path("bench/bare/", bench.bare, name="bench-bare")]

if not settings.AWS_STORAGE_BUCKET_NAME:
    urlpatterns += [path(f"{settings.MEDIA_URL.strip('/')}/<path:path>", media.serve_media)]

urlpatterns += i18n_patterns(
    path("sell/", include("sellers.apply.urls")),
    path("curation/", include("sellers.curation.urls")),
    path("my-shop/", include("sellers.space.urls")),
    path("shipping/", include("shipping.urls")),
    path("shipping/", include("sellers.fulfilment.urls")),
    path("certificates/", include("compliance.certificates.urls")),
    path("wholesale/", include("wholesale.urls")),
    path("returns/", include("sellers.returns.urls")),
    path("", include(apps.get_app_config("oscar").urls[0])),
    re_path(r"^((?:[\w\-]+/)*)$", cms_views.serve, name="cms_page"),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
