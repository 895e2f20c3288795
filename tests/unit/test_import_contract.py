"""The direction of dependencies in DESIGN.md, kept by reading the imports (ast) of every module.

models -> geo, classifiers -> triage's feature packages (in FEATURES order) -> triage's entry modules -> web.
A module may import what stands before it (and its own package); web imports feature packages, not their insides.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.support.python_source import parse

ROOT = Path(__file__).resolve().parents[2]
PROJECT = ("models", "geo", "classifiers", "triage", "web")

# triage's feature packages, each allowed to import only those before it.
FEATURES = (
    "kernel",
    "reference",
    "staff",
    "norms",
    "notifications",
    "proposals",
    "intake",
    "inbox",
    "workflow",
    "open311",
    "monitoring",
    "demo_history",
)
# Entry modules: they may import every feature, and those before them here.
ENTRIES = ("periodic", "jobs", "worker", "schedule", "backup", "cli")


def layer(module: str) -> tuple[int, int]:
    """(tier, rank within tier) of a dotted module name; lower may not import higher."""
    parts = module.split(".")
    top = parts[0]
    if top == "models":
        return (0, 0)
    if top == "geo":
        return (1, 0)
    if top == "classifiers":
        return (1, 0)
    if top == "web":
        return (4, 0)
    if len(parts) == 1:  # the triage package itself
        return (2, -1)
    if parts[1] in FEATURES:
        return (2, FEATURES.index(parts[1]))
    if parts[1] in ENTRIES:
        return (3, ENTRIES.index(parts[1]))
    raise AssertionError(f"{module}: not in a declared feature package or entry module of triage/")


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def project_imports(path: Path) -> list[tuple[int, str]]:
    """(line, dotted name) of every import of our own packages, including imports inside functions."""
    found = []
    for node in ast.walk(parse(path)):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [f"{node.module}.{alias.name}" for alias in node.names]
            found += [(node.lineno, name if _is_module(name) else node.module) for name in names]
    return sorted({(line, name) for line, name in found if name.split(".")[0] in PROJECT})


def _is_module(dotted: str) -> bool:
    base = ROOT.joinpath(*dotted.split("."))
    return base.with_suffix(".py").is_file() or (base / "__init__.py").is_file()


def source_files() -> list[Path]:
    return sorted(p for top in PROJECT for p in (ROOT / top).rglob("*.py") if "migrations" not in p.parts)


def same_home(importer: str, imported: str) -> bool:
    """Inside one top-level folder (models, geo, classifiers, web), or one feature package of triage."""
    if importer.split(".")[0] != imported.split(".")[0]:
        return False
    return importer.split(".")[0] != "triage" or importer.split(".")[:2] == imported.split(".")[:2]


def arrow_against_order(importer: str, imported: str) -> bool:
    if same_home(importer, imported):
        return False
    if importer.split(".")[0] == "geo" and imported.split(".")[0] == "classifiers":
        return True
    if importer.split(".")[0] == "classifiers" and imported.split(".")[0] != "classifiers":
        return True  # classifiers receive plain values: no database, no geo, no triage
    return layer(imported) > layer(importer) or (layer(imported) == layer(importer) and importer != imported)


def test_every_import_follows_the_declared_order():
    wrong = [
        f"{path.relative_to(ROOT)}:{line}: {module_name(path)} imports {imported}"
        for path in source_files()
        for line, imported in project_imports(path)
        if arrow_against_order(module_name(path), imported)
    ]
    assert not wrong, "\n".join(wrong)


def test_web_imports_feature_packages_not_their_insides():
    inside = [
        f"{path.relative_to(ROOT)}:{line}: {imported}"
        for path in (ROOT / "web").rglob("*.py")
        for line, imported in project_imports(path)
        if imported.startswith("triage.") and imported.split(".")[1] in FEATURES and imported.count(".") > 1
    ]
    assert not inside, "\n".join(inside)


def test_every_triage_module_belongs_to_a_declared_package():
    for path in (ROOT / "triage").rglob("*.py"):
        layer(module_name(path))


def test_every_feature_package_says_what_it_owns():
    for feature in FEATURES:
        assert ast.get_docstring(parse(ROOT / "triage" / feature / "__init__.py")), feature


@pytest.mark.parametrize(
    ("importer", "imported", "wrong"),
    [
        ("triage.kernel.audit", "triage.workflow.transitions", True),
        ("triage.workflow.transitions", "triage.kernel.audit", False),
        ("triage.norms.due_times", "triage.norms.clock", False),
        ("models.report", "geo.areas", True),
        ("geo.areas", "models", False),
        ("classifiers.features", "models", True),
        ("triage.intake.submission", "web.jobs", True),
        ("triage.jobs", "triage.proposals.pipeline", False),
        ("triage.proposals.pipeline", "triage.jobs", True),
        ("web.team", "triage.workflow", False),
    ],
)
def test_the_rule_itself(importer, imported, wrong):
    assert arrow_against_order(importer, imported) is wrong
