"""CSV import of listings: the upload, its job page (progress, then the report), its template."""

from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import get_language
from django.views import View
from django.views.generic import DetailView, FormView
from oscar.core.loading import get_model

from sellers.space.access import SellerSpaceMixin
from sellers.space.csv_import import (
    COLUMNS,
    MULTI_SEPARATOR,
    ImportResult,
    decode,
    read_rows,
    template_csv,
)
from sellers.space.forms import CsvUploadForm
from sellers.space.models import ImportJob
from sellers.space.tasks import start_import

Category = get_model("catalogue", "Category")
Region = get_model("catalogue", "Region")
Material = get_model("catalogue", "Material")
Technique = get_model("catalogue", "Technique")


class ImportView(SellerSpaceMixin, FormView):
    """The file is read here (encoding, columns, row count); its rows are imported by a task."""

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
            jobs=ImportJob.objects.filter(seller=self.seller)[:5],
        )
        return context

    def form_valid(self, form):
        result = ImportResult()
        text = decode(form.cleaned_data["file"])
        rows = read_rows(text, result)
        if rows is None:
            errors = sorted(result.errors, key=lambda error: error.row)
            return self.render_to_response(
                self.get_context_data(form=form, errors=errors), status=400
            )
        job = start_import(
            self.seller,
            self.request.user,
            get_language(),
            text,
            len(rows),
            form.cleaned_data["photos"] or None,
        )
        return redirect("seller_space:import-job", pk=job.pk)


class SellerJobMixin(SellerSpaceMixin):
    """``self.job``: one of the acting seller's import jobs, else 404."""

    def get_job(self):
        return get_object_or_404(ImportJob, pk=self.kwargs["pk"], seller=self.seller)


class ImportJobView(SellerJobMixin, DetailView):
    template_name = "seller_space/import_job.html"
    context_object_name = "job"

    def get_object(self, queryset=None):
        return self.get_job()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        job = self.object
        if job.finished:
            rows = list(job.rows.all())
            context.update(
                rows=rows,
                photo_files=list(job.photo_files.all()),
                created=sum(row.outcome == row.Outcome.CREATED for row in rows),
                updated=sum(row.outcome == row.Outcome.UPDATED for row in rows),
                refused=sum(row.outcome == row.Outcome.REFUSED for row in rows),
            )
        return context


class ImportStatusView(SellerJobMixin, View):
    """The job's progress as JSON, polled by the job page's script."""

    def get(self, request, *args, **kwargs):
        job = self.get_job()
        return JsonResponse(
            {
                "state": job.state,
                "label": job.get_state_display(),
                "finished": job.finished,
                "rows_done": job.rows_done,
                "rows_total": job.rows_total,
                "percent": job.percent,
            },
            headers={"Cache-Control": "no-store"},
        )


class ImportTemplateView(SellerSpaceMixin, View):
    def get(self, request, *args, **kwargs):
        response = HttpResponse(template_csv(self.seller), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="listings-template.csv"'
        return response
