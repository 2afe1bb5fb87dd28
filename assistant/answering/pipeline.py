"""The answering pipeline: question → standalone question → passages → cited, checked answer.

    validate → condense (answerer) → retrieve → relevance gate → answer (answerer)
             → citations read, renumbered, invalid ones dropped → claims checked → Answer

One straight path for every Answerer (base.py); the pipeline knows no
backend by name. The relevance gate refuses without calling any answerer
when the best passage is too far in meaning from the question (threshold
`min_relevance`, calibrated in docs/calibration.md) and the passages hold
neither the names the question asks about nor, in one passage, its words: a
small embedding model can find "Who is Pete Hegseth?" far from every passage
while a passage names him, or a long passage about several things far from
"What are the rare earth minerals worth?" while it holds every word of it. A stream cut half-way
keeps its partial text, marked `interrupted`.

`run()` is a generator: it yields text pieces as they are produced and
returns the final `Answer`, which `AnswerStream` exposes after iteration.
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Callable, Generator, Iterator, Sequence

from assistant.answering.base import Answerer
from assistant.answering.citations import CitationStream, split_claims, tidy
from assistant.answering.condense import asked_alone, starts_a_new_subject
from assistant.answering.evidence import names_the_passages_hold, one_passage_holds_the_question
from assistant.answering.prompts import Prompts
from assistant.answering.question import analyse
from assistant.answering.refusals import is_refusal, may_be_refusing
from assistant.answering.short_answer import short_answer
from assistant.answering.spelling import with_spelling_hint
from assistant.answering.support import ClaimChecker
from assistant.config import Settings
from assistant.errors import LLMError, QuestionError
from assistant.records import (
    Answer,
    Citation,
    Claim,
    ClaimText,
    History,
    Passage,
    Quote,
    Refusal,
    SearchFilter,
    ShortAnswer,
)
from assistant.text.footnotes import without_reference_marks
from assistant.text.sentences import on_one_line

NOTHING_CLOSE = "No passage in the index is close enough to the question to answer it."
NOTHING_IN_SELECTION = (
    "No passage of the selected articles or dates is close enough to the question to answer it."
)
NOTHING_MATCHES = (
    "No article in the index matches the selected articles or dates (undated articles never "
    "match dates): widen or drop the filter."
)
NOTHING_WRITTEN = "The model wrote no answer from the closest passages."
EMPTY_INDEX = (
    "The index is empty: add articles first (`assistant ingest PATH`, or Articles in the app)."
)

# Retrieval as the pipeline needs it: a query, k and a filter in; passages out, best first.
Search = Callable[[str, int, SearchFilter | None], list[Passage]]


class AnswerStream:
    """Iterate for text pieces; afterwards `.answer` holds the final Answer."""

    def __init__(self, pieces: Generator[str, None, Answer]) -> None:
        self._pieces = pieces
        self._answer: Answer | None = None

    def __iter__(self) -> Iterator[str]:
        self._answer = yield from self._pieces

    @property
    def answer(self) -> Answer:
        """The final answer (iterating to the end first if that has not happened yet)."""
        if self._answer is None:
            for _ in self:
                pass
        assert self._answer is not None
        return self._answer


def validate(question: str, max_chars: int) -> str:
    """The stripped question, or QuestionError saying what is wrong with it."""
    question = (question or "").strip()
    if not question:
        raise QuestionError("The question is empty: type a question about your articles")
    if not any(character.isalnum() for character in question):
        raise QuestionError(
            f"The question {question!r} has no words: type a question about your articles"
        )
    if len(question) > max_chars:
        raise QuestionError(
            f"The question is {len(question)} characters long; the limit is "
            f"{max_chars}: ask something shorter"
        )
    return question


class AnswerPipeline:
    """Runs one question through retrieval, the answerer and the checks."""

    def __init__(
        self,
        settings: Settings,
        search: Search,
        answerer: Answerer,
        *,
        checker: ClaimChecker,
        prompts: Prompts,
        index_is_empty: Callable[[], bool],
    ) -> None:
        self.settings = settings
        self.search = search
        self.answerer = answerer
        self.checker = checker
        self.prompts = prompts
        self.index_is_empty = index_is_empty

    def run(
        self,
        question: str,
        history: History = (),
        where: SearchFilter | None = None,
    ) -> Generator[str, None, Answer]:
        """Yield answer text pieces, then return the checked Answer."""
        started = time.perf_counter()
        question = validate(question, self.settings.max_question_chars)
        standalone = self.answerer.condense(question, history)
        passages = self.search(standalone, self.settings.top_k, where)
        alone = asked_alone(standalone)
        if alone is not None:
            # Given context only for naming nothing, it may start a new subject (condense.py).
            own = self.search(alone, self.settings.top_k, where)
            if starts_a_new_subject(standalone, own, passages):
                standalone, passages = alone, own
        draft = _Draft(question, standalone, passages, self.answerer)
        if not passages or (
            max(p.score for p in passages) < self.settings.min_relevance
            and not names_the_passages_hold(standalone, passages)
            and not one_passage_holds_the_question(standalone, passages)
        ):
            why = self._why_nothing_relevant(where, found=bool(passages))
            return (yield from self._refuse(draft, started, why))
        citations = CitationStream(len(passages))
        quotes: list[Quote] = []
        refusal = self.prompts.refusal_sentence()
        # While the reply may still be a refusal, nothing is shown (refusals.py).
        holding = True
        try:
            for piece in self.answerer.answer(standalone, passages, history):
                if isinstance(piece, Refusal):
                    return (yield from self._refuse(draft, started, piece.note))
                if isinstance(piece, Quote):
                    quote = _as_shown(piece)
                    quotes.append(quote)
                    before = "\n- " if quote.item else " " if draft.text else ""
                    written = f"{before}{quote.text} [{quote.n}]"
                else:
                    written = piece
                shown = citations.feed(written)
                draft.text += shown
                if holding and not may_be_refusing(draft.text, refusal):
                    holding, shown = False, draft.text
                if shown and not holding:
                    yield shown
        except LLMError as error:
            if not draft.text.strip():
                raise
            draft.interrupted = True
            draft.note = f"The answer was cut off: {error}"
        rest = citations.finish()
        draft.text += rest
        if not draft.text.strip():
            return (yield from self._refuse(draft, started, NOTHING_WRITTEN))
        if holding:
            yield refusal if is_refusal(draft.text, refusal) else draft.text
        elif rest:
            yield rest
        claims = [ClaimText(q.text, (citations.display_number(q.n),)) for q in quotes]
        short = next((q.short for q in quotes if q.short is not None), None)
        if short is not None:
            draft.short = dataclasses.replace(short, n=citations.display_number(short.n))
        return self._finish(draft, started, citations, claims or None)

    def _why_nothing_relevant(self, where: SearchFilter | None, found: bool) -> str:
        if self.index_is_empty():
            return EMPTY_INDEX
        if where is not None and not where.is_empty():
            return NOTHING_IN_SELECTION if found else NOTHING_MATCHES
        return NOTHING_CLOSE

    def _refuse(self, draft: _Draft, started: float, why: str) -> Generator[str, None, Answer]:
        """Say that the articles do not answer, streamed like any answer (and which words
        of the question may be misspelt: spelling.py)."""
        text = self.prompts.refusal_sentence()
        yield text
        why = with_spelling_hint(why, draft.question, draft.passages)
        return draft.answer(text, refused=True, note=why, seconds=time.perf_counter() - started)

    def _finish(
        self,
        draft: _Draft,
        started: float,
        citations: CitationStream,
        claims: list[ClaimText] | None,
    ) -> Answer:
        """Number the passages as the answer cites them, detect a refusal, check every claim.

        `claims` are given when the answer was assembled from known sentences
        (quotes); otherwise they are split from the text.
        """
        text = tidy(draft.text)
        # Passage i+1 is the one the answer shows as [i+1]; uncited ones follow in rank order.
        order = citations.order + [
            n for n in range(1, len(draft.passages) + 1) if n not in citations.order
        ]
        draft.retrieved = list(draft.passages)
        draft.passages = [draft.passages[n - 1] for n in order]
        draft.dropped = citations.dropped
        refusal = self.prompts.refusal_sentence()
        if is_refusal(text, refusal):
            return draft.answer(refusal, refused=True, seconds=time.perf_counter() - started)
        cited = [Citation(n, draft.passages[n - 1]) for n in range(1, len(citations.order) + 1)]
        checked = self.checker.check(
            draft.standalone, claims or split_claims(text), draft.passages, draft.retrieved
        )
        return draft.answer(
            text,
            citations=tuple(cited),
            claims=tuple(checked),
            seconds=time.perf_counter() - started,
            short_answer=draft.short or _short_in_evidence(draft.standalone, checked),
        )


@dataclasses.dataclass
class _Draft:
    """What is known about an answer while it is being written."""

    question: str
    standalone: str
    passages: Sequence[Passage]
    answerer: Answerer
    text: str = ""
    note: str = ""
    interrupted: bool = False
    dropped: list[int] = dataclasses.field(default_factory=list)
    short: ShortAnswer | None = None
    # The passages in retrieval order, as the answerer saw (and rated) them.
    retrieved: list[Passage] = dataclasses.field(default_factory=list)

    def answer(self, text: str, *, refused: bool = False, **fields: object) -> Answer:
        """The final, frozen Answer."""
        note = fields.pop("note", None)
        return Answer(
            question=self.question,
            text=text,
            mode=self.answerer.mode,
            refused=refused,
            passages=tuple(self.passages),
            standalone_question=self.standalone,
            model=self.answerer.name,
            note=str(note) if note is not None else (self.note or self.answerer.note),
            dropped_citations=tuple(self.dropped),
            interrupted=self.interrupted,
            **fields,  # type: ignore[arg-type]
        )


def _as_shown(quote: Quote) -> Quote:
    """`quote` as the answer shows it: without the article's own reference marks ("said.[3]"
    would read as citations), and on one line though its article is hard-wrapped, its
    short answer too (the chat marks the short answer by its words)."""
    short = quote.short
    if short is not None:
        short = dataclasses.replace(short, text=on_one_line(short.text))
    return dataclasses.replace(
        quote, text=on_one_line(without_reference_marks(quote.text)), short=short
    )


def _short_in_evidence(question: str, claims: Sequence[Claim]) -> ShortAnswer | None:
    """For a written (model's) answer: the short answer in the passage sentence backing its
    first answering, supported claim, when the claim says the same words; so a model's
    answer is marked in its passage as a quote is."""
    read = analyse(question)
    for claim in claims:
        evidence = claim.evidence
        answering = claim.relevance in ("answers", "unsure")
        if evidence is None or claim.verdict != "supported" or not answering:
            continue
        span = short_answer(read, evidence.text)
        if span is None:
            return None
        words = on_one_line(evidence.text[span[0] : span[1]])
        if words.lower() not in claim.text.lower():
            return None
        return ShortAnswer(evidence.n, words, evidence.start + span[0], evidence.start + span[1])
    return None
