"""A fresh PostgreSQL schema per test, reachable through a URL alone.

The returned URL carries ``options=-csearch_path=<schema>``, so any process given only the URL (the worker, the
CLI in a subprocess) creates and reads its tables in the test's schema, and tests may run in parallel.
"""

from __future__ import annotations

import os
import uuid

import sqlalchemy as sa
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

DEFAULT_BASE_URL = "postgresql+psycopg://@127.0.0.1:5432/test"
BASE_URL_ENV = "ENDORSE_TEST_PG_URL"


def base_url() -> str:
    """The server and database the schemas go in: ENDORSE_TEST_PG_URL, else the local ``test`` database."""
    return os.environ.get(BASE_URL_ENV) or DEFAULT_BASE_URL


def _engine(url: str) -> sa.Engine:
    # NullPool: nothing stays connected after a test, so DROP SCHEMA never waits for our own idle connections.
    return sa.create_engine(url, poolclass=NullPool, connect_args={"connect_timeout": 3})


def unreachable_reason(url: str) -> str | None:
    """None if a connection to ``url`` works; else why not, with the URL (password hidden) to act on."""
    engine = _engine(url)
    try:
        with engine.connect() as connection:
            connection.execute(sa.text("SELECT 1"))
    except Exception as error:  # any failure means the same to the caller: no PostgreSQL for these tests
        where = make_url(url).render_as_string(hide_password=True)
        first_line = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        return f"PostgreSQL is unreachable at {where} (set {BASE_URL_ENV} to use another): {first_line}"
    finally:
        engine.dispose()
    return None


def with_search_path(url: str, schema: str) -> str:
    """``url`` with ``schema`` as its whole search_path, kept alongside any libpq ``options`` already there."""
    parsed = make_url(url)
    options = parsed.query.get("options", ())
    options = [options] if isinstance(options, str) else list(options)
    merged = " ".join([*options, f"-csearch_path={schema}"])
    return parsed.update_query_dict({"options": merged}).render_as_string(hide_password=False)


class PgSchema:
    """``start()`` creates ``t_<hex>`` and returns its URL; ``stop()`` drops it with everything in it."""

    def __init__(self, base: str | None = None) -> None:
        self.base = base or base_url()
        self.name = f"t_{uuid.uuid4().hex}"
        self.url: str | None = None

    def __enter__(self) -> str:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    def start(self) -> str:
        self._execute(f'CREATE SCHEMA "{self.name}"')
        self.url = with_search_path(self.base, self.name)
        return self.url

    def stop(self) -> None:
        if self.url is None:
            return
        self.url = None
        # A subprocess that still holds a lock must not hang the teardown forever.
        self._execute("SET lock_timeout = '10s'", f'DROP SCHEMA IF EXISTS "{self.name}" CASCADE')

    def _execute(self, *statements: str) -> None:
        engine = _engine(self.base)
        try:
            with engine.begin() as connection:
                for statement in statements:
                    connection.execute(sa.text(statement))
        finally:
            engine.dispose()
