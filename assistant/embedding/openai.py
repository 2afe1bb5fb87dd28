"""Embeddings from the OpenAI API or any compatible server, through llama-index.

Such models read thousands of tokens, so chunks are sized in words here (a
budget of 200 words is well within any of them); their own tokenizers are
not bundled and nothing is downloaded to count tokens exactly.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from assistant.config import Settings
from assistant.embedding.base import CachedShortTexts, TokenSpans
from assistant.embedding.runner import Vectors

_WORD = re.compile(r"\S+")


class OpenAIEmbedder(CachedShortTexts):
    """Embeddings from the OpenAI API (or a compatible server) through llama-index."""

    engine = "remote"

    def __init__(self, settings: Settings) -> None:
        from llama_index.embeddings.openai import OpenAIEmbedding

        self.name = settings.embed_model
        self.identity = f"openai:{settings.embed_model}"
        self._model = OpenAIEmbedding(
            model_name=settings.embed_model,
            api_key=settings.openai_api_key or "not-needed",
            api_base=settings.openai_base_url,
            timeout=settings.llm_timeout,
            max_retries=settings.llm_retries,
        )

    def token_offsets(self, text: str) -> TokenSpans:
        """Word spans: the units chunks are sized in for a remote model."""
        return [match.span() for match in _WORD.finditer(text)]

    def embed(self, texts: Sequence[str]) -> Vectors:
        """Embed through the API and normalise, since not every server returns unit vectors."""
        if not texts:
            return np.zeros((0, 0), dtype=np.float32)
        rows = np.asarray(self._model.get_text_embedding_batch(list(texts)), dtype=np.float32)
        norms = np.linalg.norm(rows, axis=1, keepdims=True)
        return np.asarray(rows / np.maximum(norms, 1e-12), dtype=np.float32)
