"""Own training examples for the content-signals head (issue 15, "no functionality below 60%").

Why: the head learns from Davidson 2017 and HatemojiBuild, which hold few examples of some
kinds of hate HateCheck (Röttger et al. 2021, Table 1) describes, and few of some kinds of
harmless text that mentions a group. The head then misses hate with no hostile word in it
(implicit derogation: exclusion from a family, a street or a school, "those people",
stereotypes of dirt and crime), hate carried by profanity or a plain emotion word ("I can't
stand ..."), and scores a neutral question about a group as hate. These sentences were written
for this project from the functionality *descriptions* (not from HateCheck's or
HatemojiCheck's cases, and not from this repository's functional test sets), so the head sees
what each functionality means, with its non-hateful contrasts in equal number.

Five writers: the first wrote the lists below; on 2026-12-06 two more, each without seeing
the other's work or any test set, wrote ``signals_train_writer_b`` and ``signals_train_writer_c``
from the same descriptions (with emoji forms), and on 2026-12-07 two more, in the same way,
``signals_train_writer_d`` and ``signals_train_writer_e``, so the head sees more than one
person's idea of each functionality. ``examples`` joins them and adds seeded spelling variants.

They are expanded over TRAIN_GROUPS, a list chosen to share no group with the blind held-out
sets 4, 6 and 7 (``functional_heldout``), nor an identity emoji with sets 6 and 7; the
placeholder slurs of the functional suites are not used (they are test vocabulary). Pure data
and standard-library code.
"""

# Groups for training only: (plural form, in-group adjective, identity emoji or None). The emoji
# templates are expanded over the groups with an emoji.
TRAIN_GROUPS = [
    ("Muslims", "Muslim", "☪️"),
    ("Jews", "Jewish", "✡️"),
    ("gay people", "gay", "🏳️‍🌈"),
    ("trans people", "trans", "🏳️‍⚧️"),
    ("disabled people", "disabled", "♿"),
    ("Black people", "Black", "✊🏿"),
    ("immigrants", "immigrant", None),
    ("refugees", "refugee", None),
    ("Asian people", "Asian", None),
    ("Somalis", "Somali", "🇸🇴"),
    ("Arabs", "Arab", None),
    ("homosexuals", "homosexual", None),
    ("people with learning disabilities", "learning-disabled", None),
    ("Chinese people", "Chinese", "🇨🇳"),
    ("Travellers", "Traveller", None),
    ("Ukrainians", "Ukrainian", "🇺🇦"),
    ("Kurds", "Kurdish", None),
    ("Ghanaians", "Ghanaian", "🇬🇭"),
    ("Christians", "Christian", "✝️"),
]

# {G} the group, {G_cap} capitalised, {A} in-group adjective.
HATEFUL_TEMPLATES = [
    # implicit derogation: exclusion from family, street, school, work; "those people";
    # stereotypes of dirt, smell, crime; insinuation with no hostile word
    "If my son brought home a partner from the {G}, he would be out of this house.",
    "No {A} person is ever marrying into this family.",
    "I won't have {G} in my family, simple as that.",
    "We moved out as soon as the {G} started buying houses on our road.",
    "This used to be a decent area until the {G} turned up.",
    "Keep your kids away from {G}, you know what they're like.",
    "{G_cap} don't wash, everyone knows that.",
    "Lock your car if there are {G} about.",
    "I wouldn't give a job to any {A} applicant.",
    "{G_cap} should stay in their own areas and leave ours alone.",
    "Those {G} are not the sort of people you want living near you.",
    "You can't trust {G} around your wallet.",
    "Real Britons don't mix with {G}.",
    "Nobody decent wants {G} at their workplace.",
    "Wherever {G} go, rubbish and noise follow.",
    "Count your change twice when {G} serve you.",
    "I'd sell my house before I'd live next to {G}.",
    "Property prices drop the minute {G} show up.",
    "Ever noticed how the shops shut early when {G} are around?",
    "{G_cap} aren't really British, whatever their passport says.",
    "They let {G} into the club now, so I cancelled my membership.",
    "{G_cap} should be grateful we let them stay at all.",
    "I'd cross the street to avoid {G}.",
    "A few {G} are fine, but not this many.",
    "Don't leave your bike unlocked, the {G} are back.",
    "The council wastes our money housing {G}.",
    "My grandad would turn in his grave seeing {G} run this town.",
    "Mark my words, {G} are behind it, they always are.",
    "Sit anywhere but next to the {G}.",
    # negative emotion
    "I can't put up with {G} any more.",
    "I really can't bear {G}.",
    "I'm sick and tired of {G}.",
    "I resent all {G}.",
    "{G_cap} get on my nerves, all of them.",
    "{G_cap} wind me up no end.",
    "{G_cap} turn my stomach.",
    "{G_cap} irritate me beyond belief.",
    "Being near {G} puts me in a foul mood.",
    # negative attributes
    "{G_cap} are swindlers, the lot of them.",
    "{G_cap} are spongers who never do a day's work.",
    "{G_cap} are all freeloaders and scroungers.",
    "{G_cap} are backward and ignorant.",
    "{G_cap} are thick as anything.",
    "{G_cap} are a pack of cheats and frauds.",
    "{G_cap} are all ignorant and dangerous.",
    "{G_cap} are shifty, all of them.",
    "{G_cap} are freeloading spongers.",
    "{G_cap} are simple-minded.",
    "{G_cap} are thieving and two-faced.",
    "{G_cap} are fraudsters to a man.",
    # profanity aimed at a group
    "{G_cap} are shit.",
    "{G_cap} are a load of crap.",
    "Fuck {G}.",
    "Fuck off back home, {G}.",
    "{G_cap} are wankers, the lot of them.",
    "{G_cap} are bastards.",
    "{G_cap} are fucking useless.",
    "Screw {G}, every last one.",
    "{G_cap} are arseholes.",
    # dehumanising and threats, phrased differently from the rules' lists
    "{G_cap} breed like vermin.",
    "{G_cap} live like animals.",
    "This town needs purging of {G}.",
    "The {G} need to be dealt with, permanently.",
    "Drive all the {G} out of the country.",
    "The {G} will get what's coming to them.",
]

