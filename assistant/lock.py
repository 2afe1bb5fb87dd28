"""The write lock of an on-disk index folder.

Chroma's embedded store is safe across threads but not across processes, so
only one process may write an index folder at a time. Writers take an
exclusive `flock` on `<index>/write.lock` (released by the kernel if the
process dies, so a crash never leaves a stale lock) and record their PID in
it, which is what the "in use by process N" message shows. Threads of one
process queue on an in-process lock first, because two `flock`s from one
process on separate descriptors would refuse each other too.

Readers take no lock. A Chroma server (ASSISTANT_CHROMA_URL) does its own
concurrency control, so no file lock is used with it.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import threading
from collections.abc import Iterator
from pathlib import Path

from assistant.errors import IndexInUseError

LOCK_NAME = "write.lock"

_process_locks: dict[Path, threading.Lock] = {}
_registry_lock = threading.Lock()


def _process_lock(folder: Path) -> threading.Lock:
    with _registry_lock:
        return _process_locks.setdefault(folder, threading.Lock())


@contextlib.contextmanager
def write_lock(folder: Path) -> Iterator[None]:
    """Hold the index folder's write lock for the duration of the block.

    Raises IndexInUseError at once, naming the holder's PID, if another
    process is writing.
    """
    folder = folder.resolve()
    folder.mkdir(parents=True, exist_ok=True)
    with _process_lock(folder):
        path = folder / LOCK_NAME
        descriptor = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            try:
                fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                holder = os.pread(descriptor, 32, 0).decode("ascii", "replace").strip() or "?"
                raise IndexInUseError(
                    f"The index at {folder} is in use by process {holder}, which is writing to "
                    "it; wait for it to finish (or use a Chroma server, ASSISTANT_CHROMA_URL, "
                    "to share one index between processes)"
                ) from None
            os.ftruncate(descriptor, 0)
            os.pwrite(descriptor, str(os.getpid()).encode("ascii"), 0)
            try:
                yield
            finally:
                os.ftruncate(descriptor, 0)
                fcntl.flock(descriptor, fcntl.LOCK_UN)
        finally:
            os.close(descriptor)
