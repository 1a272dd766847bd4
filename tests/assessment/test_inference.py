"""Answers inferred from free text, each with its supporting words (DOMAIN.md s2, s3, s5, s6),
and mention / negation / counter-speech not flagged as hostility. Synthetic text only."""

import pytest

from hatehub.assessment.inference import infer
from hatehub.assessment.rules import load_rules


@pytest.fixture(scope="module")
def rules():
    return load_rules()


def got(text, rules, reporter="victim", **kw):
    return infer(text, reporter, rules=rules, **kw)


@pytest.mark.parametrize(
    ("text", "seriousness", "word"),
    [
        ("He wrote: I'll kill you.", "death", "I'll kill you"),
        ("The reply said you'll be dead by Friday.", "death", "you'll be dead"),
        ("Another comment: watch your back.", "violence", "watch your back"),
        ("They said I'm going to stab you.", "serious_harm", "I'm going to stab you"),
    ],
)
def test_threat_and_seriousness_with_words(rules, text, seriousness, word):
    out = got(text, rules)
    assert out["threat_seriousness"].value == seriousness
    assert word in out["threat_seriousness"].words
    assert out["threat_of_violence"].value is True


def test_aimed_at_person_or_group(rules):
    person = got("He sent me a message calling me a [SLUR].", rules)
    assert person["aimed_at"].value == "person"
    assert "sent me" in person["aimed_at"].words
    group = got("The post says all muslims should leave.", rules, "witness")
    assert group["aimed_at"].value == "group"
    assert "all muslims" in group["aimed_at"].words


@pytest.mark.parametrize("phrase", ["every day", "for three weeks", "again and again"])
def test_repetition(rules, phrase):
    out = got(f"They have messaged me {phrase}.", rules)
    assert out["course_of_conduct"].value is True
    assert phrase in [w.lower() for w in out["course_of_conduct"].words]


@pytest.mark.parametrize(
    ("text", "strand", "term"),
    [
        ("The post called me a [SLUR] because I'm black.", "race", "black"),
        ("He said all muslims are vermin.", "religion", "muslims"),
        ("She wrote that gay people are disgusting.", "sexual_orientation", "gay"),
        ("They mock me because I am disabled.", "disability", "disabled"),
        ("The account says trans people are freaks.", "transgender", "trans"),
    ],
)
def test_each_strand_with_words(rules, text, strand, term):
    out = got(text, rules)
    assert strand in out["strands"].value
    assert term in out["strands"].words or any(term in w for w in out["strands"].words)
    assert out["hostility_based_on_characteristic"].value is True


def test_perception_alone_is_not_intentional_hostility(rules):
    out = got("I think they ignored my post because I'm gay.", rules)
    assert out["strands"].value == ("sexual_orientation",)
    assert "intentional_hostility_basis" not in out


@pytest.mark.parametrize(
    "text",
    [
        "Calling someone a [SLUR] is wrong.",
        "It is not ok to say muslims are vermin.",
        "Stop calling gay people disgusting.",
        "I stand with my jewish neighbours.",
        "My muslim neighbour helped me report it.",
        "What does the word [SLUR] mean?",
    ],
)
def test_counter_speech_mention_and_neutral_use_not_flagged(rules, text):
    out = got(text, rules, "witness")
    assert "strands" not in out
    assert "abusive_or_insulting" not in out
    assert "hostility_based_on_characteristic" not in out


def test_negated_threat_not_flagged(rules):
    out = got("He said he would never say I'll kill you to anyone.", rules)
    assert "threat_seriousness" not in out
    assert "threat_of_violence" not in out


def test_kill_yourself_is_self_harm_encouragement_not_a_threat_to_kill(rules):
    out = got("The message said go and kill yourself.", rules)
    assert out["encourages_self_harm"].value is True
    assert "threat_seriousness" not in out


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("I know who it is.", "I know who it is"),
        ("It's my neighbour posting these.", "it's my neighbour"),
        ("The account is run by Alex Example.", "account is run by Alex Example"),
    ],
)
def test_real_identity_known(rules, text, word):
    out = got(text, rules)
    assert out["poster_identity_known"].value is True
    assert word.lower() in [w.lower() for w in out["poster_identity_known"].words]


def test_named_person_needs_a_capitalised_name(rules):
    assert "poster_identity_known" not in got("The account is run by someone anonymous.", rules)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("They plan a march on Saturday.", "march on Saturday"),
        ("See you all at the match, they wrote.", "at the match"),
    ],
)
def test_future_event(rules, text, word):
    out = got(text, rules)
    assert out["future_event"].value is True
    assert word in out["future_event"].words


@pytest.mark.parametrize(
    ("text", "answer", "word"),
    [
        ("I'm disabled and live alone.", "victim_vulnerable", "I'm disabled"),
        ("I'm scared to go out now.", "victim_vulnerable", "scared to go out"),
        ("I am 15, and they post about me.", "victim_under_18", "I am 15"),
        ("My 14-year-old son was targeted.", "victim_under_18", "14-year-old"),
    ],
)
def test_vulnerability_and_age(rules, text, answer, word):
    out = got(text, rules)
    assert out[answer].value is True
    assert word in out[answer].words


def test_time_not_age(rules):
    assert "victim_under_18" not in got("I'm 5 minutes from home.", rules)


def test_signals_add_what_rules_missed_but_rules_win(rules):
    signals = {
        "threat": 0.9, "slur": 0.9, "dehumanising": 0.0, "derogatory": 0.0,
        "targets": {"religion": 0.8}, "evidence": {"threat": ["[THREAT]"], "slur": ["[SLUR-X]"]},
    }  # fmt: skip
    out = got("Look at this post.", rules, signals=signals)
    assert out["threat_of_violence"].origin == "signals"
    assert out["threat_of_violence"].words == ("[THREAT]",)
    assert out["strands"].value == ("religion",)
    ruled = got("I'll kill you.", rules, signals=signals)
    assert ruled["threat_of_violence"].origin == "rules"
