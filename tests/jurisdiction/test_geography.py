"""Force-area lookups against the real reference files (read from HUB_REFERENCE_DIR, never
copied into the repository). Expected force names come from uk_police_forces.csv, so a test
cannot pass on a name we merely guessed."""

import io
import json
import math
from pathlib import Path

import numpy as np
import pytest
import shapely
from django.conf import settings

from hatehub.jurisdiction import geography
from hatehub.jurisdiction.geography import (
    ATTRIBUTION,
    DISTRICT,
    NEAREST,
    NONE,
    POLYGON,
    STRADDLE_KM,
    ForceAreas,
    GeographyError,
    InvalidQuery,
    PostcodeDistricts,
    UnknownPlace,
    project_km,
    resolve,
)
from hatehub.jurisdiction.reference_files import parse_forces


@pytest.fixture(scope="module")
def reference() -> Path:
    return Path(settings.HUB_REFERENCE_DIR)


@pytest.fixture(scope="module")
def areas(reference) -> ForceAreas:
    return ForceAreas.from_geojson(reference / geography.FORCE_AREAS_FILE)


@pytest.fixture(scope="module")
def districts(reference, areas) -> PostcodeDistricts:
    return PostcodeDistricts.from_csv(reference / geography.POSTCODE_DISTRICTS_FILE, areas)


@pytest.fixture(scope="module")
def names(reference) -> dict[str, str]:
    """pfa_code -> force name from the force list, the names the hub shows."""
    rows = parse_forces((reference / "uk_police_forces.csv").read_text(encoding="utf-8-sig"))
    return {row.ons_code: row.name for row in rows if row.ons_code}


def _haversine_km(lat1, lon1, lat2, lon2) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(math.sqrt(h))


def test_the_45_areas_carry_the_same_names_as_the_force_list(areas, names):
    assert len(areas) == 45
    assert {a.pfa_code: a.force_name for a in areas.areas} == names


@pytest.mark.parametrize(
    ("lat", "lon", "code"),
    [
        (51.4995, -0.1248, "E23000001"),  # Westminster -> Metropolitan Police
        (51.5157, -0.0919, "E23000034"),  # Guildhall -> City of London Police
        (51.4816, -3.1791, "W15000003"),  # Cardiff -> South Wales Police
        (55.9533, -3.1883, "S23000009"),  # Edinburgh -> Police Scotland
        (54.5973, -5.9301, "N23000001"),  # Belfast -> PSNI
        (53.7997, -1.5492, "E23000010"),  # Leeds -> West Yorkshire Police
    ],
)
def test_known_places_fall_inside_their_force(areas, names, lat, lon, code):
    location = areas.locate(lat, lon)
    assert (location.pfa_code, location.method, location.distance_km) == (code, POLYGON, 0.0)
    assert location.force_name == names[code]


def test_the_names_the_brief_asserts_are_the_force_lists_names(names):
    assert names["E23000001"] == "Metropolitan Police"
    assert names["E23000034"] == "City of London Police"
    assert names["W15000003"] == "South Wales Police"
    assert names["S23000009"] == "Police Scotland"
    assert names["N23000001"] == "Police Service of Northern Ireland"
    assert names["E23000035"] == "Devon & Cornwall Police"


@pytest.mark.parametrize(
    ("lat", "lon"), [(49.92, -6.30), (49.95, -6.32)]
)  # Isles of Scilly: St Mary's, and just off Tresco's generalised shore
def test_the_isles_of_scilly_are_devon_and_cornwall(areas, lat, lon):
    location = areas.locate(lat, lon)
    assert location.pfa_code == "E23000035"
    assert location.method in {POLYGON, NEAREST}


def test_lindisfarne_and_just_offshore_belong_to_the_nearest_force(areas):
    assert areas.locate(55.6806, -1.8006).pfa_code == "E23000007"  # Holy Island village
    offshore = areas.locate(50.78, -0.14)  # 4 km off Brighton
    assert (offshore.pfa_code, offshore.method) == ("E23000033", NEAREST)
    assert 3.0 < offshore.distance_km < 5.0
    assert "outside the generalised boundary" in offshore.note


def test_the_coast_tolerance_is_configurable(reference):
    strict = ForceAreas.from_geojson(reference / geography.FORCE_AREAS_FILE, coast_tolerance_km=2.0)
    assert strict.locate(50.78, -0.14).method == NONE
    assert strict.locate(51.4995, -0.1248).method == POLYGON


@pytest.mark.parametrize(
    ("lat", "lon"),
    [(52.0, -20.0), (48.8566, 2.3522), (40.7128, -74.006), (-33.86, 151.21)],
)  # Atlantic, Paris, New York, Sydney
def test_far_at_sea_or_abroad_is_none(areas, lat, lon):
    location = areas.locate(lat, lon)
    assert (location.pfa_code, location.force_name, location.method) == (None, None, NONE)
    assert location.note == geography.OUTSIDE_UK_NOTE


