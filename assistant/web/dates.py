"""The date range control: ask only articles dated within a range (the CLI's --from/--to).

Two date fields under the article filter. Each takes a day (YYYY-MM-DD, or
picked from the calendar) or a day relative to today such as "now - 7d",
which is the browser's way to ask only the last week's news (`--recent 7`).
Empty fields leave the range open on that side; undated articles never fall
inside a range.
"""

from __future__ import annotations

import gradio as gr


def date_range() -> tuple[gr.DateTime, gr.DateTime]:
    """The "from" and "to" fields, laid out in one row where the caller builds its layout."""
    with gr.Row(elem_id="date-range"):
        start = gr.DateTime(
            include_time=False,
            type="string",
            label="Only articles dated from",
            info='YYYY-MM-DD, or "now - 7d": the last week',
            elem_id="date-from",
        )
        end = gr.DateTime(
            include_time=False,
            type="string",
            label="to",
            info="empty: no limit",
            elem_id="date-to",
        )
    return start, end
