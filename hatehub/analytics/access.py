"""Who may read analytics, and what they see of it. Built on `accounts.roles`.

- Supervisors, administrators and analysts see the whole hub's figures; a force user sees only
  their own force's (`analytics_force`).
- Hub officers read analytics too: they are the ones who work a surge, so they see its alerts
  and the reports behind them (the hub-wide `roles.reads_analytics` leaves them out).
- Analysts see aggregates only: counts, durations, report and case references (never a name,
  a report's text or contact details), and campaign groups without the accounts' handles.
- Handles identify suspects: shown to hub staff only (officers, supervisors, administrators),
  whose work is identifying the people behind accounts. Force users and analysts see a group's
  size, platforms and timeline.
"""

from hatehub.accounts import roles
from hatehub.accounts.models import Role


def reads_analytics(user) -> bool:
    if user is None or not user.is_authenticated:
        return False
    if user.role == Role.FORCE_USER and not getattr(user, "force_id", None):
        return False  # a force user with no force would otherwise see the whole hub
    return roles.reads_analytics(user) or user.role == Role.HUB_OFFICER


def analytics_force(user):
    """The force whose figures this user is limited to, or None for the whole hub."""
    return roles.analytics_force(user)


def sees_account_handles(user) -> bool:
    return roles.sees_every_case(user)


def acknowledges_alerts(user) -> bool:
    """Hub staff acknowledge a surge alert: they are the ones who act on it."""
    return roles.sees_every_case(user)


def links_to_cases(user) -> bool:
    """Whether references are links: only for people who open case pages (the case page then
    decides, case by case). Analysts see the references as text."""
    return roles.works_cases(user)
