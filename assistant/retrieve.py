"""Hybrid retrieval: dense vectors from Chroma and BM25 keywords, fused and diversified.

Dense search finds paraphrases; BM25 finds the names, numbers and rare words
that a small embedding model blurs. Both candidate lists are fused with
weighted reciprocal rank fusion (weights and constant tuned on the BBC
business and entertainment folders, see docs/benchmarks.md). Then
near-duplicate chunks collapse and no article takes more than its share of
the top k, so one long article cannot crowd out the others.

Every passage carries `score`, its cosine similarity to the query, which is
what the refusal threshold compares against; keyword-only candidates get
theirs from their stored vectors.

The keyword index and the table of committed articles are an in-memory view
rebuilt whenever the store's generation changes, so a process sees other
processes' writes on its next search.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from assistant.embeddings import Embedder
from assistant.lexical import KeywordIndex, terms
from assistant.store import ArticleRecord, ChunkFilter, ChunkStore, StoredChunk, date_ordinal

# Candidates taken from each retriever before fusion, as a multiple of k (at least MIN_CANDIDATES).
CANDIDATE_FACTOR = 5
MIN_CANDIDATES = 30
RRF_CONSTANT = 60.0
DENSE_WEIGHT = 1.0
KEYWORD_WEIGHT = 1.0
# At most this share of the top k from one article (rounded up), unless too few articles match.
ARTICLE_SHARE = 0.5


@dataclass(frozen=True)
class Passage:
    """A retrieved chunk with its article fields and scores."""

    chunk_id: str
    article_id: str
    source: str
    title: str
    text: str
    start: int
    end: int
    score: float
    url: str = ""
    date: str = ""
    rank_score: float = 0.0


@dataclass
class _View:
    """Committed chunks as of one store generation, with their keyword index."""

    generation: str
    records: dict[str, ArticleRecord]
    chunks: list[StoredChunk]
    keywords: KeywordIndex
    sources: npt.NDArray[np.object_]
    dates: npt.NDArray[np.int64]

    def mask(self, where: ChunkFilter | None) -> npt.NDArray[np.bool_] | None:
        """Rows allowed by the filter, or None when everything is allowed."""
        if where is None or where.is_empty():
            return None
        allowed = np.ones(len(self.chunks), dtype=bool)
        if where.sources:
            allowed &= np.isin(self.sources, list(where.sources))
        if where.date_from:
            allowed &= self.dates >= where.date_from
        if where.date_to:
            allowed &= (self.dates <= where.date_to) & (self.dates > 0)
        return allowed


class Retriever:
    """Finds the passages most relevant to a query in one store."""

    def __init__(self, store: ChunkStore, embedder: Embedder) -> None:
        self.store = store
        self.embedder = embedder
        self._view: _View | None = None
        self._lock = threading.Lock()

    def records(self) -> dict[str, ArticleRecord]:
        """Committed article records by article id, as of the latest generation."""
        return self._current().records

    def idf(self, term: str) -> float:
        """How rare a stemmed term is among the indexed chunks (for weighting question words).

        Uses the view of the latest search rather than checking the store's
        generation again: it is called for every word of every candidate.
        """
        view = self._view or self._current()
        return view.keywords.idf(term)

    def search(self, query: str, k: int, where: ChunkFilter | None = None) -> list[Passage]:
        """The best `k` passages for `query`, best first, within the filter."""
        view = self._current()
        if not view.chunks or k <= 0:
            return []
        n = max(MIN_CANDIDATES, k * CANDIDATE_FACTOR)
        vector = self.embedder.embed_query(query)
        dense = [
            (chunk, cosine)
            for chunk, cosine in self.store.query(vector, n, where)
            if _committed(view, chunk)
        ]
        keyword_rows = self._keyword_rows(view, query, n, view.mask(where))
        fused: dict[str, float] = {}
        by_id: dict[str, StoredChunk] = {}
        similarity: dict[str, float] = {}
        for rank, (chunk, cosine) in enumerate(dense):
            fused[chunk.chunk_id] = DENSE_WEIGHT / (RRF_CONSTANT + rank + 1)
            by_id[chunk.chunk_id] = chunk
            similarity[chunk.chunk_id] = cosine
        for rank, row in enumerate(keyword_rows):
            chunk = view.chunks[row]
            fused[chunk.chunk_id] = fused.get(chunk.chunk_id, 0.0) + KEYWORD_WEIGHT / (
                RRF_CONSTANT + rank + 1
            )
            by_id[chunk.chunk_id] = chunk
        missing = [chunk_id for chunk_id in fused if chunk_id not in similarity]
        for chunk_id, stored in self.store.vectors(missing).items():
            similarity[chunk_id] = float(stored @ vector)
        ranked = sorted(fused, key=lambda chunk_id: fused[chunk_id], reverse=True)
        chosen = _diversify([by_id[c] for c in ranked], k)
        return [_passage(c, similarity.get(c.chunk_id, 0.0), fused[c.chunk_id]) for c in chosen]

    def _keyword_rows(
        self, view: _View, query: str, n: int, mask: npt.NDArray[np.bool_] | None
    ) -> list[int]:
        """The best `n` rows by BM25, always including each matching article's best row.

        Without that guarantee one long article can fill every slot and hide
        shorter articles from fusion altogether.
        """
        scores = view.keywords.scores(terms(query))
        if mask is not None:
            scores = np.where(mask, scores, 0.0)
        matching = np.flatnonzero(scores > 0)
        if not len(matching):
            return []
        ranked = matching[np.argsort(-scores[matching], kind="stable")]
        chosen: list[int] = []
        seen_articles: set[str] = set()
        for row in ranked.tolist():
            article = view.chunks[row].article_id
            if article not in seen_articles:
                seen_articles.add(article)
                chosen.append(row)
                if len(chosen) == n:
                    break
        extra = [row for row in ranked[: 2 * n].tolist() if row not in set(chosen)]
        chosen.extend(extra[: n - len(chosen)])
        return sorted(chosen, key=lambda row: -scores[row])

    def _current(self) -> _View:
        generation = self.store.generation()
        with self._lock:
            if self._view is None or self._view.generation != generation:
                self._view = _build_view(self.store, generation)
            return self._view


def _build_view(store: ChunkStore, generation: str) -> _View:
    records = {record.article_id: record for record in store.articles()}
    chunks = [
        chunk
        for chunk in store.iter_chunks()
        if (record := records.get(chunk.article_id)) and record.doc_hash == chunk.doc_hash
    ]
    chunks.sort(key=lambda chunk: (chunk.source, chunk.index))
    return _View(
        generation=generation,
        records=records,
        chunks=chunks,
        keywords=KeywordIndex([f"{chunk.title}\n{chunk.text}" for chunk in chunks]),
        sources=np.array([chunk.source for chunk in chunks], dtype=object),
        dates=np.array([date_ordinal(chunk.date) for chunk in chunks], dtype=np.int64),
    )


def _committed(view: _View, chunk: StoredChunk) -> bool:
    record = view.records.get(chunk.article_id)
    return record is not None and record.doc_hash == chunk.doc_hash


def _diversify(ranked: list[StoredChunk], k: int) -> list[StoredChunk]:
    """Drop near-duplicate texts and cap each article's share of the top k."""
    cap = max(1, int(np.ceil(k * ARTICLE_SHARE)))
    chosen: list[StoredChunk] = []
    overflow: list[StoredChunk] = []
    seen_texts: set[str] = set()
    per_article: dict[str, int] = {}
    for chunk in ranked:
        fingerprint = " ".join(terms(chunk.text))
        if fingerprint in seen_texts:
            continue
        seen_texts.add(fingerprint)
        if per_article.get(chunk.article_id, 0) >= cap:
            overflow.append(chunk)
            continue
        per_article[chunk.article_id] = per_article.get(chunk.article_id, 0) + 1
        chosen.append(chunk)
        if len(chosen) == k:
            return chosen
    # Too few other articles matched: fill up with the best of the capped ones.
    return chosen + overflow[: k - len(chosen)]


def _passage(chunk: StoredChunk, score: float, rank_score: float) -> Passage:
    return Passage(
        chunk_id=chunk.chunk_id,
        article_id=chunk.article_id,
        source=chunk.source,
        title=chunk.title,
        text=chunk.text,
        start=chunk.start,
        end=chunk.end,
        score=round(score, 4),
        url=chunk.url,
        date=chunk.date,
        rank_score=rank_score,
    )
