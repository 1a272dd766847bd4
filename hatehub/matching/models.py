"""The shared matching index and the online identities behind reports.

The index lives in the database, not in one process's memory, so every web and worker process
sees the same keys and it grows with PostgreSQL: a new report's keys are looked up with one
indexed `kind, value IN (...)` query, and the candidates' stored signatures decide.
"""

from django.conf import settings
from django.db import models

from hatehub.reports.choices import PLATFORM_LABELS


class MatchKey(models.Model):
    """One key a report can be found by: an exact key (canonical content URL, evidence SHA-256)
    or a bucket of a near-duplicate fingerprint (text LSH band, image hash chunk)."""

    class Kind(models.TextChoices):
        URL = "url", "Same content URL"
        FILE = "file", "Same evidence file"
        TEXT = "text", "Similar quoted text"
        IMAGE = "image", "Similar screenshot"
        ACCOUNT = "acct", "Same account"
        ACCOUNT_TEXT = "atext", "Same account, similar quoted text"

    report = models.ForeignKey("reports.Report", on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=5, choices=Kind.choices)
    value = models.CharField(max_length=80)

    class Meta:
        # (kind, value, -report) serves both an exact lookup and "newest holders of a bucket".
        indexes = [models.Index(fields=["kind", "value", "-report"], name="match_key_lookup")]
        constraints = [
            models.UniqueConstraint(fields=["report", "kind", "value"], name="match_key_once")
        ]

    def __str__(self) -> str:
        return f"{self.kind}:{self.value}"


class Fingerprint(models.Model):
    """A report's near-duplicate signature, read back to verify a candidate found by its keys."""

    class Kind(models.TextChoices):
        TEXT = "text", "Quoted text"
        IMAGE = "image", "Screenshot"

    report = models.ForeignKey("reports.Report", on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=5, choices=Kind.choices)
    signature = models.BinaryField()

    class Meta:
        indexes = [models.Index(fields=["report", "kind"], name="fingerprint_by_report")]

    def __str__(self) -> str:
        return f"{self.kind} fingerprint of report {self.report_id}"


class PossibleMatch(models.Model):
    """Two cases that may be about the same content, below the certainty to combine them
    automatically: shown on both case pages for an officer to merge or dismiss."""

    class Status(models.TextChoices):
        OPEN = "open", "Open"
        MERGED = "merged", "Merged"
        DISMISSED = "dismissed", "Not the same"

    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="+")
    other_case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="+")
    score = models.FloatField()
    reason = models.CharField(max_length=200)
    found_at = models.DateTimeField()
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)

    class Meta:
        ordering = ["-score"]
        constraints = [
            models.UniqueConstraint(fields=["case", "other_case"], name="possible_match_once"),
            models.CheckConstraint(
                condition=models.Q(case__lt=models.F("other_case")), name="possible_match_ordered"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.case_id} ~ {self.other_case_id}: {self.reason}"


class CampaignGroup(models.Model):
    """Posts of a copy-paste campaign: the same words posted by several accounts. Each post is
    its own case (they are different posts); the group links them so that officers and
    analysts see the campaign. Found by matching, never a finding about anyone."""

    found_at = models.DateTimeField()
    updated_at = models.DateTimeField()

    class Meta:
        ordering = ["-updated_at"]

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        return f"CG-{self.pk:05d}"


class CampaignMember(models.Model):
    """One case (one post) in a campaign group; a case is in at most one group."""

    group = models.ForeignKey(CampaignGroup, on_delete=models.CASCADE, related_name="members")
    case = models.OneToOneField("cases.Case", on_delete=models.CASCADE, related_name="+")
    reason = models.CharField(max_length=200)
    added_at = models.DateTimeField()

    class Meta:
        ordering = ["added_at"]

    def __str__(self) -> str:
        return f"case {self.case_id} in campaign group {self.group_id}"


class OnlineAccount(models.Model):
    """One account on one platform, however reporters wrote it. A platform's own user id, when
    known, identifies it for good; handles change, so every handle it has had is kept."""

    platform = models.CharField(max_length=30)
    handle = models.CharField(max_length=200, help_text="The current handle, normalised")
    platform_user_id = models.CharField(max_length=100, null=True, blank=True)
    first_seen_at = models.DateTimeField()

    class Meta:
        ordering = ["platform", "handle"]
        constraints = [
            models.UniqueConstraint(
                fields=["platform", "platform_user_id"], name="one_account_per_platform_user_id"
            )
        ]

    def __str__(self) -> str:
        return f"{self.platform}:{self.handle}"

    @property
    def platform_name(self) -> str:
        """The platform as people read it ("X (Twitter)"), not its code."""
        return PLATFORM_LABELS.get(self.platform, self.platform)


class AccountHandle(models.Model):
    """A handle an account has used: the history that survives a rename."""

    account = models.ForeignKey(OnlineAccount, on_delete=models.CASCADE, related_name="handles")
    platform = models.CharField(max_length=30)
    handle = models.CharField(max_length=200)
    first_seen_at = models.DateTimeField()
    last_seen_at = models.DateTimeField()

    class Meta:
        ordering = ["first_seen_at"]
        constraints = [
            models.UniqueConstraint(fields=["platform", "handle"], name="one_holder_per_handle")
        ]

    def __str__(self) -> str:
        return f"{self.platform}:{self.handle}"


class CaseMerge(models.Model):
    """One case absorbed into another, with exactly what moved, so it can be undone."""

    survivor = models.ForeignKey("cases.Case", on_delete=models.PROTECT, related_name="+")
    absorbed = models.ForeignKey("cases.Case", on_delete=models.PROTECT, related_name="+")
    report_ids = models.JSONField()
    absorbed_status = models.CharField(max_length=20)
    survivor_urgency = models.PositiveSmallIntegerField()
    survivor_urgency_reason = models.CharField(max_length=300, blank=True)
    reason = models.CharField(max_length=300)
    merged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    merged_at = models.DateTimeField()
    undone_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-merged_at"]

    def __str__(self) -> str:
        return f"{self.absorbed_id} merged into {self.survivor_id}"
