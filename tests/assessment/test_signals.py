"""Content signals: the encoder head loads once, the rules fire with their evidence, the
obfuscations HateCheck and HatemojiCheck test are seen through, and counter-speech, negation
and plain mentions of a group do not score as hate.

Uses only the committed head, the encoder installed from PyPI (re-quantised once per machine
into var/encoder) and the rules (no ../shared/eval), and invented placeholder slurs
(``functional_suite.TEST_SLURS``), never real ones. The encoder is loaded once for the module;
the functional cases are encoded in one batch.
"""

import re
import shutil
from collections import defaultdict

import pytest

from hatehub.assessment import classifier as signals
from hatehub.assessment import encoder
from hatehub.assessment.classifier import (
    HATE_THRESHOLD,
    STRANDS,
    TERMS_PATH,
    ContentSignals,
    EncoderHead,
    SignalModel,
    add_slur_terms,
    load_head,
    load_model,
    load_terms,
    score,
    term_hash,
)
from hatehub.assessment.encoder import (
    ENCODER_ID,
    ENCODER_SHA256,
    EncoderUnavailable,
    encoder_for,
    load_encoder,
    prepare,
)
from hatehub.assessment.functional_suite import TEST_SLURS, cases


@pytest.fixture(scope="module")
def terms():
    return load_terms(extra_slurs=TEST_SLURS)


@pytest.fixture(scope="module")
def head():
    return load_head()


def hateful(text, terms, head) -> bool:
    return score(text, terms=terms, model=head).hate >= HATE_THRESHOLD


@pytest.fixture(scope="module")
def pass_rates(terms, head):
    """Accuracy per functionality (and per split) of the three held-out sets."""
    all_cases = cases("heldout") + cases("heldout2") + cases("heldout3")
    # One text at a time, from an empty cache, as the hub scores a report. Not in one batch:
    # the int8 encoder quantises activations per batch, so a text's vector (and a case near
    # the threshold) depended on which texts shared its batch, and so on the tests run before.
    head.clear_cache()
    by: dict[str, list[bool]] = defaultdict(list)
    for case in all_cases:
        ok = hateful(case.text, terms, head) == case.hateful
        by[f"{case.split}:{case.suite}"].append(ok)
        by[f"{case.split}:{case.hatecheck_id}"].append(ok)
    return {k: sum(v) / len(v) for k, v in by.items()}


def test_head_file_is_small_plain_arrays_and_loads_once(head):
    assert signals.HEAD_PATH.stat().st_size < 1_000_000
    assert head.weights[0].shape[0] == 384
    assert 0.0 < head.threshold < 1.0
    assert head.meta["encoder"] == ENCODER_ID == "all-MiniLM-L6-v2-int8-dynamic"
    assert head.meta["encoder_sha256"] == ENCODER_SHA256
    assert load_head() is head
    assert load_encoder() is load_encoder()
    assert encoder_for(head.meta) is load_encoder()
    assert load_encoder().sha256 == ENCODER_SHA256


def test_the_int8_encoder_builds_deterministically_where_hub_encoder_dir_says(
    tmp_path, monkeypatch
):
    """The build from the packaged model gives the file the head was trained on, byte for
    byte, in HUB_ENCODER_DIR; the int8 graph has integer matrix products."""
    monkeypatch.setenv("HUB_ENCODER_DIR", str(tmp_path))
    path = encoder.model_file()
    assert path.parent == tmp_path
    assert encoder.build_quantized() == path
    assert encoder._sha256(path) == ENCODER_SHA256
    assert b"MatMulInteger" in path.read_bytes()
    assert not list(tmp_path.glob(".*.partial"))
    assert encoder.build_quantized() == path  # built once: a second call finds it


def test_a_head_trained_on_another_encoder_is_refused():
    with pytest.raises(EncoderUnavailable, match="train_signals"):
        encoder_for({"encoder": ENCODER_ID, "encoder_sha256": "0" * 64})


def test_the_old_tfidf_model_still_loads_as_the_baseline():
    model = load_model()
    assert isinstance(model, SignalModel)
    assert model.predict_proba(["I hate Muslims."]).shape == (1,)


def test_missing_head_says_how_to_build_it(tmp_path):
    with pytest.raises(FileNotFoundError, match="train_signals"):
        load_head(tmp_path / "nope.npz")


def test_signals_fall_back_to_the_old_model_when_the_encoder_cannot_load(monkeypatch, terms):
    def broken(*_a, **_k):
        raise FileNotFoundError("no head")

    monkeypatch.setattr(signals, "load_head", broken)
    assert isinstance(signals.default_model(), SignalModel)
    s = score("I am going to kill all Muslims.", terms=terms)
    assert s.threat >= 0.8


def test_score_returns_every_field(terms, head):
    s = score("I hate Muslims.", terms=terms, model=head)
    assert isinstance(s, ContentSignals)
    for name in ("hate", "threat", "dehumanising", "derogatory", "slur", "model_hate"):
        assert 0.0 <= getattr(s, name) <= 1.0
    assert set(s.targets) == set(STRANDS)
    assert s.targets["religion"] > 0.5
    assert s.hate >= HATE_THRESHOLD


