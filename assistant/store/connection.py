"""The connection to Chroma: opening it safely, keeping it fresh, and guarding every call.

One `Connection` per index location per process, shared by every store
object on that location, so that reopening it reaches all of them.

An embedded (folder) index is read and written by several processes in
turn: the browser app stays open while `assistant ingest` adds articles.
Chroma keeps parts of an index in memory, so a process that opened the
folder before another one wrote to it sees a stale index (queries name
chunks that no longer exist). So every write bumps a generation token
stored in the index, and a process that finds a generation it did not
write reopens its client before going on; a read that fails is retried
once on a freshly opened client, and only a failure of that retry is
reported as a damaged index. Reads and writes of a folder hold its access
lock (lock.py), so nobody opens the files while a writer rewrites them.

A Chroma server needs none of this: it is one process that serves them all.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable, Iterator
from typing import Any, TypeVar
from urllib.parse import urlparse

from assistant.config import Settings
from assistant.errors import ConfigError, IndexDamagedError, IndexMismatchError
from assistant.store import probe
from assistant.store.lock import AccessLock, access_lock

log = logging.getLogger("assistant")

T = TypeVar("T")
# The file Chroma keeps an embedded index in: a folder without it holds no index.
DATABASE_FILE = "chroma.sqlite3"
GENERATION_KEY = "generation"

_connections: dict[tuple[str, str], Connection] = {}
_registry_lock = threading.Lock()


class Connection:
    """A Chroma client for one location that reopens itself when another process wrote."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.embedded = not settings.chroma_url
        self.folder = settings.index_folder
        self.location = settings.chroma_url or str(settings.index_folder)
        self._access: AccessLock | None = access_lock(self.folder) if self.embedded else None
        self._client: Any = None
        self._handles: dict[str, Any] = {}
        self._known_generation: str | None = None
        self._opened: tuple[int, int] | None = None
        self._lock = threading.RLock()

    # --- state ---------------------------------------------------------------------

    def exists(self) -> bool:
        """Whether an embedded index has been created here (a server always counts as existing)."""
        return not self.embedded or (self.folder / DATABASE_FILE).is_file()

    def collection(self, name: str, identity: str | None = None) -> Any | None:
        """The named collection, created (recording `identity`) when `identity` is given.

        None when it does not exist and is not to be created. Call inside read/write.
        """
        with self._lock:
            handle = self._handles.get(name)
            if handle is not None:
                return handle
            client = self._open()
            if identity is None:
                try:
                    handle = client.get_collection(name)
                except Exception as error:
                    if _is_not_found(error):
                        return None
                    raise
            else:
                handle = client.get_or_create_collection(
                    name,
                    configuration={"hnsw": {"space": "cosine"}},
                    metadata={"embedder": identity},
                    embedding_function=None,
                )
                recorded = (handle.metadata or {}).get("embedder")
                if recorded and recorded != identity:
                    raise IndexMismatchError(
                        f"The index at {self.location} was built with {recorded}, but the "
                        f"assistant is set to embed with {identity}: use another "
                        "ASSISTANT_INDEX_DIR or delete the index and ingest again"
                    )
            self._handles[name] = handle
            return handle

    def max_batch(self) -> int:
        """How many records one Chroma write may carry."""
        return max(1, int(self._open().get_max_batch_size()))

    def generation(self, name: str) -> str:
        """The generation token kept in collection `name`'s metadata ('' when there is none)."""
        with self._lock:
            try:
                collection = self._open().get_collection(name)
            except Exception as error:
                if _is_not_found(error):
                    return ""
                raise
            return str((collection.metadata or {}).get(GENERATION_KEY, ""))

    def notice_changes(self, name: str) -> str:
        """Reopen if another process changed the index since we last looked; the generation.

        A folder index that was deleted and made anew (`assistant rebuild` in
        another process) is a new database file: an open client would go on
        reading the deleted one, so that is noticed first, by the file's identity.
        """
        current = self.read("read", lambda: self.generation(name))
        with self._lock:
            changed = self._known_generation is not None and current != self._known_generation
            self._known_generation = current
        if changed and self.embedded:
            log.debug("the index at %s changed in another process; reopening it", self.location)
            self.reopen()
        return current

    def wrote(self, generation: str) -> None:
        """Record a generation this process wrote itself (no reopen needed for it)."""
        with self._lock:
            self._known_generation = generation

    # --- calls -----------------------------------------------------------------------

    def read(self, action: str, call: Callable[[], T]) -> T:
        """Run a read; on failure retry once on a fresh client before calling it damage."""
        self._notice_rebuild()
        try:
            with self._shared():
                return self._guarded(action, call, retrying=True)
        except _Retry:
            pass
        self.reopen()
        with self._shared():
            return self._guarded(action, call, retrying=False)

    def write(self, action: str, call: Callable[[], T]) -> T:
        """Run a write with the files to ourselves."""
        self._notice_rebuild()
        with self._exclusive():
            return self._guarded(action, call, retrying=False)

    @contextlib.contextmanager
    def files_to_ourselves(self) -> Iterator[None]:
        """Hold the folder exclusively (for deleting it), with the client closed."""
        with self._exclusive():
            self.close()
            yield

    def reopen(self) -> None:
        """Close the client so the next call opens the index afresh from its files."""
        with self._exclusive():
            self.close()

    def close(self) -> None:
        """Release the client (and Chroma's per-folder system with it)."""
        with self._lock:
            client, self._client = self._client, None
            self._handles.clear()
        if client is not None:
            with contextlib.suppress(Exception):
                client.close()

    # --- internals -----------------------------------------------------------------

    def _guarded(self, action: str, call: Callable[[], T], retrying: bool) -> T:
        try:
            return call()
        except (IndexMismatchError, ConfigError, IndexDamagedError):
            raise
        except Exception as error:
            # On a server, a collection another process dropped and made anew (a rebuild)
            # has a new id: the handles kept here name the old one, so open them again.
            if retrying and (self.embedded or _is_not_found(error)):
                log.debug(
                    "reading %s failed (%s); retrying on a fresh client", self.location, error
                )
                raise _Retry from error
            raise damaged(self.settings, action, error) from error

    @contextlib.contextmanager
    def _shared(self) -> Iterator[None]:
        if self._access is None:
            yield
        else:
            with self._access.shared():
                yield

    @contextlib.contextmanager
    def _exclusive(self) -> Iterator[None]:
        if self._access is None:
            yield
        else:
            with self._access.exclusive():
                yield

    def _notice_rebuild(self) -> None:
        """Reopen when the folder's database is a new file (`assistant rebuild` elsewhere): an
        open client would go on reading the deleted one. A stat, so cheap enough for every call.
        """
        if self.embedded and self._client is not None and self._file_identity() != self._opened:
            log.debug("the index at %s was rebuilt by another process; reopening", self.location)
            self.reopen()

    def _open(self) -> Any:
        with self._lock:
            if self._client is None:
                self._client = connect(self.settings)
                self._opened = self._file_identity()
            return self._client

    def _file_identity(self) -> tuple[int, int] | None:
        """(device, inode) of the folder's database file, None if there is none."""
        try:
            stat = (self.folder / DATABASE_FILE).stat()
        except OSError:
            return None
        return stat.st_dev, stat.st_ino


