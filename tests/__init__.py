"""The tests. The shared factories and support modules get pytest's assertion detail, as test modules do:
they are fixtures' homes (registered in tests/conftest.py) and are imported before pytest would rewrite them."""

import pytest

pytest.register_assert_rewrite("tests.factories", "tests.support")
