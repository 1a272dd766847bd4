import datetime as dt
import html
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from hatehub.accounts.models import Organisation, Role, User
from hatehub.assessment.models import Assessment
from hatehub.audit.models import AuditEvent
from hatehub.cases.models import Case
from hatehub.outbox.models import OutboxMessage
from hatehub.volunteers import selectors, services
from hatehub.volunteers.bulk import Item
from hatehub.volunteers.models import Batch, Invitation, Submission

from .helpers import volunteer_in

pytestmark = pytest.mark.django_db


def _link(response) -> str:
    return re.search(r'<code id="invitation-link">([^<]+)</code>', response.content.decode())[1]


def test_a_supervisor_invites_a_volunteer_with_a_single_use_link(users, organisation, client):
    client.force_login(users["hub_supervisor"])
    missing = client.post(reverse("volunteers:invite"), {"username": "new"})
    assert "Choose the volunteer&#x27;s organisation" in missing.content.decode()
    assert not User.objects.filter(username="new").exists()

    response = client.post(
        reverse("volunteers:invite"),
        {
            "organisation": organisation.pk,
            "first_name": "Sam",
            "last_name": "Synthetic",
            "email": "sam.synthetic@example.org",
            "username": "sam",
        },
    )
    volunteer = User.objects.get(username="sam")
    assert (volunteer.role, volunteer.organisation) == (Role.VOLUNTEER, organisation)
    assert not volunteer.has_usable_password()
    link = _link(response)
    path = link.removeprefix("http://testserver")
    assert path.startswith("/volunteer/set-password/")
    invitation = Invitation.objects.get(volunteer=volunteer)
    assert path.split("/")[-2] not in invitation.token_hash  # only the hash is kept
    email = OutboxMessage.objects.get(purpose="volunteer_invitation")
    assert email.recipient == "sam.synthetic@example.org" and link in email.body
    assert AuditEvent.objects.filter(
        object_type="user", object_id=str(volunteer.pk), action="create"
    ).exists()

    client.logout()
    assert client.get(path).status_code == 200
    mismatch = client.post(path, {"password1": "a long synthetic passphrase", "password2": "other"})
    assert "do not match" in mismatch.content.decode()
    done = client.post(
        path,
        {"password1": "a long synthetic passphrase", "password2": "a long synthetic passphrase"},
    )
    assert done["Location"] == f"{reverse('accounts:login')}?next=/volunteer/"
    volunteer.refresh_from_db()
    assert volunteer.check_password("a long synthetic passphrase")
    assert client.get(path).status_code == 404  # used once
    client.logout()
    assert client.get(path).status_code == 404


def test_a_new_link_replaces_the_old_and_links_expire(users, organisation, client):
    invited = services.invite_volunteer(
        username="kim",
        first_name="Kim",
        last_name="S",
        email="",
        organisation=organisation,
        by=users["hub_supervisor"],
    )
    client.force_login(users["hub_supervisor"])
    response = client.post(reverse("volunteers:reissue", args=[invited.volunteer.pk]))
    new_path = _link(response).removeprefix("http://testserver")
    client.logout()
    assert client.get(invited.path()).status_code == 404
    assert client.get(new_path).status_code == 200
    Invitation.objects.filter(revoked_at=None).update(
        expires_at=timezone.now() - dt.timedelta(seconds=1)
    )
    assert client.get(new_path).status_code == 404


def test_only_supervisors_manage_volunteers(users, client):
    for role in ("hub_officer", "force_user", "volunteer", "partner", "analyst"):
        client.force_login(users[role])
        assert client.get(reverse("volunteers:invite")).status_code == 403
        assert client.get(reverse("volunteers:quality")).status_code == 403


def test_the_form_refuses_every_bad_line_and_changes_nothing(users, client):
    client.force_login(users["volunteer"])
    response = client.post(
        reverse("volunteers:submit"),
        {"urls": "https://x.com/a/status/1 seen\nnot-a-url\nhttps://10.1.1.1/x", "platform": "x"},
    )
    page = html.unescape(response.content.decode())
    assert "Line 2: The web address must start with https://" in page
    assert "Line 3: The web address must name a website" in page
    assert not Batch.objects.exists() and not Submission.objects.exists()

    ok = client.post(
        reverse("volunteers:submit"),
        {
            "urls": "https://x.com/a/status/1 seen under a vigil post\nhttps://www.tiktok.com/@b/video/2",
            "strands": ["race"],
        },
    )
    batch = Batch.objects.get()
    assert ok["Location"] == reverse("volunteers:batch", args=[batch.pk])
    rows = list(Submission.objects.order_by("row").values_list("row", "platform", "notes"))
    assert rows == [(1, "x", "seen under a vigil post"), (2, "tiktok", "")]
    assert set(Submission.objects.values_list("report__strands__code", flat=True)) == {"race"}


def _decide(case, classification):
    now = timezone.now()
    Assessment.objects.create(
        case=case, number=case.assessments.count() + 1, reason="[SYNTHETIC]", created_at=now,
        answers={}, recommendation={"classification": classification}, rules_version="test",
        decided_classification=classification, decided_at=now,
    )  # fmt: skip


