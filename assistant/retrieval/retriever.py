"""Hybrid retrieval: dense vectors from Chroma and BM25 keywords, fused and diversified.

Every passage carries `score`, its cosine similarity to the query, which is
what the refusal threshold compares against (keyword-only candidates get
theirs from their stored vectors), and `rank_score`, the fused score the
ranking used (fusion.py).
"""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import numpy.typing as npt

from assistant.embedding import Embedder
from assistant.records import ArticleRecord, Passage, SearchFilter
from assistant.retrieval import view_cache
from assistant.retrieval.bm25 import Vocabulary
from assistant.retrieval.fusion import Fusion, diversify, fuse_scores, keyword_candidates
from assistant.retrieval.recency import asks_for_recent, date_prior
from assistant.retrieval.view import View, build_view
from assistant.store import ChunkStore
from assistant.text.terms import terms

# Candidates taken from each retriever before fusion, as a multiple of k (at least MIN_CANDIDATES).
CANDIDATE_FACTOR = 5
MIN_CANDIDATES = 30


class Retriever:
    """Finds the passages most relevant to a query in one store."""

    def __init__(
        self,
        store: ChunkStore,
        embedder: Embedder,
        fusion: Fusion | None = None,
        cache_dir: Path | None = None,
    ) -> None:
        """`cache_dir`, when given, keeps the view on disk between processes (view_cache.py)."""
        self.store = store
        self.embedder = embedder
        self.fusion = fusion or Fusion()
        self.saved_view = (
            view_cache.cache_file(cache_dir, store.location_key, store.name, embedder.identity)
            if cache_dir is not None
            else None
        )
        self._view: View | None = None
        self._vocabulary = Vocabulary()
        self._lock = threading.Lock()

    def forget(self) -> None:
        """Drop the in-memory view (after the index was dropped); the next search rebuilds it."""
        with self._lock:
            self._view = None
            self._vocabulary = Vocabulary()

    def article_text(self, article_ids: Sequence[str]) -> str:
        """The title and every stored chunk of the given articles, as one text (from the view:
        no store access), for checks that look beyond the retrieved passages."""
        view = self._view or self.view()
        wanted = set(article_ids)
        parts = [view.records[a].title for a in article_ids if a in view.records]
        parts += [chunk.text for chunk in view.chunks if chunk.article_id in wanted]
        return "\n".join(parts)

    def records(self) -> dict[str, ArticleRecord]:
        """Committed article records by article id, as of the latest generation."""
        return self.view().records

    def idf(self, term: str) -> float:
        """How rare a stemmed term is among the indexed chunks (for weighting question words).

        Uses the view of the latest search rather than checking the store's
        generation again: it is called for every word of every candidate.
        """
        view = self._view or self.view()
        return view.keywords.idf(term)

    def search(self, query: str, k: int, where: SearchFilter | None = None) -> list[Passage]:
        """The best `k` passages for `query`, best first, within the filter; newer articles
        first among good matches when the query asks for the newest (recency.py)."""
        view = self.view()
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
            date_prior=date_prior(view.dates[rows], view.owner[rows])
            if asks_for_recent(query)
            else None,
        )
        missing = [view.chunks[r].chunk_id for r in rows if int(r) not in similarity]
        for chunk_id, stored in self.store.vectors(missing).items():
            similarity[view.row_of[chunk_id]] = float(stored @ vector)
        order = [int(rows[i]) for i in np.argsort(-scores, kind="stable")]
        fused = {int(r): float(v) for r, v in zip(rows, scores, strict=True)}
        chosen = diversify([view.chunks[r] for r in order], k)
        return [
            dataclasses.replace(
                chunk,
                score=round(similarity.get(view.row_of[chunk.chunk_id], 0.0), 4),
                rank_score=fused[view.row_of[chunk.chunk_id]],
            )
            for chunk in chosen
        ]

    def view(self) -> View:
        """The view of the committed chunks as of the store's current generation."""
        generation = self.store.generation()
        with self._lock:
            if self._view is None and self.saved_view is not None:
                saved = view_cache.load(self.saved_view)
                if isinstance(saved, View):
                    self._view, self._vocabulary = saved, saved.keywords.vocabulary
            if self._view is None or self._view.generation != generation:
                self._view = build_view(self.store, generation, self._vocabulary, self._view)
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
