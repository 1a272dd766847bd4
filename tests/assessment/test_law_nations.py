"""The engine per nation and per new offence (issue 15 s2-s4): the law of the report's nation
applies and an unknown nation is said, never silently assumed; the rule tables say where each
entry applies. All answers are synthetic."""

import datetime as dt
import shutil

import pytest
import yaml

from hatehub.assessment.engine import AnswerError, Answers, recommend
from hatehub.assessment.rules import (
    NATIONS,
    RULES_DIR,
    RuleValidationError,
    load_rules,
    validate_rules,
)

TODAY = dt.date(2026, 12, 5)
EW, SCOT, NI = "england_wales", "scotland", "northern_ireland"


@pytest.fixture(scope="module")
def rules():
    return load_rules()


def rec_for(rules, **answers):
    return recommend(Answers(**answers), rules, today=TODAY)


def ids(rec):
    return {o.id for o in rec.offences}


def fired(rec):
    return {f.id for f in rec.rules_fired}


# ---------------------------------------------------------------- the tables say where they apply


def test_every_offence_strand_and_victims_entry_states_its_nations(rules):
    for offence in rules.offences:
        assert offence.nations and set(offence.nations) <= set(NATIONS), offence.id
    for strand in rules.strands.values():
        assert strand.nations and set(strand.nations) <= set(NATIONS), strand.id
    for entry in rules.victims_code:
        assert entry.nations and set(entry.nations) <= set(NATIONS), entry.id
    assert rules.nchi.nations == (EW,)


@pytest.mark.parametrize(
    ("offence", "nations"),
    [
        ("ca2003_s127_1", {EW, SCOT, NI}),
        ("osa2023_s179", {EW, NI}),
        ("osa2023_s181", {EW, NI}),
        ("mca1988_s1_grossly_offensive", {EW}),
        ("pha1997_s2", {EW}),
        ("pha1997_s4a", {EW}),
        ("cda1998_s32", {EW}),
        ("poa1986_s29b", {EW}),
        ("hcposa2021_s4_1", {SCOT}),
        ("cjlsa2010_s38", {SCOT}),
        ("poanio1987_art9", {NI}),
        ("psani2022_s1", {NI}),
    ],
)
def test_where_each_offence_applies(rules, offence, nations):
    """DOMAIN.md s5a: CA 2003 s127 UK-wide; OSA ss179/181 E&W and NI; MCA 1988, PHA ss1-7,
    CDA ss28-32 and POA Part 3A E&W only."""
    by_id = {o.id: o for o in rules.offences}
    assert set(by_id[offence].nations) == nations


def test_a_table_without_nations_is_refused(tmp_path):
    target = tmp_path / "rules"
    shutil.copytree(RULES_DIR, target)
    path = target / "offences.yaml"
    doc = yaml.safe_load(path.read_text())
    del doc["entries"][0]["nations"]
    doc["entries"][1]["nations"] = ["wales"]
    path.write_text(yaml.safe_dump(doc, sort_keys=False))
    with pytest.raises(RuleValidationError) as exc:
        validate_rules(target)
    text = str(exc.value)
    assert "'osa2023_s179': field 'nations': missing" in text
    assert "field 'nations': must be a non-empty list" in text


def test_nation_answer_is_checked():
    with pytest.raises(AnswerError, match="nation"):
        Answers.from_mapping({"nation": "wales"})
    assert Answers.from_mapping({"nation": "unknown"}).nation == "unknown"


# ---------------------------------------------------------------- unknown nation


@pytest.mark.parametrize("nation", [None, "unknown"])
def test_unknown_nation_shows_england_and_wales_and_says_so(rules, nation):
    rec = rec_for(rules, nation=nation, sent_by_communication=True, grossly_offensive=True)
    assert rec.nation == EW and rec.nation_assumed
    assert "nation.unknown" in fired(rec)
    assert "mca1988_s1_grossly_offensive" in ids(rec)


# ---------------------------------------------------------------- new offences (E&W)


def test_threat_to_kill_is_oapa_s16(rules):
    rec = rec_for(rules, nation=EW, threat_seriousness="death", aimed_at="person")
    assert "oapa1861_s16" in ids(rec) and rec.urgent


