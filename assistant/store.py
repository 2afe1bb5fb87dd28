"""The Chroma store: chunks with their vectors, and one record per article.

This is the only module that imports chromadb. Chunks go through
llama-index's `ChromaVectorStore` (so the index is an ordinary llama-index
vector store that other llama-index code can open); the per-article records
and the bookkeeping use the Chroma collection API directly.

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

import contextlib
import hashlib
import logging
import shutil
import uuid
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import numpy as np
import numpy.typing as npt

from assistant import probe
from assistant.chunking import Chunk
from assistant.config import Settings
from assistant.errors import ConfigError, IndexDamagedError, IndexMismatchError

log = logging.getLogger("assistant")

# Chunks fetched per page when reading the whole collection (below Chroma's batch limit).
READ_PAGE = 2000
# Articles whose chunks are fetched per request when refreshing part of the view.
ARTICLES_PER_READ = 200


@dataclass(frozen=True)
class ArticleRecord:
    """What the index knows about one article (the commit marker of its chunks)."""

    article_id: str
    source: str
    title: str
    doc_hash: str
    chunks: int
    url: str = ""
    date: str = ""
    author: str = ""
    ingested_at: float = 0.0


@dataclass(frozen=True)
class ArticleVersion:
    """An article's record with the chunks and vectors to store under it.

    `replaces` is set when an older version may be in the index, whose chunks
    are deleted once this one is committed.
    """

    record: ArticleRecord
    chunks: Sequence[Chunk]
    vectors: npt.NDArray[np.float32]
    replaces: bool = False


@dataclass(frozen=True)
class StoredChunk:
    """A chunk as stored, with the article fields a citation needs."""

    chunk_id: str
    article_id: str
    doc_hash: str
    source: str
    title: str
    text: str
    start: int
    end: int
    index: int
    url: str = ""
    date: str = ""


@dataclass(frozen=True)
class ChunkFilter:
    """Restrict a search to some sources and/or a date range (dates as YYYYMMDD ints)."""

    sources: tuple[str, ...] = ()
    date_from: int = 0
    date_to: int = 0

    def is_empty(self) -> bool:
        """True when the filter lets everything through."""
        return not (self.sources or self.date_from or self.date_to)


def article_id_for(source: str) -> str:
    """A stable id for a source string."""
    return hashlib.sha256(source.encode("utf-8")).hexdigest()[:24]


def date_ordinal(date: str) -> int:
    """YYYYMMDD as an int for range filters; 0 when the date is unknown."""
    digits = date[:10].replace("-", "")
    return int(digits) if len(digits) == 8 and digits.isdigit() else 0


class ChunkStore:
    """Chunks and article records in one Chroma database (on disk or on a server)."""

    def __init__(self, settings: Settings, embedder_identity: str) -> None:
        self.settings = settings
        self.location = settings.chroma_url or str(settings.index_dir)
        self._client = _connect(settings)
        names = (f"{settings.collection}_chunks", f"{settings.collection}_articles")
        with self._guard("open"):
            self._chunks = self._client.get_or_create_collection(
                names[0],
                configuration={"hnsw": {"space": "cosine"}},
                metadata={"embedder": embedder_identity},
                embedding_function=None,
            )
            self._articles = self._client.get_or_create_collection(
                names[1],
                configuration={"hnsw": {"space": "cosine"}},
                metadata={"embedder": embedder_identity},
                embedding_function=None,
            )
        recorded = (self._chunks.metadata or {}).get("embedder")
        if recorded and recorded != embedder_identity:
            raise IndexMismatchError(
                f"The index at {self.location} was built with {recorded}, but the assistant is "
                f"set to embed with {embedder_identity}: use another ASSISTANT_INDEX_DIR or "
                "delete the index and ingest again"
            )
        self.max_batch = max(1, int(self._client.get_max_batch_size()))
        from llama_index.vector_stores.chroma import ChromaVectorStore

        self.vector_store = ChromaVectorStore(chroma_collection=self._chunks)

    # --- reading -----------------------------------------------------------------

    def articles(self) -> list[ArticleRecord]:
        """All article records, in no particular order."""
        with self._guard("read"):
            result = self._articles.get(include=["metadatas"])
        return [_record_from_metadata(meta) for meta in result["metadatas"] or []]

    def article(self, source: str) -> ArticleRecord | None:
        """The record for `source`, or None if it is not in the index."""
        with self._guard("read"):
            result = self._articles.get(ids=[article_id_for(source)], include=["metadatas"])
        metadatas = result["metadatas"] or []
        return _record_from_metadata(metadatas[0]) if metadatas else None

    def chunk_count(self) -> int:
        """How many chunks the collection holds (including not-yet-committed ones)."""
        with self._guard("read"):
            return int(self._chunks.count())

    def generation(self) -> str:
        """A token that changes whenever articles are written or removed."""
        with self._guard("read"):
            collection = self._client.get_collection(self._articles.name)
        return str((collection.metadata or {}).get("generation", ""))

    def iter_chunks(self) -> Iterator[StoredChunk]:
        """Every stored chunk, page by page (used to build the keyword index)."""
        offset = 0
        while True:
            with self._guard("read"):
                page = self._chunks.get(
                    include=["documents", "metadatas"], limit=READ_PAGE, offset=offset
                )
            ids = page["ids"]
            for chunk_id, text, meta in zip(
                ids, page["documents"] or [], page["metadatas"] or [], strict=True
            ):
                yield _chunk_from(chunk_id, text, meta)
            if len(ids) < READ_PAGE:
                return
            offset += READ_PAGE

    def chunks_of(self, article_ids: Sequence[str]) -> Iterator[StoredChunk]:
        """Every stored chunk of the given articles (all versions; callers filter)."""
        for start in range(0, len(article_ids), ARTICLES_PER_READ):
            group = list(article_ids[start : start + ARTICLES_PER_READ])
            with self._guard("read"):
                page = self._chunks.get(
                    where={"document_id": {"$in": group}}, include=["documents", "metadatas"]
                )
            for chunk_id, text, meta in zip(
                page["ids"], page["documents"] or [], page["metadatas"] or [], strict=True
            ):
                yield _chunk_from(chunk_id, text, meta)

    def vectors(self, chunk_ids: Sequence[str]) -> dict[str, npt.NDArray[np.float32]]:
        """The stored vectors of the given chunks (missing ids are left out)."""
        if not chunk_ids:
            return {}
        with self._guard("read"):
            result = self._chunks.get(ids=list(chunk_ids), include=["embeddings"])
        embeddings = result["embeddings"]
        if embeddings is None:
            return {}
        return {
            chunk_id: np.asarray(vector, dtype=np.float32)
            for chunk_id, vector in zip(result["ids"], embeddings, strict=True)
        }

    def query_articles(
        self, vector: npt.NDArray[np.float32], k: int, where: ChunkFilter | None = None
    ) -> list[tuple[str, float]]:
        """The `k` articles whose mean chunk vector is nearest to `vector`, with cosines."""
        with self._guard("search"):
            result = self._articles.query(
                query_embeddings=[vector.astype(float).tolist()],
                n_results=k,
                where=_chroma_where(where) if where and not where.is_empty() else None,
                include=["distances"],
            )
        ids, distances = result["ids"][0], (result["distances"] or [[]])[0]
        return [(i, 1.0 - float(d)) for i, d in zip(ids, distances, strict=True)]

    def query(
        self, vector: npt.NDArray[np.float32], k: int, where: ChunkFilter | None = None
    ) -> list[tuple[StoredChunk, float]]:
        """The `k` nearest chunks to `vector` with their cosine similarity, best first."""
        from llama_index.core.vector_stores import VectorStoreQuery

        query = VectorStoreQuery(
            query_embedding=vector.astype(float).tolist(),
            similarity_top_k=k,
            filters=_llama_filters(where) if where and not where.is_empty() else None,
        )
        with self._guard("search"):
            result = self.vector_store.query(query)
        hits: list[tuple[StoredChunk, float]] = []
        for node, similarity in zip(result.nodes or [], result.similarities or [], strict=True):
            # ChromaVectorStore reports exp(-distance); with cosine space, distance = 1 - cos.
            cosine = 1.0 + float(np.log(max(similarity, 1e-30)))
            hits.append((_chunk_from(node.node_id, node.get_content(), node.metadata), cosine))
        return hits

    # --- writing -----------------------------------------------------------------

    def write_articles(self, articles: Sequence[ArticleVersion]) -> None:
        """Store several articles: all chunks, then all records (the commit), then stale chunks.

        One call per batch rather than per article: every Chroma write has a
        fixed cost (a database commit) that dominated small articles.
        """
        from llama_index.core.schema import BaseNode, NodeRelationship, RelatedNodeInfo, TextNode

        if not articles:
            return
        nodes: list[BaseNode] = [
            TextNode(
                id_=_chunk_id(version.record, chunk),
                text=chunk.text,
                embedding=vector.astype(float).tolist(),
                start_char_idx=chunk.start,
                end_char_idx=chunk.end,
                metadata=_chunk_metadata(version.record, chunk),
                relationships={
                    NodeRelationship.SOURCE: RelatedNodeInfo(node_id=version.record.article_id)
                },
            )
            for version in articles
            for chunk, vector in zip(version.chunks, version.vectors, strict=True)
        ]
        records = [version.record for version in articles]
        with self._guard("write"):
            # Leftovers of an interrupted write of these same versions would clash on ids.
            self._chunks.delete(ids=[node.node_id for node in nodes])
            for start in range(0, len(nodes), self.max_batch):
                self.vector_store.add(nodes[start : start + self.max_batch])
            self._articles.upsert(
                ids=[record.article_id for record in records],
                embeddings=[_mean_vector(version.vectors) for version in articles],
                metadatas=[_record_metadata(record) for record in records],
                documents=[record.title for record in records],
            )
            for version in articles:
                if version.replaces:
                    record = version.record
                    stale = {
                        "$and": [
                            {"document_id": record.article_id},
                            {"doc_hash": {"$ne": record.doc_hash}},
                        ]
                    }
                    self._chunks.delete(where=stale)
        self._bump_generation()

    def delete_article(self, source: str) -> ArticleRecord | None:
        """Remove an article's chunks, then its record; returns the removed record."""
        record = self.article(source)
        if record is None:
            return None
        with self._guard("write"):
            self.vector_store.delete(record.article_id)
            self._articles.delete(ids=[record.article_id])
        self._bump_generation()
        return record

    def trust_written_state(self) -> None:
        """After this process's own writes, spare other processes the safety probe."""
        if not self.settings.chroma_url:
            probe.trust(Path(self.settings.index_dir))

    def _bump_generation(self) -> None:
        with self._guard("write"):
            metadata = dict(self._articles.metadata or {})
            metadata["generation"] = uuid.uuid4().hex
            self._articles.modify(metadata=metadata)

    @contextlib.contextmanager
    def _guard(self, action: str) -> Iterator[None]:
        """Turn low-level store failures into IndexDamagedError with the way out."""
        try:
            yield
        except (IndexMismatchError, ConfigError):
            raise
        except Exception as error:
            raise _damaged(self.settings, action, error) from error


