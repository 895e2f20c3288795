"""The `triage` command line: training, listing, evaluating, promoting and rolling back artifacts.

Runs the real CLI through click's test runner on a small queue-labelled file written here (texts written for
this test, not taken from residents' reports).
"""

from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner

from triage.cli import main

SIMPLE = [
    ("afval", "De container aan de Dorpsstraat is vol, er staan zakken naast."),
    ("afval", "Papierbak bij het winkelcentrum zit propvol."),
    ("afval", "Er staat een oude bank op de stoep bij nummer 14."),
    ("afval", "Glasbak vol bij de supermarkt."),
    ("afval", "Iemand heeft vuilniszakken naast de container gezet."),
    ("schoon", "Veel zwerfafval in de berm langs de Zeeweg."),
    ("schoon", "Hondenpoep op het trottoir voor de school."),
    ("schoon", "Graffiti op het transformatorhuisje bij het park."),
    ("schoon", "Glas op het fietspad bij de rotonde."),
    ("schoon", "De prullenbak bij de bushalte is vol."),
    ("wegen-verkeer-straatmeubilair", "De lantaarnpaal voor huisnummer 8 brandt niet."),
    ("wegen-verkeer-straatmeubilair", "Losse stoeptegel voor de bakker."),
    ("wegen-verkeer-straatmeubilair", "Straatlantaarn knippert de hele avond."),
    ("wegen-verkeer-straatmeubilair", "Verkeersbord staat scheef na de storm."),
    ("wegen-verkeer-straatmeubilair", "Kuil in het wegdek bij de ingang van de parkeerplaats."),
    ("wegen-verkeer-straatmeubilair", "Bankje in het plantsoen heeft een kapotte plank."),
    ("openbaar-groen-en-water", "Het gras in het speelveld is erg lang."),
    ("openbaar-groen-en-water", "Heg steekt ver over het fietspad."),
    ("openbaar-groen-en-water", "Onkruid tussen de tegels van het plein."),
    ("openbaar-groen-en-water", "Afgebroken tak ligt op het wandelpad."),
    ("overlast-in-de-openbare-ruimte", "Fietswrak staat al weken tegen het hek van de school."),
    ("overlast-in-de-openbare-ruimte", "Auto staat op de stoep geparkeerd."),
    ("overlast-van-dieren", "Dode meeuw op de stoep voor de apotheek."),
    ("overlast-van-dieren", "Dode duif in de goot."),
]

COMPLEX = [
    ("wegen-verkeer-straatmeubilair", "De stoep is verzakt, er ontstaat een gat in de grond bij de boom.", 0),
    ("wegen-verkeer-straatmeubilair", "Verzoek om een extra lantaarnpaal op het donkere pad naar het station.", 0),
    ("wegen-verkeer-straatmeubilair", "Graag een verkeersdrempel, er wordt veel te hard gereden in onze straat.", 0),
    ("wegen-verkeer-straatmeubilair", "Gevaarlijke kruising, fietsers worden steeds bijna aangereden.", 0),
    ("wegen-verkeer-straatmeubilair", "Weer een losse tegel op dezelfde plek voor de kerk.", 3),
    ("openbaar-groen-en-water", "De grote eik bij de vijver hangt scheef en dreigt om te vallen.", 0),
    ("openbaar-groen-en-water", "Na de regen is de hele straat ondergelopen, wateroverlast in de kelders.", 0),
    ("openbaar-groen-en-water", "Kunnen er meer speeltoestellen in het park komen?", 0),
    ("openbaar-groen-en-water", "Het riool stinkt en loopt over bij elke bui.", 2),
    ("afval", "Ratten bij de ondergrondse containers, ze lopen tot in de tuinen.", 0),
    ("afval", "Er ligt asbest tussen het gedumpte afval achter de garages.", 0),
    ("afval", "Alweer bijplaatsing bij dezelfde container naast de flat.", 4),
    ("overlast-bedrijven-en-horeca", "Het terras van het café staat zonder vergunning op de stoep.", 0),
    ("overlast-bedrijven-en-horeca", "Bouwbedrijf werkt elke zaterdag vanaf zes uur met zwaar materieel.", 0),
    ("wonen", "Het pand op de hoek wordt illegaal verbouwd tot kamers.", 0),
    ("civiele-constructies", "Scheur in de kademuur langs de gracht, stenen vallen eruit.", 0),
    ("overlast-op-het-water", "Woonboot ligt zonder ligplaats midden in de vaart.", 0),
    ("overlast-van-dieren", "Muizen en ongedierte in de groenstrook achter de flat.", 0),
]