def test_threat_of_violence_short_of_death_is_not_s16(rules):
    rec = rec_for(rules, nation=EW, threat_seriousness="violence", aimed_at="person")
    assert "oapa1861_s16" not in ids(rec)


def test_threat_to_burn_property_is_cda_1971_s2(rules):
    rec = rec_for(rules, nation=EW, threat_to_property=True)
    assert rec.classification == "crime" and "cda1971_s2" in ids(rec)
    assert "cda1971_s2" not in ids(rec_for(rules, nation=EW, threat_to_property=False))


@pytest.mark.parametrize(
    ("answer", "offence"),
    [
        ("encourages_offence", "sca2007_s44_46"),
        ("encourages_suicide", "sa1961_s2"),
        ("sends_genital_image", "soa2003_s66a"),
        ("shares_intimate_image", "soa2003_s66b"),
    ],
)
def test_new_offences_from_their_gate_answer(rules, answer, offence):
    assert offence in ids(rec_for(rules, nation=EW, **{answer: True}))
    assert offence not in ids(rec_for(rules, nation=EW, **{answer: False}))


def test_cyberflashing_not_before_31_january_2024(rules):
    rec = rec_for(rules, nation=EW, sends_genital_image=True, conduct_date=dt.date(2023, 12, 1))
    assert "soa2003_s66a" not in ids(rec)
    assert "offence.repealed" in fired(rec)


def test_poa_recording_and_possession_need_all_limbs(rules):
    base = dict(nation=EW, strands=("race",), hostility_based_on_characteristic=True,
                abusive_or_insulting=True, stirs_up_hatred=True)  # fmt: skip
    assert "poa1986_s21" in ids(rec_for(rules, shares_recording=True, **base))
    assert "poa1986_s23" in ids(rec_for(rules, possesses_material=True, **base))
    relig = dict(base, strands=("religion",), threat_of_violence=True)
    assert "poa1986_s29e" in ids(rec_for(rules, possesses_material=True, **relig))
    no_abuse = dict(base, abusive_or_insulting=False)
    assert "poa1986_s21" not in ids(rec_for(rules, shares_recording=True, **no_abuse))


@pytest.mark.parametrize("stalking", [False, True])
def test_cda_s32_aggravates_harassment_and_stalking(rules, stalking):
    rec = rec_for(rules, nation=EW, course_of_conduct=True, stalking_behaviour=stalking,
                  aimed_at="person", strands=("race",),
                  hostility_based_on_characteristic=True)  # fmt: skip
    assert "cda1998_s32" in ids(rec)
    assert ("pha1997_s2a" in ids(rec)) is stalking


# ---------------------------------------------------------------- Scotland


def test_scotland_uses_scottish_law_only(rules):
    rec = rec_for(rules, nation=SCOT, sent_by_communication=True, grossly_offensive=True,
                  threat_seriousness="death", aimed_at="person", course_of_conduct=True,
                  strands=("race",), hostility_based_on_characteristic=True)  # fmt: skip
    assert {"ca2003_s127_1", "cjlsa2010_s38", "hcposa2021_s3"} <= ids(rec)
    for offence in rec.offences:
        assert SCOT in {o.id: o for o in rules.offences}[offence.id].nations
    assert "osa2023_s181" not in ids(rec) and "mca1988_s1_grossly_offensive" not in ids(rec)
    assert "hcposa2021_s1" in fired(rec) and "sa2020_s66" not in fired(rec)
    assert "victims_scotland.standards" in fired(rec)
    assert not rec.enhanced_rights and rec.update_working_days is None


def test_scotland_age_and_sex_characteristics_are_strands_there_only(rules):
    answers = dict(strands=("age", "variations_in_sex_characteristics"),
                   hostility_based_on_characteristic=True, threat_of_violence=True)  # fmt: skip
    scot = rec_for(rules, nation=SCOT, **answers)
    assert set(scot.strands) == {"age", "variations_in_sex_characteristics"}
    assert "cjlsa2010_s38" in ids(scot) and "hcposa2021_s1" in fired(scot)
    england = rec_for(rules, nation=EW, **answers)
    assert england.strands == () and "strand.not_in_nation" in fired(england)