def test_crown_dependency_coordinates_say_why_there_is_no_force(areas):
    douglas = areas.locate(54.15, -4.48)
    assert douglas.method == NONE
    assert "Isle of Man is a Crown Dependency" in douglas.note
    assert douglas.distance_km > geography.COAST_TOLERANCE_KM


def test_near_a_boundary_the_neighbour_is_an_alternative(areas):
    guildhall = areas.locate(51.5157, -0.0919)
    assert [a.pfa_code for a in guildhall.alternatives] == ["E23000001"]
    assert 0 < guildhall.alternatives[0].distance_km <= geography.BOUNDARY_KM
    assert areas.locate(55.9533, -3.1883).alternatives == ()  # Edinburgh: far from any border


def test_where_two_sources_overlap_the_first_area_wins_and_the_other_is_listed(areas):
    """Scotland comes from a coarser topology than the ONS areas, so they overlap a little."""
    cumbria = areas.geometries[[a.pfa_code for a in areas.areas].index("E23000002")]
    scotland = areas.geometries[[a.pfa_code for a in areas.areas].index("S23000009")]
    point = shapely.intersection(cumbria, scotland).representative_point()
    location = areas.locate(point.y, point.x)
    assert location.pfa_code == "E23000002"
    assert "S23000009" in [a.pfa_code for a in location.alternatives]


def test_distances_are_kilometres_not_degrees():
    for (lat1, lon1), (lat2, lon2) in [
        ((51.5074, -0.1278), (53.8008, -1.5491)),  # London - Leeds
        ((54.5973, -5.9301), (60.1550, -1.1450)),  # Belfast - Lerwick
        ((50.78, -0.14), (50.8225, -0.1372)),  # offshore - Brighton
    ]:
        x, y = project_km([lon1, lon2], [lat1, lat2])
        projected = math.hypot(x[1] - x[0], y[1] - y[0])
        assert projected == pytest.approx(_haversine_km(lat1, lon1, lat2, lon2), rel=0.005)


def test_bad_coordinates_are_refused(areas):
    with pytest.raises(InvalidQuery, match="swap"):
        areas.locate(95, 0)
    with pytest.raises(InvalidQuery):
        areas.locate(float("nan"), 0)


def test_bulk_answers_match_single_lookups(areas):
    rng = np.random.default_rng(7)
    lats, lons = rng.uniform(49.8, 60.9, 3000), rng.uniform(-8.7, 1.8, 3000)
    bulk = areas.locate_many(lats, lons)
    assert len(bulk) == 3000
    singles = [areas.locate(lat, lon) for lat, lon in zip(lats, lons, strict=True)]
    assert list(bulk.pfa_codes) == [s.pfa_code for s in singles]
    assert list(bulk.methods) == [s.method for s in singles]
    for found, single in zip(bulk.distance_km, singles, strict=True):
        if single.method != NONE:
            assert found == pytest.approx(single.distance_km, abs=0.001)
    assert set(bulk.methods) == {POLYGON, NEAREST, NONE}  # the sample exercises every path


def test_bulk_handles_bad_points_and_refuses_mismatched_arrays(areas):
    bulk = areas.locate_many([51.4995, np.nan, 95.0], [-0.1248, 0.0, 0.0])
    assert list(bulk.methods) == [POLYGON, NONE, NONE]
    with pytest.raises(GeographyError):
        areas.locate_many([51.0, 52.0], [0.0])


def test_a_file_that_is_not_force_areas_is_refused(tmp_path):
    with pytest.raises(GeographyError, match="No force-area file"):
        ForceAreas.from_geojson(tmp_path / "missing.geojson")
    with pytest.raises(GeographyError, match="FeatureCollection"):
        ForceAreas.from_geojson(io.StringIO(json.dumps({"type": "Feature"})))
    point = {"type": "Point", "coordinates": [0, 51]}
    collection = {
        "type": "FeatureCollection",
        "features": [{"type": "Feature", "properties": {"pfa_code": "X"}, "geometry": point}],
    }
    with pytest.raises(GeographyError, match="not an area"):
        ForceAreas.from_geojson(io.StringIO(json.dumps(collection)))


# -- postcodes, districts, towns --------------------------------------------------------------


@pytest.mark.parametrize("query", ["LS1 4AP", "ls14ap", "  ls1   4ap "])
def test_a_full_postcode_resolves_through_its_district(areas, districts, query):
    answer = resolve(query, areas, districts)
    assert (answer.pfa_code, answer.method, answer.districts) == ("E23000010", DISTRICT, ("LS1",))
    assert answer.query == "LS1 4AP"


def test_a_district_resolves(areas, districts, names):
    answer = resolve("CF10", areas, districts)
    assert (answer.pfa_code, answer.force_name, answer.method) == (
        "W15000003",
        names["W15000003"],
        DISTRICT,
    )


