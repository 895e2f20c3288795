"""Versioned classifier artifacts: saving, loading, promoting, rolling back and refusing what cannot be used."""

from __future__ import annotations

import json
import logging
from datetime import UTC, datetime, timedelta

import pytest
from sklearn.model_selection import train_test_split

from classifiers.artifacts import FORMAT_VERSION, ArtifactError, ArtifactStore
from classifiers.datasets import read_dataset
from classifiers.inputs import ReportInput
from classifiers.training import candidate_is_not_worse, fingerprint, metadata, train_category
from triage.proposals.sources import DEMO_CORPUS

TASK = "category"
T0 = datetime(2025, 3, 1, 9, 0, tzinfo=UTC)
PROBES = [
    ReportInput(text="De lantaarnpaal voor mijn deur brandt niet"),
    ReportInput(text="Container vol, zakken ernaast", channel="app"),
    ReportInput(text=""),
    ReportInput(text="Er ligt hondenpoep op de stoep bij de school"),
]


@pytest.fixture(scope="module")
def examples():
    demo = read_dataset(DEMO_CORPUS, "demo").examples
    subset, _ = train_test_split(demo, train_size=400, random_state=0, stratify=[e.category for e in demo])
    return subset


@pytest.fixture(scope="module")
def trained(examples):
    """A small category classifier (400 demo reports) with its metadata, trained once."""
    classifier, metrics = train_category(examples)
    return classifier, metadata(TASK, examples, metrics, "demo:demo_corpus.jsonl")


@pytest.fixture
def store(tmp_path) -> ArtifactStore:
    return ArtifactStore(tmp_path / "artifacts")


@pytest.fixture
def two_versions(store, trained):
    """Two saved artifacts, an hour apart, the second promoted after the first."""
    classifier, meta = trained
    first = store.save(TASK, classifier, meta, now=T0)
    second = store.save(TASK, classifier, meta, now=T0 + timedelta(hours=1))
    store.promote(TASK, first)
    store.promote(TASK, second)
    return first, second


def pointer_file(store: ArtifactStore) -> bytes:
    return (store.root / TASK / "promoted.json").read_bytes()


def edit_metadata(store: ArtifactStore, version: str, **changes) -> None:
    path = store.root / TASK / version / "metadata.json"
    path.write_text(json.dumps({**json.loads(path.read_text()), **changes}))


def predictions(classifier) -> list[tuple[str, float, str | None]]:
    return [(p.category, p.confidence, p.subcategory) for p in classifier.propose(PROBES)]


def test_saved_artifact_loads_and_predicts_the_same(store, trained):
    classifier, meta = trained
    version = store.save(TASK, classifier, meta, now=T0)

    loaded = store.load(TASK, version)

    assert loaded.version == version
    assert predictions(loaded.classifier) == predictions(classifier)
    assert loaded.classifier.threshold == classifier.threshold


def test_loaded_artifact_still_explains_its_proposals(store, trained):
    classifier, meta = trained
    version = store.save(TASK, classifier, meta, now=T0)

    (proposal,) = store.load(TASK, version).classifier.propose(PROBES[:1])

    assert any(reason.kind == "text" for reason in proposal.reasons)


def test_versions_list_metadata_of_each_saved_artifact(store, trained, examples):
    classifier, meta = trained
    first = store.save(TASK, classifier, meta, now=T0)
    second = store.save(TASK, classifier, meta, now=T0 + timedelta(minutes=5))

    versions = store.versions(TASK)

    assert [v["version"] for v in versions] == [first, second]
    for info in versions:
        assert info["training_data_sha256"] == fingerprint(examples, TASK)
        assert info["training_size"] == 400
        assert info["labels"] == sorted({e.category for e in examples})
        assert 0.0 < info["metrics"]["macro_f1"] <= 1.0
        assert "accuracy" in info["metrics"]
        assert info["task"] == TASK
        assert info["format_version"] == FORMAT_VERSION
        assert info["size_bytes"] > 0


def test_version_name_carries_the_time_and_data_fingerprint(store, trained):
    classifier, meta = trained

    version = store.save(TASK, classifier, meta, now=T0)

    assert version == f"20250301-090000-{meta['training_data_sha256'][:8]}"


