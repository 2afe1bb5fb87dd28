"""The date fields of the browser app: what a person types, read on the server."""

from __future__ import annotations

import datetime

import pytest

from assistant.errors import UsageError
from assistant.web.dates import read_range

TODAY = datetime.date(2026, 12, 6)


def test_days_and_days_counted_back_from_today_are_read() -> None:
    assert read_range(" 2025-03-10 ", "", TODAY) == ("2025-03-10", None)
    assert read_range("now - 7d", "now", TODAY) == ("2026-11-29", "2026-12-06")
    assert read_range("NOW-2w", None, TODAY) == ("2026-11-22", None)
    assert read_range(None, None, TODAY) == (None, None)


@pytest.mark.parametrize(
    ("start", "end", "said"),
    [
        ("tomorrow", None, "The start date must be a real day"),
        (None, "01/07/2025", "not '01/07/2025'"),
        ("2025-02-30", None, "not '2025-02-30'"),
        ("now - 7x", None, '"now - 7d" for the last week'),
        ("2025-03-01", "2025-02-01", "swap them"),
    ],
)
def test_what_is_no_day_is_turned_down_saying_what_to_write(
    start: str | None, end: str | None, said: str
) -> None:
    with pytest.raises(UsageError, match=said):
        read_range(start, end, TODAY)
