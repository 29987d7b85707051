"""Engine, schema creation and ``session_scope()``: the only place that opens connections."""
from __future__ import annotations

from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterator

from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker



def utcnow() -> datetime:
    """Naive UTC now, the form every timestamp in the database takes."""
    return datetime.now(timezone.utc).replace(tzinfo=None)


def add_unless_taken(session: Session, row) -> bool:
    """Insert *row* in a savepoint; False when a unique key says another worker (or an earlier run) has it."""
    try:
        with session.begin_nested():
            session.add(row)
    except IntegrityError:
        return False
    return True


def lock_key(name: str) -> int:
    """A stable 63-bit advisory-lock key for *name* (a mailbox, a cap)."""
    import hashlib
    return int.from_bytes(hashlib.sha256(f"endorse:{name}".encode()).digest()[:8], "big") >> 1


def serialize(session: Session, name: str) -> None:
    """Until this transaction ends, one worker at a time does what *name* names (a PostgreSQL transaction
    advisory lock; SQLite serializes writers itself and runs one worker)."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": lock_key(name)})


def make_engine(url: str) -> Engine:
    """An engine for *url*; SQLite gets WAL, a busy timeout and foreign keys."""
    if url.startswith("sqlite:///"):
        path = url[len("sqlite:///"):]
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": 30})

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_conn, _record):  # pragma: no cover - trivial
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA busy_timeout=30000")
            cur.close()

        return engine
    return create_engine(url, pool_pre_ping=True)


class Database:
    """One engine and its session factory."""

    def __init__(self, url: str):
        self.url = url
        self.engine = make_engine(url)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    def create_schema(self) -> str:
        """Create the tables, or bring older ones up to this version (storage.migrate)."""
        from .migrate import bring_up_to_date
        return bring_up_to_date(self.engine)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One transaction: committed when the block ends, rolled back if it raises."""
        session = self._sessions()
        try:
            with session.begin():
                yield session
        finally:
            session.close()

    @contextmanager
    def only_one(self, name: str) -> Iterator[bool]:
        """True for the one worker that may do *name* now (a session-level PostgreSQL advisory lock held for the
        block, on its own connection); the others get False and skip it. SQLite: always True."""
        if self.engine.dialect.name != "postgresql":
            yield True
            return
        with self.engine.connect() as conn:
            key = lock_key(name)
            got = bool(conn.execute(text("SELECT pg_try_advisory_lock(:key)"), {"key": key}).scalar())
            conn.commit()
            try:
                yield got
            finally:
                if got:
                    conn.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": key})
                    conn.commit()

    def dispose(self) -> None:
        self.engine.dispose()


def open_database(url: str) -> Database:
    db = Database(url)
    db.create_schema()
    return db
