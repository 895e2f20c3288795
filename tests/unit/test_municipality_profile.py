"""The municipality is data: its profile comes from the data folder DATA_DIR names, and no code or text names it."""

import io
import re
from pathlib import Path

import pytest
from PIL import Image

from tests.factories import other_municipality
from triage.reference import (
    LogoRejected,
    ProfileForm,
    check_profile,
    contrast_with_white,
    prepare_logo,
    shipped_municipalities,
)
from triage.reference.data_folder import PRODUCT_DATA_DIR, configured_data_dir
from triage.reference.profile import load_profile

ROOT = Path(__file__).resolve().parents[2]
CODE_FOLDERS = ("triage", "web", "geo", "models", "classifiers")
THE_DEFAULT_NAME = re.compile("haarlem", re.IGNORECASE)  # the shipped municipality, named in data and tests only


def product_files() -> list[Path]:
    code = [path for folder in CODE_FOLDERS for path in (ROOT / folder).rglob("*.py")]
    texts = sorted((ROOT / "web" / "translations").glob("*.json"))
    templates = sorted((ROOT / "web" / "templates").rglob("*.*"))
    return code + texts + templates


def test_no_code_text_or_template_names_the_municipality():
    files = product_files()
    assert len(files) > 100, "the product's files were not found"
    naming = [str(path.relative_to(ROOT)) for path in files if THE_DEFAULT_NAME.search(path.read_text("utf-8"))]
    assert naming == []


def test_the_data_folder_is_data_dir_else_the_shipped_default():
    assert configured_data_dir({"DATA_DIR": "/srv/zuidstad"}) == Path("/srv/zuidstad")
    default = configured_data_dir({})
    assert default.parent == PRODUCT_DATA_DIR and (default / "municipality.json").is_file()


def test_the_profile_is_read_from_the_folder_given(tmp_path):
    folder = other_municipality(tmp_path, name="Zuidstad", open311_jurisdiction="zuidstad.nl", logo="img/zuidstad.svg")
    profile = load_profile(folder)
    assert (profile.name, profile.open311_jurisdiction, profile.logo) == ("Zuidstad", "zuidstad.nl", "img/zuidstad.svg")
    assert profile.area_files == load_profile().area_files
    assert load_profile().name != "Zuidstad"


def test_a_colour_that_is_not_a_css_colour_is_refused(tmp_path):
    folder = other_municipality(tmp_path, colour="red; } body { display: none")
    with pytest.raises(ValueError, match="colour"):
        load_profile(folder)


def test_the_contrast_of_white_text_on_the_house_colour_follows_wcag():
    assert contrast_with_white("#000000") == pytest.approx(21.0)
    assert contrast_with_white("#ffffff") == pytest.approx(1.0)
    assert contrast_with_white("#767676") == pytest.approx(4.54, abs=0.01)  # the lightest grey that passes AA
    assert contrast_with_white("red") is None


def test_every_shipped_data_folder_names_a_boundary_the_profile_screen_can_load():
    for folder in (PRODUCT_DATA_DIR / "haarlem", PRODUCT_DATA_DIR / "heemstede"):
        shipped = shipped_municipalities(folder)
        assert load_profile(folder).code in shipped
    haarlem = shipped_municipalities(PRODUCT_DATA_DIR / "haarlem")["GM0392"]
    assert (haarlem.wijken, haarlem.buurten) == (21, 111)


def test_the_profile_form_of_the_shipped_profile_passes_its_own_checks():
    profile = load_profile()
    assert check_profile(ProfileForm.of(profile)) == {}
    assert set(check_profile(ProfileForm())) == {
        "name",
        "code",
        "open311_jurisdiction",
        "mail_sender",
        "footer_nl",
        "footer_en",
        "colour",
    }


def test_a_logo_is_re_encoded_as_png_within_the_header_box_and_a_non_image_is_refused():
    source = io.BytesIO()
    Image.new("RGB", (2000, 1000), (10, 60, 120)).save(source, format="JPEG")
    logo = Image.open(io.BytesIO(prepare_logo(source.getvalue())))
    assert (logo.format, logo.size) == ("PNG", (320, 160))
    with pytest.raises(LogoRejected) as refused:
        prepare_logo(b"GIF89a not really")
    assert refused.value.code == "profile.logo.not_an_image"


def test_the_neighbours_report_page_is_found_by_the_name_the_wrong_door_gives(tmp_path):
    folder = other_municipality(tmp_path, neighbour_report_urls={"Amsterdam": "https://www.amsterdam.nl/melding"})
    profile = load_profile(folder)
    assert profile.report_url_of("amsterdam") == "https://www.amsterdam.nl/melding"
    assert profile.report_url_of("Zandvoort") == ""
