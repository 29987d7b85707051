"""Upgrading keeps the data: an older database is brought to this version's tables (SQLite and PostgreSQL)."""
from __future__ import annotations

from datetime import datetime

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, inspect, text

from storage.db import Database
from storage.identity import message_identity
from storage.migrate import BASELINE, HEAD, alembic_config, current_revision
from storage.schema import Base, Endorsement, InboundMessage, OutboxMessage

T = datetime(2025, 6, 2, 9, 0)


def at_baseline(url: str, *, forget_revision: bool = False) -> None:
    """The tables as Endorse 0.1 made them, with one message, endorsement and outbox row in them."""
    engine = create_engine(url)
    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), BASELINE)
        conn.execute(text(
            "INSERT INTO messages (id, source_key, identity, message_id, content_sha256, raw, size, received_at, "
            "source_marked, state, kind, reasons, attempts, last_error, subject, sender) VALUES (1, 'k', 'i', "
            "'<m@x>', 'h', :raw, 3, :t, :yes, 'handled', 'endorsement', '', 0, '', 'Endorsement', 'a@x.org')"),
            {"raw": b"raw", "t": T, "yes": True})
        conn.execute(text(
            "INSERT INTO endorsements (id, message_id, organization, contact_email, state, review_reasons, "
            "created_at, updated_at, approved_by) VALUES (1, 1, 'Parti Sosialis Malaysia', 'a@x.org', "
            "'confirmation_requested', '', :t, :t, '')"), {"t": T})
        conn.execute(text(
            "INSERT INTO outbox (id, message_id, purpose, recipient, envelope_from, raw, caused_by, state, "
            "attempts, next_attempt_at, last_error, created_at) VALUES (1, '<r@x>', 'confirmation_request', "
            "'a@x.org', 'b@x.org', :raw, 1, 'sending', 1, :t, '', :t)"), {"raw": b"reply", "t": T})
        if forget_revision:
            conn.execute(text("DROP TABLE alembic_version"))
    engine.dispose()


def test_a_database_at_an_older_revision_is_upgraded_and_keeps_its_rows(db_url):
    at_baseline(db_url)
    db = Database(db_url)
    try:
        assert db.create_schema() == "upgraded"
        with db.session() as s:
            endorsement = s.get(Endorsement, 1)
            reply = s.get(OutboxMessage, 1)
            assert (endorsement.organization, endorsement.state, endorsement.language) == (
                "Parti Sosialis Malaysia", "confirmation_requested", "")
            assert (reply.raw, reply.state, reply.handed_at) == (b"reply", "sending", None)
            message = s.get(InboundMessage, 1)                  # 0004: the identity of the content, not the bytes
            assert (message.identity, message.content_sha256) == message_identity("<m@x>", b"raw")
        assert db.create_schema() == "current"
    finally:
        db.dispose()


def test_a_database_made_before_migrations_existed_is_adopted_then_upgraded(db_url):
    at_baseline(db_url, forget_revision=True)
    db = Database(db_url)
    try:
        assert db.create_schema() == "adopted"
        with db.engine.connect() as conn:
            assert current_revision(conn) == HEAD
            assert "handed_at" in {c["name"] for c in inspect(conn).get_columns("outbox")}
        with db.session() as s:
            assert s.get(Endorsement, 1).organization == "Parti Sosialis Malaysia"
    finally:
        db.dispose()


def test_a_new_database_is_created_from_the_models_and_stamped_current(db_url):
    db = Database(db_url)
    try:
        assert db.create_schema() == "created"
        with db.engine.connect() as conn:
            assert current_revision(conn) == HEAD
        assert db.create_schema() == "current"
    finally:
        db.dispose()


def test_the_migrations_end_where_the_models_are(db_url):
    """A model changed without a migration fails here: the migrated tables must equal create_all's."""
    engine = create_engine(db_url)
    try:
        with engine.begin() as conn:
            config = alembic_config(conn)
            assert ScriptDirectory.from_config(config).get_current_head() == HEAD
            command.upgrade(config, "head")
            differences = compare_metadata(MigrationContext.configure(conn), Base.metadata)
        assert differences == []
    finally:
        engine.dispose()


def test_a_creation_cut_short_leaves_nothing_half_made(db_url, monkeypatch):
    """Found by the kill -9 test: a worker killed while creating the tables left some of them, unstamped, and
    the next start took them for an old database. Creation and stamp are one transaction now."""
    from storage import migrate

    def killed(*_args, **_kwargs):
        raise RuntimeError("killed between creating the tables and stamping them")

    monkeypatch.setattr(migrate.command, "stamp", killed)
    first = Database(db_url)
    try:
        with pytest.raises(RuntimeError, match="killed"):
            first.create_schema()
        with first.engine.connect() as conn:
            assert not inspect(conn).has_table("messages")          # nothing half made
    finally:
        first.dispose()
    monkeypatch.undo()
    again = Database(db_url)
    try:
        assert again.create_schema() == "created"
        with again.engine.connect() as conn:
            assert current_revision(conn) == HEAD and inspect(conn).has_table("outbox")
    finally:
        again.dispose()
