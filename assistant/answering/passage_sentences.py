"""The sentences of retrieved passages, located in their articles.

Answer sentences are chosen from them (extractive answers) and checked
against them (claims), so both split passages the same way.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from assistant.answering.recognise import names_one_person
from assistant.records import Passage
from assistant.text.sentences import ends_like_a_sentence, split_sentences
from assistant.text.terms import STOP_WORDS


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


_BULLET = re.compile(r"^(?:[-–—•*·▪]|\d{1,2}[.)])\s+")
MIN_WORDS = 4


def candidate_sentences(passages: Sequence[Passage]) -> list[PassageSentence]:
    """The sentences an answer may quote: whole sentences of four words or more, the
    sentences leading into lists, and the items of lists, which seldom end in a full stop
    ("- Pay $1,000 (£535) fine"), list markers removed; each once even when overlapping
    passages repeat it."""
    seen: set[tuple[str, int, int]] = set()
    kept: list[PassageSentence] = []
    for found in passage_sentences(passages):
        marker = _BULLET.match(found.text)
        # A sentence leading into a list ("Judge Rand Rubin said she must:") is whole too.
        whole = (
            ends_like_a_sentence(found.text) or marker is not None or leads_into_a_list(found.text)
        )
        if not whole or not _long_enough(found.text):
            continue
        cut = marker.end() if marker else 0
        sentence = PassageSentence(found.n, found.text[cut:], found.start + cut, found.end)
        key = (passages[sentence.n - 1].article_id, sentence.start, sentence.end)
        if key not in seen:
            seen.add(key)
            kept.append(sentence)
    return kept


def _long_enough(sentence: str) -> bool:
    """Whether `sentence` says enough to be quoted: four words, or three with a figure
    ("She was 91.", "It cost £5m.")."""
    count = len(sentence.split())
    return count >= MIN_WORDS or (count == MIN_WORDS - 1 and _FIGURE.search(sentence) is not None)


_FIGURE = re.compile(r"\d")
# A sentence opening with a pronoun for a person or people names them in the sentence before.
_REFERS_BACK = re.compile(r"(?:He|She|They)\b")
_REFERS_TO_ONE = re.compile(r"(?:He|She)\b")


# "The minister also confirmed…", "The 40-year-old comedian caused…": up to two words
# describing someone, then a word for a person.
_DESCRIBED = re.compile(r"(?:The|This|That)((?:\s+[\w'’-]+){1,3})\b")


def describes_one_before(sentence: str) -> bool:
    """Whether `sentence` opens by describing one person, named before it, by their role
    ("The minister also confirmed she…", "The 40-year-old comedian caused a furore…")."""
    opening = _DESCRIBED.match(sentence)
    if opening is None:
        return False
    described = opening.group(1).split()
    for word in described:
        if names_one_person(word):
            return True
        if not (word.islower() or word[:1].isdigit()) or word in STOP_WORDS:
            return False  # "The Labour MP…", "This year the minister…" may be others
    return False


def refers_back(sentence: str) -> bool:
    """Whether `sentence` opens with "He", "She" or "They" (who is named before it)."""
    return _REFERS_BACK.match(sentence) is not None


def refers_to_one(sentence: str) -> bool:
    """Whether `sentence` opens with "He" or "She": one person, named before it."""
    return _REFERS_TO_ONE.match(sentence) is not None


def goes_on_in_one_paragraph(
    passages: Sequence[Passage], article: str, end: int, start: int, breaks: int = 0
) -> bool:
    """Whether the text of `article` from offset `end` to `start` lies in one of its
    passages and is only spaces: the sentences on either side go on in one paragraph (or,
    allowing one line `breaks`, in one block of lines, as a list's items do)."""
    return start >= end and any(
        passage.article_id == article
        and passage.start <= end <= start <= passage.end
        and _only_spaces(passage.text[end - passage.start : start - passage.start], breaks)
        for passage in passages
    )


# A list item's marker at the start of its line ("- ", "• ", "2. ").
_LINE_MARKER = re.compile(r"(?<=\n)[ \t]*(?:[-–—•*·▪]|\d{1,2}[.)])(?=\s)")


def _only_spaces(between: str, breaks: int) -> bool:
    """Whether `between` is spaces with at most `breaks` line breaks (after one, a list
    item's marker counts as space)."""
    if breaks:
        between = _LINE_MARKER.sub("", between)
    return not between.strip() and between.count("\n") <= breaks


def sentence_after(
    passages: Sequence[Passage], sentence: PassageSentence
) -> PassageSentence | None:
    """The quotable sentence right after `sentence` in its article and paragraph, from any
    passage of that article that holds it (passages overlap, and a passage may end where
    the sentence does), numbered by that passage."""
    return _neighbour(passages, sentence, after=True)


# Line breaks a list's first item may stand after its lead-in (a blank line, as Markdown
# writes lists), and after the item before it.
FIRST_ITEM_BREAKS = 2
ITEM_BREAKS = 1


def leads_into_a_list(sentence: str) -> bool:
    """Whether `sentence` leads into a list ("The main findings were:")."""
    return sentence.rstrip().endswith(":")


def line_after(
    passages: Sequence[Passage], sentence: PassageSentence, breaks: int = ITEM_BREAKS
) -> PassageSentence | None:
    """The quotable sentence right after `sentence` in its paragraph or on the next line (a
    list's next item), or up to `breaks` line breaks on, as `sentence_after` finds it."""
    return _neighbour(passages, sentence, after=True, breaks=breaks)


def sentence_before(
    passages: Sequence[Passage], sentence: PassageSentence
) -> PassageSentence | None:
    """The quotable sentence right before `sentence` in its article and paragraph, as
    `sentence_after` finds it."""
    return _neighbour(passages, sentence, after=False)


def _neighbour(
    passages: Sequence[Passage], sentence: PassageSentence, after: bool, breaks: int = 0
) -> PassageSentence | None:
    article = passages[sentence.n - 1].article_id
    found = [
        PassageSentence(n, other.text, other.start, other.end)
        for n, passage in enumerate(passages, start=1)
        if passage.article_id == article
        for other in candidate_sentences([passage])
        if (other.start >= sentence.end if after else other.end <= sentence.start)
    ]
    if not found:
        return None
    nearest = min(found, key=lambda s: s.start) if after else max(found, key=lambda s: s.end)
    gap = (sentence.end, nearest.start) if after else (nearest.end, sentence.start)
    return nearest if goes_on_in_one_paragraph(passages, article, *gap, breaks) else None
