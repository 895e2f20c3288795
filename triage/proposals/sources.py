"""Where the classifiers' inputs come from in this product: shipped files, rules and the category taxonomy."""

from __future__ import annotations

import json
import os
from pathlib import Path

from classifiers.rules import RuleSet
from models.database import instance_dir
from triage.reference.data_folder import DEFAULT_DATA_DIR, PRODUCT_DATA_DIR

DEMO_CORPUS = PRODUCT_DATA_DIR / "demo_corpus.jsonl"  # the product's, for every municipality
RULES_FILE = PRODUCT_DATA_DIR / "triage_rules.json"  # the triage policy
DEMO_TRACKING_PREFIX = "DEMO-"  # the demo history's reports: their officers' decisions are made up


def artifact_root() -> Path:
    """ARTIFACT_DIR, or instance/artifacts beside the embedded database."""
    return Path(os.environ.get("ARTIFACT_DIR", instance_dir() / "artifacts"))


def main_category_queues(data_dir: Path = DEFAULT_DATA_DIR) -> dict[str, str]:
    """A main category's default queue, where all its sub-categories agree on one that is not simple.

    The categories are the municipality's (its data folder); the rules they feed are the product's."""
    with (data_dir / "categories.json").open(encoding="utf-8") as handle:
        taxonomy = json.load(handle)
    queues = {}
    for main in taxonomy["main_categories"]:
        defaults = {sub["default_queue"] for sub in main["subcategories"] if sub.get("is_active", True)}
        if len(defaults) == 1 and defaults != {"simple"}:
            queues[main["slug"]] = defaults.pop()
    return queues


def product_rules(rules_file: Path = RULES_FILE) -> RuleSet:
    return RuleSet.from_file(rules_file, main_category_queues())