# Files of ours that may live in an index folder and survive a rebuild.
_KEPT_ON_DROP = frozenset({"write.lock", "README.md", ".gitignore"})


def drop_index(settings: Settings) -> None:
    """Delete everything the index holds, even when it is too damaged to open.

    On a server the two collections are deleted. On disk the folder's
    contents go, but only if it looks like a Chroma index: pointing
    ASSISTANT_INDEX_DIR at the wrong folder must not delete someone's files.
    """
    from chromadb.api.shared_system_client import SharedSystemClient

    if settings.chroma_url:
        client = _connect(settings)
        existing = {c.name for c in client.list_collections()}
        for suffix in ("chunks", "articles"):
            name = f"{settings.collection}_{suffix}"
            if name in existing:
                client.delete_collection(name)
        return
    folder = Path(settings.index_dir)
    if not folder.is_dir():
        return
    entries = [entry for entry in folder.iterdir() if entry.name not in _KEPT_ON_DROP]
    if entries and not (folder / "chroma.sqlite3").exists():
        raise ConfigError(
            f"{folder} does not look like an index (no chroma.sqlite3); refusing to delete "
            "its contents: check --index-dir / ASSISTANT_INDEX_DIR"
        )
    for entry in entries:
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry)
        else:
            entry.unlink()
    # Chroma caches one client per path; a cached one would still see the old files.
    SharedSystemClient.clear_system_cache()


