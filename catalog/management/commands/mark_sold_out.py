"""Record which products are sold out or held by payments in progress, for their cards and
pages (after a deploy or a cache flush).

Stock record saves and reservations keep it current from then on
(``marketplace.core.invalidation``, ``marketplace.payments.reservations``).
"""

from django.core.management.base import BaseCommand

from catalog import holds
from marketplace.core.invalidation import mark_sold_out


class Command(BaseCommand):
    help = __doc__

    def handle(self, *args, **options):
        self.stdout.write(f"{mark_sold_out()} sold-out products recorded.")
        self.stdout.write(f"{holds.publish_all()} products held by payments recorded.")
