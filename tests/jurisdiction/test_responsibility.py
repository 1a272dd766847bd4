"""Which force records and investigates: the rule, its reason and the alternatives, from what
reporters actually write about where the victim and the poster are."""

import pytest
from django.test import override_settings

from hatehub.audit.services import acting_as
from hatehub.jurisdiction import responsibility
from hatehub.jurisdiction.responsibility import ForceChoice, Place, decide
from hatehub.jurisdiction.services import place_from_text, responsible_force

LEEDS = ForceChoice("E23000010", "West Yorkshire Police")
CARDIFF = ForceChoice("W15000003", "South Wales Police")


def test_suspect_known_goes_to_the_suspects_force_and_names_the_victims():
    decision = decide(Place("LS1 4AP", LEEDS), Place("lives in Cardiff", CARDIFF))
    assert decision.recording == decision.investigating == CARDIFF
    assert "West Yorkshire Police" in decision.reason
    assert LEEDS in decision.alternatives
    assert decision.rule == "suspect_else_victim"


def test_suspect_unknown_goes_to_the_victims_force():
    decision = decide(Place("LS1 4AP", LEEDS), None)
    assert decision.recording == decision.investigating == LEEDS
    assert "not known" in decision.reason


def test_victim_records_rule_splits_recording_from_investigating():
    decision = decide(Place("LS1", LEEDS), Place("Cardiff", CARDIFF), rule="victim_records")
    assert decision.recording == LEEDS
    assert decision.investigating == CARDIFF


def test_suspect_abroad_is_flagged_for_international_routing():
    decision = decide(Place("LS1", LEEDS), Place("in the USA", abroad=True))
    assert decision.international
    assert decision.recording == LEEDS


def test_nothing_known_stays_with_the_hub():
    decision = decide(None, None)
    assert decision.stays_with_hub
    assert decision.recording is None


def test_unknown_rule_is_refused():
    with pytest.raises(ValueError, match="Unknown responsible-force rule"):
        decide(None, None, rule="coin_toss")


@pytest.mark.parametrize(
    ("text", "force"),
    [
        ("LS1 4AP", "West Yorkshire Police"),
        ("Says he lives in Cardiff", "South Wales Police"),
        ("his profile says Edinburgh", "Police Scotland"),
        ("CF10 1AA I think", "South Wales Police"),
    ],
)
def test_places_are_read_from_what_reporters_write(db, text, force):
    place = place_from_text(text)
    assert place is not None and place.force is not None
    assert place.force.force_name == force


def test_abroad_and_unknown_text(db):
    assert place_from_text("somewhere in the United States").abroad
    assert place_from_text("no idea at all") is None


def test_a_report_with_a_leeds_victim_and_a_cardiff_suspect(make_report):
    report = make_report(
        victim_postcode="LS1 4AP", poster_location="Says he lives in Cardiff", urls=[]
    )
    decision = responsible_force(report)
    assert decision.recording.force_name == "South Wales Police"
    assert "West Yorkshire Police" in [choice.force_name for choice in decision.alternatives]


@override_settings(HUB_RESPONSIBLE_FORCE_RULE="victim_records")
def test_the_rule_is_a_deployment_setting(make_report):
    report = make_report(victim_postcode="LS1 4AP", poster_location="Cardiff", urls=[])
    decision = responsible_force(report)
    assert decision.recording.force_name == "West Yorkshire Police"
    assert decision.investigating.force_name == "South Wales Police"
    assert decision.rule_text == responsibility.RULES["victim_records"]


@pytest.mark.parametrize(
    ("text", "doubt"),
    [
        ("I don't know, maybe Leeds", ("don't know", "maybe")),
        ("I think Leeds", ("i think",)),
        ("not sure, Leeds possibly", ("not sure", "possibly")),
        ("somewhere near Leeds", ("somewhere near",)),
        ("Leeds?", ("?",)),
        ("Says he lives in Leeds", ()),
        ("LS1 4AP", ()),
    ],
)
def test_words_of_doubt_are_found(text, doubt):
    assert responsibility.hedges(text) == doubt


def test_a_place_given_with_doubt_is_a_hint_not_a_known_location(make_report):
    report = make_report(
        victim_postcode="CF10 1AA", poster_location="I don't know, maybe Leeds", urls=[]
    )
    decision = responsible_force(report)
    # The victim's force: the suspect's location is not known, whatever the hint says.
    assert decision.recording.force_name == "South Wales Police"
    assert decision.investigating.force_name == "South Wales Police"
    assert "The suspect's location is not known (only a hint" in decision.reason
    assert "location is known" not in decision.reason
    ((who, hint),) = decision.hints
    assert who == "Suspect"
    assert hint.startswith("“I don't know, maybe Leeds” may put them in the West "
                           "Yorkshire Police area")  # fmt: skip
    assert "a hint to check, not a known location" in hint
    # The hinted force is offered as an alternative the officer may choose.
    assert "West Yorkshire Police" in [choice.force_name for choice in decision.alternatives]
    assert decision.inputs["suspect"]["hedged"] == ["don't know", "maybe"]


def test_a_hedged_place_alone_leaves_the_case_with_the_hub(db):
    decision = decide(None, place_from_text("somewhere near Hull?"))
    assert decision.stays_with_hub and decision.recording is None
    assert decision.hints and "Humberside Police" in decision.hints[0][1]


def test_a_hedged_country_is_not_international_routing(db):
    decision = decide(Place("CF10", CARDIFF), place_from_text("maybe in the USA"))
    assert not decision.international
    assert decision.recording == CARDIFF
    assert "outside the UK" in decision.hints[0][1]


def test_an_offer_the_rules_no_longer_support_is_flagged_on_the_case(
    make_report, synthetic, forces, users
):
    """A witness's report puts the case in Merseyside and it is offered there; the victim's
    own report then joins from Cardiff. The case page says the rules now point elsewhere."""
    from hatehub.cases import selectors as case_selectors
    from hatehub.cases.services import allocate
    from hatehub.jurisdiction.services import case_responsibility

    post = synthetic.post(platform="x")
    same_post = {"urls": [post.url], "accounts": [f"@{post.handle}"], "description": post.text}
    case = make_report(reporter_role="witness", victim_postcode="L1 8JQ", **same_post).case
    supervisor = users["hub_supervisor"]
    with acting_as(supervisor.username, user=supervisor):
        allocate(case, force=forces["merseyside"], reason="Responsible force", by=supervisor)
    offer = case_selectors.open_offer(case)
    shown = case_selectors.responsibility(case, offer, case_responsibility(case))
    assert shown.rules_now_point_to == ""

    make_report(reporter_role="victim", victim_postcode="CF10 1AA", **same_post)
    case.refresh_from_db()
    assert case.reports.count() == 2
    shown = case_selectors.responsibility(case, offer, case_responsibility(case))
    assert shown.force_name == "Merseyside Police"
    assert shown.rules_now_point_to == "South Wales Police"
