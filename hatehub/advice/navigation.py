from hatehub.core.extensions import NavItem

from .access import reads_advice

ITEMS = [NavItem("Advice", "advice:library", "advice", reads_advice, 630)]
