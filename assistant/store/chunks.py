"""The Chroma store: chunks with their vectors, and one record per article.

Everything goes through the Chroma collection API, by way of the shared
connection (connection.py), which opens, refreshes and guards the client;
together with it this is the only code that imports chromadb.

Consistency without transactions: an article's record is written after all
of its chunks and names the content hash those chunks carry, so it acts as
a commit marker. Readers ignore chunks whose hash the record does not name.
A write killed half-way therefore leaves the old version visible (or none,
for a new article), and running the same ingest again finishes it; stale
chunks are deleted after the record moves on.

Chroma never embeds: collections are created without an embedding function
and every vector is passed in.
"""

from __future__ import annotations

import bisect
import functools
import uuid
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from assistant.config import Settings
from assistant.errors import IndexMismatchError
from assistant.records import (
    ArticleRecord,
    Chunk,
    Passage,
    SearchFilter,
    article_id_for,
    date_ordinal,
)
from assistant.store import probe
from assistant.store.collections import chroma_names
from assistant.store.connection import GENERATION_KEY, connection_for
from assistant.store.filters import chroma_where

# Chunks fetched per page when reading the whole collection (below Chroma's batch limit).
READ_PAGE = 2000
# Articles whose chunks are fetched per request when refreshing part of the view.
ARTICLES_PER_READ = 200
# Set on an article record whose document is the article's whole text (not only its title).
TEXT_KEPT_KEY = "text_kept"


@dataclass(frozen=True)
class ArticleVersion:
    """An article's record with the chunks and vectors to store under it.

    `replaces` is set when an older version may be in the index, whose chunks
    are deleted once this one is committed; `supersedes` names another source
    whose article this one takes the place of (deleted after the commit too);
    `text` is the article's whole text, kept with its record (`article_text`).
    """

    record: ArticleRecord
    chunks: Sequence[Chunk]
    vectors: npt.NDArray[np.float32]
    replaces: bool = False
    supersedes: str = ""
    text: str = ""


