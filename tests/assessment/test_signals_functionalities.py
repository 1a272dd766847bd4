"""What an officer notices of the content signals on the functionalities issue 15 found weak:
hate with no hostile word (implicit derogation), hate carried by profanity, reclaimed in-group
use of a slur, counter-speech that quotes a slur, and plain questions about a group; and, from
held-out set 4: letters spaced out or run together, emoji and short misspellings, emotion words,
negated and quoted hate, positive statements about a group, direct threats, flag emoji.

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


def test_implicit_derogation_is_flagged_with_the_group_it_names(terms, head):
    s = score("Hide your valuables, there are Muslims on this train.", terms=terms, model=head)
    assert s.hate >= HATE_THRESHOLD
    assert s.evidence["targets"] == ["muslims"]
    assert s.evidence["derogatory"] == ["hide your valuables"]
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


# Not held-out 8, 15 or 16: one neutral training sentence of a writer names "gay footballers",
# one "trans footballers" (a documentary about them) and one hateful one "trans kids", as
# docs/benchmarks.md says beside those sets' figures.
@pytest.mark.parametrize(
    "held_out",
    [
        "HELDOUT4_GROUPS",
        "HELDOUT6_GROUPS",
        "HELDOUT7_GROUPS",
        "HELDOUT9_GROUPS",
        "HELDOUT10_GROUPS",
        "HELDOUT11_GROUPS",
        "HELDOUT12_GROUPS",
        "HELDOUT13_GROUPS",
        "HELDOUT14_GROUPS",
        "HELDOUT17_GROUPS",
        "HELDOUT18_GROUPS",
        "HELDOUT19_GROUPS",
        "HELDOUT20_GROUPS",
        "HELDOUT21_GROUPS",
        "HELDOUT22_GROUPS",
        "HELDOUT23_GROUPS",
    ],
)
def test_own_training_examples_share_no_group_with_the_blind_held_out_sets(held_out):
    from hatehub.assessment import functional_heldout

    texts, labels = examples()
    assert len(texts) == len(labels) > 10_000
    assert 0.4 < np.mean(labels) < 0.7
    groups = getattr(functional_heldout, held_out)
    names = {g[0].lower() for g in groups}
    assert not names & {g[0].lower() for g in TRAIN_GROUPS}
    assert not any(g in t.lower() for t in texts for g in names)
    if held_out != "HELDOUT4_GROUPS":  # the newer sets' identity emoji are theirs alone
        emoji = {g[4] for g in groups}
        assert not any(e in t for t in texts for e in emoji)


def test_spelling_variants_keep_the_label_and_change_one_word():
    from hatehub.assessment.signals_train_extra import spelling_variants

    texts = [f"{i} sentences about something horrible" for i in range(60)]
    variants = spelling_variants(texts, [i % 2 for i in range(60)])
    assert 5 <= len(variants) <= 20
    for text, label in variants:
        number = int(text.split()[0])
        assert text != texts[number]
        assert label == number % 2


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
    both = average_heads([a, b])
    x = rng.normal(size=(5, 4))
    want = 0.5 * (a.decision_from_vectors(x) - np.log(0.3 / 0.7)) + 0.5 * (
        b.decision_from_vectors(x) - np.log(0.7 / 0.3)
    )
    assert np.allclose(both.decision_from_vectors(x), want)
    assert both.threshold == 0.5


# --------------------------------------------------------------------------- held-out 4's gaps
# Sentences written for these tests (groups from the training list, not held-out 5's).


def test_a_spaced_out_slur_is_flagged_with_its_group(terms, head):
    s = score("Get out of my street, z o r b l a t.", terms=terms, model=head)
    assert s.hate >= HATE_THRESHOLD
    assert s.evidence["slur"] == ["zorblat"]
    assert s.targets["race"] >= 0.8


@pytest.mark.parametrize(
    "text, words",
    [
        ("i h a t e Arabs", "i hate"),  # a lower-case "i" before the spaced letters
        ("I d e t e s t refugees.", "i detest"),  # a word the encoder knows only in pieces
        ("Idetestrefugees.", "i detest"),  # the spaces deleted instead
        ("I hte refugees.", "i hate"),  # a three-letter misspelling
    ],
)
def test_spaced_run_together_and_misspelt_hate_is_read_as_written(terms, head, text, words):
    s = score(text, terms=terms, model=head)
    assert s.hate >= HATE_THRESHOLD
    assert s.evidence["derogatory"] == [words]
    assert s.targets["race"] > 0


def test_an_identity_term_the_vocabulary_splits_stays_one_word(terms, head):
    s = score("Demisexual people are a disgrace.", terms=terms, model=head)
    assert s.evidence["targets"] == ["demisexual"]
    assert s.targets["sexual_orientation"] > 0
    assert s.hate >= HATE_THRESHOLD


def test_emoji_leetspeak_is_read_as_the_word(terms, head):
    s = score("Arabs are sc🅤m", terms=terms, model=head)
    assert s.hate >= HATE_THRESHOLD
    assert s.evidence["dehumanising"] == ["scum"]


@pytest.mark.parametrize(
    "text",
    [
        "I feel pure hatred towards Arabs.",
        "Refugees fill me with disgust.",
        "Somalis really infuriate me.",
        "Refugees deserve to suffer.",
    ],
)
def test_emotion_words_aimed_at_a_group_are_flagged(terms, head, text):
    s = score(text, terms=terms, model=head)
    assert s.hate >= HATE_THRESHOLD
    assert s.evidence["derogatory"]


@pytest.mark.parametrize(
    "text",
    [
        "I don't loathe refugees, I never did.",
        "I have no issue at all with Arabs.",
        "Somalis are not thieves.",
    ],
)
def test_negated_hate_is_not_flagged(terms, head, text):
    s = score(text, terms=terms, model=head)
    assert s.hate < HATE_THRESHOLD
    assert "derogatory" not in s.evidence


@pytest.mark.parametrize(
    "text",
    [
        "If you say 'I hate Arabs' you are a bigot.",
        "People who say gay people are disgusting should be ashamed.",
    ],
)
def test_hate_quoted_or_reported_to_condemn_it_is_not_flagged(terms, head, text):
    s = score(text, terms=terms, model=head)
    assert s.hate < HATE_THRESHOLD
    assert s.evidence.get("counter_speech") or s.evidence.get("quotation")


@pytest.mark.parametrize(
    "text",
    [
        "Arabs are some of the nicest people I've met.",
        "Refugees make our town a kinder place.",
        "Our choir is stronger thanks to the Somalis in it.",
        "Demisexual people are welcome at our book club.",
    ],
)
def test_a_positive_statement_about_a_group_is_not_flagged(terms, head, text):
    s = score(text, terms=terms, model=head)
    assert s.hate < HATE_THRESHOLD
    assert any(v > 0 for v in s.targets.values())  # the group is still seen


@pytest.mark.parametrize(
    "text, words",
    [
        ("I'll make the Arabs pay for this.", "make the arabs pay"),
        ("We're coming for every Somali on this estate.", "we're coming for"),
        (
            "I will find out where the refugees live and make them bleed.",
            "find out where the refugees live",
        ),
    ],
)
def test_direct_threats_against_a_group_are_flagged_as_threats(terms, head, text, words):
    s = score(text, terms=terms, model=head)
    assert s.hate >= HATE_THRESHOLD
    assert s.threat >= 0.75
    assert words in s.evidence["threat"]


def test_a_flag_emoji_names_the_nationality_as_the_target(terms, head):
    s = score("I despise every 🇸🇴 I see", terms=terms, model=head)
    assert s.hate >= HATE_THRESHOLD
    assert s.targets["race"] > 0
    assert "🇸🇴" in s.evidence["targets"]


@pytest.mark.parametrize(
    "text, words",
    [
        ("Somalis aren't trustworthy.", "aren't trustworthy"),
        ("Arabs are no good, never were.", "are no good"),
    ],
)
def test_a_positive_quality_denied_to_a_group_is_flagged(terms, head, text, words):
    s = score(text, terms=terms, model=head)
    assert s.hate >= HATE_THRESHOLD
    assert s.evidence["derogatory"] == [words]


@pytest.mark.parametrize(
    "text",
    [
        "It is not good that refugees are left without homes.",
        "Refugees are not always welcome in Britain, sadly, and that must change.",
    ],
)
def test_a_denial_about_something_else_or_hedged_is_not_read_as_one(terms, head, text):
    s = score(text, terms=terms, model=head)
    assert s.hate < HATE_THRESHOLD
    assert "derogatory" not in s.evidence


def test_a_two_word_identity_term_is_masked_whole(terms):
    from hatehub.assessment.classifier import mask_identities

    assert mask_identities("the council met with gay men", terms) == "the council met with people"


# --------------------------------------------------------------------------- held-out 5's gaps
# Sentences written for these tests; the fixes are by category (every demonym, contractions),
# not for held-out 5's wording.


@pytest.mark.parametrize(
    "text, strand, word",
    [
        ("Eritreans are a disgrace.", "race", "eritreans"),  # any country's demonym
        ("Filipinos are vermin.", "race", "filipinos"),  # its plural, added by the loader
        ("Jains are vermin.", "religion", "jains"),
        ("Dyslexic people are worthless.", "disability", "dyslexic"),
    ],
)
def test_a_group_outside_the_old_lists_is_seen_as_the_target(terms, head, text, strand, word):
    s = score(text, terms=terms, model=head)
    assert s.hate >= HATE_THRESHOLD
    assert s.evidence["targets"] == [word]
    assert s.targets[strand] > 0


@pytest.mark.parametrize(
    "text",
    ["The Eritrean community centre opens at nine.", "How many Quakers live in Bristol?"],
)
def test_a_neutral_mention_of_a_newly_listed_group_is_not_hate(terms, head, text):
    s = score(text, terms=terms, model=head)
    assert s.hate < HATE_THRESHOLD
    assert s.evidence["targets"]


def test_demonyms_take_a_plural_only_where_english_has_one():
    from hatehub.assessment.classifier import demonym_forms

    assert demonym_forms("ghanaian") == ["ghanaian", "ghanaians"]
    assert demonym_forms("czech") == ["czech", "czechs"]
    assert demonym_forms("vietnamese") == ["vietnamese"]
    assert demonym_forms("swiss") == ["swiss"]


@pytest.mark.parametrize(
    "text, prepared",
    [
        ("Ican'tbearlesbians.", "i can't bear lesbians."),
        ("Sikhsaren'thuman.", "sikhs aren't human."),
        ("Wedon’twantKurdshere", "we don't want kurds here"),  # a typographic apostrophe
        ("John's car isn't here", "john's car isn't here"),  # ordinary contractions untouched
    ],
)
def test_words_run_together_round_a_contraction_are_split(terms, text, prepared):
    from hatehub.assessment.encoder import prepare

    assert prepare(text, known=terms.segment_words) == prepared


@pytest.mark.parametrize("text", ["Ican'tstandTamils.", "Sikhsaren'thuman."])
def test_hate_run_together_round_a_contraction_is_flagged(terms, head, text):
    s = score(text, terms=terms, model=head)
    assert s.hate >= HATE_THRESHOLD
    assert s.evidence["derogatory"]


@pytest.mark.parametrize(
    "text, words",
    [
        # a violent verb outside the old list, after intent
        ("I'm going to set fire to the Somali shop on the corner.", "i'm going to set fire to"),
        # "should be ... VIOLENT_PP", with words between
        ("Kurds ought to be strangled in their sleep.", "ought to be strangled"),
        (
            "Tamils should be locked in a cellar and starved.",
            "should be locked in a cellar and starved",
        ),
        # someone else asked to do it
        ("Someone should drown the Hungarians in the canal.", "someone should drown"),
        # shrugged off or wished for
        ("Nobody would miss it if somebody knifed all the Albanians.", "knifed"),
        # where it will leave them
        (
            "Any Eritrean who walks past my door will go home in a body bag.",
            "will go home in a body bag",
        ),
        # an order with a group named
        ("Batter the Sikhs 👍", "batter the"),
    ],
)
def test_threats_are_read_by_their_shape_not_a_verb_list(terms, head, text, words):
    s = score(text, terms=terms, model=head)
    assert s.hate >= HATE_THRESHOLD
    assert s.threat >= 0.75
    assert any(words in w for w in s.evidence["threat"])


@pytest.mark.parametrize(
    "text",
    [
        "Burn the toast and the smoke alarm goes off.",  # an order with no group named
        "I would never hurt a Quaker.",
        "No one should be beaten for being a Sikh.",
        "Gay men used to be beaten by police in the 1950s.",
        "It would be better if fewer Eritreans drowned crossing the sea.",
    ],
)
def test_violence_denied_reported_or_aimed_at_no_group_is_not_a_threat(terms, head, text):
    s = score(text, terms=terms, model=head)
    assert s.hate < HATE_THRESHOLD
    assert s.threat < 0.7


@pytest.mark.parametrize(
    "text, words",
    [
        ("Hungarians are loud, rude and dishonest.", "are loud, rude and dishonest"),  # a list
        ("Every Quaker I have met has been a fraud.", "been a fraud"),  # singular, perfect
        ("Deaf people have always been lazy and useless.", "been lazy"),
        ("That Kurdish family next door is a bunch of crooks.", "is a bunch of crooks"),
        ("Screw the Kurds, they're a waste of bloody space.", "a waste of bloody space"),
    ],
)
def test_traits_are_found_in_lists_and_in_any_form_of_be(terms, head, text, words):
    s = score(text, terms=terms, model=head)
    assert s.hate >= HATE_THRESHOLD
    assert any(words in w or w in words for w in s.evidence["derogatory"])


@pytest.mark.parametrize(
    "text",
    [
        "Kurds are not dishonest, sly or selfish.",  # a list denied
        "I don't think Jains are a problem.",  # a trait under a denied belief
        "People who harass Sikhs online are cowards.",  # the trait is the harassers'
        "Muslims are often wrongly called terrorists in the press.",
        "Somalis have been unfairly labelled as lazy by the tabloids.",
        "The report says deaf people are no less capable than anyone else.",
    ],
)
def test_traits_denied_or_said_of_someone_else_are_not_flagged(terms, head, text):
    assert score(text, terms=terms, model=head).hate < HATE_THRESHOLD


@pytest.mark.parametrize(
    "text",
    [
        "Filipinos really get on my nerves.",
        "Albanians get right under my skin.",  # an adverb inside the idiom
        "Jains make my skin crawl.",
        "Nothing makes me angrier than Tamils.",
        "Ghanaians drive me up the wall.",
        "I've never loathed anything as much as I loathe Latvians.",  # "never" is not negation
    ],
)
def test_emotion_idioms_aimed_at_a_group_are_flagged(terms, head, text):
    s = score(text, terms=terms, model=head)
    assert s.hate >= HATE_THRESHOLD
    assert s.evidence["derogatory"]
    assert "negation" not in s.evidence


def test_being_sick_of_the_abuse_a_group_gets_is_not_hate(terms, head):
    s = score("I'm sick of the abuse that Muslims get online.", terms=terms, model=head)
    assert s.hate < HATE_THRESHOLD
    assert "derogatory" not in s.evidence


@pytest.mark.parametrize(
    "text, words",
    [
        ("Eritreans are of no value to this country.", "are of no value"),
        ("Latvians contribute nothing.", "contribute nothing"),
        ("Mormons will never amount to anything.", "never amount to anything"),
        ("Deaf people have never been any good at anything.", "never been any good"),
    ],
)
def test_worth_denied_in_other_words_is_flagged(terms, head, text, words):
    s = score(text, terms=terms, model=head)
    assert s.hate >= HATE_THRESHOLD
    assert any(words in w for w in s.evidence["derogatory"])


@pytest.mark.parametrize(
    "text",
    [
        "Disabled people contribute nothing less than anyone else.",
        "Trans people are not safe in this country and that must change.",
    ],
)
def test_a_denial_that_praises_or_worries_is_not_read_as_denied_worth(terms, head, text):
    s = score(text, terms=terms, model=head)
    assert "derogatory" not in s.evidence


@pytest.mark.parametrize(
    "text",
    [
        "Me and the other Black lads at work call each other zorblat all the time.",
        "We use flumph about ourselves at the gay bar.",
        "Yeah I'm a quandle, so what.",  # the speaker naming themselves
    ],
)
def test_a_slur_used_between_members_or_of_oneself_reads_as_reclaimed(terms, head, text):
    s = score(text, terms=terms, model=head)
    assert s.hate < HATE_THRESHOLD
    assert s.evidence["reclaimed"]


def test_a_slur_aimed_at_someone_else_is_not_reclaimed(terms, head):
    s = score("Get lost, you quandle.", terms=terms, model=head)
    assert s.hate >= HATE_THRESHOLD
    assert "reclaimed" not in s.evidence


@pytest.mark.parametrize(
    "text, key",
    [
        ("Don't let any Romanians near your car, just saying.", "derogatory"),
        ("Check your pockets after the Albanians have been in.", "derogatory"),
        ("Kick the ✡️ out of our street.", "derogatory"),  # expulsion, group as an emoji
        ("Latvians are the dregs of humanity.", "dehumanising"),
        ("Somalis are jackals circling our town.", "dehumanising"),
    ],
)
def test_insinuation_expulsion_and_likening_to_animals_are_flagged(terms, head, text, key):
    s = score(text, terms=terms, model=head)
    assert s.hate >= HATE_THRESHOLD
    assert s.evidence[key]


def test_our_nationality_is_not_read_as_speaking_from_inside_the_group(terms):
    race = terms.in_group["race"]
    assert not any(p.search("they get more than our american kids") for p in race)
    assert any(p.search("i'm nigerian and proud") for p in race)


def test_abuse_reported_as_suffered_is_not_hate(terms, head):
    s = score("Chinese students have been spat at and called a virus.", terms=terms, model=head)
    assert s.hate < HATE_THRESHOLD
    assert s.evidence["quotation"]


# --------------------------------------------------------------------------- held-out 6's gaps
# Sentences written for these tests, by category: the words said about a group are condemned.


@pytest.mark.parametrize(
    "text",
    [
        "My neighbour's rants about Somalis are vile and I've told him so.",
        "The comments about Kurds under that article were disgusting.",
        "Jokes about disabled people are not funny.",
    ],
)
def test_condemning_what_is_said_about_a_group_is_not_hate(terms, head, text):
    s = score(text, terms=terms, model=head)
    assert s.hate < HATE_THRESHOLD
    assert s.evidence["counter_speech"]


def test_a_group_called_vile_outright_is_still_hate(terms, head):
    assert score("Somalis are vile.", terms=terms, model=head).hate >= HATE_THRESHOLD


# --------------------------------------------------------------------------- held-out 7's gaps
# Groups named by a condition, a relationship or the wider definition of transgender identity:
# the rules must see a group there, or the hostility around it is read as aimed at no one.


@pytest.mark.parametrize(
    "text, strand",
    [
        ("Transvestites are parasites.", "transgender"),
        ("People with epilepsy are parasites.", "disability"),
        ("Gay dads are parasites.", "sexual_orientation"),
    ],
)
def test_a_group_named_by_a_condition_or_relationship_is_seen(terms, head, text, strand):
    s = score(text, terms=terms, model=head)
    assert s.hate >= HATE_THRESHOLD
    assert s.targets[strand] > 0


# --------------------------------------------------------------------------- held-out 8's gaps
# Eliminationist threats in British shapes: "want/need + -ing" as a passive, a veiled "what's
# coming to them", lining up against a wall. They must read as threats whatever emoji follow.


@pytest.mark.parametrize(
    "text",
    [
        "Kurds need wiping out 💯👍",
        "Somalis want stringing up, the lot of them",
        "Ghanaians deserve everything that's coming to them 😈🔥",
        "Travellers should be put up against a wall and shot.",
    ],
)
def test_british_shapes_of_an_eliminationist_threat_are_threats(terms, head, text):
    s = score(text, terms=terms, model=head)
    assert s.hate >= HATE_THRESHOLD
    assert s.threat >= 0.75


@pytest.mark.parametrize(
    "text",
    [
        "The lawn wants mowing and the toast needs burning a bit more.",
        "We lined up against the wall for the team photo.",
        "She deserves everything that's coming to her: a promotion at last.",
    ],
)
def test_the_same_shapes_about_no_group_are_not_threats(terms, head, text):
    s = score(text, terms=terms, model=head)
    assert s.hate < HATE_THRESHOLD
    assert s.threat == 0


# The sixth pass (after held-out 9): general shapes, tested with our own sentences.
@pytest.mark.parametrize(
    "text, words",
    [
        ("Despise Somalis, always have.", "despise "),
        ("Honestly can't stand refugees and never will.", "honestly can't stand "),
        ("We shudder every time Arabs walk into the shop.", "we shudder"),
        ("Kurds? Sheer disgust, nothing else.", "sheer disgust"),
        ("Why are Travellers always so filthy?", "why are travellers always so filthy"),
        ("Ghanaians are always the laziest in the office.", "are always the laziest"),
        ("Refugees do not deserve basic rights.", "do not deserve basic rights"),
        ("Immigrants should not exist in this country.", "should not exist"),
        ("Total bellends, Ukrainians, the lot.", "total bellends"),
    ],
)
def test_hate_in_a_dropped_subject_a_question_or_a_superlative_is_flagged(terms, head, text, words):
    s = score(text, terms=terms, model=head)
    assert s.hate >= HATE_THRESHOLD
    assert words in s.evidence["derogatory"]


@pytest.mark.parametrize(
    "text",
    [
        "Hate speech against Somalis has doubled this year.",
        "Hate seeing refugees treated like this by the council.",
        "Why are Arabs so often the target of abuse online?",
        "Ghanaians are the best cooks on our street.",
        "You should be ashamed of yourself for what you said about Kurds.",
    ],
)
def test_the_same_words_in_harmless_shapes_are_not_hate(terms, head, text):
    s = score(text, terms=terms, model=head)
    assert s.hate < HATE_THRESHOLD
    assert "derogatory" not in s.evidence


@pytest.mark.parametrize(
    "text",
    [
        "Anybody who thinks Somalis are animals should be reported.",
        "People who claim refugees are parasites are the problem here.",
        "The hatred Travellers face in the local press is shameful.",
    ],
)
def test_rebuking_whoever_says_it_or_the_abuse_a_group_meets_is_counter_speech(terms, head, text):
    s = score(text, terms=terms, model=head)
    assert s.hate < HATE_THRESHOLD
    assert s.evidence["counter_speech"]


def test_a_slur_s_homonym_used_as_a_verb_is_not_a_slur_but_the_noun_still_is(terms, head):
    verb = score("The cold may zorblat the roots if you plant too early.", terms=terms, model=head)
    assert "slur" not in verb.evidence
    for text in (
        "Get lost, you zorblat, nobody wants you here.",
        "I'd love to slap that zorblat the next time I see him.",
    ):
        noun = score(text, terms=terms, model=head)
        assert noun.evidence["slur"] == ["zorblat"]
        assert noun.hate >= HATE_THRESHOLD


# The seventh pass (after held-out 10): more general shapes, with our own sentences.
@pytest.mark.parametrize(
    "text, kind, words",
    [
        ("Somalis on our road. Grubby, sly and rude, the lot of them.", "derogatory", None),
        ("Ghanaians aren't fit to lick my shoes.", "derogatory", "aren't fit to lick"),
        ("Kurds are 🦂", "dehumanising", "scorpion"),
        ("Refugees are woodworm in this country.", "dehumanising", "woodworm"),
        ("Arabs have got it coming, mark my words.", "threat", "have got it coming"),
        ("If any refugees move in I'm turning up with a machete.", "threat", None),
        ("Gonna 🥊 any Kurds who show up.", "threat", "🥊"),
    ],
)
def test_listed_traits_unfitness_pests_and_armed_visits_are_flagged(terms, head, text, kind, words):
    s = score(text, terms=terms, model=head)
    assert s.hate >= HATE_THRESHOLD
    assert s.evidence[kind]
    if words:
        assert words in s.evidence[kind]


@pytest.mark.parametrize(
    "text",
    [
        "Turning up with a cake for the new Somali neighbours, so excited.",
        "She's got it coming to her: a promotion at last!",
        "The lot of them are lovely, honest and kind, our Ghanaian neighbours.",
        # the tenth pass's shapes
        "What are smoothies even good for?",
        "I took a hammer to the old shed at last.",
        "I am sick of all the abuse Kurds get.",
        "Our Kurdish neighbours are nothing but lovely.",
        # the twelfth pass's
        "The glazier is putting the windows in tomorrow.",
        "Kurds are lovely, never met one without an ounce of kindness.",
        "The chanting about Kurds in the away end on Saturday was a disgrace.",
        # the thirteenth pass's
        "Bought rope and a tall tree for the garden.",
        "There is nothing good about this weather.",
    ],
)
def test_the_same_shapes_with_no_hostility_are_not_hate(terms, head, text):
    assert score(text, terms=terms, model=head).hate < HATE_THRESHOLD


def test_a_word_taken_back_by_its_group_is_reclaimed(terms, head):
    s = score(
        "We took that word back years ago, zorblat is ours now and we say it proudly.",
        terms=terms,
        model=head,
    )
    assert s.hate < HATE_THRESHOLD
    assert s.evidence["reclaimed"]


# The eighth pass (after held-out 11): a group named by a condition, read by its shape.
@pytest.mark.parametrize(
    "text, target",
    [
        ("Stroke survivors are a drain on the NHS and should be left to rot.", "stroke survivors"),
        ("People living with sickle cell are parasites.", "people living with sickle cell"),
        ("Adults with a brain injury are useless, the lot of them.", "adults with a brain injury"),
    ],
)
def test_a_group_named_by_a_condition_is_the_disability_strand(terms, head, text, target):
    s = score(text, terms=terms, model=head)
    assert s.hate >= HATE_THRESHOLD
    assert target in s.evidence["targets"]
    assert s.targets["disability"] > 0


def test_a_neutral_mention_of_such_a_group_is_not_hate(terms, head):
    s = score(
        "Our group for people living with sickle cell meets on Tuesdays.", terms=terms, model=head
    )
    assert s.hate < HATE_THRESHOLD
    assert s.targets["disability"] > 0


# The ninth pass (after held-out 12): a group no list names, read by its likeness to those the
# lists do name (``group_likeness``).
@pytest.mark.parametrize(
    "text, phrase, strand",
    [
        ("I can't stand Alevis, filthy liars the lot of them.", "alevis", "race"),
        ("The Alawites are vermin and always will be.", "alawites", "race"),
        ("People who use wheelchairs should be kept indoors, useless burdens.",
         "people who use wheelchairs", "disability"),
    ],
)  # fmt: skip
def test_hate_at_a_group_no_list_names_is_flagged_and_says_it_was_read(
    terms, head, text, phrase, strand
):
    s = score(text, terms=terms, model=head)
    assert s.hate >= HATE_THRESHOLD
    assert phrase in s.evidence["targets"]
    assert any(r.startswith(f"{phrase} (like ") for r in s.evidence["read_as_group"])
    assert s.targets[strand] > 0


@pytest.mark.parametrize(
    "text",
    [
        "Landlords are greedy crooks.",
        "People who park on the pavement are a disgrace.",
        "I detest Brussels sprouts.",
        "Tory voters should be ashamed, vile the lot of them.",
    ],
)
def test_hostility_to_people_or_things_of_no_protected_kind_reads_no_group(terms, head, text):
    s = score(text, terms=terms, model=head)
    assert s.hate < HATE_THRESHOLD
    assert "read_as_group" not in s.evidence


def test_a_group_read_by_its_likeness_scores_below_a_listed_one(terms, head):
    read = score("Alawites are vile.", terms=terms, model=head)
    listed = score("Kurds are vile.", terms=terms, model=head)
    assert 0 < read.targets["race"] < listed.targets["race"]


# The tenth pass (after held-out 13).
def test_a_name_grammar_shows_to_be_many_people_is_read_as_a_group(terms, head):
    s = score(
        "The council has housed several Ainu on our estate and they are filthy thieves.",
        terms=terms,
        model=head,
    )
    assert s.hate >= HATE_THRESHOLD
    assert "ainu" in s.evidence["targets"]


def test_one_person_s_name_is_not_read_as_a_group(terms, head):
    s = score("Tomasz should be sacked, he is filthy and lazy.", terms=terms, model=head)
    assert "read_as_group" not in s.evidence


def test_scare_quotes_do_not_hide_hostility_said_outside_them(terms, head):
    said = score("No, I won't 'check my privilege'. I despise Kurds.", terms=terms, model=head)
    reported = score("He wrote 'Kurds are vermin' and I reported him.", terms=terms, model=head)
    assert said.hate >= HATE_THRESHOLD
    assert "quotation" not in said.evidence
    assert reported.hate < HATE_THRESHOLD
    assert reported.evidence["quotation"]


@pytest.mark.parametrize(
    "text, words",
    [
        ("Kurds are a stian on this country.", "are a stain"),
        ("If those Kurds come near my shop I'll take a bat to the lot of them.", "take a bat to"),
        ("What are Kurds even good for?", "what are kurds even good for"),
        ("Kurds deserve all the abuse they get.", "deserve all the abuse they get"),
        ("Kurds should be kept out of our schools.", "should be kept out"),
        ("Kurds are nothing but thieving scum.", "are nothing but thieving scum"),
        # the eleventh pass's
        ("Kurds, when I turn up I'm bringing a bat.", "bringing a bat"),
        ("Wait till the Kurds come out, then we give them a beating.", "give them a beating"),
        ("The first of the Kurds who crosses me gets a knife in the gut.", "a knife in the gut"),
        ("Bring back hanging, and start with Kurds.", "bring back hanging"),
        ("Kurds are the least trustworthy people on earth.", "are the least trustworthy"),
        ("Why treat Kurds as equals? They're a lower class of person.", "lower class of person"),
        # the twelfth pass's
        ("Kurds on our close: tonight I'm putting their windows in.", "putting their windows in"),
        ("Kurds, we come with petrol, not one of you will live.", "not one of you will live"),
        ("What is it about Kurds that makes them so dirty?", None),
        ("Never met any Kurds with an ounce of honesty in them.", None),
        # the thirteenth pass's
        ("Funding for Kurds, who are, frankly, a parasitic burden.", None),
        ("Kurds moved in next door, cant stand them.", None),
        ("Kurds should've been binned at birth.", "should've been binned at birth"),
        ("The only policy on Kurds is a rope and a tall tree.", "a rope and a tall tree"),
        ("Kurds in my cab go to the reservoir, and they won't be coming back.", None),
        ("There is nothing good about Kurds.", "there is nothing good about"),
        ("I wouldn't trust Kurds to water a plant.", "wouldn't trust"),
    ],
)
def test_more_shapes_of_hostility_are_flagged_with_their_words(terms, head, text, words):
    s = score(text, terms=terms, model=head)
    assert s.hate >= HATE_THRESHOLD
    found = s.evidence.get("derogatory", []) + s.evidence.get("threat", [])
    assert words in found if words else found


# The eleventh pass (after held-out 14).
def test_a_group_named_with_people_after_it_is_read_by_the_word_before(terms, head):
    s = score("Kashmiri people are vermin.", terms=terms, model=head)
    assert s.hate >= HATE_THRESHOLD
    assert "kashmiri people" in s.evidence["targets"]


def test_a_demonym_is_not_split_into_a_place_and_a_letter():
    from hatehub.assessment.encoder import prepare

    assert prepare("Kashmiris and Kashmiri food") == "kashmiris and kashmiri food"


def test_a_lone_leet_digit_is_a_word_only_where_leetspeak_is_in_use():
    from hatehub.assessment.encoder import prepare

    assert prepare("Kurds 4r3 4 w4st3 0f 0xyg3n") == "kurds are a waste of oxygen"
    assert prepare("I have 4 kids and 1 dog") == "i have 4 kids and 1 dog"


def test_the_abuse_shouted_at_a_group_spoken_of_in_sorrow_is_not_hate(terms, head):
    s = score(
        "I was saddened to hear of the abuse shouted at Kurds outside the shop last week.",
        terms=terms,
        model=head,
    )
    assert s.hate < HATE_THRESHOLD
    assert s.evidence["counter_speech"]


def test_a_group_s_own_name_holds_no_hostile_word(terms, head):
    """ "disease" in "people with Crohn's disease" is the group's name, not a comparison."""
    s = score(
        "Is there a support group for people living with sickle cell disease near Leeds?",
        terms=terms,
        model=head,
    )
    assert s.hate < HATE_THRESHOLD
    assert "dehumanising" not in s.evidence


