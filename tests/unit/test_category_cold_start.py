"""A configured category without a single report yet: known by its name and words, proposed for a text that names
it, and then always to a person. Trained once on the demo corpus without its animal reports (a few seconds)."""

from __future__ import annotations

import copy

import pytest

from classifiers.category import NAME_ONLY_CONFIDENCE
from classifiers.datasets import read_dataset
from classifiers.inputs import ConfiguredCategory, ReportInput
from classifiers.training import train_category
from triage.proposals.sources import DEMO_CORPUS
from triage.reference import configured_categories_in
from triage.reference.data_folder import PRODUCT_DATA_DIR

ANIMALS = "overlast-van-dieren"


@pytest.fixture(scope="module")
def configured() -> list[ConfiguredCategory]:
    return configured_categories_in(PRODUCT_DATA_DIR / "haarlem")


@pytest.fixture(scope="module")
def without_animals():
    return [e for e in read_dataset(DEMO_CORPUS, "demo").examples if e.category != ANIMALS]


@pytest.fixture(scope="module")
def trained(without_animals, configured):
    classifier, _ = train_category(without_animals, configured=configured)
    return classifier


def test_the_data_folder_configures_each_active_main_category_with_its_names_and_descriptions(configured):
    animals = next(c for c in configured if c.name == ANIMALS)

    assert animals.texts[0] == "Overlast van dieren" and animals.texts[1].startswith("U heeft last van dieren")
    assert "Ratten" in animals.texts
    assert len(animals.texts) > 10  # the main category's name and description, then each sub category's


def test_a_configured_category_without_reports_is_proposed_for_a_text_that_names_it(trained):
    proposal = trained.propose([ReportInput(text="Veel ratten bij de vuilnisbakken in het plantsoen")])[0]

    assert trained.known_by_name_only == {ANIMALS}
    assert proposal.category == ANIMALS
    assert "known_by_name_only" in [r.details.get("key") for r in proposal.reasons]


def test_a_category_known_only_by_its_name_never_routes_without_a_person(trained):
    trusting = copy.deepcopy(trained)
    trusting.threshold = 0.0  # even where every other proposal would route on its own
    proposal = trusting.propose([ReportInput(text="Meeuwen pikken de vuilniszakken open")], explain=False)[0]

    assert proposal.category == ANIMALS
    assert proposal.needs_person is True and proposal.confidence <= NAME_ONLY_CONFIDENCE


def test_categories_learnt_from_reports_are_not_changed_by_their_configuration(trained):
    proposal = trained.propose([ReportInput(text="De lantaarnpaal voor mijn huis is kapot")], explain=False)[0]

    assert proposal.category == "wegen-verkeer-straatmeubilair"
    assert "known_by_name_only" not in [r.details.get("key") for r in proposal.reasons]


def test_configured_names_another_system_does_not_use_are_left_out(without_animals):
    """A file labelled with names where the product has slugs would otherwise get every category twice."""
    elsewhere = [ConfiguredCategory("Openbaar groen", ("Openbaar groen", "Gras maaien"))]

    classifier, _ = train_category(without_animals[:400], configured=elsewhere)

    assert classifier.known_by_name_only == set() and "Openbaar groen" not in classifier.labels
