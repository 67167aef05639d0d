"""The buyer's return pages, mounted under /<lang>/returns/ (namespace ``returns``); a guest's
carry the order's verification hash."""

from django.urls import path

from sellers.returns import views

app_name = "returns"

urlpatterns = [
    path("order/<str:number>/new/", views.new, name="new"),
    path("order/<str:number>/<str:hash>/new/", views.new, name="guest-new"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/<str:hash>/", views.detail, name="guest-detail"),
    path("<int:pk>/customs-paper.pdf", views.paper, name="paper"),
    path("<int:pk>/<str:hash>/customs-paper.pdf", views.paper, name="guest-paper"),
    path("<int:pk>/photos/<int:photo_pk>/", views.photo, name="photo"),
    path("<int:pk>/<str:hash>/photos/<int:photo_pk>/", views.photo, name="guest-photo"),
]
