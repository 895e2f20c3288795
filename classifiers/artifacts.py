"""Versioned artifacts: a trained classifier in joblib plus its metadata, and which version is promoted.

Layout under the root (instance/artifacts by default):
    <task>/<version>/artifact.joblib
    <task>/<version>/metadata.json
    <task>/promoted.json       {"current": version, "history": [earlier versions, newest last]}
The app loads the promoted version at start; if it is corrupt or incompatible it says so clearly and falls
back to the previously promoted one.
"""

from __future__ import annotations

import hashlib
import json
import logging
import platform
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import joblib
import sklearn

FORMAT_VERSION = 1
log = logging.getLogger(__name__)


class ArtifactError(RuntimeError):
    pass


@dataclass(frozen=True)
class LoadedArtifact:
    version: str
    classifier: object
    metadata: dict


def data_fingerprint(lines: list[str]) -> str:
    digest = hashlib.sha256()
    for line in lines:
        digest.update(line.encode("utf-8", "surrogatepass"))
        digest.update(b"\n")
    return digest.hexdigest()


def _sklearn_series() -> str:
    return ".".join(sklearn.__version__.split(".")[:2])


class ArtifactStore:
    def __init__(self, root: str | Path) -> None:
        self.root = Path(root)

    def _task_dir(self, task: str) -> Path:
        return self.root / task

    def save(self, task: str, classifier: object, metadata: dict, now: datetime | None = None) -> str:
        now = now or datetime.now(UTC)
        version, folder = self._new_folder(task, now, metadata.get("training_data_sha256", "")[:8] or "nodata")
        joblib.dump(classifier, folder / "artifact.joblib", compress=3)
        full = {
            **metadata,
            "version": version,
            "task": task,
            "created": now.isoformat(),
            "format_version": FORMAT_VERSION,
            "sklearn": sklearn.__version__,
            "python": platform.python_version(),
            "size_bytes": (folder / "artifact.joblib").stat().st_size,
        }
        (folder / "metadata.json").write_text(json.dumps(full, indent=2, ensure_ascii=False))
        return version

    def _new_folder(self, task: str, now: datetime, data_hash: str) -> tuple[str, Path]:
        """A fresh version folder; two trainings on the same data in one second get -2, -3, ..."""
        base = f"{now:%Y%m%d-%H%M%S}-{data_hash}"
        for attempt in range(1, 1000):
            version = base if attempt == 1 else f"{base}-{attempt}"
            folder = self._task_dir(task) / version
            try:
                folder.mkdir(parents=True, exist_ok=False)
                return version, folder
            except FileExistsError:
                continue
        raise ArtifactError(f"cannot find a free version name for {base}")

    def versions(self, task: str) -> list[dict]:
        folder = self._task_dir(task)
        if not folder.is_dir():
            return []
        found = []
        for meta in sorted(folder.glob("*/metadata.json")):
            try:
                found.append(json.loads(meta.read_text()))
            except (OSError, ValueError):
                found.append({"version": meta.parent.name, "error": "metadata unreadable"})
        return found

    def _pointer(self, task: str) -> dict:
        path = self._task_dir(task) / "promoted.json"
        return json.loads(path.read_text()) if path.exists() else {"current": None, "history": []}

    def _write_pointer(self, task: str, pointer: dict) -> None:
        path = self._task_dir(task) / "promoted.json"
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(".tmp")
        temporary.write_text(json.dumps(pointer, indent=2))
        temporary.replace(path)

    def promoted(self, task: str) -> str | None:
        return self._pointer(task)["current"]

    def promote(self, task: str, version: str) -> None:
        if not (self._task_dir(task) / version / "artifact.joblib").exists():
            raise ArtifactError(f"no {task} artifact with version {version}")
        pointer = self._pointer(task)
        if pointer["current"] and pointer["current"] != version:
            pointer["history"].append(pointer["current"])
        pointer["current"] = version
        self._write_pointer(task, pointer)

    def rollback(self, task: str) -> str:
        pointer = self._pointer(task)
        if not pointer["history"]:
            raise ArtifactError(f"no earlier promoted {task} artifact to roll back to")
        pointer["current"] = pointer["history"].pop()
        self._write_pointer(task, pointer)
        return pointer["current"]

    def load(self, task: str, version: str) -> LoadedArtifact:
        folder = self._task_dir(task) / version
        if not folder.is_dir():
            raise ArtifactError(f"no {task} artifact with version {version}")
        try:
            metadata = json.loads((folder / "metadata.json").read_text())
        except (OSError, ValueError) as error:
            raise ArtifactError(f"{task} artifact {version}: metadata unreadable ({error})") from error
        self._check_compatible(metadata)
        try:
            classifier = joblib.load(folder / "artifact.joblib")
        except Exception as error:  # a truncated or foreign pickle raises almost anything
            raise ArtifactError(f"{task} artifact {version} is corrupt: {type(error).__name__}: {error}") from error
        return LoadedArtifact(version, classifier, metadata)

    def _check_compatible(self, metadata: dict) -> None:
        if metadata.get("format_version") != FORMAT_VERSION:
            raise ArtifactError(
                f"artifact {metadata.get('version')} has format {metadata.get('format_version')}, "
                f"this code reads format {FORMAT_VERSION}: retrain it"
            )
        saved = ".".join(str(metadata.get("sklearn", "")).split(".")[:2])
        if saved != _sklearn_series():
            raise ArtifactError(
                f"artifact {metadata.get('version')} was made with scikit-learn {saved}, "
                f"this is {_sklearn_series()}: retrain it"
            )

    def load_promoted(self, task: str) -> LoadedArtifact:
        """The promoted artifact, or else the newest earlier promoted one that still loads."""
        pointer = self._pointer(task)
        candidates = [pointer["current"], *reversed(pointer["history"])] if pointer["current"] else []
        problems = []
        for version in candidates:
            try:
                return self.load(task, version)
            except ArtifactError as error:
                log.error("cannot use %s", error)
                problems.append(str(error))
        raise ArtifactError(
            f"no usable promoted {task} artifact under {self.root}" + (": " + "; ".join(problems) if problems else "")
        )
