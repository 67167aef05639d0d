"""Photos sent with a CSV import as a ZIP named by SKU: each file through the one upload check,
the ZIP's limits (files, expanded size, expansion ratio), unsafe names, one report line a file."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from oscar.core.loading import get_model

from sellers.space.models import ImportJob
from tests.factories.uploads import image_bytes
from tests.space.test_csv_import import csv_file, job_of, row

pytestmark = pytest.mark.django_db

Product = get_model("catalogue", "Product")
StockRecord = get_model("partner", "StockRecord")


def zip_of(files, compression=zipfile.ZIP_DEFLATED):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return SimpleUploadedFile("photos.zip", buffer.getvalue(), "application/zip")


def photo_lines(job):
    return {p.name: (p.sku, p.outcome) for p in job.photo_files.all()}


def sizes(sku):
    product = StockRecord.objects.get(partner_sku=sku).product
    return [image.original.width for image in product.images.order_by("display_order")]


def test_photos_named_by_sku_are_added_in_the_order_of_their_suffix(member, send):
    photos = zip_of(
        {
            "R1_3.png": image_bytes("PNG", size=(30, 10)),
            "R1.jpg": image_bytes(size=(10, 10)),
            "photos/R1-2.jpg": image_bytes(size=(20, 10)),
            "R2.webp": image_bytes("WEBP", size=(40, 10)),
        }
    )
    job = job_of(send(member, csv_file([row(sku="R1"), row(sku="R2")]), photos=photos))
    assert sizes("R1") == [10, 20, 30]
    assert sizes("R2") == [40]
    assert set(photo_lines(job).values()) == {("R1", "added"), ("R2", "added")}


def test_photos_are_stored_re_encoded_under_random_names(member, send):
    photos = zip_of({"R1.jpg": image_bytes()})
    send(member, csv_file([row(sku="R1")]), photos=photos)
    image = StockRecord.objects.get().product.images.get()
    assert "R1" not in image.original.name
    assert image.original.name.endswith(".jpg")


def test_the_zip_is_deleted_once_the_job_is_done(member, send, monkeypatch):
    from sellers.space import import_jobs

    stored = []
    original = import_jobs.open_photos
    monkeypatch.setattr(
        import_jobs,
        "open_photos",
        lambda job, skus: (
            stored.append((job.photos.storage, job.photos.name)) or original(job, skus)
        ),
    )
    job = job_of(send(member, csv_file([row(sku="R1")]), photos=zip_of({"R1.jpg": image_bytes()})))
    assert not job.photos and job.finished
    [(storage, name)] = stored
    assert name.startswith("imports/") and name.endswith(".zip")
    assert not storage.exists(name)


def test_a_file_that_is_not_a_picture_is_refused_with_its_reason(member, send):
    page = b"<html><script>alert(1)</script></html>"
    photos = zip_of({"R1.jpg": page, "R1-2.jpg": image_bytes()})
    job = job_of(send(member, csv_file([row(sku="R1")]), photos=photos))
    refused = job.photo_files.get(name="R1.jpg")
    assert refused.outcome == "refused"
    assert "JPEG, PNG, WebP" in refused.reason
    assert sizes("R1") == [40]


@pytest.mark.parametrize(
    "name", ["../R1.jpg", "photos/../../R1.jpg", "/etc/R1.jpg", "C:/R1.jpg", "..\\R1.jpg"]
)
def test_a_name_climbing_out_of_the_zip_is_refused(member, send, name):
    job = job_of(send(member, csv_file([row(sku="R1")]), photos=zip_of({name: image_bytes()})))
    assert photo_lines(job) == {name: ("", "refused")}
    assert "Unsafe file name" in job.photo_files.get().reason
    assert sizes("R1") == []


def test_a_file_matching_no_row_is_reported_and_mac_folders_are_ignored(member, send):
    photos = zip_of(
        {
            "R9.jpg": image_bytes(),
            "__MACOSX/._R1.jpg": b"x",
            ".DS_Store": b"x",
            "R1.jpg": image_bytes(),
        }
    )
    job = job_of(send(member, csv_file([row(sku="R1")]), photos=photos))
    assert photo_lines(job) == {"R9.jpg": ("", "refused"), "R1.jpg": ("R1", "added")}


def test_a_file_expanding_like_a_zip_bomb_is_refused(member, send):
    bomb = b"\xff\xd8\xff" + bytes(3 * 1024 * 1024)
    job = job_of(send(member, csv_file([row(sku="R1")]), photos=zip_of({"R1.jpg": bomb})))
    line = job.photo_files.get()
    assert (line.outcome, line.reason) == (
        "refused",
        "This file is compressed beyond any photo: it is refused.",
    )


def test_a_zip_expanding_beyond_the_limit_is_refused_before_any_job(member, send, settings):
    settings.SELLER_IMPORT_ZIP_MAX_EXPANDED = 100_000
    photos = zip_of({"R1.jpg": bytes(60_000), "R1-2.jpg": bytes(60_000)})
    response = send(member, csv_file([row(sku="R1")]), photos=photos)
    assert response.status_code == 200
    assert "The ZIP expands to" in response.context["form"].errors["photos"][0]
    assert not ImportJob.objects.exists()


def test_a_zip_with_too_many_files_is_refused_before_any_job(member, send, settings):
    settings.SELLER_IMPORT_ZIP_MAX_FILES = 2
    photos = zip_of({f"R1-{n}.jpg": image_bytes() for n in range(1, 4)})
    response = send(member, csv_file([row(sku="R1")]), photos=photos)
    assert response.context["form"].errors["photos"] == ["The ZIP holds too many files: 2 at most."]
    assert not ImportJob.objects.exists()
    settings.SELLER_IMPORT_ZIP_MAX_FILES = 3
    photos = zip_of({f"R1-{n}.jpg": image_bytes() for n in range(1, 4)})
    assert send(member, csv_file([row(sku="R1")]), photos=photos).status_code == 302


def test_a_file_that_is_not_a_zip_is_refused(member, send):
    photos = SimpleUploadedFile("photos.zip", image_bytes(), "application/zip")
    response = send(member, csv_file([row(sku="R1")]), photos=photos)
    assert response.context["form"].errors["photos"] == ["This is not a ZIP file."]


def test_a_photo_larger_than_the_photo_limit_is_refused(member, send, settings):
    settings.SELLER_PHOTO_MAX_BYTES = 100
    job = job_of(send(member, csv_file([row(sku="R1")]), photos=zip_of({"R1.jpg": image_bytes()})))
    assert job.photo_files.get().outcome == "refused"
    assert "the limit is 100" in job.photo_files.get().reason


def test_photos_beyond_the_listing_limit_are_refused(member, send, settings):
    settings.SELLER_PHOTOS_PER_LISTING = 2
    photos = zip_of({"R1.jpg": image_bytes(), "R1-2.jpg": image_bytes(), "R1-3.jpg": image_bytes()})
    job = job_of(send(member, csv_file([row(sku="R1")]), photos=photos))
    assert photo_lines(job)["R1-3.jpg"] == ("R1", "refused")
    assert len(sizes("R1")) == 2


def test_the_photos_of_a_refused_row_are_refused_with_it(member, send):
    photos = zip_of({"R1.jpg": image_bytes()})
    job = job_of(send(member, csv_file([row(sku="R1", price_mad="0")]), photos=photos))
    assert photo_lines(job) == {"R1.jpg": ("R1", "refused")}


def test_a_sku_ending_in_digits_takes_its_own_photo_first(member, send):
    photos = zip_of({"RUG-12.jpg": image_bytes(size=(12, 12)), "RUG-12-2.jpg": image_bytes()})
    job = job_of(send(member, csv_file([row(sku="RUG-12")]), photos=photos))
    assert sizes("RUG-12") == [12, 40]
    assert set(photo_lines(job).values()) == {("RUG-12", "added")}


def test_the_task_run_twice_adds_each_photo_once(member, send):
    from sellers.space.import_jobs import run_job

    job = job_of(send(member, csv_file([row(sku="R1")]), photos=zip_of({"R1.jpg": image_bytes()})))
    ImportJob.objects.filter(pk=job.pk).update(state="running")
    run_job(job.pk)
    assert len(sizes("R1")) == 1


def test_a_zip_announcing_too_many_files_is_refused_before_its_directory_is_read(
    member, send, settings, monkeypatch
):
    import zipfile as zipfile_module

    settings.SELLER_IMPORT_ZIP_MAX_FILES = 2
    photos = zip_of({f"R1-{n}.jpg": b"x" for n in range(1, 4)})
    monkeypatch.setattr(zipfile_module, "ZipFile", None)  # never reached
    response = send(member, csv_file([row(sku="R1")]), photos=photos)
    assert response.context["form"].errors["photos"] == ["The ZIP holds too many files: 2 at most."]
