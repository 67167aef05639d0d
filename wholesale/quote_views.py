"""The buyer's quote pages: a draft of lines kept in the session (added from product pages),
the request form, and accepting or declining each seller's answer. Verified companies only."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import DetailView, FormView
from oscar.core.loading import get_model

from marketplace.core.forms import LocalizedIntegerField
from wholesale import reorders
from wholesale.access import verified_company
from wholesale.message_form import QuoteMessageForm
from wholesale.models import INCOTERMS, QuoteRequest, SellerQuote, WholesaleOffer
from wholesale.quote_messages import post_message
from wholesale.quotes import QuoteError, accept_quote, ask_quote, decline_quote, quotable_offers
from wholesale.views import BuyerMixin

StockRecord = get_model("partner", "StockRecord")
DRAFT_KEY = "wholesale:quote_draft"
# What the draft was made from when the buyer chose "Order again" (``reorder_views``): the past
# request, the past quantities that changed and the pieces left out.
REORDER_KEY = "wholesale:reorder"


class VerifiedBuyerMixin(BuyerMixin):
    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.company = verified_company(request.user)
        if self.company is None:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


def draft_of(request):
    """{stockrecord id (str): quantity}"""
    return dict(request.session.get(DRAFT_KEY, {}))


class AddToDraftView(VerifiedBuyerMixin, View):
    def post(self, request):
        offer = get_object_or_404(
            quotable_offers().select_related("stockrecord__product"),
            stockrecord_id=request.POST.get("stockrecord") or 0,
        )
        try:
            quantity = int(request.POST.get("quantity", ""))
        except ValueError:
            quantity = offer.minimum_quantity
        errors = offer.quantity_errors(quantity)
        if errors:
            for error in errors:
                messages.error(request, error)
            return redirect(offer.stockrecord.product.get_absolute_url())
        draft = draft_of(request)
        draft[str(offer.stockrecord_id)] = quantity
        request.session[DRAFT_KEY] = draft
        messages.success(request, _("Added to your quote request."))
        return redirect("wholesale:quote-new")


class QuoteRequestForm(forms.Form):
    destination = forms.ModelChoiceField(label=_("Deliver to"), queryset=None, empty_label=None)
    incoterm = forms.ChoiceField(label=_("Incoterm"), choices=INCOTERMS, initial="DAP")
    target_date = forms.DateField(
        label=_("Wanted by"), widget=forms.DateInput(attrs={"type": "date"})
    )
    note = forms.CharField(
        label=_("Note to the sellers"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, company, lines=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["destination"].queryset = company.locations.all()
        for record, quantity in lines:
            self.fields[quantity_field(record)] = LocalizedIntegerField(
                label=_("Quantity"),
                min_value=0,
                max_value=100000,
                required=False,
                initial=quantity,
            )

    def quantities(self, lines):
        """[(record, quantity)] as edited (an empty box keeps the draft's quantity)."""
        edited = []
        for record, quantity in lines:
            value = self.cleaned_data.get(quantity_field(record))
            edited.append((record, quantity if value is None else value))
        return edited


def quantity_field(record):
    return f"quantity_{record.pk}"


class QuoteRequestView(VerifiedBuyerMixin, FormView):
    template_name = "wholesale/quote_new.html"
    form_class = QuoteRequestForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "company": self.company, "lines": self.lines()}

    def reorder(self):
        return self.request.session.get(REORDER_KEY) or {}

    def get_initial(self):
        """A reorder starts from the past request's destination and Incoterm."""
        past = QuoteRequest.objects.filter(
            pk=self.reorder().get("from"), company=self.company
        ).first()
        if past is None:
            return super().get_initial()
        return {"destination": past.destination_id, "incoterm": past.incoterm}

    def lines(self):
        if not hasattr(self, "_lines"):
            draft = draft_of(self.request)
            records = StockRecord.objects.filter(pk__in=[int(pk) for pk in draft]).select_related(
                "product", "partner"
            )
            self._lines = [(record, draft[str(record.pk)]) for record in records]
        return self._lines

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = context["form"]
        was = self.reorder().get("was", {})
        offers = {
            offer.stockrecord_id: offer
            for offer in WholesaleOffer.objects.filter(
                stockrecord__in=[record for record, _quantity in self.lines()]
            ).prefetch_related("tiers")
        }
        context["lines"] = [
            {
                "record": record,
                "quantity": quantity,
                "field": form[quantity_field(record)],
                "was": was.get(str(record.pk)),
                "unit_price": offers[record.pk].unit_price(quantity)
                if record.pk in offers
                else None,
                "why": offers[record.pk].quantity_errors(was[str(record.pk)])
                if str(record.pk) in was and record.pk in offers
                else [],
            }
            for record, quantity in self.lines()
        ]
        left_out = self.reorder().get("left_out", [])
        titles = {
            record.pk: record
            for record in StockRecord.objects.filter(
                pk__in=[row[0] for row in left_out]
            ).select_related("product", "partner")
        }
        context["left_out"] = [
            {"record": titles.get(pk), "quantity": quantity, "reason": reorders.REASONS[code]}
            for pk, quantity, code in left_out
        ]
        context["reordering"] = bool(self.reorder())
        return context

    def form_valid(self, form):
        data = form.cleaned_data
        items = form.quantities(self.lines())
        self.request.session[DRAFT_KEY] = {
            str(record.pk): quantity for record, quantity in items if quantity
        }
        try:
            ask_quote(
                self.request.user,
                data["destination"],
                data["incoterm"],
                data["target_date"],
                [(record, quantity) for record, quantity in items if quantity],
                data["note"],
            )
        except QuoteError as error:
            form.add_error(None, str(error))
            return self.form_invalid(form)
        self.request.session.pop(DRAFT_KEY, None)
        self.request.session.pop(REORDER_KEY, None)
        messages.success(self.request, _("Your quote request is sent to the sellers."))
        return redirect("wholesale:company")


class QuoteDecisionView(VerifiedBuyerMixin, View):
    """POST accept or decline one seller's quote of the buyer's company."""

    def post(self, request, pk, action):
        quote = get_object_or_404(SellerQuote, pk=pk, request__company=self.company)
        try:
            (accept_quote if action == "accept" else decline_quote)(quote.pk, request.user)
        except QuoteError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("Your decision is recorded."))
        return redirect("wholesale:company")


class QuoteDetailView(VerifiedBuyerMixin, DetailView):
    """One seller's quote to the buyer's company: lines, answer, decision and the messages."""

    template_name = "wholesale/quote_detail.html"
    context_object_name = "quote"

    def get_queryset(self):
        return SellerQuote.objects.filter(request__company=self.company).select_related(
            "request__destination", "seller"
        )

    def get_context_data(self, **kwargs):
        quote = self.object
        return {
            **super().get_context_data(**kwargs),
            "lines": quote.lines.select_related("stockrecord__product"),
            "thread": quote.messages.select_related("author"),
            "message_form": kwargs.get("message_form") or QuoteMessageForm(),
        }


class QuoteMessageView(QuoteDetailView):
    """POST a message to the quote's seller; an empty or too long one re-shows the page."""

    http_method_names = ["post"]

    def post(self, request, pk):
        self.object = self.get_object()
        form = QuoteMessageForm(request.POST)
        if form.is_valid():
            try:
                post_message(self.object.pk, request.user, form.cleaned_data["body"])
            except QuoteError as error:
                form.add_error("body", str(error))
        if form.errors:
            context = self.get_context_data(message_form=form)
            return self.render_to_response(context, status=400)
        messages.success(request, _("Your message is sent to the seller."))
        return redirect("wholesale:quote", pk=self.object.pk)
