"""The CSV import job: a task delivered twice or resumed after a crash applies each row once; its
page shows progress (with and without JavaScript), then the per-row report; only its seller
sees it."""

import pytest
from django.urls import reverse
from oscar.core.loading import get_model

from sellers.space import csv_import
from sellers.space.import_jobs import run_job
from sellers.space.models import ImportJob
from sellers.space.tasks import run_import
from tests.factories.catalogue import (
    SellerFactory,
)
from tests.space.test_csv_import import csv_file, row

pytestmark = pytest.mark.django_db

Product = get_model("catalogue", "Product")


def queued_job(seller, rows, language="en"):
    """A job as the import page records it, its task not run yet."""
    text = csv_file(rows).read().decode()
    return ImportJob.objects.create(
        seller=seller, language=language, csv_text=text, rows_total=len(rows)
    )


def test_the_task_delivered_twice_imports_each_row_once(seller, member):
    job = queued_job(seller, [row(sku="A"), row(sku="B")])
    run_import.apply(args=[job.pk])
    run_import.apply(args=[job.pk])
    job.refresh_from_db()
    assert (job.state, job.rows_done, job.rows.count()) == ("done", 2, 2)
    assert Product.objects.count() == 2


def test_a_finished_job_run_again_changes_nothing(seller, member):
    job = queued_job(seller, [row(sku="A")])
    run_job(job.pk)
    Product.objects.all().delete()
    run_job(job.pk)
    assert not Product.objects.exists()
    assert ImportJob.objects.get().rows.count() == 1


def test_a_task_redelivered_after_a_crash_carries_on_after_the_rows_done(
    seller, member, monkeypatch
):
    job = queued_job(seller, [row(sku="A"), row(sku="B"), row(sku="C")])
    original = csv_import.write_listing
    saved = []

    def crash_on_second(seller, form):
        if len(saved) == 1:
            raise RuntimeError("worker killed")
        saved.append(form.cleaned_data["sku"])
        return original(seller, form)

    monkeypatch.setattr(csv_import, "write_listing", crash_on_second)
    with pytest.raises(RuntimeError):
        run_import.apply(args=[job.pk])
    monkeypatch.setattr(csv_import, "write_listing", original)
    run_import.apply(args=[job.pk])
    job.refresh_from_db()
    assert [(r.line, r.sku, r.outcome) for r in job.rows.all()] == [
        (2, "A", "created"),
        (3, "B", "created"),
        (4, "C", "created"),
    ]
    assert sorted(Product.objects.values_list("stockrecords__partner_sku", flat=True)) == [
        "A",
        "B",
        "C",
    ]
    assert (job.state, job.rows_done) == ("done", 3)


def test_the_status_endpoint_gives_the_progress_as_json(seller, member):
    job = queued_job(seller, [row(), row()])
    url = reverse("seller_space:import-status", args=[job.pk])
    waiting = member.get(url).json()
    assert waiting == {
        "state": "queued",
        "label": "Waiting",
        "finished": False,
        "rows_done": 0,
        "rows_total": 2,
        "percent": 0,
    }
    ImportJob.objects.filter(pk=job.pk).update(state="running", rows_done=1)
    assert member.get(url).json()["percent"] == 50
    run_job(job.pk)
    done = member.get(url).json()
    assert (done["finished"], done["rows_done"], done["percent"]) == (True, 2, 100)


def test_a_running_job_page_refreshes_itself_without_javascript(seller, member):
    job = queued_job(seller, [row(), row()])
    html = member.get(reverse("seller_space:import-job", args=[job.pk])).content.decode()
    assert '<noscript><meta http-equiv="refresh" content="3"></noscript>' in html
    assert 'role="progressbar"' in html and 'aria-valuenow="0"' in html
    assert f'href="{reverse("seller_space:import-job", args=[job.pk])}">Refresh</a>' in html
    assert "themes/js/import_progress.js" in html
    assert "<script>" not in html


def test_the_finished_job_page_reports_each_row_in_the_sellers_language(seller, member, send):
    file = csv_file([row(sku="A"), row(sku="B", stock="2", unique_piece="oui")])
    response = send(member, file, language="fr")
    page = member.get(response["Location"])
    html = page.content.decode()
    assert 'aria-valuenow="100"' in html and "http-equiv" not in html
    rows = [(r.line, r.sku, r.get_outcome_display()) for r in page.context["rows"]]
    assert rows == [(2, "A", "Créée"), (3, "B", "Refusée")]
    assert "Une pièce unique a un stock de 0 ou 1." in html
    assert reverse("seller_space:listings") in html
    assert (page.context["created"], page.context["refused"]) == (1, 1)


def test_another_sellers_job_is_not_found(seller, member, client):
    job = queued_job(SellerFactory(), [row()])
    for name in ("seller_space:import-job", "seller_space:import-status"):
        assert member.get(reverse(name, args=[job.pk])).status_code == 404


def test_the_import_page_lists_the_sellers_last_jobs_only(seller, member):
    mine = queued_job(seller, [row()])
    theirs = queued_job(SellerFactory(), [row()])
    html = member.get(reverse("seller_space:import")).content.decode()
    assert reverse("seller_space:import-job", args=[mine.pk]) in html
    assert reverse("seller_space:import-job", args=[theirs.pk]) not in html


def test_a_run_stopped_by_the_time_limit_queues_itself_again_and_finishes(
    seller, member, monkeypatch
):
    from celery.exceptions import SoftTimeLimitExceeded

    job = queued_job(seller, [row(sku="A"), row(sku="B")])
    original = csv_import.write_listing
    stops = []

    def stop_once_on_b(seller, form):
        if form.cleaned_data["sku"] == "B" and not stops:
            stops.append(1)
            raise SoftTimeLimitExceeded()
        return original(seller, form)

    monkeypatch.setattr(csv_import, "write_listing", stop_once_on_b)
    run_import.apply(args=[job.pk])
    job.refresh_from_db()
    assert (job.state, [r.sku for r in job.rows.all()], stops) == ("done", ["A", "B"], [1])
    assert Product.objects.count() == 2
