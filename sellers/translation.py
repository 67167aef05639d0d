from modeltranslation.translator import TranslationOptions, register

from sellers.models import Partner


@register(Partner)
class SellerTranslation(TranslationOptions):
    fields = ("story",)
