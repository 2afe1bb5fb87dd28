"""`Assistant`: the public entry point, wiring settings, store, retrieval and answering.

The parts are built on first use and then reused for the life of the
object, so the model and the index load once per process; any of them can
be passed in instead (`embedder=`, `answerer=`, `store=`), which is how
tests and benchmarks swap a part. Writes (ingest, upload, remove, rebuild)
hold the index's write lock; reads take none.
"""

from __future__ import annotations

import contextlib
import dataclasses
import logging
import threading
from collections.abc import Generator, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assistant.config import COLLECTION_SETTINGS, DEFAULT_COLLECTION, Settings
from assistant.errors import NoSuchConversationError, NotInIndexError, UsageError
from assistant.records import (
    Answer,
    ArticleRecord,
    Conversation,
    ConversationSummary,
    Feedback,
    History,
    IngestReport,
    Passage,
    Progress,
    SavedAnswer,
    SearchFilter,
    SourceRecord,
    Status,
    StoredArticle,
    pages_of,
    plural,
)

if TYPE_CHECKING:
    from collections.abc import Callable

    from assistant.answering import Answerer, AnswerPipeline, AnswerStream, Prompts
    from assistant.answering.rating import Rater
    from assistant.database import ConversationStore, Database, SourceRegistry
    from assistant.embedding import Embedder
    from assistant.ingest import Fetcher, SourceSync, UploadFolder
    from assistant.retrieval import Retriever
    from assistant.store import ChunkStore

log = logging.getLogger("assistant")
# `ask(…, conversation=NEW_CONVERSATION)` starts a saved conversation with the answer.
NEW_CONVERSATION = "new"
# Why a path is refused where only web addresses are read (the browser app's box).
NOT_AN_ADDRESS = "not a web address: type addresses that start with http:// or https://"
Paths = Iterable[str | Path] | str | Path


