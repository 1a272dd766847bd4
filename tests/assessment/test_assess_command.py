"""``manage.py assess --json FILE`` prints one JSON object with exactly the listed keys, given
answers override inferred ones, and bad input is a CommandError with a clear message."""

import io
import json

import pytest
from django.core.management import CommandError, call_command

KEYS = {
    "classification", "classification_label", "strands", "offences", "priority",
    "route_to_local_force", "urgent",
    "enhanced_rights", "inferred", "rules_fired", "signals", "nation", "nchi_code",
    "explanation", "conduct_date",
}  # fmt: skip


def run(tmp_path, payload, *args):
    path = tmp_path / "report.json"
    path.write_text(json.dumps(payload) if not isinstance(payload, str) else payload)
    out = io.StringIO()
    call_command("assess", "--json", str(path), *args, stdout=out)
    return json.loads(out.getvalue())


def test_threat_to_kill_output(tmp_path):
    result = run(tmp_path, {
        "text": "An account sent me a message saying 'I'll kill you, you Muslim [SLUR]'.",
        "reporter": "victim",
    }, "--no-signals")  # fmt: skip
    assert set(result) == KEYS
    assert result["classification"] == "crime"
    assert result["strands"] == ["religion"]
    assert result["offences"][0]["id"] == "oapa1861_s16"  # the primary charge (DOMAIN.md s5a)
    s181 = result["offences"][1]
    assert {"name", "section", "elements_met", "elements_missing"} <= set(s181)
    assert s181["section"] == "Online Safety Act 2023 s181"
    assert result["urgent"] is True and result["route_to_local_force"] is True
    assert result["enhanced_rights"] is True
    assert result["priority"]["grade"] == 1
    assert result["inferred"]["threat_seriousness"]["value"] == "death"
    assert "I'll kill you" in result["inferred"]["threat_seriousness"]["words"]
    assert all({"id", "text", "source"} <= set(r) for r in result["rules_fired"])
    assert result["signals"] == {}


def test_given_answers_override_inferred(tmp_path):
    result = run(tmp_path, {
        "text": "Someone replied to my post saying I was an idiot.",
        "reporter": "victim",
        "answers": {"poster_identity_known": True, "strands": ["race"],
                    "intentional_hostility_basis": True, "lawful_expression": False},
    }, "--no-signals")  # fmt: skip
    assert result["classification"] == "nchi"
    assert result["route_to_local_force"] is True


def test_overridden_inferred_answer_is_marked(tmp_path):
    result = run(tmp_path, {
        "text": "Another comment: watch your back.", "reporter": "victim",
        "answers": {"threat_seriousness": "none"},
    }, "--no-signals")  # fmt: skip
    assert result["inferred"]["threat_seriousness"]["overridden"] is True
    assert result["classification"] == "not_hate"


def test_signals_is_an_object_when_enabled(tmp_path):
    result = run(tmp_path, {"text": "I'll kill you.", "reporter": "victim"})
    assert set(result) == KEYS
    assert isinstance(result["signals"], dict)


@pytest.mark.parametrize(
    ("payload", "message"),
    [
        ("{not json", "not valid JSON"),
        ({"reporter": "victim"}, "'text' is required"),
        ({"text": "x", "reporter": "police"}, "'reporter' must be one of"),
        ({"text": "x", "reporter": "victim", "answers": {"aimed_at": "all"}}, "aimed_at"),
        ({"text": "x", "reporter": "victim", "answers": {"nope": 1}}, "unknown answer 'nope'"),
        ({"text": "x", "reporter": "victim", "extra": 1}, "Unknown input key"),
    ],
)
def test_invalid_input_is_a_clear_command_error(tmp_path, payload, message):
    with pytest.raises(CommandError, match=message):
        run(tmp_path, payload, "--no-signals")


def test_missing_file(tmp_path):
    with pytest.raises(CommandError, match="Cannot read"):
        call_command("assess", "--json", str(tmp_path / "absent.json"))


def test_nation_is_an_answer_and_unknown_is_said(tmp_path):
    text = "Someone keeps posting that I'm a [SLUR] because I'm Catholic."
    unknown = run(tmp_path, {"text": text, "reporter": "victim"}, "--no-signals")
    assert unknown["nation"] == {"id": "england_wales", "name": "England and Wales",
                                 "assumed": True}  # fmt: skip
    assert "nation.unknown" in {r["id"] for r in unknown["rules_fired"]}
    scotland = run(tmp_path, {"text": text, "reporter": "victim",
                              "answers": {"nation": "scotland"}}, "--no-signals")  # fmt: skip
    assert scotland["nation"]["id"] == "scotland" and not scotland["nation"]["assumed"]
    assert "nation.unknown" not in {r["id"] for r in scotland["rules_fired"]}


def test_unknown_nation_value_is_refused(tmp_path):
    path = tmp_path / "bad.json"
    path.write_text(json.dumps({"text": "x", "reporter": "victim",
                                "answers": {"nation": "wales"}}))  # fmt: skip
    with pytest.raises(CommandError, match="nation"):
        call_command("assess", "--json", str(path), stdout=io.StringIO())
