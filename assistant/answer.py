"""The answering pipeline: question → standalone question → passages → cited, checked answer.

    validate → condense (history) → retrieve → relevance gate → extractive quotes
                                                             └→ LLM stream (prompt)
             → drop invalid [n] → claims checked against passages → Answer

The relevance gate refuses without calling any model when the best passage
is too far from the question (threshold `min_relevance`, calibrated in
docs/calibration.md). An LLM stream cut half-way keeps its partial text,
marked `interrupted`.

`run()` is a generator: it yields text pieces as they are produced and
returns the final `Answer`, which `AnswerStream` exposes after iteration.
"""

from __future__ import annotations

import time
from collections.abc import Generator, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from assistant.cite import (
    CitationStream,
    ClaimText,
    cited_numbers,
    split_claims,
    strip_markers,
    tidy,
)
from assistant.condense import condense
from assistant.config import Settings
from assistant.errors import LLMError, QuestionError
from assistant.llms.base import ChatModel
from assistant.llms.extractive import ExtractiveAnswerer
from assistant.prompts import answer_messages, refusal_sentence
from assistant.retrieve import Passage, Retriever
from assistant.store import ChunkFilter
from assistant.support import Claim, ClaimChecker

NOTHING_CLOSE = "No passage in the index is close enough to the question to answer it."
NOTHING_IN_SELECTION = (
    "No passage of the selected articles or dates is close enough to the question to answer it."
)
NO_ANSWERING_SENTENCE = "The closest passages hold no sentence that answers the question."
EMPTY_INDEX = (
    "The index is empty: add articles first (`assistant ingest PATH`, or Articles in the app)."
)
EXTRACTIVE_NOTE = (
    "Extractive answer: sentences quoted verbatim from the articles, no language model used."
)


@dataclass(frozen=True)
class Citation:
    """A passage the answer cites, under the number the answer uses for it."""

    n: int
    source: str
    title: str
    text: str
    score: float
    start: int
    end: int
    url: str = ""
    date: str = ""


