"""Settings a collection keeps: how its questions are answered and its articles embedded.

A collection of papers may want another model, more passages or a stricter
refusal than the news beside it. What a collection keeps is stored as text
(as the environment gives it) in its database, and applied whenever an
Assistant opens the collection: above the environment, below what the caller
passes explicitly (a `--model` flag, a keyword argument).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import sqlalchemy as sa

from assistant.database import migrations
from assistant.database.engine import Database
from assistant.database.schema import METADATA

collection_settings = sa.Table(
    "collection_settings",
    METADATA,
    sa.Column("collection", sa.String(200), primary_key=True),
    sa.Column("name", sa.String(100), primary_key=True),
    sa.Column("value", sa.Text, nullable=False),
)

migrations.register(migrations.creating("collection-settings-1", "collection_settings"))


class CollectionSettings:
    """The settings one collection keeps, by name, as text."""

    def __init__(self, database: Database, collection: str) -> None:
        self.database = database
        self.collection = collection

    def read(self) -> dict[str, str]:
        """What the collection keeps (nothing: an empty dict)."""
        with self.database.transaction() as connection:
            rows = connection.execute(
                sa.select(collection_settings.c.name, collection_settings.c.value).where(
                    collection_settings.c.collection == self.collection
                )
            )
            return {name: value for name, value in rows}

    def write(self, values: Mapping[str, str]) -> None:
        """Keep `values` (replacing what was kept under the same names), all or none."""
        with self.database.transaction() as connection:
            self._delete(connection, values)
            for name, value in values.items():
                connection.execute(
                    sa.insert(collection_settings).values(
                        collection=self.collection, name=name, value=value
                    )
                )

    def unset(self, names: Iterable[str]) -> None:
        """Stop keeping the named settings (the environment's or the defaults apply again)."""
        with self.database.transaction() as connection:
            self._delete(connection, list(names))

    def forget(self) -> None:
        """Forget every setting of the collection (the collection itself is going)."""
        with self.database.transaction() as connection:
            connection.execute(
                sa.delete(collection_settings).where(
                    collection_settings.c.collection == self.collection
                )
            )

    def _delete(self, connection: sa.Connection, names: Iterable[str]) -> None:
        connection.execute(
            sa.delete(collection_settings).where(
                collection_settings.c.collection == self.collection,
                collection_settings.c.name.in_(list(names)),
            )
        )