def test_scotland_stirring_up_tests_differ_by_characteristic(rules):
    race = dict(nation=SCOT, strands=("race",), hostility_based_on_characteristic=True,
                abusive_or_insulting=True, stirs_up_hatred=True)  # fmt: skip
    assert "hcposa2021_s4_1" in ids(rec_for(rules, **race))  # insulting + likelihood suffice
    other = dict(race, strands=("religion",))
    assert "hcposa2021_s4_2" not in ids(rec_for(rules, **other))  # insulting is not enough
    abusive = rec_for(rules, **other, abusive=True)
    s4_2 = next(o for o in abusive.offences if o.id == "hcposa2021_s4_2")
    assert any(e.startswith("intent:") for e in s4_2.elements_missing)  # intent only


def test_scotland_never_recommends_an_nchi(rules):
    rec = rec_for(rules, nation=SCOT, strands=("transgender",),
                  hostility_based_on_characteristic=True, intentional_hostility_basis=True,
                  abusive_or_insulting=True)  # fmt: skip
    assert rec.classification != "nchi" and rec.nchi_code is None
    assert "nchi.not_in_nation" in fired(rec)


# ---------------------------------------------------------------- Northern Ireland


def test_northern_ireland_law(rules):
    rec = rec_for(rules, nation=NI, sent_by_communication=True, grossly_offensive=True,
                  threat_seriousness="serious_harm", aimed_at="person",
                  strands=("sectarian",), hostility_based_on_characteristic=True,
                  course_of_conduct=True, stalking_behaviour=True)  # fmt: skip
    assert {"mcnio1988_art3", "osa2023_s181", "ca2003_s127_1", "psani2022_s1"} <= ids(rec)
    assert not ids(rec) & {"mca1988_s1_grossly_offensive", "pha1997_s2a", "cda1998_s32"}
    assert rec.strands == ("sectarian",)
    assert {"cjno2nio2004_art2", "victim_charter_ni.standard", "nation.northern_ireland"} <= fired(
        rec
    )


def test_transgender_is_not_an_art_2_aggravation_in_ni(rules):
    rec = rec_for(rules, nation=NI, strands=("transgender",), threat_seriousness="serious_harm",
                  aimed_at="person", sent_by_communication=True,
                  hostility_based_on_characteristic=True)  # fmt: skip
    assert rec.classification == "crime" and "cjno2nio2004_art2" not in fired(rec)


# ---------------------------------------------------------------- NCHI regime: dated, versioned


def test_nchi_names_the_code_in_force(rules):
    rec = rec_for(rules, nation=EW, strands=("transgender",),
                  hostility_based_on_characteristic=True, intentional_hostility_basis=True,
                  abusive_or_insulting=True)  # fmt: skip
    assert rec.classification == "nchi" and rec.nchi_code == "nchi.code_2023"
    code = next(f for f in rec.rules_fired if f.id == "nchi.code_2023")
    assert "under review" in code.text and "in force on 2026-12-05" in code.detail


def test_a_force_can_follow_a_later_code_by_date_or_configuration(tmp_path):
    target = tmp_path / "rules"
    shutil.copytree(RULES_DIR, target)
    path = target / "nchi.yaml"
    doc = yaml.safe_load(path.read_text())
    current = doc["versions"][0]
    current["until"] = dt.date(2026, 12, 31)
    later = yaml.safe_load(yaml.safe_dump(current))
    later.update(id="nchi.code_2027", name="A replacement Code", in_force_from=dt.date(2027, 1, 1),
                 until=None, status="in force")  # fmt: skip
    for test in later["record_tests"] + later["personal_data_tests"]:
        test["id"] = test["id"].replace("nchi.", "nchi2027.")
    doc["versions"].append(later)
    path.write_text(yaml.safe_dump(doc, sort_keys=False))
    rules = validate_rules(target)
    answers = Answers(nation=EW, strands=("race",), hostility_based_on_characteristic=True,
                      intentional_hostility_basis=True, abusive_or_insulting=True)  # fmt: skip
    assert recommend(answers, rules, today=dt.date(2026, 12, 5)).nchi_code == "nchi.code_2023"
    assert recommend(answers, rules, today=dt.date(2027, 2, 1)).nchi_code == "nchi.code_2027"
    doc["force_selects"] = "nchi.code_2023"
    path.write_text(yaml.safe_dump(doc, sort_keys=False))
    pinned = validate_rules(target)
    assert recommend(answers, pinned, today=dt.date(2027, 2, 1)).nchi_code == "nchi.code_2023"