def _connect(settings: Settings) -> Any:
    import chromadb
    import chromadb.config

    client_settings = chromadb.config.Settings(anonymized_telemetry=False, allow_reset=False)
    if settings.chroma_url:
        parsed = urlparse(settings.chroma_url)
        try:
            client = chromadb.HttpClient(
                host=parsed.hostname or "localhost",
                port=parsed.port or (443 if parsed.scheme == "https" else 8000),
                ssl=parsed.scheme == "https",
                settings=client_settings,
            )
            client.heartbeat()
        except Exception:
            raise ConfigError(
                f"Cannot reach the Chroma server at {settings.chroma_url}: start it "
                "(`chroma run --path DIR --port N`) or unset ASSISTANT_CHROMA_URL"
            ) from None
        return client
    index_dir = Path(settings.index_dir)
    if index_dir.exists() and not index_dir.is_dir():
        raise ConfigError(f"ASSISTANT_INDEX_DIR {index_dir} is a file; point it at a folder")
    try:
        probe.ensure_openable(index_dir)
    except probe.ProbeFailed as failure:
        raise _damaged(settings, "be opened", failure) from None
    try:
        return chromadb.PersistentClient(path=str(index_dir), settings=client_settings)
    except Exception as error:
        raise _damaged(settings, "open", error) from error


