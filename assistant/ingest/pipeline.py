"""Ingestion: files in, chunks with vectors in the store, a report out.

Reading and chunking run in a background thread while the caller's thread
embeds and writes, so both cores are busy (ONNX Runtime releases the GIL).
An article whose content hash is already in the index is counted as
unchanged and costs only its read and hash; a changed article is re-chunked
and re-embedded and replaces its old chunks; nothing else is touched.

Progress is reported through a callback after every file and every written
batch; the CLI and the web app render it.
"""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from assistant.config import Settings
from assistant.embedding import Embedder
from assistant.ingest.chunking import TokenOffsets, chunk_text
from assistant.ingest.readers import find_files, legacy_source_name, read_file
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


@dataclass
class _Pending:
    article: Article
    chunks: list[Chunk]
    is_update: bool
    # The source an index written before absolute file names knew this article by.
    legacy: str = ""


class _Reader(threading.Thread):
    """Reads and chunks files ahead of the embedder, handing work over through a queue.

    `items()` yields a `_Pending` per article to embed and None once per file
    (a progress tick); an exception in the reader is re-raised there.
    """

    _END = object()

    def __init__(
        self,
        settings: Settings,
        token_offsets: TokenOffsets,
        files: Sequence[Path],
        known: dict[str, str],
        report: IngestReport,
    ) -> None:
        super().__init__(name="assistant-ingest-reader", daemon=True)
        self.settings = settings
        self.token_offsets = token_offsets
        self.files = files
        self.known = known
        self.report = report
        self._queue: queue.Queue[object] = queue.Queue(maxsize=EMBED_BATCH_CHUNKS)
        self._stopped = threading.Event()
        self._error: BaseException | None = None

    def items(self) -> Iterator[_Pending | None]:
        while True:
            item = self._queue.get()
            if item is self._END:
                if self._error is not None:
                    raise self._error
                return
            yield item if isinstance(item, _Pending) else None

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
        seen: set[str] = set()
        for path in self.files:
            if self._stopped.is_set():
                return
            for item in read_file(path, self.settings.max_file_bytes):
                if isinstance(item, Skipped):
                    self.report.skipped.append((item.source, item.reason))
                elif item.source in seen:
                    self.report.skipped.append(
                        (item.source, "the same source appeared earlier in this ingest")
                    )
                elif self.known.get(item.source) == item.doc_hash:
                    seen.add(item.source)
                    self.report.unchanged += 1
                else:
                    seen.add(item.source)
                    self.report.notes.extend(f"{item.source}: {w}" for w in item.warnings)
                    chunks = chunk_text(item.text, self.token_offsets, self.settings.chunk_tokens)
                    legacy = _legacy_name(item)
                    if legacy not in self.known or item.source in self.known:
                        legacy = ""
                    if chunks:
                        is_update = item.source in self.known or bool(legacy)
                        self._put(_Pending(item, chunks, is_update, legacy))
                    else:
                        self.report.skipped.append((item.source, "no words left after cleaning"))
            self._put(None)


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
        self, paths: Iterable[str | Path], progress: ProgressCallback | None = None
    ) -> IngestReport:
        """Ingest files and folders; never raises for bad input, which lands in `skipped`."""
        started = time.perf_counter()
        report = IngestReport()
        files, skipped = find_files(paths)
        report.skipped.extend((s.source, s.reason) for s in skipped)
        known = {record.source: record.doc_hash for record in self.store.articles()}
        reader = _Reader(self.settings, self.embedder.token_offsets, files, known, report)
        reader.start()
        batch: list[_Pending] = []
        # A file is done once everything read from it is written: files whose articles wait
        # in the batch count when the batch is written, so the rate and the time left are
        # about finished work, not about how far the reader has run ahead.
        done = waiting = 0

        def notify(finished: bool = False) -> None:
            if progress:
                elapsed = time.perf_counter() - started
                progress(Progress(done, len(files), report.embedded_chunks, elapsed, finished))

        try:
            for item in reader.items():
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
            )
            versions.append(
                ArticleVersion(
                    record,
                    pending.chunks,
                    vectors[row : row + count],
                    replaces=pending.is_update,
                    supersedes=pending.legacy,
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
