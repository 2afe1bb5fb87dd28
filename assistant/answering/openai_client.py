"""The transport to chat models behind the OpenAI API: OpenAI itself, or any compatible server.

Calls go through llama-index's `OpenAILike` (any model name, any base URL:
Ollama, vLLM, llama.cpp's server, LM Studio) on an `openai` client whose own
retries are switched off. Retries and the deadline are handled here, once:

- 429 is retried after the server's Retry-After (or a short backoff), 5xx
  and connection failures after a backoff, at most `llm_retries` times and
  only while the deadline allows; a retry happens only before the first
  piece of a reply, never in the middle of one.
- The whole call, retries included, ends by `llm_timeout` seconds. The reply
  is read in a worker thread so that a server that hangs mid-stream cannot
  hold the caller past the deadline.

Every failure becomes an LLMError subclass with a one-line message; the key
is never part of a message.
"""

from __future__ import annotations

import email.utils
import queue
import threading
import time
from collections.abc import Iterator, Sequence
from typing import Any
from urllib.parse import urlparse

import httpx
import openai

from assistant.answering.prompts import Message
from assistant.config import Settings
from assistant.errors import (
    LLMAuthError,
    LLMError,
    LLMRateLimitError,
    LLMTimeoutError,
    LLMUnavailableError,
)

# Backoff before a retry when the server gives no Retry-After, doubled each attempt.
FIRST_BACKOFF = 1.0
CONNECT_TIMEOUT = 10.0
# A context window large enough that llama-index never trims our short prompts.
CONTEXT_WINDOW = 32768


