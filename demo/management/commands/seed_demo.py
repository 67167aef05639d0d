"""Fill the database with a demo marketplace: craft tree, sellers, products, CMS pages, orders
and one login per role. Refused without DEBUG: the logins share a published password."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils import translation
from oscar.core.loading import get_model

from demo import accounts, cms, export, home, identities, orders, rates, sellers, wholesale
from demo.catalogue import images, products, reference
from demo.catalogue.crafts import CRAFTS
from demo.catalogue.data import HIDDEN_PRODUCTS_PER_SELLER, MATERIALS, SELLERS, TECHNIQUES


class Command(BaseCommand):
    help = (
        "Create demo data: craft categories, materials, techniques, sellers, products with "
        "pictures, CMS pages, orders and one login per role. Runs only with DEBUG on. Safe to "
        "run again: only missing rows are added."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--products",
            type=int,
            default=200,
            help="Number of demo products from verified sellers (default: 200).",
        )
        parser.add_argument(
            "--seed",
            type=int,
            default=2026,
            help="Random seed; the same seed gives the same data (default: 2026).",
        )

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError(
                "seed_demo runs only with DEBUG on: it creates logins whose password is "
                "published in the README. Never seed a production database; for a local demo "
                "run `DEBUG=true manage.py seed_demo` (make run does)."
            )
        count, seed_value = options["products"], options["seed"]
        if count < 0:
            raise CommandError("--products must be zero or more.")
        with translation.override("en"), transaction.atomic():
            created = self.seed_all(count, seed_value)
        if created and connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")  # fresh planner statistics after a bulk load
        self.stdout.write(self.summary(created))
        self.stdout.write("Demo logins:\n" + "\n".join(accounts.login_table()))

    def seed_all(self, count, seed_value):
        """Seed everything inside one transaction; return the number of new products."""
        Material = get_model("catalogue", "Material")
        Technique = get_model("catalogue", "Technique")
        regions = reference.load_regions({row[5] for row in SELLERS})
        context = {
            "materials": reference.seed_vocabulary(Material, MATERIALS),
            "techniques": reference.seed_vocabulary(Technique, TECHNIQUES),
            "categories": reference.seed_categories(),
            "product_class": reference.seed_product_class(),
            "sellers": sellers.seed_sellers(regions, seed_value),
            "pool": images.ensure_pool(CRAFTS, seed_value),
        }
        reference.seed_craft_vocabulary(
            CRAFTS, context["categories"], context["materials"], context["techniques"]
        )
        identities.seed(regions, context["sellers"], SELLERS, context["categories"], seed_value)
        specs = products.build_specs(
            count,
            seed_value,
            *self.seller_groups(regions),
            names=self.vocabulary_names(),
            pool_sizes={k: len(v) for k, v in context["pool"].items()},
        )
        created = products.create_products(specs, context)
        export.seed_export()
        home_page, _created = home.seed_home_page()
        cms.seed_cms(home_page)
        accounts.seed_logins(context["sellers"])
        wholesale.seed_wholesale()
        rates.publish_todays_rates()
        orders.seed_orders()
        return created

    @staticmethod
    def seller_groups(regions):
        """Verified sellers per craft, and the non-verified sellers with their craft."""
        infos = sellers.seller_infos(regions)
        by_craft, hidden = {}, []
        for slug, *_rest, crafts, status in SELLERS:
            if status == "verified":
                for craft in crafts:
                    by_craft.setdefault(craft, []).append(infos[slug])
            else:
                hidden.append((infos[slug], crafts[0], HIDDEN_PRODUCTS_PER_SELLER))
        return by_craft, hidden

    @staticmethod
    def vocabulary_names():
        """{code: (en, fr, ar, es)} for materials and techniques, used in descriptions."""
        return {code: tuple(names) for code, *names in MATERIALS + TECHNIQUES}

    @staticmethod
    def summary(created):
        """One line with the resulting totals."""
        Partner = get_model("partner", "Partner")
        Product = get_model("catalogue", "Product")
        Category = get_model("catalogue", "Category")
        Region = get_model("catalogue", "Region")
        verified = Partner.objects.filter(status=Partner.Status.VERIFIED).count()
        return (
            f"seed_demo: {Partner.objects.count()} sellers ({verified} verified), "
            f"{Product.objects.count()} products ({created} new), "
            f"{Category.objects.count()} categories, {Region.objects.count()} regions"
        )
