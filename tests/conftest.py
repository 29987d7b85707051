"""Fixtures that start real servers on loopback (the logic lives in tests/support).

A server that is missing fails the run under CI=true and skips its tests, with the reason, everywhere else.
Session-scoped servers are per pytest-xdist worker; tests stay isolated by fresh IMAP users, a cleared SMTP sink
and a schema of their own.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support import unavailable
from tests.support.dovecot import Dovecot, ImapAccount, find_dovecot
from tests.support.postgres import PgSchema, base_url, unreachable_reason
from tests.support.smtp import SmtpSink

SERVER_FIXTURES = frozenset({"dovecot", "imap_account", "smtp_sink", "smtp", "pg_url", "db_url"})


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark tests that use a server, so `-m "not servers"` runs the pure ones alone."""
    for item in items:
        if SERVER_FIXTURES.intersection(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.servers)


@pytest.fixture(scope="session")
def dovecot() -> Iterator[Dovecot]:
    if find_dovecot() is None:
        unavailable("dovecot is not installed: scripts/test installs it (apt-get install dovecot-imapd)")
    with Dovecot() as server:
        yield server


@pytest.fixture
def imap_account(dovecot: Dovecot) -> ImapAccount:
    """A user of its own with an empty INBOX."""
    return dovecot.new_account()


@pytest.fixture(scope="session")
def smtp_sink() -> Iterator[SmtpSink]:
    with SmtpSink() as sink:
        yield sink


@pytest.fixture
def smtp(smtp_sink: SmtpSink) -> SmtpSink:
    """The session's sink, emptied of earlier tests' messages and refusals."""
    smtp_sink.clear()
    return smtp_sink


@pytest.fixture(scope="session")
def _pg_base() -> str:
    """The PostgreSQL base URL, checked once per session."""
    url = base_url()
    reason = unreachable_reason(url)
    if reason is not None:
        unavailable(reason)
    return url


@pytest.fixture
def pg_url(_pg_base: str) -> Iterator[str]:
    """A SQLAlchemy URL whose search_path is a fresh schema, dropped after the test."""
    with PgSchema(_pg_base) as url:
        yield url


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """The same test on both databases Endorse supports."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'endorse.db'}"
    return request.getfixturevalue("pg_url")


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """../shared beside the clone (real corpus and docs); a newcomer's clone has none."""
    path = Path(__file__).resolve().parents[1].parent / "shared"
    if not path.is_dir():
        pytest.skip("../shared is absent (a newcomer's clone): corpus tests skipped")
    return path


@pytest.fixture
def desk(tmp_path, db_url, smtp):
    """The statement's desk (tests/support/desk.py) on this test's database and the session's SMTP server."""
    from tests.support.desk import Desk
    d = Desk(tmp_path, db_url, smtp)
    yield d
    d.close()
