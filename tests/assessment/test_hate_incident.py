"""Scotland and Northern Ireland have no NCHI Code (issue 15 s3): a hate matter that is not a
crime there is recommended as the nation's own hate incident ("Police Scotland hate incident",
"PSNI hate incident"), shown by that name on the case page, the decision form and in
``manage.py assess --json``; an officer's NCHI decision on such a case is refused with a clear
error. All reports are synthetic."""

import datetime as dt
import io
import json

import pytest
from django.core.management import call_command

from hatehub.assessment.engine import Answers, recommend
from hatehub.assessment.models import Assessment
from hatehub.assessment.rules import load_rules

TODAY = dt.date(2026, 12, 5)
# Hostility on a characteristic, shown by the words, but no offence's elements.
HATE_NOT_CRIME = dict(strands=("transgender",), hostility_based_on_characteristic=True,
                      intentional_hostility_basis=True, abusive_or_insulting=True)  # fmt: skip
# A synthetic derogatory post about a group, no threat, no slur (not grossly offensive).
GROUP_POST = (
    "All trans people are freaks and don't belong here. I'm reporting it because I'm trans."
)


def rec_for(**answers):
    return recommend(Answers(**answers), load_rules(), today=TODAY)


@pytest.mark.parametrize(
    ("nation", "rule"),
    [
        ("scotland", "hate_incident.scotland"),
        ("northern_ireland", "hate_incident.northern_ireland"),
    ],
)
def test_scotland_and_ni_get_their_own_hate_incident_never_an_nchi(nation, rule):
    rec = rec_for(nation=nation, **HATE_NOT_CRIME)
    assert rec.classification == "hate_incident"
    assert rec.nchi_code is None and rec.nchi_personal_data is None
    fired = {f.id for f in rec.rules_fired}
    assert {rule, "nchi.not_in_nation"} <= fired
    assert not any(f.startswith("nchi.code") or f.startswith("nchi.record") for f in fired)
    assert rec.priority.grade == 4  # an appointment, as an NCHI would be


def test_england_and_wales_still_get_an_nchi_not_a_hate_incident():
    rec = rec_for(nation="england_wales", **HATE_NOT_CRIME)
    assert rec.classification == "nchi"
    assert not any(f.id.startswith("hate_incident.") for f in rec.rules_fired)


def test_a_hate_incident_is_recorded_on_perception_without_the_nchi_codes_test():
    """Perceived hostility alone is enough for a Police Scotland hate incident; in England and
    Wales the NCHI Code needs a basis to conclude intentional hostility."""
    perceived = dict(strands=("race",), hostility_based_on_characteristic=True)
    assert rec_for(nation="scotland", **perceived).classification == "hate_incident"
    assert rec_for(nation="england_wales", **perceived).classification != "nchi"


def test_switching_the_nchi_category_off_does_not_touch_scotland(tmp_path):
    import shutil

    import yaml

    from hatehub.assessment.rules import RULES_DIR, validate_rules

    target = tmp_path / "rules"
    shutil.copytree(RULES_DIR, target)
    doc = yaml.safe_load((target / "nchi.yaml").read_text())
    doc["enabled"] = False
    (target / "nchi.yaml").write_text(yaml.safe_dump(doc, sort_keys=False))
    rules = validate_rules(target)
    scot = recommend(Answers(nation="scotland", **HATE_NOT_CRIME), rules, today=TODAY)
    assert scot.classification == "hate_incident"


def test_a_table_giving_the_nchi_nation_a_hate_incident_is_refused(tmp_path):
    import shutil

    import yaml

    from hatehub.assessment.rules import RULES_DIR, RuleValidationError, validate_rules

    target = tmp_path / "rules"
    shutil.copytree(RULES_DIR, target)
    doc = yaml.safe_load((target / "nchi.yaml").read_text())
    doc["hate_incidents"][0]["nation"] = "england_wales"
    (target / "nchi.yaml").write_text(yaml.safe_dump(doc, sort_keys=False))
    with pytest.raises(RuleValidationError, match="the NCHI regime applies there"):
        validate_rules(target)


