"""Seller space URLs, mounted under /<lang>/my-shop/ (namespace ``seller_space``)."""

from django.urls import path, re_path

from sellers.space.views import (
    cartons,
    disputes,
    home,
    imports,
    listings,
    orders,
    payouts,
    photos,
    profile,
    quotes,
    returns,
    wholesale,
)

app_name = "seller_space"

urlpatterns = [
    path("", home.HomeView.as_view(), name="home"),
    path("choose/", home.ChooseSellerView.as_view(), name="choose"),
    path("profile/", profile.ProfileView.as_view(), name="profile"),
    path("listings/", listings.ListingListView.as_view(), name="listings"),
    path("listings/new/", listings.ListingCreateView.as_view(), name="listing-create"),
    path("listings/<int:pk>/", listings.ListingUpdateView.as_view(), name="listing-edit"),
    path("listings/<int:pk>/photos/", photos.PhotoListView.as_view(), name="photos"),
    path("listings/<int:pk>/wholesale/", wholesale.WholesaleOfferView.as_view(), name="wholesale"),
    re_path(
        r"^listings/(?P<pk>\d+)/photos/(?P<photo_pk>\d+)/(?P<action>up|down|main|delete)/$",
        photos.PhotoActionView.as_view(),
        name="photo-action",
    ),
    path("listings/import/", imports.ImportView.as_view(), name="import"),
    path("listings/import/<int:pk>/", imports.ImportJobView.as_view(), name="import-job"),
    path(
        "listings/import/<int:pk>/status.json",
        imports.ImportStatusView.as_view(),
        name="import-status",
    ),
    path(
        "listings/import/template.csv",
        imports.ImportTemplateView.as_view(),
        name="import-template",
    ),
    path("quotes/", quotes.QuoteListView.as_view(), name="quotes"),
    path("quotes/<int:pk>/", quotes.QuoteAnswerView.as_view(), name="quote"),
    path("quotes/<int:pk>/message/", quotes.QuoteMessageView.as_view(), name="quote-message"),
    path("wholesale-orders/", cartons.WholesaleOrderListView.as_view(), name="wholesale-orders"),
    path(
        "wholesale-orders/<int:pk>/cartons/",
        cartons.CartonsView.as_view(),
        name="wholesale-cartons",
    ),
    path(
        "wholesale-orders/<int:pk>/freight/",
        cartons.FreightQuoteView.as_view(),
        name="wholesale-freight",
    ),
    path(
        "wholesale-orders/<int:pk>/cartons/<int:carton_pk>/delete/",
        cartons.CartonDeleteView.as_view(),
        name="wholesale-carton-delete",
    ),
    path("orders/", orders.OrderListView.as_view(), name="orders"),
    path("orders/<str:number>/", orders.OrderDetailView.as_view(), name="order"),
    path("orders/<str:number>/status/", orders.OrderStatusView.as_view(), name="order-status"),
    path("disputes/", disputes.DisputeListView.as_view(), name="disputes"),
    path("disputes/<int:pk>/", disputes.DisputeDetailView.as_view(), name="dispute"),
    path("returns/", returns.ReturnListView.as_view(), name="returns"),
    path("returns/policy/", returns.ReturnPolicyView.as_view(), name="return-policy"),
    path("returns/<int:pk>/", returns.ReturnDetailView.as_view(), name="return"),
    path("payouts/", payouts.PayoutView.as_view(), name="payouts"),
    path("payouts/statement.csv", payouts.StatementView.as_view(), name="statement"),
    path("payouts/statement.pdf", payouts.MonthlyStatementView.as_view(), name="statement-pdf"),
]