def test_the_encoder_scores_hate_above_a_positive_mention(head):
    hate, kind = head.predict_proba(["Gay people are disgusting vermin.", "I love gay people."])
    assert hate > head.threshold > kind


def test_counter_speech_negation_and_neutral_mentions_are_not_hate(terms, head):
    for text in (
        'Someone just tweeted "I will kill all Muslims". Reported it. Shame on them.',
        "Saying that immigrants are vermin is wrong and hateful.",
        "I don't hate gay people.",
        "Trans people are not disgusting.",
        "My neighbours are Muslims.",
        "We are a group of disabled people.",
    ):
        assert not hateful(text, terms, head), text


def test_threat_rule_fires_with_evidence(terms, head):
    s = score("I am going to kill all Muslims.", terms=terms, model=head)
    assert s.threat >= 0.8
    assert s.hate >= HATE_THRESHOLD
    assert any("kill" in w for w in s.evidence["threat"])


def test_weapon_emoji_aimed_at_a_group_is_a_threat(terms, head):
    s = score("I would love to 🔪 some immigrants", terms=terms, model=head)
    assert s.threat >= 0.7
    assert "🔪" in s.evidence["threat"]
    assert s.hate >= HATE_THRESHOLD


def test_an_emoji_standing_for_the_group_is_a_target(terms, head):
    s = score("I hate 🏳️‍🌈", terms=terms, model=head)
    assert s.targets["sexual_orientation"] > 0.5
    assert s.hate >= HATE_THRESHOLD
    assert not hateful("I love 🏳️‍🌈", terms, head)


def test_spaced_out_run_together_and_emoji_letters_are_seen_through(terms, head):
    assert prepare("I will k i l l all Jews") == "i will kill all jews"
    assert prepare("Ihategaymen.") == "i hate gay men."
    assert prepare("I h🅰️te Muslims") == "i hate muslims"
    for text in ("You filthy z o r b l a t", "You filthy z⭕rblat", "all those z0rbl4ts"):
        s = score(text, terms=terms, model=head)
        assert s.slur >= 0.8, text
        assert s.targets["race"] >= 0.8, text
    assert hateful("Muslims are d i s g u s t i n g.", terms, head)


def test_dehumanising_rule_needs_a_group_and_gives_evidence(terms, head):
    s = score("Immigrants are vermin and a plague.", terms=terms, model=head)
    assert s.dehumanising >= 0.8
    assert "vermin" in s.evidence["dehumanising"]
    assert score("There are rats in the shed.", terms=terms, model=head).dehumanising == 0.0


def test_reclaimed_in_group_use_lowers_the_slur_score(terms, head):
    used = score("You are just a flumph to me.", terms=terms, model=head)
    reclaimed = score("As a gay man, I am a flumph and proud of it.", terms=terms, model=head)
    assert used.slur >= 0.8
    assert reclaimed.slur < used.slur / 2
    assert reclaimed.hate < HATE_THRESHOLD
    assert "reclaimed" in reclaimed.evidence


def test_quoted_slur_is_lowered(terms, head):
    quoted = score('He called me a "quandle" and I reported it.', terms=terms, model=head)
    assert quoted.slur < 0.5
    assert quoted.hate < HATE_THRESHOLD


# Floors a little under what `bench/signals_eval.py` reports (docs/benchmarks.md, issue 15,
# "Held-out 5"). Held-out 1-4 are all seen now (the rules were developed on them), so these
# floors guard against regressions, they do not measure generalisation: held-out 5 does, and
# the issue's aims are NOT met there (see the docs). Neutral mentions on held-out 2 ("How many
# {G} live in Leeds?") are back to 100% with the neutral-question cue.
@pytest.mark.parametrize(
    "key, floor",
    [
        ("heldout:hatecheck", 0.95),
        ("heldout:hatemojicheck", 0.95),
        ("heldout2:hatecheck", 0.93),
        ("heldout2:hatemojicheck", 0.95),
        ("heldout3:hatecheck", 0.95),
        ("heldout3:hatemojicheck", 0.90),
        ("heldout:counter_quote_nh", 0.90),
        ("heldout:counter_ref_nh", 0.90),
        ("heldout2:counter_ref_nh", 0.90),
        ("heldout3:counter_ref_nh", 0.90),
        ("heldout:ident_neutral_nh", 0.75),
        ("heldout2:ident_neutral_nh", 0.90),
        ("heldout3:ident_neutral_nh", 0.90),
        ("heldout:spell_space_add_h", 0.90),
        ("heldout:emoji_leet_h", 0.90),
        ("heldout2:emoji_leet_h", 0.90),
        ("heldout3:emoji_leet_h", 0.90),
    ],
)
def test_functional_accuracy_floors(pass_rates, key, floor):
    assert pass_rates[key] >= floor, {k: round(v, 2) for k, v in pass_rates.items()}


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


def test_head_round_trips_through_npz(tmp_path, head):
    path = tmp_path / "head.npz"
    head.save(path)
    again = EncoderHead.load(path)
    x = load_encoder().embed(["Muslims are vermin"])
    assert abs(float(again.proba_from_vectors(x)[0]) - float(head.proba_from_vectors(x)[0])) < 1e-6
