"""The one interface every answering backend implements.

    condense(question, history)          -> a standalone question to search with
    answer(question, passages, history)  -> pieces: text (with [n]-style markers
                                            in any form a model writes), Quotes,
                                            or a Refusal saying why not

The pipeline (pipeline.py) drives any Answerer the same way: it retrieves,
gates, renumbers and checks citations, and knows no backend by name. An
answerer that yields nothing (or a Refusal, with the reason for the reader)
is saying that the passages do not answer the question. The extractive
answerer, the OpenAI-compatible chat answerer and the scripted test double
(assistant.testing) implement it.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Protocol

from assistant.records import History, Passage, Quote, Refusal

Piece = str | Quote | Refusal


class Answerer(Protocol):
    """Writes answers from numbered passages."""

    # "extractive", "openai", "scripted"…: what kind of answer this is, as Answer.mode.
    mode: str
    # The model that answers (or the answerer's own name), as Answer.model.
    name: str
    # Said with every answer of this kind (e.g. that sentences are quoted), or "".
    note: str

    def describe(self) -> str:
        """How this answerer works, in a few words for people (the app header, the CLI)."""
        ...

    def condense(self, question: str, history: History) -> str:
        """A standalone version of `question` given the earlier (question, answer) turns."""
        ...

    def answer(
        self, question: str, passages: Sequence[Passage], history: History
    ) -> Iterator[Piece]:
        """Yield the answer in pieces, citing passages by number (1-based, as given).

        Raises LLMError when a service fails; after pieces were yielded that
        is a cut-off answer, which the pipeline keeps and marks.
        """
        ...
