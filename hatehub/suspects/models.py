from django.conf import settings
from django.db import models


class Person(models.Model):
    """An identified person (the P of POLE): a suspect the hub has linked to online accounts.

    Personal data: read and change only through `suspects.services`/`selectors`, which audit."""

    reference = models.CharField(max_length=20, unique=True)
    full_name = models.CharField(max_length=200)
    other_names = models.JSONField(default=list, blank=True)
    date_of_birth = models.DateField(null=True, blank=True)
    # Where they live, as given (a postcode, town or address) and the force area it resolves to.
    location_text = models.CharField(max_length=300, blank=True)
    force = models.ForeignKey(
        "jurisdiction.Force", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    notes = models.TextField(blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["full_name"]

    def __str__(self) -> str:
        return self.reference


class PersonAccountLink(models.Model):
    """This person is believed to be behind this account: how we know and how sure we are."""

    class Source(models.TextChoices):
        PLATFORM_DISCLOSURE = "platform_disclosure", "Disclosed by the platform"
        SELF_IDENTIFIED = "self_identified", "Named on the account itself"
        VICTIM = "victim", "Named by the victim"
        WITNESS = "witness", "Named by a witness"
        OPEN_SOURCE = "open_source", "Open-source research"
        FORCE_ENQUIRY = "force_enquiry", "Local force enquiries"

    class Confidence(models.TextChoices):
        CONFIRMED = "confirmed", "Confirmed"
        PROBABLE = "probable", "Probable"
        POSSIBLE = "possible", "Possible"

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="account_links")
    account = models.ForeignKey(
        "matching.OnlineAccount", on_delete=models.PROTECT, related_name="person_links"
    )
    source = models.CharField(max_length=30, choices=Source.choices)
    confidence = models.CharField(max_length=20, choices=Confidence.choices)
    note = models.TextField(blank=True)
    linked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    linked_at = models.DateTimeField()
    # Unlinking keeps the row (and the audit entry says who and why).
    unlinked_at = models.DateTimeField(null=True, blank=True)
    unlinked_reason = models.TextField(blank=True)

    class Meta:
        ordering = ["-linked_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["person", "account"],
                condition=models.Q(unlinked_at__isnull=True),
                name="one_current_link_per_person_and_account",
            )
        ]
