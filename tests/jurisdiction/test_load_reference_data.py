import pytest
from django.core.management import CommandError, call_command

from hatehub.jurisdiction.models import Force
from hatehub.jurisdiction.reference_files import ReferenceFileError, parse_forces


@pytest.mark.django_db
def test_loads_the_45_territorial_forces_and_btp(reference_dir, capsys):
    call_command("load_reference_data", dir=str(reference_dir))
    assert Force.objects.filter(territorial=True).count() == 45
    btp = Force.objects.get(police_uk_id="btp")
    assert btp.ons_code is None and not btp.territorial
    met = Force.objects.get(ons_code="E23000001")
    assert met.name == "Metropolitan Police" and met.country == "England"
    assert "46 added" in capsys.readouterr().out


@pytest.mark.django_db
def test_loading_twice_updates_and_never_duplicates(reference_dir):
    call_command("load_reference_data", dir=str(reference_dir))
    call_command("load_reference_data", dir=str(reference_dir))
    assert Force.objects.count() == 46


@pytest.mark.django_db
def test_accepts_the_official_ons_names_and_codes_file(tmp_path, reference_dir):
    call_command("load_reference_data", dir=str(reference_dir))
    official = tmp_path / "PFA_DEC_2023_EW_NC.csv"
    official.write_text(
        "\ufeffPFA23CD,PFA23NM,ObjectId\nE23000001,Metropolitan Police,1\nW15000001,North Wales,2\n"
    )
    call_command("load_reference_data", forces=official.as_uri())  # read through a file:// URL
    assert Force.objects.count() == 46  # matched by ONS code, nothing duplicated
    assert Force.objects.get(ons_code="W15000001").country == "Wales"


@pytest.mark.django_db
def test_a_wrong_file_is_refused_with_the_reason_and_changes_nothing(tmp_path):
    wrong = tmp_path / "forces.csv"
    wrong.write_text("name,population\nSomewhere,12\n")
    with pytest.raises(CommandError, match="expected columns pfa_code"):
        call_command("load_reference_data", forces=str(wrong))
    assert not Force.objects.exists()


def test_bad_codes_and_duplicates_are_reported_by_line():
    with pytest.raises(ReferenceFileError, match="Line 2: 'X1' is not an ONS area code"):
        parse_forces("pfa_code,force_name\nX1,Somewhere\n")
    with pytest.raises(ReferenceFileError, match="Line 3: force E23000001 appears twice"):
        parse_forces("PFA23CD,PFA23NM\nE23000001,A\nE23000001,B\n")


@pytest.mark.django_db
def test_a_missing_directory_says_how_to_fix_it(tmp_path):
    with pytest.raises(CommandError, match="HUB_REFERENCE_DIR"):
        call_command("load_reference_data", dir=str(tmp_path / "nowhere"))
