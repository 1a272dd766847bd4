"""The public "Report online hate" journey as data: which questions, in what order, asked when.

Each page's answer is kept in the session exactly as it was posted, and is validated again by its
own form whenever it is read. So an answer that a later change made wrong (taking away the links
the account-name page relied on, say) sends the person back to that page instead of into a broken
report, and the rules about what is valid live in one place: the forms.
"""

from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any

from django.contrib.sessions.backends.base import SessionBase

from hatehub.evidence.services import ReceivedFile

from . import forms
from .services import ReportSubmission

SESSION_KEY = "intake_report"
# Kept apart from the answers, which are gone once the report is sent: the confirmation page
# needs the reference, and nothing else may survive to be submitted a second time.
SUBMITTED_KEY = "intake_submitted"


@dataclass(frozen=True)
class Step:
    slug: str
    form_class: type[forms.StepForm]
    section: str
    condition: Callable[["Journey"], bool] | None = None
    template: str = "intake/question.html"


def _gives_contact_details(journey: "Journey") -> bool:
    return journey.value("contact", "choice") == forms.ContactChoiceForm.DETAILS


WHAT_HAPPENED = "What happened"
WHERE = "Where"
EVIDENCE = "Evidence"
CONTACT = "Contact"

STEPS: list[Step] = [
    Step("safety", forms.SafetyForm, WHAT_HAPPENED),
    Step("who", forms.WhoForm, WHAT_HAPPENED),
    Step("what-happened", forms.WhatHappenedForm, WHAT_HAPPENED),
    Step("when", forms.WhenForm, WHAT_HAPPENED, template="intake/when.html"),
    Step("platform", forms.PlatformForm, WHAT_HAPPENED),
    Step("links", forms.LinksForm, WHAT_HAPPENED),
    Step("accounts", forms.AccountsForm, WHAT_HAPPENED),
    Step("poster-identity", forms.PosterIdentityForm, WHAT_HAPPENED),
    Step("future-event", forms.FutureEventForm, WHAT_HAPPENED),
    Step("targeted", forms.StrandsForm, WHAT_HAPPENED),
    Step("victim-location", forms.VictimLocationForm, WHERE),
    Step("poster-location", forms.PosterLocationForm, WHERE),
    Step("evidence", forms.EvidenceForm, EVIDENCE, template="intake/evidence.html"),
    Step("contact", forms.ContactChoiceForm, CONTACT),
    # Contact details, with how the reporter wants Victims' Code updates (language, times to
    # avoid, letters): hatehub.victims.
    Step(
        "contact-details",
        forms.ContactDetailsAndPreferencesForm,
        CONTACT,
        condition=_gives_contact_details,
    ),
    Step("support", forms.SupportForm, CONTACT, condition=_gives_contact_details),
]
STEPS_BY_SLUG: dict[str, Step] = {step.slug: step for step in STEPS}


@dataclass(frozen=True)
class SummaryRow:
    slug: str
    key: str
    value: str


class Journey:
    """One person's answers so far, read from and written to their session."""

    def __init__(self, session: SessionBase):
        self._session = session
        self._forms: dict[str, forms.StepForm | None] = {}

    # Reading answers

    def _state(self) -> dict:
        return self._session.get(SESSION_KEY) or {"answers": {}, "evidence": []}

    @property
    def started(self) -> bool:
        return bool(self._state()["answers"])

    def raw(self, step: Step) -> dict | None:
        return self._state()["answers"].get(step.slug)

    def form(self, step: Step) -> forms.StepForm | None:
        """The step's answer as a valid form, or None if it is unanswered or no longer valid."""
        if step.slug not in self._forms:
            raw = self.raw(step)
            form = step.form_class(raw, journey=self) if raw is not None else None
            self._forms[step.slug] = form if form is not None and form.is_valid() else None
        return self._forms[step.slug]

    def value(self, slug: str, field: str) -> Any:
        form = self.form(STEPS_BY_SLUG[slug])
        return form.cleaned_data.get(field) if form is not None else None

    # Where the person may go

    def is_active(self, step: Step) -> bool:
        return step.condition is None or step.condition(self)

    def active_steps(self) -> list[Step]:
        return [step for step in STEPS if self.is_active(step)]

    def first_incomplete(self) -> Step | None:
        return next((step for step in self.active_steps() if self.form(step) is None), None)

    def may_visit(self, step: Step) -> bool:
        """Only active steps up to the first unanswered one: a typed-in URL cannot skip a
        question (the safety question above all)."""
        if not self.is_active(step):
            return False
        blocking = self.first_incomplete()
        if blocking is None:
            return True
        active = self.active_steps()
        return active.index(step) <= active.index(blocking)

    def next_after(self, step: Step) -> Step | None:
        active = self.active_steps()
        later = active[active.index(step) + 1 :] if step in active else []
        return later[0] if later else None

    def previous_before(self, step: Step) -> Step | None:
        active = self.active_steps()
        earlier = active[: active.index(step)] if step in active else []
        return earlier[-1] if earlier else None

    # Writing answers

    def save(self, step: Step, raw: dict) -> None:
        if not self.started:
            # A new report: the last one's reference should not linger on this device.
            self._session.pop(SUBMITTED_KEY, None)
        state = self._state()
        state["answers"][step.slug] = raw
        self._write(state, changed=step)

    def evidence(self) -> list[ReceivedFile]:
        return [
            ReceivedFile(**{**item, "received_at": datetime.fromisoformat(item["received_at"])})
            for item in self._state()["evidence"]
        ]

    def add_evidence(self, received: ReceivedFile) -> None:
        state = self._state()
        if any(item["sha256"] == received.sha256 for item in state["evidence"]):
            return  # the same bytes chosen twice: one copy is the evidence
        state["evidence"].append(
            {**asdict(received), "received_at": received.received_at.isoformat()}
        )
        self._write(state, changed=STEPS_BY_SLUG["evidence"])

    def remove_evidence(self, sha256: str) -> None:
        # Only forgotten here: the stored blob is content-addressed and may belong to another
        # report, so it is never deleted on a member of the public's say-so.
        state = self._state()
        state["evidence"] = [item for item in state["evidence"] if item["sha256"] != sha256]
        self._write(state, changed=STEPS_BY_SLUG["evidence"])

    def clear(self) -> None:
        self._session.pop(SESSION_KEY, None)
        self._forms.clear()

    def _write(self, state: dict, *, changed: Step) -> None:
        self._session[SESSION_KEY] = state  # assigning (not mutating) marks the session changed
        # A page's answer is checked against earlier answers only (StepForm), so the checks
        # made of the pages before the changed one still hold.
        for step in STEPS[STEPS.index(changed) :]:
            self._forms.pop(step.slug, None)

    # Using the answers

    def summary(self) -> list[tuple[str, list[SummaryRow]]]:
        """Rows for "Check your answers", grouped by section, in the order they were asked."""
        sections: dict[str, list[SummaryRow]] = {}
        for step in self.active_steps():
            form = self.form(step)
            rows = form.summary_rows() if form is not None else []
            for key, value in rows:
                sections.setdefault(step.section, []).append(SummaryRow(step.slug, key, value))
        return list(sections.items())

    def submission(self) -> ReportSubmission:
        """Only the steps that apply count: contact details typed in before choosing to report
        anonymously are left out."""
        values: dict = {}
        for step in self.active_steps():
            form = self.form(step)
            if form is None:
                raise ValueError(f"The report is not complete: {step.slug} is unanswered")
            values.update(form.submission_fields())
        return ReportSubmission(**values, evidence=self.evidence())
