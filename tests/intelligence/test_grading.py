"""The grading rules: 3x5x2 validation and words, legacy 5x5x5, the rules file's own checks."""

import copy

import pytest
import yaml

from hatehub.intelligence import grading
from hatehub.intelligence.grading import Grading


@pytest.fixture
def raw_rules():
    with grading.RULES_FILE.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def test_every_3x5x2_code_is_valid_and_described():
    for source in "123":
        for assessment in "ABCDE":
            valid = Grading("3x5x2", source, assessment, "P")
            assert grading.validate(valid) == {}
            words = grading.describe(valid)
            assert words["handling_code"] == "P: Lawful sharing permitted"


@pytest.mark.parametrize(
    ("source", "assessment", "handling", "field"),
    [
        ("4", "A", "P", "source_evaluation"),
        ("A", "1", "P", "source_evaluation"),
        ("1", "F", "P", "intelligence_assessment"),
        ("1", "A", "X", "handling_code"),
        ("1", "A", "", "handling_code"),
        ("", "A", "P", "source_evaluation"),
    ],
)
def test_a_wrong_3x5x2_code_is_named_by_field(source, assessment, handling, field):
    errors = grading.validate(Grading("3x5x2", source, assessment, handling))
    assert field in errors


def test_handling_code_c_needs_its_conditions_written_out():
    bare = Grading("3x5x2", "2", "B", "C")
    assert "conditions" in grading.validate(bare)
    assert "conditions" in grading.validate(Grading("3x5x2", "2", "B", "C", "   short "))
    written = Grading("3x5x2", "2", "B", "C", "Not to be shared outside UK police forces")
    assert grading.validate(written) == {}
    assert grading.describe(written)["conditions"] == "Not to be shared outside UK police forces"


def test_handling_code_p_refuses_conditions():
    errors = grading.validate(Grading("3x5x2", "1", "A", "P", "Only to Kent Police"))
    assert "conditions" in errors


def test_meanings_come_from_the_domain():
    words = grading.describe(Grading("3x5x2", "3", "E", "P"))
    assert words["source_evaluation"] == "3: Not reliable"
    assert words["intelligence_assessment"] == "E: Suspected to be false"
    assert grading.describe(Grading("3x5x2", "2", "B", "P"))["intelligence_assessment"] == (
        "B: Known indirectly to the source but corroborated"
    )


def test_sentence_and_code():
    graded = Grading("3x5x2", "2", "B", "C", "UK police only")
    assert graded.code == "2B C"
    text = grading.sentence(graded)
    assert text.startswith("3x5x2 2B C: Source evaluation 2 (untested)")
    assert text.endswith("Conditions: UK police only")


def test_parse_code_reads_what_officers_write():
    assert grading.parse_code("2B P") == Grading("3x5x2", "2", "B", "P")
    assert grading.parse_code("1/a/p") == Grading("3x5x2", "1", "A", "P")
    assert grading.parse_code("b2 4", "5x5x5") == Grading("5x5x5", "B", "2", "4")
    assert grading.parse_code("4A P") is None
    assert grading.parse_code("2BC") is None  # C without conditions is not a whole grading
    assert grading.parse_code("2B") is None


def test_legacy_5x5x5_is_valid_readable_and_has_notes_not_a_conversion():
    legacy = Grading("5x5x5", "B", "3", "4")
    assert grading.validate(legacy) == {}
    words = grading.describe(legacy)
    assert words == {
        "source_evaluation": "B: Mostly reliable",
        "intelligence_assessment": "3: Not personally known to the source but corroborated",
        "handling_code": "4: May be disseminated within the originating agency only",
    }
    notes = grading.legacy_notes(legacy)
    assert notes["source_evaluation"].suggests == ("1", "2")
    assert notes["intelligence_assessment"].suggests == ("B",)
    assert notes["handling_code"].suggests == ("C",)
    assert grading.legacy_notes(Grading("3x5x2", "1", "A", "P")) == {}
    assert "not a 5x5x5" in grading.validate(Grading("5x5x5", "1", "A", "P"))["source_evaluation"]


def test_nim_levels():
    assert [level for level, _ in grading.nim_choices()] == [1, 2, 3]
    assert grading.nim_level_words(2).startswith("Cross-border")
    assert grading.nim_level_words(9) == "not recognised"


def test_the_rules_file_has_its_sources():
    rules = grading.rules()
    assert "College of Policing" in rules.schemes["3x5x2"].source
    assert rules.schemes["5x5x5"].last_checked.year >= 2026
    assert "UNCERTAIN" in rules.legacy_source


def test_a_broken_rules_file_is_refused_with_every_problem(raw_rules):
    broken = copy.deepcopy(raw_rules)
    del broken["schemes"]["3x5x2"]["source"]
    broken["schemes"]["5x5x5"]["last_checked"] = "last week"
    broken["nim_levels"]["levels"] = {1: "Local"}
    with pytest.raises(grading.GradingRulesError) as caught:
        grading.parse_rules(broken)
    text = "\n".join(caught.value.problems)
    assert "schemes.3x5x2.source: missing" in text
    assert "schemes.5x5x5.last_checked" in text
    assert "nim_levels.levels" in text


def test_legacy_notes_must_cover_every_code_with_3x5x2_suggestions(raw_rules):
    broken = copy.deepcopy(raw_rules)
    broken["legacy_notes"]["source_evaluation"]["A"]["suggests"] = ["9"]
    del broken["legacy_notes"]["handling_code"]["5"]
    broken["legacy_notes"]["intelligence_assessment"]["Z"] = {"suggests": ["A"], "note": "?"}
    with pytest.raises(grading.GradingRulesError) as caught:
        grading.parse_rules(broken)
    text = "\n".join(caught.value.problems)
    assert "legacy_notes.source_evaluation.A.suggests" in text
    assert "no note for 5x5x5 codes ['5']" in text
    assert "legacy_notes.intelligence_assessment.Z: not a 5x5x5" in text


def test_the_shipped_rules_file_passes(raw_rules):
    assert grading.parse_rules(raw_rules).schemes.keys() == {"3x5x2", "5x5x5"}
