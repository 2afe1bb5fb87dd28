"""`Assistant`: the public face of the package, wiring settings, store, retrieval and answering.

Everything is created on first use and then reused for the life of the
object, so the model and the index load once per process. Writes (ingest,
remove) hold the index folder's write lock; reads take none.
"""

from __future__ import annotations

import contextlib
import datetime
import logging
import threading
from collections.abc import Iterable, Iterator, Sequence
from functools import cached_property
from pathlib import Path
from typing import Any

from assistant import view_cache
from assistant.answer import Answer, AnswerPipeline, AnswerStream
from assistant.articles import legacy_source_name, shown_source, source_name
from assistant.config import Settings
from assistant.embeddings import Embedder, make_embedder
from assistant.errors import NotInIndexError, UsageError
from assistant.ingest import Ingestor, IngestReport, ProgressCallback
from assistant.llms.base import ChatModel
from assistant.llms.extractive import ExtractiveAnswerer
from assistant.lock import write_lock
from assistant.retrieve import Passage, Retriever
from assistant.store import ArticleRecord, ChunkFilter, ChunkStore, drop_index
from assistant.support import ClaimChecker
from assistant.uploads import UploadFolder

log = logging.getLogger("assistant")


class Assistant:
    """Ask questions about your articles and get answers you can check.

    >>> bot = Assistant(index_dir="my_index", llm="extractive")
    >>> bot.ingest(["seeds/"]).added
    >>> bot.ask("How long did the call last?").citations

    Keyword arguments are settings (see `Settings`); unset ones come from the
    environment (ASSISTANT_*, OPENAI_*), then from the defaults.
    """

    def __init__(
        self,
        index_dir: str | Path | None = None,
        llm: str | None = None,
        *,
        settings: Settings | None = None,
        **options: Any,
    ) -> None:
        if settings is not None and (index_dir or llm or options):
            raise UsageError("Pass either settings= or individual options, not both")
        self.settings = settings or Settings.from_env(index_dir=index_dir, llm=llm, **options)
        self._lock = threading.Lock()

    # --- parts, built on first use ----------------------------------------------

    @cached_property
    def embedder(self) -> Embedder:
        """The embedding model in use."""
        return make_embedder(self.settings)

    @cached_property
    def store(self) -> ChunkStore:
        """The Chroma store behind the index."""
        return ChunkStore(self.settings, self.embedder.identity)

    @cached_property
    def retriever(self) -> Retriever:
        """Hybrid retrieval over the store."""
        location = self.settings.chroma_url or str(Path(self.settings.index_dir).resolve())
        saved = view_cache.cache_file(
            self.settings.cache_dir, location, self.settings.collection, self.embedder.identity
        )
        return Retriever(self.store, self.embedder, saved_view=saved)

    @cached_property
    def uploads(self) -> UploadFolder:
        """Where files uploaded through the app are kept."""
        return UploadFolder(Path(self.settings.upload_dir))

    @cached_property
    def chat(self) -> ChatModel | None:
        """The language model, or None in extractive mode."""
        if self.settings.llm == "extractive":
            return None
        from assistant.llms.openai_chat import OpenAIChat

        return OpenAIChat(self.settings)

    @cached_property
    def pipeline(self) -> AnswerPipeline:
        """The answering pipeline."""
        checker = ClaimChecker(self.embedder, self.retriever.idf)
        extractive = ExtractiveAnswerer(self.embedder, self.retriever.idf)
        return AnswerPipeline(self.settings, self.retriever, checker, extractive, self.chat)

    # --- articles ---------------------------------------------------------------

    def ingest(
        self, paths: Iterable[str | Path] | str | Path, progress: ProgressCallback | None = None
    ) -> IngestReport:
        """Add or update articles from files and folders; see IngestReport for the outcome."""
        with self._writing():
            return self._ingest_into_store(paths, progress)

    def rebuild(
        self, paths: Iterable[str | Path] | str | Path, progress: ProgressCallback | None = None
    ) -> IngestReport:
        """Empty the index (even a damaged one) and ingest `paths` into it afresh."""
        with self._writing(fresh_view=False):
            for part in ("store", "retriever", "pipeline"):
                self.__dict__.pop(part, None)
            drop_index(self.settings)
            return self._ingest_into_store(paths, progress)

    def _ingest_into_store(
        self, paths: Iterable[str | Path] | str | Path, progress: ProgressCallback | None
    ) -> IngestReport:
        """The ingest itself, under the write lock the caller holds."""
        if isinstance(paths, (str, Path)):
            paths = [paths]
        report = Ingestor(self.settings, self.store, self.embedder).ingest(paths, progress)
        self.store.trust_written_state()
        return report

    def upload(
        self,
        files: Iterable[str | Path],
        *,
        replace: bool = False,
        progress: ProgressCallback | None = None,
    ) -> IngestReport:
        """Keep uploaded files in the upload folder and ingest them (the browser app's way in).

        Different files never overwrite one another, even with the same name:
        each is kept under its content hash. With `replace`, earlier uploads
        with the same file name as a new one are removed (and reported as
        replaced); without it, both are kept and the report says so.
        """
        kept = [self.uploads.keep(path) for path in files]
        with self._writing():
            report = self._ingest_into_store(kept, progress)
            records = self.store.articles()
            from_file = {record.file for record in records}
            new = {str(path) for path in kept}
            for path in kept:
                if str(path) not in from_file:
                    self.uploads.discard(str(path))  # nothing could be read from it
            for path in sorted({p for p in kept if str(p) in from_file}):
                earlier = [
                    r
                    for r in records
                    if r.file not in new
                    and self.uploads.holds(r.file)
                    and Path(r.file).name == path.name
                ]
                for record in earlier:
                    if replace:
                        self._delete(record)
                        report.replaced.append(record.source)
                    else:
                        report.notes.append(
                            f"{path.name}: an earlier upload with this name holds a different "
                            "article; both are kept (upload again with replace to replace it)"
                        )
            if report.replaced:
                report.articles = len(self.store.articles())
                report.chunks = self.store.chunk_count()
            self.store.trust_written_state()
        return report

    def remove(self, source: str) -> ArticleRecord:
        """Delete an article and all its chunks; `source` as `articles()` lists it, or a path.

        An article uploaded through the app also loses its kept copy of the
        file (once no other article comes from it); the user's own files are
        never touched.
        """
        with self._writing():
            for candidate in _source_candidates(source):
                record = self.store.article(candidate)
                if record is not None:
                    self._delete(record)
                    self.store.trust_written_state()
                    return record
        raise NotInIndexError(
            f"{source!r} is not in the index: `assistant list` shows the sources it holds"
        )

    def _delete(self, record: ArticleRecord) -> None:
        """Delete an article (write lock held) and its uploaded copy if nothing else uses it."""
        self.store.delete_article(record.source)
        if self.uploads.holds(record.file) and not any(
            other.file == record.file for other in self.store.articles()
        ):
            self.uploads.discard(record.file)

    def source_label(self, source: str, *, typed: bool = False) -> str:
        """How a source is shown to people: an upload by its file name, a file in the working
        folder relative to it, anything else (a URL, a JSON source) as it is.

        `typed=True` gives a form that commands accept back (no upload labels),
        for the command line, where people copy sources into `remove` or `--source`.
        """
        label = None if typed else self.uploads.label(source)
        return label or shown_source(source)

    def articles(self) -> list[ArticleRecord]:
        """Every article in the index, sorted by source."""
        return sorted(self.retriever.records().values(), key=lambda r: r.source)

    # --- questions --------------------------------------------------------------

    def search(
        self,
        query: str,
        k: int | None = None,
        *,
        sources: Sequence[str] = (),
        date_from: str | None = None,
        date_to: str | None = None,
    ) -> list[Passage]:
        """Retrieval only: the best `k` passages for `query`, best first."""
        query = self.pipeline.validate(query)
        where = self._filter(sources, date_from, date_to)
        return self.retriever.search(query, k or self.settings.top_k, where)

    def ask(
        self,
        question: str,
        history: Sequence[tuple[str, str]] = (),
        *,
        sources: Sequence[str] = (),
        date_from: str | None = None,
        date_to: str | None = None,
    ) -> Answer:
        """Answer `question` (a follow-up, given `history`) from the articles, with citations."""
        return self.stream(
            question, history, sources=sources, date_from=date_from, date_to=date_to
        ).answer

    def stream(
        self,
        question: str,
        history: Sequence[tuple[str, str]] = (),
        *,
        sources: Sequence[str] = (),
        date_from: str | None = None,
        date_to: str | None = None,
    ) -> AnswerStream:
        """Like `ask`, but iterate the result for text pieces; then `.answer` is the Answer."""
        where = self._filter(sources, date_from, date_to)
        return AnswerStream(self.pipeline.run(question, list(history), where))

    def index_exists(self) -> bool:
        """Whether anything has ever been written to the configured index."""
        return self.store.exists()

    def _filter(
        self, sources: Sequence[str], date_from: str | None, date_to: str | None
    ) -> ChunkFilter:
        """The search filter for the caller's sources and dates, checked against the index.

        An unknown source is an error, not an empty result: "the articles do
        not say" would be misleading when the article was never there.
        """
        names: list[str] = []
        if sources:
            known = {record.source for record in self.retriever.records().values()}
            for source in sources:
                matching = [c for c in _source_candidates(source) if c in known]
                if not matching:
                    raise NotInIndexError(
                        f"{source!r} is not in the index: `assistant list` shows the sources it "
                        "holds"
                    )
                names.extend(c for c in matching if c not in names)
        start, end = _date(date_from, "from"), _date(date_to, "to")
        if start and end and start > end:
            raise UsageError(f"The date from ({date_from}) is after the date to ({date_to})")
        return ChunkFilter(tuple(names), start, end)

    @contextlib.contextmanager
    def _writing(self, *, fresh_view: bool = True) -> Iterator[None]:
        """Hold the right to write: the folder's write lock (waiting for another writer for up
        to ASSISTANT_LOCK_WAIT seconds), or this object's lock on a server; then (unless the
        index is about to be dropped) make sure the store sees what other processes wrote
        before this write builds on it."""
        if self.settings.chroma_url:
            lock: Any = self._lock
        else:
            lock = write_lock(Path(self.settings.index_dir), self.settings.lock_wait, _say_waiting)
        with lock:
            if fresh_view:
                self.store.prepare_to_write()
            yield


