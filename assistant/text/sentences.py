"""Sentence boundaries with character spans, for any English-like prose.

Used by chunking (chunks end at sentence ends), by the extractive answerer
(it quotes whole sentences) and by citation checks (each answer sentence is
checked on its own). Line breaks are hard boundaries, because in articles a
line is a paragraph, a heading or a bullet; except where a text is hard-wrapped (a
line break inside a sentence, as e-mails and some plain-text archives write it): a
break after a line that does not end like a sentence (nor a lead-in's colon) is no
boundary when the next line goes on in lower case, or when the text is wrapped at a
width of at most WRAP_WIDTH characters and the next line's first word would not
have fitted on it (`_soft_breaks`). Inside a line a sentence ends at
., ! or ? (plus closing quotes, brackets or reference marks) followed by space and a capital,
digit or opening quote, unless the word before the full stop is a common
abbreviation or an initial. This is deliberately a small rule set, not a
trained model: it is fast, predictable and needs no downloaded data.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from assistant.text.footnotes import REFERENCE_MARK

# Titles, honorifics and Latin forms that end with a full stop but rarely end a sentence.
_ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof sr jr st mt ft gen col lt sgt capt cmdr adm gov sen rep rev hon pres
    vs etc al eg ie cf approx dept univ assn bros inc ltd co corp plc no nos vol pp fig jan
    feb mar apr jun jul aug sep sept oct nov dec""".split()
)

# Terminal punctuation, then closing quotes or brackets and reference marks ("said.[3]"),
# followed by space and a sentence start.
_END = re.compile(
    r"[.!?…]+[\"'”’)\]]*(?:" + REFERENCE_MARK + r")*" + r"(?=\s+[\"'“‘(\[]?[A-Z0-9À-Ý])"
)
# A sentence's last characters: terminal punctuation, closing quotes or brackets, reference marks.
_ENDING = re.compile(r"[.!?…][\"'”’)\]]*(?:" + REFERENCE_MARK + r")*$")
# What comes before the last letter of a unit: "m³/s", "km/h", "5 m".
_ENDS_A_UNIT = re.compile(r"(?:[/²³]|\d\s?)$")
# A line break inside a sentence, with the spaces around it.
_LINE_BREAK = re.compile(r"[ \t]*\n\s*")
# The whole word before a full stop: "1960s." is not the initial "s.".
_WORD_BEFORE = re.compile(r"(?<![\w])([A-Za-z][A-Za-z.]*)$")


@dataclass(frozen=True)
class Span:
    """A sentence as [start, end) character offsets into the text it came from."""

    start: int
    end: int

    def of(self, text: str) -> str:
        """The sentence's text within `text`."""
        return text[self.start : self.end]


def on_one_line(sentence: str) -> str:
    """A sentence of hard-wrapped text as a reader wants it quoted: its line breaks (and the
    spaces around them) as single spaces."""
    return _LINE_BREAK.sub(" ", sentence)


def unwrapped(text: str) -> str:
    """`text` with the line breaks of its wrapping made spaces, one character for one so
    offsets into it still hold: a hard-wrapped article shown as paragraphs. Those are the
    breaks inside sentences (`_soft_breaks`) and, in a text whose paragraphs are set apart
    by blank lines, those after a line filled to the wrapping width, though it ends a
    sentence."""
    lines = text.split("\n")
    soft = _soft_breaks(lines) | _full_lines(lines)
    if not soft:
        return text
    return "".join(line + (" " if i in soft else "\n") for i, line in enumerate(lines))[:-1]


def _wrap_width(lines: list[str]) -> int:
    """The width `lines` seem wrapped at: their longest but the first, which may be a
    title written on one line ("Grandmother's coast path walk raises record £1.26m for
    children's hospice" over a text wrapped at 70)."""
    body = lines[1:] if len(lines) > 2 else lines
    return max((len(line.rstrip()) for line in body), default=0)


def _full_lines(lines: list[str]) -> set[int]:
    """In a text wrapped at a width of at most WRAP_WIDTH with blank lines between its
    paragraphs, the indexes of the lines the next word of the same paragraph would not have
    fitted on: their breaks are the wrapping's, even after a full stop."""
    width = _wrap_width(lines)
    if not _NARROWEST_WRAP <= width <= WRAP_WIDTH or "" not in (line.strip() for line in lines):
        return set()
    full = set()
    for i, (line, following) in enumerate(itertools.pairwise(lines)):
        ending, going_on = line.rstrip(), following.strip()
        if i == 0 or not ending or not going_on or _LIST_ITEM.match(following):
            continue
        if len(ending) + 1 + len(going_on.split()[0]) > width:
            full.add(i)
    return full