class Assistant:
    """Ask questions about your articles and get answers you can check.

    >>> bot = Assistant("my_index", llm="extractive")
    >>> bot.ingest(["seeds/"]).added
    >>> bot.ask("How long did Trump's call with Putin last?").citations

    Keyword arguments are settings (see `Settings`); unset ones come from the
    environment (ASSISTANT_*, OPENAI_*), then from the defaults. `embedder`,
    `answerer` and `store` replace the part the settings would build (for
    example `assistant.testing.ScriptedAnswerer` in tests).
    """

    def __init__(
        self,
        index_dir: str | Path | None = None,
        *,
        settings: Settings | None = None,
        embedder: Embedder | None = None,
        answerer: Answerer | None = None,
        store: ChunkStore | None = None,
        **options: Any,
    ) -> None:
        if settings is not None and (index_dir or options):
            raise UsageError("Pass either settings= or individual options, not both")
        self._database: Database | None = None
        # What the caller said (None: settings were given whole), for the other collections.
        self._explicit: dict[str, Any] | None = None
        if settings is None:
            self._explicit = {"index_dir": index_dir}
            self._explicit |= {k: v for k, v in options.items() if v is not None}
            settings = self._with_kept_settings(Settings.from_env(**self._explicit))
        self.settings = settings
        self._embedder = embedder
        self._answerer = answerer
        self._store = store
        self._retriever: Retriever | None = None
        self._pipeline: AnswerPipeline | None = None
        self._uploads: UploadFolder | None = None
        self._registry: SourceRegistry | None = None
        self._conversations: ConversationStore | None = None
        self._prompt_set: Prompts | None = None
        self._rating: Rater | None = None
        self._parts = threading.RLock()
        self._writer = threading.Lock()

    def _with_kept_settings(self, settings: Settings) -> Settings:
        """`settings` with what the collection keeps for itself applied (above the
        environment, below what the caller passed); a database that cannot be read is
        passed over with a warning, never a reason not to answer."""
        from assistant.database import CollectionSettings, Database, database_exists
        from assistant.errors import DatabaseError

        if not database_exists(settings):
            return settings
        database = Database.for_settings(settings)
        try:
            kept = CollectionSettings(database, settings.collection).read()
        except DatabaseError as error:
            log.warning(
                "the settings of collection %s were not read: %s", settings.collection, error
            )
            return settings
        self._database = database
        kept = {name: value for name, value in kept.items() if name in COLLECTION_SETTINGS}
        return Settings.from_env(**{**kept, **(self._explicit or {})}) if kept else settings

    # --- parts, built on first use -----------------------------------------------------

    @property
    def embedder(self) -> Embedder:
        """The embedding model in use."""
        with self._parts:
            if self._embedder is None:
                from assistant.embedding import make_embedder

                self._embedder = make_embedder(self.settings)
            return self._embedder

    @property
    def store(self) -> ChunkStore:
        """The Chroma store behind the index."""
        with self._parts:
            if self._store is None:
                from assistant.embedding import identity_for
                from assistant.store import ChunkStore

                identity = (
                    self._embedder.identity
                    if self._embedder is not None
                    else identity_for(self.settings)
                )
                self._store = ChunkStore(self.settings, identity)
            return self._store

    @property
    def retriever(self) -> Retriever:
        """Hybrid retrieval over the store."""
        with self._parts:
            if self._retriever is None:
                from assistant.retrieval import Retriever

                self._retriever = Retriever(
                    self.store, self.embedder, cache_dir=self.settings.cache_dir
                )
            return self._retriever

    @property
    def answerer(self) -> Answerer:
        """What writes the answers: the extractive answerer or a chat model."""
        with self._parts:
            if self._answerer is None:
                self._answerer = self._build_answerer()
            return self._answerer

    @property
    def uploads(self) -> UploadFolder:
        """Where files uploaded through the app are kept."""
        with self._parts:
            if self._uploads is None:
                from assistant.ingest import UploadFolder

                self._uploads = UploadFolder(self.settings.upload_folder)
            return self._uploads

    def _rater(self) -> Rater:
        """Rates candidate sentences for the extractive answerer and the claim checker alike."""
        with self._parts:
            if self._rating is None:
                from assistant.answering.rating import Rater

                self._rating = Rater(self.embedder, self.retriever.idf)
            return self._rating

    @property
    def database(self) -> Database:
        """The assistant's own database (registered sources, conversations, feedback)."""
        with self._parts:
            if self._database is None:
                from assistant.database import Database

                self._database = Database.for_settings(self.settings)
            return self._database

    @property
    def registry(self) -> SourceRegistry:
        """The registered sources (feeds, web pages, folders, files), in the database."""
        with self._parts:
            if self._registry is None:
                from assistant.database import SourceRegistry

                self._registry = SourceRegistry(self.database)
            return self._registry

    @property
    def saved(self) -> ConversationStore:
        """The saved conversations of this collection, in the database."""
        with self._parts:
            if self._conversations is None:
                from assistant.database import ConversationStore

                self._conversations = ConversationStore(self.database, self.settings.collection)
            return self._conversations

    def _build_answerer(self) -> Answerer:
        if self.settings.llm == "extractive":
            from assistant.answering.extractive import ExtractiveAnswerer

            return ExtractiveAnswerer(self._rater(), self.retriever.article_text)
        from assistant.answering.chat import ChatAnswerer

        return ChatAnswerer(self.settings, self._prompts())

    def _prompts(self) -> Prompts:
        with self._parts:
            if self._prompt_set is None:
                from assistant.answering import Prompts

                self._prompt_set = Prompts(self.settings.prompts_dir)
            return self._prompt_set

    @property
    def _answers(self) -> AnswerPipeline:
        with self._parts:
            if self._pipeline is None:
                from assistant.answering import AnswerPipeline, ClaimChecker

                self._pipeline = AnswerPipeline(
                    self.settings,
                    self.retriever.search,
                    self.answerer,
                    checker=ClaimChecker(self.embedder, self.retriever.idf, self._rater()),
                    prompts=self._prompts(),
                    index_is_empty=lambda: not self.store.articles(),
                )
            return self._pipeline

    # --- what is there -----------------------------------------------------------------

    def status(self) -> Status:
        """How this assistant answers and embeds, and how large its index is now."""
        from assistant.ingest import SUPPORTED_SUFFIXES

        records = self.store.articles()
        return Status(
            answering=self.answerer.describe(),
            model=self.answerer.name,
            embedder=self.embedder.name,
            embedding_engine=self.embedder.engine,
            index=self.store.location,
            index_exists=self.store.exists(),
            articles=len(records),
            chunks=sum(record.chunks for record in records),
            file_types=SUPPORTED_SUFFIXES,
        )

    def index_exists(self) -> bool:
        """Whether anything has ever been written to the configured index."""
        return self.store.exists()

    def articles(self) -> list[ArticleRecord]:
        """Every article in the index, sorted by source."""
        return sorted(self.store.articles(), key=lambda r: r.source)

    def source_label(self, source: str) -> str:
        """How a source is shown to people, in the browser and on the command line alike:
        an upload by its file name and the start of its content hash ("012.txt (upload
        1a2b3c4d)"), a file in the working folder relative to it, anything else (a URL, a
        JSON source) as it is. Every form is accepted back by `show`, `remove` and
        `--source`, where people paste what they see."""
        from assistant.ingest import shown_source

        return self.uploads.label(source) or shown_source(source)

    # --- collections -------------------------------------------------------------------

    def collections(self) -> list[str]:
        """The collections of this installation (its index folder or Chroma server), sorted."""
        from assistant.store import collection_names

        return collection_names(self.settings)

    def check_collection(self) -> None:
        """NotInIndexError, listing the collections there are, when this assistant's collection
        is not the default one and has not been created (a mistyped name)."""
        if self.settings.collection != DEFAULT_COLLECTION:
            self._known(self.settings.collection)

    def in_collection(self, name: str) -> Assistant:
        """An Assistant on another existing collection of this installation, with the same
        settings and embedding model."""
        if name == self.settings.collection:
            return self
        if name != DEFAULT_COLLECTION:
            self._known(name)
        return self._sibling(name)

    def create_collection(self, name: str) -> Assistant:
        """Create an empty collection and return an Assistant on it; UsageError if one of that
        name exists, ConfigError for a name that cannot be one."""
        other = self._sibling(name)
        if name in self.collections():
            raise UsageError(f"There is already a collection named {name!r}")
        with other._writing(fresh_view=False):
            other.store.create()
        return other

    def delete_collection(self, name: str) -> int:
        """Delete a collection: its articles, its keyword view, its registered sources, its
        saved conversations and the files uploaded to it. Nothing of another collection is
        touched. Returns how many articles it held."""
        from assistant.database import remove_default_file
        from assistant.store import drop_index

        self._known(name)
        other = self._sibling(name)
        with other._writing(fresh_view=False):
            records = other.store.articles()
            for record in records:
                other.uploads.discard(record.file)
            # The folder keeps its two lock files, so a process that still has the collection
            # open and one that creates it again lock the same files.
            drop_index(other.settings)
            if other.settings.db_url:  # a shared database: only this collection's part goes
                from assistant.database import CollectionSettings

                other.saved.forget_collection()
                CollectionSettings(other.database, name).forget()
            remove_default_file(other.settings)
        return len(records)

    def _known(self, name: str) -> None:
        names = self.collections()
        if name not in names:
            listed = ", ".join(names) or "none yet"
            raise NotInIndexError(
                f"There is no collection named {name!r} (the collections: {listed}); "
                f"create it with `assistant collections create {name}`"
            )

    def _sibling(self, name: str) -> Assistant:
        """An Assistant on collection `name`, made as this one was (with the settings that
        collection keeps), sharing the embedding model when the two embed alike."""
        if self._explicit is None:
            settings = dataclasses.replace(self.settings, collection=name).validated()
            return Assistant(settings=settings, embedder=self._embedder)
        other = Assistant(**{**self._explicit, "collection": name})
        if other.settings.embed == self.settings.embed and (
            other.settings.embed_model == self.settings.embed_model
        ):
            other._embedder = self._embedder
        return other

    # --- what a collection keeps ---------------------------------------------------------

    def collection_settings(self) -> dict[str, str]:
        """The settings this collection keeps for itself (as text), by name."""
        from assistant.database import CollectionSettings

        return CollectionSettings(self.database, self.settings.collection).read()

    def keep_settings(self, **values: Any) -> dict[str, str]:
        """Keep settings for this collection (`top_k=8, model="llama3.2"`): every Assistant
        opened on it afterwards uses them unless told otherwise. Returns all it keeps.

        Only the settings of COLLECTION_SETTINGS can be kept; each value is
        checked as the environment's would be, and nothing is kept unless all are good.
        """
        from assistant.database import CollectionSettings

        unknown = sorted(set(values) - set(COLLECTION_SETTINGS))
        if unknown:
            raise UsageError(
                f"A collection cannot keep {', '.join(unknown)}; it can keep "
                f"{', '.join(COLLECTION_SETTINGS)}"
            )
        Settings.from_env(env={}, **values)  # ConfigError, naming the setting, if one is bad
        kept = CollectionSettings(self.database, self.settings.collection)
        kept.write({name: str(value) for name, value in values.items()})
        return kept.read()

    def forget_settings(self, *names: str) -> dict[str, str]:
        """Stop keeping the named settings for this collection; returns what it still keeps."""
        from assistant.database import CollectionSettings

        kept = CollectionSettings(self.database, self.settings.collection)
        kept.unset(names)
        return kept.read()

    # --- articles ----------------------------------------------------------------------

    def ingest(
        self,
        paths: Paths,
        progress: Callable[[Progress], None] | None = None,
        *,
        public_only: bool = False,
    ) -> IngestReport:
        """Add or update articles from files, folders and web addresses (http/https); see
        IngestReport for the outcome.

        Folders, files and addresses that could be read are registered, so
        `sync()` reads them again. `public_only` (for requests that come from
        the network, as in the browser app) reads web addresses only, never a
        file or folder of this machine, and refuses addresses on this machine
        or its private network unless ASSISTANT_ALLOW_PRIVATE_URLS allows them.
        """
        with self._writing(progress=progress):
            return self._read_sources(paths, progress, public_only)

    def rebuild(
        self, paths: Paths, progress: Callable[[Progress], None] | None = None
    ) -> IngestReport:
        """Empty the index (even a damaged one) and ingest `paths` into it afresh."""
        from assistant.store import drop_index

        with self._writing(fresh_view=False, progress=progress):
            drop_index(self.settings)
            self.retriever.forget()
            return self._read_sources(paths, progress, public_only=False)

    def article(self, source: str) -> StoredArticle:
        """The article stored for `source` (as `articles()` lists it, a path or a URL): the
        whole text that was read, with its title, date, author, URL, site and pages."""
        record = self._record_for(source)
        text = self.store.article_text(record.source)
        if text is None:
            # Indexes written before whole texts were kept: the chunks, at their offsets.
            text = _text_from_chunks(
                p
                for p in self.store.chunks_of([record.article_id])
                if p.doc_hash == record.doc_hash
            )
        return StoredArticle(
            source=record.source,
            title=record.title,
            text=text,
            url=record.url,
            date=record.date,
            author=record.author,
            site=record.site,
            file=record.file,
            pages=pages_of(len(text), record.page_starts) if record.page_starts else (),
            chunks=record.chunks,
            ingested_at=record.ingested_at,
        )

    # --- registered sources ------------------------------------------------------------

    def sources(self) -> list[SourceRecord]:
        """Every registered source (feeds first), with its last sync and article count."""
        return self.registry.all()

    def feeds(self) -> list[SourceRecord]:
        """The registered feeds, with their last sync and article count."""
        return [source for source in self.registry.all() if source.kind == "feed"]

    def add_feed(
        self,
        url: str,
        progress: Callable[[Progress], None] | None = None,
        *,
        public_only: bool = False,
    ) -> IngestReport:
        """Register an RSS or Atom feed and read its articles now; UsageError (saying why)
        when the address cannot be fetched or is not a feed."""
        from assistant.ingest import FEED_TYPES, FeedProblem, FetchFailed, Request, parse_feed

        with self._fetcher(public_only) as fetcher:
            try:
                fetched = fetcher.fetch(Request(url), FEED_TYPES)
                parsed = parse_feed(fetched.data, fetched.final_url)
            except (FetchFailed, FeedProblem) as problem:
                raise UsageError(f"Cannot add the feed {url}: {problem}") from None
            location = fetched.moved_to or url.strip()
            record = self.registry.add("feed", location, parsed.title)
            with self._writing(progress=progress):
                report = self._source_sync(fetcher).sync(
                    [record], progress=progress, fetched={location: fetched}
                )
                self.store.trust_written_state()
        return report

    def folder_reading(self, record: ArticleRecord) -> str | None:
        """The registered folder holding `record`'s file, if any: its next sync reads the
        file again, so a removal lasts only once the file is gone or the folder is no
        longer synced (which the person removing it needs to be told)."""
        if not record.file:
            return None
        path = Path(record.file)
        folders = [s.location for s in self.registry.all() if s.kind == "folder"]
        return next((f for f in folders if path.is_relative_to(f)), None)

    def remove_source(self, location: str) -> SourceRecord:
        """Stop syncing a registered source (its articles stay until removed)."""
        from assistant.ingest import source_name

        for candidate in (location, source_name(Path(location))):
            record = self.registry.get(candidate)
            if record is not None:
                self.registry.remove(record.location)
                return record
        raise NotInIndexError(
            f"{location!r} is not a registered source: `assistant feeds list` shows them"
        )

    def sync(
        self,
        progress: Callable[[Progress], None] | None = None,
        *,
        prune: bool = False,
        public_only: bool = False,
    ) -> IngestReport:
        """Read every registered feed, web page, folder and file again: only new or changed
        articles are fetched and embedded. `prune` removes articles whose files are gone
        from registered folders."""
        with self._fetcher(public_only) as fetcher, self._writing(progress=progress):
            report = self._source_sync(fetcher).sync(prune=prune, progress=progress)
            self.store.trust_written_state()
        return report

    def _fetcher(self, public_only: bool) -> Fetcher:
        from assistant.ingest import Fetcher

        return Fetcher(self.settings, public_only=public_only)

    def _source_sync(self, fetcher: Fetcher) -> SourceSync:
        from assistant.ingest import Ingestor, SourceSync

        ingestor = Ingestor(self.settings, self.store, self.embedder)
        return SourceSync(self.registry, ingestor, self.store, fetcher)

    def _read_sources(
        self, paths: Paths, progress: Callable[[Progress], None] | None, public_only: bool
    ) -> IngestReport:
        """Read paths and addresses into the store and register them (write lock held)."""
        from assistant.ingest import split_addresses

        if isinstance(paths, (str, Path)):
            paths = [paths]
        files, urls, refused = split_addresses(paths)
        if public_only:
            # Someone on the network must not make the server read its own files.
            refused += [(str(path), NOT_AN_ADDRESS) for path in files]
            files = []
        with self._fetcher(public_only) as fetcher:
            report = self._source_sync(fetcher).ingest(files, urls, progress)
        report.skipped[:0] = refused
        self.store.trust_written_state()
        return report

    def upload(
        self,
        files: Iterable[str | Path],
        *,
        replace: bool = False,
        progress: Callable[[Progress], None] | None = None,
    ) -> IngestReport:
        """Keep uploaded files in the upload folder and ingest them (the browser app's way in).

        Different files never overwrite one another, even with the same name:
        each is kept under its content hash. With `replace`, the earlier upload
        with the same file name as a new one is removed (and reported as
        replaced); of several, only the one with the new article's title, and
        none when that does not single one out (the report says so). Without
        `replace`, both are kept and the report says so.
        """
        kept = [self.uploads.keep(path) for path in files]
        with self._writing(progress=progress):
            report = self._ingest_into_store(kept, progress)
            self._settle_uploads(kept, replace, report)
            self.store.trust_written_state()
        return report

    def remove(
        self, source: str, *, progress: Callable[[Progress], None] | None = None
    ) -> ArticleRecord:
        """Delete an article and all its chunks; `source` as `articles()` lists it, or a path.

        An article uploaded through the app also loses its kept copy of the
        file (once no other article comes from it); the user's own files are
        never touched. `progress` hears of a wait for another process writing the index.
        """
        with self._writing(progress=progress):
            record = self._record_for(source)
            self._delete(record)
            self.store.trust_written_state()
        return record

    def _record_for(self, source: str) -> ArticleRecord:
        """The record of an article named as `articles()` lists it, as a path, or by the
        web address it gives (a saved page's canonical URL, which `show` prints)."""
        for candidate in self._source_candidates(source):
            record = self.store.article(candidate)
            if record is not None:
                return record
        if source.startswith(("http://", "https://")):
            for record in self.store.articles():
                if record.url == source:
                    return record
        raise self._not_in_index(source)

    def _source_candidates(self, source: str) -> list[str]:
        """The stored source names `source` may refer to: as given, as a path (absolute, or
        relative to the working folder as indexes written before absolute names have it),
        or as the label an upload is shown by ("012.txt (upload 1a2b3c4d)")."""
        from assistant.ingest import legacy_source_name, source_name

        candidates = [source]
        if source and not source.startswith(("http://", "https://")):
            upload = self.uploads.labelled(source)
            names = (upload, source_name(Path(source)), legacy_source_name(Path(source)))
            candidates += [name for name in dict.fromkeys(names) if name and name != source]
        return candidates

    def _not_in_index(self, source: str) -> NotInIndexError:
        """The error for a source the index does not hold; when articles have that file name
        in other folders (or as uploads), it names them, since "report.txt" may mean any."""
        name = Path(source).name
        namesakes = [
            self.source_label(record.source)
            for record in self.store.articles()
            if record.file and Path(record.file).name == name
        ]
        if not namesakes:
            return NotInIndexError(
                f"{source!r} is not in the index: `assistant list` shows the sources it holds"
            )
        listed = "; ".join(sorted(namesakes)[:_NAMESAKES_SHOWN])
        more = len(namesakes) - _NAMESAKES_SHOWN
        listed += f"; and {more} more" if more > 0 else ""
        return NotInIndexError(
            f"{source!r} is not a source in the index, but {plural(len(namesakes), 'article')} "
            f"{'has' if len(namesakes) == 1 else 'have'} that file name: {listed}. Give one as "
            "written here"
        )

    def _ingest_into_store(
        self, paths: Paths, progress: Callable[[Progress], None] | None
    ) -> IngestReport:
        """The ingest itself, under the write lock the caller holds."""
        from assistant.ingest import Ingestor

        if isinstance(paths, (str, Path)):
            paths = [paths]
        report = Ingestor(self.settings, self.store, self.embedder).ingest(paths, progress)
        self.store.trust_written_state()
        return report

    def _settle_uploads(self, kept: list[Path], replace: bool, report: IngestReport) -> None:
        """After an upload: drop copies nothing was read from; replace or report namesakes."""
        records = self.store.articles()
        from_file = {record.file for record in records}
        new = {str(path) for path in kept}
        for path in kept:
            if str(path) not in from_file:
                self.uploads.discard(str(path))
        fresh = set(report.added_sources) | set(report.updated_sources)
        read_now = {r.file for r in records if r.source in fresh}
        for path in sorted({p for p in kept if str(p) in from_file}):
            if not replace and str(path) not in read_now:
                continue  # the same file again: nothing new was kept, so nothing to tell
            namesakes = [
                r
                for r in records
                if r.file not in new
                and self.uploads.holds(r.file)
                and Path(r.file).name == path.name
            ]
            if replace:
                titles = {r.title for r in records if r.file == str(path)}
                replaced = _replaced_by(namesakes, titles)
                for record in replaced:
                    self._delete(record)
                    report.replaced.append(record.source)
                if namesakes and not replaced:
                    listed = "; ".join(sorted(r.title or r.source for r in namesakes))
                    report.notes.append(
                        f"{path.name}: {len(namesakes)} earlier uploads with this name hold "
                        f"other articles ({listed}), none with this one's title, so none was "
                        "replaced: remove the one it replaces from the list"
                    )
            elif len(namesakes) == 1:
                report.notes.append(
                    f"{path.name}: an earlier upload with this name holds a different "
                    "article; both are kept (upload again with replace to replace it)"
                )
            elif namesakes:
                report.notes.append(
                    f"{path.name}: {len(namesakes)} earlier uploads with this name hold other "
                    "articles; all are kept (upload again with replace to replace them)"
                )
        if report.replaced:
            report.articles = len(self.store.articles())
            report.chunks = self.store.chunk_count()

    def _delete(self, record: ArticleRecord) -> None:
        """Delete an article (write lock held) and its uploaded copy if nothing else uses it.

        A registered web page or file that gave it is forgotten too, so a sync
        does not bring back what a person removed.
        """
        from assistant.ingest import recount

        self.store.delete_article(record.source)
        if record.url.startswith(("http://", "https://")) or record.file:
            self.registry.forget_page_of(record.source)
            if record.file and self.registry.get(record.file) is not None:
                self.registry.remove(record.file)
        left = self.store.articles()
        if self.uploads.holds(record.file) and not any(other.file == record.file for other in left):
            self.uploads.discard(record.file)
        recount(self.registry, left)

    # --- questions ---------------------------------------------------------------------

    def search(
        self,
        query: str,
        k: int | None = None,
        *,
        sources: Sequence[str] = (),
        date_from: str | None = None,
        date_to: str | None = None,
    ) -> list[Passage]:
        """Retrieval only: the best `k` passages for `query`, best first.

        Ranked by meaning and keywords together (`rank_score`); each passage's
        `score` is its similarity in meaning alone (cosine, 0 to 1).
        """
        query = self.check_question(query)
        where = self._filter(sources, date_from, date_to)
        return self.retriever.search(query, k or self.settings.top_k, where)

    def check_question(self, question: str) -> str:
        """`question` as it will be asked (stripped), or QuestionError saying what to change
        (empty, too long): a face can turn it down before showing it anywhere."""
        from assistant.answering import validate

        return validate(question, self.settings.max_question_chars)

    def ask(
        self,
        question: str,
        history: History = (),
        *,
        conversation: str | None = None,
        user: str | None = None,
        sources: Sequence[str] = (),
        date_from: str | None = None,
        date_to: str | None = None,
    ) -> Answer:
        """Answer `question` (a follow-up, given `history`) from the articles, with citations.

        With `conversation` (an id from `start_conversation` or `conversations`),
        the question follows up that saved conversation and the answer is saved
        at its end (`answer.saved_as` names it for `give_feedback`); "new"
        starts a conversation with this answer (`answer.conversation`); if the
        database cannot be used the answer is still given, with `not_saved`
        saying why. `user` keeps the call to that user's conversations.
        """
        return self.stream(
            question,
            history,
            conversation=conversation,
            user=user,
            sources=sources,
            date_from=date_from,
            date_to=date_to,
        ).answer

    def stream(
        self,
        question: str,
        history: History = (),
        *,
        conversation: str | None = None,
        user: str | None = None,
        sources: Sequence[str] = (),
        date_from: str | None = None,
        date_to: str | None = None,
    ) -> AnswerStream:
        """Like `ask`, but iterate the result for text pieces; then `.answer` is the Answer."""
        from assistant.answering import AnswerStream

        where = self._filter(sources, date_from, date_to)
        if conversation is None:
            return AnswerStream(self._answer(question, history, where))
        return AnswerStream(self._answer_in(conversation, user, question, history, where))

    def _answer(
        self, question: str, history: History, where: SearchFilter
    ) -> Generator[str, None, Answer]:
        """The answer, streamed; a refusal under a date range says how many articles have no
        date, since the range leaves those out whatever they say."""
        answer = yield from self._answers.run(question, list(history), where)
        if answer.refused and (where.date_from or where.date_to):
            undated = sum(1 for record in self.store.articles() if not record.date)
            if undated:
                one = undated == 1
                left_out = (
                    f"{plural(undated, 'article')} in the index {'has' if one else 'have'} no "
                    f"date, so the date range left {'it' if one else 'them'} out."
                )
                note = f"{answer.note} {left_out}" if answer.note else left_out
                answer = dataclasses.replace(answer, note=note)
        return answer

    def _answer_in(
        self,
        conversation: str,
        user: str | None,
        question: str,
        history: History,
        where: SearchFilter,
    ) -> Generator[str, None, Answer]:
        """Answer as a follow-up of a saved conversation (or as the first question of a new
        one), then save the answer there.

        A conversation that is not there (or not this user's) is an error; a
        database that cannot be used is not: the question is answered from
        the history given, and the answer says it was not saved. A new
        conversation is made only with its first answer, so a question that
        fails leaves nothing behind.
        """
        from assistant.errors import DatabaseError

        new = conversation == NEW_CONVERSATION
        problem = ""
        try:
            if not new:
                history = history or self.saved.get(conversation, user=user).history
        except DatabaseError as error:
            problem = f"{error} (so it was answered without the conversation's earlier questions)"
        answer = yield from self._answer(question, history, where)
        if not problem:
            try:
                kept_in, saved_as = self.saved.add(None if new else conversation, answer, user=user)
                return dataclasses.replace(answer, conversation=kept_in, saved_as=saved_as)
            except DatabaseError as error:
                problem = str(error)
        log.warning("the answer was not saved: %s", problem)
        kept_in = "" if new else conversation
        return dataclasses.replace(answer, conversation=kept_in, not_saved=problem)

    # --- conversations -----------------------------------------------------------------

    def conversations(
        self, *, search: str = "", user: str | None = None
    ) -> list[ConversationSummary]:
        """The saved conversations of this collection, most recently used first; `search`
        keeps those whose title, questions or answers hold all its words."""
        return self.saved.summaries(search=search, user=user)

    def conversation(self, conversation_id: str, *, user: str | None = None) -> Conversation:
        """A saved conversation with its answers (citations, passages, verdicts, feedback)."""
        return self.saved.get(conversation_id, user=user)

    def conversation_id(self, given: str, *, user: str | None = None) -> str:
        """The id of the conversation `given` names in full or by a unique beginning (as git
        takes a commit's), so a shortened id works in the CLI and in a `?chat=` address alike;
        NoSuchConversationError if none begins so, UsageError if several do."""
        ids = [summary.id for summary in self.conversations(user=user)]
        if given in ids:
            return given
        matching = [one for one in ids if given and one.startswith(given)]
        if len(matching) == 1:
            return matching[0]
        if not matching:
            raise NoSuchConversationError(
                f"There is no conversation {given!r}: `assistant chats list` shows them"
            )
        raise UsageError(f"{given!r} begins {len(matching)} conversations: give more of the id")

    def start_conversation(self, title: str = "", *, user: str = "") -> ConversationSummary:
        """A new saved conversation; ask in it with `ask(q, conversation=summary.id)`."""
        return self.saved.start(title, user=user)

    def rename_conversation(
        self, conversation_id: str, title: str, *, user: str | None = None
    ) -> ConversationSummary:
        """Give a saved conversation a new title."""
        return self.saved.rename(conversation_id, title, user=user)

    def delete_conversation(
        self, conversation_id: str, *, user: str | None = None
    ) -> ConversationSummary:
        """Delete a saved conversation (its answers and their feedback with it)."""
        return self.saved.delete(conversation_id, user=user)

    def give_feedback(
        self,
        answer: Answer | int,
        rating: str,
        *,
        note: str | None = None,
        correction: str | None = None,
        user: str | None = None,
    ) -> Feedback:
        """Rate a saved answer "up" or "down", with an optional note and the right answer.

        `answer` is an Answer asked in a conversation, or its `saved_as` id.
        Giving feedback again replaces the earlier feedback; a note or
        correction left as None keeps the one given before.
        """
        saved_as = answer.saved_as if isinstance(answer, Answer) else int(answer)
        if not saved_as:
            raise UsageError(
                "This answer is not saved, so it cannot take feedback: ask it in a conversation "
                "(`ask(question, conversation=bot.start_conversation().id)`)"
            )
        return self.saved.rate(saved_as, rating, note=note, correction=correction, user=user)

    def feedback(self, *, user: str | None = None) -> list[SavedAnswer]:
        """Every saved answer that has feedback, oldest first."""
        return self.saved.rated(user=user)

    def _filter(
        self, sources: Sequence[str], date_from: str | None, date_to: str | None
    ) -> SearchFilter:
        """The search filter for the caller's sources and dates, checked against the index.

        An unknown source is an error, not an empty result: "the articles do
        not say" would be misleading when the article was never there.
        """
        parsed = SearchFilter.parse((), date_from, date_to)
        if not self.store.exists():
            # On disk: a mistyped collection name, not an empty collection. (A server collection
            # exists as soon as it is named, as it always has; `--collection` is checked anyway.)
            self.check_collection()
        if not sources:
            return parsed
        known = {record.source for record in self.store.articles()}
        names: list[str] = []
        for source in sources:
            matching = [c for c in self._source_candidates(source) if c in known]
            if not matching:
                raise self._not_in_index(source)
            names.extend(c for c in matching if c not in names)
        return SearchFilter(tuple(names), parsed.date_from, parsed.date_to)

    @contextlib.contextmanager
    def _writing(
        self,
        *,
        fresh_view: bool = True,
        progress: Callable[[Progress], None] | None = None,
    ) -> Iterator[None]:
        """Hold the right to write: the folder's write lock (waiting for another writer for up
        to ASSISTANT_LOCK_WAIT seconds, and saying so), or this object's lock on a server;
        then (unless the index is about to be dropped) make sure the store sees what other
        processes wrote before this write builds on it.

        A folder that did not exist and still holds no index afterwards (nothing
        could be read) is removed again, so a failed first ingest leaves nothing behind.
        """
        from assistant.store import remove_if_unused, write_lock

        def say_waiting(holder: str) -> None:
            log.warning("waiting for process %s, which is writing to the index, to finish…", holder)
            if progress is not None:
                progress(Progress(0, 0, 0, 0.0, waiting_for=holder))

        folder = self.settings.index_folder
        existed = folder.exists()
        if self.settings.chroma_url:
            lock: Any = self._writer
        else:
            lock = write_lock(folder, self.settings.lock_wait, say_waiting)
        with lock:
            try:
                if fresh_view:
                    self.store.prepare_to_write()
                yield
            finally:
                if not existed and not self.settings.chroma_url:
                    remove_if_unused(folder)  # still under the lock: nobody else is starting


