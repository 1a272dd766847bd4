"""A HateCheck-style functional suite for the content signals: synthetic cases, written for this
project, grouped by the functionalities of Röttger et al. 2021 ("HateCheck: Functional Tests
for Hate Speech Detection Models", ACL 2021, Table 1).

Why: held-out accuracy on tweets hides the failures that matter to a hub ordering its queue,
above all scoring counter-speech, negated hate, quoted hate, reclaimed slurs and plain
mentions of a group as hate (which would push victims' own posts and their supporters' up the
queue). Each functionality is checked on its own so a pass rate can be reported for each.

No real slur is written here: slur cases use invented placeholder words (``TEST_SLURS``),
which the bench and tests register as slurs through ``load_terms(extra_slurs=TEST_SLURS)``.
So the slur rows test the rules (use vs. mention vs. reclaimed), not the model's knowledge.
Identity terms are neutral ones. Pure data: no imports beyond the standard library.

Caveat: the cases were written by the same person who wrote the rules, so pass rates here
are optimistic; HateCheck itself (CC BY 4.0) is the independent test to run when available.
"""

from dataclasses import dataclass

HATEFUL = True
NOT_HATEFUL = False

# Invented placeholder "slurs", one per strand (not words in any language we know of); the
# second five are held-out 6's (``functional_heldout.HELDOUT6_GROUPS``), the third five
# held-out 7's (``functional_heldout.HELDOUT7_GROUPS``), the fourth five held-out 8's
# (``functional_heldout.HELDOUT8_GROUPS``), the fifth five held-out 9's
# (``functional_heldout.HELDOUT9_GROUPS``), the sixth five held-out 10's
# (``functional_heldout.HELDOUT10_GROUPS``), the seventh five held-out 11's
# (``functional_heldout.HELDOUT11_GROUPS``), the eighth five held-out 12's
# (``functional_heldout.HELDOUT12_GROUPS``), the ninth five held-out 13's
# (``functional_heldout.HELDOUT13_GROUPS``), the tenth five held-out 14's
# (``functional_heldout.HELDOUT14_GROUPS``), the eleventh five held-out 15's
# (``functional_heldout.HELDOUT15_GROUPS``), the twelfth five held-out 16's
# (``functional_heldout.HELDOUT16_GROUPS``), the thirteenth five held-out 17's
# (``functional_heldout.HELDOUT17_GROUPS``), the fourteenth five held-out 18's
# (``functional_heldout.HELDOUT18_GROUPS``), the fifteenth five held-out 19's
# (``functional_heldout.HELDOUT19_GROUPS``), the sixteenth five held-out 20's
# (``functional_heldout.HELDOUT20_GROUPS``), the seventeenth five held-out 21's
# (``functional_heldout.HELDOUT21_GROUPS``), the eighteenth five held-out 22's
# (``functional_heldout.HELDOUT22_GROUPS``) and the nineteenth five held-out 23's
# (``functional_heldout.HELDOUT23_GROUPS``), each used in no other set.
TEST_SLURS = {
    "zorblat": "race",
    "krimnak": "religion",
    "flumph": "sexual_orientation",
    "quandle": "transgender",
    "bresk": "disability",
    "trozzick": "race",
    "gondrip": "religion",
    "plimsk": "sexual_orientation",
    "vurtle": "transgender",
    "skembo": "disability",
    "vashtrok": "race",
    "klumvid": "religion",
    "yibbert": "sexual_orientation",
    "druzzet": "transgender",
    "fenwurt": "disability",
    "glompar": "race",
    "thrennik": "religion",
    "snorvel": "sexual_orientation",
    "blevkin": "transgender",
    "murquash": "disability",
    "drezmok": "race",
    "plavorn": "religion",
    "skrondel": "sexual_orientation",
    "wembrix": "transgender",
    "tozzlem": "disability",
    "trevnosk": "race",
    "quolvadd": "religion",
    "yorvanth": "sexual_orientation",
    "blimzock": "transgender",
    "wuzzgrel": "disability",
    "vrendlop": "race",
    "scoggrin": "religion",
    "plethrak": "sexual_orientation",
    "zunthove": "transgender",
    "glubbernt": "disability",
    "brudlask": "race",
    "zemplock": "religion",
    "whindrol": "sexual_orientation",
    "gastruvv": "transgender",
    "vellomph": "disability",
    "trevlosk": "race",
    "quombish": "religion",
    "flinderk": "sexual_orientation",
    "skabbolt": "transgender",
    "murtovex": "disability",
    "drennavol": "religion",
    "pluxworth": "race",
    "sowbrinek": "race",
    "gribbalon": "sexual_orientation",
    "hollomund": "disability",
    "kembrovash": "race",
    "throndlip": "race",
    "spudwhallow": "sexual_orientation",
    "grelkin": "transgender",
    "blattercombe": "disability",
    "vorplisk": "religion",
    "snerkwold": "race",
    "drabbelin": "sexual_orientation",
    "pomquiddle": "transgender",
    "yarthumble": "disability",
    "plonderwick": "religion",
    "grushtobble": "race",
    "wimbleshank": "sexual_orientation",
    "fezzlegrot": "transgender",
    "crumplevane": "disability",
    "druvnockle": "race",
    "vombrastel": "religion",
    "plintwhorp": "sexual_orientation",
    "quozzlemarth": "transgender",
    "trumbelisk": "disability",
    "zelbrovank": "race",
    "quorvendle": "religion",
    "dwennerflosk": "sexual_orientation",
    "skrindlepoth": "transgender",
    "throckvimble": "disability",
    "kravendolp": "race",
    "fimbletrosk": "religion",
    "glorpenwisk": "sexual_orientation",
    "zandrevoll": "transgender",
    "mordlewhisp": "disability",
    "skelvontrid": "race",
    "plovendrisk": "religion",
    "gundlefrimp": "sexual_orientation",
    "trazzelquonk": "transgender",
    "vimbershoddle": "disability",
    "drovnikule": "race",
    "skavvelmorth": "religion",
    "wumblequist": "sexual_orientation",
    "trezzlinkor": "transgender",
    "flurnavesk": "disability",
    "quendlebrask": "race",
    "thurvomble": "religion",
    "plaskerdine": "sexual_orientation",
    "wodgelvirn": "transgender",
    "smorvalesh": "disability",
}

