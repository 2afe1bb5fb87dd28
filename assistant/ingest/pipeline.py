"""Ingestion: files and web addresses in, chunks with vectors in the store, a report out.

Reading and chunking run in a background thread while the caller's thread
embeds and writes, so both cores are busy (ONNX Runtime releases the GIL).
An article whose content hash is already in the index is counted as
unchanged and costs only its read and hash; a changed article is re-chunked
and re-embedded and replaces its old chunks; nothing else is touched.

Web addresses are fetched (fetch.py, several at once) after the files are
read; a page's article is stored under its canonical URL when the page
names one on its own site, else under the address it was fetched from.
Each fetch's outcome is handed to `on_fetched`, so a sync can keep the
validators for the next conditional request.

Progress is reported through a callback after every file and every written
batch (and every few pages of a long PDF); the CLI and the web app render it.
"""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from assistant.config import Settings
from assistant.embedding import Embedder
from assistant.ingest.chunking import TokenOffsets, chunk_text
from assistant.ingest.fetch import Fetched, Fetcher, FetchFailed, Request
from assistant.ingest.readers import find_files, legacy_source_name, read_document, read_file
from assistant.records import (
    Article,
    ArticleRecord,
    Chunk,
    IngestReport,
    Progress,
    Skipped,
    article_id_for,
)
from assistant.store import ArticleVersion, ChunkStore

# Chunks embedded together: large enough for efficient batches, small enough for steady progress.
EMBED_BATCH_CHUNKS = 256
# Title word pieces prepended to each chunk for embedding; chunk budgets leave room for them.
TITLE_TOKENS = 32


ProgressCallback = Callable[[Progress], None]
# Told of every fetch: the request, what came of it, and the sources of the articles read.
FetchCallback = Callable[[Request, Fetched | FetchFailed, list[str]], None]
# A long PDF reports its progress every this many pages.
PAGES_PER_TICK = 25


@dataclass(frozen=True)
class _Reading:
    """A progress note from the reader: what it is in the middle of."""

    what: str


@dataclass
class _Pending:
    article: Article
    chunks: list[Chunk]
    is_update: bool
    # The source an index written before absolute file names knew this article by.
    legacy: str = ""