# The fourteenth pass (after held-out 13 to 17's implicit derogation and run-together words).
@pytest.mark.parametrize(
    ("text", "words"),
    [
        # a group shut out, as a rule or a refusal
        ("Pub quiz league, new rule from May: no Kurds signing up.", "no kurds signing up"),
        ("Room to let, not renting to Kurds, sorry.", "not renting to"),
        ("Swipe left if you're one of the Kurds, I have standards.", "swipe left if you're"),
        (
            "Letting Kurds into the cul-de-sac would ruin it for all of us.",
            "letting kurds into the cul-de-sac would ruin",
        ),
        # an arrival told with a precaution against it, either first
        ("Kurds have moved into number 4, so lock your sheds, everyone.", "moved into"),
        ("Lock your cars tonight. Kurds have started coming to the car boot.", "lock your cars"),
        ("Kurds are knotweed, they get into everything.", None),
    ],
)
def test_exclusion_and_insinuation_without_a_hostile_word_are_flagged(terms, head, text, words):
    s = score(text, terms=terms, model=head)
    assert s.hate >= HATE_THRESHOLD
    found = s.evidence.get("derogatory", []) + s.evidence.get("dehumanising", [])
    assert words in found if words else found


@pytest.mark.parametrize(
    "text",
    [
        "Kurdish families have moved into our street and we are so glad to have them.",
        # the group is the one harmed: a warning for them, not against them
        "Stay vigilant: Kurdish families who moved into Elm Road have had their windows "
        "smashed. Report anything suspicious to the police.",
        "No Kurds were hurt in the fire, the council says.",
        "Lock your sheds, there have been thefts on the allotments again.",
    ],
)
def test_arrivals_refusals_and_precautions_said_harmlessly_are_not_hate(terms, head, text):
    assert score(text, terms=terms, model=head).hate < HATE_THRESHOLD


