"""Write PNG pictures of a parcel's customs papers (CN22/CN23, invoice, packing list)."""

from django.core.management.base import BaseCommand, CommandError

from sellers.fulfilment import pictures
from sellers.fulfilment.models import Parcel, ParcelDocument


class Command(BaseCommand):
    help = __doc__

    def add_arguments(self, parser):
        parser.add_argument("parcel", type=int, help="Parcel id")
        parser.add_argument("--out", required=True, help="Directory for the PNG files")
        parser.add_argument(
            "--kinds",
            nargs="+",
            choices=ParcelDocument.Kind.values,
            help="Papers to render (default: the ones the parcel needs)",
        )
        parser.add_argument(
            "--all-pages", action="store_true", help="Every page (default: the first)"
        )

    def handle(self, *args, **options):
        parcel = Parcel.objects.filter(pk=options["parcel"]).first()
        if parcel is None:
            raise CommandError(f"No parcel {options['parcel']}.")
        try:
            written = pictures.render(
                parcel, options["out"], options["kinds"], all_pages=options["all_pages"]
            )
        except pictures.PdftoppmMissing as error:
            raise CommandError(str(error)) from error
        for path in written:
            self.stdout.write(str(path))
