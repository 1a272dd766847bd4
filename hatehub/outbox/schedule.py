from datetime import timedelta

from hatehub.core.scheduling import Periodic

from .tasks import deliver_due

JOBS = [Periodic("outbox.deliver_due", deliver_due, timedelta(minutes=1))]