class _Reader(threading.Thread):
    """Reads and chunks files ahead of the embedder, handing work over through a queue.

    `items()` yields a `_Pending` per article to embed, None once per file or
    address (a progress tick) and `_Reading` notes; an exception in the reader
    is re-raised there.
    """

    _END = object()

    def __init__(
        self,
        settings: Settings,
        token_offsets: TokenOffsets,
        files: Sequence[Path],
        known: dict[str, str],
        report: IngestReport,
        *,
        web: tuple[Fetcher, Sequence[Request], FetchCallback | None] | None = None,
    ) -> None:
        super().__init__(name="assistant-ingest-reader", daemon=True)
        self.settings = settings
        self.token_offsets = token_offsets
        self.files = files
        self.known = known
        self.report = report
        self.web = web
        self.seen: set[str] = set()
        # The source each article's content is stored under, to keep out a second copy.
        self.holding = {doc_hash: source for source, doc_hash in known.items()}
        self._queue: queue.Queue[object] = queue.Queue(maxsize=EMBED_BATCH_CHUNKS)
        self._stopped = threading.Event()
        self._error: BaseException | None = None

    def items(self) -> Iterator[_Pending | _Reading | None]:
        while True:
            item = self._queue.get()
            if item is self._END:
                if self._error is not None:
                    raise self._error
                return
            yield item if isinstance(item, (_Pending, _Reading)) else None

    def stop(self) -> None:
        self._stopped.set()
        self.join()

    def run(self) -> None:
        try:
            self._read_all()
        except BaseException as error:  # handed to the consuming thread
            self._error = error
        finally:
            self._put(self._END)

    def _put(self, item: object) -> None:
        """Queue `item`, giving up once the consumer has stopped listening."""
        while not self._stopped.is_set():
            try:
                self._queue.put(item, timeout=0.1)
                return
            except queue.Full:
                continue

    def _read_all(self) -> None:
        for path in self.files:
            if self._stopped.is_set():
                return
            on_page = self._page_ticker(path.name)
            self._take(read_file(path, self.settings.max_file_bytes, on_page))
            self._put(None)
        if self.web is not None:
            self._read_web(*self.web)

    def _read_web(
        self, fetcher: Fetcher, requests: Sequence[Request], on_fetched: FetchCallback | None
    ) -> None:
        for request, outcome in fetcher.fetch_all(requests):
            if self._stopped.is_set():
                return
            sources: list[str] = []
            if isinstance(outcome, FetchFailed):
                self.report.skipped.append((request.url, str(outcome)))
            elif outcome.not_modified:
                self.report.not_modified += 1
                self.report.unchanged += 1
            else:
                self.report.fetched += 1
                items = read_document(
                    outcome.final_url,
                    outcome.data,
                    outcome.kind,
                    url=outcome.final_url,
                    on_page=self._page_ticker(outcome.final_url),
                )
                items = [_as_web_article(item, outcome.final_url) for item in items]
                sources = [item.source for item in items if isinstance(item, Article)]
                self._take(items)
            if on_fetched is not None:
                on_fetched(request, outcome, sources)
            self._put(None)

    def _page_ticker(self, name: str) -> Callable[[int, int], None]:
        def tick(done: int, total: int) -> None:
            if done % PAGES_PER_TICK == 0 and done < total:
                self._put(_Reading(f"{name}: page {done}/{total}"))

        return tick

    def _take(self, items: Iterable[Article | Skipped]) -> None:
        """Queue what was read: new and changed articles to embed; the rest to the report."""
        for item in items:
            if isinstance(item, Skipped):
                self.report.skipped.append((item.source, item.reason))
            elif item.source in self.seen:
                self.report.skipped.append(
                    (item.source, "the same source appeared earlier in this ingest")
                )
            elif self.known.get(item.source) == item.doc_hash:
                self.seen.add(item.source)
                self.report.unchanged += 1
            else:
                self.seen.add(item.source)
                legacy = _legacy_name(item)
                if legacy not in self.known or item.source in self.known:
                    legacy = ""
                is_update = item.source in self.known or bool(legacy)
                copied = self.holding.get(item.doc_hash)
                if copied is not None and not is_update:
                    # The same file under another name or folder, or uploaded after it was
                    # ingested: two copies would count twice in every answer.
                    self.report.copies.append((item.source, copied))
                    continue
                self.report.notes.extend(f"{item.source}: {w}" for w in item.warnings)
                chunks = chunk_text(item.text, self.token_offsets, self.settings.chunk_tokens)
                if chunks:
                    self.holding.setdefault(item.doc_hash, item.source)
                    self._put(_Pending(item, chunks, is_update, legacy))
                else:
                    self.report.skipped.append((item.source, "no words left after cleaning"))


def _as_web_article(item: Article | Skipped, fetched_from: str) -> Article | Skipped:
    """A fetched page's article named by its canonical URL, when that is on the page's own
    site (a page must not take the place of another site's article), else by its address."""
    if isinstance(item, Skipped):
        return item
    canonical = urljoin(fetched_from, item.url).split("#", 1)[0] if item.url else ""
    if not canonical or _site(canonical) != _site(fetched_from):
        canonical = fetched_from
    return replace(item, source=canonical, url=canonical)


def _site(url: str) -> str:
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    for prefix in ("www.", "m.", "amp."):
        host = host.removeprefix(prefix)
    return host if parts.scheme in ("http", "https") else ""


def _legacy_name(article: Article) -> str:
    """The name an older index gave this article's file (relative to the working folder)."""
    if not article.file or not article.source.startswith(article.file):
        return ""
    return legacy_source_name(Path(article.file)) + article.source[len(article.file) :]