class _Retry(Exception):
    """A read failed on a client that may be stale; the caller reopens and tries again."""


def connection_for(settings: Settings) -> Connection:
    """The process's connection to the index the settings name."""
    location = settings.chroma_url or str(settings.index_folder.resolve())
    key = (location, settings.chroma_url or "")
    with _registry_lock:
        if key not in _connections:
            _connections[key] = Connection(settings)
        return _connections[key]


def close_all() -> None:
    """Close every connection of this process (they reopen on next use), e.g. before exiting."""
    with _registry_lock:
        connections = list(_connections.values())
        _connections.clear()
    for connection in connections:
        connection.close()


def connect(settings: Settings) -> Any:
    """A new Chroma client for the settings' server or folder (probing a folder first)."""
    import chromadb
    import chromadb.config

    client_settings = chromadb.config.Settings(anonymized_telemetry=False, allow_reset=False)
    if settings.chroma_url:
        parsed = urlparse(settings.chroma_url)
        try:
            client = chromadb.HttpClient(
                host=parsed.hostname or "localhost",
                port=parsed.port or (443 if parsed.scheme == "https" else 8000),
                ssl=parsed.scheme == "https",
                settings=client_settings,
            )
            client.heartbeat()
        except Exception:
            raise ConfigError(
                f"Cannot reach the Chroma server at {settings.chroma_url}: start it "
                "(`chroma run --path DIR --port N`) or unset ASSISTANT_CHROMA_URL"
            ) from None
        return client
    index_dir = settings.index_folder
    if index_dir.exists() and not index_dir.is_dir():
        raise ConfigError(f"ASSISTANT_INDEX_DIR {index_dir} is a file; point it at a folder")
    try:
        probe.ensure_openable(index_dir)
    except probe.ProbeFailed as failure:
        raise damaged(settings, "be opened", failure) from None
    try:
        return chromadb.PersistentClient(path=str(index_dir), settings=client_settings)
    except Exception as error:
        _forget_failed_system(str(index_dir))
        raise damaged(settings, "open", error) from error


def _forget_failed_system(path: str) -> None:
    """Drop what Chroma cached of a client that failed to open, so the next open starts clean.

    Chroma caches one "system" per folder for the life of the process, even
    when starting it failed half-way; without this, opening the folder again
    after a rebuild would reuse the broken one.
    """
    from chromadb.api.shared_system_client import SharedSystemClient

    SharedSystemClient._identifier_to_system.pop(path, None)
    SharedSystemClient._identifier_to_refcount.pop(path, None)


def damaged(settings: Settings, action: str, error: Exception) -> IndexDamagedError:
    """The error for an index that cannot be used, naming the command that rebuilds it."""
    where = settings.chroma_url or str(settings.index_folder)
    detail = (str(error).splitlines() or [type(error).__name__])[0][:160]
    return IndexDamagedError(
        f"The index at {where} could not {action} ({detail}); if it is damaged, rebuild it "
        f"with `assistant rebuild --index-dir {where} PATH...` naming your article files"
    )


def _is_not_found(error: Exception) -> bool:
    from chromadb.errors import NotFoundError

    return isinstance(error, NotFoundError) or "does not exist" in str(error)
