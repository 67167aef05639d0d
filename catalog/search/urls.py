from django.urls import path

from catalog.search.views import SearchView

urlpatterns = [path("", SearchView.as_view(), name="search")]
