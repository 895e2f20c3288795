"""The classifiers as `triage setup` trains them on a new install (the shipped demo corpus), trained once a session.

Training both on the demo corpus takes 15 to 25 seconds here, and a dozen test modules need a set-up install only
to test something else (Redis going down, rq recovering jobs, the write lock). They get a copy of these, which
`setup` finds promoted and keeps, so it trains nothing. The tests of training itself (test_setup_command's first
run, test_classifier_training, retraining) still train.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from classifiers.artifacts import ArtifactStore
from classifiers.datasets import read_dataset
from triage.proposals import DEMO_CORPUS, ThresholdOrigin, product_rules, train_and_store


@pytest.fixture(scope="session")
def demo_artifact_folder(tmp_path_factory) -> Path:
    """Both classifiers trained on the demo corpus and promoted, exactly as web.cli's setup trains them."""
    root = tmp_path_factory.mktemp("demo-artifacts")
    store = ArtifactStore(root)
    examples = read_dataset(DEMO_CORPUS, "demo").examples
    for task in ("category", "queue"):
        origin = ThresholdOrigin.demo(examples)
        train_and_store(store, task, examples, product_rules(), "demo:" + DEMO_CORPUS.name, lambda _c: True, origin)
    return root


def copy_of(folder: Path, target: Path) -> Path:
    """A test's own copy: what a test does to its artifacts (promote, break one) stays in that test."""
    shutil.copytree(folder, target)
    return target


@pytest.fixture
def set_up_artifacts(demo_artifact_folder, tmp_path) -> Path:
    """A copy for this test at tmp_path/artifacts: point ARTIFACT_DIR at it and `setup` trains nothing."""
    return copy_of(demo_artifact_folder, tmp_path / "artifacts")