class ChunkStore:
    """Chunks and article records in one Chroma database (on disk or on a server).

    Collections are created on the first write; reading an index that does
    not exist yet finds it empty and creates nothing.
    """

    def __init__(self, settings: Settings, embedder_identity: str) -> None:
        self.settings = settings
        self.identity = embedder_identity
        self.connection = connection_for(settings)
        self.location = self.connection.location
        self.name = settings.collection
        self.chunks_name, self.articles_name = chroma_names(settings.collection)
        self._max_batch: int | None = None

    @property
    def location_key(self) -> str:
        """Where the index lives, the same however it was named (server URL or absolute path)."""
        return self.settings.chroma_url or str(self.settings.index_folder.resolve())

    @property
    def max_batch(self) -> int:
        """How many chunks one Chroma write carries (Chroma's own limit)."""
        if self._max_batch is None:
            self._max_batch = self.connection.max_batch()
        return self._max_batch

    @max_batch.setter
    def max_batch(self, value: int) -> None:
        self._max_batch = value

    # --- reading -----------------------------------------------------------------

    def exists(self) -> bool:
        """Whether an index has been created at this location."""
        return self.connection.exists()

    def articles(self) -> list[ArticleRecord]:
        """All article records, in no particular order."""
        result = self._read(self.articles_name, lambda c: c.get(include=["metadatas"]))
        return [_record_from_metadata(meta) for meta in (result or {}).get("metadatas") or []]

    def article(self, source: str) -> ArticleRecord | None:
        """The record for `source`, or None if it is not in the index."""
        result = self._read(
            self.articles_name,
            lambda c: c.get(ids=[article_id_for(source)], include=["metadatas"]),
        )
        metadatas = (result or {}).get("metadatas") or []
        return _record_from_metadata(metadatas[0]) if metadatas else None

    def article_text(self, source: str) -> str | None:
        """The whole text of the article stored for `source`; None when the index holds no
        such article or (written before whole texts were kept) only its chunks."""
        result = self._read(
            self.articles_name,
            lambda c: c.get(ids=[article_id_for(source)], include=["documents", "metadatas"]),
        )
        documents = (result or {}).get("documents") or []
        metadatas = (result or {}).get("metadatas") or []
        if not documents or not metadatas or not (metadatas[0] or {}).get(TEXT_KEPT_KEY):
            return None
        return str(documents[0] or "")

    def chunk_count(self) -> int:
        """How many chunks the collection holds (including not-yet-committed ones)."""
        return int(self._read(self.chunks_name, lambda c: c.count()) or 0)

    def generation(self) -> str:
        """A token that changes whenever articles are written or removed, by any process.

        Finding one this process did not write reopens the connection first,
        so what follows reads the index as it is now.
        """
        if not self.exists():
            return ""
        return self.connection.notice_changes(self.articles_name)

    def iter_chunks(self) -> Iterator[Passage]:
        """Every stored chunk, page by page (used to build the keyword index)."""
        offset = 0
        while True:
            page = self._read(self.chunks_name, functools.partial(_page_at, offset))
            if not page:
                return
            yield from _chunks_of_page(page["ids"], page["documents"], page["metadatas"])
            if len(page["ids"]) < READ_PAGE:
                return
            offset += READ_PAGE

    def chunks_of(self, article_ids: Sequence[str]) -> Iterator[Passage]:
        """Every stored chunk of the given articles (all versions; callers filter)."""
        for start in range(0, len(article_ids), ARTICLES_PER_READ):
            group = list(article_ids[start : start + ARTICLES_PER_READ])
            page = self._read(self.chunks_name, functools.partial(_chunks_of_articles, group))
            if not page:
                return
            yield from _chunks_of_page(page["ids"], page["documents"], page["metadatas"])

    def vectors(self, chunk_ids: Sequence[str]) -> dict[str, npt.NDArray[np.float32]]:
        """The stored vectors of the given chunks (missing ids are left out)."""
        if not chunk_ids:
            return {}
        result = self._read(
            self.chunks_name, lambda c: c.get(ids=list(chunk_ids), include=["embeddings"])
        )
        embeddings = None if result is None else result.get("embeddings")
        if result is None or embeddings is None:
            return {}
        return {
            chunk_id: np.asarray(vector, dtype=np.float32)
            for chunk_id, vector in zip(result["ids"], embeddings, strict=True)
        }

    def query_articles(
        self, vector: npt.NDArray[np.float32], k: int, where: SearchFilter | None = None
    ) -> list[tuple[str, float]]:
        """The `k` articles whose mean chunk vector is nearest to `vector`, with cosines."""
        result = self._query(self.articles_name, vector, k, where, ["distances"])
        if not result:
            return []
        ids, distances = result["ids"][0], (result["distances"] or [[]])[0]
        return [(i, cosine_of(d)) for i, d in zip(ids, distances, strict=True)]

    def query(
        self, vector: npt.NDArray[np.float32], k: int, where: SearchFilter | None = None
    ) -> list[tuple[Passage, float]]:
        """The `k` nearest chunks to `vector` with their cosine similarity, best first."""
        result = self._query(
            self.chunks_name, vector, k, where, ["documents", "metadatas", "distances"]
        )
        if not result:
            return []
        chunks = _chunks_of_page(
            result["ids"][0], (result["documents"] or [[]])[0], (result["metadatas"] or [[]])[0]
        )
        distances = (result["distances"] or [[]])[0]
        return [(chunk, cosine_of(d)) for chunk, d in zip(chunks, distances, strict=True)]

    # --- writing -----------------------------------------------------------------

    def write_articles(self, articles: Sequence[ArticleVersion]) -> None:
        """Store several articles: all chunks, then all records (the commit), then stale chunks.

        One call per batch rather than per article: every Chroma write has a
        fixed cost (a database commit) that dominated small articles.
        """
        if not articles:
            return
        pairs = [(v.record, chunk) for v in articles for chunk in v.chunks]
        ids = [_chunk_id(record, chunk) for record, chunk in pairs]
        texts = [chunk.text for _, chunk in pairs]
        metadatas = [_chunk_metadata(record, chunk) for record, chunk in pairs]
        # The article's whole text is its record's document, so it is committed with it.
        documents = [version.text or version.record.title for version in articles]
        record_metadatas = [
            {**_record_metadata(version.record), TEXT_KEPT_KEY: bool(version.text)}
            for version in articles
        ]
        vectors = np.concatenate([v.vectors for v in articles]).astype(float).tolist()
        records = [version.record for version in articles]
        batch = self.max_batch

        def write() -> None:
            chunks = self._collection(self.chunks_name)
            # Leftovers of an interrupted write of these same versions would clash on ids.
            chunks.delete(ids=ids)
            for start in range(0, len(ids), batch):
                end = start + batch
                chunks.add(
                    ids=ids[start:end],
                    embeddings=vectors[start:end],
                    documents=texts[start:end],
                    metadatas=metadatas[start:end],
                )
            self._collection(self.articles_name).upsert(
                ids=[record.article_id for record in records],
                embeddings=[_mean_vector(version.vectors) for version in articles],
                metadatas=record_metadatas,
                documents=documents,
            )
            for version in articles:
                if version.replaces:
                    stale = {
                        "$and": [
                            {"article_id": version.record.article_id},
                            {"doc_hash": {"$ne": version.record.doc_hash}},
                        ]
                    }
                    chunks.delete(where=stale)
                if version.supersedes:
                    old = article_id_for(version.supersedes)
                    chunks.delete(where={"article_id": old})
                    self._collection(self.articles_name).delete(ids=[old])
            self._bump_generation()

        self.connection.write("write", write)

    def delete_article(self, source: str) -> ArticleRecord | None:
        """Remove an article's chunks, then its record; returns the removed record."""
        record = self.article(source)
        if record is None:
            return None

        def delete() -> None:
            self._collection(self.chunks_name).delete(where={"article_id": record.article_id})
            self._collection(self.articles_name).delete(ids=[record.article_id])
            self._bump_generation()

        self.connection.write("write", delete)
        return record

    def create(self) -> None:
        """Create the (empty) collections now, so the index exists before any article does."""

        def make() -> None:
            self._collection(self.chunks_name)
            self._bump_generation()

        self.connection.write("create", make)

    def prepare_to_write(self) -> None:
        """Before a write: reopen if another process changed the index since we last looked."""
        self.generation()

    def trust_written_state(self) -> None:
        """After this process's own writes, spare other processes the safety probe."""
        if not self.settings.chroma_url:
            probe.trust(self.settings.index_folder)

    def _bump_generation(self) -> None:
        """Mark a committed change (called inside a write)."""
        articles = self._collection(self.articles_name)
        metadata = dict(articles.metadata or {})
        metadata[GENERATION_KEY] = uuid.uuid4().hex
        articles.modify(metadata=metadata)
        self.connection.wrote(metadata[GENERATION_KEY])

    def _collection(self, name: str) -> Any:
        """A collection to write to, created on first use."""
        return self.connection.collection(name, self.identity)

    def _query(
        self,
        name: str,
        vector: npt.NDArray[np.float32],
        k: int,
        where: SearchFilter | None,
        include: list[str],
    ) -> Any:
        embedding = [vector.astype(float).tolist()]
        return self._read(
            name,
            lambda c: c.query(
                query_embeddings=embedding,
                n_results=k,
                where=chroma_where(where),
                include=include,
            ),
            action="search",
        )

    def _read(self, name: str, call: Callable[[Any], Any], action: str = "read") -> Any:
        """`call(collection)`, or None when the index or the collection does not exist yet."""
        if not self.exists():
            return None

        def run() -> Any:
            handle = self.connection.collection(name)
            if handle is None:
                return None
            recorded = (handle.metadata or {}).get("embedder")
            if recorded and recorded != self.identity:
                raise IndexMismatchError(
                    f"The index at {self.location} was built with {recorded}, but the "
                    f"assistant is set to embed with {self.identity}: use another "
                    "ASSISTANT_INDEX_DIR or delete the index and ingest again"
                )
            return call(handle)

        return self.connection.read(action, run)