# (plural used in templates, strand, in-group adjective, placeholder slur of that strand)
GROUPS = [
    ("Muslims", "religion", "Muslim", "krimnak"),
    ("Jews", "religion", "Jewish", "krimnak"),
    ("gay people", "sexual_orientation", "gay", "flumph"),
    ("trans people", "transgender", "trans", "quandle"),
    ("disabled people", "disability", "disabled", "bresk"),
    ("Black people", "race", "Black", "zorblat"),
    ("immigrants", "race", "Black", "zorblat"),
]
# Emoji standing for each group above (HatemojiCheck's identity swap), same order.
GROUP_EMOJI = ["☪️", "✡️", "🏳️‍🌈", "🏳️‍⚧️", "♿", "✊🏿", "✊🏿"]
# The placeholder slur with one letter written as an emoji (HatemojiCheck's emoji leetspeak).
SLUR_EMOJI_LEET = {"zorblat": "zorbl🅰️t", "krimnak": "kr❗mnak", "flumph": "fl🅤mph",
                   "quandle": "qu🅰️ndle", "bresk": "br🇪sk"}  # fmt: skip


@dataclass(frozen=True)
class Case:
    text: str
    hateful: bool
    functionality: str  # the group reported (e.g. "counter_speech")
    hatecheck_id: str  # the HateCheck functionality it follows (e.g. "counter_quote_nh")
    strand: str | None = None
    split: str = "dev"  # "dev" (looked at while tuning) or "heldout" (functional_heldout.py)
    suite: str = "hatecheck"  # "hatecheck" or "hatemojicheck"


