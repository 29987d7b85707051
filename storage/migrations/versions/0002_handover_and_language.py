"""A reply's and a digest copy's hand-over mark (at most once across kill -9), the endorser's language.

Revision ID: 0002
Revises: 0001
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("outbox", sa.Column("handed_at", sa.DateTime(), nullable=True))
    op.add_column("digest_deliveries", sa.Column("handed_at", sa.DateTime(), nullable=True))
    op.add_column("endorsements", sa.Column("language", sa.String(length=8), nullable=False, server_default=""))


def downgrade() -> None:
    op.drop_column("endorsements", "language")
    op.drop_column("digest_deliveries", "handed_at")
    op.drop_column("outbox", "handed_at")
