"""The municipality is data: its profile comes from the data folder DATA_DIR names, and no code or text names it."""

import re
from pathlib import Path

import pytest

from tests.factories import other_municipality
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