@pytest.mark.parametrize(
    ("run", "words"),
    [
        ("wewantallkurdsgonefromthistown", "we want all kurds gone from this town"),
        ("chuckthekurdsoffthebridge", "chuck the kurds off the bridge"),
        ("theyrefilth", "theyre filth"),
        ("featherstonehaugh", "featherstonehaugh"),  # a long name the vocabulary lacks
    ],
)
def test_a_sentence_run_together_is_split_into_its_commonest_words(terms, run, words):
    from hatehub.assessment.encoder import prepare

    assert prepare(run, known=terms.segment_words) == words


@pytest.mark.parametrize(
    "text",
    [
        "Chuck the Kurds in the river with weights on.",
        "Kurds should all be marched off Beachy Head.",
        "Someone should run them Kurds over on sight.",
        "The Kurds should be herded onto the M62 at rush hour.",
    ],
)
def test_thrown_from_a_height_drowned_or_run_over_are_threats(terms, head, text):
    s = score(text, terms=terms, model=head)
    assert s.hate >= HATE_THRESHOLD
    assert s.threat >= 0.9


@pytest.mark.parametrize(
    "text",
    [
        "We threw the ball into the river and the Kurdish kids loved it.",
        "Kurdish volunteers pushed the boat into the canal for the regatta.",
        "Swipe left on the photos to see the Kurdish new year parade.",
    ],
)
def test_the_same_verbs_about_things_are_not_threats(terms, head, text):
    s = score(text, terms=terms, model=head)
    assert s.hate < HATE_THRESHOLD
    assert s.threat == 0.0


