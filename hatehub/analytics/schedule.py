from hatehub.core.scheduling import Periodic

from .tasks import CHECK_EVERY, detect_surges

JOBS = [Periodic("analytics.detect_surges", detect_surges, CHECK_EVERY)]
