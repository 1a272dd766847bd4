"""The sanitisation check list: flags likely identifying details, never changes the text."""

from hatehub.intelligence.sanitisation import SourceDetails, flag_identifying_details

SOURCE = SourceDetails(
    names=("Amelia Okafor [SYNTHETIC]", "Tom Reilly"),
    emails=("amelia@example.org",),
    phones=("07700 900123",),
    postcodes=("L1 8JQ",),
    towns=("Birkenhead",),
    report_references=("ABCD-EFGH-JKM4",),
)


def kinds(flags):
    return [(flag.kind, flag.text) for flag in flags]


def test_names_of_complainants_and_their_parts_are_flagged():
    text = "Tom Reilly reported it; later REILLY said Okafor saw it too."
    flags = flag_identifying_details({"sanitised_text": text}, SOURCE)
    assert ("source_name", "Tom Reilly") in kinds(flags)
    assert ("source_name", "REILLY") in kinds(flags)
    assert ("source_name", "Okafor") in kinds(flags)
    full = next(flag for flag in flags if flag.text == "Tom Reilly")
    assert full.reason == "the name of a complainant or reporter on a linked case"
    assert text[full.start : full.end] == "Tom Reilly"


def test_short_name_parts_and_words_inside_other_words_are_not_flagged():
    source = SourceDetails(names=("Al Tomlinson",))
    flags = flag_identifying_details({"t": "Alan posted; Tomlinsonville is a place"}, source)
    assert flags == []


def test_contact_details_are_flagged_known_or_not():
    text = (
        "Contact amelia@example.org or other.person@example.net, call 07700 900123 "
        "or +44 (0)151 496 0000; lives at L1 8JQ near CH41 1AA."
    )
    flags = flag_identifying_details({"sanitised_text": text}, SOURCE)
    found = kinds(flags)
    assert ("email", "amelia@example.org") in found
    assert ("email", "other.person@example.net") in found
    assert ("phone", "07700 900123") in found
    assert ("postcode", "L1 8JQ") in found
    assert ("postcode", "CH41 1AA") in found
    reasons = {flag.text: flag.reason for flag in flags}
    assert "complainant or reporter" in reasons["amelia@example.org"]
    assert reasons["other.person@example.net"] == "an email address: may identify a source"
    assert "complainant or reporter" in reasons["07700 900123"]
    assert "victim on a linked case" in reasons["L1 8JQ"]
    assert any(flag.kind == "phone" and "151" in flag.text for flag in flags)


def test_numbers_that_are_not_phone_numbers_are_left_alone():
    flags = flag_identifying_details({"t": "Posted 12 times on 2026-11-01, 3,000 shares"}, SOURCE)
    assert [flag for flag in flags if flag.kind == "phone"] == []


def test_postcode_district_town_and_report_reference():
    text = "A victim in the L1 area of Birkenhead, report ABCD-EFGH-JKM4 and WXYZ-2345-6789."
    flags = flag_identifying_details({"sanitised_text": text}, SOURCE)
    found = kinds(flags)
    assert ("postcode", "L1") in found
    assert ("town", "Birkenhead") in found
    assert ("report_reference", "ABCD-EFGH-JKM4") in found
    assert ("report_reference", "WXYZ-2345-6789") in found


def test_every_field_is_checked_in_order_and_text_is_not_changed():
    texts = {"title": "Threats against Tom Reilly", "sanitised_text": "An account threatened."}
    before = dict(texts)
    flags = flag_identifying_details(texts, SOURCE)
    assert texts == before
    # The full name once: its parts inside it are not flagged again.
    assert kinds(flags) == [("source_name", "Tom Reilly")]
    assert flags[0].field == "title"
    assert flags[0].key == "title:16:26:source_name"


def test_a_clean_text_has_no_flags():
    text = "An account on X posted threats against a religious group on 3 November [SYNTHETIC]."
    assert flag_identifying_details({"sanitised_text": text}, SOURCE) == []