# The fifteenth pass (after held-out 18).
@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Honestly the contempt I feel for Kurds grows every day.", "contempt i feel for"),
        ("Camped by Kurds: they'd nick your tent pegs the minute your back is turned.", None),
        ("A charity for Kurds, as if they were anything but scroungers.", None),
        ("Why pretend Kurds are fit to raise children?", None),
        ("Kurds are not and never will be welcome here.", "are not and never will be"),
        ("None of the Kurds deserves a job in this town.", None),
        ("You don't want to end up living next to Kurds, mate.", None),
        ("Kurds all disappearing tomorrow would make my week.", None),
        ("Kurds voted to admit? Then the till gets counted nightly from now on.", None),
    ],
)
def test_more_derogation_without_a_listed_insult_is_flagged(terms, head, text, words):
    s = score(text, terms=terms, model=head)
    assert s.hate >= HATE_THRESHOLD
    found = s.evidence.get("derogatory", [])
    assert words in found if words else found


@pytest.mark.parametrize(
    "text",
    [
        "Sack the lot of the Kurds and let them starve.",
        "Round the Kurds up and tip them into the old quarry.",
        "I'm going round to the Kurds' houses tonight with a crowbar.",
    ],
)
def test_left_to_starve_rounded_up_or_visited_armed_are_threats(terms, head, text):
    s = score(text, terms=terms, model=head)
    assert s.hate >= HATE_THRESHOLD
    assert s.threat >= 0.9


