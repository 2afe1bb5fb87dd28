"""Opening the assistant's database: where it is, the engine, the schema brought up to date.

A database that cannot be opened or used (a corrupt file, a locked one, a
server that is down) raises DatabaseError with what to do; the assistant's
answering does not depend on it, so callers may carry on without saving.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator
from pathlib import Path

import sqlalchemy as sa

from assistant.config import OWN_DATABASE_FILE, Settings
from assistant.database import migrations
from assistant.errors import DatabaseError

# Seconds SQLite waits for another writer before saying the database is locked.
BUSY_SECONDS = 5.0
# Seconds a PostgreSQL server may take to answer before it is reported unreachable.
CONNECT_SECONDS = 10


def default_url(settings: Settings) -> str:
    """Where the database is when ASSISTANT_DB_URL does not say: beside the index."""
    if settings.db_url:
        return settings.db_url
    if settings.chroma_url:
        return f"sqlite:///{Path(f'assistant-{settings.collection}.sqlite3').resolve()}"
    return f"sqlite:///{(settings.index_folder / OWN_DATABASE_FILE).resolve()}"


def database_exists(settings: Settings) -> bool:
    """Whether there may be a database to read: False only for an SQLite file not made yet
    (so reading never creates one)."""
    url = sa.make_url(default_url(settings))
    if url.get_backend_name() != "sqlite" or not url.database:
        return True
    return Path(url.database).is_file()


def remove_default_file(settings: Settings) -> None:
    """Delete a collection's own SQLite database where `default_url` puts it (after the
    collection itself was deleted); a database named by ASSISTANT_DB_URL is left alone."""
    if settings.db_url:
        return
    path = Path(sa.make_url(default_url(settings)).database or "")
    for end in ("", "-wal", "-shm"):
        path.with_name(path.name + end).unlink(missing_ok=True)


class Database:
    """An open database with an up-to-date schema."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.location = sa.make_url(url).render_as_string(hide_password=True)
        self._engine: sa.Engine | None = None
        self._lock = threading.Lock()

    @classmethod
    def for_settings(cls, settings: Settings) -> Database:
        """The database the settings name (opened on first use)."""
        return cls(default_url(settings))

    @property
    def engine(self) -> sa.Engine:
        """The engine, created and migrated on first use."""
        with self._lock:
            if self._engine is None:
                self._engine = self._open()
            return self._engine

    def check(self) -> None:
        """Open it now (creating or updating its schema); DatabaseError if it cannot be used."""
        self.engine  # noqa: B018  # opening is the check

    @contextlib.contextmanager
    def transaction(self) -> Iterator[sa.Connection]:
        """A connection in a transaction (committed at the end, rolled back on error)."""
        try:
            with self.engine.begin() as connection:
                yield connection
        except sa.exc.SQLAlchemyError as error:
            raise self._failed("could not be used", error) from error

    def close(self) -> None:
        """Release the engine's connections."""
        with self._lock:
            if self._engine is not None:
                self._engine.dispose()
                self._engine = None

    def _open(self) -> sa.Engine:
        url = sa.make_url(self.url)
        options: dict[str, object] = {}
        if url.get_backend_name() == "sqlite":
            if url.database:
                Path(url.database).parent.mkdir(parents=True, exist_ok=True)
            options["connect_args"] = {"timeout": BUSY_SECONDS, "check_same_thread": False}
        elif url.get_backend_name() == "postgresql":
            options["connect_args"] = {"connect_timeout": CONNECT_SECONDS}
        try:
            engine = sa.create_engine(url, **options)
            if url.get_backend_name() == "sqlite":
                sa.event.listen(engine, "connect", _sqlite_pragmas)
            migrations.migrate(engine, self.location)
        except DatabaseError:
            raise
        except (sa.exc.SQLAlchemyError, OSError, ImportError) as error:
            raise self._failed("could not be opened", error) from error
        return engine

    def _failed(self, what: str, error: Exception) -> DatabaseError:
        detail = (str(error).splitlines() or [type(error).__name__])[0][:160]
        if isinstance(error, ImportError):
            advice = 'install its driver (for PostgreSQL: pip install "assistant[postgres]")'
        elif sa.make_url(self.url).get_backend_name() == "sqlite":
            advice = "if it is damaged, move the file away (a new one is made)"
        else:
            advice = "check that its server is running and reachable and the database exists"
        return DatabaseError(
            f"The assistant's database at {self.location} {what} ({detail}): {advice}, "
            "or set ASSISTANT_DB_URL to another database"
        )


def _sqlite_pragmas(connection: object, _record: object) -> None:
    """Write-ahead logging (readers never block the writer) and enforced foreign keys."""
    cursor = connection.cursor()  # type: ignore[attr-defined]
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()
