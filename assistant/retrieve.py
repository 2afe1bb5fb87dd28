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

The keyword index and the table of committed articles are an in-memory view,
refreshed whenever the store's generation changes (so a process sees other
processes' writes on its next search) and kept on disk between processes
(view_cache.py).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt

from assistant import view_cache
from assistant.embeddings import Embedder
from assistant.lexical import KeywordIndex, Vocabulary, terms
from assistant.store import ArticleRecord, ChunkFilter, ChunkStore, StoredChunk, date_ordinal

# Candidates taken from each retriever before fusion, as a multiple of k (at least MIN_CANDIDATES).
CANDIDATE_FACTOR = 5
MIN_CANDIDATES = 30
# At most this share of the top k from one article (rounded up), unless too few articles match.
ARTICLE_SHARE = 0.5
# Term-set overlap (Jaccard) from which two chunks count as the same text.
NEAR_DUPLICATE = 0.9


@dataclass(frozen=True)
class Fusion:
    """How the dense, keyword and article signals are combined (see fuse_scores).

    The defaults come from a sweep on the BBC business and entertainment
    folders (bench/tune_retrieval.py). The optimum is a broad plateau
    (constant 2-5, keyword weight 1.5-3, article weight 0.5-1.5 all within
    0.3 points of MRR@10); these values sit in its middle rather than on its
    best point, so they do not depend on the tuning set's quirks.
    """

    rrf_constant: float = 5.0
    dense_weight: float = 1.0
    keyword_weight: float = 2.0
    article_weight: float = 1.0
    second_chunk_weight: float = 0.25
    first_chunk_bonus: float = 0.1


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
    tokens: list[npt.NDArray[np.int32]]
    keywords: KeywordIndex
    sources: npt.NDArray[np.object_]
    dates: npt.NDArray[np.int64]
    row_of: dict[str, int]
    article_row: dict[str, int]
    owner: npt.NDArray[np.int64]
    first: npt.NDArray[np.bool_]

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

    def __init__(
        self,
        store: ChunkStore,
        embedder: Embedder,
        fusion: Fusion | None = None,
        saved_view: Path | None = None,
    ) -> None:
        self.store = store
        self.embedder = embedder
        self.fusion = fusion or Fusion()
        self.saved_view = saved_view
        self._view: _View | None = None
        self._vocabulary = Vocabulary()
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
        similarity: dict[int, float] = {}
        dense_rows: list[int] = []
        for chunk, cosine in self.store.query(vector, n, where):
            row = view.row_of.get(chunk.chunk_id)
            if row is not None:  # None: not committed (an interrupted write)
                dense_rows.append(row)
                similarity[row] = cosine
        keyword_rows = keyword_candidates(
            _masked(view.keywords.scores(terms(query)), view.mask(where)), view.owner, n
        )
        article_rank = {
            view.article_row[article_id]: rank
            for rank, (article_id, _) in enumerate(self.store.query_articles(vector, n, where), 1)
            if article_id in view.article_row
        }
        rows = np.array(list(dict.fromkeys(dense_rows + keyword_rows)), dtype=np.int64)
        scores = fuse_scores(
            self.fusion,
            dense_rank=_ranks(rows, dense_rows),
            keyword_rank=_ranks(rows, keyword_rows),
            article_rank=np.array([article_rank.get(int(view.owner[r]), np.inf) for r in rows]),
            owner=view.owner[rows],
            first=view.first[rows],
        )
        missing = [view.chunks[r].chunk_id for r in rows if int(r) not in similarity]
        for chunk_id, stored in self.store.vectors(missing).items():
            similarity[view.row_of[chunk_id]] = float(stored @ vector)
        order = [int(rows[i]) for i in np.argsort(-scores, kind="stable")]
        fused = {int(r): float(v) for r, v in zip(rows, scores, strict=True)}
        chosen = _diversify([view.chunks[r] for r in order], k)
        return [
            _passage(
                c, similarity.get(view.row_of[c.chunk_id], 0.0), fused[view.row_of[c.chunk_id]]
            )
            for c in chosen
        ]

    def _current(self) -> _View:
        generation = self.store.generation()
        with self._lock:
            if self._view is None and self.saved_view is not None:
                saved = view_cache.load(self.saved_view)
                if isinstance(saved, _View):
                    self._view, self._vocabulary = saved, saved.keywords.vocabulary
            if self._view is None or self._view.generation != generation:
                self._view = _build_view(self.store, generation, self._vocabulary, self._view)
                if self.saved_view is not None:
                    view_cache.save_in_background(self.saved_view, self._view)
            return self._view


def _masked(
    scores: npt.NDArray[np.float32], mask: npt.NDArray[np.bool_] | None
) -> npt.NDArray[np.float32]:
    return scores if mask is None else np.where(mask, scores, 0.0).astype(np.float32)


def _ranks(rows: npt.NDArray[np.int64], ranked: list[int]) -> npt.NDArray[np.float64]:
    """1-based rank of each row in `ranked`, infinity for rows not in it."""
    position = {row: rank for rank, row in enumerate(ranked, start=1)}
    return np.array([position.get(int(r), np.inf) for r in rows], dtype=np.float64)


def keyword_candidates(
    scores: npt.NDArray[np.float32], owner: npt.NDArray[np.int64], n: int
) -> list[int]:
    """The best `n` rows by BM25, best first, always including each matching article's best row.

    Without that guarantee one long article can fill every slot and hide
    shorter articles from fusion altogether.
    """
    matching = np.flatnonzero(scores > 0)
    if not len(matching):
        return []
    ranked = matching[np.argsort(-scores[matching], kind="stable")]
    _, first_of_article = np.unique(owner[ranked], return_index=True)
    best_per_article = ranked[np.sort(first_of_article)][:n]
    chosen = set(best_per_article.tolist())
    for row in ranked[: 2 * n].tolist():
        if len(chosen) >= n:
            break
        chosen.add(row)
    return sorted(chosen, key=lambda row: (-scores[row], row))


