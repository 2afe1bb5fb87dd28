"""The calendar day a news report means by "on Sunday", "yesterday" or "next Tuesday".

News dates events by the day of the week or by "yesterday", counted from the
day the report was written: "Okafor won the marathon on Sunday" in a report of
Sunday 14 April 2024 means that day. A short answer of such words says little
to a reader of the archive years later; with the report's date (its metadata,
read at ingest) the day can be named. A weekday is the latest such day on or
before the report's date, unless the sentence speaks of what is to come ("will
open on Sunday"), when it is the next one on or after it. Anything else ("last
week", "in the spring") names no single day and is left alone.
"""

from __future__ import annotations

import datetime
import re

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# Days counted from the report's date.
_OFFSETS = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}
_DAY_WORDS = re.compile(
    r"^(?:(?:early|late)\s+)?(?:on\s+)?(?:(?P<which>last|this|next)\s+)?"
    rf"(?P<day>{'|'.join(_WEEKDAYS)}|{'|'.join(_OFFSETS)})"
    r"(?:\s+(?:morning|afternoon|evening|night))?$",
    re.IGNORECASE,
)
# Words saying the sentence tells of what is still to come.
_AHEAD = re.compile(
    r"\b(?:will|shall|(?:is|are)\s+(?:due|set|expected|scheduled|planned|going)|"
    # "Unions plan a march", not the noun: "The plan passed on Tuesday".
    r"(?<!the\s)(?<!a\s)(?<!its\s)(?<!their\s)(?<!this\s)(?<!that\s)plans?|intends?\s+to)\b",
    re.IGNORECASE,
)


def day_meant(words: str, published: str, sentence: str = "") -> datetime.date | None:
    """The day `words` (a short answer such as "on Sunday") mean in a report dated
    `published` (ISO), told in `sentence`; None when they name no day or the date is
    unknown."""
    match = _DAY_WORDS.match(" ".join(words.split()))
    if match is None:
        return None
    try:
        date = datetime.date.fromisoformat(published[:10])
    except ValueError:
        return None
    day, which = match.group("day").lower(), (match.group("which") or "").lower()
    if day in _OFFSETS:
        return date + datetime.timedelta(days=_OFFSETS[day])
    weekday = _WEEKDAYS.index(day)
    if which == "next" or (which != "last" and _AHEAD.search(sentence)):
        ahead = (weekday - date.weekday()) % 7
        return date + datetime.timedelta(days=ahead or (7 if which == "next" else 0))
    back = (date.weekday() - weekday) % 7
    return date - datetime.timedelta(days=back or (7 if which == "last" else 0))
