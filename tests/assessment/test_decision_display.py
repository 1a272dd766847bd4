"""The officer's recorded decision reads the same everywhere: on the case page, in the evidence
package PDF and on the supervisor's review page, with offences and strands by name (never an
internal id) and, where it differs, what it changed from the recommendation."""

import io

import pytest
from pypdf import PdfReader

from hatehub.assessment.decisions import (
    differences,
    offence_label,
    public_source,
    strand_label,
)
from hatehub.assessment.models import Assessment
from hatehub.packages import services as packages

THREAT = "He replied: I'm going to kill you, you Muslim. He said it again this morning."
RECOMMENDATION = {
    "classification": "crime",
    "strands": ["religion"],
    "offences": [{"id": "osa2023_s181"}, {"id": "ca2003_s127_1"}],
    "priority": {"grade": 2},
}


def test_offence_ids_read_as_name_act_and_section():
    assert offence_label("ca2003_s127_1").startswith("Improper use of a public electronic")
    assert offence_label("ca2003_s127_1").endswith("(Communications Act 2003 s127(1))")
    assert "ca2003" not in offence_label("ca2003_s127_1")
    assert offence_label("gone_offence") == "gone_offence (no longer in the offence table)"
    assert strand_label("religion") == "Religion or belief"


def test_public_sources_drop_the_hubs_internal_notes():
    assert public_source("DOMAIN.md s5: Protection from Harassment Act 1997 s2") == (
        "Protection from Harassment Act 1997 s2"
    )
    assert public_source("DOMAIN.md s3 (NCHI Code of Practice)") == "NCHI Code of Practice"
    assert public_source("legislation.gov.uk ukpga/2023/50") == "legislation.gov.uk ukpga/2023/50"


def test_a_decision_as_recommended_has_no_differences():
    assert differences(RECOMMENDATION, classification="crime", strands=["religion"],
                       offences=["ca2003_s127_1", "osa2023_s181"], priority=2) == []  # fmt: skip
    assert differences(RECOMMENDATION, classification="crime", strands=["religion"],
                       offences=["ca2003_s127_1", "osa2023_s181"], priority=None) == []  # fmt: skip


def test_the_differences_say_what_was_recommended_and_what_was_decided():
    lines = differences(
        RECOMMENDATION,
        classification="nchi",
        strands=["religion", "race"],
        offences=["osa2023_s181", "mca1988_s1_grossly_offensive"],
        priority=3,
    )
    assert lines[0] == "Classification: recommended crime, decided non-crime hate incident"
    assert lines[1] == "Priority: recommended grade 2, decided grade 3"
    assert lines[2] == "Strands: added Race"
    assert lines[3].startswith("Offences: added ")
    assert "(Malicious Communications Act 1988 s1" in lines[3]
    assert ", removed " in lines[3] and "(Communications Act 2003 s127(1))" in lines[3]
    assert not any("_s1" in line or "s127_1" in line for line in lines)


@pytest.fixture
def decided(client, users, make_report):
    """A threat case the officer decided differently: NCHI, grade 3, race added, the threat
    offence swapped for the grossly offensive one."""
    case = make_report(quoted_text=THREAT, description="A threat to kill me because I am Muslim",
                       urls=["https://x.com/threatener/status/42"]).case  # fmt: skip
    client.force_login(users["hub_officer"])
    client.post(f"/hub/cases/{case.reference}/assess/")
    client.post(
        f"/hub/cases/{case.reference}/assessment/decision/",
        {
            "classification": "nchi",
            "priority": "3",
            "strands": ["religion", "race"],
            "offences": ["ca2003_s127_1", "mca1988_s1_grossly_offensive"],
            "rationale": "Bravado, not a real threat",
        },
    )
    assessment = Assessment.objects.get(case=case)
    assert assessment.decided and assessment.disagrees
    return assessment


@pytest.mark.django_db
def test_the_case_page_shows_the_recorded_decision_by_name(client, decided):
    page = client.get(f"/hub/cases/{decided.case.reference}/").content.decode()
    section = page[page.index('id="officer-decision"') :]
    assert "Non-crime hate incident" in section and "Grade 3" in section
    assert "Religion or belief, Race" in section
    assert "(Communications Act 2003 s127(1))" in section
    assert "ca2003_s127_1" not in page
    assert "Classification: recommended crime, decided non-crime hate incident" in section
    assert "Bravado, not a real threat" in section


@pytest.mark.django_db
def test_the_review_page_says_what_differs(client, users, decided):
    client.force_login(users["hub_supervisor"])
    page = client.get("/hub/assessments/disagreements/").content.decode()
    assert decided.case.reference in page
    assert "Classification: recommended crime, decided non-crime hate incident" in page
    assert "Strands: added Race" in page
    assert "Offences: added" in page and "removed" in page
    assert "ca2003_s127_1" not in page and "osa2023_s181" not in page


@pytest.mark.django_db
def test_the_evidence_package_pdf_names_the_decided_offences_and_strands(users, decided):
    built = packages.generate(decided.case, by=users["hub_officer"])
    reader = PdfReader(io.BytesIO(built.pdf_bytes))
    flat = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    assert "Officer's decision" in flat
    assert "Non-crime hate incident" in flat
    assert "Religion or belief, Race" in flat
    assert "Communications Act 2003 s127(1)" in flat
    assert "ca2003_s127_1" not in flat
    assert "Classification: recommended crime, decided non-crime hate incident" in flat
    assert "DOMAIN.md" not in flat  # a document for a force cites public sources only
    assert "legislation.gov.uk" in flat