# ---------------------------------------------------------------- Article 10


def test_lawful_opinion_is_neither_s18_nor_nchi(rules):
    rec = rec_for(rules, nation=EW, strands=("race",), stirs_up_hatred=True,
                  intentional_hostility_basis=True, hostility_based_on_characteristic=True,
                  abusive_or_insulting=False, threat_of_violence=False,
                  grossly_offensive=False)  # fmt: skip
    assert "poa1986_s18" not in ids(rec)
    assert rec.classification != "nchi"
    assert "nchi.not_legitimate_debate" in fired(rec)


def test_article_10_question_before_a_public_order_outcome(rules):
    answers = dict(nation=EW, strands=("race",), hostility_based_on_characteristic=True,
                   abusive_or_insulting=True, stirs_up_hatred=True)  # fmt: skip
    rec = rec_for(rules, **answers)
    s18 = next(o for o in rec.offences if o.id == "poa1986_s18")
    assert any(e.startswith("not_protected_expression") for e in s18.elements_missing)
    assert "article10.question" in fired(rec)
    confirmed = rec_for(rules, **answers, lawful_expression=False)
    assert "article10.question" not in fired(confirmed)
    lawful = rec_for(rules, **answers, lawful_expression=True)
    assert lawful.classification == "not_police_matter" and not lawful.offences


# ---------------------------------------------------------------- Victims' Code


@pytest.mark.parametrize(
    "who", [{"victim_under_18": True}, {"victim_vulnerable": True}, {"victim_intimidated": True},
            {"persistently_targeted": True}],
)  # fmt: skip
def test_enhanced_rights_beyond_hate_crime(rules, who):
    crime = dict(nation=EW, sent_by_communication=True, grossly_offensive=True)
    assert not rec_for(rules, **crime).enhanced_rights
    rec = rec_for(rules, **crime, **who)
    assert rec.enhanced_rights and rec.update_working_days == 1


def test_no_victims_rights_without_a_crime(rules):
    rec = rec_for(rules, nation=EW, victim_under_18=True)
    assert not rec.enhanced_rights and rec.update_working_days is None


def test_the_docs_offence_table_states_each_offences_nations(rules):
    """docs/assessment.md's offence table matches offences.yaml, nations included."""
    from pathlib import Path

    short = {EW: "E&W", SCOT: "Scotland", NI: "NI"}
    doc = (Path(__file__).resolve().parents[2] / "docs" / "assessment.md").read_text()
    rows = {
        line.split("|")[1].strip().strip("`"): line.split("|")[4].strip()
        for line in doc.split("### Offences and where they apply")[1].splitlines()
        if line.startswith("| `")
    }
    for offence in rules.offences:
        assert rows.get(offence.id) == ", ".join(short[n] for n in offence.nations), offence.id


def test_ni_stalking_includes_repeated_contact_by_message(rules):
    """Protection from Stalking Act (NI) 2022 s1(4): contacting 'by any means' is conduct."""
    rec = rec_for(rules, nation=NI, course_of_conduct=True, sent_by_communication=True,
                  caused_distress=True, aimed_at="person")  # fmt: skip
    assert "psani2022_s1" in ids(rec)
    assert "psani2022_s1" not in ids(rec_for(rules, nation=NI, course_of_conduct=True,
                                             sent_by_communication=True,
                                             caused_distress=False))  # fmt: skip
    threat = rec_for(rules, nation=NI, abusive=True, caused_distress=True)
    assert "psani2022_s2" in ids(threat)