MAATWERK = [
    ("wegen-verkeer-straatmeubilair", "Bel me terug, de stoep voor mijn huis is al maanden kapot."),
    ("wegen-verkeer-straatmeubilair", "Dit is voor de derde keer dat ik de lantaarnpaal meld, niemand reageert."),
    ("wegen-verkeer-straatmeubilair", "Mijn moeder zit in een rolstoel en kan door de opgebroken stoep niet weg."),
    ("wegen-verkeer-straatmeubilair", "Ik heb dit al vaker gemeld en er wordt niets aan gedaan, de maat is vol."),
    ("afval", "Ik ben ten einde raad, de buurman dumpt elke week zijn afval in mijn tuin."),
    ("afval", "Wil graag dat er een medewerker langs komt, de container staat pal voor mijn raam."),
    ("afval", "Mijn vader is 88 en slechtziend, de containers staan midden op de stoep."),
    ("schoon", "Ik kan het niet meer aan, de buren gooien hun rommel steeds over de schutting."),
    ("schoon", "Niemand doet iets aan de rommel, ik heb al drie keer gebeld. Bel mij terug."),
    ("overlast-van-en-door-personen-of-groepen", "Er slaapt al dagen een dakloze man in het portiek."),
    ("overlast-van-en-door-personen-of-groepen", "Een verwarde vrouw loopt schreeuwend over straat."),
    ("overlast-van-en-door-personen-of-groepen", "Ruzie met de buren over de geluidsoverlast, ik voel me bedreigd."),
    ("overlast-van-en-door-personen-of-groepen", "Jongeren intimideren mijn dementerende buurvrouw elke avond."),
    ("openbaar-groen-en-water", "De boom is nog steeds niet gesnoeid, graag contact met mij opnemen."),
    ("openbaar-groen-en-water", "Mijn zoon is gehandicapt en de rolstoel past niet langs de overhangende struiken."),
    ("openbaar-groen-en-water", "Belachelijk dat de melding als afgehandeld staat terwijl er niets is gebeurd!!!"),
    ("overlast-in-de-openbare-ruimte", "Wanhopig van de fietsen voor de deur, met mijn rollator kom ik er niet langs."),
    ("overlast-in-de-openbare-ruimte", "Graag een afspraak om de parkeerproblemen bij ons in de straat te bespreken."),
]


def queue_rows() -> list[dict]:
    rows = [{"queue": "simple", "category": c, "text": t, "near": 0} for c, t in SIMPLE]
    rows += [{"queue": "complex", "category": c, "text": t, "near": n} for c, t, n in COMPLEX]
    rows += [{"queue": "maatwerk", "category": c, "text": t, "near": 0} for c, t in MAATWERK]
    channels = ["website", "app", "telefoon", "email"]
    return [
        {
            "id": f"t-{i:03d}",
            "queue": row["queue"],
            "reason": f"test row for {row['queue']}",
            "category": row["category"],
            "source": channels[i % len(channels)],
            "earlier_same_category_within_50m_30d": row["near"],
            "text": row["text"],
        }
        for i, row in enumerate(rows)
    ]


def write_jsonl(path, rows) -> None:
    path.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), encoding="utf-8")


@pytest.fixture
def labelled_file(tmp_path):
    path = tmp_path / "queue_labels.jsonl"
    write_jsonl(path, queue_rows())
    return path


@pytest.fixture
def artifact_dir(tmp_path):
    return tmp_path / "artifacts"


@pytest.fixture
def triage(artifact_dir):
    """Runs `triage <args> --task queue --artifacts <tmp>` in-process and returns click's Result."""
    runner = CliRunner()

    def run(*args):
        return runner.invoke(main, [*map(str, args), "--task", "queue", "--artifacts", str(artifact_dir)])

    return run


@pytest.fixture
def trained(triage, labelled_file):
    """The version written (and promoted, being the first) by `triage train` on the labelled file."""
    result = triage("train", "--data", labelled_file, "--format", "queue-labels")
    assert result.exit_code == 0, result.output
    ((_, version),) = listed_versions(triage)
    return version


def listed_versions(triage) -> list[tuple[bool, str]]:
    """(promoted?, version) for each line of `triage artifacts list`."""
    result = triage("artifacts", "list")
    assert result.exit_code == 0, result.output
    return [(line.startswith("*"), line[2:].split()[0]) for line in result.output.splitlines() if line.strip()]


def pointer_file(artifact_dir) -> bytes:
    return (artifact_dir / "queue" / "promoted.json").read_bytes()


