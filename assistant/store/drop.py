"""Deleting a whole index, kept apart from the chunk store because it is destructive.

`rebuild` uses it to start afresh, even from an index too damaged to open.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from assistant.config import COLLECTIONS_FOLDER, OWN_DATABASE_FILE, Settings
from assistant.errors import ConfigError
from assistant.store.collections import chroma_names
from assistant.store.connection import DATABASE_FILE, connect, connection_for
from assistant.store.lock import ACCESS_LOCK, WRITE_LOCK

DATABASE_FILES_OF_OURS = tuple(f"{OWN_DATABASE_FILE}{end}" for end in ("", "-wal", "-shm"))

# Files of ours that may live in an index folder and survive a rebuild.
# (The assistant's own database lives here too: conversations outlast a rebuild of the index;
# and the other collections' folders: rebuilding the default collection must not touch them.)
_KEPT_ON_DROP = frozenset(
    {
        WRITE_LOCK,
        ACCESS_LOCK,
        "README.md",
        ".gitignore",
        COLLECTIONS_FOLDER,
        *DATABASE_FILES_OF_OURS,
    }
)


def drop_index(settings: Settings) -> None:
    """Delete everything the index holds, even when it is too damaged to open.

    On a server the two collections are deleted. On disk the folder's
    contents go, but only if it looks like a Chroma index: pointing
    ASSISTANT_INDEX_DIR at the wrong folder must not delete someone's files.
    """
    connection = connection_for(settings)
    if settings.chroma_url:
        client = connect(settings)
        existing = {c.name for c in client.list_collections()}
        for name in chroma_names(settings.collection):
            if name in existing:
                client.delete_collection(name)
        connection.close()
        return
    folder = settings.index_folder
    if not folder.is_dir():
        return
    entries = [entry for entry in folder.iterdir() if entry.name not in _KEPT_ON_DROP]
    if entries and not (folder / DATABASE_FILE).exists():
        raise ConfigError(
            f"{folder} does not look like an index (no {DATABASE_FILE}); refusing to delete "
            "its contents: check --index-dir / ASSISTANT_INDEX_DIR"
        )
    with connection.files_to_ourselves():
        for entry in entries:
            if entry.is_dir() and not entry.is_symlink():
                shutil.rmtree(entry)
            else:
                entry.unlink()


def remove_if_unused(folder: Path) -> None:
    """Remove a folder that holds no index, only our lock files (a first ingest that read
    nothing); anything else in it keeps it."""
    if not folder.is_dir() or (folder / DATABASE_FILE).exists():
        return
    entries = list(folder.iterdir())
    if all(entry.name in (WRITE_LOCK, ACCESS_LOCK) for entry in entries):
        for entry in entries:
            entry.unlink(missing_ok=True)
        folder.rmdir()
