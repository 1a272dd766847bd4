"""Content signals: the shipped model loads, the rules fire with their evidence, and the
HateCheck functionalities that must not score as hate pass at the rates the bench reports.

Uses only the committed model file and rules (no ../shared/eval), and invented placeholder
slurs (``functional_suite.TEST_SLURS``), never real ones.
"""

import re
import shutil
from collections import defaultdict

import pytest

from hatehub.assessment import signals
from hatehub.assessment.functional_suite import TEST_SLURS, cases
from hatehub.assessment.signals import (
    HATE_THRESHOLD,
    STRANDS,
    TERMS_PATH,
    ContentSignals,
    add_slur_terms,
    load_model,
    load_terms,
    score,
    term_hash,
)


@pytest.fixture(scope="module")
def terms():
    return load_terms(extra_slurs=TEST_SLURS)


@pytest.fixture(scope="module")
def pass_rates(terms):
    """Pass rate per functionality and per HateCheck id of the whole functional suite."""
    by: dict[str, list[bool]] = defaultdict(list)
    for case in cases():
        s = score(case.text, terms=terms)
        ok = (s.hate >= HATE_THRESHOLD) == case.hateful
        by[case.functionality].append(ok)
        by[case.hatecheck_id].append(ok)
        by["ALL"].append(ok)
    return {k: sum(v) / len(v) for k, v in by.items()}


def test_model_file_loads_and_is_small():
    model = load_model()
    assert signals.MODEL_PATH.stat().st_size < 5_000_000
    assert len(model.word_vocab) > 1000 and len(model.char_vocab) > 1000
    assert model.coef.shape == (len(model.word_vocab) + len(model.char_vocab),)
    assert 0.0 < model.threshold < 1.0
    assert load_model() is model  # cached


def test_missing_model_says_how_to_build_it(tmp_path):
    with pytest.raises(FileNotFoundError, match="train_signals"):
        load_model(tmp_path / "nope.npz")


def test_score_returns_every_field(terms):
    s = score("I hate Muslims.", terms=terms)
    assert isinstance(s, ContentSignals)
    for name in ("hate", "threat", "dehumanising", "derogatory", "slur", "model_hate"):
        assert 0.0 <= getattr(s, name) <= 1.0
    assert set(s.targets) == set(STRANDS)
    assert s.targets["religion"] > 0.5
    assert isinstance(s.evidence, dict)


def test_threat_rule_fires_with_evidence(terms):
    s = score("I am going to kill all Muslims.", terms=terms)
    assert s.threat >= 0.8
    assert s.hate >= HATE_THRESHOLD
    assert any("kill" in w for w in s.evidence["threat"])


def test_weapon_emoji_aimed_at_group_is_a_threat(terms):
    s = score("I would love to 🔪 some immigrants", terms=terms)
    assert s.threat >= 0.7
    assert "🔪" in s.evidence["threat"]


def test_dehumanising_rule_needs_a_group_and_gives_evidence(terms):
    s = score("Immigrants are vermin and a plague.", terms=terms)
    assert s.dehumanising >= 0.8
    assert "vermin" in s.evidence["dehumanising"]
    assert s.targets["race"] > 0.5
    assert score("There are rats in the shed.", terms=terms).dehumanising == 0.0


def test_slur_is_found_by_hash_including_leet_and_plural(terms):
    assert score("you filthy zorblat", terms=terms).slur >= 0.8
    s = score("all those z0rbl4ts", terms=terms)
    assert s.slur >= 0.8
    assert s.targets["race"] >= 0.8


def test_reclaimed_in_group_use_lowers_the_slur_score(terms):
    used = score("You are just a flumph to me.", terms=terms)
    reclaimed = score("As a gay man, I am a flumph and proud of it.", terms=terms)
    assert used.slur >= 0.8
    assert reclaimed.slur < used.slur / 2
    assert reclaimed.hate < HATE_THRESHOLD
    assert "reclaimed" in reclaimed.evidence


def test_quoted_slur_is_lowered(terms):
    quoted = score('He called me a "quandle" and I reported it.', terms=terms)
    assert quoted.slur < 0.5
    assert quoted.hate < HATE_THRESHOLD


def test_counter_speech_negation_and_quotes_are_not_hate(terms):
    for text in (
        'Someone just tweeted "I will kill all Muslims". Reported it. Shame on them.',
        "Saying that immigrants are vermin is wrong and hateful.",
        "I don't hate gay people.",
        "Trans people are not disgusting.",
    ):
        assert score(text, terms=terms).hate < HATE_THRESHOLD, text


# The rates below are the floors of what `bench/signals_eval.py` reports (see the report):
# counter-speech 100%, negation 100%, reclaimed slurs 100%, non-hateful identity mentions 81%
# (ident_neutral 62%: the model scores "We are a group of Muslims" as hate), all 98%.
@pytest.mark.parametrize(
    "functionality, floor",
    [
        ("counter_speech", 0.95),
        ("counter_quote_nh", 0.95),
        ("negate_neg_nh", 0.95),
        ("reclaimed_slurs", 0.95),
        ("non_hateful_identity", 0.80),
        ("non_protected_targets", 0.80),
        ("profanity_nh", 0.75),
        ("threatening_language", 0.90),
        ("derogation", 0.90),
        ("ALL", 0.90),
    ],
)
def test_functional_suite_pass_rates(pass_rates, functionality, floor):
    assert pass_rates[functionality] >= floor, pass_rates


def test_rules_file_holds_no_slur_in_clear():
    text = TERMS_PATH.read_text(encoding="utf-8")
    hashes = re.findall(r"^\s+- ([0-9a-f]{64})$", text, flags=re.M)
    assert len(hashes) > 20
    for word in TEST_SLURS:
        assert word not in text
        assert term_hash(word) not in hashes


def test_add_slur_terms_appends_hashes_under_the_strand(tmp_path):
    path = tmp_path / "terms.yaml"
    shutil.copy(TERMS_PATH, path)
    new = add_slur_terms("disability", ["Bresk"], path=path)
    assert new == [term_hash("bresk")]
    assert "bresk" not in path.read_text(encoding="utf-8").lower()
    loaded = load_terms(path)
    assert loaded.slurs[term_hash("bresk")] == "disability"
    assert add_slur_terms("disability", ["bresk"], path=path) == []