def cosine_of(distance: float) -> float:
    """Cosine similarity from a Chroma distance in a cosine space (distance = 1 - cosine)."""
    return 1.0 - float(distance)


def _page_at(offset: int, collection: Any) -> Any:
    return collection.get(include=["documents", "metadatas"], limit=READ_PAGE, offset=offset)


def _chunks_of_articles(article_ids: list[str], collection: Any) -> Any:
    return collection.get(
        where={"article_id": {"$in": article_ids}}, include=["documents", "metadatas"]
    )


def _chunks_of_page(ids: Any, documents: Any, metadatas: Any) -> list[Passage]:
    return [
        _chunk_from(chunk_id, text, meta)
        for chunk_id, text, meta in zip(ids, documents or [], metadatas or [], strict=True)
    ]


def _chunk_id(record: ArticleRecord, chunk: Chunk) -> str:
    return f"{record.article_id}:{record.doc_hash[:12]}:{chunk.index}"


def _mean_vector(vectors: npt.NDArray[np.float32]) -> list[float]:
    """The normalised mean of an article's chunk vectors: its article-level vector."""
    mean = vectors.mean(axis=0)
    norm = float(np.linalg.norm(mean)) or 1.0
    return [float(x) for x in mean / norm]


def _page_of(offset: int, page_starts: Sequence[int]) -> int:
    """The number (from 1) of the page an offset of the article's text lies on."""
    return max(1, bisect.bisect_right(page_starts, offset))


