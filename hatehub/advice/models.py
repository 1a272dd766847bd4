"""Advice to local forces: a best-practice library and forces' questions to the hub.

An `Article` holds the current text and tags (what the library searches and filters); every
publication adds an `ArticleVersion`, so earlier advice stays readable as it was given. An
`AdviceRequest` is a force user's question, about one of their force's cases or in general,
with the working day it is due by under the hub's service level; an answered request can become
an article.
"""

from django.conf import settings
from django.db import models


class Article(models.Model):
    title = models.CharField(max_length=200)
    summary = models.CharField(max_length=300, blank=True)
    body = models.TextField(help_text="Markdown")
    strands = models.ManyToManyField("reports.Strand", blank=True, related_name="advice_articles")
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField()
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField()
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-updated_at", "-pk"]

    def __str__(self) -> str:
        return self.title

    @property
    def offence_ids(self) -> list[str]:
        return [tag.offence_id for tag in self.offence_tags.all()]


class ArticleOffence(models.Model):
    """An offence (an id of `assessment/rules/offences.yaml`) the article is about."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="offence_tags")
    offence_id = models.CharField(max_length=60, db_index=True)

    class Meta:
        ordering = ["offence_id"]
        constraints = [
            models.UniqueConstraint(fields=["article", "offence_id"], name="one_offence_tag")
        ]

    def __str__(self) -> str:
        return self.offence_id


class ArticleVersion(models.Model):
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    title = models.CharField(max_length=200)
    summary = models.CharField(max_length=300, blank=True)
    body = models.TextField()
    strands = models.JSONField(default=list)
    offences = models.JSONField(default=list)
    change_note = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField()
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["article", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["article", "number"], name="one_article_version")
        ]

    def __str__(self) -> str:
        return f"{self.article} v{self.number}"


class AdviceRequest(models.Model):
    force = models.ForeignKey(
        "jurisdiction.Force", on_delete=models.PROTECT, related_name="advice_requests"
    )
    asked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    case = models.ForeignKey(
        "cases.Case",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="advice_requests",
    )
    subject = models.CharField(max_length=200)
    question = models.TextField()
    asked_at = models.DateTimeField(db_index=True)
    due_on = models.DateField(help_text="The last working day of the service level")
    answer = models.TextField(blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    answered_at = models.DateTimeField(null=True, blank=True)
    article = models.ForeignKey(
        Article, null=True, blank=True, on_delete=models.SET_NULL, related_name="from_requests"
    )

    class Meta:
        ordering = ["-asked_at", "-pk"]
        indexes = [models.Index(fields=["answered_at", "due_on"], name="advice_open_by_due")]

    def __str__(self) -> str:
        return f"Advice request {self.pk}: {self.subject}"

    @property
    def answered(self) -> bool:
        return self.answered_at is not None
