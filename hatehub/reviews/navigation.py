from hatehub.core.extensions import NavItem

from . import access

ITEMS = [NavItem("Right to Review", "reviews:list", "reviews", access.works_reviews, 62)]
