from hatehub.accounts import roles
from hatehub.core.extensions import NavItem

ITEMS = [NavItem("Outbox", "outbox:outbox", "outbox", roles.sees_every_case, order=900)]
