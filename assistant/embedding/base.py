"""What every embedder offers the rest of the assistant, and the cache they share.

Every embedder returns float32 rows of unit length, so a dot product is a
cosine similarity, and carries an `identity` string that the index records:
vectors from different models are never mixed in one index. It also owns its
sizes: `token_offsets` splits text the way the model counts it, so chunks
are sized for whichever embedder is configured.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Sequence
from functools import cached_property
from typing import Protocol

import numpy as np

from assistant.embedding.runner import Vectors

TokenSpans = list[tuple[int, int]]


class Embedder(Protocol):
    """What the rest of the assistant needs from an embedding model."""

    identity: str

    @property
    def name(self) -> str:
        """A short name of the model, for people."""
        ...

    @property
    def engine(self) -> str:
        """What has embedded so far, for people ("" before the first use)."""
        ...

    def token_offsets(self, text: str) -> TokenSpans:
        """Character spans of the units the model counts (word pieces, words), in order."""
        ...

    def embed(self, texts: Sequence[str]) -> Vectors:
        """Unit-length vectors for `texts`, one row each, in order."""
        ...

    def embed_short(self, texts: Sequence[str]) -> Vectors:
        """Vectors of questions and sentences; texts seen recently come from a cache."""
        ...

    def embed_query(self, text: str) -> Vectors:
        """The vector of one query (cached, like embed_short)."""
        ...


class VectorCache:
    """A bounded memory of recent short texts' vectors.

    One question is embedded by several steps (retrieval, sentence choice,
    claim checks), and the sentences of popular passages are embedded for
    answer after answer; both are served from here. 20,000 vectors of 384
    floats take about 30 MB.
    """

    SIZE = 20_000

    def __init__(self, embed: Callable[[Sequence[str]], Vectors]) -> None:
        self._embed = embed
        self._vectors: OrderedDict[str, Vectors] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, texts: Sequence[str]) -> Vectors:
        """Vectors for `texts`, in order, embedding only those not cached."""
        found: dict[str, Vectors] = {}
        with self._lock:
            for text in texts:
                if text in self._vectors:
                    self._vectors.move_to_end(text)
                    found[text] = self._vectors[text]
        missing = list(dict.fromkeys(t for t in texts if t not in found))
        if missing:
            fresh = self._embed(missing)
            with self._lock:
                for text, vector in zip(missing, fresh, strict=True):
                    found[text] = self._vectors[text] = np.asarray(vector, dtype=np.float32)
                while len(self._vectors) > self.SIZE:
                    self._vectors.popitem(last=False)
        if not texts:
            return np.zeros((0, 0), dtype=np.float32)
        return np.vstack([found[text] for text in texts]).astype(np.float32)


class CachedShortTexts:
    """embed_short and embed_query for an embedder: its `embed` behind a VectorCache."""

    def embed(self, texts: Sequence[str]) -> Vectors:
        raise NotImplementedError

    @cached_property
    def _cache(self) -> VectorCache:
        return VectorCache(self.embed)

    def embed_short(self, texts: Sequence[str]) -> Vectors:
        """Vectors of questions and sentences, cached."""
        return self._cache.get(texts)

    def embed_query(self, text: str) -> Vectors:
        """The vector of one query, cached."""
        vector: Vectors = self._cache.get([text])[0]
        return vector