# functionality group -> HateCheck id -> (label, templates). {G} group, {A} in-group adjective,
# {S} placeholder slur, {G_cap} capitalised group.
TEMPLATES: dict[str, dict[str, tuple[bool, list[str]]]] = {
    "derogation": {
        "derog_neg_emote_h": (
            HATEFUL,
            [
                "I hate {G}.",
                "I really can't stand {G}.",
                "I despise {G} with all my heart.",
            ],
        ),
        "derog_neg_attrib_h": (
            HATEFUL,
            [
                "{G_cap} are disgusting.",
                "All {G} are worthless.",
                "{G_cap} are such pathetic, lazy criminals.",
            ],
        ),
        "derog_dehum_h": (
            HATEFUL,
            [
                "{G_cap} are nothing but vermin.",
                "{G_cap} are a plague on this country.",
                "{G_cap} are subhuman parasites.",
            ],
        ),
        "derog_impl_h": (
            HATEFUL,
            [
                "{G_cap} belong in a zoo.",
                "{G_cap} don't belong in our country.",
                "You can't trust any of the {G}, never.",
            ],
        ),
    },
    "threatening_language": {
        "threat_dir_h": (
            HATEFUL,
            [
                "I am going to kill all {G}.",
                "I will hunt down every one of the {G} I see.",
                "We are going to burn the {G} out of this town.",
            ],
        ),
        "threat_norm_h": (
            HATEFUL,
            [
                "{G_cap} should all be killed.",
                "{G_cap} deserve to die.",
                "Death to {G}.",
            ],
        ),
    },
    "slur_usage": {
        "slur_h": (
            HATEFUL,
            [
                "You are just a {S} to me.",
                "Get out of here, you filthy {S}.",
                "Another {S} moved in next door, disgusting.",
            ],
        ),
    },
    "profanity": {
        "profanity_h": (
            HATEFUL,
            [
                "{G_cap} are fucking disgusting.",
                "I fucking hate {G}.",
            ],
        ),
        "profanity_nh": (
            NOT_HATEFUL,
            [
                "Fuck, what a day.",
                "That was a fucking brilliant match.",
                "Shit, I forgot my keys again.",
                "Holy shit, the new album is amazing.",
            ],
        ),
    },
    "pronoun_reference": {
        "ref_subs_clause_h": (
            HATEFUL,
            [
                "I have met many {G} and I hate every single one of them.",
                "{G_cap} think they are equal, but they are disgusting vermin.",
            ],
        ),
        "ref_subs_sent_h": (
            HATEFUL,
            [
                "Have you met {G}? They are all worthless.",
                "I see {G} everywhere. I want to kill them all.",
            ],
        ),
    },
    "negation": {
        "negate_pos_h": (
            HATEFUL,
            [
                "{G_cap} are never any good and never will be, they are disgusting.",
                "No {G} can ever be trusted, they are vermin.",
            ],
        ),
        "negate_neg_nh": (
            NOT_HATEFUL,
            [
                "I don't hate {G}.",
                "{G_cap} are not disgusting.",
                "{G_cap} are not vermin.",
                "No one should ever threaten {G}.",
            ],
        ),
    },
    "phrasing": {
        "phrase_question_h": (
            HATEFUL,
            [
                "Why is it that all {G} are disgusting?",
                "Wouldn't it be great if all {G} were killed?",
            ],
        ),
        "phrase_opinion_h": (
            HATEFUL,
            [
                "I think that {G} should all be killed.",
                "In my opinion {G} are worthless vermin.",
            ],
        ),
    },
    "non_hateful_identity": {
        "ident_neutral_nh": (
            NOT_HATEFUL,
            [
                "We are a group of {G}.",
                "There are {G} living on my street.",
                "The report looks at how many {G} work in the NHS.",
            ],
        ),
        "ident_pos_nh": (
            NOT_HATEFUL,
            [
                "I love {G}.",
                "{G_cap} are brilliant and deserve respect.",
                "So proud of the {G} in our community.",
            ],
        ),
    },
    "counter_speech": {
        "counter_quote_nh": (
            NOT_HATEFUL,
            [
                '"{G_cap} are disgusting" - statements like that are hateful and unacceptable.',
                'Someone just tweeted "I will kill all {G}". Reported it. Shame on them.',
                'He said "{G} are vermin". I can\'t believe people still say this.',
            ],
        ),
        "counter_ref_nh": (
            NOT_HATEFUL,
            [
                "Saying that {G} are vermin is wrong and hateful.",
                "It's not ok to say that {G} should be killed.",
                "Stop calling {G} disgusting. It is racist and vile.",
            ],
        ),
    },
    "non_protected_targets": {
        "target_obj_nh": (
            NOT_HATEFUL,
            [
                "I really can't stand cauliflower.",
                "This printer is worthless garbage.",
                "Mondays are disgusting.",
            ],
        ),
        "target_indiv_nh": (
            NOT_HATEFUL,
            [
                "You are a lying, worthless cheat.",
                "My boss is a disgusting idiot.",
                "Shut up, you pathetic clown.",
            ],
        ),
        "target_group_nh": (
            NOT_HATEFUL,
            [
                "Politicians are all disgusting liars.",
                "Referees are useless and should be sacked.",
                "I hate Chelsea fans.",
            ],
        ),
    },
    "reclaimed_slurs": {
        "slur_reclaimed_nh": (
            NOT_HATEFUL,
            [
                "As a proud {A} person, I am a {S} and I love it.",
                "We're {A} and we call each other {S} with love.",
                "I'm {A}, so yes, I am a {S}, deal with it.",
            ],
        ),
    },
    "spelling_variations": {
        "spell_char_swap_h": (
            HATEFUL,
            [
                "I hate {G} and they are disgustnig.",
                "{G_cap} are verimn.",
            ],
        ),
        "spell_char_del_h": (
            HATEFUL,
            [
                "{G_cap} are disgustng vermn.",
                "I wil kill all {G}.",
            ],
        ),
        "spell_leet_h": (
            HATEFUL,
            [
                "{G_cap} are d1sgust1ng v3rm1n.",
                "I w1ll k1ll all {G}.",
            ],
        ),
        "spell_space_add_h": (
            HATEFUL,
            [
                "{G_cap} are d i s g u s t i n g.",
                "I will k i l l all {G}.",
            ],
        ),
    },
}

