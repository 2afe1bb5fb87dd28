"""How well each candidate sentence answers a question, shared by choosing and checking.

The extractive answerer quotes the best-rated sentence; the claim checker
says of every answer sentence (quoted or written by a model) whether the
passage sentence backing it answers the question. It answers when it rates
above the scorer's calibrated threshold, holds what the question asks for
(a name, date or amount, when it asks for one) and the candidates as a whole
pass the answerability gate (answerability.py); it is then `answers` when
the confidence model (answerability.py) judges the answer likely right, and
`unsure` (shown as "may not answer the question") when not, or when it
does not name what an asked-for amount measures ("profit") or the place a
"Who came third?" asks about, or counts another thing than "how many" asks
("90,000 businesses" for "How many people…"), or places the thing asked about
at another name than the question's ("its factory in Stockton-on-Tees" for "…at
the Wakefield factory?"). It is
`off-topic` when it shares little meaning with the question, `related`
between the two. A quote that is a faithful copy of an article is thus never
shown as a bare "supported" when it does not answer the question, and an
answer the scorer chose with little confidence says so.

Ratings of one question's passages are kept briefly, so choosing and then
checking the same answer measures the candidates once.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from assistant.answering.answerability import (
    Gate,
    gate_features,
    trained_confidence,
    trained_gate,
)
from assistant.answering.condense import carries_context
from assistant.answering.features import NAMES, Candidates, measure
from assistant.answering.passage_sentences import candidate_sentences
from assistant.answering.question import Question, analyse
from assistant.answering.scorer import Scorer, trained
from assistant.answering.short_answer import (
    about_another_place,
    asks_a_place,
    counts_another_thing,
    names_the_place,
    names_the_role_holder,
)
from assistant.embedding import Embedder
from assistant.records import Passage

ANSWERS = "answers"
UNSURE = "unsure"
RELATED = "related"
OFF_TOPIC = "off-topic"
_KEPT = 64


# How far below the scorer's line a candidate of the asked-for kind may be rated and still
# answer a follow-up pointing back (scorer units; set on the conversations the tests and
# testers tried: "And when will that happen?" 0.01 below, "Who came second?" 0.38 below,
# an age the article does not give 0.50 below).
POINTING_SLACK = 0.45


@dataclass(frozen=True)
class Rated:
    """A question's candidate sentences with their scores."""

    question: Question
    passages: tuple[Passage, ...]
    candidates: Candidates
    scores: np.ndarray
    scorer: Scorer
    # Whether the candidates as a whole answer the question (answerability.py).
    answerable: bool
    # Whether the confidence model judges the best answer likely right (answerability.py).
    sure: bool
    # Whether it is a follow-up whose own words point back ("And when will that happen?"):
    # they are no words of the article, which the score weighs, so a candidate of the
    # asked-for kind answers from POINTING_SLACK below the scorer's line (condense.py).
    points_back: bool = False

    def best(self) -> int:
        """The index of the best-rated candidate."""
        return int(np.argmax(self.scores))

    def answers(self, index: int) -> bool:
        """Whether candidate `index` is judged to answer the question (surely or not)."""
        return self._rates_as_answer(index) or self._identifies(index)

    def relevance(self, index: int) -> str:
        """How candidate `index` stands to the question: answers, unsure, related or
        off-topic."""
        if self._identifies(index):
            return ANSWERS
        if self._rates_as_answer(index):
            # A sentence not naming what the asked amount measures ("turnover" for "profit")
            # may give another amount; one naming no one beside the place asked ("Who came
            # third?") may name someone in another place.
            measured = self.question.measures <= self.candidates.matched[index]
            text = self.candidates.sentences[index].text
            placed = not asks_a_place(self.question) or names_the_place(self.question, text)
            counted = not counts_another_thing(self.question, text)
            here = not about_another_place(self.question, text)
            return ANSWERS if self.sure and measured and placed and counted and here else UNSURE
        if self.candidates.features[index][NAMES.index("meaning")] < self.scorer.off_topic_below:
            return OFF_TOPIC
        return RELATED

    def _rates_as_answer(self, index: int) -> bool:
        """Above the scorer's threshold, holding what the question asks for, among
        candidates that pass the answerability gate."""
        if not (self.answerable and self._typed(index)):
            return False
        slack = POINTING_SLACK if self.points_back else 0.0
        return bool(self.scores[index] >= self.scorer.answers_from - slack)

    def _typed(self, index: int) -> bool:
        """Whether candidate `index` holds what the question asks for (any, if nothing)."""
        return self.candidates.features[index][NAMES.index("typed")] > 0 or not self.question.wants

    def _identifies(self, index: int) -> bool:
        """Whether the candidate names the person a "who is NAME?" question asks about."""
        return self.question.is_identified_by(self.candidates.sentences[index].text)

    def find(self, chunk_id: str, start: int, end: int) -> int | None:
        """The index of the candidate in chunk `chunk_id` overlapping [start, end), if any."""
        for i, candidate in enumerate(self.candidates.sentences):
            same = self.passages[candidate.n - 1].chunk_id == chunk_id
            if same and candidate.start < end and start < candidate.end:
                return i
        return None


class Rater:
    """Rates a question's candidate sentences with the trained scorer (and remembers a few)."""

    def __init__(
        self,
        embedder: Embedder,
        idf: Callable[[str], float],
        scorer: Scorer | None = None,
        gate: Gate | None = None,
        confidence: Gate | None = None,
    ) -> None:
        self.embedder = embedder
        self.idf = idf
        self.scorer = scorer or trained()
        self.gate = gate or trained_gate()
        self.confidence = confidence or trained_confidence()
        self._kept: OrderedDict[tuple[str, tuple[str, ...]], Rated | None] = OrderedDict()
        self._lock = threading.Lock()

    def rate(self, question: str, passages: Sequence[Passage]) -> Rated | None:
        """The candidates of `passages` rated for `question`; None when there are none."""
        key = (question, tuple(p.chunk_id for p in passages))
        with self._lock:
            if key in self._kept:
                return self._kept[key]
        sentences = candidate_sentences(passages)
        rated = None
        if sentences:
            read = analyse(question)
            candidates = measure(read, sentences, passages, self.embedder, self.idf)
            scores = self.scorer.scores(candidates.features)
            measures = gate_features(candidates, scores)
            # A follow-up's own words point back at the earlier subject (condense.py).
            points_back = carries_context(question)
            # "Okonjo's agent, Femi Adebayo" answers "Who represents Okonjo as his agent?"
            # whatever words the question adds (its "represents" counts against it).
            answerable = (
                points_back
                or self.gate.passes(measures)
                or any(names_the_role_holder(read, s.text) for s in candidates.sentences)
            )
            sure = self.confidence.passes(measures)
            rated = Rated(
                read,
                tuple(passages),
                candidates,
                scores,
                self.scorer,
                answerable,
                sure,
                points_back,
            )
        with self._lock:
            self._kept[key] = rated
            while len(self._kept) > _KEPT:
                self._kept.popitem(last=False)
        return rated
