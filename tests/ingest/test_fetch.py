"""Fetching over HTTP from a real local server: every kind of bad address or server is a
reason, never a traceback, and the limits hold."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import pytest

from assistant.config import Settings
from assistant.ingest.fetch import (
    USER_AGENT,
    Fetched,
    Fetcher,
    FetchFailed,
    Request,
    is_public_address,
)
from tests.helpers.app_server import free_port
from tests.helpers.web_server import Reply, WebServer

PAGE = "<html><body><article><p>A short story about a ferry.</p></article></body></html>"


@pytest.fixture
def web() -> Iterator[WebServer]:
    with WebServer() as server:
        yield server


def fetcher(public_only: bool = False, **settings: object) -> Fetcher:
    options = {"fetch_timeout": 2.0, "max_file_mb": 1.0, **settings}
    return Fetcher(Settings(**options), public_only=public_only)  # type: ignore[arg-type]


def failure(url: str, **settings: object) -> str:
    with fetcher(**settings) as client, pytest.raises(FetchFailed) as caught:
        client.fetch(Request(url))
    return str(caught.value)


def test_a_page_is_fetched_with_a_clear_user_agent_and_validators(web: WebServer) -> None:
    url = web.page("/story", PAGE)
    with fetcher() as client:
        page = client.fetch(Request(url))
        assert (page.kind, page.data.decode()) == (".html", PAGE)
        assert page.etag and web.agents[-1] == USER_AGENT
        again = client.fetch(Request(url, etag=page.etag))
    assert again.not_modified and again.data == b""


@pytest.mark.parametrize(
    ("reply", "reason"),
    [
        (Reply(b"gone", status=404), "HTTP 404 (not found)"),
        (Reply(b"x", content_type="image/png"), "not an article: the address serves image/png"),
        (Reply(b"PK\x03\x04", content_type="application/zip"), "serves application/zip"),
        (
            Reply(b"", headers={"Content-Length": str(2 * 1024**3)}),
            "too large (2048.0 MB; limit 1 MB",
        ),
        (Reply(endless=64 * 1024**2), "stopped reading at the limit of 1 MB"),
    ],
)
def test_bad_responses_are_reasons(web: WebServer, reply: Reply, reason: str) -> None:
    url = web.route("/bad", reply)
    started = time.monotonic()
    assert reason in failure(url)
    assert time.monotonic() - started < 5, "a large body is not read to its end"


def test_server_errors_are_retried_then_reported(web: WebServer) -> None:
    url = web.route("/flaky", Reply(b"", status=500))
    assert "HTTP 500 (server error) after 3 tries" in failure(url)
    assert web.hits["/flaky"] == 3


def test_429_waits_as_long_as_retry_after_says(web: WebServer) -> None:
    url = web.route(
        "/busy", Reply(b"", status=429, headers={"Retry-After": "1"}), Reply(PAGE.encode())
    )
    started = time.monotonic()
    with fetcher() as client:
        page = client.fetch(Request(url))
    assert page.data.decode() == PAGE and web.hits["/busy"] == 2
    assert time.monotonic() - started >= 0.95


def test_a_retry_after_too_long_fails_at_once(web: WebServer) -> None:
    url = web.route("/later", Reply(b"", status=503, headers={"Retry-After": "3600"}))
    assert "it asks to wait 3600 s" in failure(url)
    assert web.hits["/later"] == 1


def test_redirects_are_followed_a_loop_is_named_and_a_move_is_reported(web: WebServer) -> None:
    web.route("/a", Reply(b"", status=302, headers={"Location": "/b"}))
    web.route("/b", Reply(b"", status=302, headers={"Location": "/a"}))
    assert "redirect loop" in failure(web.url("/a"))
    web.route("/old", Reply(b"", status=301, headers={"Location": "/new"}))
    web.page("/new", PAGE)
    with fetcher() as client:
        page = client.fetch(Request(web.url("/old")))
    assert page.final_url == web.url("/new") and page.moved_to == web.url("/new")


def test_unreachable_hosts_are_reasons() -> None:
    assert "could not be found (DNS)" in failure("http://no-such-host.invalid/x")
    assert "connection refused" in failure(f"http://127.0.0.1:{free_port()}/x")
    assert "only http:// and https://" in failure("file:///etc/passwd")
    assert "only http:// and https://" in failure("ftp://example.org/x")


def test_a_slow_server_times_out(web: WebServer) -> None:
    url = web.route("/slow", Reply(PAGE.encode(), delay=3))
    assert "timed out" in failure(url, fetch_timeout=0.5)


def test_public_only_refuses_this_machine_and_private_networks(web: WebServer) -> None:
    url = web.page("/story", PAGE)
    with fetcher(public_only=True) as client, pytest.raises(FetchFailed) as caught:
        client.fetch(Request(url))
    assert "private or local address" in str(caught.value)
    assert "ASSISTANT_ALLOW_PRIVATE_URLS=1" in str(caught.value)
    assert web.hits["/story"] == 0, "nothing was sent"
    with fetcher(public_only=True, allow_private_urls=True) as client:
        assert client.fetch(Request(url)).data.decode() == PAGE
    for address in ("127.0.0.1", "10.1.2.3", "192.168.0.1", "169.254.169.254", "::1", "0.0.0.0"):
        assert not is_public_address(address), address
    assert not is_public_address("::ffff:127.0.0.1")
    assert is_public_address("93.184.216.34")


def test_many_addresses_are_fetched_a_few_at_a_time(web: WebServer) -> None:
    busy = [0, 0]  # now, most at once
    lock = threading.Lock()
    original = web._answer

    def counting(handler: object) -> None:
        with lock:
            busy[0] += 1
            busy[1] = max(busy[1], busy[0])
        try:
            original(handler)  # type: ignore[arg-type]
        finally:
            with lock:
                busy[0] -= 1

    web._answer = counting  # type: ignore[method-assign]
    urls = [web.route(f"/p{i}", Reply(PAGE.encode(), delay=0.2)) for i in range(20)]
    with fetcher(fetch_concurrency=4) as client:
        results = list(client.fetch_all(Request(u) for u in urls))
    assert len(results) == 20 and all(isinstance(r, Fetched) for _, r in results)
    assert 2 <= busy[1] <= 4
