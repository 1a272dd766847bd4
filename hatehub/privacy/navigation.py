from hatehub.core.extensions import NavItem

from . import access

ITEMS = [
    NavItem("Retention", "privacy:reviews", "privacy", access.sees_retention, 90),
    NavItem(
        "Subject access", "privacy:subject_access", "privacy_sar", access.handles_subject_access, 91
    ),
]
