"""The route rules for identification requests (DOMAIN.md section 10), as a pure module."""

from datetime import date

import pytest

from hatehub.suspects import routing
from hatehub.suspects.routing import Facts, decide


def test_account_holder_abroad_is_passed_to_that_countrys_police():
    route = decide(Facts("GB", "abroad", "Ireland"))
    assert route.code == routing.FOREIGN_POLICE
    assert "Ireland" in route.reason


def test_holder_in_the_us_with_a_us_provider_cannot_use_the_data_access_agreement():
    route = decide(Facts("US", "abroad", "United States", serious_crime=True))
    assert route.code == routing.FOREIGN_POLICE
    assert any("cannot be used to target a person in the US" in c for c in route.conditions)


def test_uk_provider_is_asked_directly():
    assert decide(Facts("gb", "uk")).code == routing.DOMESTIC


@pytest.mark.parametrize("holder", ["uk", "unknown"])
def test_us_provider_and_serious_crime_uses_the_data_access_agreement(holder):
    route = decide(Facts("US", holder, serious_crime=True))
    assert route.code == routing.UK_US_DAA
    assert "not a US person" in route.explanation


def test_us_provider_below_the_serious_crime_threshold_needs_mutual_legal_assistance():
    route = decide(Facts("US", "uk", serious_crime=False))
    assert route.code == routing.MLA
    assert "three years" in route.reason


def test_provider_elsewhere_needs_mutual_legal_assistance():
    route = decide(Facts("AE", "unknown", serious_crime=True))
    assert route.code == routing.MLA
    assert "AE" in route.reason


@pytest.mark.parametrize("country", [None, "", "  "])
def test_unknown_provider_country_means_find_out_first(country):
    assert decide(Facts(country, "uk")).code == routing.UNDETERMINED


def test_every_route_has_a_label():
    for code in (
        routing.DOMESTIC,
        routing.UK_US_DAA,
        routing.MLA,
        routing.FOREIGN_POLICE,
        routing.UNDETERMINED,
    ):
        assert routing.Route(code, "r").label


def test_the_provider_table_loads_and_names_us_platforms():
    table = routing.provider_table()
    assert isinstance(table.last_checked, date)
    assert table.country_of("x") == "US"
    assert table.country_of("X") == "US"
    assert table.country_of("no-such-platform") == ""


def test_a_bad_provider_table_is_refused():
    with pytest.raises(routing.ProviderTableError):
        routing.parse_provider_table("version: 1\nsource: s\nlast_checked: 2026-01-01\n")
    with pytest.raises(routing.ProviderTableError):
        routing.parse_provider_table(
            "version: 1\nsource: s\nlast_checked: 2026-01-01\n"
            "providers:\n  x: {country: USA, entity: X}\n"
        )
