from django.conf import settings
from django.db import models


class Urgency(models.IntegerChoices):
    URGENT = 1, "Urgent"
    PRIORITY = 2, "Priority"
    ROUTINE = 3, "Routine"


class Case(models.Model):
    """The hub's unit of work: one incident or piece of content, with every report of it."""

    class Status(models.TextChoices):
        NEW = "new", "New"
        IN_ASSESSMENT = "in_assessment", "In assessment"
        ALLOCATED = "allocated", "Allocated to force"
        REFERRED = "referred", "Referred to platform"
        CLOSED = "closed", "Closed"
        MERGED = "merged", "Merged into another case"

    reference = models.CharField(max_length=20, unique=True, blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.NEW)
    urgency = models.PositiveSmallIntegerField(choices=Urgency.choices, default=Urgency.ROUTINE)
    urgency_reason = models.CharField(max_length=300, blank=True)
    opened_at = models.DateTimeField()
    updated_at = models.DateTimeField(auto_now=True)
    allocated_force = models.ForeignKey(
        "jurisdiction.Force", null=True, blank=True, on_delete=models.PROTECT, related_name="cases"
    )
    merged_into = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="absorbed_cases"
    )
    # `allocated_force` is the force the case is offered to or owned by; until that force
    # accepts (this is set) the hub keeps the case and its victim-care duties.
    force_accepted_at = models.DateTimeField(null=True, blank=True)
    # The strongest content signal (threat or hate, 0-1) in the words its reports quote. It only
    # orders cases of the same urgency in a surge, so likely threats are seen first; it never
    # decides anything (the assessment does, with an officer).
    content_signal = models.FloatField(default=0)
    # The officer working the case now (hub staff, or an officer of the force that holds it):
    # set by "Assign to me" on the queue or the case page, and shown in the queue.
    assigned_officer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assigned_cases",
    )
    assigned_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["urgency", "-content_signal", "-opened_at"]
        indexes = [
            models.Index(
                fields=["urgency", "-content_signal", "-opened_at"], name="case_queue_order"
            ),
            models.Index(fields=["status", "urgency", "-opened_at"], name="case_queue_status"),
            models.Index(
                fields=["allocated_force", "urgency", "-opened_at"], name="case_queue_force"
            ),
        ]

    def __str__(self) -> str:
        return self.reference or f"case {self.pk}"

    @property
    def awaiting_acceptance(self) -> bool:
        return self.allocated_force_id is not None and self.force_accepted_at is None


class CaseEvent(models.Model):
    """The case timeline: an append-only account of what happened and who did it, and why."""

    class Kind(models.TextChoices):
        OPENED = "opened", "Case opened"
        REPORT_ADDED = "report_added", "Report added"
        EVIDENCE_RECEIVED = "evidence_received", "Evidence received"
        STATUS_CHANGED = "status_changed", "Status changed"
        ALLOCATED = "allocated", "Allocated"
        ASSIGNED = "assigned", "Officer assigned"
        ACCEPTED = "accepted", "Accepted by force"
        RETURNED = "returned", "Returned to the hub"
        TRANSFER_REQUESTED = "transfer_requested", "Transfer asked for"
        OUTCOME_RECORDED = "outcome_recorded", "Outcome recorded"
        CLOSED = "closed", "Case closed"
        MERGED = "merged", "Cases merged"
        ASSESSED = "assessed", "Assessed"
        SPLIT = "split", "Case split"
        NOTE = "note", "Note"

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="events")
    at = models.DateTimeField()
    kind = models.CharField(max_length=30, choices=Kind.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    actor_label = models.CharField(max_length=200)
    summary = models.CharField(max_length=500)
    # Marked for the complainant's eyes (updates) or internal only; most events are internal.
    visible_to_complainant = models.BooleanField(default=False)
    details = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.case}: {self.summary}"


