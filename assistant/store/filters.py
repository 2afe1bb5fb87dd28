"""The one translation of a search filter into Chroma's `where` syntax.

Chunks and article records carry the same keys (`source`, `date_ord`), so
one translation serves both collections.
"""

from __future__ import annotations

from typing import Any

from assistant.records import SearchFilter


def chroma_where(where: SearchFilter | None) -> dict[str, Any] | None:
    """The filter as a Chroma `where` clause, or None when it lets everything through."""
    if where is None or where.is_empty():
        return None
    clauses: list[dict[str, Any]] = []
    if where.sources:
        clauses.append({"source": {"$in": list(where.sources)}})
    if where.date_from:
        clauses.append({"date_ord": {"$gte": where.date_from}})
    if where.date_to:
        clauses.append({"date_ord": {"$lte": where.date_to}})
        # Undated articles (date_ord 0) never fall inside a range that has an end.
        clauses.append({"date_ord": {"$gt": 0}})
    return clauses[0] if len(clauses) == 1 else {"$and": clauses}
