"""Issue 15: perception feeds the answers, danger is found in the words, and the inference fixes
of section 4 (ordinary words are not counter-speech; condemned quotes are; a course of conduct is
the sender's own; a past event is not a future one; "women" is not a monitored strand; Catholic
and Protestant are religion). Synthetic text only."""

import datetime as dt
import shutil

import pytest
import yaml

from hatehub.assessment.inference import danger_words, infer
from hatehub.assessment.rules import RULES_DIR, load_rules, validate_rules


@pytest.fixture(scope="module")
def rules():
    return load_rules()


def got(text, rules, reporter="victim", **kw):
    return infer(text, reporter, rules=rules, **kw)


# --- perception first ------------------------------------------------------------------------


def test_ticked_strands_become_strands_with_the_hostile_words_as_their_basis(rules):
    text = "He called me a [SLUR] and told me to go back where I came from."
    assert "strands" not in got(text, rules)  # the words alone name no characteristic
    out = got(text, rules, perceived_strands=("race", "religion"))
    assert out["strands"].value == ("race", "religion")
    assert "ticked by the reporter: Race" in out["strands"].words
    assert out["intentional_hostility_basis"].value is True
    assert out["grossly_offensive"].value is True


def test_ticked_strands_without_hostile_words_are_perception_only(rules):
    out = got("He keeps sending me messages.", rules, perceived_strands=("disability",))
    assert out["strands"].value == ("disability",)
    assert out["strands"].rules == ("perception.reported",)
    assert "intentional_hostility_basis" not in out  # perception alone is not enough (NCHI)


def test_a_characteristic_named_without_hostility_is_a_question_not_dropped(rules):
    out = got("There is a post about Muslims that keeps showing up.", rules)
    assert "strands" not in out
    assert out["strands_mentioned"].value == ("religion",)
    assert "Muslims" in out["strands_mentioned"].words


# --- danger first ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "answer", "word"),
    [
        ("They posted my home address for everyone to see.", "doxxing", "posted my home address"),
        ("His address is on the flyer now.", "doxxing", "His address is"),
        ("Someone should burn it down.", "threat_to_property", "burn it down"),
        ("That house deserves to be burnt out.", "threat_to_property", "be burnt out"),
        ("Put a brick through their window.", "threat_to_property", "brick through their window"),
        ("Meet at the mosque this Friday.", "future_event", "Meet at the mosque this Friday"),
        ("Bring bats.", "future_event", "Bring bats"),
        ("The march is next Saturday, be there.", "future_event", "march is next Saturday"),
    ],
)
def test_danger_answers_with_their_words(rules, text, answer, word):
    out = got(text, rules)
    assert out[answer].value is True
    assert word in out[answer].words
    assert answer in danger_words(text, rules=rules)


def test_bringing_weapons_is_a_threat_of_violence(rules):
    assert got("Bring bats to the mosque.", rules)["threat_of_violence"].value is True


def test_danger_words_skip_negation_and_counter_speech(rules):
    assert danger_words("I would never burn it down.", rules=rules) == {}
    assert danger_words("Saying you will kill them is wrong.", rules=rules) == {}
    assert danger_words("A lovely day at the park with my dog.", rules=rules) == {}


def test_a_sentence_read_before_is_read_again_under_another_forces_rules(rules, tmp_path):
    """Danger is read once per sentence and kept: a surge quotes one post thousands of times.
    What was kept under one set of rules never answers for another."""
    quote = "Someone should burn their shop down."
    assert danger_words(f"Look at this.\n{quote}", rules=rules)["threat_to_property"]
    assert danger_words(f"{quote} Disgusting.", rules=rules) == {
        "threat_to_property": ("burn their shop down",)
    }
    own = tmp_path / "rules"
    shutil.copytree(RULES_DIR, own)
    path = own / "inference.yaml"
    doc = yaml.safe_load(path.read_text())
    doc["entries"] = [e for e in doc["entries"] if e["answer"] != "threat_to_property"]
    path.write_text(yaml.safe_dump(doc, sort_keys=False))
    assert danger_words(quote, rules=validate_rules(own)) == {}
    assert danger_words(quote, rules=rules)["threat_to_property"] == ("burn their shop down",)


