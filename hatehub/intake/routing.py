"""First urgency of a new report, from the True Vision routing rule (pure: no Django).

The published rule sends a report to the LOCAL force, not the online hub, when someone is in
immediate danger or at risk of harm (the journey has already sent anyone in danger to 999),
when the reporter knows the poster's real identity, or when the material relates to a future
event. Those reports are time-critical for the hub: they must be passed on, not queued behind
routine work. The report's own words are read for the same danger the assessment looks for (a
threat, a threat to property, a published address, a future event: the danger rules of
``hatehub.assessment.rules.inference.yaml``), so such a report is recorded and shown first
even before anyone assesses it. Full THRIVE assessment comes later and sets the urgency, with
its own reason.
Source: report-it.org.uk (True Vision), "Reporting online hate".
"""

from dataclasses import dataclass

from hatehub.assessment.inference import danger_words
from hatehub.reports.choices import PRIORITY, ROUTINE, URGENT

_DANGER_LABELS = {
    "threat_seriousness": "a threat of violence",
    "threat_to_property": "a threat to property",
    "doxxing": "a published address or locating details",
    "future_event": "a future event",
}
# The words read at receipt: a report's description and the post it quotes are short, but a
# pasted thread must not slow the acknowledgement down.
MAX_TEXT = 4000


@dataclass(frozen=True)
class InitialUrgency:
    level: int
    reason: str


def initial_urgency(
    *, future_event: str, poster_identity_known: bool, text: str = ""
) -> InitialUrgency:
    if future_event == "yes":
        return InitialUrgency(
            URGENT,
            "Relates to a future event: True Vision routing sends this to the local force now.",
        )
    found = danger_words(text[:MAX_TEXT]) if text else {}
    if found:
        what = ", ".join(_DANGER_LABELS[answer] for answer in _DANGER_LABELS if answer in found)
        words = "; ".join(f"'{w}'" for answer in found for w in found[answer][:2])
        return InitialUrgency(
            URGENT,
            f"The words hold {what} ({words}): True Vision routing sends a risk of harm to the "
            "local force now.",
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