@pytest.mark.parametrize(
    ("query", "place"), [("GY1", "Guernsey"), ("JE2", "Jersey"), ("IM1 1AA", "Isle of Man")]
)
def test_crown_dependencies_are_outside_the_45_areas(areas, districts, query, place):
    answer = resolve(query, areas, districts)
    assert (answer.pfa_code, answer.method) == (None, NONE)
    assert place in answer.note and "outside UK police force areas" in answer.note


def test_a_terminated_district_still_resolves_but_is_flagged(areas, districts):
    assert districts.get("CF1").terminated
    answer = resolve("CF1", areas, districts)
    assert (answer.pfa_code, answer.method) == ("W15000003", DISTRICT)
    assert "terminated" in answer.note


def test_a_non_geographic_district_has_no_force(areas, districts):
    answer = resolve("BF1", areas, districts)  # British Forces: no centroid
    assert answer.method == NONE and "no location" in answer.note


def test_a_town_resolves_through_all_its_districts(areas, districts):
    answer = resolve("leeds", areas, districts)
    assert (answer.pfa_code, answer.method) == ("E23000010", DISTRICT)
    assert {"LS1", "LS6", "LS27"} <= set(answer.districts)
    assert answer.distance_km is None


def test_a_town_name_shared_across_forces_lists_them_all(areas, districts):
    answer = resolve("Newport", areas, districts)
    codes = {answer.pfa_code, *(a.pfa_code for a in answer.alternatives)}
    assert answer.pfa_code == "W15000002"  # most Newport districts are in Gwent
    assert {"E23000030", "W15000004"} <= codes  # Isle of Wight (PO30), Pembrokeshire (SA42)
    assert "force areas" in answer.note


def test_a_district_that_only_exists_as_lettered_sub_districts(areas, districts):
    answer = resolve("EC1", areas, districts)
    assert set(answer.districts) >= {"EC1A", "EC1V"}
    assert answer.method == DISTRICT


def test_straddling_districts_list_both_forces(areas, districts):
    """Computed from the data rather than guessed: a district straddles when its centroid is
    within STRADDLE_KM of another force; a real example is LS25 (Garforth in West Yorkshire,
    Sherburn in Elmet in North Yorkshire)."""
    matches = [districts.match(code) for code in districts._districts]
    straddlers = [m for m in matches if m.straddles]
    assert 0 < len(straddlers) < len(matches) / 5
    for match in straddlers:
        assert match.location.alternatives
        assert all(a.distance_km <= STRADDLE_KM + 1e-9 for a in match.location.alternatives)
        answer = resolve(match.district.code, areas, districts)
        assert answer.alternatives and "may straddle" in answer.note
    answer = resolve("LS25", areas, districts)
    assert answer.pfa_code == "E23000010"
    assert [a.pfa_code for a in answer.alternatives] == ["E23000009"]
    assert resolve("CF10", areas, districts).alternatives == ()  # Cardiff centre: far inside


@pytest.mark.parametrize("query", ["LS1 4A", "QQ1 1AA", "LS1 4APX", "ZZ99", "LS100", "12 High St"])
def test_an_invalid_postcode_is_refused_clearly(areas, districts, query):
    with pytest.raises(InvalidQuery, match="not a valid UK postcode"):
        resolve(query, areas, districts)


def test_well_formed_but_unknown_places_are_reported(areas, districts):
    with pytest.raises(UnknownPlace, match="AA1"):
        resolve("AA1 1AA", areas, districts)
    with pytest.raises(UnknownPlace, match="Narnia"):
        resolve("Narnia", areas, districts)
    with pytest.raises(InvalidQuery):
        resolve("   ", areas, districts)


def test_coordinates_as_text_or_tuple(areas, districts):
    for query in ["51.4995,-0.1248", "51.4995, -0.1248", (51.4995, -0.1248)]:
        answer = resolve(query, areas, districts)
        assert (answer.pfa_code, answer.method) == ("E23000001", POLYGON)
    assert resolve("52.0,-20.0", areas).method == NONE  # coordinates need no district file


def test_the_attribution_is_available_to_show():
    assert "Open Government Licence v.3.0" in ATTRIBUTION
    assert "Royal Mail copyright" in ATTRIBUTION


def test_the_health_check_counts_the_files(reference, tmp_path):
    assert geography.summarise_reference_files(reference) == (
        "45 force areas, 3,115 postcode districts"
    )
    assert "missing" in geography.summarise_reference_files(tmp_path)


@pytest.mark.django_db
def test_resolve_place_attaches_the_force_row(forces):
    from hatehub.jurisdiction.services import resolve_place

    answer = resolve_place("LS1 4AP")
    assert answer.force == forces["west-yorkshire"]
    assert resolve_place((52.0, -20.0)).force is None
