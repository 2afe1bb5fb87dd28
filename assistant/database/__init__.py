"""The assistant's own database: what is not article text (conversations, feeds, feedback).

SQLite by default, in the index folder (`<index>/assistant.sqlite3`, kept by
`rebuild`), so it travels with the index; with a Chroma server, the database
the operator names in ASSISTANT_DB_URL (any SQLAlchemy URL: PostgreSQL for
several machines, or SQLite, by default `./assistant-<collection>.sqlite3`).
The articles themselves live in Chroma (store/); nothing here duplicates them.

    database = Database.for_settings(settings)
    with database.transaction() as connection:
        connection.execute(...)

Tables are declared on `schema.METADATA` by the modules that own them, and
created or changed only by the named steps in `migrations.py`, which records
the steps it has applied, so an old database is brought up to date on open.
"""

# Every table module is imported here, so that its step is registered before any database
# is opened.
from assistant.database.collection_settings import CollectionSettings
from assistant.database.conversations import ConversationStore
from assistant.database.engine import Database, database_exists, remove_default_file
from assistant.database.sources import EntryState, SourceRegistry, Validators

__all__ = [
    "CollectionSettings",
    "ConversationStore",
    "Database",
    "EntryState",
    "SourceRegistry",
    "Validators",
    "database_exists",
    "remove_default_file",
]