def fuse_scores(
    fusion: Fusion,
    *,
    dense_rank: npt.NDArray[np.float64],
    keyword_rank: npt.NDArray[np.float64],
    article_rank: npt.NDArray[np.float64],
    owner: npt.NDArray[np.int64],
    first: npt.NDArray[np.bool_],
) -> npt.NDArray[np.float64]:
    """Weighted reciprocal rank fusion of the candidates' ranks (infinity: not ranked).

    Each candidate chunk scores w/(c + rank) for its dense rank, its BM25 rank
    and its article's rank by the article's mean vector; an article's first
    chunk (its lead) may get a bonus; and a chunk gains a share of the
    second-best score of its own article, so an article that matches in
    several places beats one lucky chunk.
    """
    c = fusion.rrf_constant
    score = (
        fusion.dense_weight / (c + dense_rank)
        + fusion.keyword_weight / (c + keyword_rank)
        + fusion.article_weight / (c + article_rank)
    )
    score = score * np.where(first, 1.0 + fusion.first_chunk_bonus, 1.0)
    if fusion.second_chunk_weight and len(score) > 1:
        order = np.lexsort((-score, owner))
        grouped_owner, grouped_score = owner[order], score[order]
        second = np.zeros_like(score)
        starts = np.flatnonzero(np.r_[True, grouped_owner[1:] != grouped_owner[:-1]])
        has_second = starts + 1 < len(order)
        has_second[has_second] &= (
            grouped_owner[starts[has_second] + 1] == grouped_owner[starts[has_second]]
        )
        group_second = np.zeros(len(starts))
        group_second[has_second] = grouped_score[starts[has_second] + 1]
        group_of = np.repeat(np.arange(len(starts)), np.diff(np.r_[starts, len(order)]))
        second[order] = group_second[group_of]
        score = score + fusion.second_chunk_weight * second
    return score


def _build_view(
    store: ChunkStore, generation: str, vocabulary: Vocabulary, previous: _View | None
) -> _View:
    """The view as of `generation`, reusing the previous view's rows for unchanged articles.

    Only chunks of articles that are new or changed since `previous` are read
    from the store and tokenised, so a refresh after adding a few articles
    costs little even when the index is large.
    """
    records = {record.article_id: record for record in store.articles()}
    rows: list[tuple[StoredChunk, npt.NDArray[np.int32]]] = []
    if previous is None:
        fresh = store.iter_chunks()
    else:
        unchanged = {
            article_id
            for article_id, record in records.items()
            if (old := previous.records.get(article_id)) and old.doc_hash == record.doc_hash
        }
        rows = [
            (chunk, previous.tokens[row])
            for row, chunk in enumerate(previous.chunks)
            if chunk.article_id in unchanged
        ]
        fresh = store.chunks_of([a for a in records if a not in unchanged])
    for chunk in fresh:
        record = records.get(chunk.article_id)
        if record is not None and record.doc_hash == chunk.doc_hash:
            rows.append((chunk, vocabulary.ids(f"{chunk.title}\n{chunk.text}")))
    rows.sort(key=lambda row: (row[0].source, row[0].index))
    chunks = [chunk for chunk, _ in rows]
    tokens = [ids for _, ids in rows]
    article_row = {article_id: i for i, article_id in enumerate(sorted(records))}
    return _View(
        generation=generation,
        records=records,
        chunks=chunks,
        tokens=tokens,
        keywords=KeywordIndex(tokens, vocabulary),
        sources=np.array([chunk.source for chunk in chunks], dtype=object),
        dates=np.array([date_ordinal(chunk.date) for chunk in chunks], dtype=np.int64),
        row_of={chunk.chunk_id: row for row, chunk in enumerate(chunks)},
        article_row=article_row,
        owner=np.array([article_row[chunk.article_id] for chunk in chunks], dtype=np.int64),
        first=np.array([chunk.index == 0 for chunk in chunks], dtype=bool),
    )


def _diversify(ranked: list[StoredChunk], k: int) -> list[StoredChunk]:
    """Drop near-duplicate texts and cap each article's share of the top k.

    A chunk is a near-duplicate when its set of terms overlaps one already
    kept by at least NEAR_DUPLICATE (Jaccard): reprints, syndicated copies
    and articles that differ only in a byline or a correction.
    """
    cap = max(1, int(np.ceil(k * ARTICLE_SHARE)))
    chosen: list[StoredChunk] = []
    overflow: list[StoredChunk] = []
    kept_terms: list[set[str]] = []
    per_article: dict[str, int] = {}
    for chunk in ranked:
        words = set(terms(chunk.text))
        if any(_jaccard(words, other) >= NEAR_DUPLICATE for other in kept_terms):
            continue
        kept_terms.append(words)
        if per_article.get(chunk.article_id, 0) >= cap:
            overflow.append(chunk)
            continue
        per_article[chunk.article_id] = per_article.get(chunk.article_id, 0) + 1
        chosen.append(chunk)
        if len(chosen) == k:
            return chosen
    # Too few other articles matched: fill up with the best of the capped ones.
    return chosen + overflow[: k - len(chosen)]


def _jaccard(first: set[str], second: set[str]) -> float:
    if not first and not second:
        return 1.0
    return len(first & second) / len(first | second)


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
