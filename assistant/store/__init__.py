"""The Chroma store: the only code that talks to Chroma (and the only importer of chromadb).

`ChunkStore` holds chunks and article records; the connection opens,
refreshes and guards the client; `drop_index` deletes a whole index; the
locks keep processes sharing an index folder out of each other's way.
"""

from assistant.store.chunks import ArticleVersion, ChunkStore
from assistant.store.collections import collection_names
from assistant.store.drop import drop_index, remove_if_unused
from assistant.store.lock import write_lock

__all__ = [
    "ArticleVersion",
    "ChunkStore",
    "collection_names",
    "drop_index",
    "remove_if_unused",
    "write_lock",
]