def test_the_written_file_has_enough_of_each_queue_for_cross_validation():
    rows = queue_rows()
    counts = {queue: sum(row["queue"] == queue for row in rows) for queue in ("simple", "complex", "maatwerk")}

    assert len(rows) == 60
    assert min(counts.values()) >= 5


def test_train_writes_a_queue_artifact_and_promotes_the_first(triage, labelled_file, artifact_dir):
    result = triage("train", "--data", labelled_file, "--format", "queue-labels")

    assert result.exit_code == 0, result.output
    assert "queue artifact" in result.output and "60 examples" in result.output
    ((promoted, version),) = listed_versions(triage)
    assert promoted is True
    assert f"promoted {version}" in result.output
    assert (artifact_dir / "queue" / version / "artifact.joblib").is_file()


def test_train_says_the_costs_and_enriched_weight_cross_validation_chose(triage, labelled_file):
    result = triage("train", "--data", labelled_file, "--format", "queue-labels")

    assert result.exit_code == 0, result.output
    assert re.search(r"chosen by cross-validation: a missed maatwerk costs \d\.\d as complex", result.output)


def test_artifacts_list_shows_size_figures_and_source(triage, trained):
    result = triage("artifacts", "list")

    assert result.exit_code == 0
    (line,) = result.output.splitlines()
    assert line.startswith(f"* {trained}")
    assert "n=60" in line
    assert re.search(r"macro-F1=(0|1)\.\d{3}", line)
    assert "queue-labels:queue_labels.jsonl" in line


def test_evaluate_writes_json_figures_and_a_png(triage, trained, labelled_file, tmp_path):
    out = tmp_path / "out.json"

    result = triage("evaluate", "--data", labelled_file, "--format", "queue-labels", "--json", out)

    assert result.exit_code == 0, result.output
    figures = json.loads(out.read_text())
    expected = {"accuracy", "macro_f1", "per_class", "confusion_matrix", "expected_calibration_error"}
    assert expected | {"automation_curve"} <= set(figures)
    assert figures["n"] == 60
    assert figures["artifact"] == trained
    assert set(figures["per_class"]) == {"simple", "complex", "maatwerk"}
    assert sum(map(sum, figures["confusion_matrix"])) == 60
    assert 0.0 <= figures["accuracy"] <= 1.0
    assert figures["automation_curve"][0]["share_automated"] == 1.0
    assert out.with_suffix(".png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_evaluate_without_any_artifact_fails_clearly(triage, labelled_file, tmp_path):
    out = tmp_path / "out.json"

    result = triage("evaluate", "--data", labelled_file, "--format", "queue-labels", "--json", out)

    assert result.exit_code == 1
    assert "no usable promoted queue artifact" in result.output
    assert not out.exists()


def test_promoting_an_unknown_version_fails_clearly_and_changes_nothing(triage, trained, artifact_dir):
    listed, pointer = listed_versions(triage), pointer_file(artifact_dir)

    result = triage("artifacts", "promote", "20990101-000000-unknown")

    assert result.exit_code == 1
    assert result.output.startswith("Error: ")
    assert "20990101-000000-unknown" in result.output
    assert "Traceback" not in result.output
    assert listed_versions(triage) == listed
    assert pointer_file(artifact_dir) == pointer


def test_rollback_without_history_fails_clearly_and_changes_nothing(triage, trained, artifact_dir):
    pointer = pointer_file(artifact_dir)

    result = triage("artifacts", "rollback")

    assert result.exit_code == 1
    assert "no earlier promoted queue artifact to roll back to" in result.output
    assert pointer_file(artifact_dir) == pointer
    assert listed_versions(triage) == [(True, trained)]


def test_promote_then_rollback_switches_between_versions(triage, trained, tmp_path):
    fewer = tmp_path / "fewer_labels.jsonl"
    write_jsonl(fewer, queue_rows()[:-3])
    result = triage("train", "--data", fewer, "--format", "queue-labels")
    assert result.exit_code == 0, result.output
    assert "promoted" not in result.output  # one is promoted already
    (newer,) = [version for _, version in listed_versions(triage) if version != trained]

    promoted = triage("artifacts", "promote", newer)
    assert promoted.exit_code == 0, promoted.output
    assert (True, newer) in listed_versions(triage)

    rolled = triage("artifacts", "rollback")
    assert rolled.exit_code == 0, rolled.output
    assert f"rolled back to {trained}" in rolled.output
    assert (True, trained) in listed_versions(triage)
