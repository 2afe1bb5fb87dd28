"""A scripted OpenAI-compatible HTTP server for tests (standard library only).

Tests queue replies; each request to /v1/chat/completions takes the next one
(or the default reply when the queue is empty) and every request body is
recorded, so tests can assert on the exact prompt the real `openai` client
sent. Replies can be plain JSON or server-sent-event streams, and can fail in
the ways real servers do: an HTTP status with headers (429 + Retry-After,
401, 500), a delay before answering (a hung server), or a stream that stops
half-way without its final event (a cut connection).

/v1/embeddings answers with deterministic vectors derived from the text, so
the OpenAI embedding path can be exercised without a model.
"""

from __future__ import annotations

import hashlib
import json
import queue
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Reply:
    """One scripted reply."""

    text: str = ""
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    # Stream pieces; when None the text is sent in word-sized pieces.
    pieces: list[str] | None = None
    # Stop the stream after this many pieces, without the final [DONE].
    cut_after: int | None = None
    piece_delay: float = 0.0


class ScriptedLLM:
    """The server plus its script; use as a context manager."""

    def __init__(self, default: Reply | None = None) -> None:
        self.replies: queue.Queue[Reply] = queue.Queue()
        self.default = default or Reply(text="The articles do not say.")
        self.requests: list[dict[str, Any]] = []
        self.headers: list[dict[str, str]] = []
        self._server = _QuietServer(("127.0.0.1", 0), self._handler())
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        """Base URL for OPENAI_BASE_URL."""
        port = self._server.server_address[1]
        return f"http://127.0.0.1:{port}/v1"

    def queue(self, *replies: Reply) -> None:
        """Script the next replies, in order."""
        for reply in replies:
            self.replies.put(reply)

    def chat_requests(self) -> list[dict[str, Any]]:
        """Bodies of the chat completion requests received so far."""
        return [r for r in self.requests if "messages" in r]

    def __enter__(self) -> ScriptedLLM:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()

    def _next(self) -> Reply:
        try:
            return self.replies.get_nowait()
        except queue.Empty:
            return self.default

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        script = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: Any) -> None:  # keep test output clean
                return

            def do_POST(self) -> None:
                length = int(self.headers.get("content-length") or 0)
                body = json.loads(self.rfile.read(length) or b"{}")
                script.requests.append(body)
                script.headers.append(dict(self.headers))
                if self.path.endswith("/embeddings"):
                    self._embeddings(body)
                elif self.path.endswith("/chat/completions"):
                    self._chat(body, script._next())
                else:
                    self._json(404, {"error": {"message": "not found"}})

            def _json(
                self, status: int, payload: dict[str, Any], headers: dict[str, str] | None = None
            ) -> None:
                data = json.dumps(payload).encode()
                self.send_response(status)
                self.send_header("content-type", "application/json")
                self.send_header("content-length", str(len(data)))
                for key, value in (headers or {}).items():
                    self.send_header(key, value)
                self.end_headers()
                self.wfile.write(data)

            def _embeddings(self, body: dict[str, Any]) -> None:
                texts = body["input"] if isinstance(body["input"], list) else [body["input"]]
                data = [
                    {"object": "embedding", "index": i, "embedding": _vector(str(t))}
                    for i, t in enumerate(texts)
                ]
                self._json(
                    200,
                    {
                        "object": "list",
                        "data": data,
                        "model": body.get("model"),
                        "usage": {"prompt_tokens": 1, "total_tokens": 1},
                    },
                )

            def _chat(self, body: dict[str, Any], reply: Reply) -> None:
                if reply.delay:
                    time.sleep(reply.delay)
                if reply.status != 200:
                    self._json(
                        reply.status,
                        {"error": {"message": f"scripted {reply.status}", "type": "scripted"}},
                        reply.headers,
                    )
                    return
                if not body.get("stream"):
                    self._json(
                        200,
                        {
                            "id": "chatcmpl-test",
                            "object": "chat.completion",
                            "created": 0,
                            "model": body.get("model"),
                            "choices": [
                                {
                                    "index": 0,
                                    "finish_reason": "stop",
                                    "message": {"role": "assistant", "content": reply.text},
                                }
                            ],
                            "usage": {
                                "prompt_tokens": 1,
                                "completion_tokens": 1,
                                "total_tokens": 2,
                            },
                        },
                    )
                    return
                pieces = reply.pieces if reply.pieces is not None else _words(reply.text)
                self.send_response(200)
                self.send_header("content-type", "text/event-stream")
                self.send_header("connection", "close")
                self.end_headers()
                for i, piece in enumerate(pieces):
                    if reply.cut_after is not None and i >= reply.cut_after:
                        self.wfile.flush()
                        self.close_connection = True
                        return
                    self._event(
                        {
                            "choices": [
                                {"index": 0, "delta": {"content": piece}, "finish_reason": None}
                            ]
                        },
                        body,
                    )
                    if reply.piece_delay:
                        time.sleep(reply.piece_delay)
                self._event({"choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}]}, body)
                self.wfile.write(b"data: [DONE]\n\n")
                self.wfile.flush()
                self.close_connection = True

            def _event(self, payload: dict[str, Any], body: dict[str, Any]) -> None:
                payload.update(
                    {
                        "id": "chatcmpl-test",
                        "object": "chat.completion.chunk",
                        "created": 0,
                        "model": body.get("model"),
                    }
                )
                self.wfile.write(f"data: {json.dumps(payload)}\n\n".encode())
                self.wfile.flush()

        return Handler


class _QuietServer(ThreadingHTTPServer):
    """Clients that hang up early (timeouts under test) are expected, not errors."""

    def handle_error(self, request: Any, client_address: Any) -> None:
        return


def _words(text: str) -> list[str]:
    parts = text.split(" ")
    return [p + (" " if i < len(parts) - 1 else "") for i, p in enumerate(parts)]


def _vector(text: str, size: int = 32) -> list[float]:
    digest = hashlib.sha256(text.lower().encode()).digest()
    return [(b - 127.5) / 127.5 for b in digest[:size]]
