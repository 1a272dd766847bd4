"""The recommendation engine on DOMAIN.md's worked examples, from text alone and from explicit
answers, plus repeal dates (s5), NCHI personal data (s3), not-a-police-matter, THRIVE (s6) and
Victims' Code enhanced rights (s8). All text is synthetic; [SLUR] stands for a slur."""

import datetime as dt

import pytest

from hatehub.assessment.engine import AnswerError, Answers, recommend
from hatehub.assessment.inference import infer, to_answers
from hatehub.assessment.rules import load_rules

TODAY = dt.date(2026, 11, 26)
THREAT_TEXT = (
    "An account sent me a message saying 'I'll kill you, you Muslim [SLUR]'. "
    "I am Muslim and I'm scared to go out."
)
RUDE_TEXT = "Someone replied to my post saying I was an idiot and my opinion was stupid."
HARASSMENT_TEXT = (
    "For three weeks someone has been sending me messages every day mocking me because "
    "I'm disabled, calling me a [SLUR]. I am really upset."
)
KNOWN_POSTER_TEXT = (
    "A post on a public page says all gay people are disgusting. "
    "I know who it is, it's my neighbour."
)


@pytest.fixture(scope="module")
def rules():
    return load_rules()


def from_text(text, reporter, rules, **extra):
    answers = to_answers(infer(text, reporter, rules=rules), reporter)
    if extra:
        answers = answers.merged(Answers(**extra))
    return recommend(answers, rules, today=TODAY)


def offence_ids(rec):
    return [o.id for o in rec.offences]


def fired(rec):
    return {f.id for f in rec.rules_fired}


# ---------------------------------------------------------------- worked example 1: threat to kill


def assert_threat_to_kill(rec):
    assert rec.classification == "crime"
    assert rec.hate_crime
    assert rec.strands == ("religion",)
    assert offence_ids(rec)[:2] == ["oapa1861_s16", "osa2023_s181"]  # s16: primary charge
    s181 = rec.offences[1]
    assert any(e.startswith("threat_death_serious_harm") for e in s181.elements_met)
    assert "mca1988_s1_threat" not in offence_ids(rec)  # repealed limb
    assert rec.urgent and rec.route_to_local_force
    assert rec.priority.grade == 1
    assert rec.thrive["threat"] == "high"
    assert rec.enhanced_rights and rec.update_working_days == 1
    assert {"routing.named_person_at_risk", "routing.threat_to_life", "osa2023_s181"} <= fired(rec)
    for f in rec.rules_fired:
        assert f.source


def test_threat_to_kill_muslim_victim_from_text(rules):
    assert_threat_to_kill(from_text(THREAT_TEXT, "victim", rules))


def test_threat_to_kill_muslim_victim_from_answers(rules):
    answers = Answers(reporter="victim", threat_seriousness="death", aimed_at="person",
                      strands=("religion",), hostility_based_on_characteristic=True,
                      sent_by_communication=True)  # fmt: skip
    assert_threat_to_kill(recommend(answers, rules, today=TODAY))


# ---------------------------------------------------------------- worked example 2: rude remark


def test_single_rude_remark_is_not_hate_from_text(rules):
    rec = from_text(RUDE_TEXT, "victim", rules)
    assert rec.classification == "not_hate"
    assert rec.strands == () and rec.offences == ()
    assert not rec.route_to_local_force and not rec.urgent and not rec.enhanced_rights
    assert rec.priority.grade == 5
    assert "not_hate.no_characteristic" in fired(rec)


def test_single_rude_remark_is_not_hate_from_answers(rules):
    answers = Answers(reporter="victim", threat_of_violence=False, aimed_at="person",
                      course_of_conduct=False, strands=(), sent_by_communication=True)  # fmt: skip
    assert recommend(answers, rules, today=TODAY).classification == "not_hate"


# ---------------------------------------------------------------- worked example 3: harassment


def assert_harassment(rec):
    assert rec.classification == "crime"
    assert rec.strands == ("disability",)
    assert offence_ids(rec)[0] == "pha1997_s2"
    assert any(e.startswith("course_of_conduct") for e in rec.offences[0].elements_met)
    assert any(e.startswith("knows_or_ought") for e in rec.offences[0].elements_missing)
    assert "cda1998_s32" not in offence_ids(rec)  # aggravated harassment is race/religion only
    assert rec.enhanced_rights


def test_three_weeks_of_disability_messages_from_text(rules):
    rec = from_text(HARASSMENT_TEXT, "victim", rules)
    assert_harassment(rec)
    assert rec.priority.grade == 2  # vulnerable victim, harm


