"""A case's nation comes from where its victim (else its poster) is, through the jurisdiction
app's place lookup, and feeds the assessment (issue 15 s3): a Scottish victim gets Scottish law,
an unknown place is said to be unknown. Synthetic reports."""

import pytest

from hatehub.assessment.services import assess_case, case_nation


@pytest.mark.parametrize(
    ("postcode", "nation"),
    [
        ("L1 8JQ", "england_wales"),  # Liverpool
        ("CF10 1AA", "england_wales"),  # Cardiff
        ("EH1 1YZ", "scotland"),  # Edinburgh
        ("BT1 5GS", "northern_ireland"),  # Belfast
    ],
)
def test_the_victims_postcode_gives_the_nation(make_report, postcode, nation):
    report = make_report(victim_postcode=postcode)
    assert case_nation(report.case) == nation


def test_without_a_victims_place_the_posters_place_is_used(make_report):
    report = make_report(victim_postcode="", poster_location="says he lives in Glasgow")
    assert case_nation(report.case) == "scotland"


def test_a_place_given_with_doubt_does_not_choose_the_law(make_report):
    """ "I don't know, maybe Glasgow" is a hint for the officer (issue 17 s5), so it must not
    quietly put the case under Scots law either: the nation stays unknown, and is said to be."""
    report = make_report(victim_postcode="", poster_location="I don't know, maybe Glasgow")
    assert case_nation(report.case) == "unknown"


def test_no_place_at_all_is_unknown(make_report):
    report = make_report(victim_postcode="", poster_location="")
    assert case_nation(report.case) == "unknown"


def test_the_assessment_applies_the_law_of_the_victims_nation(make_report):
    scottish = make_report(victim_postcode="EH1 1YZ")
    assessment = assess_case(scottish.case, reason="First assessment")
    assert assessment.recommendation["nation"]["id"] == "scotland"
    assert not assessment.recommendation["nation"]["assumed"]
    unknown = make_report(victim_postcode="", poster_location="")
    assessment = assess_case(unknown.case, reason="First assessment")
    assert assessment.recommendation["nation"] == {
        "id": "england_wales", "name": "England and Wales", "assumed": True,
    }  # fmt: skip
    assert "nation.unknown" in {r["id"] for r in assessment.recommendation["rules_fired"]}


def test_the_officers_answer_overrides_the_derived_nation(make_report):
    report = make_report(victim_postcode="EH1 1YZ")
    assessment = assess_case(report.case, reason="Officer", confirmed={"nation": "england_wales"})
    assert assessment.recommendation["nation"]["id"] == "england_wales"


def test_the_officer_answers_the_nation_and_the_new_questions_on_the_page(
    client, users, make_report
):
    client.force_login(users["hub_officer"])
    case = make_report(victim_postcode="", poster_location="", urls=[]).case
    client.post(f"/hub/cases/{case.reference}/assess/")
    page = client.get(f"/hub/cases/{case.reference}/assessment/answers/").content.decode()
    assert "Whose law applies" in page and "Is the victim under 18?" in page
    client.post(
        f"/hub/cases/{case.reference}/assessment/answers/",
        {"nation": "scotland", "threat_to_property": "yes", "victim_under_18": "yes"},
    )
    latest = case.assessments.order_by("-number").first()
    assert latest.confirmed == {"nation": "scotland", "threat_to_property": True,
                                "victim_under_18": True}  # fmt: skip
    assert latest.recommendation["nation"] == {"id": "scotland", "name": "Scotland",
                                               "assumed": False}  # fmt: skip


def test_the_case_page_says_whose_law_was_applied_and_when_it_was_assumed(
    client, users, make_report
):
    client.force_login(users["hub_officer"])
    case = make_report(victim_postcode="", poster_location="", urls=[]).case
    client.post(f"/hub/cases/{case.reference}/assess/")
    page = client.get(f"/hub/cases/{case.reference}/").content.decode()
    assert "Law applied" in page and "England and Wales" in page and "Assumed" in page


@pytest.mark.parametrize(
    ("postcode", "force"),
    [("EH1 1YZ", "Police Scotland"), ("BT1 5GS", "Police Service of Northern Ireland")],
)
def test_a_scottish_or_ni_case_goes_to_police_scotland_or_psni(make_report, postcode, force):
    """Issue 15 s3: the responsible-force rule picks the nation's force from the location."""
    from hatehub.jurisdiction.services import case_responsibility

    report = make_report(victim_postcode=postcode)
    decision = case_responsibility(report.case)
    assert decision.recording.force_name == force
