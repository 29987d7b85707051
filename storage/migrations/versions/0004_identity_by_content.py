"""A message's identity hashes its writer's content, not its bytes (storage.identity): recompute it for every
stored message, so a copy restored from a backup that gained transport headers is known as the message it is.

Revision ID: 0004
Revises: 0003
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    from storage.identity import message_identity
    conn = op.get_bind()
    messages = sa.table("messages", sa.column("id", sa.Integer), sa.column("message_id", sa.String),
                        sa.column("raw", sa.LargeBinary), sa.column("identity", sa.String),
                        sa.column("content_sha256", sa.String))
    taken: set[str] = set()
    rows = conn.execute(sa.select(messages.c.id, messages.c.message_id, messages.c.raw).order_by(messages.c.id))
    for row_id, message_id, raw in rows.all():
        identity, content = message_identity(message_id or "", raw or b"")
        if identity in taken:          # copies handled twice before this revision keep their old identity
            continue
        taken.add(identity)
        conn.execute(sa.update(messages).where(messages.c.id == row_id).values(identity=identity,
                                                                                content_sha256=content))


def downgrade() -> None:
    import hashlib
    conn = op.get_bind()
    messages = sa.table("messages", sa.column("id", sa.Integer), sa.column("message_id", sa.String),
                        sa.column("raw", sa.LargeBinary), sa.column("identity", sa.String),
                        sa.column("content_sha256", sa.String))
    for row_id, message_id, raw in conn.execute(sa.select(messages.c.id, messages.c.message_id,
                                                          messages.c.raw)).all():
        content = hashlib.sha256(raw or b"").hexdigest()
        identity = hashlib.sha256(f"{message_id}\0{content}".encode("utf-8", "surrogateescape")).hexdigest()
        conn.execute(sa.update(messages).where(messages.c.id == row_id).values(identity=identity,
                                                                                content_sha256=content))
