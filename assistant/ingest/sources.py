"""Keeping registered sources in sync: feeds, web pages, folders and files read again.

A sync asks every feed and page conditionally (ETag / Last-Modified from the
last fetch): a server that answers 304 costs one request and nothing is
read or embedded. A feed that changed is parsed, and only its new entries,
and entries whose fingerprint changed, have their pages fetched (those
conditionally too); an entry seen before is not fetched again, so an
article removed by hand does not come back. Folders and files are read
again, and the content hash leaves unchanged articles alone. With `prune`,
articles whose files are gone from a registered folder are removed.

One failure never stops the rest: a feed that cannot be fetched or parsed,
an entry without a link, a page that fails, each is listed with its reason
and the other sources are synced. A feed that moved for good (301/308) is
registered at its new address.
"""

from __future__ import annotations

import functools
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from assistant.database import SourceRegistry, Validators
from assistant.ingest.feeds import FeedProblem, parse_feed
from assistant.ingest.fetch import FEED_TYPES, Fetched, Fetcher, FetchFailed, Request
from assistant.ingest.pipeline import Ingestor, ProgressCallback
from assistant.ingest.readers import source_name
from assistant.records import ArticleRecord, IngestReport, SourceRecord
from assistant.store import ChunkStore


@dataclass
class _Plan:
    """What one sync will fetch: pages with the source or feed entry each one belongs to."""

    requests: list[Request] = field(default_factory=list)
    # page address -> (registered feed or page it belongs to, entry fingerprint).
    owners: dict[str, tuple[str, str]] = field(default_factory=dict)
    # registered location -> how its sync went, in a few words.
    status: dict[str, str] = field(default_factory=dict)
    # feeds that moved for good during this sync: old address -> new address.
    moved: dict[str, str] = field(default_factory=dict)
    # Register web pages that give an article (an ingest of addresses), or only update them.
    register_pages: bool = False


# The fingerprint of a registered web page's one "entry": the page itself.
PAGE_ENTRY = "page"


def path_kind(path: Path) -> str:
    """How a path is registered: "folder" or "file"."""
    return "folder" if path.is_dir() else "file"


