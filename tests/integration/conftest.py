"""Fixtures shared by several integration test modules."""

from tests.integration.dashboard_history import history  # noqa: F401 (a fixture, found by pytest by name)
