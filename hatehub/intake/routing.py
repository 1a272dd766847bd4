"""First urgency of a new report, from the True Vision routing rule (pure: no Django).

The published rule sends a report to the LOCAL force, not the online hub, when someone is in
immediate danger (the journey has already sent them to 999), when the reporter knows the
poster's real identity, or when the material relates to a future event. Those reports are
time-critical for the hub: they must be passed on, not queued behind routine work. Full THRIVE
assessment comes later and may change the urgency, with its own reason.
Source: report-it.org.uk (True Vision), "Reporting online hate".
"""

from dataclasses import dataclass

URGENT, PRIORITY, ROUTINE = 1, 2, 3


@dataclass(frozen=True)
class InitialUrgency:
    level: int
    reason: str


def initial_urgency(*, future_event: str, poster_identity_known: bool) -> InitialUrgency:
    if future_event == "yes":
        return InitialUrgency(
            URGENT,
            "Relates to a future event: True Vision routing sends this to the local force now.",
        )
    if poster_identity_known:
        return InitialUrgency(
            PRIORITY,
            "Reporter knows the poster's real identity: True Vision routing sends this to the "
            "local force.",
        )
    if future_event == "not_sure":
        return InitialUrgency(
            PRIORITY, "Reporter is not sure whether it relates to a future event: check quickly."
        )
    return InitialUrgency(ROUTINE, "No routing flag raised at intake.")