NOT_HATEFUL_TEMPLATES = [
    # concern for a group's welfare, in the shapes of negated praise and of "should" and
    # "better if" threats (added after the own examples of three writers taught "not good"
    # and "better if fewer" next to a group as hate)
    "It is not good that {G} are left without homes.",
    "It's not right that {G} get abuse just for walking down the street.",
    "It would be better if fewer {G} drowned crossing the sea.",
    "It would be better if fewer {G} were sleeping rough this winter.",
    "Things would be better if {G} didn't have to wait two years for a decision.",
    "{G_cap} should not have to put up with this.",
    "{G_cap} should be safe in their own homes.",
    "No {A} person should be scared to go to school.",
    "It's not fair that {G} are paid less for the same job.",
    "It's no good pretending {G} aren't being targeted round here.",
    "Someone should do something about the attacks on {G}.",
    "Fewer {G} should have to rely on food banks.",
    "It isn't okay that {G} are turned away from the surgery.",
    "The council should be doing more to protect {G}.",
    "It would be a better world if {G} didn't have to hide who they are.",
    "It's not great that so many {G} have been evicted this year.",
    "Nothing good comes of leaving {G} without support.",
    "{G_cap} deserve better than the way they've been treated.",
    "It is wrong that {G} are still waiting for an apology.",
    "Not good enough: three attacks on {G} in a month and no arrests.",
    # neutral mentions, including questions and news
    "Are there any {G} on the committee?",
    "What percentage of the town's population are {G}?",
    "A group of {G} ran the 10k for charity on Sunday.",
    "The survey asked {G} about their experience of the NHS.",
    "Three {G} joined the choir this year.",
    "A new study on housing for {G} in Wales came out today.",
    "My cousin works at a centre for {G}.",
    "The documentary follows {G} living in Glasgow.",
    "Where can {G} get advice about benefits?",
    "There are more {G} in the city than in the countryside.",
    "Which {G} are standing in the election?",
    "The museum's new exhibition is about {G} in Victorian London.",
    "Lots of {G} came to the open day.",
    "Can {G} apply for the grant?",
    "{G_cap} were among the passengers.",
    "Two {G} won awards at the ceremony.",
    "I had lunch with some {G} from work.",
    # positive
    "{G_cap} are welcome here.",
    "{G_cap} have every right to live in peace.",
    "I'm glad my children grow up with {G} as friends.",
    "{G_cap} have made my street a friendlier place.",
    "Proud to support {G} in our community.",
    "{G_cap} rock 🤘",
    "🙌 for the {G} who organised the fundraiser",
    "Great to see so many {G} at the match ⚽",
    # in-group self-description
    "I'm {A} and proud of it.",
    "We {A} people look out for each other.",
    "As a {A} person I run the local support group.",
    # counter-speech: quoting or referring to hate to denounce it
    'Got a message saying "{G} should leave". Sent it to the police.',
    'Someone left a note on my car saying "{G} go home". It is vile and it is a crime.',
    "People who say {G} are animals are spreading hate.",
    "Whoever keeps posting that {G} should be deported needs a hard look at themselves.",
    "It's disgusting that anyone calls {G} vermin.",
    "Hatred of {G} has no place in this city.",
    "Stop telling lies about {G}.",
    "Abuse aimed at {G} is a hate crime. Report it.",
    "Threats against {G} are never acceptable.",
    # negated hate
    "It's not true that {G} are lazy.",
    "{G_cap} are not dirty and never have been.",
    "I would never treat {G} badly.",
    # profanity with no group target
    "Fuck, I burnt the toast again.",
    "This shit weather is getting me down.",
    "Holy shit, what a goal!",
    "The bus was bloody late, fucking typical.",
    # abuse of individuals and non-protected groups (not hate in this sense)
    "Politicians are all crooks.",
    "Bankers are shit.",
    "My landlord is a lazy crook.",
    "Parking wardens are bastards.",
    "I can't stand reality TV.",
    "I'd never buy a car from that dealer again.",
]

