"""Import rate tables from a CSV file: service, zone, countries, max_weight_kg, price_mad."""

from django.core.management.base import BaseCommand, CommandError

from shipping.rate_import import ImportFailed, import_rates


class Command(BaseCommand):
    help = __doc__

    def add_arguments(self, parser):
        parser.add_argument("path", help="CSV file, UTF-8")

    def handle(self, *args, **options):
        try:
            with open(options["path"], encoding="utf-8-sig") as handle:
                count = import_rates(handle.read())
        except OSError as error:
            raise CommandError(str(error)) from error
        except ImportFailed as failure:
            raise CommandError("Nothing imported.\n" + "\n".join(failure.errors)) from failure
        self.stdout.write(f"Imported {count} rates.")
