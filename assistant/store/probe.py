"""Opening an on-disk index safely when it may be damaged.

Chroma reads its vector segments in native code; some damaged files (a
truncated HNSW header, for one) crash the process with a segmentation fault
instead of raising an error. So before a process opens an index folder that
it did not create or write itself, a throwaway child process opens it and
runs one query. If the child dies or fails, the caller gets an
IndexDamagedError naming the rebuild command, and stays alive.

The probe costs a second or two, so its success is remembered: in this
process for folders it has opened, and on disk as a fingerprint of the
folder's file names, sizes and modification times. An unchanged folder is
not probed again.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

from assistant.atomic_file import write_atomically
from assistant.config import OWN_DATABASE_FILE

MARKER = ".verified"
PROBE_TIMEOUT = 300
# Files of ours in the folder that say nothing about Chroma's state.
_IGNORED = frozenset(
    {
        MARKER,
        "write.lock",
        "access.lock",
        "README.md",
        ".gitignore",
        *(f"{OWN_DATABASE_FILE}{end}" for end in ("", "-wal", "-shm")),
    }
)

_PROBE_SCRIPT = """
import sys
import chromadb
from chromadb.config import Settings

client = chromadb.PersistentClient(path=sys.argv[1], settings=Settings(anonymized_telemetry=False))
for collection in client.list_collections():
    if collection.count():
        sample = collection.get(limit=1, include=["embeddings"])["embeddings"]
        if sample is not None and len(sample):
            collection.query(query_embeddings=[list(sample[0])], n_results=1)
"""

_trusted: set[Path] = set()
_lock = threading.Lock()


class ProbeFailed(Exception):
    """The child process could not open and query the index; the message says how it failed."""


def fingerprint(folder: Path) -> str:
    """Names, sizes and modification times of the folder's files; empty for a new folder."""
    entries = []
    for root, _, names in os.walk(folder):
        for name in sorted(names):
            path = Path(root) / name
            if path.parent == folder and name in _IGNORED:
                continue
            stat = path.stat()
            entries.append(f"{path.relative_to(folder)}:{stat.st_size}:{stat.st_mtime_ns}")
    return "\n".join(sorted(entries))


def ensure_openable(folder: Path) -> None:
    """Raise ProbeFailed if opening `folder` with Chroma fails or crashes a process."""
    folder = folder.resolve()
    with _lock:
        if folder in _trusted:
            return
        current = fingerprint(folder) if folder.is_dir() else ""
        marker = folder / MARKER
        if current and not (marker.is_file() and marker.read_text() == current):
            _run_probe(folder)
            _remember(marker, current)
        _trusted.add(folder)
        # Chroma touches its files even when only reading; record the state this
        # process leaves behind, so the next process need not probe again.
        atexit.register(_remember_if_dir, folder)


def trust(folder: Path) -> None:
    """Record the folder's current state as good (after this process wrote it itself)."""
    folder = folder.resolve()
    with _lock:
        _trusted.add(folder)
        current = fingerprint(folder) if folder.is_dir() else ""
        if current:
            _remember(folder / MARKER, current)


def _run_probe(folder: Path) -> None:
    try:
        result = subprocess.run(
            [sys.executable, "-c", _PROBE_SCRIPT, str(folder)],
            capture_output=True,
            text=True,
            timeout=PROBE_TIMEOUT,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise ProbeFailed(f"opening it took over {PROBE_TIMEOUT} s") from None
    if result.returncode < 0:
        name = signal.Signals(-result.returncode).name
        raise ProbeFailed(f"Chroma crashed reading it ({name})")
    if result.returncode:
        lines = [line for line in result.stderr.strip().splitlines() if line.strip()]
        raise ProbeFailed(lines[-1][:200] if lines else f"exit code {result.returncode}")


def _remember_if_dir(folder: Path) -> None:
    if folder.is_dir():
        _remember(folder / MARKER, fingerprint(folder))


def _remember(marker: Path, current: str) -> None:
    """Write the fingerprint atomically; a read-only folder just means probing next time."""
    with contextlib.suppress(OSError):
        write_atomically(marker, lambda path: path.write_text(current))
