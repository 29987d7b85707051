"""Bringing a database's tables to this version of Endorse, with Alembic.

:func:`bring_up_to_date` runs whenever a database is opened:

- a new, empty database gets every table from the models (``create_all``) and is stamped as current;
- a database Alembic has seen is upgraded to the newest revision (nothing to do, usually: that case costs one
  query, the script folder is read only when a revision is due);
- a database made by Endorse 0.1, before migrations, is stamped with the baseline ``0001`` and upgraded.

It all happens in one transaction, so a kill half-way leaves the database as it was: PostgreSQL's DDL is
transactional; SQLite's is too, but Python's sqlite3 driver runs DDL outside any transaction unless told
otherwise, so SQLite gets a connection of its own with SQLAlchemy's documented recipe (the driver's own
transaction handling off, ``BEGIN IMMEDIATE`` emitted by us).  Workers starting at once take turns: on
PostgreSQL under an advisory lock, on SQLite under the write lock that ``BEGIN IMMEDIATE`` takes.  A new revision: ``storage/migrations/versions/NNNN_what.py`` with
``down_revision`` the previous one, and ``HEAD`` below set to it (tests/test_migrations.py checks both,
and that the migrated tables equal the models).
"""
from __future__ import annotations

from contextlib import contextmanager
from typing import Iterator

from alembic import command
from alembic.config import Config
from alembic.migration import MigrationContext
from sqlalchemy import Connection, Engine, create_engine, event, inspect, text
from sqlalchemy.pool import NullPool

from .schema import Base

HEAD = "0005"
BASELINE = "0001"
_LOCK = 726_351_902       # pg_advisory_lock key: any constant that only Endorse uses


def alembic_config(connection: Connection) -> Config:
    config = Config()
    config.set_main_option("script_location", "storage:migrations")
    config.attributes["connection"] = connection
    return config


def current_revision(connection: Connection) -> str | None:
    return MigrationContext.configure(connection).get_current_revision()


@contextmanager
def _one_transaction(engine: Engine) -> Iterator[Connection]:
    """A connection in a transaction that DDL is part of (see the module's text)."""
    database = engine.url.database or ""
    if engine.dialect.name != "sqlite" or database in ("", ":memory:"):
        with engine.begin() as connection:
            yield connection
        return
    own = create_engine(engine.url, poolclass=NullPool, connect_args={"timeout": 30})

    @event.listens_for(own, "connect")
    def _driver_transactions_off(dbapi_connection, _record):  # pragma: no cover - trivial
        dbapi_connection.isolation_level = None

    @event.listens_for(own, "begin")
    def _begin_immediate(connection):  # pragma: no cover - trivial
        connection.exec_driver_sql("BEGIN IMMEDIATE")

    try:
        with own.begin() as connection:
            yield connection
    finally:
        own.dispose()


def bring_up_to_date(engine: Engine) -> str:
    """Create or upgrade the tables; returns what was done: "created", "upgraded", "adopted" or "current"."""
    with _one_transaction(engine) as connection:
        if connection.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _LOCK})
        revision = current_revision(connection)
        if revision == HEAD:
            return "current"
        config = alembic_config(connection)
        if revision is None and not inspect(connection).has_table("messages"):
            Base.metadata.create_all(connection)
            command.stamp(config, HEAD)
            return "created"
        if revision is None:
            command.stamp(config, BASELINE)      # tables made by create_all before migrations existed
            command.upgrade(config, "head")
            return "adopted"
        command.upgrade(config, "head")
        return "upgraded"
