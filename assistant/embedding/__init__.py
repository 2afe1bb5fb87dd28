"""Text to vectors: the bundled local model (default) or OpenAI-compatible embeddings.

`make_embedder(settings)` gives the configured `Embedder`; nothing outside
this package imports torch, onnxruntime, transformers or tokenizers.
"""

from __future__ import annotations

from assistant.config import Settings
from assistant.embedding.base import Embedder
from assistant.errors import ConfigError

__all__ = ["Embedder", "identity_for", "make_embedder"]


def identity_for(settings: Settings) -> str:
    """The identity the configured embedder records in an index, without loading any model.

    Opening an index (to list it, say) needs only this, not the model.
    """
    if settings.embed in ("local", "local-int8"):
        from assistant.embedding.model_files import identity

        return identity(int8=settings.embed == "local-int8")
    if settings.embed == "openai":
        return f"openai:{settings.embed_model}"
    raise ConfigError(f"Unknown embedder {settings.embed!r}")


def make_embedder(settings: Settings) -> Embedder:
    """The embedder the settings ask for (models load on first use, not here)."""
    if settings.embed in ("local", "local-int8"):
        from assistant.embedding import bulk
        from assistant.embedding.local import LocalEmbedder

        return LocalEmbedder(
            settings.cache_dir,
            int8=settings.embed == "local-int8",
            bulk=settings.embed_bf16 == "auto" and bulk.amx_available(),
        )
    if settings.embed == "openai":
        from assistant.embedding.openai import OpenAIEmbedder

        return OpenAIEmbedder(settings)
    raise ConfigError(f"Unknown embedder {settings.embed!r}")
