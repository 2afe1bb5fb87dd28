"""Citation markers: finding `[n]` in answer text, dropping invalid ones, splitting claims.

Pure functions over strings. A marker is `[n]`, `[n, m]`, `[n; m]` or a
range `[n-m]`; `[1][3]` is two markers. Numbers outside 1..k (k passages were
given to the model) are removed from the text and reported, so a reader is
never shown a source the answer could not have used.

A claim is one sentence of the answer together with the markers that
follow it (markers written after the full stop still belong to the sentence
before them).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.sentences import split_sentences

MARKER = re.compile(r"\[\s*(\d+(?:\s*(?:[,;]|[-–])\s*\d+)*)\s*\]")
_MARKER_RUN = re.compile(r"^(?:\s*" + MARKER.pattern + r")+")
_SPACE_BEFORE_PUNCT = re.compile(r"\s+([.,;:!?])")
_GLUED_MARKER = re.compile(r"([.!?…][\"'”’)]*)(\[\s*\d)")
_MAX_RANGE = 20


@dataclass(frozen=True)
class ClaimText:
    """One answer sentence without its markers, and the passage numbers it cites."""

    text: str
    cited: tuple[int, ...]


def numbers_in(marker_body: str) -> list[int]:
    """The passage numbers named by the inside of one marker, in order, without repeats."""
    numbers: list[int] = []
    for part in re.split(r"\s*[,;]\s*", marker_body.strip()):
        bounds = [int(x) for x in re.split(r"\s*[-–]\s*", part) if x]
        if len(bounds) == 2 and 0 <= bounds[1] - bounds[0] <= _MAX_RANGE:
            values = list(range(bounds[0], bounds[1] + 1))
        else:
            values = bounds
        numbers.extend(v for v in values if v not in numbers)
    return numbers


def cited_numbers(text: str) -> list[int]:
    """Every passage number cited anywhere in `text`, in first-cited order."""
    seen: list[int] = []
    for match in MARKER.finditer(text):
        seen.extend(n for n in numbers_in(match.group(1)) if n not in seen)
    return seen


def strip_markers(text: str) -> str:
    """`text` with every citation marker removed and spacing repaired."""
    return _SPACE_BEFORE_PUNCT.sub(r"\1", MARKER.sub("", text)).strip()


def drop_invalid(text: str, passage_count: int) -> tuple[str, list[int]]:
    """Remove numbers outside 1..passage_count from markers; return new text and dropped numbers."""
    dropped: list[int] = []

    def keep_valid(match: re.Match[str]) -> str:
        numbers = numbers_in(match.group(1))
        valid = [n for n in numbers if 1 <= n <= passage_count]
        dropped.extend(n for n in numbers if n not in valid and n not in dropped)
        return "".join(f"[{n}]" for n in valid)

    cleaned = MARKER.sub(keep_valid, text)
    return re.sub(r"[ \t]{2,}", " ", _SPACE_BEFORE_PUNCT.sub(r"\1", cleaned)).strip(), dropped


def split_claims(text: str) -> list[ClaimText]:
    """The answer's sentences with the markers that belong to each."""
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
