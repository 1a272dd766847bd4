import pytest

from hatehub.support.areas import AreaError, covers, outward_code, parse_areas


def test_areas_are_upper_cased_and_deduplicated():
    assert parse_areas("l, CH ch;wa1") == ["L", "CH", "WA1"]
    assert parse_areas("") == []


@pytest.mark.parametrize("bad", ["L1 8JQ", "123", "LIVERPOOL", "L-1"])
def test_a_full_postcode_or_a_word_is_not_an_area(bad):
    with pytest.raises(AreaError):
        parse_areas(bad)


@pytest.mark.parametrize(
    ("postcode", "district"),
    [("L1 8JQ", "L1"), ("l18jq", "L1"), ("CH41 1AA", "CH41"), ("WA1", "WA1"), ("xx", None)],
)
def test_outward_code(postcode, district):
    assert outward_code(postcode) == district


def test_covers_by_area_or_district():
    assert covers(["L"], "L1 8JQ")
    assert covers(["WA1"], "WA1 1AA")
    assert not covers(["WA1"], "WA2 1AA")
    assert not covers(["L"], "LS1 1AA")  # Leeds is LS, not L
    assert not covers(["L"], "")
