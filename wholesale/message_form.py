"""The one form for a message on a quote (buyer's page and seller space)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from wholesale.models import QuoteMessage


class QuoteMessageForm(forms.Form):
    body = forms.CharField(
        label=_("Your message"),
        max_length=QuoteMessage.MAX_LENGTH,
        strip=True,
        widget=forms.Textarea(attrs={"rows": 4, "maxlength": QuoteMessage.MAX_LENGTH}),
    )
