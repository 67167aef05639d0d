"""Catalogue rows: regions, crafts, materials, techniques, sellers, and products with their one
seller stock record."""

from decimal import Decimal

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory
from oscar.core.loading import get_model

Region = get_model("catalogue", "Region")


Category = get_model("catalogue", "Category")


Product = get_model("catalogue", "Product")


ProductClass = get_model("catalogue", "ProductClass")


ProductCategory = get_model("catalogue", "ProductCategory")


ProductImage = get_model("catalogue", "ProductImage")


Partner = get_model("partner", "Partner")


StockRecord = get_model("partner", "StockRecord")
Material = get_model("catalogue", "Material")
Technique = get_model("catalogue", "Technique")


class RegionFactory(DjangoModelFactory):
    class Meta:
        model = Region
        django_get_or_create = ("code",)

    code = "marrakech-safi"
    name_en = "Marrakesh-Safi"
    name_fr = "Marrakech-Safi"
    name_ar = "مراكش آسفي"
    name_es = "Marrakech-Safí"


class CategoryFactory(DjangoModelFactory):
    """A root craft branch (treebeard needs add_root rather than a plain save)."""

    class Meta:
        model = Category

    name_en = factory.Sequence(lambda n: f"Craft {n}")
    name_fr = factory.LazyAttribute(lambda o: f"{o.name_en} (fr)")
    name_ar = factory.LazyAttribute(lambda o: f"{o.name_en} (ar)")
    name_es = factory.LazyAttribute(lambda o: f"{o.name_en} (es)")
    slug = factory.Sequence(lambda n: f"craft-{n}")

    @classmethod
    def _create(cls, model_class, *args, parent=None, **kwargs):
        kwargs.setdefault("name", kwargs["name_en"])
        if parent is not None:
            return parent.add_child(**kwargs)
        return model_class.add_root(**kwargs)


class SellerFactory(DjangoModelFactory):
    class Meta:
        model = Partner

    name = factory.Sequence(lambda n: f"Atelier {n}")
    slug = factory.Sequence(lambda n: f"atelier-{n}")
    kind = Partner.Kind.ARTISAN
    status = Partner.Status.VERIFIED
    verified_at = factory.LazyFunction(timezone.now)
    region = factory.SubFactory(RegionFactory)
    city = "Marrakech"


class ProductClassFactory(DjangoModelFactory):
    class Meta:
        model = ProductClass
        django_get_or_create = ("slug",)

    name = "Craft piece"
    slug = "craft-piece"
    track_stock = True
    requires_shipping = True


class ProductFactory(DjangoModelFactory):
    """A product with its one stock record, from a verified seller unless told otherwise."""

    class Meta:
        model = Product
        skip_postgeneration_save = True

    title_en = factory.Sequence(lambda n: f"Hand-knotted rug {n}")
    title_fr = factory.LazyAttribute(lambda o: f"Tapis noué main {o.title_en.rsplit(' ', 1)[-1]}")
    title_ar = factory.LazyAttribute(
        lambda o: f"زربية معقودة يدويا {o.title_en.rsplit(' ', 1)[-1]}"
    )
    title_es = factory.LazyAttribute(lambda o: f"Alfombra anudada {o.title_en.rsplit(' ', 1)[-1]}")
    title = factory.LazyAttribute(lambda o: o.title_en)
    description_en = "Wool from the Middle Atlas, knotted by hand."
    slug = factory.Sequence(lambda n: f"hand-knotted-rug-{n}")
    upc = factory.Sequence(lambda n: f"TEST-{n:06d}")
    product_class = factory.SubFactory(ProductClassFactory)
    region = factory.SubFactory(RegionFactory)
    weight_kg = Decimal("2.500")
    hs_code = "5701"

    @factory.post_generation
    def stockrecord(self, create, extracted, **kwargs):
        if not create or extracted is False:
            return
        seller = kwargs.pop("seller", None) or SellerFactory()
        StockRecord.objects.create(
            product=self,
            partner=seller,
            partner_sku=self.upc,
            price_currency="MAD",
            price=kwargs.pop("price", Decimal("1200.00")),
            num_in_stock=kwargs.pop("num_in_stock", 5),
            num_allocated=kwargs.pop("num_allocated", None),
        )

    @factory.post_generation
    def category(self, create, extracted, **kwargs):
        if create and extracted:
            ProductCategory.objects.create(product=self, category=extracted)

    @factory.post_generation
    def image(self, create, extracted, **kwargs):
        """A photo (the shop shows no product without one): ``image=<file>`` to upload one,
        ``image=False`` for none; else a stored name with its renditions, no file written."""
        if not create or extracted is False:
            return
        if extracted:
            ProductImage.objects.create(product=self, original=extracted, display_order=0)
        else:
            ProductImage.objects.create(
                product=self,
                original=f"images/products/test-{self.pk}.jpg",
                display_order=0,
                renditions_ready=True,
            )


class MaterialFactory(DjangoModelFactory):
    class Meta:
        model = Material
        django_get_or_create = ("code",)

    code = "wool"
    name_en = "Wool"
    name_fr = "Laine"
    name_ar = "صوف"
    name_es = "Lana"


class TechniqueFactory(DjangoModelFactory):
    class Meta:
        model = Technique
        django_get_or_create = ("code",)

    code = "hand-knotting"
    name_en = "Hand knotting"
    name_fr = "Nouage main"
    name_ar = "عقد يدوي"
    name_es = "Anudado a mano"


def rug_craft():
    return CategoryFactory(name_en="Rugs", slug="rugs", code="rugs", hs_heading="5701")


Material = get_model("catalogue", "Material")


Technique = get_model("catalogue", "Technique")
