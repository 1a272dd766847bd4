from django.conf import settings
from django.db import models


class EvidenceFile(models.Model):
    """A file the hub holds as evidence, kept byte-for-byte in the content-addressed store.

    Originals are what a reporter sent (kind ORIGINAL) or what the hub collected from the web
    (kind CAPTURE, with `capture` set). Derivatives (thumbnails) are separate rows with their own
    hash, pointing at the original they were made from. Every action on a file is a
    `ContinuityEntry`.
    """

    class Kind(models.TextChoices):
        ORIGINAL = "original", "Original"
        THUMBNAIL = "thumbnail", "Thumbnail"
        CAPTURE = "capture", "Online capture"

    PRIMARY_KINDS = (Kind.ORIGINAL, Kind.CAPTURE)

    report = models.ForeignKey("reports.Report", on_delete=models.CASCADE, related_name="evidence")
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.ORIGINAL)
    derived_from = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="derivatives"
    )
    capture = models.ForeignKey(
        "evidence.Capture", null=True, blank=True, on_delete=models.PROTECT, related_name="files"
    )
    original_filename = models.CharField(max_length=255)
    media_type = models.CharField(max_length=100)
    size_bytes = models.PositiveBigIntegerField()
    sha256 = models.CharField(max_length=64, db_index=True)
    received_at = models.DateTimeField()

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["derived_from", "kind"],
                condition=models.Q(derived_from__isnull=False),
                name="one_derivative_of_each_kind",
            ),
            models.CheckConstraint(
                condition=models.Q(kind="capture", capture__isnull=False)
                | (~models.Q(kind="capture") & models.Q(capture__isnull=True)),
                name="capture_files_belong_to_a_capture",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.original_filename} ({self.sha256[:12]})"

    @property
    def is_image(self) -> bool:
        return self.media_type.startswith("image/")

    @property
    def is_primary(self) -> bool:
        return self.kind in self.PRIMARY_KINDS


class ContinuityEntry(models.Model):
    """The continuity log of one evidence file: who did what to it, when and why. Append-only:
    nothing updates or deletes an entry (the audit log records the same actions for DPA s62;
    this log is the exhibit's own chain of custody, printed in the evidence package)."""

    class Action(models.TextChoices):
        RECEIVED = "received", "Received"
        CAPTURED = "captured", "Captured from the web"
        DERIVED = "derived", "Derivative made"
        DOWNLOADED = "downloaded", "Downloaded"
        VIEWED = "viewed", "Viewed"
        PACKAGED = "packaged", "Included in an evidence package"
        PACKAGE_DOWNLOADED = "package_downloaded", "Evidence package downloaded"
        INTEGRITY_FAILURE = "integrity_failure", "Integrity check failed"

    evidence = models.ForeignKey(EvidenceFile, on_delete=models.CASCADE, related_name="continuity")
    at = models.DateTimeField()
    action = models.CharField(max_length=30, choices=Action.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    actor_label = models.CharField(max_length=200)
    what = models.CharField(max_length=500)
    why = models.CharField(max_length=500)
    sha256 = models.CharField(max_length=64, help_text="The file's hash when the action was done")
    details = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["at", "pk"]
        indexes = [models.Index(fields=["evidence", "at"], name="continuity_by_file")]
        verbose_name_plural = "continuity entries"

    def __str__(self) -> str:
        return f"{self.evidence_id} {self.action} {self.at:%Y-%m-%d %H:%M:%S}"


class Capture(models.Model):
    """An officer's capture of one reported URL: a headless browser's full-page screenshot,
    the page's HTML and a WARC of the HTTP exchanges, each stored as evidence (kind CAPTURE)."""

    class Status(models.TextChoices):
        REQUESTED = "requested", "Requested"
        RUNNING = "running", "Capturing"
        CAPTURED = "captured", "Captured"
        UNAVAILABLE = "unavailable", "Capture unavailable"
        REFUSED = "refused", "Refused"
        FAILED = "failed", "Failed"

    FINISHED = (Status.CAPTURED, Status.UNAVAILABLE, Status.REFUSED, Status.FAILED)

    content_item = models.ForeignKey(
        "reports.ContentItem", on_delete=models.CASCADE, related_name="captures"
    )
    url = models.URLField(max_length=2000)
    reason = models.CharField(max_length=500, help_text="Why the officer captured it")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.REQUESTED)
    status_detail = models.CharField(max_length=500, blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    requested_at = models.DateTimeField()
    started_at = models.DateTimeField(null=True, blank=True)
    captured_at = models.DateTimeField(null=True, blank=True, help_text="UTC, page loaded")
    finished_at = models.DateTimeField(null=True, blank=True)
    final_url = models.CharField(max_length=2000, blank=True)
    http_status = models.PositiveSmallIntegerField(null=True, blank=True)
    method = models.JSONField(default=dict, blank=True, help_text="Browser, version, user agent")

    class Meta:
        ordering = ["-requested_at", "-pk"]

    def __str__(self) -> str:
        return f"Capture {self.pk} of {self.url}: {self.status}"

    @property
    def finished(self) -> bool:
        return self.status in self.FINISHED

    @property
    def shown_status(self) -> str:
        """What the officer reads: "capture unavailable: <reason>" when it could not run."""
        if self.status == self.Status.UNAVAILABLE:
            return f"capture unavailable: {self.status_detail}"
        if self.status in (self.Status.REFUSED, self.Status.FAILED) and self.status_detail:
            return f"{self.get_status_display()}: {self.status_detail}"
        return self.get_status_display()