def _send(volunteer, *urls):
    items = [Item(row=i + 1, url=url, platform="x") for i, url in enumerate(urls)]
    return services.submit_batch(volunteer, items, method=Batch.Method.FORM, rows=len(items))


def test_volunteers_see_the_status_of_their_own_submissions_only(
    users, organisation, make_report, client
):
    public = make_report(platform="x")  # a member of the public reported this post first
    public_url = public.content_items.get().url
    mine = volunteer_in(organisation)
    other = volunteer_in(organisation, username="other-volunteer")
    _send(
        mine,
        public_url,
        "https://x.com/b/status/22",
        "https://x.com/c/status/33",
        "https://x.com/d/status/44",
        "https://x.com/e/status/55",
    )
    _send(other, "https://x.com/zz/status/99")
    by_url = {s.url: s for s in Submission.objects.filter(volunteer=mine)}
    _decide(by_url["https://x.com/b/status/22"].report.case, "crime")
    _decide(by_url["https://x.com/c/status/33"].report.case, "nchi")
    Case.objects.filter(pk=by_url["https://x.com/d/status/44"].report.case_id).update(
        status=Case.Status.REFERRED
    )

    statuses = {s.url: s.status for s in selectors.with_status(selectors.own_submissions(mine))}
    assert statuses == {
        public_url: "duplicate",
        "https://x.com/b/status/22": "crime",
        "https://x.com/c/status/33": "not_illegal",
        "https://x.com/d/status/44": "referred",
        "https://x.com/e/status/55": "received",
    }

    client.force_login(mine)
    page = client.get(reverse("volunteers:home")).content.decode()
    for label in (
        "Duplicate of an existing case",
        "Assessed as a crime",
        "Not illegal",
        "Referred to the platform",
        "Received",
    ):
        assert label in page
    assert "https://x.com/zz/status/99" not in page  # another volunteer's
    complainant = public.complainant
    assert complainant.name not in page and complainant.email not in page  # the victim's report
    assert public.reference not in page and public.case.reference not in page
    assert (
        client.get(
            reverse("volunteers:batch", args=[Batch.objects.get(volunteer=other).pk])
        ).status_code
        == 404
    )
    assert AuditEvent.objects.filter(object_type="volunteer_submission_list", actor=mine).exists()


def test_quality_per_volunteer_and_organisation(users, organisation, client):
    other_org = Organisation.objects.create(name="Second Reporting Centre")
    good = volunteer_in(organisation, username="good")
    weak = volunteer_in(other_org, username="weak")
    _send(
        good,
        "https://x.com/a/status/1",
        "https://x.com/a/status/2",
        "https://x.com/a/status/3",
        "https://x.com/a/status/4",
    )
    _send(weak, "https://x.com/w/status/71", "https://x.com/w/status/72")
    for submission in Submission.objects.filter(volunteer=good)[:3]:
        _decide(submission.report.case, "crime")
    _decide(Submission.objects.filter(volunteer=weak).first().report.case, "not_hate")

    figures = {q.label: q for q in selectors.quality()}
    first, second = figures[organisation.name], figures["Second Reporting Centre"]
    assert (first.submissions, first.assessed, first.crime, first.crime_share) == (4, 3, 3, 75)
    assert first.crime_share_of_assessed == 100
    assert (second.submissions, second.assessed, second.crime, second.crime_share) == (2, 1, 0, 0)
    member = {m.username: m for m in first.members}["good"]
    assert member.crime == 3 and member.actioned_share == 75

    client.force_login(users["hub_supervisor"])
    page = client.get(reverse("volunteers:quality")).content.decode()
    assert "Second Reporting Centre" in page and "75%" in page
    assert AuditEvent.objects.filter(object_type="volunteer_quality").exists()


def test_only_volunteers_submit(users):
    with pytest.raises(services.SubmissionRefused):
        _send(users["hub_officer"], "https://x.com/a/status/1")


def test_referred_and_removed_come_from_the_platform_referrals(organisation):
    from hatehub.platforms.models import ItemStatus, Platform, Referral, ReferralItem

    mine = volunteer_in(organisation)
    _send(mine, "https://x.com/p/status/501", "https://x.com/p/status/502")
    first, second = Submission.objects.order_by("row")
    now = timezone.now()
    platform, _ = Platform.objects.get_or_create(slug="x", defaults={"name": "X"})
    referral = Referral.objects.create(
        platform=platform, channel="email", subject="[SYNTHETIC]", body="[SYNTHETIC]",
        created_at=now,
    )  # fmt: skip
    for number, (submission, status) in enumerate(
        [(first, ItemStatus.SENT), (second, ItemStatus.REMOVED)], start=1
    ):
        case = submission.report.case
        _decide(case, "crime")
        ReferralItem.objects.create(
            referral=referral, number=number, case=case,
            content_item=submission.report.content_items.get(), assessment=case.assessments.get(),
            url=submission.url, canonical_url="x", status=status, status_changed_at=now,
            removed_at=now if status == ItemStatus.REMOVED else None,
        )  # fmt: skip
    statuses = [s.status for s in selectors.with_status(Submission.objects.order_by("row"))]
    assert statuses == ["referred", "removed"]
    figures = {q.label: q for q in selectors.quality()}[organisation.name]
    assert (figures.crime, figures.removed, figures.actioned_share) == (2, 1, 100)
