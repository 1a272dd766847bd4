"""Assessments of a case: what the engine recommended, from which answers and rules, and what
the officer decided beside it. Each (re-)assessment is a new row, so the history is kept."""

from django.conf import settings
from django.db import models

from hatehub.core.wording import confirm_label


class Classification(models.TextChoices):
    CRIME = "crime", "Crime"
    NCHI = "nchi", "Non-crime hate incident"
    # Scotland and Northern Ireland: the NCHI Code is England and Wales only; Police Scotland
    # and PSNI record hate incidents under their own standards (issue 15 s3). Shown as
    # "Police Scotland hate incident" or "PSNI hate incident" by the case's nation
    # (decisions.classification_label).
    HATE_INCIDENT = "hate_incident", "Hate incident (Police Scotland or PSNI)"
    NOT_HATE = "not_hate", "Not a hate matter"
    NOT_POLICE_MATTER = "not_police_matter", "Not a police matter"
    # Recommended only, never decided: the words hold danger or name a characteristic, and an
    # officer must decide (hatehub.assessment.safety).
    NEEDS_OFFICER_DECISION = "needs_officer_decision", "Needs an officer's decision"


# What an officer may decide: everything but "needs an officer's decision".
DECISIONS = [c for c in Classification.choices if c[0] != Classification.NEEDS_OFFICER_DECISION]


class Assessment(models.Model):
    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="assessments")
    number = models.PositiveIntegerField(help_text="1 for the first assessment, then 2, 3...")
    reason = models.CharField(max_length=300)
    created_at = models.DateTimeField()
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # What the engine was given and what it said.
    answers = models.JSONField(help_text="The answers used: confirmed by an officer or inferred")
    confirmed = models.JSONField(default=dict, help_text="Answers an officer gave or confirmed")
    inferred = models.JSONField(default=dict, help_text="Answers read from the text, with words")
    signals = models.JSONField(default=dict)
    recommendation = models.JSONField()
    rules_version = models.CharField(max_length=80)

    # The officer's decision, beside the recommendation.
    decided_classification = models.CharField(max_length=20, choices=DECISIONS, blank=True)
    decided_strands = models.JSONField(default=list)
    decided_offences = models.JSONField(default=list, help_text="Offence ids")
    decided_priority = models.PositiveSmallIntegerField(null=True, blank=True)
    rationale = models.TextField(blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    disagrees = models.BooleanField(default=False)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    review_note = models.TextField(blank=True)
    # A new report joined an assessed case: the officer's decision carries forward to this
    # re-assessment (never dropped) and waits for them to confirm it or decide again.
    decision_carried_from = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decision_to_confirm = models.BooleanField(default=False)
    decision_confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decision_confirmed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(fields=["case", "number"], name="one_assessment_number")
        ]
        indexes = [models.Index(fields=["disagrees", "reviewed_at"], name="assessment_review")]

    def __str__(self) -> str:
        return f"Assessment {self.number} of {self.case}"

    @property
    def decided(self) -> bool:
        return self.decided_at is not None

    @property
    def confirm_label(self) -> str:
        """Why the carried-forward decision waits for the officer."""
        return confirm_label(self.reason)
