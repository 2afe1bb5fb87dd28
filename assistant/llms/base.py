"""The interface every chat model backend implements."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Protocol

from assistant.prompts import Message


class ChatModel(Protocol):
    """A language model that turns chat messages into text."""

    name: str

    def stream(self, messages: Sequence[Message]) -> Iterator[str]:
        """Yield the reply in pieces; raise LLMError (after the first piece: a cut stream)."""
        ...

    def complete(self, messages: Sequence[Message]) -> str:
        """The whole reply at once."""
        ...
