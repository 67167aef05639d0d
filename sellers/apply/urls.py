from django.urls import path

from sellers.apply import views

app_name = "sell"

urlpatterns = [
    path("", views.SellHomeView.as_view(), name="home"),
    path("apply/", views.ApplyView.as_view(), name="apply"),
    path("apply/<slug:step>/", views.StepView.as_view(), name="apply-step"),
    path("<int:pk>/", views.StatusView.as_view(), name="status"),
    path("<int:pk>/answer/", views.ResubmitView.as_view(), name="resubmit"),
    path("<int:pk>/documents/<slug:name>/", views.DocumentView.as_view(), name="document"),
]
