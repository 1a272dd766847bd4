"""Wording shared by every page: articles before file types, file sizes, and sources cited as
the law and codes themselves rather than the project's notes."""

import pytest

from hatehub.assessment.rules import load_rules
from hatehub.core.citations import cited
from hatehub.core.wording import a_or_an, file_size


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("EXE", "an EXE"),
        ("PNG", "a PNG"),
        ("SVG", "an SVG"),
        ("MP4", "an MP4"),
        ("HTML", "an HTML"),
        ("ZIP", "a ZIP"),
        ("JPEG", "a JPEG"),
        ("GIF", "a GIF"),
        ("ELF", "an ELF"),
    ],
)
def test_a_or_an(word, expected):
    assert a_or_an(word) == expected


@pytest.mark.parametrize(
    ("size", "expected"),
    [(10, "1 KB"), (2_000, "2 KB"), (1_300_000, "1.2 MB"), (31_457_280, "30 MB")],
)
def test_file_size(size, expected):
    assert file_size(size) == expected


def test_no_rule_source_shows_the_projects_notes():
    rules = load_rules()
    sources = [offence.source for offence in rules.offences]
    assert any("DOMAIN.md" in source for source in sources)  # the data still says where
    for source in sources:
        shown = cited(source)
        assert "DOMAIN.md" not in shown and shown, source


def test_a_bare_section_names_what_it_cites():
    assert cited("DOMAIN.md s8") == (
        "the Code of Practice for Victims of Crime in England and Wales (Victims' Code)"
    )
    assert cited("Crime and Disorder Act 1998 s28") == "Crime and Disorder Act 1998 s28"


def test_a_source_named_before_its_note_keeps_the_name():
    assert cited("Victims' Code (DOMAIN.md s8): tell the victim within 5 working days") == (
        "Victims' Code: tell the victim within 5 working days"
    )
    assert cited("Police Victims' Right to Review (DOMAIN.md s8): decide in 30 working days") == (
        "Police Victims' Right to Review: decide in 30 working days"
    )
