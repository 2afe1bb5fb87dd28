"""The keyword side of retrieval: an incremental BM25 index over sparse matrices.

The index is an in-memory view of the stored chunks, never the source of
truth; it is rebuilt from already tokenised rows (see text/terms.py for the
tokenising) when the store's generation changes.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt
from scipy import sparse

from assistant.text.terms import terms


class Vocabulary:
    """Stable ids for terms, shared by successive keyword indexes of one retriever."""

    def __init__(self) -> None:
        self._ids: dict[str, int] = {}
        self._lock = threading.Lock()

    def ids(self, text: str) -> npt.NDArray[np.int32]:
        """The term ids of `text` (new terms get new ids)."""
        found = terms(text)
        with self._lock:
            for term in found:
                if term not in self._ids:
                    self._ids[term] = len(self._ids)
            return np.fromiter((self._ids[t] for t in found), dtype=np.int32, count=len(found))

    def known(self, query_terms: Sequence[str]) -> list[int]:
        """Ids of the terms already seen (unknown terms cannot match anything)."""
        with self._lock:
            return [self._ids[t] for t in query_terms if t in self._ids]

    def __len__(self) -> int:
        return len(self._ids)

    def __getstate__(self) -> dict[str, int]:
        with self._lock:
            return dict(self._ids)

    def __setstate__(self, state: dict[str, int]) -> None:
        self._ids = state
        self._lock = threading.Lock()


class KeywordIndex:
    """BM25 (Lucene's variant, k1=1.5, b=0.75) over rows of term ids.

    Rows are given already tokenised, so a new index after a change reuses
    the term ids of every unchanged chunk and only tokenises new ones; that
    keeps refreshing after an ingest proportional to what changed, not to
    the size of the index. Scores are one sparse column sum per query term.
    """

    K1 = 1.5
    B = 0.75

    def __init__(self, rows: Sequence[npt.NDArray[np.int32]], vocabulary: Vocabulary) -> None:
        self.vocabulary = vocabulary
        self.size = len(rows)
        width = max(len(vocabulary), 1)
        lengths = np.array([len(r) for r in rows], dtype=np.int64)
        indptr = np.concatenate([[0], np.cumsum(lengths)])
        indices = np.concatenate(rows) if rows else np.zeros(0, dtype=np.int32)
        counts = sparse.csr_matrix(
            (np.ones(len(indices), dtype=np.float32), indices, indptr), shape=(self.size, width)
        )
        counts.sum_duplicates()
        self._df = np.asarray((counts > 0).sum(axis=0)).ravel()
        average = float(lengths.mean()) if self.size else 1.0
        norm = self.K1 * (1 - self.B + self.B * lengths / max(average, 1e-9))
        # Per entry: tf·(k1+1)/(tf + norm_row), times the column's idf.
        row_of_entry = np.repeat(np.arange(self.size), np.diff(counts.indptr))
        tf = counts.data
        weighted = tf * (self.K1 + 1) / (tf + norm[row_of_entry])
        weighted *= self._idf_array()[counts.indices]
        self._weights = sparse.csr_matrix(
            (weighted.astype(np.float32), counts.indices, counts.indptr), shape=counts.shape
        ).tocsc()

    def _idf_array(self) -> npt.NDArray[np.float64]:
        return _idf(self.size, self._df)

    def scores(self, query_terms: Sequence[str]) -> npt.NDArray[np.float32]:
        """BM25 score of every row for the query terms (zeros for an empty index)."""
        ids = [i for i in self.vocabulary.known(query_terms) if i < self._weights.shape[1]]
        if not self.size or not ids:
            return np.zeros(self.size, dtype=np.float32)
        unique, repeats = np.unique(ids, return_counts=True)
        picked = self._weights[:, unique] @ repeats.astype(np.float32)
        return np.asarray(picked, dtype=np.float32).ravel()

    def idf(self, term: str) -> float:
        """Inverse document frequency of a stemmed term (high for rare terms)."""
        ids = self.vocabulary.known([term])
        frequency = int(self._df[ids[0]]) if ids and ids[0] < len(self._df) else 0
        return float(_idf(self.size, np.asarray(frequency)))


def _idf(size: int, frequency: npt.NDArray[np.int64]) -> npt.NDArray[np.float64]:
    """BM25's inverse document frequency (Lucene's form, never negative)."""
    return np.log(1.0 + (size - frequency + 0.5) / (frequency + 0.5))
