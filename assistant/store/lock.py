"""The locks of an on-disk index folder, shared by every process that opens it.

Chroma's embedded store is safe across threads but not across processes, so
two locks, both `flock`s (released by the kernel if a process dies, so a
crash never leaves a stale lock), keep processes out of each other's way:

- `write.lock`: one writer at a time, for a whole ingest, removal or
  rebuild. The holder records its PID in the file, which is what the
  "in use by process N" message shows. Another writer waits for it (up to a
  limit, saying whom it waits for) instead of failing at once.
- `access.lock`: held shared by every read of the store and exclusively while
  a writer changes the files (one batch at a time), so no process ever opens
  or reads Chroma's files while another is half-way through rewriting them.
  Reads pause for at most one batch; writes wait for in-flight reads.

Within one process, threads queue on in-process locks first: two `flock`s
of one process on separate descriptors would refuse each other too, and a
shared and an exclusive lock of one process must never be converted into
each other. A Chroma server (ASSISTANT_CHROMA_URL) does its own concurrency
control, so these locks are only used for folders.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from assistant.errors import IndexInUseError

WRITE_LOCK = "write.lock"
ACCESS_LOCK = "access.lock"
# How often a waiting writer tries the lock again.
POLL_SECONDS = 0.2

_process_locks: dict[Path, threading.Lock] = {}
_access_locks: dict[Path, AccessLock] = {}
_registry_lock = threading.Lock()


def _process_lock(folder: Path) -> threading.Lock:
    with _registry_lock:
        return _process_locks.setdefault(folder, threading.Lock())


@contextlib.contextmanager
def write_lock(
    folder: Path, wait: float = 0.0, on_wait: Callable[[str], None] | None = None
) -> Iterator[None]:
    """Hold the index folder's write lock for the duration of the block.

    If another process is writing, wait up to `wait` seconds for it (calling
    `on_wait` once with the holder's PID), then raise IndexInUseError naming it.
    """
    folder = folder.resolve()
    folder.mkdir(parents=True, exist_ok=True)
    with _process_lock(folder):
        descriptor = os.open(folder / WRITE_LOCK, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            _acquire_exclusive(descriptor, folder, wait, on_wait)
            os.ftruncate(descriptor, 0)
            os.pwrite(descriptor, str(os.getpid()).encode("ascii"), 0)
            try:
                yield
            finally:
                os.ftruncate(descriptor, 0)
                fcntl.flock(descriptor, fcntl.LOCK_UN)
        finally:
            os.close(descriptor)


def _acquire_exclusive(
    descriptor: int, folder: Path, wait: float, on_wait: Callable[[str], None] | None
) -> None:
    deadline = time.monotonic() + wait
    told = False
    while True:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            holder = os.pread(descriptor, 32, 0).decode("ascii", "replace").strip() or "?"
        if time.monotonic() >= deadline:
            waited = f" (waited {wait:g} s)" if wait else ""
            raise IndexInUseError(
                f"The index at {folder} is in use by process {holder}, which is writing to "
                f"it{waited}; try again when it has finished (or use a Chroma server, "
                "ASSISTANT_CHROMA_URL, to share one index between processes)"
            ) from None
        if on_wait is not None and not told:
            on_wait(holder)
            told = True
        time.sleep(POLL_SECONDS)


class AccessLock:
    """Shared for reads, exclusive while files change; one per folder per process."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / ACCESS_LOCK
        self._condition = threading.Condition()
        self._readers = 0
        self._writing = False
        self._writer: int | None = None
        self._descriptor: int | None = None

    @contextlib.contextmanager
    def shared(self) -> Iterator[None]:
        """Hold the lock shared (a read of the store) for the block."""
        if self._writer == threading.get_ident():
            yield  # the writing thread reads what it is writing: it holds the lock already
            return
        with self._condition:
            self._condition.wait_for(lambda: not self._writing)
            if self._readers == 0:
                self._flock(fcntl.LOCK_SH)
            self._readers += 1
        try:
            yield
        finally:
            with self._condition:
                self._readers -= 1
                if self._readers == 0:
                    self._flock(fcntl.LOCK_UN)
                self._condition.notify_all()

    @contextlib.contextmanager
    def exclusive(self) -> Iterator[None]:
        """Hold the lock exclusively (files are being changed) for the block."""
        if self._writer == threading.get_ident():
            yield
            return
        with self._condition:
            self._condition.wait_for(lambda: not self._writing and self._readers == 0)
            self._writing = True
            self._writer = threading.get_ident()
        try:
            self._flock(fcntl.LOCK_EX)
            yield
        finally:
            with self._condition:
                self._flock(fcntl.LOCK_UN)
                self._writing = False
                self._writer = None
                self._condition.notify_all()

    def _flock(self, operation: int) -> None:
        """Apply `operation` to the lock file; a folder we cannot write is read without it."""
        if self._descriptor is None:
            if operation == fcntl.LOCK_UN:
                return
            try:
                self._descriptor = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
            except OSError:
                return  # read-only folder: nobody can be writing it through us either
        fcntl.flock(self._descriptor, operation)


def access_lock(folder: Path) -> AccessLock:
    """The access lock of `folder` for this process."""
    folder = folder.resolve()
    with _registry_lock:
        if folder not in _access_locks:
            _access_locks[folder] = AccessLock(folder)
        return _access_locks[folder]
