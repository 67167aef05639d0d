from django.db.models.signals import post_delete, post_save
from oscar.core.loading import get_model

from themes.menu import clear_craft_menu

Category = get_model("catalogue", "Category")
post_save.connect(clear_craft_menu, sender=Category, dispatch_uid="craft-menu-save")
post_delete.connect(clear_craft_menu, sender=Category, dispatch_uid="craft-menu-delete")
