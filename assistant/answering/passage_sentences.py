"""The sentences of retrieved passages, located in their articles.

Answer sentences are chosen from them (extractive answers) and checked
against them (claims), so both split passages the same way.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from assistant.records import Passage
from assistant.text.sentences import split_sentences


@dataclass(frozen=True)
class PassageSentence:
    """A sentence of a retrieved passage, with its span in the article."""

    n: int
    text: str
    start: int
    end: int


def passage_sentences(passages: Sequence[Passage]) -> list[PassageSentence]:
    """Every sentence of every passage, numbered by passage (1-based)."""
    found: list[PassageSentence] = []
    for n, passage in enumerate(passages, start=1):
        for span in split_sentences(passage.text):
            found.append(
                PassageSentence(
                    n, span.of(passage.text), passage.start + span.start, passage.start + span.end
                )
            )
    return found
