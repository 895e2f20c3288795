"""Reading training files that are not clean: a non-finite coordinate or an unreadable field never crashes.

A bad coordinate counts as no place (the text and labels still teach); a row that cannot be read is reported
with its line number. The files are written here, with made-up texts.
"""

from __future__ import annotations

import csv
import json
import math

import pytest
from click.testing import CliRunner

from classifiers.context import Event, compute_contexts
from classifiers.datasets import read_dataset
from triage.cli import main

KATWIJK_FIELDS = ["id", "created_utc", "closed_utc", "category", "subcategory", "source", "region", "address"]
KATWIJK_FIELDS += ["lat", "lon", "description"]
TEXTS = {
    "Afval": ["Container vol met zakken ernaast", "Vuilniszakken naast de bak gezet", "Glasbak zit propvol"],
    "Verlichting": ["Lantaarnpaal brandt niet meer", "Straatlamp knippert de hele nacht", "Lamp in de paal kapot"],
}


def write_katwijk(path, coordinates):
    """A file in the Katwijk export's columns; `coordinates` gives (lat, lon) as written, row by row."""
    rows = []
    texts = [(category, text) for category, texts in TEXTS.items() for text in texts]
    for number, (lat, lon) in enumerate(coordinates):
        category, text = texts[number % len(texts)]
        rows.append(
            {
                "id": str(number),
                "created_utc": f"2024-07-{1 + number % 28:02d}T10:00:00Z",
                "closed_utc": "",
                "category": category,
                "subcategory": "",
                "source": "website",
                "region": "Noord",
                "address": "Dorpsstraat, Noord",
                "lat": lat,
                "lon": lon,
                "description": f"{text} bij huis {number}",
            }
        )
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, KATWIJK_FIELDS)
        writer.writeheader()
        writer.writerows(rows)
    return path


@pytest.mark.parametrize("bad", ["nan", "NaN", "inf", "-inf", "onbekend", "200"])
def test_a_non_finite_or_unreadable_coordinate_counts_as_no_place(tmp_path, bad):
    path = write_katwijk(tmp_path / "reports.csv", [("52.2", "4.4"), (bad, "4.4"), ("52.2", bad), ("52.2", "4.4")])
    dataset = read_dataset(path, "katwijk")
    assert dataset.errors == []
    assert [(r.lat, r.lon) for r in dataset.records] == [(52.2, 4.4), (None, None), (None, None), (52.2, 4.4)]


def test_reports_near_a_place_still_count_when_other_rows_have_nan_coordinates(tmp_path):
    path = write_katwijk(tmp_path / "reports.csv", [("52.2", "4.4"), ("nan", "nan"), ("52.2", "4.4")])
    records = read_dataset(path, "katwijk").records
    assert records[2].example.report.nearby_50m_30d == {"Afval": 1}
    assert records[1].example.report.nearby_50m_30d == {}


def test_context_skips_events_whose_coordinates_are_not_finite():
    events = [Event(0.0, "afval", 52.2, 4.4), Event(10.0, "afval", math.nan, 4.4), Event(20.0, "afval", 52.2, math.inf)]
    events.append(Event(30.0, "afval", 52.2, 4.4))
    contexts = compute_contexts(events)
    assert contexts[3].nearby_50m_30d == {"afval": 1}
    assert [c.nearby_50m_30d for c in contexts[:3]] == [{}, {}, {}]


def write_lines(path, lines):
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def label(**overrides):
    row = {"id": "1", "queue": "simple", "category": "afval", "source": "website", "text": "Container vol"}
    row["earlier_same_category_within_50m_30d"] = 0
    return json.dumps({**row, **overrides})


def test_unreadable_label_rows_are_reported_with_their_line_and_the_rest_is_read(tmp_path):
    lines = [label(id="1"), "{not json", label(id="3", text=12), "[1, 2]", label(id="5"), label(id="6", queue=None)]
    dataset = read_dataset(write_lines(tmp_path / "labels.jsonl", lines), "queue-labels")
    assert [r.id for r in dataset.records] == ["1", "5", "6"]
    assert [line for line, _ in dataset.errors] == [2, 3, 4]
    assert "not JSON" in dataset.errors[0][1]


def test_an_unreadable_nearby_count_or_coordinate_in_a_label_file_is_missing(tmp_path):
    lines = [label(earlier_same_category_within_50m_30d="veel", lat="nan", lon=4.4), label(lat=float("nan"))]
    dataset = read_dataset(write_lines(tmp_path / "labels.jsonl", lines), "queue-labels")
    assert dataset.errors == []
    assert dataset.records[0].example.report.nearby_50m_30d == {"afval": 0}
    assert {(r.lat, r.lon) for r in dataset.records} == {(None, None)}


def test_enriched_rows_are_marked_training_only_and_random_ones_are_not(tmp_path):
    lines = [label(id="1", sample="enriched"), label(id="2", sample="random"), label(id="3")]
    records = read_dataset(write_lines(tmp_path / "labels.jsonl", lines), "queue-labels").records
    assert [r.example.training_only for r in records] == [True, False, False]


def test_a_label_file_joined_with_the_reports_gets_their_time(tmp_path):
    lines = [label(created_utc="2024-12-01T23:30:00Z")]
    record = read_dataset(write_lines(tmp_path / "labels.jsonl", lines), "queue-labels").records[0]
    assert record.created.isoformat() == "2024-12-01T23:30:00+00:00"
    assert (record.example.report.hour, record.example.report.weekday) == (0, 0)  # Monday 00:30 in Amsterdam


def test_an_undecodable_byte_does_not_stop_the_file(tmp_path):
    path = tmp_path / "labels.jsonl"
    path.write_bytes(label(id="1").encode() + b"\n" + label(id="2", text="caf\xe9").encode("latin-1") + b"\n")
    dataset = read_dataset(path, "queue-labels")
    assert [r.id for r in dataset.records] == ["1", "2"] and dataset.errors == []


def test_train_and_evaluate_on_a_file_with_nan_coordinates_do_not_crash(tmp_path):
    coordinates = [("nan", "nan") if n % 3 == 0 else ("52.2", f"4.{n:02d}") for n in range(60)]
    path = write_katwijk(tmp_path / "reports.csv", coordinates)
    artifacts = ["--artifacts", str(tmp_path / "artifacts")]
    runner = CliRunner()
    trained = runner.invoke(
        main, ["train", "--task", "category", "--data", str(path), "--format", "katwijk", *artifacts]
    )
    assert trained.exit_code == 0, trained.output
    measured = runner.invoke(
        main, ["evaluate", "--task", "category", "--data", str(path), "--format", "katwijk", *artifacts]
    )
    assert measured.exit_code == 0, measured.output
    assert "n=60" in measured.output
