"""The one SQLAlchemy MetaData every table of the assistant's database is declared on.

Only the bookkeeping table lives here; each feature declares its own tables
in its own module, on this MetaData, and adds the step that creates them to
migrations.py.
"""

from __future__ import annotations

import sqlalchemy as sa

METADATA = sa.MetaData()

# Which migration steps this database has had, and when: its schema version.
applied_steps = sa.Table(
    "schema_steps",
    METADATA,
    sa.Column("name", sa.String(100), primary_key=True),
    sa.Column("applied_at", sa.Float, nullable=False),
)
