from hatehub.core.extensions import NavItem

from .access import reads_referrals

ITEMS = [NavItem("Takedowns", "platforms:referrals", "referrals", reads_referrals, order=300)]
