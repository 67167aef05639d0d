"""The seller's public profile: its name in both scripts, its story, its contact."""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView

from sellers.space.access import SellerSpaceMixin
from sellers.space.forms import ProfileForm


class ProfileView(SellerSpaceMixin, FormView):
    template_name = "seller_space/profile.html"
    form_class = ProfileForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.seller}

    def form_valid(self, form):
        form.save()
        messages.success(self.request, _("Your profile is saved."))
        return redirect("seller_space:profile")
