"""Importing a municipality's historical reports as training examples (`triage import-history`).

Rows that cannot be read, or have no text or no category, are reported with their line numbers and left
out; the rest is written in the caller's single transaction, so a failure part-way leaves nothing behind.
Importing the same file again updates the same rows (by source and external id).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from classifiers.datasets import Record, read_dataset
from models import TrainingExample

HISTORY_FORMATS = ("katwijk", "signalen")


@dataclass
class ImportResult:
    imported: int = 0
    updated: int = 0
    errors: list[tuple[int, str]] = field(default_factory=list)


def _problem(record: Record) -> str | None:
    if not record.example.report.text.strip():
        return "no text"
    if not record.example.category:
        return "no category"
    return None


def import_history(session: Session, path: Path, fmt: str, now: datetime) -> ImportResult:
    if fmt not in HISTORY_FORMATS:
        raise ValueError(f"unknown history format {fmt!r}; choose {' or '.join(HISTORY_FORMATS)}")
    dataset = read_dataset(path, fmt, with_context=False)
    result = ImportResult(errors=list(dataset.errors))
    for record in dataset.records:
        problem = _problem(record)
        if problem:
            result.errors.append((record.line, problem))
            continue
        _upsert(session, record, fmt, now, result)
    session.flush()
    result.errors.sort()
    return result


def _upsert(session: Session, record: Record, source: str, now: datetime, result: ImportResult) -> None:
    example = session.scalar(
        select(TrainingExample).where(TrainingExample.source == source, TrainingExample.external_id == record.id)
    )
    if example is None:
        example = TrainingExample(source=source, external_id=record.id)
        session.add(example)
        result.imported += 1
    else:
        result.updated += 1
    labelled = record.example
    example.text = labelled.report.text
    example.category, example.subcategory, example.queue = labelled.category, labelled.subcategory, labelled.queue
    example.channel = labelled.report.channel
    example.lat, example.lon = record.lat, record.lon
    example.created_at, example.closed_at, example.imported_at = record.created, record.closed, now
