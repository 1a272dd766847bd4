"""Training modules: pages of material in Markdown with a short knowledge check.

Editing a module never changes what someone studied: it adds a `ModuleVersion`, and an
`Attempt` records the version it was taken on. A supervisor can make a module required before
volunteers' submissions are accepted; `required_from_version` says which versions count (a
significant rewrite can ask everyone to pass the new version again).
"""

from django.conf import settings
from django.db import models


class Module(models.Model):
    slug = models.SlugField(max_length=80, unique=True)
    title = models.CharField(max_length=200)
    current_version = models.PositiveIntegerField(default=0)
    required_for_volunteers = models.BooleanField(
        "Volunteers must pass it before their submissions are accepted", default=False
    )
    required_from_version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField()
    updated_at = models.DateTimeField()

    class Meta:
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title


class ModuleVersion(models.Model):
    module = models.ForeignKey(Module, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    title = models.CharField(max_length=200)
    summary = models.CharField(max_length=300, blank=True)
    body = models.TextField(help_text="Markdown")
    # [{"text": "...", "choices": ["...", "..."], "answer": 1}]
    questions = models.JSONField()
    pass_mark = models.PositiveSmallIntegerField(help_text="Percentage of correct answers")
    change_note = models.CharField(max_length=300, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["module", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["module", "number"], name="one_module_version_number")
        ]

    def __str__(self) -> str:
        return f"{self.module} v{self.number}"


class Attempt(models.Model):
    """One go at a module's knowledge check; a passed attempt is a completion."""

    module = models.ForeignKey(Module, on_delete=models.CASCADE, related_name="attempts")
    version = models.ForeignKey(ModuleVersion, on_delete=models.PROTECT, related_name="attempts")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="training_attempts"
    )
    answered_at = models.DateTimeField()
    correct = models.PositiveSmallIntegerField()
    total = models.PositiveSmallIntegerField()
    passed = models.BooleanField()
    answers = models.JSONField(default=list)

    class Meta:
        ordering = ["-answered_at", "-pk"]
        indexes = [models.Index(fields=["user", "module", "passed"], name="training_completion")]

    def __str__(self) -> str:
        return f"{self.user} on {self.version}: {'passed' if self.passed else 'not passed'}"

    @property
    def score(self) -> int:
        return round(100 * self.correct / self.total) if self.total else 0
