"""Record which products are sold out, for their cards (after a deploy or a cache flush).

Stock record saves keep it current from then on (``marketplace.core.invalidation``).
"""

from django.core.management.base import BaseCommand

from marketplace.core.invalidation import mark_sold_out


class Command(BaseCommand):
    help = __doc__

    def handle(self, *args, **options):
        self.stdout.write(f"{mark_sold_out()} sold-out products recorded.")