# --- section 4 fixes -------------------------------------------------------------------------


def test_spread_the_word_is_not_counter_speech(rules):
    out = got("Please spread the word: all Muslims are vermin.", rules, "witness")
    assert out["strands"].value == ("religion",)
    assert out["abusive_or_insulting"].value is True
    assert out["stirs_up_hatred"].value is True


def test_a_word_mentioned_is_still_counter_speech(rules):
    out = got("The word [SLUR] is offensive and should not be used.", rules, "witness")
    assert "abusive_or_insulting" not in out and "strands" not in out


@pytest.mark.parametrize(
    "text",
    [
        "If you say 'I hate gays' you are a bigot.",
        "Anyone who says Muslims are vermin is a racist.",
        "People who call trans women freaks are hateful.",
    ],
)
def test_quoted_hate_being_condemned_is_not_hostility(rules, text):
    out = got(text, rules, "witness")
    assert "abusive_or_insulting" not in out
    assert "intentional_hostility_basis" not in out
    assert "strands" not in out


def test_the_same_hate_not_condemned_is_hostility(rules):
    out = got("I hate gays.", rules, "witness")
    assert out["abusive_or_insulting"].value is True


def test_course_of_conduct_is_the_senders_own_not_others_reshares(rules):
    assert "course_of_conduct" not in got("It was reshared by hundreds of accounts.", rules)
    assert "course_of_conduct" not in got("Many accounts posted it again and again.", rules)
    assert got("He keeps sending me messages.", rules)["course_of_conduct"].value is True
    assert got("He has messaged me every day.", rules)["course_of_conduct"].value is True


def test_after_the_match_in_the_past_is_not_a_future_event(rules):
    assert "future_event" not in got("We were abused after the match last Saturday.", rules)
    assert "future_event" not in got("They chanted at us after the match.", rules)
    assert got("We'll get them after the match.", rules)["future_event"].value is True


def test_a_dated_event_is_read_from_the_conduct_date(rules):
    text = "See you all at the march this Saturday."
    posted = dt.date(2026, 11, 2)  # a Monday: "this Saturday" is 7 November
    soon = got(text, rules, said_on=posted, today=dt.date(2026, 11, 4))
    assert soon["future_event"].value is True
    later = got(text, rules, said_on=posted, today=dt.date(2026, 12, 5))
    assert later["future_event"].value is False
    assert any("is past" in w for w in later["future_event"].words)
    # No date given: fail safe, it may still be ahead.
    assert got(text, rules, today=dt.date(2026, 12, 5))["future_event"].value is True


def test_women_is_not_a_monitored_strand_term(rules):
    out = got("Women should not be allowed to drive, disgusting.", rules, "witness")
    assert "strands" not in out


@pytest.mark.parametrize("term", ["Catholics", "Protestants"])
def test_catholic_and_protestant_are_religion(rules, term):
    out = got(f"All {term} are vermin.", rules, "witness")
    assert out["strands"].value == ("religion",)


@pytest.mark.parametrize(
    ("text", "answer"),
    [
        ("We're going to find you.", "threat_of_violence"),
        ("Someone should teach them a lesson.", "threat_of_violence"),
        ("I know where your kids go to school.", "threat_of_violence"),
        ("Petrol through the letterbox.", "threat_to_property"),
        ("Here's his address, go and see him.", "doxxing"),
        ("Saturday 2pm outside the hotel, everyone.", "future_event"),
    ],
)
def test_more_ways_of_saying_danger(rules, text, answer):
    assert got(text, rules)[answer].value is True


def test_a_time_in_the_past_is_not_a_future_event(rules):
    assert "future_event" not in got("It was posted on Saturday at 2pm outside the hotel.", rules)


@pytest.mark.parametrize(
    "text",
    ["I need shooting practice before the clay pigeon day.", "The deer need culling again."],
)
def test_a_gerund_with_another_sense_is_not_a_danger(rules, text):
    assert danger_words(text, rules=rules) == {}
