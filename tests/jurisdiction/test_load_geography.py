"""load_reference_data keeps a checked copy of the geography for the running hub, from the
reference directory, a file, a URL, or the ONS download's own field names."""

import json

import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings

from hatehub.jurisdiction import geography
from hatehub.jurisdiction.services import force_areas, geography_dir, resolve_place

pytestmark = pytest.mark.django_db


@pytest.fixture
def target(tmp_path):
    with override_settings(HUB_GEOGRAPHY_DIR=tmp_path / "geo"):
        force_areas.cache_clear()
        yield tmp_path / "geo"
    force_areas.cache_clear()


def test_loads_from_the_directory_and_the_hub_reads_the_copy(reference_dir, target, capsys):
    call_command("load_reference_data", dir=str(reference_dir))
    assert (target / geography.FORCE_AREAS_FILE).is_file()
    assert geography_dir() == target
    assert "45 force areas" in capsys.readouterr().out
    assert resolve_place("CF10").force_name == "South Wales Police"


def test_accepts_the_ons_field_names_from_a_file_url(reference_dir, target, tmp_path):
    data = json.loads((reference_dir / geography.FORCE_AREAS_FILE).read_text())
    for feature in data["features"]:
        props = feature["properties"]
        feature["properties"] = {"PFA23CD": props["pfa_code"], "PFA23NM": props["pfa_name"]}
    ons = tmp_path / "Police_Force_Areas_December_2023.geojson"
    ons.write_text(json.dumps(data))
    call_command("load_reference_data", dir=str(reference_dir), boundaries=ons.as_uri())
    assert resolve_place("LS1 4AP").pfa_code == "E23000010"


def test_a_broken_boundary_file_is_refused_and_the_copy_kept(reference_dir, target, tmp_path):
    call_command("load_reference_data", dir=str(reference_dir), verbosity=0)
    before = (target / geography.FORCE_AREAS_FILE).read_bytes()
    broken = tmp_path / "broken.geojson"
    broken.write_text('{"type": "FeatureCollection", "features": []}')
    with pytest.raises(CommandError, match="Geography files not loaded"):
        call_command("load_reference_data", dir=str(reference_dir), boundaries=str(broken))
    assert (target / geography.FORCE_AREAS_FILE).read_bytes() == before


def test_the_about_page_gives_the_data_attribution(client):
    page = client.get("/about/data/").content.decode()
    assert "Office for National Statistics" in page and "Royal Mail" in page