@pytest.mark.parametrize(
    "text",
    [
        "Kurds are not, and never will be, a threat to anyone.",
        "The comments made about Kurds at the match were hateful and have no place here.",
        "Is there anything but rain in the forecast for the Kurdish festival?",
        "Kurds are 🍀, lucky to know them.",
    ],
)
def test_the_same_shapes_denying_or_condemning_hostility_are_not_hate(terms, head, text):
    assert score(text, terms=terms, model=head).hate < HATE_THRESHOLD


def test_a_word_once_used_to_hurt_a_group_worn_by_it_is_reclaimed(terms, head):
    s = score(
        "Got 'flumph' on a T-shirt. My gay mates love it: they used that word to hurt us, so "
        "now we wear it.",
        terms=terms,
        model=head,
    )
    assert s.hate < HATE_THRESHOLD
    assert s.evidence["reclaimed"]


def test_a_number_with_its_unit_or_ordinal_is_not_leetspeak():
    from hatehub.assessment.encoder import prepare

    assert prepare("h4te them, 10pm on the 3rd, a 5k run") == "hate them, 10pm on the 3rd, a 5k run"


def test_an_arrival_and_a_precaution_with_a_reason_of_their_own_fire_no_rule(terms, head):
    """The rules read no insinuation here. The five-writer head scores it as hate (0.96): it
    learnt precautions after a group's arrival as implicit derogation, and this is the
    contrast it gets wrong (benchmarks.md, "Five writers in the head")."""
    s = score(
        "The Kurdish centre voted to admit new members; doors stay locked after 10pm for safety.",
        terms=terms,
        model=head,
    )
    assert "derogatory" not in s.evidence


