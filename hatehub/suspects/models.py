from django.conf import settings
from django.db import models

from hatehub.core.encryption import EncryptedTextField


class Person(models.Model):
    """An identified person (the P of POLE): a suspect the hub has linked to online accounts.

    Personal data: read and change only through `suspects.services`/`selectors`, which audit."""

    reference = models.CharField(max_length=20, unique=True)
    # Encrypted at rest (hatehub.core.encryption): searched and sorted in Python, never in SQL.
    full_name = EncryptedTextField()
    other_names = models.JSONField(default=list, blank=True)
    date_of_birth = models.DateField(null=True, blank=True)
    # Where they live, as given (a postcode, town or address) and the force area it resolves to.
    location_text = EncryptedTextField(blank=True)
    force = models.ForeignKey(
        "jurisdiction.Force", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    notes = EncryptedTextField(blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["reference"]

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

    def __str__(self) -> str:
        return f"{self.person_id} -> {self.account_id}"

    @property
    def current(self) -> bool:
        return self.unlinked_at is None


class CaseIdentification(models.Model):
    """The first time a person was identified as a suspect in a case (through a confirmed or
    probable link to an account the case's reports name). Kept once per person and case, so the
    victim's "suspect identified" event is recorded once."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="identifications")
    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="+")
    link = models.ForeignKey(PersonAccountLink, on_delete=models.PROTECT, related_name="+")
    identified_at = models.DateTimeField()
    identified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["identified_at"]
        constraints = [
            models.UniqueConstraint(fields=["person", "case"], name="identified_once_per_case")
        ]

    def __str__(self) -> str:
        return f"{self.person_id} in case {self.case_id}"


class IdentificationRequest(models.Model):
    """A communications data request (Investigatory Powers Act 2016 Part 3) to a platform for
    who is behind an account. Drafted by a hub officer, reviewed by a single point of contact
    (s76), authorised (s60A by the Investigatory Powers Commissioner, through OCDA; s61A by a
    designated senior officer when urgent), and only then sent. The state changes only in
    `suspects.services`, which checks every step."""

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        AWAITING_REVIEW = "awaiting_review", "Awaiting SPoC review"
        RETURNED = "returned", "Returned with comments"
        REJECTED = "rejected", "Rejected"
        APPROVED = "approved", "Approved by SPoC"
        AUTHORISED = "authorised", "Authorised"
        SENT = "sent", "Sent to the platform"
        RESPONSE_RECEIVED = "response_received", "Response received"
        REFUSED = "refused", "Refused by the platform"

    class DataWanted(models.TextChoices):
        # Entity data (IPA 2016 s261(3)): who the account belongs to.
        SUBSCRIBER = "subscriber", "Subscriber details given at registration (name, email, phone)"
        CREATION_IP = "creation_ip", "Account creation IP address and time"
        # Events data (s261(4)): what the account did and when.
        LOGIN_IPS = "login_ips", "Login IP addresses and times over the period"
        CONNECTIONS = "connections", "Connection records (IP, port, time) over the period"

    EVENTS_DATA = frozenset({DataWanted.LOGIN_IPS, DataWanted.CONNECTIONS})

    class HolderLocation(models.TextChoices):
        UK = "uk", "In the UK"
        ABROAD = "abroad", "Outside the UK"
        UNKNOWN = "unknown", "Not known"

    reference = models.CharField(max_length=24, unique=True)
    account = models.ForeignKey(
        "matching.OnlineAccount", on_delete=models.PROTECT, related_name="identification_requests"
    )
    cases = models.ManyToManyField("cases.Case", related_name="+")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.DRAFT)
    data_wanted = models.JSONField(default=list)
    period_start = models.DateField()
    period_end = models.DateField()
    necessity = models.TextField()
    proportionality = models.TextField()
    collateral_intrusion = models.TextField()
    # Where the data and the person are: the route the request must take (see routing.py).
    provider_country = models.CharField(max_length=2, blank=True)
    holder_location = models.CharField(
        max_length=10, choices=HolderLocation.choices, default=HolderLocation.UNKNOWN
    )
    holder_country = models.CharField(max_length=100, blank=True)
    serious_crime = models.BooleanField(default=False)
    route = models.CharField(max_length=30)
    route_reason = models.TextField()

    drafted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    drafted_at = models.DateTimeField()
    submitted_at = models.DateTimeField(null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    review_comments = models.TextField(blank=True)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    sent_at = models.DateTimeField(null=True, blank=True)
    sent_how = models.CharField(max_length=300, blank=True)
    platform_reference = models.CharField(max_length=100, blank=True)

    class Meta:
        ordering = ["-drafted_at"]
        indexes = [models.Index(fields=["status", "-drafted_at"], name="id_request_status")]

    def __str__(self) -> str:
        return self.reference

    @property
    def wants_events_data(self) -> bool:
        return bool(self.EVENTS_DATA & set(self.data_wanted))

    def data_wanted_labels(self) -> list[str]:
        labels = dict(self.DataWanted.choices)
        return [labels.get(code, code) for code in self.data_wanted]


class RequestStep(models.Model):
    """The request's history: every submission, review, authorisation, sending and response,
    with who did it and what they said (a returned request's comments stay readable)."""

    request = models.ForeignKey(
        IdentificationRequest, on_delete=models.CASCADE, related_name="steps"
    )
    at = models.DateTimeField()
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    from_status = models.CharField(max_length=20)
    to_status = models.CharField(max_length=20)
    comments = models.TextField(blank=True)

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.request_id}: {self.from_status} -> {self.to_status}"


class Authorisation(models.Model):
    """Who authorised the request, their reference and date, and who recorded it."""

    class Body(models.TextChoices):
        OCDA = (
            "ocda",
            "Investigatory Powers Commissioner, through the Office for Communications Data "
            "Authorisations (OCDA), s60A",
        )
        DSO_URGENT = "dso_urgent", "Designated senior officer, urgent case (s61A)"

    request = models.OneToOneField(
        IdentificationRequest, on_delete=models.PROTECT, related_name="authorisation"
    )
    body = models.CharField(max_length=20, choices=Body.choices)
    reference = models.CharField(max_length=100)
    authorised_on = models.DateField()
    # For a designated senior officer: their name and rank, and why it could not wait for OCDA.
    authorising_officer = models.CharField(max_length=200, blank=True)
    urgency_reason = models.TextField(blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"{self.get_body_display()} {self.reference}"


class PlatformResponse(models.Model):
    """What the platform answered, and who received it when (continuity)."""

    class Outcome(models.TextChoices):
        DISCLOSED = "disclosed", "Data disclosed"
        NO_DATA = "no_data", "No data held"
        REFUSED = "refused", "Refused"

    request = models.OneToOneField(
        IdentificationRequest, on_delete=models.PROTECT, related_name="response"
    )
    outcome = models.CharField(max_length=20, choices=Outcome.choices)
    received_at = models.DateTimeField(help_text="When the platform's answer arrived")
    received_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField()
    summary = models.TextField(blank=True, help_text="What was disclosed (personal data)")
    refusal_reason = models.TextField(blank=True)

    def __str__(self) -> str:
        return f"Response to {self.request_id}: {self.outcome}"


class ResponseAttachment(models.Model):
    """A file the platform sent, kept byte-for-byte in the content-addressed evidence store
    under its SHA-256 (re-hashed before every download)."""

    response = models.ForeignKey(
        PlatformResponse, on_delete=models.PROTECT, related_name="attachments"
    )
    original_filename = models.CharField(max_length=255)
    media_type = models.CharField(max_length=100)
    size_bytes = models.PositiveBigIntegerField()
    sha256 = models.CharField(max_length=64)
    received_at = models.DateTimeField()
    received_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return f"{self.original_filename} ({self.sha256[:12]})"
