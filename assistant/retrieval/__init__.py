"""Finding the passages for a question: dense and keyword search, fused and diversified."""

from assistant.retrieval.retriever import Retriever

__all__ = ["Retriever"]