def embedding_text(title: str, text: str, token_offsets: TokenOffsets) -> str:
    """What is embedded for a chunk: the start of its article's title, then the chunk."""
    if not title:
        return text
    offsets = token_offsets(title)
    if len(offsets) > TITLE_TOKENS:
        title = title[: offsets[TITLE_TOKENS - 1][1]]
    return f"{title}\n{text}"


class Ingestor:
    """Runs one ingest against a store with an embedder."""

    def __init__(self, settings: Settings, store: ChunkStore, embedder: Embedder) -> None:
        self.settings = settings
        self.store = store
        self.embedder = embedder

    def ingest(
        self,
        paths: Iterable[str | Path],
        progress: ProgressCallback | None = None,
        *,
        urls: Sequence[Request] = (),
        fetcher: Fetcher | None = None,
        on_fetched: FetchCallback | None = None,
    ) -> IngestReport:
        """Ingest files and folders, then web addresses (fetched with `fetcher`); never raises
        for bad input, which lands in `skipped`."""
        started = time.perf_counter()
        report = IngestReport()
        files, skipped = find_files(paths)
        report.skipped.extend((s.source, s.reason) for s in skipped)
        known = {record.source: record.doc_hash for record in self.store.articles()}
        web = (fetcher, urls, on_fetched) if fetcher is not None and urls else None
        reader = _Reader(self.settings, self.embedder.token_offsets, files, known, report, web=web)
        reader.start()
        total = len(files) + (len(urls) if web else 0)
        reading = ""
        batch: list[_Pending] = []
        # A file is done once everything read from it is written: files whose articles wait
        # in the batch count when the batch is written, so the rate and the time left are
        # about finished work, not about how far the reader has run ahead.
        done = waiting = 0

        def notify(finished: bool = False) -> None:
            if progress:
                elapsed = time.perf_counter() - started
                progress(
                    Progress(
                        done, total, report.embedded_chunks, elapsed, finished, reading=reading
                    )
                )

        try:
            for item in reader.items():
                if isinstance(item, _Reading):
                    reading = item.what
                    notify()
                    continue
                reading = ""
                if item is not None:
                    batch.append(item)
                    if sum(len(p.chunks) for p in batch) >= EMBED_BATCH_CHUNKS:
                        self._write(batch, report)
                        batch = []
                        done, waiting = done + waiting, 0
                        notify()
                elif batch:
                    waiting += 1
                else:
                    done += 1
                    notify()
            self._write(batch, report)
            done += waiting
        finally:
            reader.stop()
        report.articles = len(self.store.articles())
        report.chunks = self.store.chunk_count()
        report.seconds = time.perf_counter() - started
        notify(finished=True)
        return report

    def _write(self, batch: list[_Pending], report: IngestReport) -> None:
        if not batch:
            return
        offsets = self.embedder.token_offsets
        texts = [embedding_text(p.article.title, c.text, offsets) for p in batch for c in p.chunks]
        vectors = self.embedder.embed(texts)
        versions = []
        row = 0
        for pending in batch:
            article = pending.article
            count = len(pending.chunks)
            record = ArticleRecord(
                article_id=article_id_for(article.source),
                source=article.source,
                title=article.title,
                doc_hash=article.doc_hash,
                chunks=count,
                url=article.url,
                date=article.date,
                author=article.author,
                ingested_at=time.time(),
                file=article.file,
                site=article.site,
                page_starts=article.page_starts,
            )
            versions.append(
                ArticleVersion(
                    record,
                    pending.chunks,
                    vectors[row : row + count],
                    replaces=pending.is_update,
                    supersedes=pending.legacy,
                    text=article.text,
                )
            )
            row += count
        self.store.write_articles(versions)
        for pending in batch:
            report.embedded_chunks += len(pending.chunks)
            if pending.is_update:
                report.updated += 1
                report.updated_sources.append(pending.article.source)
            else:
                report.added += 1
                report.added_sources.append(pending.article.source)
            if not pending.article.date:
                report.undated.append(pending.article.source)
