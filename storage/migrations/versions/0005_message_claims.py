"""A message's handling is claimed in a commit of its own before it begins (who, until when), so a worker that
dies while handling it (a crash, the OOM killer) leaves a count: after three the message is quarantined.

Revision ID: 0005
Revises: 0004
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("messages", sa.Column("claimed_by", sa.String(length=200), nullable=True))
    op.add_column("messages", sa.Column("lease_until", sa.DateTime(), nullable=True))


def downgrade() -> None:
    op.drop_column("messages", "lease_until")
    op.drop_column("messages", "claimed_by")
