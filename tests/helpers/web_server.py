"""A real local HTTP server for tests: pages, feeds, PDFs and misbehaving responses.

Routes are scripted per path: a status, headers and a body, or a list of
replies served in turn (the last one repeats). Pages carry an ETag and
answer If-None-Match with 304, as real servers do. Every request is
counted per path, so a test can assert what was fetched.
"""

from __future__ import annotations

import hashlib
import threading
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Reply:
    """One scripted response."""

    body: bytes = b""
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    # Seconds to wait before answering (timeouts).
    delay: float = 0.0
    # Send this many bytes of zeros instead of `body`, without a Content-Length (chunked).
    endless: int = 0
    # Answer If-None-Match with 304 when the ETag matches.
    conditional: bool = True


class WebServer:
    """Serves scripted routes on a free port of 127.0.0.1 until closed."""

    def __init__(self) -> None:
        self.routes: dict[str, list[Reply]] = {}
        self.hits: Counter[str] = Counter()
        self.agents: list[str] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:
                server._answer(self)

            def log_message(self, *_: object) -> None:
                pass

        class Server(ThreadingHTTPServer):
            daemon_threads = True

            def handle_error(self, request: object, client_address: object) -> None:
                pass  # a client that hangs up (a limit reached, a keep-alive closed) is normal

        self.httpd = Server(("127.0.0.1", 0), Handler)
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def url(self, path: str) -> str:
        """The address of `path` on this server."""
        return f"http://127.0.0.1:{self.port}{path}"

    def route(self, path: str, *replies: Reply) -> str:
        """Serve `replies` at `path` in turn (the last repeats); returns its address."""
        self.routes[path] = list(replies)
        return self.url(path)

    def page(self, path: str, html: str, **options: object) -> str:
        """Serve an HTML page at `path`."""
        return self.route(path, Reply(html.encode("utf-8"), **options))  # type: ignore[arg-type]

    def __enter__(self) -> WebServer:
        self.thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def _answer(self, handler: BaseHTTPRequestHandler) -> None:
        path = handler.path
        self.hits[path] += 1
        self.agents.append(handler.headers.get("User-Agent", ""))
        replies = self.routes.get(path)
        if not replies:
            self._send(handler, Reply(b"<h1>Not Found</h1>", status=404))
            return
        reply = replies.pop(0) if len(replies) > 1 else replies[0]
        if reply.delay:
            time.sleep(reply.delay)
        self._send(handler, reply)

    def _send(self, handler: BaseHTTPRequestHandler, reply: Reply) -> None:
        etag = '"' + hashlib.sha1(reply.body).hexdigest()[:16] + '"'
        try:
            if (
                reply.conditional
                and reply.status == 200
                and handler.headers.get("If-None-Match") == etag
            ):
                handler.send_response(304)
                handler.send_header("ETag", etag)
                handler.send_header("Content-Length", "0")
                handler.end_headers()
                return
            handler.send_response(reply.status)
            if reply.content_type:
                handler.send_header("Content-Type", reply.content_type)
            if reply.status == 200 and reply.conditional:
                handler.send_header("ETag", etag)
            for name, value in reply.headers.items():
                handler.send_header(name, value)
            if reply.endless:
                handler.send_header("Transfer-Encoding", "chunked")
                handler.end_headers()
                block = b"0" * 65536
                sent = 0
                while sent < reply.endless:
                    handler.wfile.write(f"{len(block):x}\r\n".encode() + block + b"\r\n")
                    sent += len(block)
                handler.wfile.write(b"0\r\n\r\n")
                return
            if "Content-Length" not in reply.headers:
                handler.send_header("Content-Length", str(len(reply.body)))
            handler.end_headers()
            handler.wfile.write(reply.body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client stopped reading: what the limits are for


def article_html(title: str, paragraphs: list[str], **meta: str) -> str:
    """A plain news page: navigation, the article, related links and a footer."""
    tags = "".join(
        f'<meta property="{name.replace("_", ":")}" content="{value}">'
        for name, value in meta.items()
    )
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f"<!doctype html><html><head><title>{title}</title>{tags}</head><body>"
        "<nav><a href='/'>Home</a> <a href='/news'>News</a> <a href='/sport'>Sport</a></nav>"
        f"<article><h1>{title}</h1>{body}</article>"
        "<aside><h2>Related stories</h2><ul><li><a href='/x'>Another story entirely</a></li>"
        "</ul></aside><footer>© Example News. All rights reserved.</footer></body></html>"
    )


def rss(title: str, items: list[tuple[str, str]]) -> bytes:
    """An RSS 2.0 feed of (title, link) items."""
    entries = "".join(
        f"<item><title>{t}</title><link>{link}</link><guid>{link}</guid></item>"
        for t, link in items
    )
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>{title}</title>'
        f"<link>http://example.test/</link>{entries}</channel></rss>"
    ).encode()


def served(server: WebServer) -> Iterator[WebServer]:
    """A fixture body: the server running for the test."""
    with server:
        yield server
