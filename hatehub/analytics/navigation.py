from hatehub.core.extensions import NavItem

from . import access

ITEMS = [NavItem("Analytics", "analytics:dashboard", "analytics", access.reads_analytics, 80)]
