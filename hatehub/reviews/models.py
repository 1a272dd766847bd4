"""Victims' Right to Review requests (DOMAIN.md s8): the request, whether the scheme applies
and was asked in time, the Victims' Code clocks, an independent reviewer, and the outcome."""

from django.conf import settings
from django.db import models

from .eligibility import DECISION_LABELS, DecisionKind, Eligibility


class ReviewRequest(models.Model):
    class Channel(models.TextChoices):
        EMAIL = "email", "Email"
        PHONE = "phone", "Phone"
        LETTER = "letter", "Letter"
        ONLINE = "online", "Online form"
        IN_PERSON = "in_person", "In person"

    class Status(models.TextChoices):
        RECEIVED = "received", "Received, not acknowledged"
        ACKNOWLEDGED = "acknowledged", "Acknowledged, under review"
        DECIDED = "decided", "Decided"
        OUT_OF_TIME = "out_of_time", "Out of time"
        NOT_APPLICABLE = "not_applicable", "Right to Review does not apply"

    class Outcome(models.TextChoices):
        UPHELD = "upheld", "Original decision upheld"
        OVERTURNED = "overturned", "Original decision overturned"
        PARTLY = "partly", "Partly overturned"

    OPEN = (Status.RECEIVED, Status.ACKNOWLEDGED)

    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="reviews")
    report = models.ForeignKey(
        "reports.Report", on_delete=models.PROTECT, related_name="review_requests"
    )
    decision_kind = models.CharField(
        max_length=30, choices=[(k.value, label) for k, label in DECISION_LABELS.items()]
    )
    decision_date = models.DateField()
    suspect_interviewed = models.BooleanField(
        help_text="A suspect was interviewed under caution before the decision"
    )
    decision_maker = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decision_maker_name = models.CharField(max_length=200, blank=True)
    received_on = models.DateField()
    channel = models.CharField(max_length=20, choices=Channel.choices)
    grounds = models.TextField()

    eligibility = models.CharField(
        max_length=20, choices=[(e.value, e.value.replace("_", " ")) for e in Eligibility]
    )
    eligibility_reason = models.TextField()
    window_closes = models.DateField(null=True, blank=True)
    nation = models.CharField(max_length=20)
    acknowledge_due = models.DateField(null=True, blank=True)
    decision_due = models.DateField(null=True, blank=True)
    status = models.CharField(max_length=20, choices=Status.choices)

    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField()
    acknowledged_on = models.DateField(null=True, blank=True)
    acknowledged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    reviewer_assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewer_assigned_at = models.DateTimeField(null=True, blank=True)
    outcome = models.CharField(max_length=20, choices=Outcome.choices, blank=True)
    outcome_reasons = models.TextField(blank=True)
    decided_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["decision_due", "recorded_at", "pk"]
        indexes = [models.Index(fields=["status", "decision_due"], name="review_open_due")]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(reviewer=models.F("decision_maker"))
                | models.Q(reviewer__isnull=True)
                | models.Q(decision_maker__isnull=True),
                name="reviewer_did_not_make_the_decision",
            ),
            models.CheckConstraint(
                condition=models.Q(decision_maker__isnull=False)
                | ~models.Q(decision_maker_name=""),
                name="review_names_the_decision_maker",
            ),
        ]

    def __str__(self) -> str:
        return f"Right to Review {self.pk} on {self.case}"

    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN

    @property
    def decision_kind_label(self) -> str:
        return DECISION_LABELS[DecisionKind(self.decision_kind)]
