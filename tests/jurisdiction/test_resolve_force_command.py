import io
import json

import pytest
from django.core.management import CommandError, call_command

KEYS = {"query", "pfa_code", "force_name", "method", "distance_km", "alternatives"}


def run(**options) -> dict:
    out = io.StringIO()
    call_command("resolve_force", stdout=out, **options)
    lines = out.getvalue().strip().splitlines()
    assert len(lines) == 1  # exactly one JSON object
    return json.loads(lines[0])


def test_coordinates_in_westminster():
    answer = run(lat=51.4995, lon=-0.1248)
    assert KEYS <= set(answer)
    assert answer["pfa_code"] == "E23000001"
    assert answer["force_name"] == "Metropolitan Police"
    assert answer["method"] == "polygon"
    assert answer["distance_km"] == 0.0


def test_alternatives_are_code_and_name():
    answer = run(lat=51.5157, lon=-0.0919)  # Guildhall
    assert answer["force_name"] == "City of London Police"
    assert answer["alternatives"] == [
        {"pfa_code": "E23000001", "force_name": "Metropolitan Police"}
    ]


def test_a_postcode():
    answer = run(postcode="ls1 4ap")
    assert (answer["pfa_code"], answer["method"]) == ("E23000010", "district")


def test_a_crown_dependency_has_a_note():
    answer = run(postcode="GY1")
    assert (answer["pfa_code"], answer["method"]) == (None, "none")
    assert "outside UK police force areas" in answer["note"]


def test_a_place_name_or_coordinates_text():
    assert run(place="Cardiff")["force_name"] == "South Wales Police"
    assert run(place="52.0,-20.0")["method"] == "none"


def test_offshore_is_nearest_with_a_distance():
    answer = run(lat=50.78, lon=-0.14)
    assert answer["method"] == "nearest" and 0 < answer["distance_km"] <= 10
    assert answer["note"]


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"postcode": "LS1 4A"}, "not a valid UK postcode"),
        ({"postcode": "Leeds"}, "not a valid UK postcode"),
        ({"place": "QQ1 1AA"}, "not a valid UK postcode"),
        ({"place": "Narnia"}, "Narnia"),
        ({"lat": 95.0, "lon": 0.0}, "Latitude"),
        ({"lat": 51.0}, "together"),
        ({}, "exactly one"),
        ({"postcode": "LS1", "place": "Leeds"}, "exactly one"),
    ],
)
def test_bad_input_is_a_command_error(options, message):
    with pytest.raises(CommandError, match=message):
        call_command("resolve_force", stdout=io.StringIO(), **options)


@pytest.mark.django_db
def test_loading_reference_data_reports_the_geography_files(reference_dir):
    out = io.StringIO()
    call_command("load_reference_data", dir=str(reference_dir), stdout=out)
    assert "Geography: 45 force areas, 3,115 postcode districts" in out.getvalue()
