"""Alembic environment: always run from code (`trackmon.schema`) with a live connection.

There is no alembic.ini: `trackmon.schema.alembic_config()` builds the configuration and
puts the connection in `config.attributes["connection"]`. SQLite runs in batch mode so
that later revisions can alter columns.
"""

from __future__ import annotations

from alembic import context
from sqlmodel import SQLModel

import trackmon.models  # noqa: F401  (registers the tables on SQLModel.metadata)
from trackmon.schema import render_item

config = context.config
connection = config.attributes.get("connection")
if connection is None:
    raise RuntimeError("trackmon migrations run through trackmon.schema (trackmon db upgrade), "
                       "not the alembic command line")

context.configure(
    connection=connection,
    target_metadata=SQLModel.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
    render_item=render_item,
)
with context.begin_transaction():
    context.run_migrations()
