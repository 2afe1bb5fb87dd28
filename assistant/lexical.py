"""Keyword side of retrieval: one way of turning text into terms, and a BM25 index.

The same `terms()` is used for indexing chunks, for queries, for picking
answer sentences and for checking claims, so "the question's words appear
in this sentence" means the same thing everywhere. Terms are lower-cased
Unicode words with English stop words removed and Snowball stems, so
"lasted" matches "last" and "negotiations" matches "negotiate". Numbers
are kept whole ("2014", "500"), since names and numbers are exactly what
dense vectors miss.

The BM25 index (sparse matrices) is an in-memory view of the stored chunks,
never the source of truth; it is rebuilt from already tokenised rows when
the store's generation changes.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt
import Stemmer
from scipy import sparse

STOP_WORDS = frozenset(
    """a about above after again against all also am an and any are aren't as at be because
    been before being below between both but by can could did do does doing down during each
    few for from further had has have having he her here hers herself him himself his how i
    if in into is it its itself just me more most my myself no nor not now of off on once
    only or other our ours ourselves out over own same she should so some such than that the
    their theirs them themselves then there these they this those through to too under until
    up very was we were what when where which while who whom why will with would you your
    yours yourself yourselves s t ll re ve d m""".split()
)

# Letters and digits; an apostrophe splits "Ukraine's" into "ukraine" and "s", and the
# clitics ("s", "t", "ll", …) are stop words, which is how possessives disappear.
_WORD = re.compile(r"[^\W_]+")
_local = threading.local()


def _stemmer() -> Stemmer.Stemmer:
    # Stemmer objects are not thread-safe; one per thread is cheap (each caches its stems).
    stemmer = getattr(_local, "stemmer", None)
    if stemmer is None:
        stemmer = _local.stemmer = Stemmer.Stemmer("english", 100_000)
    return stemmer


def words(text: str) -> list[str]:
    """Lower-cased words of `text`, stop words kept."""
    return _WORD.findall(text.lower())


def terms(text: str) -> list[str]:
    """Stemmed content terms of `text`, in order, repeats kept."""
    return list(_stemmer().stemWords([w for w in words(text) if w not in STOP_WORDS]))


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
