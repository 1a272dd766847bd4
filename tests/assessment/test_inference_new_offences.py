"""Inference for the answers issue 15 added (SCA 2007 ss44-46, Suicide Act s2, POA s21, s23/s29G,
SOA 2003 s66A/s66B, threatening or abusive, persistently targeted, intimidated victims): the words
suggest an answer, shown to the officer as "Inferred: yes, from <words>", and never decide. Each
answer has positive examples (one written from the statute's own words) and negative ones: a
denial, a mention, a topic word alone. All texts are synthetic."""

import pytest

from hatehub.assessment.forms import AnswersForm
from hatehub.assessment.inference import infer
from hatehub.assessment.rules import load_rules
from hatehub.assessment.services import evaluate

CASES = {
    "encourages_offence": (
        [
            "Everyone should go and burn the mosque down.",
            "He is urging his followers to attack the hotel.",
            # SCA 2007 s44: "an act capable of encouraging or assisting the commission of an
            # offence"
            "The post is an act capable of encouraging the commission of an offence.",
        ],
        [
            "Everyone should go to the match on Saturday.",
            "He never encouraged people to attack anyone.",
            "Saying everyone should attack them is wrong.",
        ],
    ),
    "encourages_suicide": (
        [
            "He keeps telling me to kill myself.",
            "Just go and hang yourself.",
            # Suicide Act 1961 s2(1): "encouraging or assisting the suicide or attempted
            # suicide of another person"
            "The messages were meant for encouraging the suicide of another person.",
        ],
        [
            "My friend told me not to give up.",
            "Stop telling people to kill themselves, it is not ok.",
            "I read an article about suicide prevention.",
        ],
    ),
    "shares_recording": (
        [
            "He shared a video of the attack on his channel.",
            "They were playing the recording in the group chat.",
            # POA 1986 s21: "distributes, or shows or plays, a recording"
            "The account distributes, or shows or plays, a recording of the speech.",
        ],
        [
            "I did not share the video.",
            "The video quality was poor.",
            "I have a recording of the messages as evidence.",
        ],
    ),
    "possesses_material": (
        [
            "They have boxes of leaflets at his flat ready to hand out at the march.",
            # POA 1986 s23: "has in his possession written material ... with a view to" it
            # being displayed, published, distributed
            "He has in his possession written material with a view to it being distributed.",
        ],
        [
            "They handed me a leaflet about the fun run.",
            "We have posters of the band on the wall.",
        ],
    ),
    "sends_genital_image": (
        [
            "A stranger airdropped me a photo of his genitals on the train.",
            "He keeps sending dick pics.",
            # SOA 2003 s66A: "sends or gives a photograph or film of any person's genitals"
            "He sends a photograph or film of any person's genitals to another person.",
        ],
        [
            "He sent me a photo of his dog.",
            "I did not send any pictures.",
        ],
    ),
    "shares_intimate_image": (
        [
            "My ex posted my nudes in a group chat.",
            "He threatened to share intimate photos of me.",
            # SOA 2003 s66B: "shares a photograph or film which shows, or appears to show,
            # another person in an intimate state"
            "She shares a photograph or film which shows another person in an intimate state.",
        ],
        [
            "She shared a photo of her holiday.",
            "He never shared nudes of anyone.",
        ],
    ),
    "abusive": (
        [
            "They sent me abusive messages all night.",
            "He called me a [SLUR] in a reply.",
            "I will kill you.",
        ],
        [
            "Calling someone a [SLUR] is wrong.",
            "The messages were rude and insulting.",
        ],
    ),
    "persistently_targeted": (
        [
            "I have been targeted for months by the same account.",
            "She is constantly harassed online because she is Muslim.",
            "He won't leave me alone.",
        ],
        [
            "It happened once last week.",
            "I was not targeted again after that.",
        ],
    ),
    "victim_intimidated": (
        [
            "I am scared to give evidence.",
            "They threatened me not to go to the police.",
            # YJCEA 1999 s17: "fear or distress in connection with testifying"
            "She has fear or distress in connection with testifying in court.",
        ],
        [
            "I'm not scared to give evidence.",
            "I am happy to make a statement.",
        ],
    ),
}


@pytest.fixture(scope="module")
def rules():
    return load_rules()


@pytest.mark.parametrize(
    ("answer", "text"),
    [(answer, text) for answer, (yes, _no) in CASES.items() for text in yes],
)
def test_the_words_suggest_the_answer(rules, answer, text):
    found = infer(text, "victim", rules=rules)
    assert answer in found, f"{answer} not inferred from {text!r}"
    assert found[answer].value is True
    assert found[answer].words and all(w.lower() in text.lower() for w in found[answer].words)


@pytest.mark.parametrize(
    ("answer", "text"),
    [(answer, text) for answer, (_yes, no) in CASES.items() for text in no],
)
def test_no_answer_from_a_denial_a_mention_or_a_topic_word(rules, answer, text):
    assert answer not in infer(text, "victim", rules=rules)


def test_every_new_answer_has_an_inference_rule(rules):
    answers = {entry.answer for entry in rules.inference.entries}
    assert set(CASES) | {"threat_to_property"} <= answers


def test_the_officer_sees_inferred_yes_from_the_words():
    result = evaluate("A stranger airdropped me a photo of his genitals on the train.",
                      "victim", {"nation": "england_wales"}, use_signals=False)  # fmt: skip
    form = AnswersForm(inferred=result["inferred"])
    help_text = form.fields["sends_genital_image"].help_text
    assert help_text == "Inferred: yes, from “airdropped me a photo of his genitals”"


def test_an_inferred_answer_suggests_and_the_officer_decides():
    text = "He keeps telling me to kill myself."
    suggested = evaluate(text, "victim", {"nation": "england_wales"}, use_signals=False)
    assert "sa1961_s2" in {o["id"] for o in suggested["offences"]}
    assert suggested["inferred"]["encourages_suicide"]["overridden"] is False
    corrected = evaluate(text, "victim", {"nation": "england_wales", "encourages_suicide": False},
                         use_signals=False)  # fmt: skip
    assert "sa1961_s2" not in {o["id"] for o in corrected["offences"]}
    assert corrected["inferred"]["encourages_suicide"]["overridden"] is True
