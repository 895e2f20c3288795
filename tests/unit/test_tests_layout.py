"""The tests share code in two places only: tests/factories.py (domain factories) and tests/support/ (the rest).

A test module that imports another test module (or a conftest, or a helper lying beside the tests) makes
one test file depend on another's insides: renaming a test breaks a stranger. The rule, read from every
Python file under tests/ with ast, imports inside functions included:
- nothing imports a test module (test_*.py) or a conftest.py, and no file imports relatively;
- from the tests package a file imports only tests.factories and tests.support (and its modules);
- tests.factories imports nothing from tests: it is the bottom layer, support builds on it;
- the benchmarks (scripts, not tests) may also import each other.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.support.python_source import parse

TESTS = Path(__file__).resolve().parents[1]
SHARED = ("tests.factories", "tests.support")
BENCHMARKS = "tests.benchmarks"


def module_name(path: Path) -> str:
    parts = path.relative_to(TESTS.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported_modules(tree: ast.AST) -> list[str]:
    """Every module a file imports; `from tests import x` names tests.x, a relative import starts with '.'."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level:
            found.append("." * node.level + (node.module or ""))
        elif isinstance(node, ast.ImportFrom) and node.module == "tests":
            found += [f"tests.{alias.name}" for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            found.append(node.module)
    return found


def within(name: str, package: str) -> bool:
    return name == package or name.startswith(package + ".")


def refusal(importer: str, imported: str) -> str | None:
    """Why `importer` may not import `imported`, or None when it may."""
    if imported.startswith("."):
        return "a relative import"
    if not within(imported, "tests") or imported == "tests":
        return None
    last = imported.rsplit(".", 1)[-1]
    if last.startswith("test_") or last == "conftest":
        return "a test module or a conftest"
    if importer == "tests.factories":
        return "the factories are the bottom layer: they import nothing from tests"
    if any(within(imported, shared) for shared in SHARED):
        return None
    if within(importer, BENCHMARKS) and within(imported, BENCHMARKS):
        return None
    return "a helper beside the tests: shared code lives in tests/factories.py or tests/support/"


def violations() -> list[str]:
    found = []
    for path in sorted(TESTS.rglob("*.py")):
        importer = module_name(path)
        for imported in imported_modules(parse(path)):
            if reason := refusal(importer, imported):
                found.append(f"{path.relative_to(TESTS.parent)} imports {imported}: {reason}")
    return found


def test_no_file_in_tests_imports_a_test_module_a_conftest_or_a_helper_beside_the_tests():
    assert violations() == []


@pytest.mark.parametrize(
    ("importer", "source"),
    [
        ("tests.integration.test_open311", "from tests.integration.test_staff_and_triage_inbox import log_in"),
        ("tests.integration.test_open311", "from tests.conftest import GROTE_MARKT"),
        ("tests.browser.test_report_in_browser", "from tests.browser.conftest import axe_violations"),
        ("tests.integration.test_open311", "from tests.integration.open311_client import plain"),
        ("tests.integration.test_open311", "from . import open311_client"),
        ("tests.integration.test_mail", "def smtp():\n    from tests.integration import test_jobs_with_redis"),
        ("tests.support.web", "import tests.unit.test_photos"),
        ("tests.factories", "from tests.benchmarks.bench_intake import serving"),
        ("tests.factories", "from tests.support.web import log_in"),
    ],
)
def test_the_rule_refuses_test_modules_conftests_and_loose_helpers(importer, source):
    [imported] = imported_modules(parse(source))
    assert refusal(importer, imported)


@pytest.mark.parametrize(
    ("importer", "source"),
    [
        ("tests.integration.test_open311", "from tests.factories import make_api_key"),
        ("tests.integration.test_open311", "from tests.support.open311 import plain"),
        ("tests.conftest", "from tests import factories"),
        ("tests.benchmarks.bench_dashboard", "from tests.benchmarks.bench_inbox import log_in"),
        ("tests.integration.test_open311", "from triage.open311.api_keys import revoke"),
    ],
)
def test_the_rule_lets_through_the_shared_modules_and_the_product(importer, source):
    [imported] = imported_modules(parse(source))
    assert refusal(importer, imported) is None
