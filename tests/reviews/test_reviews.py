"""Recording, acknowledging, assigning and deciding Right to Review requests: eligibility,
deadlines in working days per nation, reviewer independence, access by force, the audit log."""

import datetime as dt

import pytest

from hatehub.accounts.models import Role, User
from hatehub.audit.models import AuditEvent
from hatehub.cases.models import Allocation, Case
from hatehub.cases.services import accept, allocate
from hatehub.jurisdiction.models import Force
from hatehub.reviews import selectors, services
from hatehub.reviews.models import ReviewRequest

pytestmark = pytest.mark.django_db
Action = AuditEvent.Action
D = dt.date


def _record(report, by, **overrides):
    values = {
        "decision_kind": "no_further_action",
        "decision_date": D(2025, 8, 1),
        "suspect_interviewed": True,
        "decision_maker": None,
        "decision_maker_name": "DS Example [SYNTHETIC]",
        "received_on": D(2025, 8, 22),
        "channel": "email",
        "grounds": "[SYNTHETIC] The victim thinks the evidence was not considered.",
    }
    values.update(overrides)
    return services.record_request(report.case, report, by=by, **values)


def _own(case, force):
    user = User.objects.create_user(f"user-{force.pk}", role=Role.FORCE_USER, force=force)
    allocate(case, force=force, reason="[SYNTHETIC] test")
    offer_id = Allocation.objects.get(case=case, state=Allocation.State.OFFERED).pk
    accept(Case.objects.get(pk=case.pk), by=user, offer_id=offer_id)
    return Case.objects.get(pk=case.pk), user


def _form(report, /, **overrides):
    data = {
        "report": report.reference,
        "decision_kind": "no_further_action",
        "suspect_interviewed": "yes",
        "decision_date": "2025-08-01",
        "decision_maker": "",
        "decision_maker_name": "DS Example",
        "received_on": "2025-08-22",
        "channel": "email",
        "grounds": "[SYNTHETIC] grounds",
    }
    data.update(overrides)
    return data


# Eligibility and deadlines -------------------------------------------------------------------


def test_an_eligible_request_gets_10_and_30_working_day_deadlines_in_england(make_report, users):
    review = _record(make_report(), users["hub_officer"])  # received Fri 22 Aug 2025
    assert review.status == ReviewRequest.Status.RECEIVED
    assert review.eligibility == "eligible" and review.nation == "england-and-wales"
    assert review.window_closes == D(2025, 11, 1)
    # Mon 25 Aug is the summer bank holiday in England and Wales.
    assert review.acknowledge_due == D(2025, 9, 8)
    assert review.decision_due == D(2025, 10, 6)
    entry = AuditEvent.objects.get(action=Action.CREATE, object_type="right_to_review")
    assert entry.actor == users["hub_officer"]
    assert entry.details["acknowledge_due"] == "2025-09-08"


def test_in_scotland_there_is_no_police_right_to_review(make_report, users):
    """DOMAIN.md s5a: Scotland has no police Victims' Right to Review (issue 15 s3): the request
    is recorded as not applicable, with where the victim can go, and no clocks start."""
    report = make_report()
    _own(report.case, Force.objects.get(country="Scotland"))
    report.refresh_from_db()
    review = _record(report, users["hub_officer"])
    assert review.nation == "scotland"
    assert review.status == ReviewRequest.Status.NOT_APPLICABLE
    assert "Procurator Fiscal" in review.eligibility_reason
    assert review.acknowledge_due is None and review.decision_due is None


def test_over_christmas_in_england(make_report, users):
    review = _record(
        make_report(),
        users["hub_officer"],
        decision_date=D(2025, 12, 1),
        received_on=D(2025, 12, 23),
    )
    assert review.acknowledge_due == D(2026, 1, 9)


def test_an_out_of_time_request_is_recorded_with_its_reason_and_no_clocks(make_report, users):
    review = _record(make_report(), users["hub_officer"], received_on=D(2025, 11, 2))
    assert review.status == ReviewRequest.Status.OUT_OF_TIME
    assert "after the 3-month window closed on 01 November 2025" in review.eligibility_reason
    assert review.acknowledge_due is None and review.decision_due is None
    assert not review.is_open
    with pytest.raises(services.ReviewRefused):
        services.acknowledge(review, on=D(2025, 11, 3), by=users["hub_officer"])


def test_where_the_scheme_does_not_apply_it_says_why(make_report, users):
    review = _record(make_report(), users["hub_officer"], decision_kind="not_to_record")
    assert review.status == ReviewRequest.Status.NOT_APPLICABLE
    assert "does not cover a decision not to record" in review.eligibility_reason
    review = _record(make_report(), users["hub_officer"], suspect_interviewed=False)
    assert review.status == ReviewRequest.Status.NOT_APPLICABLE


