"""Conversations: each reply knows the endorsement or inquiry it is about and carries a body marker, so an
answer to it is read in its thread; an endorsement counts the lines its endorser rewrote; an inquiry knows the
endorsement it was asked in.

Revision ID: 0003
Revises: 0002
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("outbox", sa.Column("thread_ref", sa.String(length=16), nullable=True))
    op.add_column("outbox", sa.Column("endorsement_id", sa.Integer(), nullable=True))
    op.add_column("outbox", sa.Column("inquiry_id", sa.Integer(), nullable=True))
    op.create_index(op.f("ix_outbox_thread_ref"), "outbox", ["thread_ref"], unique=False)
    op.create_index(op.f("ix_outbox_endorsement_id"), "outbox", ["endorsement_id"], unique=False)
    op.add_column("endorsements", sa.Column("corrections", sa.Integer(), nullable=False, server_default="0"))
    op.add_column("inquiries", sa.Column("endorsement_id", sa.Integer(), nullable=True))


def downgrade() -> None:
    op.drop_column("inquiries", "endorsement_id")
    op.drop_column("endorsements", "corrections")
    op.drop_index(op.f("ix_outbox_endorsement_id"), table_name="outbox")
    op.drop_index(op.f("ix_outbox_thread_ref"), table_name="outbox")
    op.drop_column("outbox", "inquiry_id")
    op.drop_column("outbox", "endorsement_id")
    op.drop_column("outbox", "thread_ref")
