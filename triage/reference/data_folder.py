"""Where the shipped data lives: the product's folder, and in it the municipality's own folder (DATA_DIR).

The product ships, for every municipality, the triage policy and the demo corpus (data/); a municipality brings
its profile, areas, teams, categories, norms and demo history in a folder of its own. DATA_DIR names that folder;
without it, the folder data/default_data_dir.txt names is used, so the default is data, not code.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from pathlib import Path

PRODUCT_DATA_DIR = Path(__file__).resolve().parents[2] / "data"
DEFAULT_POINTER = PRODUCT_DATA_DIR / "default_data_dir.txt"


def configured_data_dir(environ: Mapping[str, str] = os.environ) -> Path:
    """The municipality's data folder: $DATA_DIR (relative to the working directory), else the shipped default."""
    if environ.get("DATA_DIR"):
        return Path(environ["DATA_DIR"]).resolve()
    return PRODUCT_DATA_DIR / DEFAULT_POINTER.read_text(encoding="utf-8").strip()


DEFAULT_DATA_DIR = configured_data_dir()  # read once: module-level defaults of the services use it


def read_json(path: Path):
    """A shipped data file (data/**/*.json), always read as UTF-8."""
    with path.open(encoding="utf-8") as handle:
        return json.load(handle)