def test_assess_json_names_the_police_scotland_hate_incident(tmp_path):
    path = tmp_path / "report.json"
    path.write_text(json.dumps({"text": GROUP_POST, "reporter": "victim",
                                "answers": {"nation": "scotland"}}))  # fmt: skip
    out = io.StringIO()
    call_command("assess", "--json", str(path), "--no-signals", stdout=out)
    result = json.loads(out.getvalue())
    assert result["classification"] == "hate_incident"
    assert result["classification_label"] == "Police Scotland hate incident"
    assert result["nchi_code"] is None
    ni = tmp_path / "ni.json"
    ni.write_text(json.dumps({"text": GROUP_POST, "reporter": "victim",
                              "answers": {"nation": "northern_ireland"}}))  # fmt: skip
    out = io.StringIO()
    call_command("assess", "--json", str(ni), "--no-signals", stdout=out)
    assert json.loads(out.getvalue())["classification_label"] == "PSNI hate incident"


# ---------------------------------------------------------------- the case page and the decision


@pytest.fixture
def scottish_case(client, users, make_report):
    case = make_report(victim_postcode="EH1 1YZ", quoted_text=GROUP_POST, strands=["transgender"],
                       description="A post about trans people", urls=[]).case  # fmt: skip
    client.force_login(users["hub_officer"])
    client.post(f"/hub/cases/{case.reference}/assess/")
    return case


@pytest.mark.django_db
def test_the_case_page_shows_a_police_scotland_hate_incident(client, scottish_case):
    assessment = scottish_case.assessments.get()
    assert assessment.recommendation["classification"] == "hate_incident"
    page = client.get(f"/hub/cases/{scottish_case.reference}/").content.decode()
    assert "Police Scotland hate incident" in page
    assert "Non-crime hate incident" not in page


@pytest.mark.django_db
def test_the_decision_form_refuses_an_nchi_on_a_scottish_case(client, scottish_case):
    url = f"/hub/cases/{scottish_case.reference}/assessment/decision/"
    form = client.get(url).content.decode()
    assert "Police Scotland hate incident" in form
    response = client.post(url, {"classification": "nchi", "priority": "4",
                                 "strands": ["transgender"], "rationale": "NCHI"})  # fmt: skip
    assert response.status_code == 200
    page = response.content.decode()
    assert "A non-crime hate incident is recorded in England and Wales only" in page
    assert "record a Police Scotland hate incident instead" in page
    assert not Assessment.objects.get(case=scottish_case).decided
    response = client.post(url, {"classification": "hate_incident", "priority": "4",
                                 "strands": ["transgender"]})  # fmt: skip
    assert response.status_code == 302
    assessment = Assessment.objects.get(case=scottish_case)
    assert assessment.decided_classification == "hate_incident" and not assessment.disagrees
    page = client.get(f"/hub/cases/{scottish_case.reference}/").content.decode()
    decided = page[page.index('id="officer-decision"') :]
    assert "Police Scotland hate incident" in decided


@pytest.mark.django_db
def test_a_psni_hate_incident_is_refused_on_an_english_case(client, users, make_report):
    case = make_report(victim_postcode="L1 8JQ", quoted_text=GROUP_POST, urls=[]).case
    client.force_login(users["hub_officer"])
    client.post(f"/hub/cases/{case.reference}/assess/")
    response = client.post(f"/hub/cases/{case.reference}/assessment/decision/",
                           {"classification": "hate_incident", "priority": "4",
                            "rationale": "hate incident"})  # fmt: skip
    assert response.status_code == 200
    assert "recorded in Scotland or Northern Ireland only" in response.content.decode()


@pytest.mark.django_db
def test_the_service_refuses_an_nchi_in_northern_ireland(make_report, users):
    from hatehub.assessment.services import DecisionRefused, assess_case, record_decision

    case = make_report(victim_postcode="BT1 5GS", quoted_text=GROUP_POST, urls=[]).case
    assessment = assess_case(case, reason="First assessment")
    with pytest.raises(DecisionRefused, match="record a PSNI hate incident instead"):
        record_decision(assessment, classification="nchi", strands=[], offences=[],
                        priority=4, rationale="NCHI", by=users["hub_officer"])  # fmt: skip
