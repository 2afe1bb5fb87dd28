"""Splitting an article into chunks that the embedding model reads whole.

Pure: text in, chunks out. A chunk is a run of whole sentences whose word
pieces (counted with the embedding model's own tokenizer) fit the budget;
consecutive chunks share a trailing sentence or two (the overlap) so that a
fact split across a boundary is still found. A sentence longer than the
budget, such as a 100,000-character line with no full stop, is cut into
windows at word boundaries. Every chunk keeps its [start, end) span in the
article text, which is what citations point at.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from assistant.records import Chunk
from assistant.text.sentences import split_sentences

TokenOffsets = Callable[[str], Sequence[tuple[int, int]]]


@dataclass(frozen=True)
class _Unit:
    start: int
    end: int
    tokens: int


def chunk_text(
    text: str,
    token_offsets: TokenOffsets,
    max_tokens: int = 200,
    overlap_tokens: int | None = None,
) -> list[Chunk]:
    """Chunk `text` into sentence-aligned pieces of at most `max_tokens` word pieces.

    `token_offsets` gives the character span of each word piece (no special
    tokens). `overlap_tokens` defaults to a fifth of the budget.
    """
    if max_tokens < 1:
        raise ValueError("max_tokens must be positive")
    overlap = max_tokens // 5 if overlap_tokens is None else overlap_tokens
    offsets = list(token_offsets(text))
    if not offsets:
        return []
    starts = [start for start, _ in offsets]
    units: list[_Unit] = []
    for span in split_sentences(text):
        first = bisect_left(starts, span.start)
        last = bisect_left(starts, span.end)
        if last - first <= max_tokens:
            if last > first:
                units.append(_Unit(span.start, span.end, last - first))
        else:
            units.extend(_windows(text, offsets, first, last, max_tokens))
    return [
        Chunk(i, group[0].start, group[-1].end, text[group[0].start : group[-1].end], size)
        for i, (group, size) in enumerate(_pack(units, max_tokens, overlap))
    ]


def _windows(
    text: str, offsets: Sequence[tuple[int, int]], first: int, last: int, size: int
) -> list[_Unit]:
    """Cut word pieces [first, last) into windows of at most `size`, ending at word ends."""
    windows: list[_Unit] = []
    begin = first
    while begin < last:
        end = min(begin + size, last)
        if end < last:
            # Back off to a word boundary if one is in the last quarter of the window.
            for cut in range(end, begin + (size * 3) // 4, -1):
                gap_start = offsets[cut - 1][1]
                if offsets[cut][0] > gap_start or text[gap_start : gap_start + 1].isspace():
                    end = cut
                    break
        windows.append(_Unit(offsets[begin][0], offsets[end - 1][1], end - begin))
        begin = end
    return windows


def _pack(units: list[_Unit], budget: int, overlap: int) -> list[tuple[list[_Unit], int]]:
    """Group consecutive units into chunks within `budget`, carrying up to `overlap` tokens."""
    groups: list[tuple[list[_Unit], int]] = []
    current: list[_Unit] = []
    size = 0
    for unit in units:
        if current and size + unit.tokens > budget:
            groups.append((current, size))
            carry: list[_Unit] = []
            carried = 0
            for previous in reversed(current):
                if carried + previous.tokens > overlap:
                    break
                carry.insert(0, previous)
                carried += previous.tokens
            if carried + unit.tokens > budget:
                carry, carried = [], 0
            current, size = carry, carried
        current.append(unit)
        size += unit.tokens
    if current:
        groups.append((current, size))
    return groups
