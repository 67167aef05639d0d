import os

from django.core.wsgi import get_wsgi_application

from marketplace.gc_tuning import FreezeAfterWarmUp, tune

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "marketplace.settings")
application = FreezeAfterWarmUp(get_wsgi_application())
tune()
