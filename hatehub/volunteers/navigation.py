from hatehub.accounts import roles
from hatehub.core.extensions import NavItem

from .access import manages_volunteers

ITEMS = [
    NavItem("My submissions", "volunteers:home", "volunteer_home", roles.reports_as_volunteer, 10),
    NavItem("Volunteers", "volunteers:manage", "volunteers", manages_volunteers, 600),
    NavItem(
        "Volunteer quality", "volunteers:quality", "volunteer_quality", manages_volunteers, 610
    ),
]
