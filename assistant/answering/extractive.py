"""The offline answerer: quotes the retrieved sentences that best answer the question.

No language model: every answer sentence is a verbatim sentence of a
retrieved passage, followed by its `[n]`, so it cannot say anything the
articles do not. A sentence is scored by three signals:

- coverage: the share of the question's content terms it contains, each
  weighted by its rarity in the index (IDF) and among the candidate
  sentences, so "lasted" in "How long did the call last?" counts for more
  than "call", and the subject every sentence mentions counts for little;
- meaning: the embedding similarity of sentence and question;
- answer type: questions asking how many/much/long or when favour sentences
  that hold a number or date the question does not; who/where/which-company
  questions favour sentences that hold a name the question does not.

The best sentence is quoted, with up to two more that score nearly as well
and are not repeats. If even the best is weak, nothing is quoted and the
caller refuses. Weights and the floor are calibrated in docs/calibration.md.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence

from assistant.answering.base import Piece
from assistant.answering.condense import carry_subject
from assistant.answering.passage_sentences import PassageSentence, passage_sentences
from assistant.embedding import Embedder
from assistant.records import History, Passage, Quote
from assistant.text.terms import terms, words

COVERAGE_WEIGHT = 0.45
MEANING_WEIGHT = 0.45
PASSAGE_WEIGHT = 0.10
ANSWER_TYPE_BONUS = 0.08
# Share of a term's weight kept even when every candidate sentence contains it.
LOCAL_FLOOR = 0.25
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
_NAME_QUESTION = re.compile(
    r"^\s*(who|whom|whose|where|which (person|man|woman|company|firm|team|player|club|country|"
    r"city|party|band|group))\b",
    re.IGNORECASE,
)
_PROPER_NAME = re.compile(r"(?<![.!?]\s)\b[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)*\b")
_TOKEN = re.compile(r"\w+(?:[.,]\d+)*")
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


NOTE = "Extractive answer: sentences quoted verbatim from the articles, no language model used."


class ExtractiveAnswerer:
    """An Answerer that quotes sentences from the passages; see the module docstring for how."""

    mode = "extractive"
    name = "extractive"
    note = NOTE

    def __init__(self, embedder: Embedder, idf: Callable[[str], float]) -> None:
        self.embedder = embedder
        self.idf = idf

    def describe(self) -> str:
        """What this answerer does, for people."""
        return "extractive (quotes sentences from the articles; no language model)"

    def condense(self, question: str, history: History) -> str:
        """The follow-up with the earlier subject carried over (see condense.py)."""
        if not history:
            return question
        return carry_subject(question, [asked for asked, _ in history])

    def answer(
        self, question: str, passages: Sequence[Passage], history: History
    ) -> Iterator[Piece]:
        """The chosen quotes, best first; nothing when no sentence answers well enough."""
        yield from self.select(question, passages)

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
        candidate_terms = [set(terms(c.text)) for c in candidates]
        weights = _term_weights(wanted, candidate_terms, self.idf)
        total = sum(weights.values()) or 1.0
        coverage = [sum(weights[t] for t in wanted & found) / total for found in candidate_terms]
        order = sorted(range(len(candidates)), key=lambda i: (-coverage[i], candidates[i].n))
        shortlist = order[:MEANING_CANDIDATES]
        question_vector = self.embedder.embed_query(question)
        vectors = self.embedder.embed_short([candidates[i].text for i in shortlist])
        meaning = {
            i: max(0.0, float(question_vector @ vectors[j])) for j, i in enumerate(shortlist)
        }
        kinds = _answer_kinds(question)
        asked = {token.lower() for token in _TOKEN.findall(question)}
        scored: list[Quote] = []
        for i in shortlist:
            candidate = candidates[i]
            score = (
                COVERAGE_WEIGHT * coverage[i]
                + MEANING_WEIGHT * meaning[i]
                + PASSAGE_WEIGHT * max(0.0, passages[candidate.n - 1].score)
            )
            if kinds and any(_provides(kind, candidate.text, asked) for kind in kinds):
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


def _term_weights(
    wanted: set[str], candidate_terms: Sequence[set[str]], idf: Callable[[str], float]
) -> dict[str, float]:
    """Weight each question term by its rarity in the index and among the candidates.

    A term that every candidate sentence contains (the article's subject, say
    "Nigeria" in every sentence of a Nigeria story) cannot tell the answer
    sentence from the others, however rare it is in the whole index.
    """
    count = len(candidate_terms) or 1
    weights = {}
    for term in wanted:
        local = sum(1 for present in candidate_terms if term in present) / count
        weights[term] = idf(term) * (LOCAL_FLOOR + (1.0 - LOCAL_FLOOR) * (1.0 - local))
    return weights


def _answer_kinds(question: str) -> set[str]:
    """What kind of thing the question asks for: a quantity or date, or a name."""
    kinds = set()
    if _QUANTITY_QUESTION.search(question):
        kinds.add("quantity")
    if _NAME_QUESTION.search(question):
        kinds.add("name")
    return kinds


def _provides(kind: str, sentence: str, asked: set[str]) -> bool:
    """True when the sentence holds a quantity, or a name, that the question does not."""
    if kind == "quantity":
        return any(m.group(0).lower() not in asked for m in _QUANTITY.finditer(sentence))
    names = (m for m in _PROPER_NAME.finditer(sentence) if m.start() > 0)
    return any(m.group(0).lower() not in asked for m in names)


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
