"""Web builds no SQL of its own: every query has a name in the feature package that owns its vocabulary.

The check reads web/ with ast, so a comment or a text that mentions `select(` does not trip it, and an
import under another name (`import sqlalchemy as sa`) does.
"""

import ast
from pathlib import Path

from tests.support.python_source import parse

WEB = Path(__file__).resolve().parents[2] / "web"

# What web may take from the database libraries: errors to catch, the Session type, shapes to draw.
ALLOWED_IMPORTS = {
    "sqlalchemy.exc": None,  # any name
    "sqlalchemy.orm.exc": None,
    "sqlalchemy.orm": {"Session"},
    "geoalchemy2.shape": {"to_shape"},
}
DATABASE_LIBRARIES = ("sqlalchemy", "geoalchemy2")
# Methods that build or run a query, or a piece of one; `.get(` stays allowed (a row by its key, a dict), as do
# `.join(`, `.limit(` and `.values(`, which web uses on strings, rate limits and dicts.
QUERY_METHODS = {
    "where",
    "filter",
    "filter_by",
    "execute",
    "scalar",
    "scalars",
    "query",
    "select_from",
    "subquery",
    "outerjoin",
    "order_by",
    "group_by",
    "having",
    "offset",
    "options",
    "returning",
    "in_",
    "is_",
    "is_not",
    "asc",
    "desc",
}


def _is_database_module(name: str) -> bool:
    return any(name == library or name.startswith(library + ".") for library in DATABASE_LIBRARIES)


def _forbidden_imports(tree: ast.AST) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names if _is_database_module(alias.name)]
        elif isinstance(node, ast.ImportFrom) and node.module and _is_database_module(node.module):
            allowed = ALLOWED_IMPORTS.get(node.module, set())
            found += [
                (node.lineno, f"{node.module}.{alias.name}")
                for alias in node.names
                if allowed is not None and alias.name not in allowed
            ]
    return found


def _query_calls(tree: ast.AST) -> list[tuple[int, str]]:
    return [
        (node.lineno, f".{node.func.attr}(")
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in QUERY_METHODS
    ]


def _offences(check) -> list[str]:
    return [
        f"{path.relative_to(WEB.parent)}:{line}: {what}"
        for path in sorted(WEB.rglob("*.py"))
        for line, what in sorted(check(parse(path)))
    ]


def test_web_imports_nothing_from_sqlalchemy_that_builds_a_query():
    assert _offences(_forbidden_imports) == []


def test_web_calls_no_method_that_builds_or_runs_a_query():
    assert _offences(_query_calls) == []


def test_the_check_sees_a_query_built_in_web_but_not_one_named_in_a_comment_or_text():
    built = parse(
        "import sqlalchemy as sa\n"
        "from sqlalchemy import func, select\n"
        "from sqlalchemy.orm import Session, selectinload\n"
        "rows = session().scalars(select(Report).where(Report.id == 1))\n"
    )
    mentioned = parse(
        "# session.scalars(select(Report).where(...))\n"
        "from sqlalchemy.orm import Session\n"
        "from sqlalchemy.orm.exc import StaleDataError\n"
        "TEXT = 'select(Report).where(x)'\n"
        "label = ', '.join(names)\n"
    )
    assert [what for _, what in _forbidden_imports(built)] == [
        "sqlalchemy",
        "sqlalchemy.func",
        "sqlalchemy.select",
        "sqlalchemy.orm.selectinload",
    ]
    assert [what for _, what in _query_calls(built)] == [".scalars(", ".where("]
    assert _forbidden_imports(mentioned) == [] and _query_calls(mentioned) == []