TEMPLATES["spelling_variations"]["spell_space_del_h"] = (
    HATEFUL,
    ["I hate{G_nospace}.", "Kill all{G_nospace}."],
)

# Development emoji cases, HatemojiCheck's functionalities (Kirk et al. 2022).
EMOJI_DEV: dict[str, dict[str, tuple[bool, list[str]]]] = {
    "emoji_verb_swap": {
        "emoji_verb_swap_h": (HATEFUL, ["I would love to 🔪 some {G}.", "Time to 💣 the {G}."]),
        "emoji_verb_swap_nh": (NOT_HATEFUL, ["I would love to 💃 with {G} at the festival."]),
    },
    "emoji_identity_swap": {
        "emoji_ident_swap_h": (HATEFUL, ["I hate {E}.", "All {E} are vermin."]),
        "emoji_ident_swap_nh": (NOT_HATEFUL, ["I love {E}.", "Proud to stand with {E} today."]),
    },
    "emoji_descriptor_swap": {
        "emoji_descriptor_swap_h": (HATEFUL, ["{G_cap} are 🐷🐷", "{G_cap} are just 🦠"]),
        "emoji_descriptor_swap_nh": (NOT_HATEFUL, ["{G_cap} are 💖", "{G_cap} are 🔝"]),
    },
    "emoji_double_swap": {
        "emoji_double_swap_h": (HATEFUL, ["{E} are 🐷", "{E} 🟰 🦠"]),
        "emoji_double_swap_nh": (NOT_HATEFUL, ["{E} are 💖"]),
    },
    "emoji_append": {
        "emoji_append_h": (HATEFUL, ["I hate {G} 😡😡", "{G_cap} are disgusting 🤢"]),
        "emoji_append_nh": (NOT_HATEFUL, ["Love my {A} neighbours 🥰", "Eid with {G} 😊"]),
    },
    "emoji_positive_confirmation": {
        "emoji_pos_confirm_h": (HATEFUL, ["{G_cap} are vermin ✅", "Death to {G} 👏👏"]),
    },
    "emoji_leetspeak": {
        "emoji_leet_h": (HATEFUL, ["I h🅰️te {G}.", "You filthy {SL}.",
                                   "{G_cap} are scum 💯 k❗ll them"]),
    },
    "emoji_counter_speech": {
        "emoji_counter_nh": (NOT_HATEFUL, ['Saying "{G} are 🐷" is racist. Reported 🚩']),
    },
}  # fmt: skip

