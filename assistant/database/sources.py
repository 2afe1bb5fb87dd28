"""Registered sources: the feeds, web pages, folders and files that `sync` reads again.

They live in the assistant's database, beside the index (or in the server
database with a Chroma server), so every process using one index shares
them. Each source keeps the validators of its last fetch (ETag,
Last-Modified) for conditional requests and how its last sync went; each
feed keeps, per entry, the entry's fingerprint, the validators of its page
and the article it became, so a sync fetches only new or changed entries.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import sqlalchemy as sa

from assistant.database import migrations
from assistant.database.engine import Database
from assistant.database.schema import METADATA
from assistant.records import SourceRecord

# Addresses and paths can be long; the limit is a sanity bound, not a design choice.
LOCATION_CHARS = 4000

sources = sa.Table(
    "sources",
    METADATA,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("kind", sa.String(10), nullable=False),
    sa.Column("location", sa.String(LOCATION_CHARS), nullable=False, unique=True),
    sa.Column("title", sa.Text, nullable=False, default=""),
    sa.Column("added_at", sa.Float, nullable=False),
    sa.Column("last_sync", sa.Float, nullable=False, default=0.0),
    sa.Column("last_status", sa.Text, nullable=False, default=""),
    sa.Column("articles", sa.Integer, nullable=False, default=0),
    sa.Column("etag", sa.Text, nullable=False, default=""),
    sa.Column("last_modified", sa.Text, nullable=False, default=""),
)

feed_entries = sa.Table(
    "feed_entries",
    METADATA,
    sa.Column(
        "source_id",
        sa.Integer,
        sa.ForeignKey("sources.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    sa.Column("link", sa.String(LOCATION_CHARS), primary_key=True),
    sa.Column("fingerprint", sa.String(64), nullable=False),
    sa.Column("etag", sa.Text, nullable=False, default=""),
    sa.Column("last_modified", sa.Text, nullable=False, default=""),
    sa.Column("article", sa.Text, nullable=False, default=""),
    sa.Column("seen_at", sa.Float, nullable=False),
)

migrations.register(migrations.creating("sources-1", "sources", "feed_entries"))


@dataclass(frozen=True)
class Validators:
    """What the last fetch of an address returned, to ask conditionally next time."""

    etag: str = ""
    last_modified: str = ""


@dataclass(frozen=True)
class EntryState:
    """What a feed entry was at the last sync."""

    fingerprint: str
    validators: Validators
    article: str


class SourceRegistry:
    """The registered sources of one index, in its database."""

    def __init__(self, database: Database) -> None:
        self.database = database

    def all(self) -> list[SourceRecord]:
        """Every registered source, feeds first, then in the order they were added."""
        with self.database.transaction() as connection:
            rows = connection.execute(sa.select(sources).order_by(sources.c.id)).all()
        records = [_record(row) for row in rows]
        return sorted(records, key=lambda r: r.kind != "feed")

    def get(self, location: str) -> SourceRecord | None:
        """The source registered at `location`, if any."""
        with self.database.transaction() as connection:
            row = connection.execute(
                sa.select(sources).where(sources.c.location == location)
            ).first()
        return _record(row) if row is not None else None

    def add(self, kind: str, location: str, title: str = "") -> SourceRecord:
        """Register a source (a source already registered is kept as it is)."""
        with self.database.transaction() as connection:
            row = connection.execute(
                sa.select(sources).where(sources.c.location == location)
            ).first()
            if row is None:
                connection.execute(
                    sa.insert(sources).values(
                        kind=kind,
                        location=location,
                        title=title,
                        added_at=time.time(),
                        last_sync=0.0,
                        last_status="",
                        articles=0,
                        etag="",
                        last_modified="",
                    )
                )
                row = connection.execute(
                    sa.select(sources).where(sources.c.location == location)
                ).one()
        return _record(row)

    def remove(self, location: str) -> bool:
        """Forget a source (and its feed entries); False when it was not registered."""
        with self.database.transaction() as connection:
            found = connection.execute(
                sa.select(sources.c.id).where(sources.c.location == location)
            ).scalar()
            if found is None:
                return False
            connection.execute(sa.delete(feed_entries).where(feed_entries.c.source_id == found))
            connection.execute(sa.delete(sources).where(sources.c.id == found))
        return True

    def forget_page_of(self, article: str) -> list[str]:
        """Forget the registered web pages that gave `article` (it was removed by hand, so a
        sync must not bring it back); returns their addresses."""
        with self.database.transaction() as connection:
            found = connection.execute(
                sa.select(sources.c.id, sources.c.location)
                .join(feed_entries, feed_entries.c.source_id == sources.c.id)
                .where((sources.c.kind == "url") & (feed_entries.c.article == article))
            ).all()
            for row in found:
                connection.execute(
                    sa.delete(feed_entries).where(feed_entries.c.source_id == row.id)
                )
                connection.execute(sa.delete(sources).where(sources.c.id == row.id))
        return [str(row.location) for row in found]

    def validators(self, location: str) -> Validators:
        """The validators of the source's last fetch."""
        with self.database.transaction() as connection:
            row = connection.execute(
                sa.select(sources.c.etag, sources.c.last_modified).where(
                    sources.c.location == location
                )
            ).first()
        return Validators(row.etag, row.last_modified) if row is not None else Validators()

    def fetched(self, location: str, validators: Validators, title: str = "") -> None:
        """Keep the validators of a fresh fetch of the source (and its title, when given)."""
        values: dict[str, str] = {
            "etag": validators.etag,
            "last_modified": validators.last_modified,
        }
        if title:
            values["title"] = title
        with self.database.transaction() as connection:
            connection.execute(
                sa.update(sources).where(sources.c.location == location).values(**values)
            )

    def move(self, location: str, new_location: str) -> bool:
        """A source now lives at another address (a permanent redirect); False when another
        source is registered there already (this one is then left as it is)."""
        with self.database.transaction() as connection:
            taken = connection.execute(
                sa.select(sources.c.id).where(sources.c.location == new_location)
            ).scalar()
            if taken is not None:
                return False
            connection.execute(
                sa.update(sources)
                .where(sources.c.location == location)
                .values(location=new_location)
            )
        return True

    def synced(self, location: str, status: str, articles: int) -> None:
        """Record how the source's sync went, now."""
        with self.database.transaction() as connection:
            connection.execute(
                sa.update(sources)
                .where(sources.c.location == location)
                .values(last_sync=time.time(), last_status=status, articles=articles)
            )

    def counted(self, location: str, articles: int) -> None:
        """Set how many articles of the index came from the source (its sync left as it was)."""
        with self.database.transaction() as connection:
            connection.execute(
                sa.update(sources).where(sources.c.location == location).values(articles=articles)
            )

    def entries(self, feed: str) -> dict[str, EntryState]:
        """The entries a feed had at its last sync, by link."""
        with self.database.transaction() as connection:
            rows = connection.execute(
                sa.select(feed_entries)
                .join(sources, sources.c.id == feed_entries.c.source_id)
                .where(sources.c.location == feed)
            ).all()
        return {
            row.link: EntryState(
                row.fingerprint, Validators(row.etag, row.last_modified), row.article
            )
            for row in rows
        }

    def entry_read(
        self, feed: str, link: str, fingerprint: str, validators: Validators, article: str
    ) -> None:
        """Keep what a feed entry was when its page was read (or found unchanged)."""
        with self.database.transaction() as connection:
            source_id = connection.execute(
                sa.select(sources.c.id).where(sources.c.location == feed)
            ).scalar()
            if source_id is None:
                return
            key = (feed_entries.c.source_id == source_id) & (feed_entries.c.link == link)
            connection.execute(sa.delete(feed_entries).where(key))
            connection.execute(
                sa.insert(feed_entries).values(
                    source_id=source_id,
                    link=link,
                    fingerprint=fingerprint,
                    etag=validators.etag,
                    last_modified=validators.last_modified,
                    article=article,
                    seen_at=time.time(),
                )
            )


def _record(row: sa.Row[tuple[object, ...]]) -> SourceRecord:
    return SourceRecord(
        kind=str(row.kind),
        location=str(row.location),
        title=str(row.title or ""),
        added_at=float(row.added_at or 0.0),
        last_sync=float(row.last_sync or 0.0),
        last_status=str(row.last_status or ""),
        articles=int(row.articles or 0),
    )
