from django.urls import path

from sellers.curation import returns, views

app_name = "curation"

urlpatterns = [
    path("", views.WorkQueueView.as_view(), name="todo"),
    path("sellers/", views.QueueView.as_view(), name="queue"),
    path("sellers/<int:pk>/", views.ReviewView.as_view(), name="review"),
    path("returns/", returns.ReturnQueueView.as_view(), name="returns"),
    path("returns/<int:pk>/", returns.ReturnDecisionView.as_view(), name="return"),
]
