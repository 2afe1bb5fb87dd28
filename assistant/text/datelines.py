"""Datelines: the short line under a headline that says where and when a story was filed.

"Port Calloway, 14 March 2024", "WASHINGTON, Feb. 12, 2025", "12 January
2024" or "Published 12 January 2024", on its own line or opening the first
paragraph ("GLASGOW, 9 October 2024 - Skyharbor said…"). A web page usually states its date in
its markup as well, and the HTML reader takes the line out of the body
(html.py); a text, Markdown or PDF article has only this line, so its date is
read from it (readers.py) and the date filters find the article. A dateline
opening a sentence says where and when the story was filed, which answers no
question about it (`filed_before`, for the short answer).
"""

from __future__ import annotations

import re

_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
# A day written out: "14 March 2024", "March 14, 2026", "2024-03-14".
DATE_WORDS = (
    rf"(\d{{1,2}}\s+{_MONTH}\s+\d{{4}}|{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}})"
)
# A place (with its region or country, perhaps), then the day: "PORT CALLOWAY, 14 March
# 2024", "DUNDEE, Scotland, 3 March 2025".
_PLACE = r"[A-Z][A-Z .'-]{2,40},(?:\s*[A-Z][A-Z .'-]{2,30},)?"
DATELINE = re.compile(rf"^{_PLACE}\s+{DATE_WORDS}\W*$", re.IGNORECASE)
# A dateline opening the story's first paragraph, as wires write it: "GLASGOW, 9 October
# 2024 - Skyharbor Robotics said…".
OPENS_THE_TEXT = re.compile(rf"^(?:{_PLACE}\s+)?{DATE_WORDS}\s+[-–—]+\s+(?=\S)", re.IGNORECASE)
# A wire dateline without the day, opening the first paragraph: "LONDON (Reuters) - Shares…",
# "SAN FRANCISCO - Lumora…". Capitals only: a sentence's own words are not written so.
_PLACE_ONLY_OPENS = re.compile(
    r"^[A-Z][A-Z .'-]{2,40}(?:,\s*[A-Z][A-Za-z .'-]{1,30})?(?:\s*\([A-Z][\w .&-]{1,30}\))?"
    r"\s+[-–—]+\s+(?=\S)"
)
# The day alone, or introduced: "14 March 2024", "Published: March 14, 2026", "Date: 9 May 2025".
ONLY_DATE = re.compile(
    r"^\W*(?:(?:published|posted|updated|filed|dated?)(?: on)?:?\s+)?(?:\w+day,?\s+)?"
    rf"{DATE_WORDS}\W*$",
    re.IGNORECASE,
)
# A byline or time line holding the day among other things, as pages saved as text have
# them: "Published 07:42 BST, Thursday 12 September 2024 | Updated 09:15 BST", "Politics
# desk | Friday 15 November 2024, 04:55". Short, not a sentence, and with a weekday, a time
# of day or a word of publishing beside the day: a line with a date and none of these
# ("Councillors met on 14 March 2024") tells what the story is about.
_SHORT_LINE_WORDS = 14
_SENTENCE_END = re.compile(r"[.!?][\"”’)]*$")
_DAY_IN_LINE = re.compile(DATE_WORDS, re.IGNORECASE)
_TIME_WORDS = re.compile(
    r"\b(?:\w+day|\d{1,2}[:.]\d{2}|published|posted|updated|filed)\b|\|", re.IGNORECASE
)
# Lines under the headline a dateline is looked for in.
_HEAD_LINES = 3
# A byline: "By Ana Ruiz", "Words by Tom Hale | Tuesday…"; the name is group 1.
BYLINE = re.compile(
    r"^(?:by|words by|interview by|photographs and words by|written by)\s+"
    r"([A-Z][\w’'.-]+(?:\s+[A-Z][\w’'.-]+){0,3})\b",
    re.IGNORECASE,
)


def dateline(text: str) -> str:
    """The day written in a dateline among the first lines of `text` (title included), as
    written ("14 March 2024"); "" when none of them is one."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    for line in lines[: _HEAD_LINES + 1]:
        match = (
            DATELINE.match(line)
            or ONLY_DATE.match(line)
            or OPENS_THE_TEXT.match(line)
            or _time_line(line)
        )
        if match:
            return re.sub(r"\bSept\b", "Sep", match.group(1).replace(".", ""), flags=re.I)
    return ""


def byline_author(text: str) -> str:
    """The name in a byline among the first lines of `text` ("By Ana Ruiz | Tuesday 3 June
    2025" gives "Ana Ruiz"), written with capitals; "" when there is none."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    for line in lines[: _HEAD_LINES + 1]:
        found = BYLINE.match(line)
        if found and all(word[0].isupper() for word in found.group(1).split()):
            return found.group(1)
    return ""


def _time_line(line: str) -> re.Match[str] | None:
    """The day in a short line that is no sentence ("Friday 4 October 2024, 16:20")."""
    if len(line.split()) > _SHORT_LINE_WORDS or _SENTENCE_END.search(line):
        return None
    return _DAY_IN_LINE.search(line) if _TIME_WORDS.search(line) else None


def filed_before(sentence: str) -> int:
    """Where the text of a sentence opening with a dateline starts ("DUNDEE, 3 November
    2025 - The firm…" or "LONDON (Reuters) - The firm…" → the offset of "The"); 0 when it
    opens with none."""
    match = OPENS_THE_TEXT.match(sentence) or _PLACE_ONLY_OPENS.match(sentence)
    return match.end() if match else 0
