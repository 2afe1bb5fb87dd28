"""Which period each amount of a sentence belongs to, so that the one asked about is marked.

News gives this year's figure and last year's in one sentence: "A record
18,400 runners started, compared with 16,900 last year", "The ferry carried
1.84 million trips in 2023, up from 1.31 million in 2022". "How many started
last year?" is answered by 16,900 and "How many trips in 2022?" by 1.31
million; a question naming no period by the figure the sentence is about, not
the one it compares it with. An amount's period is the year or "last year"
written after it, before the next amount; failing that, the one written
before it (`In 2023 the ferry carried 1.84 million`). In the same way, a
sentence's own years leave out those it names only to compare with
(`own_years`), so that "up from $66m in 2003" does not make a sentence about
2003 (extractive.py).
"""

from __future__ import annotations

import re

from assistant.answering.question import Question
from assistant.answering.recognise import Found, years
from assistant.text.terms import STOP_WORDS

# A period before the one the article is about, written relative to it.
_EARLIER = re.compile(
    r"\b(?:last|previous|prior|preceding) (?:year|season|quarter|month|week)\b"
    r"|\b(?:a|one) (?:year|season|quarter|month) (?:earlier|before|ago)\b"
    r"|\bthe (?:year|season|quarter|month) before\b",
    re.IGNORECASE,
)
# An earlier period written relative to now ("last year", "a year ago"), not to the period of
# the figure beside it ("£115.9m a year earlier", "the previous year"): a question asking of
# last year in a report of last year's results asks for the figure reported, not the one
# it is compared with.
_LAST = re.compile(
    r"\blast (?:year|season|quarter|month|week)\b|\b(?:a|one) (?:year|season|quarter|month) ago\b",
    re.IGNORECASE,
)
# Words that bring in an amount only to compare the sentence's own with it ("up from",
# "compared with", "higher than", "double the"; "more than 70,000" is an amount of its own).
_COMPARED = re.compile(
    r"\b(?:from|(?<!more )(?<!less )(?<!fewer )than|compared (?:with|to)|against|versus|vs\.?"
    # "more than double the 6,100 it shipped a year earlier"
    r"|(?:double|twice|triple|treble|half|thrice)(?:\s+the)?)"
    r"\s+(?:the\s+|a\s+)?$",
    re.IGNORECASE,
)


def of_the_period(question: Question, sentence: str, found: list[Found]) -> list[Found]:
    """The amounts of `found` (in order, from `sentence`) of the period `question` asks
    about, when some are; for a question naming no period (or one no amount is of), those
    the sentence does not bring in only to compare with ("up from", "compared with"),
    unless it asks "From what…"; else all of them. A question asking of "last year" is
    answered by an amount written with "last year" or "a year ago", not with "a year
    earlier", which is relative to the figure it is compared with (_LAST)."""
    if len(found) < 2:
        return found
    asked_years = years(question.text)
    asks_earlier = _EARLIER.search(question.text) is not None
    asks_last = _LAST.search(question.text) is not None
    if asked_years or asks_earlier:
        periods = [_period(sentence, found, i) for i in range(len(found))]
        of_it = [
            item
            for item, (named, earlier) in zip(found, periods, strict=True)
            if (asked_years & named)
            or (asks_earlier and earlier and (earlier == _LAST_WRITTEN or not asks_last))
        ]
        if of_it:
            return of_it
    if question.preposition == "from":
        return found
    own = [
        item
        for item in found
        if not _COMPARED.search(sentence[max(0, item.start - 25) : item.start])
    ]
    return own or found


_LAST_WRITTEN = "last"
_EARLIER_WRITTEN = "earlier"


def _period(sentence: str, found: list[Found], i: int) -> tuple[frozenset[str], str]:
    """The years, and how an earlier period is written ("last" for "last year", "earlier"
    for "a year earlier", "" for none), for the i-th amount: after it up to the next
    amount, else before it back to the one before."""
    after = sentence[found[i].end : found[i + 1].start if i + 1 < len(found) else len(sentence)]
    named, earlier = years(after), _earlier(after)
    if named or earlier:
        return named, earlier
    before = sentence[found[i - 1].end if i else 0 : found[i].start]
    return years(before), _earlier(before)


def _earlier(text: str) -> str:
    """How `text` writes an earlier period: "last", "earlier" or "" (see _LAST)."""
    if _LAST.search(text):
        return _LAST_WRITTEN
    return _EARLIER_WRITTEN if _EARLIER.search(text) else ""


# Words that bring in a year only to compare with it: "up from $66m in 2003".
_YEAR_COMPARED = re.compile(
    r"\b(?:from|than|compared|against|versus|previous|earlier|same)\b", re.IGNORECASE
)


def own_years(text: str) -> frozenset[str]:
    """The years a sentence names, less those it brings in only to compare with."""
    return frozenset(
        year
        for year in years(text)
        if not any(
            _YEAR_COMPARED.search(text, max(0, at - 30), at)
            for at in (m.start() for m in re.finditer(year, text))
        )
    )


# A quarter or half of a year (or of a match): "the first quarter", "second-half", "Q3", "H1".
_PART = re.compile(
    r"\b(first|second|third|fourth|final)[- ](quarter|half)\b|\b(?-i:([QH])([1-4]))\b",
    re.IGNORECASE,
)
_ORDINALS = {"first": "1", "second": "2", "third": "3", "fourth": "4"}


# A day of the week, as news dates the events of the week it reports.
_WEEKDAY = re.compile(r"\b(?-i:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
# A word after a day that may make it name a kind of thing ("Sunday parking"), and words
# before it that say it is a day all the same ("on Sunday parking was free").
_WORD_AFTER = re.compile(r"\s+([a-z]{3,})\b")
_WHEN_BEFORE = re.compile(r"\b(?:on|by|last|next|this|until|since|from)\s+$", re.IGNORECASE)
_TIMES_OF_DAY = frozenset("morning afternoon evening night lunchtime".split())


def named_periods(text: str) -> frozenset[str]:
    """The quarters and halves `text` names, as "quarter 1", "half 2"…: "the final quarter"
    is the fourth, "Q3" the third quarter, "H1" the first half; and the days of the week it
    names ("Saturday"), which set one day's events apart from another's in a week's report;
    not a day naming a kind of thing ("free Sunday parking")."""
    named = {day.group(0) for day in _WEEKDAY.finditer(text) if not _names_a_kind(text, day)}
    for match in _PART.finditer(text):
        if match.group(3):
            kind = "quarter" if match.group(3) == "Q" else "half"
            named.add(f"{kind} {match.group(4)}")
            continue
        kind = match.group(2).lower()
        ordinal = match.group(1).lower()
        number = _ORDINALS.get(ordinal) or ("4" if kind == "quarter" else "2")
        named.add(f"{kind} {number}")
    return frozenset(named)


def _names_a_kind(text: str, day: re.Match[str]) -> bool:
    """Whether the day names a kind of thing with the ordinary word after it ("Sunday
    parking", "Saturday jobs"), not a day ("Sunday evening", "Sunday's match", "on Sunday
    parking was free")."""
    after = _WORD_AFTER.match(text, day.end())
    if after is None or after.group(1) in STOP_WORDS or after.group(1) in _TIMES_OF_DAY:
        return False
    return _WHEN_BEFORE.search(text, 0, day.start()) is None
