"""The assistant's own database: where it lives, its schema steps, what happens when it fails."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from assistant.config import Settings
from assistant.database import Database, migrations
from assistant.database.schema import METADATA, applied_steps
from assistant.errors import DatabaseError

notes = sa.Table(
    "test_notes",
    METADATA,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("text", sa.String, nullable=False),
)


@pytest.fixture
def notes_step() -> Iterator[None]:
    """The test table's step, registered only while a test needs it: a step left registered
    would be applied to every database the test run opens, and a command run as a separate
    process (which does not know it) would then refuse those databases as newer."""
    step = migrations.creating("test-notes-1", "test_notes")
    migrations.register(step)
    yield
    migrations.STEPS.remove(step)


@pytest.mark.usefixtures("notes_step")
def test_it_lives_in_the_index_folder_and_applies_each_step_once(tmp_path: Path) -> None:
    settings = Settings(index_dir=tmp_path / "index")
    database = Database.for_settings(settings)
    with database.transaction() as connection:
        connection.execute(sa.insert(notes).values(text="kept"))
    assert (tmp_path / "index" / "assistant.sqlite3").is_file()
    database.close()
    again = Database.for_settings(settings)
    with again.transaction() as connection:
        assert connection.execute(sa.select(notes.c.text)).scalars().all() == ["kept"]
        steps = connection.execute(sa.select(applied_steps.c.name)).scalars().all()
    assert steps.count("test-notes-1") == 1


def test_a_database_from_a_newer_version_is_refused(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'db.sqlite3'}"
    Database(url).engine.dispose()
    with sa.create_engine(url).begin() as connection:
        connection.execute(sa.insert(applied_steps).values(name="from-the-future", applied_at=0))
    with pytest.raises(DatabaseError, match="newer version of the assistant"):
        Database(url).check()


def test_a_corrupt_file_is_one_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    path.write_bytes(b"this is not a database, it is a shopping list" * 100)
    with pytest.raises(DatabaseError, match=r"could not be opened .*move the file away"):
        Database(f"sqlite:///{path}").check()


def test_a_server_index_names_its_database(tmp_path: Path) -> None:
    settings = Settings(chroma_url="http://localhost:8000", db_url=f"sqlite:///{tmp_path}/x.db")
    assert Database.for_settings(settings).url.endswith("/x.db")
    default = Database.for_settings(Settings(chroma_url="http://localhost:8000", collection="news"))
    assert default.url.endswith("assistant-news.sqlite3")
