"""``manage.py canonical_url`` prints one JSON line per address and fails after all of them
when any is invalid. No database marker: the command must work without one (pytest-django
would fail any database access here)."""

import json

import pytest
from django.core.management import CommandError, call_command


def _lines(capsys) -> list[dict]:
    out = capsys.readouterr().out
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def test_prints_one_json_object_per_url(capsys) -> None:
    call_command(
        "canonical_url",
        "https://twitter.com/Synth_User/status/1790000000000000001?s=20",
        "https://youtu.be/SyNtH_vId-1?si=abc",
        "https://www.example.org/Page/?utm_source=x",
    )
    assert _lines(capsys) == [
        {
            "url": "https://twitter.com/Synth_User/status/1790000000000000001?s=20",
            "canonical": "x.com/status/1790000000000000001",
            "platform": "x",
            "content_id": "1790000000000000001",
            "account": "synth_user",
        },
        {
            "url": "https://youtu.be/SyNtH_vId-1?si=abc",
            "canonical": "youtube.com/watch?v=SyNtH_vId-1",
            "platform": "youtube",
            "content_id": "SyNtH_vId-1",
            "account": None,
        },
        {
            "url": "https://www.example.org/Page/?utm_source=x",
            "canonical": "example.org/Page",
            "platform": None,
            "content_id": None,
            "account": None,
        },
    ]


def test_invalid_url_reports_error_and_fails_after_printing_all(capsys) -> None:
    with pytest.raises(CommandError) as raised:
        call_command(
            "canonical_url", "not a url", "https://t.me/SynthChannel/12", "mailto:a@example.org"
        )
    assert raised.value.returncode == 1
    lines = _lines(capsys)
    assert [line["url"] for line in lines] == [
        "not a url",
        "https://t.me/SynthChannel/12",
        "mailto:a@example.org",
    ]
    assert set(lines[0]) == {"url", "error"} and lines[0]["error"]
    assert lines[1]["canonical"] == "t.me/synthchannel/12"
    assert set(lines[2]) == {"url", "error"}
    assert "2 of 3" in str(raised.value)


def test_non_ascii_url_is_echoed_as_given(capsys) -> None:
    call_command("canonical_url", "https://bücher.example/Seite")
    (line,) = _lines(capsys)
    assert line["url"] == "https://bücher.example/Seite"
    assert line["canonical"] == "xn--bcher-kva.example/Seite"


def test_requires_at_least_one_url() -> None:
    with pytest.raises(CommandError):
        call_command("canonical_url")