def _chunk_metadata(record: ArticleRecord, chunk: Chunk) -> dict[str, Any]:
    pages: dict[str, Any] = {}
    if record.page_starts:
        last = max(chunk.start, chunk.end - 1)
        pages = {
            "page_first": _page_of(chunk.start, record.page_starts),
            "page_last": _page_of(last, record.page_starts),
        }
    return {
        **pages,
        "article_id": record.article_id,
        "doc_hash": record.doc_hash,
        "source": record.source,
        "title": record.title,
        "url": record.url,
        "date": record.date,
        "date_ord": date_ordinal(record.date),
        "author": record.author,
        "chunk_index": chunk.index,
        "start": chunk.start,
        "end": chunk.end,
    }


def _chunk_from(chunk_id: str, text: str | None, meta: Any) -> Passage:
    meta = dict(meta or {})
    return Passage(
        chunk_id=chunk_id,
        article_id=str(meta.get("article_id", "")),
        doc_hash=str(meta.get("doc_hash", "")),
        source=str(meta.get("source", "")),
        title=str(meta.get("title", "")),
        text=text or "",
        start=int(meta.get("start", 0)),
        end=int(meta.get("end", 0)),
        index=int(meta.get("chunk_index", 0)),
        url=str(meta.get("url", "")),
        date=str(meta.get("date", "")),
        author=str(meta.get("author", "")),
        pages=_pages_from(meta),
    )


def _pages_from(meta: dict[str, Any]) -> tuple[int, ...]:
    first, last = int(meta.get("page_first", 0) or 0), int(meta.get("page_last", 0) or 0)
    return tuple(range(first, max(first, last) + 1)) if first else ()


def _record_metadata(record: ArticleRecord) -> dict[str, Any]:
    metadata = asdict(record)
    metadata["date_ord"] = date_ordinal(record.date)
    # Chroma keeps scalars only: the page starts travel as "0,1840,3702".
    metadata["page_starts"] = ",".join(map(str, record.page_starts))
    return metadata


def _record_from_metadata(meta: Any) -> ArticleRecord:
    meta = dict(meta or {})
    return ArticleRecord(
        article_id=str(meta["article_id"]),
        source=str(meta["source"]),
        title=str(meta.get("title", "")),
        doc_hash=str(meta["doc_hash"]),
        chunks=int(meta.get("chunks", 0)),
        url=str(meta.get("url", "")),
        date=str(meta.get("date", "")),
        author=str(meta.get("author", "")),
        ingested_at=float(meta.get("ingested_at", 0.0)),
        file=str(meta.get("file", "")),
        site=str(meta.get("site", "")),
        page_starts=tuple(int(n) for n in str(meta.get("page_starts", "")).split(",") if n),
    )
