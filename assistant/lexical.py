"""Keyword side of retrieval: one way of turning text into terms, and a BM25 index.

The same `terms()` is used for indexing chunks, for queries, for picking
answer sentences and for checking claims, so "the question's words appear
in this sentence" means the same thing everywhere. Terms are lower-cased
Unicode words with English stop words removed and Snowball stems, so
"lasted" matches "last" and "negotiations" matches "negotiate". Numbers
are kept whole ("2014", "500"), since names and numbers are exactly what
dense vectors miss.

The BM25 index (bm25s, sparse matrices) is rebuilt from the stored chunks
when the store's generation changes; it is an in-memory view, never the
source of truth.
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Sequence

import bm25s
import numpy as np
import numpy.typing as npt
import Stemmer

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

# bm25s announces every index build at WARNING level; it is routine here.
logging.getLogger("bm25s").setLevel(logging.ERROR)

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


class KeywordIndex:
    """BM25 over a fixed list of texts; rows are positions in that list."""

    def __init__(self, texts: Sequence[str]) -> None:
        self.size = len(texts)
        tokenized = [terms(text) or ["\x00empty"] for text in texts]
        self._bm25 = bm25s.BM25()
        if tokenized:
            self._bm25.index(tokenized, show_progress=False)
        document_frequency: dict[str, int] = {}
        for row in tokenized:
            for term in set(row):
                document_frequency[term] = document_frequency.get(term, 0) + 1
        self._df = document_frequency

    def scores(self, query_terms: Sequence[str]) -> npt.NDArray[np.float32]:
        """BM25 score of every row for the query terms (zeros for an empty index)."""
        known = [t for t in query_terms if t in self._df]
        if not self.size or not known:
            return np.zeros(self.size, dtype=np.float32)
        return np.asarray(self._bm25.get_scores(known), dtype=np.float32)

    def idf(self, term: str) -> float:
        """Inverse document frequency of a stemmed term (high for rare terms)."""
        frequency = self._df.get(term, 0)
        return float(np.log(1.0 + (self.size - frequency + 0.5) / (frequency + 0.5)))
