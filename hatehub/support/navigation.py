from hatehub.core.extensions import NavItem

from . import access

ITEMS = [
    NavItem("Support services", "support:directory", "support", access.reads_directory, 60),
    NavItem("Referrals", "support:referrals", "support_referrals", access.works_referrals, 61),
]