# The sixteenth pass (after held-out 21).
@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Our office manager says the new hire is one of the Kurds. I'm keeping my wallet in "
         "the locked drawer from now on.", "the new hire"),
        ("They've put one of the Kurds in charge of the youth club. Can't be too careful, so "
         "I'm collecting mine early.", "in charge of the"),
        ("Someone should drive the Kurds out of town before the summer.", "out of town"),
        ("Wouldn't the estate be nicer if the Kurds simply moved away?", "nicer if"),
        ("Nobody wants the Kurds round here, so pack up and just go already.", "go already"),
    ],
)  # fmt: skip
def test_an_insinuation_or_an_expulsion_is_derogation(terms, head, text, words):
    s = score(text, terms=terms, model=head)
    assert s.hate >= HATE_THRESHOLD
    assert any(words in found for found in s.evidence.get("derogatory", []))


def test_a_condition_written_by_its_initials_names_a_group(terms, head):
    s = score("Adults with ADHD are locusts, stripping every office they land in.",
              terms=terms, model=head)  # fmt: skip
    assert s.targets["disability"] >= 0.6
    s = score("People living with HIV are a weed in this town.", terms=terms, model=head)
    assert s.hate >= HATE_THRESHOLD
    assert s.evidence["dehumanising"] == ["a weed"]


