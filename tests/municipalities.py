"""Another municipality for tests: a copy of the shipped data folder with its profile changed."""

import json
import shutil
from pathlib import Path

from triage.reference.data_folder import DEFAULT_DATA_DIR


def other_municipality(tmp_path: Path, **changes) -> Path:
    """The same areas, teams and categories (so the same places are in and out), under another profile."""
    folder = tmp_path / "zuidstad"
    shutil.copytree(DEFAULT_DATA_DIR, folder)
    profile = json.loads((folder / "municipality.json").read_text(encoding="utf-8"))
    (folder / "municipality.json").write_text(json.dumps({**profile, **changes}), encoding="utf-8")
    return folder