def test_an_unacknowledged_request_past_its_due_day_is_overdue(make_report, users):
    review = _record(make_report(), users["hub_officer"])
    assert selectors.overdue(review, D(2025, 9, 8)) == {"acknowledge": False, "decision": False}
    assert selectors.overdue(review, D(2025, 9, 9)) == {"acknowledge": True, "decision": False}
    review = services.acknowledge(review, on=D(2025, 9, 10), by=users["hub_officer"])
    # Acknowledged late: it stays flagged, even when looked at later.
    assert selectors.overdue(review, D(2025, 9, 11))["acknowledge"] is True
    assert selectors.overdue(review, D(2025, 10, 7))["decision"] is True


# Reviewer independence -----------------------------------------------------------------------


def test_the_original_decision_maker_cannot_review(make_report, users, decision_maker):
    review = _record(make_report(), users["hub_officer"], decision_maker=decision_maker)
    with pytest.raises(services.ReviewRefused, match="must not be the person"):
        services.assign_reviewer(review, decision_maker, by=users["hub_supervisor"])
    services.assign_reviewer(review, users["hub_supervisor"], by=users["hub_supervisor"])


def test_a_decision_maker_named_in_free_text_cannot_review(make_report, users):
    users["hub_supervisor"].first_name, users["hub_supervisor"].last_name = "Sam", "Senior"
    users["hub_supervisor"].save()
    review = _record(make_report(), users["hub_officer"], decision_maker_name="sam  SENIOR")
    with pytest.raises(services.ReviewRefused, match="must not be the person"):
        services.assign_reviewer(review, users["hub_supervisor"], by=users["administrator"])


def test_a_reviewer_must_see_the_case(make_report, users):
    review = _record(make_report(), users["hub_officer"])  # not allocated to Kent
    with pytest.raises(services.ReviewRefused, match="hub staff or work for the force"):
        services.assign_reviewer(review, users["other_force_user"], by=users["hub_supervisor"])


def test_only_the_assigned_independent_reviewer_decides(make_report, users, decision_maker):
    review = _record(make_report(), users["hub_officer"], decision_maker=decision_maker)
    services.acknowledge(review, on=D(2025, 8, 26), by=users["hub_officer"])
    with pytest.raises(services.ReviewRefused, match="Only the assigned reviewer"):
        services.decide(
            review, outcome="upheld", reasons="x", on=D(2025, 9, 1), by=users["hub_officer"]
        )
    services.assign_reviewer(review, users["hub_supervisor"], by=users["hub_supervisor"])
    with pytest.raises(services.ReviewRefused, match="Only the assigned reviewer"):
        services.decide(review, outcome="upheld", reasons="x", on=D(2025, 9, 1), by=decision_maker)
    review = services.decide(
        review,
        outcome="partly",
        reasons="[SYNTHETIC] Further enquiries on one account.",
        on=D(2025, 9, 30),
        by=users["hub_supervisor"],
    )
    assert review.status == ReviewRequest.Status.DECIDED and review.outcome == "partly"
    assert selectors.overdue(review) == {"acknowledge": False, "decision": False}


def test_the_database_refuses_a_reviewer_who_made_the_decision(make_report, users, decision_maker):
    from django.db import IntegrityError, transaction

    review = _record(make_report(), users["hub_officer"], decision_maker=decision_maker)
    with pytest.raises(IntegrityError), transaction.atomic():
        ReviewRequest.objects.filter(pk=review.pk).update(reviewer=decision_maker)


# Pages: per-field validation, the flow, access -----------------------------------------------


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"report": ""}, "report", "Choose the report of the victim"),
        ({"decision_kind": "whim"}, "decision_kind", "Choose a decision from the list"),
        ({"suspect_interviewed": ""}, "suspect_interviewed", "Say whether a suspect"),
        ({"decision_date": "31/02/2025"}, "decision_date", "must be a real date"),
        ({"decision_date": ""}, "decision_date", "Enter the date of the decision"),
        ({"received_on": "2025-07-01"}, "received_on", "cannot be received before"),
        ({"received_on": "2099-01-01"}, "received_on", "cannot be in the future"),
        ({"decision_maker_name": ""}, "decision_maker_name", "Choose who made the decision"),
        ({"decision_maker": "999999"}, "decision_maker", "Choose a person from the list"),
        ({"channel": "pigeon"}, "channel", "Choose how the request was made"),
        ({"grounds": ""}, "grounds", "Enter the victim's grounds"),
    ],
)
def test_the_request_form_validates_each_field_and_records_nothing(
    client, users, make_report, overrides, field, message
):
    report = make_report()
    client.force_login(users["hub_officer"])
    before = AuditEvent.objects.filter(object_type="right_to_review").count()
    response = client.post(
        f"/hub/reviews/cases/{report.case.reference}/new/", _form(report, **overrides)
    )
    assert response.status_code == 400
    errors = response.context["form"].errors
    assert any(message in e for e in errors[field]), errors
    assert not ReviewRequest.objects.exists()
    assert AuditEvent.objects.filter(object_type="right_to_review").count() == before


