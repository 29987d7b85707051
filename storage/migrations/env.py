"""Alembic's environment: always run by storage.migrate on a connection it opened (never from alembic.ini)."""
from __future__ import annotations

from alembic import context

from storage.schema import Base

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=Base.metadata,
                  render_as_batch=connection.dialect.name == "sqlite")   # SQLite alters by copying the table
with context.begin_transaction():
    context.run_migrations()