def ends_like_a_sentence(text: str) -> bool:
    """Whether `text` ends as sentences do ("…said.[3]" included); headings, captions and
    bylines do not."""
    return _ENDING.search(text) is not None


def _is_abbreviation(text: str, dot_at: int) -> bool:
    if text[dot_at] != ".":
        return False
    match = _WORD_BEFORE.search(text, 0, dot_at)
    if not match:
        return False
    word = match.group(1).rstrip(".").lower()
    # A single letter ("J. K. Rowling") or a dotted acronym ("U.S.") is not an end; a
    # letter ending a unit ("14.2 m³/s.", "5 m.") is.
    if len(word) == 1:
        return not _ENDS_A_UNIT.search(text, 0, match.start())
    if "." in word:
        return True
    return word in _ABBREVIATIONS


def split_sentences(text: str, offset: int = 0) -> list[Span]:
    """Split `text` into sentence spans; spans are shifted by `offset`.

    Whitespace around sentences is excluded from the spans; empty lines give
    no spans.
    """
    spans: list[Span] = []
    lines = text.split("\n")
    soft = _soft_breaks(lines)
    block_start = line_start = 0
    for i, line in enumerate(lines):
        line_end = line_start + len(line)
        if i not in soft:
            _split_line(text, block_start, line_end, spans, offset)
            block_start = line_end + 1
        line_start = line_end + 1
    return spans


# Hard-wrapped text is wrapped at this width or narrower (e-mail and plain-text archives:
# 60-80 characters), and at least the narrowest here.
WRAP_WIDTH = 100
_NARROWEST_WRAP = 50
_LIST_ITEM = re.compile(r"\s*(?:[-*•–·]\s|\d{1,2}[.)]\s|\(?[a-z]\)\s)")


# A line ending where no sentence or heading ends: in a word such as "in" or "the" ("…the
# hospice in" / "Carmarthen", "…to their car. The" / "Kellan Mountain…"), after a comma
# ("…Daniel Osei, 34," / "Mark Whitfield"), or in a day's number before its month ("…will
# begin on 2" / "September").
_ENDS_MIDWAY = re.compile(
    r"(?:(?<![\w'’-])(?:a|an|the|of|in|on|at|to|for|from|by|with|and|or|but|into|than|whose"
    r"|its|their|his|her|our|your|my)|,)$",
    re.IGNORECASE,
)
_DAY_THEN_MONTH = re.compile(r"\b\d{1,2}$")
_MONTH_FIRST = re.compile(
    r"(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December)\b"
)


def _soft_breaks(lines: list[str]) -> set[int]:
    """The indexes of the lines whose line break goes on with the same sentence: after a
    line not ending like a sentence, a lead-in or a list item, one going on in lower case,
    one ending where no sentence ends (`_ENDS_MIDWAY`, a day before its month), or (past
    the title) one
    whose first word would not have fitted on the line before in a text wrapped at the
    width of its longest lines."""
    width = _wrap_width(lines)
    wrapped = _NARROWEST_WRAP <= width <= WRAP_WIDTH
    soft = set()
    for i, (line, following) in enumerate(itertools.pairwise(lines)):
        ending, going_on = line.rstrip(), following.strip()
        if not ending or not going_on or _LIST_ITEM.match(following):
            continue
        if ends_like_a_sentence(ending) or ending.endswith((":", ";")):
            continue
        first_word = going_on.split()[0]
        no_room = len(ending) + 1 + len(first_word) > width
        midway = _ENDS_MIDWAY.search(ending) or (
            _DAY_THEN_MONTH.search(ending) and _MONTH_FIRST.match(going_on)
        )
        if going_on[0].islower() or midway or (wrapped and i > 0 and no_room):
            soft.add(i)
    return soft


def _split_line(text: str, start: int, end: int, spans: list[Span], offset: int) -> None:
    sentence_start = start
    for match in _END.finditer(text, start, end):
        if _is_abbreviation(text, match.start()):
            continue
        _append_trimmed(text, sentence_start, match.end(), spans, offset)
        sentence_start = match.end()
    _append_trimmed(text, sentence_start, end, spans, offset)


def _append_trimmed(text: str, start: int, end: int, spans: list[Span], offset: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append(Span(start + offset, end + offset))
