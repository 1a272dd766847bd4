"""The POLE graph and its JSON and CSV forms (pure)."""

import csv
import datetime as dt
import io

from hatehub.intelligence import pole
from hatehub.intelligence.grading import Grading

AT = dt.datetime(2026, 11, 20, 10, 0, tzinfo=dt.UTC)
PERSON = pole.PersonNode(
    "P-ABC", "Sam Example [SYNTHETIC]", ("Sammy",), dt.date(1990, 1, 2), "kent"
)
ACCOUNT = pole.AccountNode(7, "x", "hatefulposter", "12345", ("oldhandle",))
OTHER_ACCOUNT = pole.AccountNode(8, "tiktok", "bystander")
CASE = pole.CaseNode(
    "CASE-1", dt.date(2026, 11, 1), ("X (formerly Twitter)",), ("Religion",), "merseyside", (7, 8)
)
FORCES = [pole.ForceNode("kent", "Kent Police"), pole.ForceNode("merseyside", "Merseyside Police")]
LINK = pole.PersonAccount("P-ABC", 7, "probable", "platform_disclosure")


def report(**overrides):
    values = dict(
        reference="IR-2",
        title="Threats to a faith group",
        sanitised_text="An account posted threats [SYNTHETIC].",
        grading=Grading("3x5x2", "2", "B", "C", "UK police forces only"),
        nim_level=2,
        disseminated_at=AT,
        persons=("P-ABC",),
        accounts=(7,),
        forces=("merseyside",),
        places=("Liverpool city centre",),
        cases=("CASE-1",),
    )
    values.update(overrides)
    return pole.ReportNode(**values)


def build(*reports):
    return pole.build_graph(
        list(reports),
        persons=[PERSON],
        accounts=[ACCOUNT, OTHER_ACCOUNT],
        forces=FORCES,
        cases=[CASE],
        person_accounts=[LINK],
    )


def test_entities_are_pole_typed_with_stable_ids():
    graph = build(report())
    by_id = {entity["id"]: entity for entity in graph.entities}
    assert set(by_id) == {
        "person:P-ABC",
        "object:online-account:7",
        "location:force:merseyside",
        "location:force:kent",  # where the person lives: the end of a relationship
        "location:place:liverpool-city-centre",
        "event:case:CASE-1",
    }
    assert {entity["type"] for entity in graph.entities} == {
        "person",
        "object",
        "location",
        "event",
    }
    assert by_id["object:online-account:7"]["handles"] == ["hatefulposter", "oldhandle"]
    assert by_id["person:P-ABC"]["date_of_birth"] == "1990-01-02"
    assert [entity["id"] for entity in graph.entities] == sorted(by_id)


def test_relationships_join_only_entities_in_the_export():
    graph = build(report())
    assert graph.relationships == [
        {"from": "event:case:CASE-1", "to": "location:force:merseyside", "type": "allocated_to"},
        {"from": "object:online-account:7", "to": "event:case:CASE-1", "type": "involved_in"},
        {"from": "person:P-ABC", "to": "location:force:kent", "type": "lives_in"},
        {
            "from": "person:P-ABC",
            "to": "object:online-account:7",
            "type": "uses_account",
            "confidence": "probable",
            "source": "platform_disclosure",
        },
    ]
    # Account 8 is in the case but not linked to the report: neither it nor its edge appears.
    assert all("online-account:8" not in str(link) for link in graph.relationships)


def test_a_c_coded_report_carries_its_conditions_and_grading_in_words():
    (item,) = build(report()).intelligence_reports
    assert item["handling"] == {
        "code": "C",
        "meaning": "Lawful sharing permitted subject to conditions",
        "conditions": "UK police forces only",
    }
    assert item["grading"]["code"] == "2B C"
    assert item["grading"]["source_evaluation"] == {"code": "2", "meaning": "Untested"}
    assert item["nim_level"] == 2 and item["nim_level_meaning"].startswith("Cross-border")
    assert item["legacy_grading"] is None
    assert "event:case:CASE-1" in item["entities"]


def test_a_legacy_grading_travels_as_a_note():
    item = build(report(legacy_grading=Grading("5x5x5", "B", "2", "4"))).intelligence_reports[0]
    assert item["legacy_grading"]["code"] == "B2 4"
    assert "3x5x2 grading applies" in item["legacy_grading"]["note"]


def test_the_document_has_the_requested_shape_and_is_deterministic():
    document = pole.export_document(
        build(report(reference="IR-2"), report(reference="IR-1", persons=(), accounts=())),
        generated_at=AT,
        recipient="Merseyside FIB",
        criteria={"from": "2026-11-01"},
    )
    assert set(document) >= {
        "generated_at",
        "recipient",
        "entities",
        "relationships",
        "intelligence_reports",
    }
    assert [r["reference"] for r in document["intelligence_reports"]] == ["IR-1", "IR-2"]
    again = pole.export_document(
        build(report(reference="IR-1", persons=(), accounts=()), report(reference="IR-2")),
        generated_at=AT,
        recipient="Merseyside FIB",
        criteria={"from": "2026-11-01"},
    )
    assert again == document


def test_csv_has_a_row_per_report_and_entity_each_with_its_handling():
    document = pole.export_document(
        build(
            report(),
            report(
                reference="IR-3",
                persons=(),
                accounts=(),
                forces=(),
                places=(),
                cases=(),
                grading=Grading("3x5x2", "1", "A", "P"),
            ),
        ),
        generated_at=AT,
        recipient="R",
        criteria={},
    )
    rows = list(csv.DictReader(io.StringIO(pole.to_csv(document))))
    ir2 = [row for row in rows if row["intelligence_report"] == "IR-2"]
    assert len(ir2) == 5  # person, account, force, place, case
    assert {row["handling_conditions"] for row in ir2} == {"UK police forces only"}
    assert {row["handling_code"] for row in ir2} == {"C"}
    person = next(row for row in ir2 if row["entity_type"] == "person")
    assert person["entity_label"] == "Sam Example [SYNTHETIC] (P-ABC)"
    assert "uses_account object:online-account:7" in person["entity_relationships"]
    ir3 = [row for row in rows if row["intelligence_report"] == "IR-3"]
    assert len(ir3) == 1 and ir3[0]["entity_id"] == "" and ir3[0]["handling_code"] == "P"


def test_csv_cells_cannot_run_as_formulas():
    assert pole.safe_cell("=HYPERLINK(1)") == "'=HYPERLINK(1)"
    assert pole.safe_cell("@SUM") == "'@SUM"
    assert pole.safe_cell("plain") == "plain"
    assert pole.safe_cell(None) == ""
    document = pole.export_document(
        build(report(title="=cmd|' /C calc'!A0")), generated_at=AT, recipient="R", criteria={}
    )
    rows = list(csv.DictReader(io.StringIO(pole.to_csv(document))))
    assert rows[0]["title"].startswith("'=")
