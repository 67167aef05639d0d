"""Every setting, topic by topic; later modules may read what earlier ones set."""

from marketplace.settings.files import *  # noqa: F403
from marketplace.settings.framework import *  # noqa: F403
from marketplace.settings.marketplace import *  # noqa: F403
from marketplace.settings.security import *  # noqa: F403
from marketplace.settings.shop import *  # noqa: F403
from marketplace.settings.tasks import *  # noqa: F403
