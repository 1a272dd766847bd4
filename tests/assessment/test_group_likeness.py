"""Reading a group no list names (``group_likeness``): where a group stands in a sentence, and
the likeness rule that decides whether it is read as a protected group. Pure: the encoder is
replaced by fixed vectors here; test_signals_functionalities.py runs the real one."""

import numpy as np
import pytest

from hatehub.assessment.group_likeness import MARGIN, GroupLikeness, candidates, core


@pytest.mark.parametrize(
    "text, expected",
    [
        ("yazidis are sly and dirty", ["yazidis"]),
        ("the place is run by alawites now", ["alawites"]),
        ("people who use wheelchairs should stay in", ["people who use wheelchairs"]),
        ("deafened people are a burden", ["deafened people"]),
        ("all tuareg should leave", ["tuareg"]),
    ],
)
def test_a_group_is_found_where_a_group_stands(text, expected):
    assert candidates(text) == expected


def test_a_plural_before_a_plural_is_its_modifier_not_a_group():
    assert candidates("i detest brussels sprouts") == ["sprouts"]


def test_words_the_rules_already_know_and_words_that_name_no_one_are_left_out():
    assert candidates("sometimes liars are always liars", known=frozenset({"liars"})) == []


def test_a_phrase_with_people_in_it_is_compared_by_what_tells_the_people_apart():
    assert core("people who use wheelchairs") == "use wheelchairs"
    assert core("kashmiri people") == "kashmiri"
    assert core("alawites") == "alawites"


def _fake_encoder(vectors):
    def embed(phrases):
        return np.array([vectors[p] for p in phrases], dtype=np.float32)

    return embed


def _unit(*xs):
    v = np.array(xs, dtype=np.float32)
    return v / np.linalg.norm(v)


def test_a_phrase_clearly_nearer_a_protected_example_is_read_with_its_strand():
    vectors = {
        "kurds": _unit(1, 0, 0),
        "cyclists": _unit(0, 1, 0),
        "alawites": _unit(0.9, 0.3, 0.3),  # near "kurds", far from "cyclists"
        "landlords": _unit(0.5, 0.8, 0.2),  # nearer "cyclists"
        "widgets": _unit(0.1, 0.1, 1),  # near neither
    }
    reader = GroupLikeness({"race": ["kurds"]}, ["cyclists"], _fake_encoder(vectors))
    (read,) = reader.read(["alawites", "landlords", "widgets"])
    assert (read.phrase, read.strand, read.like) == ("alawites", "race", "kurds")


def test_a_phrase_as_near_an_unprotected_example_is_not_read():
    vectors = {
        "kurds": _unit(1, 0, 0),
        "cyclists": _unit(0, 1, 0),
        "between": _unit(1, 1 - MARGIN / 2, 0),  # nearer "kurds", but by less than the margin
    }
    reader = GroupLikeness({"race": ["kurds"]}, ["cyclists"], _fake_encoder(vectors))
    assert reader.read(["between"]) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The council housed several Ainu here.", ["ainu"]),
        ("Sahrawi are everywhere now.", ["sahrawi"]),
        ("Went to the pub with Tomasz.", []),  # one person
        ("Tomasz is late again.", []),
    ],
)
def test_a_name_is_a_candidate_only_where_grammar_shows_many_people(text, expected):
    from hatehub.assessment.classifier import normalise

    assert candidates(normalise(text), text=text) == expected
