"""Storefront pages under /<lang>/wholesale/ (namespace ``wholesale``), the staff review under
/dashboard/wholesale/companies/ (``dashboard_urlpatterns``) and the transfers to confirm under
/dashboard/wholesale/payments/ (``payments_dashboard_urlpatterns``)."""

from django.urls import path, re_path

from wholesale import order_views, quote_views, views, views_freight

app_name = "wholesale"

urlpatterns = [
    path("register/", views.RegisterView.as_view(), name="register"),
    path("company/", views.CompanyView.as_view(), name="company"),
    path("quotes/add/", quote_views.AddToDraftView.as_view(), name="quote-add"),
    path("quotes/new/", quote_views.QuoteRequestView.as_view(), name="quote-new"),
    path("quotes/<int:pk>/", quote_views.QuoteDetailView.as_view(), name="quote"),
    path("quotes/<int:pk>/message/", quote_views.QuoteMessageView.as_view(), name="quote-message"),
    path("requests/<int:pk>/order/", order_views.PlaceOrderView.as_view(), name="order-place"),
    path("orders/<int:pk>/", order_views.OrderDetailView.as_view(), name="order"),
    path("orders/<int:pk>/proforma.pdf", order_views.ProformaView.as_view(), name="proforma"),
    path(
        "orders/<int:pk>/freight/packing-list.pdf",
        views_freight.PackingListView.as_view(),
        name="packing-list",
    ),
    path(
        "orders/<int:pk>/freight/invoice/<int:seller_pk>.pdf",
        views_freight.InvoiceView.as_view(),
        name="freight-invoice",
    ),
    path(
        "orders/<int:pk>/freight/declaration/",
        views_freight.DeclarationView.as_view(),
        name="declaration",
    ),
    path(
        "orders/<int:pk>/freight/declaration.csv",
        views_freight.DeclarationView.as_view(csv=True),
        name="declaration-csv",
    ),
    re_path(
        r"^quotes/(?P<pk>\d+)/(?P<action>accept|decline)/$",
        quote_views.QuoteDecisionView.as_view(),
        name="quote-decision",
    ),
]

dashboard_urlpatterns = [
    path("", views.ReviewQueueView.as_view(), name="wholesale-dashboard-queue"),
    path("<int:pk>/", views.ReviewView.as_view(), name="wholesale-dashboard-review"),
]

payments_dashboard_urlpatterns = [
    path("", order_views.PaymentQueueView.as_view(), name="wholesale-dashboard-payments"),
    path(
        "<int:pk>/confirm/",
        order_views.ConfirmPaymentView.as_view(),
        name="wholesale-dashboard-payment-confirm",
    ),
]

freight_dashboard_urlpatterns = [
    path("", views_freight.FreightQueueView.as_view(), name="wholesale-dashboard-freight"),
    path(
        "<int:pk>/",
        views_freight.FreightOrderView.as_view(),
        name="wholesale-dashboard-freight-order",
    ),
]
