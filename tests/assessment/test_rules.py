"""The rule tables load, and a broken table is refused with a message naming file, entry and field
(DOMAIN.md preamble: rules live in versioned data with source and last-checked date)."""

import datetime as dt
import shutil

import pytest
import yaml

from hatehub.assessment import checks
from hatehub.assessment.rules import RULES_DIR, RuleValidationError, load_rules, validate_rules


@pytest.fixture
def rules_copy(tmp_path):
    target = tmp_path / "rules"
    shutil.copytree(RULES_DIR, target)
    return target


def edit(directory, name, change):
    path = directory / name
    doc = yaml.safe_load(path.read_text())
    change(doc)
    path.write_text(yaml.safe_dump(doc, sort_keys=False))


def offence(doc, rule_id):
    return next(e for e in doc["entries"] if e["id"] == rule_id)


def problems(directory):
    with pytest.raises(RuleValidationError) as exc:
        validate_rules(directory)
    return [str(p) for p in exc.value.problems]


def test_real_tables_load_with_sources_and_dates():
    rules = load_rules()
    assert set(rules.strands) == {
        "race", "religion", "sexual_orientation", "disability", "transgender", "other",
        "age", "variations_in_sex_characteristics", "sectarian",
    }  # fmt: skip
    for ref in rules.refs.values():
        assert ref.source.strip()
        assert isinstance(ref.last_checked, dt.date)
    assert {p.grade for p in rules.priorities.values()} == {1, 2, 3, 4, 5}
    assert load_rules() is rules  # cached


def test_catalogue_holds_every_domain_section_5_offence():
    sections = {(o.act, o.section.split(" ")[0]) for o in load_rules().offences}
    expected = {
        ("Malicious Communications Act 1988", "s1(1)(a)(i)"),
        ("Communications Act 2003", "s127(1)"),
        ("Communications Act 2003", "s127(2)(a),(b)"),
        ("Communications Act 2003", "s127(2)(c)"),
        ("Online Safety Act 2023", "s179"),
        ("Online Safety Act 2023", "s181"),
        ("Online Safety Act 2023", "s183"),
        ("Online Safety Act 2023", "s184"),
        ("Public Order Act 1986", "s18"),
        ("Public Order Act 1986", "s19"),
        ("Public Order Act 1986", "s29"),
        ("Public Order Act 1986", "s29B"),
        ("Public Order Act 1986", "s29C"),
        ("Protection from Harassment Act 1997", "s2"),
        ("Protection from Harassment Act 1997", "s2A"),
        ("Protection from Harassment Act 1997", "s4"),
        ("Protection from Harassment Act 1997", "s4A"),
        ("Crime and Disorder Act 1998", "s28"),
        ("Crime and Disorder Act 1998", "s32"),
        ("Sentencing Act 2020", "s66"),
    }
    assert expected <= sections


def test_repealed_limbs_carry_their_dates():
    by_id = {o.id: o for o in load_rules().offences}
    assert by_id["mca1988_s1_threat"].repealed_on == dt.date(2024, 1, 31)
    assert by_id["mca1988_s1_false"].repealed_on == dt.date(2024, 1, 31)
    assert by_id["mca1988_s1_grossly_offensive"].repealed_on is None
    assert by_id["osa2023_s181"].in_force_from == dt.date(2024, 1, 31)
    assert by_id["poa1986_s29b"].ag_consent and by_id["poa1986_s29b"].needs_intent


def test_unknown_strand_is_named(rules_copy):
    edit(rules_copy, "offences.yaml",
         lambda d: offence(d, "pha1997_s2").update(strands=["astrology"]))  # fmt: skip
    assert any(
        "offences.yaml: entry 'pha1997_s2': field 'strands': unknown strand 'astrology'" in p
        for p in problems(rules_copy)
    )


def test_missing_source_is_named(rules_copy):
    edit(rules_copy, "routing.yaml", lambda d: d["entries"][0].pop("source"))
    assert any(
        p.startswith("routing.yaml: entry 'routing.named_person_at_risk': field 'source'")
        and "missing source" in p
        for p in problems(rules_copy)
    )


def test_bad_date_is_named(rules_copy):
    edit(rules_copy, "offences.yaml",
         lambda d: offence(d, "mca1988_s1_threat").update(repealed_on="31/01/2024"))  # fmt: skip
    assert any(
        "entry 'mca1988_s1_threat': field 'repealed_on': bad date" in p
        for p in problems(rules_copy)
    )


def test_duplicate_id_is_named(rules_copy):
    edit(rules_copy, "strands.yaml", lambda d: d["entries"].append(dict(d["entries"][0])))
    assert any("strands.yaml: entry 'race': field 'id': duplicate id" in p
               for p in problems(rules_copy))  # fmt: skip


def test_condition_on_unknown_answer_is_named(rules_copy):
    edit(
        rules_copy,
        "routing.yaml",
        lambda d: d["entries"][1].update(when={"answer": "poster_known", "equals": True}),
    )
    assert any("routing.yaml: entry 'routing.poster_identity_known': field 'when': unknown "
               "answer 'poster_known'" in p for p in problems(rules_copy))  # fmt: skip


def test_flag_without_gate_element_is_refused(rules_copy):
    def change(d):
        entry = offence(d, "pha1997_s2")
        for el in entry["elements"]:
            el.pop("gate", None)

    edit(rules_copy, "offences.yaml", change)
    assert any("pha1997_s2': field 'needs_course_of_conduct'" in p for p in problems(rules_copy))


def test_every_problem_is_reported_at_once(rules_copy):
    edit(rules_copy, "priorities.yaml", lambda d: d["entries"][0].pop("source"))
    edit(rules_copy, "thrive.yaml", lambda d: d["factors"][0].update(last_checked="soon"))
    found = problems(rules_copy)
    assert any(p.startswith("priorities.yaml") for p in found)
    assert any(p.startswith("thrive.yaml: entry 'thrive.threat': field 'last_checked'")
               for p in found)  # fmt: skip


def test_system_check_passes_on_real_tables_and_fails_on_broken(rules_copy, monkeypatch):
    assert checks.check_rule_tables() == []
    edit(rules_copy, "strands.yaml", lambda d: d["entries"][0].pop("source"))
    monkeypatch.setattr(checks, "validate_rules", lambda: validate_rules(rules_copy))
    errors = checks.check_rule_tables()
    assert errors and errors[0].id == "assessment.E001"
    assert "strands.yaml: entry 'race': field 'source'" in errors[0].msg
