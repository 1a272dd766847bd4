import gc

from django.apps import AppConfig

# Allocations between collections of the youngest generation (Python's default: 700). A
# recording worker's batch makes many thousands of objects that live only until the batch ends
# (rows, keys, signals, matches). At 700, many of them outlive a young collection, are counted
# into the oldest generation, and set off full collections that walk every object of the
# process (Django, the rules, the caches): 17% of the recorder's CPU time in
# `bench/recording_growth.py --default-gc`, 4% at this threshold, where they are freed by
# reference counting first. What holds a cycle is still collected, a little later.
YOUNG_GENERATION_THRESHOLD = 20_000


class CoreConfig(AppConfig):
    name = "hatehub.core"
    label = "core"

    def ready(self) -> None:
        from hatehub.core import checks  # noqa: F401  (registers the deployment checks)

        _young, middle, old = gc.get_threshold()
        gc.set_threshold(YOUNG_GENERATION_THRESHOLD, middle, old)
