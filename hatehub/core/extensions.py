"""How the parts of the service add to shared pages without editing them.

Each app may have:
- `navigation.py` with `ITEMS`: a list of `NavItem`, shown in the staff header to users it allows;
- `case_panels.py` with `panels(request, case) -> list[Panel]`: sections of the case page
  (each checks access and writes its own audit entry; one with nothing yet sets `empty`);
- `schedule.py` with `JOBS`: periodic tasks (see `hatehub.core.scheduling`).

The case page and the header find them here, in the order of INSTALLED_APPS.
"""

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cache
from importlib import import_module
from importlib.util import find_spec
from types import ModuleType

from django.apps import apps
from django.urls import reverse


@dataclass(frozen=True)
class NavItem:
    label: str
    url_name: str
    key: str  # a view passes `nav=key` to mark its item as the current page
    allowed: Callable[[object], bool]
    order: int = 100

    @property
    def url(self) -> str:
        return reverse(self.url_name)


@dataclass
class Panel:
    """A section of the case page: its template gets `panel` (this object) in its context.

    A panel with nothing in it yet (`empty`) is shown collapsed under its `title` (a GOV.UK
    details element, which opens without JavaScript), so the case page leads with what there is.
    """

    template: str
    context: dict = field(default_factory=dict)
    order: int = 100
    title: str = ""
    empty: bool = False


@cache
def app_modules(name: str) -> tuple[ModuleType, ...]:
    """The module `name` of every hub app that has one, in the order of INSTALLED_APPS."""
    found = []
    for config in apps.get_app_configs():
        module_name = f"{config.name}.{name}"
        if config.name.startswith("hatehub.") and find_spec(module_name) is not None:
            found.append(import_module(module_name))
    return tuple(found)


def navigation(user) -> list[NavItem]:
    items = [item for module in app_modules("navigation") for item in module.ITEMS]
    return sorted((item for item in items if item.allowed(user)), key=lambda item: item.order)


def case_panels(request, case) -> list[Panel]:
    panels: Iterator[Panel] = (
        panel for module in app_modules("case_panels") for panel in module.panels(request, case)
    )
    return sorted(panels, key=lambda panel: panel.order)
