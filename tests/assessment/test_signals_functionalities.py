"""What an officer notices of the content signals on the functionalities issue 15 found weak:
hate with no hostile word (implicit derogation), hate carried by profanity, reclaimed in-group
use of a slur, counter-speech that quotes a slur, and plain questions about a group.

The signals only order the queue and suggest answers with their words: each hateful case must
come with the words that support it, and each harmless one must stay below the threshold.
Invented placeholder slurs only (``functional_suite.TEST_SLURS``); sentences written for these
tests, not taken from the held-out sets.
"""

import numpy as np
import pytest

from hatehub.assessment.classifier import HATE_THRESHOLD, load_head, load_terms, score
from hatehub.assessment.functional_suite import TEST_SLURS
from hatehub.assessment.management.commands.train_signals import average_heads
from hatehub.assessment.signals_train_extra import TRAIN_GROUPS, examples


@pytest.fixture(scope="module")
def terms():
    return load_terms(extra_slurs=TEST_SLURS)


@pytest.fixture(scope="module")
def head():
    return load_head()


@pytest.mark.xfail(
    strict=True,
    reason="Known gap (issue 15): implicit derogation without a hostile word scores under the "
    "threshold with the shipped head (held-out 4: 40%); the averaged head (--with-own) caught "
    "this one but lost on held-out 3",
)
def test_implicit_derogation_is_flagged_with_the_group_it_names(terms, head):
    s = score("Hide your valuables, there are Muslims on this train.", terms=terms, model=head)
    assert s.hate >= HATE_THRESHOLD
    assert s.evidence["targets"] == ["muslims"]
    assert s.targets["religion"] > 0


@pytest.mark.parametrize(
    "text, words",
    [
        ("Muslims are shit.", "are shit"),
        ("Fuck all Jews.", "fuck all"),
        ("Refugees can piss off.", "can piss off"),
    ],
)
def test_profanity_aimed_at_a_group_is_flagged_with_its_words(terms, head, text, words):
    s = score(text, terms=terms, model=head)
    assert s.hate >= HATE_THRESHOLD
    assert words in s.evidence["derogatory"]
    assert s.evidence["targets"]


@pytest.mark.parametrize(
    "text",
    [
        "Shit, the bus is late again.",
        "Fucking brilliant night at the pub.",
        "Estate agents are shit.",
    ],
)
def test_profanity_without_a_protected_group_is_not_hate(terms, head, text):
    assert score(text, terms=terms, model=head).hate < HATE_THRESHOLD


@pytest.mark.parametrize(
    "text",
    [
        "Me and my mates call each other flumph, it's ours.",
        "We trans folk call ourselves quandle and we mean it with love.",
        "As a disabled woman I say bresk and I'm reclaiming it.",
    ],
)
def test_reclaimed_in_group_use_of_a_slur_is_not_hate_and_says_why(terms, head, text):
    s = score(text, terms=terms, model=head)
    assert s.hate < HATE_THRESHOLD
    assert s.evidence["reclaimed"]
    assert s.slur < 0.5


def test_a_slur_used_against_someone_is_still_flagged(terms, head):
    s = score("Get lost, you zorblat.", terms=terms, model=head)
    assert s.hate >= HATE_THRESHOLD
    assert s.evidence["slur"] == ["zorblat"]
    assert "reclaimed" not in s.evidence


def test_counter_speech_quoting_a_slur_is_not_hate(terms, head):
    s = score(
        'Someone called my brother a "zorblat" in the street. That is racist abuse.',
        terms=terms,
        model=head,
    )
    assert s.hate < HATE_THRESHOLD
    assert s.evidence["counter_speech"]


@pytest.mark.parametrize(
    "text", ["How many Sikhs live in Derby?", "Do many Muslims vote in local elections?"]
)
def test_a_neutral_question_about_a_group_is_not_hate(terms, head, text):
    assert score(text, terms=terms, model=head).hate < HATE_THRESHOLD


def test_own_training_examples_share_no_group_with_held_out_set_4():
    from hatehub.assessment.functional_heldout import HELDOUT4_GROUPS

    texts, labels = examples()
    assert len(texts) == len(labels) > 1000
    assert 0.4 < np.mean(labels) < 0.7
    held_out = {g[0].lower() for g in HELDOUT4_GROUPS}
    assert not held_out & {g.lower() for g, _a in TRAIN_GROUPS}
    assert not any(g in t.lower() for t in texts for g in held_out)


def test_averaged_head_is_the_mean_of_the_two_calibrated_logits():
    rng = np.random.default_rng(0)
    from hatehub.assessment.classifier import EncoderHead

    def mlp(threshold):
        return EncoderHead(
            [rng.normal(size=(4, 3)), rng.normal(size=(3, 1))],
            [rng.normal(size=3), rng.normal(size=1)],
            threshold=threshold,
        )

    a, b = mlp(0.3), mlp(0.7)
    both = average_heads(a, b)
    x = rng.normal(size=(5, 4))
    want = 0.5 * (a.decision_from_vectors(x) - np.log(0.3 / 0.7)) + 0.5 * (
        b.decision_from_vectors(x) - np.log(0.7 / 0.3)
    )
    assert np.allclose(both.decision_from_vectors(x), want)
    assert both.threshold == 0.5