class SourceSync:
    """Reads sources and keeps them registered, for one index (the caller holds the write lock).

    `ingest` reads what a person names (paths and addresses) and registers
    it; `sync` reads again what is registered.
    """

    def __init__(
        self,
        registry: SourceRegistry,
        ingestor: Ingestor,
        store: ChunkStore,
        fetcher: Fetcher,
    ) -> None:
        self.registry = registry
        self.ingestor = ingestor
        self.store = store
        self.fetcher = fetcher

    def ingest(
        self,
        paths: Sequence[Path],
        urls: Sequence[str],
        progress: ProgressCallback | None = None,
    ) -> IngestReport:
        """Read files, folders and web pages, and register those that could be read (a file
        that gave no article, being skipped or a copy, is not registered, unless it already
        was)."""
        plan = _Plan(register_pages=True)
        for url in dict.fromkeys(urls):
            plan.requests.append(Request(url))
            plan.owners[url] = (url, PAGE_ENTRY)
        report = self._ingest(paths, plan, progress)
        records = self.store.articles()
        # Read once, and only when a path was read: a first ingest reading nothing leaves
        # no database behind.
        folders = functools.cache(self._registered_folders)
        for path in paths:
            if path.exists():
                location = source_name(path)
                kind = path_kind(path)
                count = articles_from(self.registry, kind, location, records)
                known = self.registry.get(location) is not None
                if path.is_file() and not count and not known:
                    continue  # a lone file that gave nothing (empty, binary): nothing to sync
                if not known and any(Path(location).is_relative_to(f) for f in folders()):
                    continue  # a registered folder's sync reads it already
                self.registry.add(kind, location)
                self.registry.synced(location, "read", count)
        for url, status in plan.status.items():
            if self.registry.get(url) is not None:
                self.registry.synced(url, status, articles_from(self.registry, "url", url, records))
        return report

    def _registered_folders(self) -> list[Path]:
        return [Path(source.location) for source in self.registry.all() if source.kind == "folder"]

    def sync(
        self,
        only: Sequence[SourceRecord] | None = None,
        *,
        prune: bool = False,
        progress: ProgressCallback | None = None,
        fetched: dict[str, Fetched] | None = None,
    ) -> IngestReport:
        """Read every registered source again (or `only` these); returns what happened.

        `fetched` holds feeds already fetched (by address), which are not asked again.
        """
        started = time.perf_counter()
        chosen = list(self.registry.all() if only is None else only)
        plan = _Plan()
        early = IngestReport()
        paths: list[Path] = []
        for source in chosen:
            if source.kind in ("folder", "file"):
                path = Path(source.location)
                if path.exists():
                    paths.append(path)
                    plan.status[source.location] = "read"
                else:
                    reason = f"the registered {source.kind} no longer exists"
                    early.skipped.append((source.location, reason))
                    plan.status[source.location] = reason
            elif source.kind == "url":
                state = self.registry.entries(source.location).get(source.location)
                validators = state.validators if state is not None else Validators()
                plan.requests.append(
                    Request(source.location, validators.etag, validators.last_modified)
                )
                plan.owners[source.location] = (source.location, PAGE_ENTRY)
        self._plan_feeds([s for s in chosen if s.kind == "feed"], plan, early, fetched or {})
        report = self._ingest(paths, plan, progress)
        _merge(report, early)
        if prune:
            self._prune(chosen, report)
        records = self.store.articles()
        for source in chosen:
            location = plan.moved.get(source.location, source.location)
            status = plan.status.get(location, "read")
            count = articles_from(self.registry, source.kind, location, records)
            self.registry.synced(location, status, count)
        report.seconds = time.perf_counter() - started
        return report

    def _ingest(
        self, paths: Sequence[Path], plan: _Plan, progress: ProgressCallback | None
    ) -> IngestReport:
        return self.ingestor.ingest(
            paths,
            progress,
            urls=plan.requests,
            fetcher=self.fetcher,
            on_fetched=lambda request, outcome, read: self._fetched(plan, request, outcome, read),
        )

    # --- feeds ----------------------------------------------------------------------------

    def _plan_feeds(
        self,
        feeds: Sequence[SourceRecord],
        plan: _Plan,
        report: IngestReport,
        fetched: dict[str, Fetched],
    ) -> None:
        """Fetch the feeds (conditionally) and plan the entries whose pages are to be read."""
        requests = []
        for feed in feeds:
            if feed.location not in fetched:
                validators = self.registry.validators(feed.location)
                requests.append(Request(feed.location, validators.etag, validators.last_modified))
        outcomes: list[tuple[Request, Fetched | FetchFailed]] = [
            (Request(feed.location), fetched[feed.location])
            for feed in feeds
            if feed.location in fetched
        ]
        outcomes.extend(self.fetcher.fetch_all(requests, FEED_TYPES))
        for request, outcome in outcomes:
            location = request.url
            if isinstance(outcome, FetchFailed):
                report.skipped.append((location, f"feed: {outcome}"))
                plan.status[location] = f"failed: {outcome}"
                continue
            moved = outcome.moved_to
            if moved and moved != location and self.registry.move(location, moved):
                report.notes.append(f"the feed {location} moved to {moved}")
                plan.moved[location] = moved
                location = moved
            if outcome.not_modified:
                report.not_modified += 1
                plan.status[location] = "not modified"
                continue
            report.fetched += 1
            self._plan_entries(location, outcome, plan, report)

    def _plan_entries(self, feed: str, fetched: Fetched, plan: _Plan, report: IngestReport) -> None:
        try:
            parsed = parse_feed(fetched.data, fetched.final_url)
        except FeedProblem as problem:
            report.skipped.append((feed, f"feed: {problem}"))
            plan.status[feed] = f"failed: {problem}"
            return
        self.registry.fetched(
            feed, Validators(fetched.etag, fetched.last_modified), title=parsed.title
        )
        report.skipped.extend(parsed.skipped)
        known = self.registry.entries(feed)
        new = 0
        for entry in parsed.entries:
            before = known.get(entry.link)
            if before is not None and before.fingerprint == entry.fingerprint:
                continue
            if entry.link in plan.owners:
                continue  # another feed (or a registered page) reads it in this sync
            validators = before.validators if before is not None else Validators()
            plan.requests.append(Request(entry.link, validators.etag, validators.last_modified))
            plan.owners[entry.link] = (feed, entry.fingerprint)
            new += 1
        listed = len(parsed.entries)
        plan.status[feed] = (
            f"{listed} {'entry' if listed == 1 else 'entries'}, {new} new or changed"
        )

    def _fetched(
        self,
        plan: _Plan,
        request: Request,
        outcome: Fetched | FetchFailed,
        read: list[str],
    ) -> None:
        """Keep what a page fetch returned, for the next conditional request."""
        owner, fingerprint = plan.owners.get(request.url, ("", ""))
        if not owner:
            return
        is_page = fingerprint == PAGE_ENTRY
        if isinstance(outcome, FetchFailed):
            if is_page:
                plan.status[owner] = f"failed: {outcome}"
            else:
                # A feed entry whose page failed is tried again at the next sync: the feed is
                # then fetched whole, not answered "not modified".
                self.registry.fetched(owner, Validators())
            return
        if is_page:
            if plan.register_pages and (read or outcome.not_modified):
                self.registry.add("url", owner)
            plan.status[owner] = "not modified" if outcome.not_modified else "read"
        previous = self.registry.entries(owner).get(request.url)
        article = read[0] if read else (previous.article if previous else "")
        validators = Validators(outcome.etag, outcome.last_modified)
        self.registry.entry_read(owner, request.url, fingerprint, validators, article)

    # --- after the ingest -----------------------------------------------------------------

    def _prune(self, chosen: Sequence[SourceRecord], report: IngestReport) -> None:
        """Remove articles whose files are gone from registered folders (or are gone files)."""
        places = [Path(s.location) for s in chosen if s.kind in ("folder", "file")]
        for record in self.store.articles():
            if record.file and not Path(record.file).exists() and _under(record, places):
                self.store.delete_article(record.source)
                report.pruned.append(record.source)
        if report.pruned:
            report.articles = len(self.store.articles())
            report.chunks = self.store.chunk_count()