def _say_waiting(holder: str) -> None:
    log.warning("waiting for process %s, which is writing to the index, to finish…", holder)


def _source_candidates(source: str) -> list[str]:
    """The stored source names `source` may refer to: as given, or as a path (absolute, or
    relative to the working folder as indexes written before absolute names have it)."""
    candidates = [source]
    if source and not source.startswith(("http://", "https://")):
        for name in (source_name(Path(source)), legacy_source_name(Path(source))):
            if name not in candidates:
                candidates.append(name)
    return candidates


def _date(value: str | None, which: str) -> int:
    """A --from/--to date as YYYYMMDD, or UsageError saying how to write it."""
    if not value:
        return 0
    try:
        day = datetime.date.fromisoformat(value.strip())
    except ValueError:
        raise UsageError(
            f"The date {which} must be a real day written like 2025-02-13, not {value!r}"
        ) from None
    return day.year * 10000 + day.month * 100 + day.day


_default: list[Assistant] = []
_default_lock = threading.Lock()


def default_assistant() -> Assistant:
    """The shared Assistant built from the environment, created on first call."""
    with _default_lock:
        if not _default:
            _default.append(Assistant())
        return _default[0]


def answer(question: str, history: Sequence[tuple[str, str]] = ()) -> Answer:
    """Answer a question with the shared default Assistant (settings from the environment)."""
    return default_assistant().ask(question, history)