def test_the_whole_flow_through_the_pages(client, users, make_report, decision_maker):
    report = make_report()
    client.force_login(users["hub_officer"])
    response = client.post(
        f"/hub/reviews/cases/{report.case.reference}/new/",
        _form(report, decision_maker=decision_maker.pk, decision_maker_name=""),
    )
    review = ReviewRequest.objects.get()
    assert response["Location"] == f"/hub/reviews/{review.pk}/"
    page = client.get("/hub/reviews/").content.decode()
    assert report.case.reference in page and "Overdue" in page  # received in 2025
    # Officers acknowledge; only supervisors assign.
    assert client.post(f"/hub/reviews/{review.pk}/assign/", {}).status_code == 403
    bad = client.post(f"/hub/reviews/{review.pk}/acknowledge/", {"ack-acknowledged_on": "x"})
    assert bad.status_code == 400 and "must be a real date" in bad.content.decode()
    early = client.post(
        f"/hub/reviews/{review.pk}/acknowledge/", {"ack-acknowledged_on": "2025-08-01"}
    )
    assert "cannot be acknowledged before it was received" in early.content.decode()
    ok = client.post(
        f"/hub/reviews/{review.pk}/acknowledge/", {"ack-acknowledged_on": "2025-08-27"}
    )
    assert ok.status_code == 302

    client.force_login(users["hub_supervisor"])
    refused = client.post(
        f"/hub/reviews/{review.pk}/assign/", {"assign-reviewer": decision_maker.pk}
    )
    assert refused.status_code == 400
    assert "must not be the person who made the original decision" in refused.content.decode()
    assert (
        client.post(
            f"/hub/reviews/{review.pk}/assign/", {"assign-reviewer": users["hub_supervisor"].pk}
        ).status_code
        == 302
    )
    missing = client.post(f"/hub/reviews/{review.pk}/decide/", {"decide-outcome": "upheld"})
    assert "Enter the reasons for the outcome" in missing.content.decode()
    done = client.post(
        f"/hub/reviews/{review.pk}/decide/",
        {
            "decide-outcome": "overturned",
            "decide-reasons": "[SYNTHETIC] reasons",
            "decide-decided_on": "2025-09-15",
        },
    )
    assert done.status_code == 302
    review.refresh_from_db()
    assert review.status == ReviewRequest.Status.DECIDED
    assert report.case.reference not in client.get("/hub/reviews/").content.decode()
    changes = AuditEvent.objects.filter(
        object_type="right_to_review", object_id=str(review.pk), action=Action.CHANGE
    )
    assert changes.count() == 3  # acknowledged, assigned, decided
    assert AuditEvent.objects.filter(
        object_type="right_to_review", object_id=str(review.pk), action=Action.VIEW
    ).exists()


def test_force_users_see_only_their_forces_requests_and_cannot_record(
    client, users, make_report, forces
):
    report = make_report()
    allocate(report.case, force=forces["merseyside"], reason="[SYNTHETIC] test")
    review = _record(report, users["hub_officer"])
    client.force_login(users["force_user"])
    assert client.get(f"/hub/reviews/{review.pk}/").status_code == 200
    assert report.case.reference in client.get("/hub/reviews/").content.decode()
    assert client.get(f"/hub/reviews/cases/{report.case.reference}/new/").status_code == 403

    client.force_login(users["other_force_user"])
    assert client.get(f"/hub/reviews/{review.pk}/").status_code == 404
    assert (
        client.post(
            f"/hub/reviews/{review.pk}/acknowledge/", {"ack-acknowledged_on": "2025-08-27"}
        ).status_code
        == 404
    )
    assert report.case.reference not in client.get("/hub/reviews/").content.decode()
    denied = AuditEvent.objects.filter(action=Action.DENIED, actor=users["other_force_user"])
    assert denied.filter(object_type="right_to_review", object_id=str(review.pk)).count() == 2
    review.refresh_from_db()
    assert review.status == ReviewRequest.Status.RECEIVED


def test_the_case_panel_lists_requests_with_their_clocks(users, make_report):
    from django.template.loader import render_to_string
    from django.test import RequestFactory

    from hatehub.reviews import case_panels

    report = make_report()
    _record(report, users["hub_officer"])
    request = RequestFactory().get("/")
    request.user = users["hub_officer"]
    [panel] = case_panels.panels(request, report.case)
    html = render_to_string(panel.template, {"panel": panel})
    assert "8 Sep 2025" in html and "Overdue" in html and "Record a request" in html
    request.user = users["other_force_user"]
    assert case_panels.panels(request, report.case) == []
