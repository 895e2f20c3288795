"""What to do when the machine lacks a service a test needs: skip loudly, or fail in CI."""

from __future__ import annotations

import os

import pytest

IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")


def unavailable(reason: str):
    """Skip loudly on a developer machine; in CI nothing may be skipped."""
    if IN_CI:
        pytest.fail(f"required in CI but unavailable: {reason}")
    pytest.skip(f"SKIPPED, NOT TESTED: {reason}")
