"""CSV import of listings, and its template."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect
from django.utils.translation import ngettext
from django.views import View
from django.views.generic import FormView
from oscar.core.loading import get_model

from sellers.space.access import SellerSpaceMixin
from sellers.space.csv_import import COLUMNS, MULTI_SEPARATOR, import_listings, template_csv
from sellers.space.forms import CsvUploadForm

Category = get_model("catalogue", "Category")
Region = get_model("catalogue", "Region")
Material = get_model("catalogue", "Material")
Technique = get_model("catalogue", "Technique")


class ImportView(SellerSpaceMixin, FormView):
    template_name = "seller_space/import.html"
    form_class = CsvUploadForm

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            columns=COLUMNS,
            separator=MULTI_SEPARATOR,
            crafts=Category.objects.exclude(code=None).exclude(code="").order_by("path"),
            regions=Region.objects.all(),
            materials=Material.objects.all(),
            techniques=Technique.objects.all(),
        )
        return context

    def form_valid(self, form):
        result = import_listings(self.seller, form.cleaned_data["file"])
        if not result.ok:
            errors = sorted(result.errors, key=lambda error: error.row)
            return self.render_to_response(
                self.get_context_data(form=form, errors=errors), status=400
            )
        count = len(result.created)
        messages.success(
            self.request,
            ngettext("%(count)s listing imported.", "%(count)s listings imported.", count)
            % {"count": count},
        )
        return redirect("seller_space:listings")


class ImportTemplateView(SellerSpaceMixin, View):
    def get(self, request, *args, **kwargs):
        response = HttpResponse(template_csv(self.seller), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="listings-template.csv"'
        return response
