"""Evidence packages: what a local force receives from the hub for one case.

Each generation that finds something new is a new numbered version; its ZIP and PDF are kept in
the content-addressed evidence store, and it can be rebuilt byte for byte from the records it
was made from (everything as it stood at `generated_at`)."""

from django.conf import settings
from django.db import models


class Exhibit(models.Model):
    """An evidence file's exhibit reference in a case (MG12): the initials of the officer who
    first put it in a package, and a number. Given once and kept, so every version of the
    package calls the same file by the same reference."""

    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="exhibits")
    evidence = models.ForeignKey(
        "evidence.EvidenceFile", on_delete=models.PROTECT, related_name="exhibits"
    )
    initials = models.CharField(max_length=10)
    number = models.PositiveIntegerField()
    assigned_at = models.DateTimeField()
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["assigned_at", "initials", "number"]
        constraints = [
            models.UniqueConstraint(fields=["case", "evidence"], name="one_exhibit_per_file"),
            models.UniqueConstraint(
                fields=["case", "initials", "number"], name="one_exhibit_reference"
            ),
        ]

    def __str__(self) -> str:
        return self.reference

    @property
    def reference(self) -> str:
        return f"{self.initials}/{self.number}"


class PackageVersion(models.Model):
    case = models.ForeignKey(
        "cases.Case", on_delete=models.CASCADE, related_name="package_versions"
    )
    number = models.PositiveIntegerField()
    generated_at = models.DateTimeField()
    generated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    generated_by_label = models.CharField(max_length=200)
    recipient_force = models.ForeignKey(
        "jurisdiction.Force", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    zip_sha256 = models.CharField(max_length=64, blank=True)
    zip_size = models.PositiveBigIntegerField(default=0)
    pdf_sha256 = models.CharField(max_length=64, blank=True)
    pdf_size = models.PositiveBigIntegerField(default=0)
    snapshot = models.JSONField(default=dict, help_text="What it was built from, to compare")
    changes = models.JSONField(default=list, help_text="What changed since the last version")

    class Meta:
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(fields=["case", "number"], name="one_package_number")
        ]

    def __str__(self) -> str:
        return f"{self.case} evidence package v{self.number}"

    @property
    def name(self) -> str:
        return f"{self.case.reference}-evidence-package-v{self.number}"