def _text_from_chunks(passages: Iterable[Passage]) -> str:
    """An article's text put back together from its chunks, each at its own offset (gaps
    between chunks, which held only spaces or line breaks, become spaces)."""
    text = ""
    for passage in sorted(passages, key=lambda p: p.start):
        if passage.start > len(text):
            text += " " * (passage.start - len(text))
        text += passage.text[len(text) - passage.start :]
    return text


# Articles named when a file name given for a source matches several in other folders.
_NAMESAKES_SHOWN = 5

_default: list[Assistant] = []
_default_lock = threading.Lock()


def default_assistant() -> Assistant:
    """The shared Assistant built from the environment, created on first call."""
    with _default_lock:
        if not _default:
            _default.append(Assistant())
        return _default[0]


def answer(question: str, history: History = ()) -> Answer:
    """Answer a question with the shared default Assistant (settings from the environment)."""
    return default_assistant().ask(question, history)


def _replaced_by(namesakes: list[ArticleRecord], titles: set[str]) -> list[ArticleRecord]:
    """The earlier uploads a new one with their file name replaces: the only one, or of
    several, the one with the new article's title. A file name alone does not say which of
    several articles a new one is a version of, and a guess would delete an unrelated one."""
    if len(namesakes) <= 1:
        return namesakes
    same_title = [record for record in namesakes if record.title in titles]
    return same_title if len(same_title) == 1 else []
