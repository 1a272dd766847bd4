from hatehub.core.extensions import NavItem

from .access import takes_training

ITEMS = [NavItem("Training", "training:modules", "training", takes_training, 620)]
