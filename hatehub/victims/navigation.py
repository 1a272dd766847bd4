from hatehub.core.extensions import NavItem

from .selectors import sends_updates

ITEMS = [NavItem("Victim updates", "victims:dashboard", "victims", sends_updates, order=30)]
