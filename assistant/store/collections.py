"""Which collections an installation holds (see `Settings.index_folder` for where each lives).

On disk the default collection is the index folder itself and every other
one a folder under its `collections/`, each a complete index of its own;
on a Chroma server a collection is the pair of Chroma collections named
`<name>_chunks` and `<name>_articles`.
"""

from __future__ import annotations

import dataclasses

from assistant.config import COLLECTIONS_FOLDER, DEFAULT_COLLECTION, Settings
from assistant.store.connection import DATABASE_FILE, connect


def chroma_names(collection: str) -> tuple[str, str]:
    """The Chroma collections that hold a collection: its chunks, then its article records."""
    return f"{collection}_chunks", f"{collection}_articles"


def collection_names(settings: Settings) -> list[str]:
    """The names of the collections that exist in the settings' installation, sorted."""
    if settings.chroma_url:
        existing = {collection.name for collection in connect(settings).list_collections()}
        candidates = {name.rsplit("_", 1)[0] for name in existing}
        return sorted(name for name in candidates if set(chroma_names(name)) <= existing)
    root = dataclasses.replace(settings, collection=DEFAULT_COLLECTION).index_folder
    names = {DEFAULT_COLLECTION} if (root / DATABASE_FILE).is_file() else set()
    folder = root / COLLECTIONS_FOLDER
    if folder.is_dir():
        names.update(entry.name for entry in folder.iterdir() if (entry / DATABASE_FILE).is_file())
    return sorted(names)