def test_three_weeks_of_disability_messages_from_answers(rules):
    answers = Answers(reporter="victim", course_of_conduct=True, aimed_at="person",
                      strands=("disability",), hostility_based_on_characteristic=True,
                      caused_distress=True, sent_by_communication=True)  # fmt: skip
    assert_harassment(recommend(answers, rules, today=TODAY))


def test_racial_harassment_adds_cda_s32(rules):
    answers = Answers(course_of_conduct=True, aimed_at="person", strands=("race",),
                      hostility_based_on_characteristic=True)  # fmt: skip
    rec = recommend(answers, rules, today=TODAY)
    assert offence_ids(rec)[0] == "cda1998_s32"


# ---------------------------------------------------------------- worked example 4: known poster


def test_known_real_name_poster_routes_to_local_force_from_text(rules):
    rec = from_text(KNOWN_POSTER_TEXT, "witness", rules)
    assert rec.route_to_local_force
    assert "routing.poster_identity_known" in fired(rec)
    assert rec.classification == "nchi"
    assert rec.strands == ("sexual_orientation",)


def test_known_poster_routes_from_answers(rules):
    rec = recommend(Answers(poster_identity_known=True, strands=("race",),
                            intentional_hostility_basis=True, lawful_expression=False), rules,
                    today=TODAY)  # fmt: skip
    assert rec.route_to_local_force
    assert not rec.urgent
    # A threat of violence to a person is a risk of harm (True Vision): urgent as well.
    rec = recommend(Answers(poster_identity_known=True, strands=("race",),
                            threat_seriousness="violence", aimed_at="person"), rules,
                    today=TODAY)  # fmt: skip
    assert rec.route_to_local_force and rec.urgent
    assert "routing.threat_to_locatable_person" in {f.id for f in rec.rules_fired}


def test_future_event_routes_to_local_force(rules):
    rec = from_text("They are planning a march on Saturday to drive out all the immigrants, "
                    "these vermin.", "organisation", rules)  # fmt: skip
    assert rec.route_to_local_force and "routing.future_event" in fired(rec)
    assert "poa1986_s18" in offence_ids(rec)
    assert "offence.ag_consent" in fired(rec)


# ---------------------------------------------------------------- repeal dates (s5)


@pytest.mark.parametrize(
    ("conduct", "expect_old", "expect_new"),
    [
        (dt.date(2024, 1, 30), True, False),  # day before repeal / commencement
        (dt.date(2024, 1, 31), False, True),  # repeal date itself
        (dt.date(2025, 6, 1), False, True),
    ],
)
def test_repealed_limb_never_recommended_after_repeal(rules, conduct, expect_old, expect_new):
    answers = Answers(threat_seriousness="death", aimed_at="person", sent_by_communication=True,
                      conduct_date=conduct)  # fmt: skip
    rec = recommend(answers, rules, today=TODAY)
    ids = offence_ids(rec)
    assert ("mca1988_s1_threat" in ids) is expect_old
    assert ("osa2023_s181" in ids) is expect_new
    assert rec.classification == "crime"
    assert not rec.hate_crime  # no characteristic: a crime, not a hate crime
    assert "crime.not_hate_motivated" in fired(rec)
    if not expect_old:
        detail = [f.detail for f in rec.rules_fired if f.id == "offence.repealed"]
        assert any("repealed on 2024-01-31" in d for d in detail)


def test_false_information_limbs_follow_repeal(rules):
    before = recommend(Answers(false_information=True, conduct_date=dt.date(2023, 5, 1)), rules)
    after = recommend(Answers(false_information=True, conduct_date=dt.date(2024, 5, 1)), rules)
    assert {"mca1988_s1_false", "ca2003_s127_2ab"} <= set(offence_ids(before))
    assert "osa2023_s179" not in offence_ids(before)
    assert offence_ids(after) == ["osa2023_s179"]


def test_unknown_conduct_date_uses_today_and_says_so(rules):
    rec = recommend(Answers(threat_seriousness="death"), rules, today=TODAY)
    assert rec.conduct_date == TODAY and rec.conduct_date_assumed
    assert "offence.conduct_date_assumed" in fired(rec)


# ---------------------------------------------------------------- NCHI (s3)


NCHI_BASE = dict(strands=("transgender",), hostility_based_on_characteristic=True,
                 intentional_hostility_basis=True, aimed_at="group",
                 abusive_or_insulting=True)  # fmt: skip


