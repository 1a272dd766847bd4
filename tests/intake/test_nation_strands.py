"""Age (Scotland, Hate Crime and Public Order (Scotland) Act 2021 s1) and sectarian (Northern
Ireland, PSNI) are strands the reporter can tick in the public form and the API (issue 15 s3).
They reach the assessment as the reporter's perception, as the other strands do, and apply only
in the nation that records them. Synthetic reports."""

import pytest

from hatehub.assessment.rules import load_rules
from hatehub.assessment.services import assess_case, evaluate
from hatehub.intake.forms import StrandsForm
from hatehub.reports.choices import STRANDS
from hatehub.reports.models import Report, Strand
from tests.intake.test_api import post_report, report_body

TEXT = "He keeps posting that people like me should get out of here. I'm reporting it."


def test_the_reporter_can_tick_age_and_sectarian():
    codes = [code for code, _label in STRANDS]
    assert {"age", "sectarian"} <= set(codes)
    assert codes.index("sectarian") < codes.index("other")  # before "something else"
    form = StrandsForm(data={"strands": ["sectarian"]})
    assert form.is_valid(), form.errors
    assert form.summary_rows() == [
        ("What was targeted", "Sectarian (for example, being Catholic or Protestant)")
    ]


@pytest.mark.django_db
def test_the_strands_are_in_the_database():
    codes = Strand.objects.filter(code__in=["age", "sectarian"]).values_list("code", flat=True)
    assert set(codes) == {"age", "sectarian"}


@pytest.mark.parametrize(
    ("strand", "nation"), [("age", "scotland"), ("sectarian", "northern_ireland")]
)
def test_a_ticked_strand_is_the_reporters_perception_in_its_nation(strand, nation):
    result = evaluate(TEXT, "victim", {"nation": nation}, use_signals=False,
                      reported={"strands": [strand]})  # fmt: skip
    assert result["strands"] == [strand]
    fired = {f["id"]: f for f in result["rules_fired"]}
    # The officer reads the strand by name ("Age"), not its code.
    assert fired["crime.perceived_by_reporter"]["detail"] == load_rules().strands[strand].name
    assert result["inferred"]["strands"]["value"] == [strand]


@pytest.mark.parametrize("strand", ["age", "sectarian"])
def test_outside_its_nation_the_strand_is_said_not_to_apply(strand):
    result = evaluate(TEXT, "victim", {"nation": "england_wales"}, use_signals=False,
                      reported={"strands": [strand]})  # fmt: skip
    assert strand not in result["strands"]
    fired = {f["id"]: f for f in result["rules_fired"]}
    detail = fired["strand.not_in_nation"]["detail"]
    assert detail == f"{load_rules().strands[strand].name} not a hate strand in England and Wales"


def test_the_api_accepts_sectarian_and_the_assessment_reads_it(client, api_key, synthetic):
    body = report_body(synthetic, strands=["sectarian"], victim_postcode="BT1 5GS")
    response = post_report(client, api_key, body)
    assert response.status_code == 201, response.content
    report = Report.objects.get(reference=response.json()["reference"])
    assert list(report.strands.values_list("code", flat=True)) == ["sectarian"]
    assessment = assess_case(report.case, reason="First assessment")
    assert assessment.recommendation["nation"]["id"] == "northern_ireland"
    assert "sectarian" in assessment.recommendation["strands"]


def test_the_openapi_description_lists_the_new_strands(client):
    schema = client.get("/api/v1/openapi.json").json()
    text = str(schema)
    assert "'age'" in text and "'sectarian'" in text
    assert "Hate Crime and Public Order (Scotland) Act 2021 s1" in text