def _damaged(settings: Settings, action: str, error: Exception) -> IndexDamagedError:
    where = settings.chroma_url or str(settings.index_dir)
    detail = (str(error).splitlines() or [type(error).__name__])[0][:160]
    return IndexDamagedError(
        f"The index at {where} could not {action} ({detail}); if it is damaged, rebuild it "
        f"with `assistant rebuild --index-dir {where} PATH...` naming your article files"
    )


def _chunk_id(record: ArticleRecord, chunk: Chunk) -> str:
    return f"{record.article_id}:{record.doc_hash[:12]}:{chunk.index}"


def _mean_vector(vectors: npt.NDArray[np.float32]) -> list[float]:
    """The normalised mean of an article's chunk vectors: its article-level vector."""
    mean = vectors.mean(axis=0)
    norm = float(np.linalg.norm(mean)) or 1.0
    return [float(x) for x in mean / norm]


def _chunk_metadata(record: ArticleRecord, chunk: Chunk) -> dict[str, Any]:
    return {
        "article_id": record.article_id,
        "doc_hash": record.doc_hash,
        "source": record.source,
        "title": record.title,
        "url": record.url,
        "date": record.date,
        "date_ord": date_ordinal(record.date),
        "chunk_index": chunk.index,
        "start": chunk.start,
        "end": chunk.end,
    }


def _chunk_from(chunk_id: str, text: str | None, meta: Any) -> StoredChunk:
    meta = dict(meta or {})
    return StoredChunk(
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
    )


def _record_metadata(record: ArticleRecord) -> dict[str, Any]:
    metadata = asdict(record)
    metadata["date_ord"] = date_ordinal(record.date)
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
    )


def _chroma_where(where: ChunkFilter) -> dict[str, Any]:
    """The filter in Chroma's own `where` syntax (for the articles collection)."""
    clauses: list[dict[str, Any]] = []
    if where.sources:
        clauses.append({"source": {"$in": list(where.sources)}})
    if where.date_from:
        clauses.append({"date_ord": {"$gte": where.date_from}})
    if where.date_to:
        clauses.append({"date_ord": {"$lte": where.date_to}})
        clauses.append({"date_ord": {"$gt": 0}})
    return clauses[0] if len(clauses) == 1 else {"$and": clauses}


def _llama_filters(where: ChunkFilter) -> Any:
    from llama_index.core.vector_stores import FilterOperator, MetadataFilter, MetadataFilters

    filters: list[MetadataFilter | MetadataFilters] = []
    if where.sources:
        filters.append(
            MetadataFilter(key="source", value=list(where.sources), operator=FilterOperator.IN)
        )
    if where.date_from:
        filters.append(
            MetadataFilter(key="date_ord", value=where.date_from, operator=FilterOperator.GTE)
        )
    if where.date_to:
        filters.append(
            MetadataFilter(key="date_ord", value=where.date_to, operator=FilterOperator.LTE)
        )
        filters.append(MetadataFilter(key="date_ord", value=0, operator=FilterOperator.GT))
    return MetadataFilters(filters=filters)
