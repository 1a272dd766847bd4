from hatehub.core.extensions import NavItem

from . import access

ITEMS = [
    NavItem("Intelligence", "intelligence:list", "intelligence", access.reads_intelligence, 400)
]
