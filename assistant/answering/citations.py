"""Citation markers: reading the forms models write, numbering them for people, splitting claims.

Pure functions over strings. Language models cite in many ways: `[1]`,
`[1, 2]`, `[1][2]`, `[[1]]`, `【1】` (also `【1†source】`), `(ID: 1)`, `[ID:1]`,
`[source 1]`, `^1`, Markdown footnotes `[^1]`, ranges such as `[2-4]`. `CitationStream` reads any of
them, as the text streams in, and writes one canonical form, `[n]` per
passage, where:

- numbers outside 1..k (k passages were given) are removed and reported, so
  a reader is never shown a source the answer could not have used;
- the passages are renumbered 1, 2, 3… in the order the answer first cites
  them, so a reader never sees gaps such as [1], [2], [4];
- a marker cut in half between two streamed pieces is held back until it is
  complete, so nobody sees `[` or `(ID:` flash up and change.

A claim is one sentence of the answer together with the markers that
follow it (markers written after the full stop still belong to the sentence
before them).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from assistant.records import ClaimText
from assistant.text.sentences import split_sentences

# The canonical form, as written by CitationStream (and by people in tests).
MARKER = re.compile(r"\[\s*(\d+(?:\s*(?:[,;]|[-–])\s*\d+)*)\s*\]")
_NUMBER_LIST = r"\d+(?:\s*(?:[,;，、]|[-–]|and)\s*(?:(?:source|passage|doc)\s*)?\d+)*"
_LABEL = r"(?:(?:id|source|passage|doc|ref)\s*[:#]?\s*)"
# Every form a model may write; group 1..4 hold the number list of one alternative each.
ANY_MARKER = re.compile(
    rf"\[\[?\s*\^?{_LABEL}?({_NUMBER_LIST})\s*\]\]?"
    rf"|【\s*({_NUMBER_LIST})\s*(?:†[^】]{{0,40}})?】"
    rf"|\(\s*{_LABEL}({_NUMBER_LIST})\s*\)"
    r"|(?<=[\s.,;:!?)\]\"'”’])\^\[?(\d+)\]?",
    re.IGNORECASE,
)
# A tail that may still become a marker when the next piece arrives: an opening, or a
# double bracket closed once ("[[1]", whose second "]" may come next).
_OPENING = re.compile(r"(?:\[\[[^\[\]\n]{0,24}\]|(?:\[\[?|【|\(|\^)[^\[\]【】()^\n]{0,24})$")
_MARKER_RUN = re.compile(r"^(?:\s*" + MARKER.pattern + r")+")
_SPACE_BEFORE_PUNCT = re.compile(r"[ \t]+([.,;:!?])")
_GLUED_MARKER = re.compile(r"([.!?…][\"'”’)]*)(\[\s*\d)")
_MAX_RANGE = 20


def numbers_in(marker_body: str) -> list[int]:
    """The passage numbers named by the inside of one marker, in order, without repeats."""
    numbers: list[int] = []
    body = re.sub(r"(?i)\b(?:source|passage|doc)\b", "", marker_body)
    for part in re.split(r"\s*(?:[,;，、]|\band\b)\s*", body.strip()):
        bounds = [int(x) for x in re.split(r"\s*[-–]\s*", part.strip()) if x.strip().isdigit()]
        if len(bounds) == 2 and 0 <= bounds[1] - bounds[0] <= _MAX_RANGE:
            values = list(range(bounds[0], bounds[1] + 1))
        else:
            values = bounds
        numbers.extend(v for v in values if v not in numbers)
    return numbers


def _body(match: re.Match[str]) -> str:
    return next(group for group in match.groups() if group is not None)


def cited_numbers(text: str) -> list[int]:
    """Every passage number cited anywhere in canonical `text`, in first-cited order."""
    seen: list[int] = []
    for match in MARKER.finditer(text):
        seen.extend(n for n in numbers_in(match.group(1)) if n not in seen)
    return seen


def strip_markers(text: str) -> str:
    """`text` with every citation marker (of any form) removed and spacing repaired."""
    return _SPACE_BEFORE_PUNCT.sub(r"\1", ANY_MARKER.sub("", text)).strip()


@dataclass
class CitationStream:
    """Rewrites an answer's markers, piece by piece, into renumbered canonical `[n]`.

    `feed` returns the text that can be shown now; `finish` returns the rest.
    Afterwards `order` lists the original passage numbers in the order they
    were first cited (display number i+1 is passage `order[i]`), and `dropped`
    the numbers that named no passage.
    """

    passage_count: int
    order: list[int] = field(default_factory=list)
    dropped: list[int] = field(default_factory=list)
    _pending: str = ""
    # The last character shown: the context a marker's start is judged in (`x^2` is not one).
    _before: str = " "

    def feed(self, piece: str) -> str:
        """Take the next piece of the answer; return what is ready to show."""
        text = self._pending + piece
        opening = _OPENING.search(text)
        if opening is not None:
            self._pending, text = text[opening.start() :], text[: opening.start()]
        else:
            self._pending = ""
        return self._rewrite(text)

    def finish(self) -> str:
        """The held-back rest of the answer, rewritten."""
        text, self._pending = self._pending, ""
        return self._rewrite(text)

    def display_number(self, original: int) -> int:
        """The number shown for original passage `original` (numbering it if new)."""
        if original not in self.order:
            self.order.append(original)
        return self.order.index(original) + 1

    def _rewrite(self, text: str) -> str:
        def canonical(match: re.Match[str]) -> str:
            numbers = numbers_in(_body(match))
            valid = [n for n in numbers if 1 <= n <= self.passage_count]
            self.dropped.extend(n for n in numbers if n not in valid and n not in self.dropped)
            return "".join(f"[{self.display_number(n)}]" for n in valid)

        if not text:
            return ""
        rewritten = ANY_MARKER.sub(canonical, self._before + text)[len(self._before) :]
        self._before = text[-1]
        return rewritten


def tidy(text: str) -> str:
    """Spacing repaired after markers were removed: no space before punctuation, no doubles."""
    return re.sub(r"[ \t]{2,}", " ", _SPACE_BEFORE_PUNCT.sub(r"\1", text)).strip()


def split_claims(text: str) -> list[ClaimText]:
    """The answer's sentences (canonical markers) with the markers that belong to each."""
    claims: list[ClaimText] = []
    # "end.[1] Next" hides the sentence end from the splitter; give the marker its space.
    text = _GLUED_MARKER.sub(r"\1 \2", text)
    for span in split_sentences(text):
        sentence = span.of(text)
        leading = _MARKER_RUN.match(sentence)
        if leading and claims:
            # Markers that open a sentence were written after the previous full stop.
            previous = claims[-1]
            extra = tuple(n for n in cited_numbers(leading.group(0)) if n not in previous.cited)
            claims[-1] = ClaimText(previous.text, previous.cited + extra)
            sentence = sentence[leading.end() :]
        body = strip_markers(sentence)
        if body:
            claims.append(ClaimText(body, tuple(cited_numbers(sentence))))
    return claims
