"""Reading volunteers' submissions: the status a volunteer sees of their own, and the quality
figures supervisors use to target training.

The status comes from the case the report is in (after any merge: reports move to the case that
survives) and the officer's latest decided assessment. A volunteer sees only their own
submissions and only this status: never the case's other reports, victims or reference.
"""

from dataclasses import dataclass, field

from django.db.models import F, OuterRef, QuerySet, Subquery

from hatehub.accounts.models import Role, User
from hatehub.assessment.models import Assessment, Classification
from hatehub.cases.models import Case
from hatehub.platforms.models import ItemStatus, ReferralItem

from .models import Batch, Submission


class Status:
    RECEIVED = "received"
    DUPLICATE = "duplicate"
    CRIME = "crime"
    NOT_ILLEGAL = "not_illegal"
    REFERRED = "referred"
    REMOVED = "removed"

    LABELS = {
        RECEIVED: "Received",
        DUPLICATE: "Duplicate of an existing case",
        CRIME: "Assessed as a crime",
        NOT_ILLEGAL: "Not illegal",
        REFERRED: "Referred to the platform",
        REMOVED: "Removed by the platform",
    }
    COLOURS = {
        RECEIVED: "govuk-tag--grey",
        DUPLICATE: "govuk-tag--blue",
        CRIME: "govuk-tag--red",
        NOT_ILLEGAL: "govuk-tag--yellow",
        REFERRED: "govuk-tag--purple",
        REMOVED: "govuk-tag--green",
    }


def _decided_classification():
    return Subquery(
        Assessment.objects.filter(case=OuterRef("report__case"), decided_at__isnull=False)
        .order_by("-number")
        .values("decided_classification")[:1]
    )


def platform_outcomes(case_ids) -> tuple[set[int], set[int]]:
    """(cases referred to a platform, cases whose content a platform took down), from the
    platforms app's referral items: referred once an item is sent, removed once one is
    removed (or geo-blocked in the UK)."""
    items = ReferralItem.objects.filter(case_id__in=case_ids).exclude(status=ItemStatus.DRAFTED)
    referred, removed = set(), set()
    for case_id, status, removed_at in items.values_list("case_id", "status", "removed_at"):
        referred.add(case_id)
        if removed_at is not None or status in (ItemStatus.REMOVED, ItemStatus.GEO_BLOCKED):
            removed.add(case_id)
    return referred, removed


def status_of(
    *, classification: str | None, case_status: str, joined: bool, referred: bool, removed: bool
) -> str:
    if removed:
        return Status.REMOVED
    if referred or case_status == Case.Status.REFERRED:
        return Status.REFERRED
    if classification == Classification.CRIME:
        return Status.CRIME
    if classification:
        return Status.NOT_ILLEGAL
    if joined:
        return Status.DUPLICATE
    return Status.RECEIVED


def with_status(submissions: QuerySet[Submission]) -> list[Submission]:
    rows = list(
        submissions.annotate(
            classification=_decided_classification(),
            case_status=F("report__case__status"),
            case_id=F("report__case_id"),
        ).select_related("report")
    )
    referred, removed = platform_outcomes({row.case_id for row in rows})
    for row in rows:
        row.status = status_of(
            classification=row.classification,
            case_status=row.case_status,
            joined=row.joined_existing,
            referred=row.case_id in referred,
            removed=row.case_id in removed,
        )
        row.status_label = Status.LABELS[row.status]
        row.status_colour = Status.COLOURS[row.status]
    return rows


def own_submissions(volunteer) -> QuerySet[Submission]:
    return Submission.objects.filter(volunteer=volunteer)


def own_batches(volunteer) -> QuerySet[Batch]:
    return Batch.objects.filter(volunteer=volunteer)


def own_batch(volunteer, pk: int) -> Batch | None:
    return Batch.objects.filter(volunteer=volunteer, pk=pk).first()


# --------------------------------------------------------------------------- quality


@dataclass
class Quality:
    label: str
    submissions: int = 0
    assessed: int = 0
    crime: int = 0
    removed: int = 0
    crime_or_removed: int = 0
    duplicates: int = 0
    members: list = field(default_factory=list)

    def _share(self, part: int, whole: int) -> int | None:
        return round(100 * part / whole) if whole else None

    @property
    def crime_share(self) -> int | None:
        """Of everything sent: how much an officer found to be a crime."""
        return self._share(self.crime, self.submissions)

    @property
    def crime_share_of_assessed(self) -> int | None:
        return self._share(self.crime, self.assessed)

    @property
    def actioned_share(self) -> int | None:
        """Of everything sent: found to be a crime or taken down."""
        return self._share(self.crime_or_removed, self.submissions)

    def add(self, *, classification, removed: bool, joined: bool) -> None:
        self.submissions += 1
        self.assessed += bool(classification)
        self.crime += classification == Classification.CRIME
        self.removed += removed
        self.crime_or_removed += classification == Classification.CRIME or removed
        self.duplicates += joined


def quality() -> list[Quality]:
    """Per organisation, and within it per volunteer (volunteers with no submissions too)."""
    rows = list(
        Submission.objects.annotate(classification=_decided_classification()).values_list(
            "volunteer_id",
            "organisation_id",
            "classification",
            "joined_existing",
            "report__case_id",
        )
    )
    _referred, removed = platform_outcomes({row[4] for row in rows})
    volunteers = {
        user.pk: user
        for user in User.objects.filter(role=Role.VOLUNTEER).select_related("organisation")
    }
    volunteers |= {
        user.pk: user
        for user in User.objects.filter(pk__in={row[0] for row in rows} - set(volunteers))
    }
    per_volunteer: dict[int, Quality] = {
        pk: Quality(user.get_full_name() or user.username) for pk, user in volunteers.items()
    }
    organisations: dict[object, Quality] = {}
    for pk, user in volunteers.items():
        key = user.organisation_id
        if key not in organisations:
            label = user.organisation.name if user.organisation_id else "No organisation"
            organisations[key] = Quality(label)
        per_volunteer[pk].username = user.username
        organisations[key].members.append(per_volunteer[pk])
    for volunteer_id, organisation_id, classification, joined, case_id in rows:
        facts = {"classification": classification, "removed": case_id in removed, "joined": joined}
        per_volunteer[volunteer_id].add(**facts)
        if organisation_id not in organisations:
            organisations[organisation_id] = Quality("Organisation no longer linked")
        organisations[organisation_id].add(**facts)
    for organisation in organisations.values():
        organisation.members.sort(key=lambda q: q.label.lower())
    return sorted(organisations.values(), key=lambda q: q.label.lower())