class OpenAIChatClient:
    """A chat model reached over the OpenAI API with bounded retries and a hard deadline."""

    def __init__(self, settings: Settings) -> None:
        from llama_index.llms.openai_like import OpenAILike

        self.name = settings.model
        self.where = settings.openai_base_url or "https://api.openai.com/v1"
        self.timeout = settings.llm_timeout
        self.retries = settings.llm_retries
        # Local servers (Ollama, llama.cpp) need no key, but the client insists on one.
        api_key = settings.openai_api_key or "not-needed"
        client = openai.OpenAI(
            api_key=api_key, base_url=settings.openai_base_url, max_retries=0, timeout=self.timeout
        )
        self._llm = OpenAILike(
            model=settings.model,
            api_key=api_key,
            api_base=settings.openai_base_url,
            is_chat_model=True,
            context_window=CONTEXT_WINDOW,
            temperature=0.0,
            max_retries=0,
            timeout=self.timeout,
            openai_client=client,  # type: ignore[call-arg]  # accepted by OpenAI.__init__
        )

    def complete(self, messages: Sequence[Message]) -> str:
        """The whole reply (streamed underneath, so the deadline holds)."""
        return "".join(self.stream(messages))

    def stream(self, messages: Sequence[Message]) -> Iterator[str]:
        """Yield reply pieces; raise an LLMError on failure or when the deadline passes."""
        deadline = time.monotonic() + self.timeout
        attempt = 0
        while True:
            received = False
            try:
                for piece in self._pieces(messages, deadline):
                    received = True
                    yield piece
                return
            except openai.OpenAIError as error:
                mapped, retryable, retry_after = self._classify(error)
                if received:
                    reason = error.message if isinstance(error, _IncompleteReply) else mapped
                    raise LLMUnavailableError(
                        f"{self.name} stopped before finishing ({reason})"
                    ) from None
                wait = retry_after if retry_after is not None else FIRST_BACKOFF * 2**attempt
                if not retryable or attempt >= self.retries or time.monotonic() + wait >= deadline:
                    raise mapped from None
            attempt += 1
            time.sleep(wait)

    def _pieces(self, messages: Sequence[Message], deadline: float) -> Iterator[str]:
        """Read one streamed reply through a worker thread, enforcing the deadline."""
        channel: queue.Queue[tuple[str, Any]] = queue.Queue()
        remaining = max(0.1, deadline - time.monotonic())
        worker = threading.Thread(
            target=self._pump,
            args=(messages, channel, remaining),
            name="assistant-llm-stream",
            daemon=True,
        )
        worker.start()
        while True:
            remaining = deadline - time.monotonic()
            try:
                kind, value = channel.get(timeout=max(0.0, remaining))
            except queue.Empty:
                raise LLMTimeoutError(
                    f"{self.name} at {self.where} gave no complete answer within "
                    f"{self.timeout:g} s; try again, or raise ASSISTANT_LLM_TIMEOUT"
                ) from None
            if kind == "piece":
                yield value
            elif kind == "end":
                return
            else:
                raise value

    def _pump(
        self, messages: Sequence[Message], channel: queue.Queue[tuple[str, Any]], timeout: float
    ) -> None:
        from llama_index.core.llms import ChatMessage

        chat = [ChatMessage(role=m.role, content=m.content) for m in messages]
        try:
            limits = httpx.Timeout(timeout, connect=min(CONNECT_TIMEOUT, timeout))
            finished = False
            for response in self._llm.stream_chat(chat, timeout=limits):
                if response.delta:
                    channel.put(("piece", response.delta))
                choices = getattr(response.raw, "choices", None) or []
                finished = finished or any(getattr(c, "finish_reason", None) for c in choices)
            if not finished:
                # The reply ended before the server said it was complete.
                raise _IncompleteReply(
                    "the stream ended before the reply was complete", _NO_REQUEST, body=None
                )
            channel.put(("end", None))
        except openai.OpenAIError as error:
            channel.put(("error", error))
        except Exception as error:  # a malformed reply breaks parsing somewhere below us
            channel.put(
                ("error", openai.APIError(f"malformed reply: {error}", _NO_REQUEST, body=None))
            )

    def _classify(self, error: openai.OpenAIError) -> tuple[LLMError, bool, float | None]:
        """Map an openai error to (our error, retry or not, the server's Retry-After if any)."""
        if isinstance(error, (openai.AuthenticationError, openai.PermissionDeniedError)):
            return (
                LLMAuthError(
                    f"{self.where} rejected the API key (HTTP {error.status_code}): "
                    "check OPENAI_API_KEY"
                ),
                False,
                None,
            )
        if isinstance(error, openai.RateLimitError):
            return (
                LLMRateLimitError(
                    f"{self.where} is limiting requests (HTTP 429); wait a moment and ask again"
                ),
                True,
                _retry_after(error.response),
            )
        if isinstance(error, openai.APITimeoutError):
            return (
                LLMTimeoutError(
                    f"{self.name} at {self.where} did not answer within {self.timeout:g} s; "
                    "try again, or raise ASSISTANT_LLM_TIMEOUT"
                ),
                False,
                None,
            )
        if isinstance(error, _IncompleteReply):
            # The server answered, but with nothing a chat client can read: often a base URL
            # without /v1, or a server that is not OpenAI-compatible.
            return (
                LLMUnavailableError(
                    f"{self.where} sent no usable chat reply: check that OPENAI_BASE_URL is "
                    "the address of its OpenAI-compatible API (it usually ends in /v1)"
                ),
                False,
                None,
            )
        if isinstance(error, openai.APIConnectionError):
            return (
                LLMUnavailableError(
                    f"Cannot reach the language model at {self.where}: is it running?"
                ),
                True,
                None,
            )
        if isinstance(error, openai.NotFoundError):
            return (
                LLMUnavailableError(
                    f"{self.where} has no model {self.name!r}: set ASSISTANT_MODEL to one it "
                    "serves"
                    + (
                        ", or, if it serves that one, add /v1 to OPENAI_BASE_URL"
                        if not urlparse(self.where).path.rstrip("/").endswith("/v1")
                        else ""
                    )
                ),
                False,
                None,
            )
        if isinstance(error, openai.InternalServerError):
            return (
                LLMUnavailableError(
                    f"{self.where} failed (HTTP {error.status_code}); try again later"
                ),
                True,
                None,
            )
        if isinstance(error, openai.APIStatusError):
            return (
                LLMUnavailableError(
                    f"{self.where} refused the request (HTTP {error.status_code}): {_short(error)}"
                ),
                False,
                None,
            )
        return (
            LLMUnavailableError(f"{self.where} sent an unusable reply: {_short(error)}"),
            False,
            None,
        )


_NO_REQUEST = httpx.Request("POST", "http://stream.invalid/")


class _IncompleteReply(openai.APIError):
    """A reply that ended (or never started) without the server saying it was complete."""


def _retry_after(response: httpx.Response | None) -> float | None:
    """Seconds the server asked us to wait, from Retry-After(-ms), or None."""
    if response is None:
        return None
    headers = response.headers
    if headers.get("retry-after-ms"):
        try:
            return max(0.0, float(headers["retry-after-ms"]) / 1000.0)
        except ValueError:
            pass
    value = headers.get("retry-after")
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        return max(0.0, email.utils.parsedate_to_datetime(value).timestamp() - time.time())
    except (TypeError, ValueError, IndexError):
        return None


def _short(error: Exception) -> str:
    return (str(error).splitlines() or [type(error).__name__])[0][:200]
