"""Answers written by a language model behind an OpenAI-compatible API, from the passages.

The model gets the numbered passages (as untrusted, delimited text) and is
told to cite them and to say the refusal sentence when they are silent; the
pipeline then checks what it wrote. Follow-up questions are rewritten by the
same model with the condense prompt.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from assistant.answering.base import Piece
from assistant.answering.citations import strip_markers
from assistant.answering.condense import carry_subject
from assistant.answering.openai_client import OpenAIChatClient
from assistant.answering.prompts import Prompts
from assistant.config import Settings
from assistant.errors import LLMAuthError, LLMError, LLMTimeoutError
from assistant.records import History, Passage

MAX_STANDALONE_CHARS = 500


class ChatAnswerer:
    """An Answerer backed by a chat model (OpenAI, Ollama, vLLM, llama.cpp's server…)."""

    mode = "openai"
    note = ""

    def __init__(self, settings: Settings, prompts: Prompts) -> None:
        self.client = OpenAIChatClient(settings)
        self.name = settings.model
        self.prompts = prompts
        self._where = settings.openai_base_url or "api.openai.com"

    def describe(self) -> str:
        """The model and where it is served."""
        return f"{self.name} via {self._where}"

    def condense(self, question: str, history: History) -> str:
        """The model's standalone rewrite of a follow-up. When the model gives none (an
        empty reply, or a failed request: the answer request may still succeed), the rule
        used without a model carries the earlier subject over (condense.py)."""
        if not history:
            return question
        try:
            reply = self.client.complete(self.prompts.condense_messages(question, history))
        except (LLMAuthError, LLMTimeoutError):
            raise  # the answer request would only fail the same way, or wait as long again
        except LLMError:
            reply = ""
        rewritten = strip_markers(reply).strip().strip('"')
        rewritten = rewritten.splitlines()[0].strip() if rewritten else ""
        return rewritten[:MAX_STANDALONE_CHARS] or carry_subject(question, history)

    def answer(
        self, question: str, passages: Sequence[Passage], history: History
    ) -> Iterator[Piece]:
        """The model's reply, as it streams in."""
        yield from self.client.stream(self.prompts.answer_messages(question, passages))