def test_no_versions_and_nothing_promoted_in_an_empty_store(store):
    assert store.versions(TASK) == []
    assert store.promoted(TASK) is None


def test_promote_makes_a_version_current(store, two_versions):
    first, second = two_versions

    assert store.promoted(TASK) == second
    assert store.load_promoted(TASK).version == second


def test_rollback_returns_to_the_previously_promoted_version(store, two_versions):
    first, _ = two_versions

    assert store.rollback(TASK) == first
    assert store.promoted(TASK) == first
    assert store.load_promoted(TASK).version == first


def test_rollback_without_history_is_refused_and_changes_nothing(store, two_versions):
    store.rollback(TASK)
    before = pointer_file(store)

    with pytest.raises(ArtifactError, match="no earlier promoted category artifact"):
        store.rollback(TASK)

    assert pointer_file(store) == before


def test_rollback_in_an_empty_store_is_refused(store):
    with pytest.raises(ArtifactError, match="no earlier promoted"):
        store.rollback(TASK)


def test_promoting_an_unknown_version_is_refused_and_changes_nothing(store, two_versions):
    before = pointer_file(store)

    with pytest.raises(ArtifactError, match="no category artifact with version 20990101-000000-nothing"):
        store.promote(TASK, "20990101-000000-nothing")

    assert pointer_file(store) == before


def test_corrupt_promoted_artifact_falls_back_to_the_previously_promoted(store, two_versions, caplog):
    first, second = two_versions
    (store.root / TASK / second / "artifact.joblib").write_bytes(b"\x00garbage, not a joblib file\xff" * 10)

    with caplog.at_level(logging.ERROR, logger="classifiers.artifacts"):
        loaded = store.load_promoted(TASK)

    assert loaded.version == first
    assert predictions(loaded.classifier)  # the fallback really works
    assert any(second in record.getMessage() and "corrupt" in record.getMessage() for record in caplog.records)


def test_corrupt_artifact_without_a_good_earlier_one_is_refused_clearly(store, trained):
    classifier, meta = trained
    version = store.save(TASK, classifier, meta, now=T0)
    store.promote(TASK, version)
    (store.root / TASK / version / "artifact.joblib").write_bytes(b"garbage")

    with pytest.raises(ArtifactError) as refused:
        store.load_promoted(TASK)

    message = str(refused.value)
    assert "no usable promoted category artifact" in message
    assert f"{version} is corrupt" in message


def test_load_promoted_with_nothing_promoted_is_refused(store):
    with pytest.raises(ArtifactError, match="no usable promoted category artifact"):
        store.load_promoted(TASK)


def test_artifact_of_another_format_version_is_refused(store, trained):
    classifier, meta = trained
    version = store.save(TASK, classifier, meta, now=T0)
    edit_metadata(store, version, format_version=FORMAT_VERSION + 1)

    with pytest.raises(ArtifactError, match=f"format {FORMAT_VERSION + 1}.*retrain"):
        store.load(TASK, version)


def test_artifact_made_with_another_scikit_learn_series_is_refused(store, trained):
    classifier, meta = trained
    version = store.save(TASK, classifier, meta, now=T0)
    edit_metadata(store, version, sklearn="0.24.2")

    with pytest.raises(ArtifactError, match="scikit-learn 0.24.*retrain"):
        store.load(TASK, version)


def test_incompatible_promoted_artifact_falls_back_to_the_previously_promoted(store, two_versions):
    first, second = two_versions
    edit_metadata(store, second, sklearn="0.24.2")

    assert store.load_promoted(TASK).version == first


def test_retrain_gate_refuses_a_worse_candidate():
    assert candidate_is_not_worse({"macro_f1": 0.80}, {"macro_f1": 0.79}) is False


def test_retrain_gate_accepts_an_equal_or_better_candidate():
    assert candidate_is_not_worse({"macro_f1": 0.80}, {"macro_f1": 0.80}) is True
    assert candidate_is_not_worse({"macro_f1": 0.80}, {"macro_f1": 0.85}) is True


def test_retrain_gate_tolerance_allows_a_small_drop():
    assert candidate_is_not_worse({"macro_f1": 0.80}, {"macro_f1": 0.79}, tolerance=0.02) is True