def articles_from(
    registry: SourceRegistry, kind: str, location: str, records: Sequence[ArticleRecord]
) -> int:
    """How many of `records` came from the registered source: from files in a folder (or
    from a file), or from a feed's entries (or a registered page)."""
    if kind in ("folder", "file"):
        return sum(1 for record in records if _under(record, [Path(location)]))
    held = {record.source for record in records}
    entries = registry.entries(location).values()
    return sum(1 for entry in entries if entry.article in held)


def recount(registry: SourceRegistry, records: Sequence[ArticleRecord]) -> None:
    """Set each registered source's article count to what `records` (the index now) hold
    of it, so the list is right after articles are removed by hand, not only after a
    sync."""
    for source in registry.all():
        count = articles_from(registry, source.kind, source.location, records)
        if count != source.articles:
            registry.counted(source.location, count)


def _under(record: ArticleRecord, places: Sequence[Path]) -> bool:
    if not record.file:
        return False
    path = Path(record.file)
    return any(path == place or place in path.parents for place in places)


def _merge(report: IngestReport, extra: IngestReport) -> None:
    """Add what the feed step found to the ingest's report."""
    report.skipped[:0] = extra.skipped
    report.notes.extend(extra.notes)
    report.copies.extend(extra.copies)
    report.fetched += extra.fetched
    report.not_modified += extra.not_modified
