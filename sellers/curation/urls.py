from django.urls import path

from sellers.curation import views

app_name = "curation"

urlpatterns = [
    path("", views.QueueView.as_view(), name="queue"),
    path("<int:pk>/", views.ReviewView.as_view(), name="review"),
]