def test_nchi_without_subject_personal_data(rules):
    rec = recommend(Answers(**NCHI_BASE), rules, today=TODAY)
    assert rec.classification == "nchi"
    assert rec.nchi_personal_data is False
    assert "nchi.record_without_personal_data" in fired(rec)
    assert not rec.enhanced_rights  # Victims' Code rights attach to victims of crime
    assert rec.priority.grade == 4


@pytest.mark.parametrize("risk", ["risk_significant_harm", "risk_future_offence"])
def test_nchi_with_subject_personal_data_on_real_risk(rules, risk):
    rec = recommend(Answers(**NCHI_BASE, **{risk: True}), rules, today=TODAY)
    assert rec.classification == "nchi" and rec.nchi_personal_data is True
    assert {"nchi.record_with_personal_data", f"nchi.{risk}"} <= fired(rec)


def test_perception_alone_is_not_an_nchi(rules):
    answers = Answers(strands=("transgender",), hostility_based_on_characteristic=True)
    rec = recommend(answers, rules, today=TODAY)
    assert rec.classification == "not_police_matter"
    assert {"nchi.intentional_hostility", "nchi.not_recordable"} <= fired(rec)


@pytest.mark.parametrize("test", ["report_trivial", "report_irrational", "report_malicious"])
def test_trivial_irrational_or_malicious_is_not_recorded(rules, test):
    rec = recommend(Answers(**NCHI_BASE, **{test: True}), rules, today=TODAY)
    assert rec.classification == "not_police_matter"


# ---------------------------------------------------------------- not a police matter


def test_lawful_but_offensive_opinion_is_not_a_police_matter(rules):
    answers = Answers(**NCHI_BASE, lawful_expression=True, grossly_offensive=True)
    rec = recommend(answers, rules, today=TODAY)
    assert rec.classification == "not_police_matter"
    assert rec.offences == ()
    assert "not_police.lawful_expression" in fired(rec)


def test_no_uk_link_is_not_a_police_matter(rules):
    rec = recommend(Answers(uk_link=False, threat_seriousness="violence"), rules, today=TODAY)
    assert rec.classification == "not_police_matter"
    assert "not_police.no_uk_link" in fired(rec)


def test_media_only_perception_by_third_party_does_not_count(rules):
    answers = Answers(reporter="third_party", strands=("race",), perceiver_has_real_knowledge=False,
                      hostility_based_on_characteristic=True, course_of_conduct=True)  # fmt: skip
    rec = recommend(answers, rules, today=TODAY)
    assert rec.strands == () and not rec.hate_crime


# ---------------------------------------------------------------- THRIVE / priority (s6), s8


def test_priority_grades_and_response_times(rules):
    veiled = recommend(Answers(threat_seriousness="violence", aimed_at="person"), rules,
                       today=TODAY)  # fmt: skip
    assert veiled.priority.grade == 2 and veiled.priority.response_minutes == 60
    assert veiled.urgent and veiled.route_to_local_force  # risk of harm to a person
    crime = recommend(Answers(grossly_offensive=True), rules, today=TODAY)
    assert crime.classification == "crime" and crime.priority.grade == 3
    assert crime.priority.response_time == "within about 48 hours"
    assert set(crime.thrive) == {"threat", "harm", "risk", "investigation", "vulnerability",
                                 "engagement"}  # fmt: skip


def test_child_victim_raises_vulnerability(rules):
    rec = recommend(Answers(reporter="victim", victim_under_18=True, course_of_conduct=True,
                            aimed_at="person"), rules, today=TODAY)  # fmt: skip
    assert rec.thrive["vulnerability"] == "high" and rec.thrive["engagement"] == "high"
    assert rec.priority.grade == 2


def test_enhanced_rights_only_for_hate_crime(rules):
    hate = recommend(Answers(grossly_offensive=True, strands=("race",)), rules, today=TODAY)
    plain = recommend(Answers(grossly_offensive=True), rules, today=TODAY)
    assert hate.enhanced_rights and hate.update_working_days == 1
    assert "victims_code.hate_crime_enhanced" in fired(hate)
    assert not plain.enhanced_rights and plain.update_working_days == 5


def test_answers_are_validated():
    with pytest.raises(AnswerError, match="aimed_at"):
        Answers.from_mapping({"aimed_at": "everyone"})
    with pytest.raises(AnswerError, match="unknown answer 'threat'"):
        Answers.from_mapping({"threat": True})
    with pytest.raises(AnswerError, match="strands"):
        Answers.from_mapping({"strands": ["astrology"]})
    assert Answers.from_mapping({"conduct_date": "2024-01-30"}).conduct_date == dt.date(2024, 1, 30)