@dataclass
class Answer:
    """An answer with everything needed to check it.

    `passages` are all retrieved passages, numbered from 1 in order (the
    closest ones are shown when the answer is a refusal); `citations` holds
    only those the text cites; `claims` has a verdict per answer sentence.
    """

    question: str
    text: str
    mode: str
    refused: bool
    citations: list[Citation] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    passages: list[Passage] = field(default_factory=list)
    standalone_question: str = ""
    model: str = ""
    note: str = ""
    dropped_citations: list[int] = field(default_factory=list)
    interrupted: bool = False
    seconds: float = 0.0

    def __str__(self) -> str:
        """The answer as people read it: its text, then its numbered sources (repr has all)."""
        lines = [self.text]
        if self.refused and self.note:
            lines.append(f"({self.note})")
        if self.citations:
            lines.append("")
            for citation in self.citations:
                place = citation.url or citation.source
                date = f", {citation.date}" if citation.date else ""
                lines.append(f"[{citation.n}] {citation.title} — {place}{date}")
        return "\n".join(lines)

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape of `assistant ask --json` and of the web API."""
        return {
            "question": self.question,
            "standalone_question": self.standalone_question,
            "answer": self.text,
            "mode": self.mode,
            "model": self.model,
            "refused": self.refused,
            "interrupted": self.interrupted,
            "note": self.note,
            "citations": [asdict(c) for c in self.citations],
            "claims": [asdict(c) for c in self.claims],
            "dropped_citations": self.dropped_citations,
            "passages": [
                {k: v for k, v in asdict(p).items() if k not in ("rank_score", "chunk_id")}
                for p in self.passages
            ],
            "seconds": round(self.seconds, 3),
        }


class AnswerStream:
    """Iterate for text pieces; afterwards `.answer` holds the final Answer."""

    def __init__(self, pieces: Generator[str, None, Answer]) -> None:
        self._pieces = pieces
        self._answer: Answer | None = None

    def __iter__(self) -> Iterator[str]:
        self._answer = yield from self._pieces

    @property
    def answer(self) -> Answer:
        """The final answer; iterating first is required."""
        if self._answer is None:
            for _ in self:
                pass
        assert self._answer is not None
        return self._answer


class AnswerPipeline:
    """Runs one question through retrieval, answering and checking."""

    def __init__(
        self,
        settings: Settings,
        retriever: Retriever,
        checker: ClaimChecker,
        extractive: ExtractiveAnswerer,
        chat: ChatModel | None,
    ) -> None:
        self.settings = settings
        self.retriever = retriever
        self.checker = checker
        self.extractive = extractive
        self.chat = chat

    def validate(self, question: str) -> str:
        """The stripped question, or QuestionError saying what is wrong with it."""
        question = (question or "").strip()
        if not question:
            raise QuestionError("The question is empty: type a question about your articles")
        if len(question) > self.settings.max_question_chars:
            raise QuestionError(
                f"The question is {len(question)} characters long; the limit is "
                f"{self.settings.max_question_chars}: ask something shorter"
            )
        return question

    def run(
        self,
        question: str,
        history: Sequence[tuple[str, str]] = (),
        where: ChunkFilter | None = None,
    ) -> Generator[str, None, Answer]:
        """Yield answer text pieces, then return the checked Answer."""
        started = time.perf_counter()
        question = self.validate(question)
        mode = "extractive" if self.chat is None else "openai"
        model = self.chat.name if self.chat is not None else "extractive"
        standalone = condense(question, history, self.chat)
        passages = self.retriever.search(standalone, self.settings.top_k, where)
        answer = Answer(
            question,
            "",
            mode,
            False,
            passages=passages,
            standalone_question=standalone,
            model=model,
        )
        if not passages or max(p.score for p in passages) < self.settings.min_relevance:
            return (yield from self._refuse(answer, started, self._why_nothing_relevant(where)))
        citations = CitationStream(len(passages))
        claims: list[ClaimText] | None = None
        if self.chat is None:
            quotes = self.extractive.select(standalone, passages)
            if not quotes:
                return (yield from self._refuse(answer, started, NO_ANSWERING_SENTENCE))
            answer.note = EXTRACTIVE_NOTE
            for i, quote in enumerate(quotes):
                piece = citations.feed(f"{' ' if i else ''}{quote.text} [{quote.n}]")
                answer.text += piece
                yield piece
            claims = [ClaimText(q.text, (citations.display_number(q.n),)) for q in quotes]
        else:
            try:
                for raw in self.chat.stream(answer_messages(standalone, passages)):
                    piece = citations.feed(raw)
                    answer.text += piece
                    if piece:
                        yield piece
            except LLMError as error:
                if not answer.text.strip():
                    raise
                answer.interrupted = True
                answer.note = f"The answer was cut off: {error}"
        rest = citations.finish()
        answer.text += rest
        if rest:
            yield rest
        return self._finish(answer, started, citations, claims)

    def _why_nothing_relevant(self, where: ChunkFilter | None) -> str:
        if not self.retriever.records():
            return EMPTY_INDEX
        if where is not None and not where.is_empty():
            return NOTHING_IN_SELECTION
        return NOTHING_CLOSE

    def _refuse(self, answer: Answer, started: float, why: str) -> Generator[str, None, Answer]:
        """Say that the articles do not answer, streamed like any answer."""
        answer.refused = True
        answer.text = refusal_sentence()
        answer.note = why
        yield answer.text
        answer.seconds = time.perf_counter() - started
        return answer

    def _finish(
        self,
        answer: Answer,
        started: float,
        citations: CitationStream,
        claims: list[ClaimText] | None = None,
    ) -> Answer:
        """Number the passages as the answer cites them, detect a refusal, check every claim.

        `claims` are given when the answer was assembled from known sentences
        (extractive mode); otherwise they are split from the text.
        """
        answer.text = tidy(answer.text)
        answer.dropped_citations = citations.dropped
        # Passage i+1 is the one the answer shows as [i+1]; uncited ones follow in rank order.
        order = citations.order + [
            n for n in range(1, len(answer.passages) + 1) if n not in citations.order
        ]
        answer.passages = [answer.passages[n - 1] for n in order]
        if _is_refusal(answer.text):
            answer.refused = True
            answer.text = refusal_sentence()
        else:
            passages = answer.passages
            answer.citations = [
                _citation(n, passages[n - 1]) for n in range(1, len(citations.order) + 1)
            ]
            answer.claims = self.checker.check(claims or split_claims(answer.text), passages)
        answer.seconds = time.perf_counter() - started
        return answer


def _is_refusal(text: str) -> bool:
    """True when a model's reply is (or opens with) the refusal sentence and cites nothing."""
    plain = " ".join(strip_markers(text).lower().split())
    refusal = " ".join(refusal_sentence().lower().split()).rstrip(".")
    return plain.startswith(refusal) and not cited_numbers(text)


def _citation(n: int, passage: Passage) -> Citation:
    return Citation(
        n=n,
        source=passage.source,
        title=passage.title,
        text=passage.text,
        score=passage.score,
        start=passage.start,
        end=passage.end,
        url=passage.url,
        date=passage.date,
    )
