"""Fetching web pages, documents and feeds over HTTP(S) with httpx, within set limits.

Every request: a clear User-Agent; a timeout per network step and a
deadline for the whole body; redirects followed by hand (at most
MAX_REDIRECTS, a loop named as one); the size limit checked against
Content-Length before any of the body is read, and again while reading
(a server that sends more than it said is stopped at the limit); the
content type checked before the body is read, so an image or an archive
costs one header; 429 and 5xx retried up to RETRIES times, waiting as long
as Retry-After asks (up to MAX_RETRY_WAIT). Conditional requests send the
ETag and Last-Modified of the last fetch, and a 304 is reported as such.

Only http and https are fetched. With `public_only` (requests that come
from the browser app), every address a host name resolves to must be a
public one, checked where the connection is made (transport below), so a
redirect to a private address or a name that resolves differently the
second time is refused as well: the app must not become a proxy into the
server's own network. Nothing here raises for a bad address or a bad
server: `FetchFailed` carries a reason a person can act on.
"""

from __future__ import annotations

import email.utils
import ipaddress
import socket
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin, urlsplit

import httpcore
import httpx

from assistant.config import Settings

USER_AGENT = "assistant/0.1 (reads articles into a personal question-answering index)"
MAX_REDIRECTS = 5
RETRIES = 2
# Seconds: the longest Retry-After honoured (a longer one fails the page at once).
MAX_RETRY_WAIT = 30.0
# The whole response body must arrive within this many times the per-step timeout.
BODY_DEADLINE_FACTOR = 3.0
_RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
_PERMANENT = frozenset({301, 308})
_DNS_FAILED = "DNS:"
_PRIVATE = "PRIVATE:"

# What may be fetched as an article, by content type, and the reader kind for each.
PAGE_TYPES = {
    "text/html": ".html",
    "application/xhtml+xml": ".html",
    "application/pdf": ".pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
    "text/plain": ".txt",
    "text/markdown": ".md",
}
FEED_TYPES = {
    "application/rss+xml": ".feed",
    "application/atom+xml": ".feed",
    "application/rdf+xml": ".feed",
    "application/xml": ".feed",
    "text/xml": ".feed",
    "application/feed+xml": ".feed",
    # Feeds are often served as text or HTML; the feed reader tells a feed from a page.
    "text/html": ".feed",
    "text/plain": ".feed",
}


class FetchFailed(Exception):
    """A page or feed that could not be fetched, with the reason in words a person can act on."""


@dataclass(frozen=True)
class Fetched:
    """A response worth reading: its body and what is needed to ask again conditionally.

    `not_modified` is a 304 (the body is empty); `moved_to` is the new
    address when the first answer was a permanent redirect.
    """

    url: str
    final_url: str
    data: bytes = b""
    kind: str = ""
    content_type: str = ""
    etag: str = ""
    last_modified: str = ""
    not_modified: bool = False
    moved_to: str = ""


@dataclass(frozen=True)
class Request:
    """An address to fetch, with the validators of its last fetch (for a conditional GET)."""

    url: str
    etag: str = ""
    last_modified: str = ""


def check_address(url: str) -> str:
    """`url` stripped, or FetchFailed when it is not an http(s) address with a host."""
    url = url.strip()
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https"):
        raise FetchFailed(
            f"only http:// and https:// addresses can be fetched, not {parts.scheme or url!r}"
        )
    if not parts.hostname:
        raise FetchFailed("the address has no host name")
    return url


def is_public_address(address: str) -> bool:
    """Whether an IP address is on the public internet (not loopback, private, link-local…)."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


class _CheckedBackend(httpcore.SyncBackend):
    """Connects only after resolving the host itself, to an address it has checked.

    Resolving here (rather than before the request) means the address
    checked is the address connected to, for every hop of a redirect.
    """

    def __init__(self, public_only: bool) -> None:
        self.public_only = public_only

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        try:
            found = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except (socket.gaierror, UnicodeError) as unresolved:
            raise httpcore.ConnectError(f"{_DNS_FAILED} {unresolved}") from None
        addresses = list(dict.fromkeys(str(info[4][0]) for info in found))
        if self.public_only:
            private = [a for a in addresses if not is_public_address(a)]
            if private:
                raise httpcore.ConnectError(f"{_PRIVATE} {host} is {private[0]}")
        last: Exception = httpcore.ConnectError(f"{_DNS_FAILED} no address for {host}")
        for address in addresses:
            try:
                return super().connect_tcp(
                    address, port, timeout, local_address, socket_options=socket_options
                )
            except httpcore.ConnectError as failed:
                last = failed
        raise last


class _CheckedTransport(httpx.HTTPTransport):
    """httpx's transport over a connection pool that uses the checking backend."""

    def __init__(self, public_only: bool, limits: httpx.Limits) -> None:
        super().__init__(limits=limits, trust_env=False)
        # httpx builds its pool without a way to pass a network backend; this pool is
        # what it would build, plus the backend.
        self._pool = httpcore.ConnectionPool(
            ssl_context=httpx.create_ssl_context(),
            max_connections=limits.max_connections,
            max_keepalive_connections=limits.max_keepalive_connections,
            keepalive_expiry=limits.keepalive_expiry,
            network_backend=_CheckedBackend(public_only),
        )


