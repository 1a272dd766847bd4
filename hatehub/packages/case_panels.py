"""The case page's "Evidence package" section: generate a package, and every version with its
changes and downloads."""

from hatehub.audit.services import Action, record
from hatehub.core.extensions import Panel

from . import selectors


def panels(request, case) -> list[Panel]:
    if not selectors.may_use_packages(request.user, case):
        return []
    versions = selectors.panel_versions(case)
    if versions:
        record(
            Action.VIEW,
            "evidence_package",
            case.reference,
            summary=f"Evidence package versions of case {case.reference} listed",
            details={"versions": [version.number for version in versions]},
        )
    return [
        Panel(
            template="packages/_case_panel.html",
            context={"versions": versions},
            order=40,
            title="Evidence package",
            empty=not versions,
        )
    ]
