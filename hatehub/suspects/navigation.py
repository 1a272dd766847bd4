from hatehub.core.extensions import NavItem

from . import access

ITEMS = [
    NavItem("Suspects", "suspects:people", "suspects", access.reads_people, order=40),
    NavItem(
        "Identification requests",
        "suspects:requests",
        "identification_requests",
        access.reads_identification_requests,
        order=41,
    ),
]
