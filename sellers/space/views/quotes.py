"""Quotes asked of the seller: the list, and answering one (a price per line, the lead time
and how long the prices hold). The states are wholesale.quotes'."""

from decimal import Decimal

from django import forms
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, ListView

from marketplace.core.forms import LocalizedDecimalField, LocalizedIntegerField
from sellers.space.access import SellerSpaceMixin
from wholesale.message_form import QuoteMessageForm
from wholesale.models import SellerQuote
from wholesale.quote_messages import post_message
from wholesale.quotes import QuoteError, answer_quote, default_validity, suggested_price


class QuoteListView(SellerSpaceMixin, ListView):
    template_name = "seller_space/quote_list.html"
    context_object_name = "quotes"
    paginate_by = 50

    def get_queryset(self):
        return (
            SellerQuote.objects.filter(seller=self.seller)
            .select_related("request__company", "request__destination")
            .prefetch_related("lines__stockrecord__product")
            .order_by("-pk")
        )


class AnswerForm(forms.Form):
    lead_time_days = LocalizedIntegerField(
        label=_("Production lead time (days)"), min_value=0, max_value=365
    )
    valid_until = forms.DateField(
        label=_("Prices valid until"), widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args, lines, **kwargs):
        super().__init__(*args, **kwargs)
        self.lines = lines
        for line in lines:
            self.fields[f"price_{line.pk}"] = LocalizedDecimalField(
                label=_("Unit price (MAD)"),
                max_digits=10,
                decimal_places=2,
                min_value=Decimal("0.01"),
            )
            self.initial.setdefault(f"price_{line.pk}", suggested_price(line))
        self.initial.setdefault("valid_until", default_validity())

    @property
    def line_fields(self):
        return [(line, self[f"price_{line.pk}"]) for line in self.lines]


class QuoteAnswerView(SellerSpaceMixin, FormView):
    template_name = "seller_space/quote_answer.html"
    form_class = AnswerForm

    def get_form_kwargs(self):
        self.quote = get_object_or_404(
            SellerQuote.objects.select_related("request__company", "request__destination"),
            pk=self.kwargs["pk"],
            seller=self.seller,
        )
        lines = list(self.quote.lines.select_related("stockrecord__product"))
        return {**super().get_form_kwargs(), "lines": lines}

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "quote": self.quote,
            "thread": self.quote.messages.select_related("author"),
            "message_form": kwargs.get("message_form") or QuoteMessageForm(),
        }

    def form_valid(self, form):
        data = form.cleaned_data
        prices = {line.pk: data[f"price_{line.pk}"] for line in form.lines}
        try:
            answer_quote(
                self.quote.pk, self.seller, prices, data["lead_time_days"], data["valid_until"]
            )
        except QuoteError as error:
            form.add_error(None, str(error))
            return self.form_invalid(form)
        messages.success(self.request, _("Your answer is sent to the buyer."))
        return redirect("seller_space:quotes")


class QuoteMessageView(QuoteAnswerView):
    """POST a message to the buyer's company; an empty or too long one re-shows the page."""

    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        form_kwargs = self.get_form_kwargs()
        message_form = QuoteMessageForm(request.POST)
        if message_form.is_valid():
            try:
                post_message(
                    self.quote.pk, request.user, message_form.cleaned_data["body"], self.seller
                )
            except QuoteError as error:
                message_form.add_error("body", str(error))
        if message_form.errors:
            form = self.form_class(lines=form_kwargs["lines"], initial=self.get_initial())
            context = self.get_context_data(form=form, message_form=message_form)
            return self.render_to_response(context, status=400)
        messages.success(request, _("Your message is sent to the buyer."))
        return redirect("seller_space:quote", pk=self.quote.pk)
