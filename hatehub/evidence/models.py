from django.db import models


class EvidenceFile(models.Model):
    """A file received with a report, kept byte-for-byte in the content-addressed store.

    Derivatives (thumbnails, later redactions) are separate rows with their own hash, pointing at
    the original they were made from.
    """

    class Kind(models.TextChoices):
        ORIGINAL = "original", "Original"
        THUMBNAIL = "thumbnail", "Thumbnail"

    report = models.ForeignKey("intake.Report", on_delete=models.CASCADE, related_name="evidence")
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.ORIGINAL)
    derived_from = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="derivatives"
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
            )
        ]

    def __str__(self) -> str:
        return f"{self.original_filename} ({self.sha256[:12]})"

    @property
    def is_image(self) -> bool:
        return self.media_type.startswith("image/")
