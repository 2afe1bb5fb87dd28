"""Keeping the retriever's in-memory view on disk between processes.

Building the view (every committed chunk read from Chroma and tokenised for
BM25) takes seconds for a few thousand articles and tens of seconds at
100,000 chunks; every CLI command and every app start would pay it. The view
is therefore saved in the cache folder after it changes and loaded on the
next start: if the index has not changed since, it is used as it is; if it
has, it is refreshed incrementally (only new or changed articles are read).

The file is a pickle in the user's own cache folder (the same trust as the
exported model there); one that cannot be read is ignored and rebuilt.
"""

from __future__ import annotations

import hashlib
import logging
import pickle
import threading
from pathlib import Path
from typing import Any

from assistant.atomic_file import write_atomically
from assistant.text.terms import VERSION as TERMS_VERSION

log = logging.getLogger("assistant")

# What a saved view must match: its layout, and the terms its keyword index was built with.
FORMAT = (3, TERMS_VERSION)
_writing = threading.Lock()


def cache_file(cache_dir: Path, location: str, collection: str, embedder: str) -> Path:
    """Where the view of one index (folder or server collection) is kept."""
    key = hashlib.sha256(f"{location}\n{collection}\n{embedder}".encode()).hexdigest()[:20]
    return cache_dir / "views" / f"{key}.pickle"


def load(path: Path) -> Any | None:
    """The saved view, or None if there is none usable."""
    try:
        with path.open("rb") as handle:
            saved = pickle.load(handle)
    except FileNotFoundError:
        return None
    except Exception as error:  # a truncated or foreign file: rebuild instead
        log.debug("ignoring the saved view %s: %s", path, error)
        return None
    if not isinstance(saved, dict) or saved.get("format") != FORMAT:
        return None
    return saved.get("view")


def save_in_background(path: Path, view: Any) -> None:
    """Write the view atomically without making the caller wait."""
    thread = threading.Thread(target=_save, args=(path, view), name="assistant-view-save")
    thread.daemon = False  # let a short-lived CLI finish writing before it exits
    thread.start()


def _save(path: Path, view: Any) -> None:
    with _writing:
        try:
            write_atomically(path, lambda target: _dump(target, view))
        except OSError as error:
            log.debug("could not save the view to %s: %s", path, error)


def _dump(target: Path, view: Any) -> None:
    with target.open("wb") as file:
        pickle.dump({"format": FORMAT, "view": view}, file, pickle.HIGHEST_PROTOCOL)
