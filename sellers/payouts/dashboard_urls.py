"""Staff payout pages, mounted at /dashboard/payouts/ (namespace ``payouts-dashboard``)."""

from django.urls import path

from sellers.payouts import dashboard, operator

app_name = "payouts-dashboard"
urlpatterns = [
    path("", dashboard.run_list, name="runs"),
    path("<int:pk>/", dashboard.run_detail, name="run"),
    path("<int:pk>/batch.csv", dashboard.run_csv, name="run-csv"),
    path("<int:pk>/pain001.xml", dashboard.run_pain001, name="run-pain001"),
    path("<int:pk>/paid/", dashboard.run_mark_paid, name="run-paid"),
    path("disputes/", operator.dispute_list, name="disputes"),
    path("totals/", operator.monthly_totals, name="totals"),
]
