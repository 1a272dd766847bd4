"""Intelligence reports graded 3x5x2, their reviewed sanitised text, their POLE links, who they
were disseminated to, and every export to a police intelligence system.

Personal data (the draft text, linked persons): read and change only through `selectors` and
`services`, which audit.
"""

from django.conf import settings
from django.db import models


class IntelligenceRecipient(models.Model):
    """A police intelligence system or unit the hub disseminates to and that pulls exports
    through the API with its own key (see `RecipientKey`): e.g. a force intelligence bureau."""

    name = models.CharField(max_length=200, unique=True)
    # The force it belongs to, if any: that force's users read the reports disseminated to it.
    force = models.ForeignKey(
        "jurisdiction.Force", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    contact_email = models.EmailField(blank=True)
    is_active = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class RecipientKey(models.Model):
    """An API key of an intelligence recipient. Only the secret's hash is stored."""

    recipient = models.ForeignKey(
        IntelligenceRecipient, on_delete=models.CASCADE, related_name="keys"
    )
    prefix = models.CharField(max_length=12, unique=True)
    secret_hash = models.CharField(max_length=64)
    created_at = models.DateTimeField(auto_now_add=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    last_used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.recipient} key {self.prefix}"


class IntelligenceReport(models.Model):
    """One piece of intelligence from one or more cases, graded 3x5x2, sanitised and reviewed
    before it may be disseminated."""

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        AWAITING_REVIEW = "awaiting_review", "Awaiting review of the sanitised text"
        RETURNED = "returned", "Returned for changes"
        REVIEWED = "reviewed", "Sanitised text reviewed"
        DISSEMINATED = "disseminated", "Disseminated"

    EDITABLE = (Status.DRAFT, Status.RETURNED)

    reference = models.CharField(max_length=20, unique=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.DRAFT)
    title = models.CharField(max_length=200, help_text="Disseminated: reviewed with the text")
    # What the officer knows, with its sources: never leaves the hub.
    draft_text = models.TextField()
    sanitised_text = models.TextField(blank=True)
    places = models.JSONField(default=list, blank=True)

    # 3x5x2, blank until graded. The codes and their meanings are data (rules/grading.yaml),
    # checked by `grading.validate` in `services`; the constraints below are the last line.
    source_evaluation = models.CharField(max_length=1, blank=True)
    intelligence_assessment = models.CharField(max_length=1, blank=True)
    handling_code = models.CharField(max_length=1, blank=True)
    handling_conditions = models.TextField(blank=True)
    # National Intelligence Model level: 1 local, 2 cross-border/regional, 3 national.
    nim_level = models.PositiveSmallIntegerField()

    # A legacy 5x5x5 grading, recorded and shown as it was given (never converted).
    legacy_source_evaluation = models.CharField(max_length=1, blank=True)
    legacy_intelligence_evaluation = models.CharField(max_length=1, blank=True)
    legacy_handling_code = models.CharField(max_length=1, blank=True)

    # POLE links.
    cases = models.ManyToManyField("cases.Case", related_name="intelligence_reports")
    persons = models.ManyToManyField("suspects.Person", blank=True, related_name="+")
    accounts = models.ManyToManyField("matching.OnlineAccount", blank=True, related_name="+")
    forces = models.ManyToManyField("jurisdiction.Force", blank=True, related_name="+")

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField()
    # Who last changed what is reviewed (title, sanitised text, places): not its reviewer.
    last_edited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField()

    # The review of the sanitised text: the digest of what was checked (see `dissemination`).
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    reviewed_digest = models.CharField(max_length=64, blank=True)
    review_note = models.TextField(blank=True)
    reviewed_flags = models.JSONField(default=list, blank=True)

    disseminated_at = models.DateTimeField(null=True, blank=True, db_index=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(nim_level__gte=1, nim_level__lte=3), name="nim_level_1_to_3"
            ),
            models.CheckConstraint(
                condition=models.Q(source_evaluation__in=["", "1", "2", "3"])
                & models.Q(intelligence_assessment__in=["", "A", "B", "C", "D", "E"])
                & models.Q(handling_code__in=["", "P", "C"]),
                name="grading_is_3x5x2",
            ),
            models.CheckConstraint(
                condition=~models.Q(handling_code="C") | ~models.Q(handling_conditions=""),
                name="handling_code_c_has_conditions",
            ),
            models.CheckConstraint(
                condition=~models.Q(status="disseminated")
                | (
                    ~models.Q(source_evaluation="")
                    & ~models.Q(intelligence_assessment="")
                    & ~models.Q(handling_code="")
                    & ~models.Q(sanitised_text="")
                    & ~models.Q(reviewed_digest="")
                    & models.Q(disseminated_at__isnull=False)
                ),
                name="disseminated_report_is_graded_and_reviewed",
            ),
        ]

    def __str__(self) -> str:
        return self.reference


class Dissemination(models.Model):
    """The report sent to these recipients, by whom and when."""

    report = models.ForeignKey(
        IntelligenceReport, on_delete=models.PROTECT, related_name="disseminations"
    )
    recipients = models.ManyToManyField(IntelligenceRecipient, related_name="disseminations")
    disseminated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    disseminated_at = models.DateTimeField()
    # The grading and digest as sent, so a later look shows what left the hub.
    grading_code = models.CharField(max_length=10)
    handling_conditions = models.TextField(blank=True)
    content_digest = models.CharField(max_length=64)
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["-disseminated_at"]

    def __str__(self) -> str:
        return f"{self.report} disseminated {self.disseminated_at:%Y-%m-%d}"


class IntelligenceExport(models.Model):
    """One export to a recipient (API or command): what was asked for and what it held."""

    class Format(models.TextChoices):
        JSON = "json", "POLE JSON"
        CSV = "csv", "CSV"

    class Channel(models.TextChoices):
        API = "api", "API"
        COMMAND = "command", "Management command"

    recipient = models.ForeignKey(
        IntelligenceRecipient, on_delete=models.PROTECT, related_name="exports"
    )
    format = models.CharField(max_length=4, choices=Format.choices)
    channel = models.CharField(max_length=10, choices=Channel.choices)
    criteria = models.JSONField(default=dict)
    report_references = models.JSONField(default=list)
    entity_count = models.PositiveIntegerField(default=0)
    sha256 = models.CharField(max_length=64)
    generated_at = models.DateTimeField()
    key_prefix = models.CharField(max_length=12, blank=True)

    class Meta:
        ordering = ["-generated_at"]

    def __str__(self) -> str:
        return f"{self.format} export to {self.recipient} at {self.generated_at:%Y-%m-%d %H:%M}"