class Allocation(models.Model):
    """One offer of a case to a force and the force's answer. The history is kept; a case has
    at most one live allocation (offered or accepted) at a time."""

    class State(models.TextChoices):
        OFFERED = "offered", "Awaiting acceptance"
        ACCEPTED = "accepted", "Accepted"
        RETURNED = "returned", "Returned to the hub"
        TRANSFER_REQUESTED = "transfer_requested", "Transfer asked for"
        WITHDRAWN = "withdrawn", "Withdrawn by the hub"

    LIVE = (State.OFFERED, State.ACCEPTED)

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="allocations")
    force = models.ForeignKey(
        "jurisdiction.Force", on_delete=models.PROTECT, related_name="allocations"
    )
    state = models.CharField(max_length=20, choices=State.choices, default=State.OFFERED)
    reason = models.CharField(max_length=300, help_text="Why the hub allocated it to this force")
    offered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    offered_at = models.DateTimeField()
    responded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    responded_at = models.DateTimeField(null=True, blank=True)
    response_reason = models.CharField(
        max_length=500, blank=True, help_text="Why the force returned it or asked for a transfer"
    )
    transfer_to = models.ForeignKey(
        "jurisdiction.Force",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="transfers_asked_for",
    )

    class Meta:
        ordering = ["offered_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["case"],
                condition=models.Q(state__in=["offered", "accepted"]),
                name="one_live_allocation_per_case",
            ),
            models.CheckConstraint(
                condition=models.Q(state="transfer_requested", transfer_to__isnull=False)
                | (~models.Q(state="transfer_requested") & models.Q(transfer_to__isnull=True)),
                name="transfer_to_only_with_a_transfer_request",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.case} to {self.force}: {self.get_state_display()}"


class OutcomeCode(models.IntegerChoices):
    """Home Office crime outcome types (DOMAIN.md section 4). Rules: `cases.outcomes`."""

    NOT_YET_ASSIGNED = 0, "Not yet assigned"
    CHARGED = 1, "Charged or summonsed"
    YOUTH_CAUTION = 2, "Youth caution or youth conditional caution"
    ADULT_CAUTION = 3, "Adult caution or adult conditional caution"
    TAKEN_INTO_CONSIDERATION = 4, "Taken into consideration"
    OFFENDER_DIED = 5, "Offender died"
    PENALTY_NOTICE = 6, "Penalty notice for disorder"
    CANNABIS_KHAT_WARNING = 7, "Cannabis or khat warning"
    COMMUNITY_RESOLUTION = 8, "Community resolution"
    NOT_IN_PUBLIC_INTEREST_CPS = 9, "Prosecution not in the public interest (CPS decision)"
    NOT_IN_PUBLIC_INTEREST_POLICE = 10, "Formal action not in the public interest (police)"
    SUSPECT_UNDER_AGE = 11, "Prosecution prevented: suspect under age"
    SUSPECT_TOO_ILL = 12, "Prosecution prevented: suspect too ill"
    VICTIM_OR_WITNESS_UNAVAILABLE = (
        13,
        ("Prosecution prevented: victim or key witness dead or too ill"),
    )
    NO_SUSPECT_VICTIM_DOES_NOT_SUPPORT = (
        14,
        ("Evidential difficulties: suspect not identified, victim does not support action"),
    )
    SUSPECT_VICTIM_SUPPORTS = (
        15,
        ("Evidential difficulties: suspect identified, victim supports action"),
    )
    SUSPECT_VICTIM_DOES_NOT_SUPPORT = (
        16,
        ("Evidential difficulties: suspect identified, victim does not support action"),
    )
    TIME_LIMIT_EXPIRED = 17, "Prosecution time limit expired"
    NO_SUSPECT_IDENTIFIED = 18, "Investigation complete: no suspect identified"
    NFIB = 19, "Not sent to the police by the NFIB (fraud)"
    TRANSFERRED = 20, "Transferred to another body"
    FURTHER_INVESTIGATION_NOT_IN_PUBLIC_INTEREST = (
        21,
        ("Further investigation not in the public interest (police decision)"),
    )
    DIVERSIONARY_ACTIVITY = 22, "Diversionary, educational or intervention activity"


class CrimeOutcome(models.Model):
    """The Home Office outcome the owning force recorded for one victim's crime. The crime is
    identified by the victim's report (one crime per victim); a crime with no row here is at
    outcome 0, not yet assigned."""

    report = models.OneToOneField(
        "reports.Report", on_delete=models.PROTECT, related_name="crime_outcome"
    )
    force = models.ForeignKey("jurisdiction.Force", on_delete=models.PROTECT, related_name="+")
    code = models.PositiveSmallIntegerField(choices=OutcomeCode.choices)
    outcome_date = models.DateField()
    suspect_identified = models.BooleanField(default=False)
    suspect_name = models.CharField(max_length=200, blank=True)
    rationale = models.TextField(blank=True)
    victim_informed = models.BooleanField(default=False)
    # The officer confirmed a warning (outcome 21 is not normally used for hate crime).
    warning_confirmed = models.BooleanField(default=False)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(code__gte=1, code__lte=22), name="crime_outcome_is_final"
            )
        ]

    def __str__(self) -> str:
        return f"{self.report}: outcome {self.code}"
