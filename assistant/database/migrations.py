"""The named steps that build and change the database, in the order they apply.

A step is applied once: its name is recorded in `schema_steps`, so opening a
database runs exactly the steps it has not had yet, each in its own
transaction. Steps are only ever appended (a released step is never edited:
write a new one that changes what it made), and a database that knows steps
this code does not (written by a newer version) is refused rather than
guessed at.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

import sqlalchemy as sa

from assistant.database.schema import applied_steps
from assistant.errors import DatabaseError


@dataclass(frozen=True)
class Step:
    """One change to the schema."""

    name: str
    apply: Callable[[sa.Connection], None]


def _create(*tables: str) -> Callable[[sa.Connection], None]:
    """A step that creates the named tables of METADATA as they are declared now."""

    def create(connection: sa.Connection) -> None:
        from assistant.database.schema import METADATA

        METADATA.create_all(connection, tables=[METADATA.tables[name] for name in tables])

    return create


# Append new steps at the end; never edit or reorder a released one.
STEPS: list[Step] = []


def register(step: Step) -> None:
    """Add a feature's step (called where its tables are declared, at import)."""
    if any(existing.name == step.name for existing in STEPS):
        return
    STEPS.append(step)


def creating(name: str, *tables: str) -> Step:
    """A step named `name` that creates `tables`."""
    return Step(name, _create(*tables))


def migrate(engine: sa.Engine, location: str) -> list[str]:
    """Apply every step the database has not had; returns the names applied now."""
    applied_steps.create(engine, checkfirst=True)
    with engine.connect() as connection:
        done = {row[0] for row in connection.execute(sa.select(applied_steps.c.name))}
    known = {step.name for step in STEPS}
    unknown = sorted(done - known)
    if unknown:
        raise DatabaseError(
            f"The database at {location} was changed by a newer version of the assistant "
            f"(steps {', '.join(unknown)}): upgrade the assistant, or use another ASSISTANT_DB_URL"
        )
    now: list[str] = []
    for step in STEPS:
        if step.name in done:
            continue
        with engine.begin() as connection:
            step.apply(connection)
            connection.execute(
                sa.insert(applied_steps).values(name=step.name, applied_at=time.time())
            )
        now.append(step.name)
    return now
