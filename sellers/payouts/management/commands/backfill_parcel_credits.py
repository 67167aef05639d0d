"""``manage.py backfill_parcel_credits [--dry-run | --undo]``: credits for parcels shipped
before payouts followed the parcel (``sellers.payouts.backfill``)."""

from django.core.management.base import BaseCommand

from sellers.payouts import backfill


class Command(BaseCommand):
    help = "Credit lines of parcels shipped before payouts followed the parcel (idempotent)."

    def add_arguments(self, parser):
        group = parser.add_mutually_exclusive_group()
        group.add_argument("--dry-run", action="store_true", help="Count, write nothing.")
        group.add_argument(
            "--undo", action="store_true", help="Delete backfilled credits no payout has taken."
        )

    def handle(self, *args, dry_run=False, undo=False, **options):
        if undo:
            deleted, kept = backfill.undo()
            self.stdout.write(f"{deleted} backfilled credits deleted, {kept} kept (in a payout).")
            return
        if dry_run:
            parcels = list(backfill.parcels_to_backfill())
            lines = sum(backfill.uncredited_lines(parcel).count() for parcel in parcels)
            self.stdout.write(f"{len(parcels)} parcels, {lines} lines to credit.")
            return
        parcels, entries = backfill.backfill()
        self.stdout.write(f"{parcels} parcels backfilled, {entries} credits written.")
