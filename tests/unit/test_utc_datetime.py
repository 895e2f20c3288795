from datetime import UTC, datetime, timedelta, timezone

import pytest

from models.base import UTCDateTime


def test_aware_times_are_stored_as_utc():
    amsterdam_summer = timezone(timedelta(hours=2))
    stored = UTCDateTime().process_bind_param(datetime(2026, 7, 1, 14, 0, tzinfo=amsterdam_summer), None)
    assert stored == datetime(2026, 7, 1, 12, 0, tzinfo=UTC)


def test_naive_times_are_refused():
    with pytest.raises(ValueError):
        UTCDateTime().process_bind_param(datetime(2026, 7, 1, 14, 0), None)


def test_naive_values_read_back_from_sqlite_become_utc():
    assert UTCDateTime().process_result_value(datetime(2026, 1, 1, 9, 0), None).tzinfo == UTC
