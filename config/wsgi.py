import os

from django.conf import settings
from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.prod")
application = get_wsgi_application()

# With tasks run in-process (a first run without Redis) a saved listing is ranked inside its request:
# fit the model now, in the background, so the first save does not wait seconds for it. With a broker
# the worker ranks and warms itself (config.celery).
if settings.MATCH_WARM_ON_START and settings.CELERY_TASK_ALWAYS_EAGER:
    from matching.proposals.dataset import warm_in_background

    warm_in_background()