# Development cases added for the "no functionality below 60%" target (issue 15), after
# held-out set 4 was committed: the functionalities held-out sets 1-3 showed weak. Looked at
# while tuning, like the rest of the development set.
DEV_ADDED: dict[str, dict[str, tuple[bool, list[str]]]] = {
    "derogation (added)": {
        "derog_neg_emote_h": (HATEFUL, ["{G_cap} really annoy me, every one of them."]),
        "derog_neg_attrib_h": (HATEFUL, ["{G_cap} are a gang of con artists."]),
        "derog_impl_h": (HATEFUL, ["The pub went downhill once {G} started drinking there.",
                                   "Hide your valuables, there are {G} on this train."]),
    },
    "profanity (added)": {
        "profanity_h": (HATEFUL, ["{G_cap} are crap.", "Fuck the {G}."]),
    },
    "slur_usage (added)": {
        "slur_reclaimed_nh": (NOT_HATEFUL, ["{S} and proud, says this {A} woman.",
                                            "Yeah I'm {A}, I'm a {S}, and I say it with a "
                                            "smile."]),
    },
    "non_hateful_identity (added)": {
        "ident_neutral_nh": (NOT_HATEFUL, ["Do many {G} vote in local elections?",
                                           "The bus was full of {G} going to the festival."]),
    },
    "counter_speech (added)": {
        "counter_ref_nh": (NOT_HATEFUL, ["Telling {G} to go home is not banter, it is abuse."]),
    },
}  # fmt: skip

# Cases that do not depend on a group (checked once, not per group).
GROUPLESS = {"profanity_nh", "target_obj_nh", "target_indiv_nh", "target_group_nh"}


def _expand(templates, groups, groupless, split, suite_of) -> list[Case]:
    out: list[Case] = []
    for functionality, ids in templates.items():
        for hc_id, (label, texts) in ids.items():
            suite = suite_of(functionality)
            for template in texts:
                if hc_id in groupless:
                    out.append(Case(template, label, functionality, hc_id, None, split, suite))
                    continue
                seen: set[str] = set()
                for plural, strand, adjective, slur, emoji, slur_leet in groups:
                    text = template.format(
                        G=plural,
                        G_cap=plural[0].upper() + plural[1:],
                        G_nospace=plural.replace(" ", ""),
                        A=adjective,
                        S=slur,
                        E=emoji,
                        SL=slur_leet,
                    )
                    if text in seen:
                        continue
                    seen.add(text)
                    out.append(Case(text, label, functionality, hc_id, strand, split, suite))
    return out


def _suite(functionality: str) -> str:
    return "hatemojicheck" if functionality.startswith("emoji_") else "hatecheck"


PARTS = ("TEMPLATES", "GROUPS", "GROUPLESS")  # each held-out set's names from set 5 on


def _splits() -> list[tuple[str, dict, list, set]]:
    """(split, its templates, its groups, its group-free functionalities), oldest first: the
    development set, then every held-out set in ``functional_heldout`` (a new set numbered
    after the last is found by its names, with nothing to wire)."""
    from . import functional_heldout as held

    dev_groups = [
        (p, s, a, sl, e, SLUR_EMOJI_LEET[sl])
        for (p, s, a, sl), e in zip(GROUPS, GROUP_EMOJI, strict=True)
    ]
    splits = [("dev", {**TEMPLATES, **EMOJI_DEV, **DEV_ADDED}, dev_groups, GROUPLESS)]
    splits += [
        ("heldout", held.HELDOUT_TEMPLATES, held.HELDOUT_GROUPS, held.HELDOUT_GROUPLESS),
        ("heldout2", held.HELDOUT2_TEMPLATES, held.HELDOUT2_GROUPS, held.HELDOUT_GROUPLESS),
        ("heldout3", held.HELDOUT3_TEMPLATES, held.HELDOUT3_GROUPS, held.HELDOUT_GROUPLESS),
        ("heldout4", held.HELDOUT4_TEMPLATES, held.HELDOUT4_GROUPS, held.HELDOUT_GROUPLESS),
    ]
    n = 5
    while hasattr(held, f"HELDOUT{n}_TEMPLATES"):
        splits.append((f"heldout{n}", *(getattr(held, f"HELDOUT{n}_{part}") for part in PARTS)))
        n += 1
    return splits


def split_names() -> list[str]:
    """The splits `cases` knows, oldest first ("dev", "heldout", "heldout2", ...)."""
    return [name for name, *_rest in _splits()]


def cases(split: str | None = None) -> list[Case]:
    """The functional cases, templates expanded over the groups; ``split`` one of
    `split_names()` ("dev" for the development set, "heldout" ... for the held-out sets), None
    for all."""
    out: list[Case] = []
    for name, templates, groups, groupless in _splits():
        if split in (None, name):
            out += _expand(templates, groups, groupless, name, _suite)
    return out