def test_breaking_every_bone_or_starting_a_hunt_is_a_threat(terms, head):
    s = score("Kurds, come near my shop again and I will break every bone you have.",
              terms=terms, model=head)  # fmt: skip
    assert s.threat >= 0.9
    s = score("From Monday we start hunting down the Kurds.", terms=terms, model=head)
    assert s.threat >= 0.9
    s = score("We start beating the drums at the Kurdish festival at noon.", terms=terms,
              model=head)  # fmt: skip
    assert s.threat == 0.0


def test_saying_a_group_are_not_people_is_not_counter_speech(terms, head):
    s = score("Quit calling the Kurds 'humans'. They are rats.", terms=terms, model=head)
    assert s.hate >= HATE_THRESHOLD
    assert "counter_speech" not in s.evidence
    s = score("Stop calling Kurds names, it is cruel.", terms=terms, model=head)
    assert s.evidence["counter_speech"]


def test_a_quote_with_a_contraction_in_it_is_still_a_quote(terms, head):
    s = score(
        "The councillor told the meeting 'Kurds don't deserve council homes'. Such a bigoted "
        "thing to say, and I've written to complain.",
        terms=terms,
        model=head,
    )
    assert s.hate < HATE_THRESHOLD
    assert s.evidence["quotation"] and s.evidence["counter_speech"]


