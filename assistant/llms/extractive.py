"""The offline answerer: quotes the retrieved sentences that best answer the question.

No language model: every answer sentence is a verbatim sentence of a
retrieved passage, followed by its `[n]`, so it cannot say anything the
articles do not. A sentence is scored by three signals:

- coverage: the share of the question's content terms it contains, each
  weighted by its rarity in the index (IDF), so "lasted" in "How long did the
  call last?" counts for more than "call";
- meaning: the embedding similarity of sentence and question;
- answer type: questions asking how many/much/long or when favour sentences
  that contain a number or a date word.

The best sentence is quoted, with up to two more that score nearly as well
and are not repeats. If even the best is weak, nothing is quoted and the
caller refuses. Weights and the floor are calibrated in docs/calibration.md.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from assistant.embeddings import Embedder
from assistant.lexical import terms, words
from assistant.retrieve import Passage
from assistant.support import PassageSentence, passage_sentences

COVERAGE_WEIGHT = 0.45
MEANING_WEIGHT = 0.45
PASSAGE_WEIGHT = 0.10
ANSWER_TYPE_BONUS = 0.08
# Below this best score the passages are judged not to answer the question.
ANSWER_FLOOR = 0.35
FOLLOW_RATIO = 0.85
MAX_SENTENCES = 3
MIN_WORDS = 4
# Sentences embedded per question: the best by coverage, which keeps latency flat.
MEANING_CANDIDATES = 12
REPEAT_OVERLAP = 0.6

_QUANTITY_QUESTION = re.compile(
    r"^\s*(how (many|much|long|old|far|big|large|often)|when|what (year|date|time|day|month|"
    r"percentage|share|proportion|amount|number|price)|at what)\b",
    re.IGNORECASE,
)
_QUANTITY = re.compile(
    r"\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|hundred|thousand|million|billion|"
    r"dozen|half|monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|"
    r"march|april|may|june|july|august|september|october|november|december|year|month|week|"
    r"day|hour|minute)s?\b",
    re.IGNORECASE,
)


# Quotable sentences end like sentences; headings, captions and bylines do not.
_ENDS_SENTENCE = re.compile(r"[.!?…][\"'”’)\]]*$")
_BULLET = re.compile(r"^(?:[-–—•*·▪]|\d{1,2}[.)])\s+")


@dataclass(frozen=True)
class Quote:
    """A sentence chosen for the answer, with its passage number and score."""

    n: int
    text: str
    start: int
    end: int
    score: float


class ExtractiveAnswerer:
    """Chooses answer sentences from passages; see the module docstring for how."""

    name = "extractive"

    def __init__(self, embedder: Embedder, idf: Callable[[str], float]) -> None:
        self.embedder = embedder
        self.idf = idf

    def select(self, question: str, passages: Sequence[Passage]) -> list[Quote]:
        """The quotes that answer `question`, best first; empty when none is good enough."""
        candidates = _unique(
            _without_bullet(s)
            for s in passage_sentences(passages)
            if len(words(s.text)) >= MIN_WORDS and _ENDS_SENTENCE.search(s.text)
        )
        if not candidates:
            return []
        wanted = set(terms(question))
        weight = sum(self.idf(t) for t in wanted) or 1.0
        coverage = [
            sum(self.idf(t) for t in wanted & set(terms(c.text))) / weight if wanted else 0.0
            for c in candidates
        ]
        order = sorted(range(len(candidates)), key=lambda i: (-coverage[i], candidates[i].n))
        shortlist = order[:MEANING_CANDIDATES]
        question_vector = self.embedder.embed_query(question)
        vectors = self.embedder.embed([candidates[i].text for i in shortlist])
        meaning = {
            i: max(0.0, float(question_vector @ vectors[j])) for j, i in enumerate(shortlist)
        }
        wants_quantity = bool(_QUANTITY_QUESTION.search(question))
        scored: list[Quote] = []
        for i in shortlist:
            candidate = candidates[i]
            score = (
                COVERAGE_WEIGHT * coverage[i]
                + MEANING_WEIGHT * meaning[i]
                + PASSAGE_WEIGHT * max(0.0, passages[candidate.n - 1].score)
            )
            if wants_quantity and _QUANTITY.search(candidate.text):
                score += ANSWER_TYPE_BONUS
            scored.append(Quote(candidate.n, candidate.text, candidate.start, candidate.end, score))
        scored.sort(key=lambda q: -q.score)
        best = scored[0]
        if best.score < ANSWER_FLOOR:
            return []
        chosen = [best]
        for quote in scored[1:]:
            if len(chosen) == MAX_SENTENCES or quote.score < FOLLOW_RATIO * best.score:
                break
            if not any(_repeats(quote.text, c.text) for c in chosen):
                chosen.append(quote)
        return chosen


def _unique(sentences: Iterable[PassageSentence]) -> list[PassageSentence]:
    """Drop sentences that overlapping chunks repeat (same article span), keeping the first."""
    seen: set[tuple[int, int, str]] = set()
    kept: list[PassageSentence] = []
    for sentence in sentences:
        key = (sentence.start, sentence.end, sentence.text)
        if key not in seen:
            seen.add(key)
            kept.append(sentence)
    return kept


def _without_bullet(sentence: PassageSentence) -> PassageSentence:
    """The sentence without a leading list marker ("- ", "• ", "1. ")."""
    marker = _BULLET.match(sentence.text)
    if not marker:
        return sentence
    cut = marker.end()
    return PassageSentence(sentence.n, sentence.text[cut:], sentence.start + cut, sentence.end)


def _repeats(a: str, b: str) -> bool:
    first, second = set(terms(a)), set(terms(b))
    if not first or not second:
        return False
    return len(first & second) / min(len(first), len(second)) >= REPEAT_OVERLAP