# Texts with no group placeholder are used once.


def examples() -> tuple[list[str], list[int]]:
    """The training texts and labels (1 hateful, 0 not) of all five writers, expanded over
    TRAIN_GROUPS, plus a spelling variant of about one text in six (``spelling_variants``)."""
    from hatehub.assessment import signals_train_writer_b as writer_b
    from hatehub.assessment import signals_train_writer_c as writer_c
    from hatehub.assessment import signals_train_writer_d as writer_d
    from hatehub.assessment import signals_train_writer_e as writer_e

    lists = [(1, HATEFUL_TEMPLATES), (0, NOT_HATEFUL_TEMPLATES)]
    for writer in (writer_b, writer_c, writer_d, writer_e):
        lists += [
            (1, writer.HATEFUL_TEMPLATES),
            (0, writer.NOT_HATEFUL_TEMPLATES),
            (1, writer.EMOJI_HATEFUL_TEMPLATES),
            (0, writer.EMOJI_NOT_HATEFUL_TEMPLATES),
        ]
    texts: list[str] = []
    labels: list[int] = []
    for label, templates in lists:
        for template in templates:
            for text in _expand(template):
                texts.append(text)
                labels.append(label)
    variants = spelling_variants(texts, labels)
    return texts + [t for t, _y in variants], labels + [y for _t, y in variants]


def _expand(template: str) -> list[str]:
    if "{" not in template:
        return [template]
    groups = [g for g in TRAIN_GROUPS if g[2]] if "{E}" in template else TRAIN_GROUPS
    return [
        template.format(G=plural, G_cap=plural[0].upper() + plural[1:], A=adjective, E=emoji)
        for plural, adjective, emoji in groups
    ]


_LEET = {"a": "4", "e": "3", "i": "1", "o": "0", "s": "5"}


def spelling_variants(texts: list[str], labels: list[int], share: int = 6, seed: int = 15):
    """One misspelt copy of every ``share``-th text (chosen by a seeded generator), with its
    label: two letters swapped, a letter dropped, a space added inside a word, two words run
    together, or letters as digits (HateCheck's spelling-variation functionalities). Both
    labels get them, so a misspelling does not itself read as hate."""
    import random

    rng = random.Random(seed)  # noqa: S311 (choosing training variants, not security)
    out = []
    for text, label in zip(texts, labels, strict=True):
        if rng.randrange(share):
            continue
        words = text.split(" ")
        long_words = [i for i, w in enumerate(words) if len(w) >= 4 and w.isalpha()]
        if not long_words:
            continue
        i = rng.choice(long_words)
        word = words[i]
        j = rng.randrange(1, len(word) - 1)
        kind = rng.randrange(5)
        if kind == 0:
            word = word[: j - 1] + word[j] + word[j - 1] + word[j + 1 :]
        elif kind == 1:
            word = word[:j] + word[j + 1 :]
        elif kind == 2:
            word = word[:j] + " " + word[j:]
        elif kind == 3 and i + 1 < len(words):
            word, words[i + 1] = word + words[i + 1], ""
        else:
            word = "".join(_LEET.get(c, c) for c in word)
        words[i] = word
        out.append((" ".join(w for w in words if w), label))
    return out