def test_a_group_of_no_protected_kind_is_the_them_it_names(terms, head):
    s = score("Traffic wardens are vermin, every one of them.", terms=terms, model=head)
    assert s.hate < HATE_THRESHOLD


# The seventeenth pass (after held-out 22).
@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Is there even one of the Kurds who isn't a thieving liar?", "who isn't"),
        ("pov: you despise Kurds and your new neighbours are Kurds", "pov: you despise"),
        ("Nobody asked for the Kurds to settle on our street.", "nobody asked"),
    ],
)  # fmt: skip
def test_a_question_of_the_one_exception_and_other_derogation_is_flagged(terms, head, text, words):
    s = score(text, terms=terms, model=head)
    assert s.hate >= HATE_THRESHOLD
    assert any(words in found for found in s.evidence.get("derogatory", []))
    assert "negation" not in s.evidence


def test_the_question_of_the_one_exception_needs_a_trait(terms, head):
    s = score("Is there anyone here who isn't going to the Kurdish market?", terms=terms,
              model=head)  # fmt: skip
    assert "derogatory" not in s.evidence


def test_a_violent_end_after_a_long_lead_in_is_a_threat(terms, head):
    s = score("Kurds should be hauled out of their cars and beaten senseless.", terms=terms,
              model=head)  # fmt: skip
    assert s.threat >= 0.9
    s = score("Kurds should be able to walk home at night without being attacked.",
              terms=terms, model=head)  # fmt: skip
    assert s.threat == 0.0


@pytest.mark.parametrize(
    "text",
    [
        "Whoever is mocking the Kurds in this group chat: knock it off, they are our friends.",
        "To the people saying Kurds are criminals: they aren't, and the court figures show it.",
        "Folk claiming Kurds are lazy, that is simply untrue.",
    ],
)
def test_telling_others_to_stop_or_answering_a_claim_is_not_hate(terms, head, text):
    assert score(text, terms=terms, model=head).hate < HATE_THRESHOLD