class Fetcher:
    """Fetches addresses for one ingest or sync; use as a context manager (or `close`)."""

    def __init__(self, settings: Settings, *, public_only: bool = False) -> None:
        self.settings = settings
        self.timeout = settings.fetch_timeout
        self.max_bytes = settings.max_file_bytes
        self.public_only = public_only and not settings.allow_private_urls
        limits = httpx.Limits(max_connections=settings.fetch_concurrency * 2)
        self.client = httpx.Client(
            transport=_CheckedTransport(self.public_only, limits),
            timeout=httpx.Timeout(self.timeout),
            follow_redirects=False,
            headers={"User-Agent": USER_AGENT},
            # A proxy from the environment would connect for us, past the address check.
            trust_env=not self.public_only,
        )

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the connections."""
        self.client.close()

    def fetch(self, request: Request, types: dict[str, str] = PAGE_TYPES) -> Fetched:
        """Fetch one address (following redirects, retrying), or FetchFailed saying why."""
        url = check_address(request.url)
        headers = {"Accept": ", ".join([*types, "*/*;q=0.1"])}
        if request.etag:
            headers["If-None-Match"] = request.etag
        if request.last_modified:
            headers["If-Modified-Since"] = request.last_modified
        visited = [url]
        moved_to = ""
        permanent = True
        for _ in range(MAX_REDIRECTS + 1):
            response = self._send_with_retries(url, headers)
            status = response.status_code
            if status in (301, 302, 303, 307, 308):
                location = response.headers.get("location", "")
                response.close()
                if not location:
                    raise FetchFailed(f"HTTP {status} redirect without a Location")
                target = check_address(urljoin(url, location))
                if target in visited:
                    chain = " → ".join([*visited, target][-4:])
                    raise FetchFailed(f"redirect loop ({chain})")
                permanent = permanent and status in _PERMANENT
                if permanent:
                    moved_to = target
                visited.append(target)
                url = target
                continue
            return self._finish(request.url, url, response, types, moved_to)
        raise FetchFailed(f"more than {MAX_REDIRECTS} redirects ({visited[0]} → … → {url})")

    def fetch_all(
        self, requests: Iterable[Request], types: dict[str, str] = PAGE_TYPES
    ) -> Iterator[tuple[Request, Fetched | FetchFailed]]:
        """Fetch many addresses, at most `fetch_concurrency` at once, as each one finishes."""
        pending = list(requests)
        if not pending:
            return
        workers = min(self.settings.fetch_concurrency, len(pending))
        with ThreadPoolExecutor(workers, thread_name_prefix="assistant-fetch") as pool:
            futures = {pool.submit(self._outcome, r, types): r for r in pending}
            for future in as_completed(futures):
                yield futures[future], future.result()

    def _outcome(self, request: Request, types: dict[str, str]) -> Fetched | FetchFailed:
        try:
            return self.fetch(request, types)
        except FetchFailed as failed:
            return failed

    # --- one request ---------------------------------------------------------------------

    def _send_with_retries(self, url: str, headers: dict[str, str]) -> httpx.Response:
        """One address, retried on 429 and 5xx; the response is open (its body unread)."""
        for attempt in range(RETRIES + 1):
            response = self._send(url, headers)
            status = response.status_code
            if status not in _RETRY_STATUSES:
                return response
            wait = _retry_after(response.headers.get("retry-after", ""), attempt)
            response.close()
            if attempt == RETRIES or wait > MAX_RETRY_WAIT:
                said = f"; it asks to wait {wait:.0f} s" if wait > MAX_RETRY_WAIT else ""
                raise FetchFailed(
                    f"HTTP {status} ({_STATUS_WORDS.get(status, 'server error')}) after "
                    f"{attempt + 1} {'try' if attempt == 0 else 'tries'}{said}: try again later"
                )
            time.sleep(wait)
        raise AssertionError("unreachable")  # the loop returns or raises

    def _send(self, url: str, headers: dict[str, str]) -> httpx.Response:
        try:
            request = self.client.build_request("GET", url, headers=headers)
            return self.client.send(request, stream=True)
        except httpx.TimeoutException:
            raise FetchFailed(f"no response within {self.timeout:g} s (timed out)") from None
        except httpx.ConnectError as error:
            raise FetchFailed(_connect_problem(str(error), url)) from None
        except httpx.HTTPError as error:
            raise FetchFailed(f"the connection failed ({_first_line(error)})") from None

    def _finish(
        self,
        asked: str,
        url: str,
        response: httpx.Response,
        types: dict[str, str],
        moved_to: str,
    ) -> Fetched:
        try:
            status = response.status_code
            validators = {
                "etag": response.headers.get("etag", ""),
                "last_modified": response.headers.get("last-modified", ""),
            }
            if status == 304:
                return Fetched(asked, url, not_modified=True, moved_to=moved_to, **validators)
            if status >= 400:
                words = _STATUS_WORDS.get(status, "client error" if status < 500 else "error")
                raise FetchFailed(f"HTTP {status} ({words})")
            if status != 200:
                raise FetchFailed(f"HTTP {status}: not a page to read")
            content_type = response.headers.get("content-type", "").split(";")[0].strip().lower()
            kind = types.get(content_type, "")
            if content_type and not kind:
                raise FetchFailed(
                    f"not an article: the address serves {content_type} "
                    f"(readable: web pages, PDF, Word, text)"
                )
            declared = response.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > self.max_bytes:
                raise FetchFailed(self._too_large(f"{int(declared) / 1048576:.1f} MB"))
            data = self._read_body(response)
        finally:
            response.close()
        kind = kind or _sniff(data, types)
        if not kind:
            raise FetchFailed("not an article: the address serves something unrecognised")
        return Fetched(asked, url, data, kind, content_type, moved_to=moved_to, **validators)

    def _read_body(self, response: httpx.Response) -> bytes:
        deadline = time.monotonic() + self.timeout * BODY_DEADLINE_FACTOR
        parts: list[bytes] = []
        size = 0
        try:
            for part in response.iter_bytes():
                size += len(part)
                if size > self.max_bytes:
                    raise FetchFailed(self._too_large("more", stopped=True))
                if time.monotonic() > deadline:
                    raise FetchFailed(
                        f"the page took more than {self.timeout * BODY_DEADLINE_FACTOR:g} s "
                        "to arrive (stopped)"
                    )
                parts.append(part)
        except httpx.TimeoutException:
            raise FetchFailed(f"the page stopped arriving for {self.timeout:g} s") from None
        except httpx.HTTPError as error:
            raise FetchFailed(f"the page was cut off ({_first_line(error)})") from None
        return b"".join(parts)

    def _too_large(self, size: str, stopped: bool = False) -> str:
        limit = f"{self.max_bytes / 1048576:.0f} MB"
        how = "stopped reading at the limit of" if stopped else "limit"
        return f"too large ({size}; {how} {limit}; raise ASSISTANT_MAX_FILE_MB to read it)"


_STATUS_WORDS = {
    400: "bad request",
    401: "login required",
    403: "access refused",
    404: "not found",
    410: "gone",
    429: "too many requests",
    500: "server error",
    502: "bad gateway",
    503: "service unavailable",
    504: "gateway timeout",
}


def _retry_after(value: str, attempt: int) -> float:
    """Seconds to wait before trying again: what Retry-After says, else 1 s, 2 s, …"""
    value = value.strip()
    if value.isdigit():
        return float(value)
    if value:
        try:
            when = email.utils.parsedate_to_datetime(value)
            return max(0.0, when.timestamp() - time.time())
        except (TypeError, ValueError):
            pass
    return float(2**attempt)


def _connect_problem(message: str, url: str) -> str:
    host = urlsplit(url).hostname or url
    if _PRIVATE in message:
        detail = message.split(_PRIVATE, 1)[1].strip()
        return (
            f"refused: {detail}, a private or local address (the app does not fetch those; "
            "the operator can allow it with ASSISTANT_ALLOW_PRIVATE_URLS=1)"
        )
    if _DNS_FAILED in message:
        return f"the host name {host} could not be found (DNS): check the address"
    if "refused" in message.lower():
        return f"connection refused by {host}: is the address right and the site up?"
    return f"could not connect to {host} ({message.splitlines()[0][:120]})"


def _first_line(error: Exception) -> str:
    return (str(error).splitlines() or [type(error).__name__])[0][:120]


def _sniff(data: bytes, types: dict[str, str]) -> str:
    """The kind of a body served without a content type, from its first bytes."""
    head = data[:512].lstrip().lower()
    if head.startswith(b"%pdf-") and ".pdf" in types.values():
        return ".pdf"
    if head.startswith((b"<?xml", b"<rss", b"<feed")) and ".feed" in types.values():
        return ".feed"
    if head.startswith((b"<!doctype html", b"<html")):
        return next((kind for kind in (".html", ".feed") if kind in types.values()), "")
    return ""
