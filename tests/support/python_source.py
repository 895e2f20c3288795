"""Reading the project's Python source as a syntax tree, for the tests that check its structure."""

from __future__ import annotations

import ast
import gc
from pathlib import Path


def parse(source: str | Path, filename: str = "<unknown>") -> ast.Module:
    """ast.parse with the garbage collector paused. A finalizer that logs a traceback while ast.parse is building
    the tree (a pooled database connection of an earlier test, collected late) makes Python 3.11's traceback
    carets call ast.parse inside ast.parse, which 3.11 answers with "SystemError: AST constructor recursion depth
    mismatch". With the collector paused no finalizer runs in the middle of a parse."""
    if isinstance(source, Path):
        source, filename = source.read_text(encoding="utf-8"), str(source)
    gc.disable()
    try:
        return ast.parse(source, filename)
    finally:
        gc.enable()
