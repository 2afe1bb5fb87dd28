"""The retriever's in-memory view of the committed chunks, with their keyword index.

Refreshed whenever the store's generation changes (so a process sees other
processes' writes on its next search), incrementally: only new or changed
articles are read and tokenised. It is kept on disk between processes
(view_cache.py).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from assistant.records import ArticleRecord, Passage, SearchFilter, date_ordinal
from assistant.retrieval.bm25 import KeywordIndex, Vocabulary
from assistant.store import ChunkStore


@dataclass
class View:
    """Committed chunks as of one store generation, with their keyword index."""

    generation: str
    records: dict[str, ArticleRecord]
    chunks: list[Passage]
    tokens: list[npt.NDArray[np.int32]]
    keywords: KeywordIndex
    sources: npt.NDArray[np.object_]
    dates: npt.NDArray[np.int64]
    row_of: dict[str, int]
    article_row: dict[str, int]
    owner: npt.NDArray[np.int64]
    first: npt.NDArray[np.bool_]

    def mask(self, where: SearchFilter | None) -> npt.NDArray[np.bool_] | None:
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


def build_view(
    store: ChunkStore, generation: str, vocabulary: Vocabulary, previous: View | None
) -> View:
    """The view as of `generation`, reusing the previous view's rows for unchanged articles.

    Only chunks of articles that are new or changed since `previous` are read
    from the store and tokenised, so a refresh after adding a few articles
    costs little even when the index is large.
    """
    records = {record.article_id: record for record in store.articles()}
    rows: list[tuple[Passage, npt.NDArray[np.int32]]] = []
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
    return View(
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
