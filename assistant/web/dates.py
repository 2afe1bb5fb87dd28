"""The date range control: ask only articles dated within a range (the CLI's --from/--to).

Two text fields under the article filter. Each takes a day (YYYY-MM-DD) or a
day counted back from today such as "now - 7d" (or "now - 2w"), which is the
browser's way to ask only the last week's news (`--recent 7`). Empty fields
leave the range open on that side; undated articles never fall inside a
range.

Plain text fields, not Gradio's DateTime: that field keeps its last valid
value while showing whatever was typed after it ("tomorrow", "01/07/2025"),
so a question was asked over another range than the one on the screen, with
no word said. Here the server reads exactly what is typed, and anything it
cannot read turns the question down with a message saying what to write.
"""

from __future__ import annotations

import datetime
import re

import gradio as gr

from assistant import UsageError

# "now", "now - 7d", "now-2w": a day counted back from today.
_COUNTED_BACK = re.compile(r"now(?:\s*-\s*(\d{1,5})\s*(d|w))?", re.IGNORECASE)
_DAYS_IN = {"d": 1, "w": 7}


def date_range() -> tuple[gr.Textbox, gr.Textbox]:
    """The "from" and "to" fields, laid out in one row where the caller builds its layout."""
    with gr.Row(elem_id="date-range"):
        start = gr.Textbox(
            label="Only articles dated from",
            info='YYYY-MM-DD, or "now - 7d": the last week',
            placeholder="YYYY-MM-DD",
            max_lines=1,
            elem_id="date-from",
        )
        end = gr.Textbox(
            label="to",
            info="empty: no limit",
            placeholder="YYYY-MM-DD",
            max_lines=1,
            elem_id="date-to",
        )
    return start, end


def read_range(
    start: str | None, end: str | None, today: datetime.date | None = None
) -> tuple[str | None, str | None]:
    """The range as typed, with "now - 7d" forms made days (YYYY-MM-DD) and empty fields
    None; UsageError saying what to write when a field holds no day."""
    today = today or datetime.date.today()
    first, last = _day(start, "start date", today), _day(end, "end date", today)
    if first and last and first > last:  # ISO days sort as text
        raise UsageError(f"The start date ({first}) is after the end date ({last}): swap them")
    return first, last


def _day(typed: str | None, which: str, today: datetime.date) -> str | None:
    text = (typed or "").strip()
    if not text:
        return None
    counted = _COUNTED_BACK.fullmatch(text)
    if counted is None:
        try:
            return datetime.date.fromisoformat(text).isoformat()
        except ValueError:
            raise UsageError(
                f'The {which} must be a real day written like 2025-02-13, or "now - 7d" for '
                f"the last week, not {text!r}"
            ) from None
    number, unit = counted.groups()
    back = int(number) * _DAYS_IN[unit.lower()] if number else 0
    return (today - datetime.timedelta(days=back)).isoformat()
