"""Reading RSS and Atom feeds with feedparser: the articles a feed lists, and whether they changed.

feedparser is only ever handed bytes already fetched (fetch.py), never an
address: it would otherwise fetch on its own, past every limit. A feed that
is not XML at all, or XML with no feed in it, is a `FeedProblem`; a feed
with small faults that still lists entries is read (feedparser is lenient
on purpose, as feed readers must be). Entries without a link are reported
and left out; an entry listed twice is read once. Each entry's fingerprint
(its id, link, title and dates) tells a sync whether it changed since the
last time, so an unchanged entry's page is not fetched again.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin, urlsplit


class FeedProblem(ValueError):
    """Raised with a short reason when fetched bytes are not a readable feed."""


@dataclass(frozen=True)
class FeedEntry:
    """One article a feed lists."""

    link: str
    title: str
    fingerprint: str


@dataclass
class ParsedFeed:
    """A feed's title, its entries (first listed first) and the entries it could not use."""

    title: str
    entries: list[FeedEntry] = field(default_factory=list)
    # (where in the feed, why) for entries left out.
    skipped: list[tuple[str, str]] = field(default_factory=list)


def parse_feed(data: bytes, url: str) -> ParsedFeed:
    """The entries of the feed in `data`, fetched from `url`; FeedProblem if it is no feed."""
    import feedparser

    parsed: Any = feedparser.parse(
        data, response_headers={"content-location": url}, sanitize_html=True
    )
    if not parsed.get("version") and not parsed.entries:
        raise FeedProblem("not an RSS or Atom feed: check the address")
    feed = ParsedFeed(title=" ".join(str(parsed.feed.get("title", "")).split()))
    seen: set[str] = set()
    for number, entry in enumerate(parsed.entries, start=1):
        title = " ".join(str(entry.get("title", "")).split())
        where = f"{url} entry {number}" + (f" ({title[:60]})" if title else "")
        link = _link(entry, url)
        if not link:
            feed.skipped.append((where, "the feed entry has no link to an article"))
            continue
        if link in seen:
            continue  # listed twice: read once, and not worth a warning
        seen.add(link)
        feed.entries.append(FeedEntry(link, title, _fingerprint(entry, link)))
    if parsed.get("bozo") and not feed.entries:
        problem = str(parsed.get("bozo_exception", "")).splitlines()[0][:100]
        raise FeedProblem(f"malformed feed XML ({problem}): no article could be read from it")
    return feed


def _link(entry: Any, base: str) -> str:
    """The entry's article address: its link (made absolute), if it is an http(s) one."""
    candidates = [entry.get("link", "")]
    candidates += [
        item.get("href", "")
        for item in entry.get("links", [])
        if item.get("rel", "alternate") == "alternate"
    ]
    for candidate in candidates:
        link = urljoin(base, str(candidate).strip()) if candidate else ""
        if urlsplit(link).scheme in ("http", "https"):
            return link.split("#", 1)[0]
    return ""


def _fingerprint(entry: Any, link: str) -> str:
    parts = [str(entry.get(key, "")) for key in ("id", "title", "updated", "published", "summary")]
    digest = hashlib.sha256("\x1f".join([link, *parts]).encode("utf-8", "replace"))
    return digest.hexdigest()[:24]
