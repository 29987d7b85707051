"""The tables as Endorse 0.1 made them with create_all (the baseline: a database from before migrations is
stamped with this revision, then upgraded).

Revision ID: 0001
Revises:
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('digests',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('period', sa.String(length=20), nullable=False),
    sa.Column('state', sa.String(length=20), nullable=False),
    sa.Column('scheduled_at', sa.DateTime(), nullable=False),
    sa.Column('since', sa.DateTime(), nullable=False),
    sa.Column('cutoff', sa.DateTime(), nullable=False),
    sa.Column('last_subscriber_id', sa.Integer(), nullable=False),
    sa.Column('cursor', sa.Integer(), nullable=False),
    sa.Column('nonce', sa.String(length=40), nullable=False),
    sa.Column('stats', sa.JSON(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('finished_at', sa.DateTime(), nullable=True),
    sa.Column('note', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('period')
    )
    op.create_index(op.f('ix_digests_state'), 'digests', ['state'], unique=False)
    op.create_table('mailbox_cursors',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('source', sa.String(length=500), nullable=False),
    sa.Column('uidvalidity', sa.BigInteger(), nullable=False),
    sa.Column('last_uid', sa.BigInteger(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('source', 'uidvalidity')
    )
    op.create_table('messages',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('source_key', sa.String(length=700), nullable=False),
    sa.Column('identity', sa.String(length=64), nullable=False),
    sa.Column('message_id', sa.String(length=998), nullable=False),
    sa.Column('content_sha256', sa.String(length=64), nullable=False),
    sa.Column('raw', sa.LargeBinary(), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('received_at', sa.DateTime(), nullable=False),
    sa.Column('source_marked', sa.Boolean(), nullable=False),
    sa.Column('state', sa.String(length=20), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=True),
    sa.Column('reasons', sa.Text(), nullable=False),
    sa.Column('sender', sa.String(length=320), nullable=False),
    sa.Column('subject', sa.String(length=500), nullable=False),
    sa.Column('understanding', sa.JSON(), nullable=True),
    sa.Column('handled_at', sa.DateTime(), nullable=True),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('last_error', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('identity'),
    sa.UniqueConstraint('source_key')
    )
    op.create_index(op.f('ix_messages_state'), 'messages', ['state'], unique=False)
    op.create_table('signatories',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('organization', sa.String(length=500), nullable=False),
    sa.Column('short_name', sa.String(length=200), nullable=True),
    sa.Column('country', sa.String(length=2), nullable=True),
    sa.Column('country_text', sa.String(length=200), nullable=True),
    sa.Column('contact_email', sa.String(length=320), nullable=False),
    sa.Column('verified_at', sa.DateTime(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('name_key', sa.String(length=800), nullable=False),
    sa.Column('withdrawn_at', sa.DateTime(), nullable=True),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('name_key')
    )
    op.create_index(op.f('ix_signatories_status'), 'signatories', ['status'], unique=False)
    op.create_index(op.f('ix_signatories_verified_at'), 'signatories', ['verified_at'], unique=False)
    op.create_table('digest_bodies',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('digest_id', sa.Integer(), nullable=False),
    sa.Column('language', sa.String(length=8), nullable=False),
    sa.Column('raw', sa.LargeBinary(), nullable=False),
    sa.ForeignKeyConstraint(['digest_id'], ['digests.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('digest_id', 'language')
    )
    op.create_index(op.f('ix_digest_bodies_digest_id'), 'digest_bodies', ['digest_id'], unique=False)
    op.create_table('endorsements',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('message_id', sa.Integer(), nullable=False),
    sa.Column('organization', sa.String(length=500), nullable=True),
    sa.Column('short_name', sa.String(length=200), nullable=True),
    sa.Column('country', sa.String(length=2), nullable=True),
    sa.Column('country_text', sa.String(length=200), nullable=True),
    sa.Column('contact_email', sa.String(length=320), nullable=False),
    sa.Column('contact_name', sa.String(length=300), nullable=True),
    sa.Column('state', sa.String(length=30), nullable=False),
    sa.Column('token_expires_at', sa.DateTime(), nullable=True),
    sa.Column('review_reasons', sa.Text(), nullable=False),
    sa.Column('signatory_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('confirmed_at', sa.DateTime(), nullable=True),
    sa.Column('approved_at', sa.DateTime(), nullable=True),
    sa.Column('approved_by', sa.String(length=400), nullable=False),
    sa.Column('reminded_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['message_id'], ['messages.id'], ),
    sa.ForeignKeyConstraint(['signatory_id'], ['signatories.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_endorsements_contact_email'), 'endorsements', ['contact_email'], unique=False)
    op.create_index(op.f('ix_endorsements_message_id'), 'endorsements', ['message_id'], unique=False)
    op.create_index(op.f('ix_endorsements_state'), 'endorsements', ['state'], unique=False)
    op.create_index(op.f('ix_endorsements_token_expires_at'), 'endorsements', ['token_expires_at'], unique=False)
    op.create_table('inquiries',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('state', sa.String(length=20), nullable=False),
    sa.Column('asker', sa.String(length=320), nullable=False),
    sa.Column('asker_name', sa.String(length=300), nullable=False),
    sa.Column('subject', sa.String(length=500), nullable=False),
    sa.Column('language', sa.String(length=8), nullable=False),
    sa.Column('token_hash', sa.String(length=64), nullable=False),
    sa.Column('thread', sa.JSON(), nullable=False),
    sa.Column('last_asker_message_id', sa.String(length=998), nullable=False),
    sa.Column('message_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('waiting_since', sa.DateTime(), nullable=True),
    sa.Column('answered_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['message_id'], ['messages.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('token_hash')
    )
    op.create_index(op.f('ix_inquiries_asker'), 'inquiries', ['asker'], unique=False)
    op.create_index(op.f('ix_inquiries_message_id'), 'inquiries', ['message_id'], unique=False)
    op.create_index(op.f('ix_inquiries_state'), 'inquiries', ['state'], unique=False)
    op.create_index(op.f('ix_inquiries_waiting_since'), 'inquiries', ['waiting_since'], unique=False)
    op.create_table('outbox',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('message_id', sa.String(length=300), nullable=False),
    sa.Column('purpose', sa.String(length=50), nullable=False),
    sa.Column('recipient', sa.String(length=320), nullable=False),
    sa.Column('envelope_from', sa.String(length=320), nullable=False),
    sa.Column('raw', sa.LargeBinary(), nullable=False),
    sa.Column('caused_by', sa.Integer(), nullable=True),
    sa.Column('state', sa.String(length=20), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('next_attempt_at', sa.DateTime(), nullable=False),
    sa.Column('lease_until', sa.DateTime(), nullable=True),
    sa.Column('claimed_by', sa.String(length=200), nullable=True),
    sa.Column('last_error', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('sent_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['caused_by'], ['messages.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('caused_by', 'purpose', 'recipient'),
    sa.UniqueConstraint('message_id')
    )
    op.create_index(op.f('ix_outbox_created_at'), 'outbox', ['created_at'], unique=False)
    op.create_index('ix_outbox_due', 'outbox', ['state', 'next_attempt_at'], unique=False)
    op.create_index(op.f('ix_outbox_recipient'), 'outbox', ['recipient'], unique=False)
    op.create_table('audit_events',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('actor', sa.String(length=400), nullable=False),
    sa.Column('action', sa.String(length=50), nullable=False),
    sa.Column('signatory_id', sa.Integer(), nullable=True),
    sa.Column('endorsement_id', sa.Integer(), nullable=True),
    sa.Column('details', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['endorsement_id'], ['endorsements.id'], ),
    sa.ForeignKeyConstraint(['signatory_id'], ['signatories.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_audit_events_at'), 'audit_events', ['at'], unique=False)
    op.create_index(op.f('ix_audit_events_signatory_id'), 'audit_events', ['signatory_id'], unique=False)
    op.create_table('inquiry_messages',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('inquiry_id', sa.Integer(), nullable=False),
    sa.Column('role', sa.String(length=30), nullable=False),
    sa.Column('message_id', sa.Integer(), nullable=True),
    sa.Column('outbox_id', sa.Integer(), nullable=True),
    sa.Column('mail_message_id', sa.String(length=998), nullable=False),
    sa.Column('address', sa.String(length=320), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('held', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['inquiry_id'], ['inquiries.id'], ),
    sa.ForeignKeyConstraint(['message_id'], ['messages.id'], ),
    sa.ForeignKeyConstraint(['outbox_id'], ['outbox.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_inquiry_messages_at'), 'inquiry_messages', ['at'], unique=False)
    op.create_index(op.f('ix_inquiry_messages_inquiry_id'), 'inquiry_messages', ['inquiry_id'], unique=False)
    op.create_index(op.f('ix_inquiry_messages_mail_message_id'), 'inquiry_messages', ['mail_message_id'], unique=False)
    op.create_index(op.f('ix_inquiry_messages_message_id'), 'inquiry_messages', ['message_id'], unique=False)
    op.create_table('review_items',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('message_id', sa.Integer(), nullable=False),
    sa.Column('endorsement_id', sa.Integer(), nullable=True),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('state', sa.String(length=20), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('subject', sa.String(length=20), nullable=False),
    sa.Column('signatory_id', sa.Integer(), nullable=True),
    sa.Column('proposed', sa.JSON(), nullable=True),
    sa.Column('notified_at', sa.DateTime(), nullable=True),
    sa.Column('decided_at', sa.DateTime(), nullable=True),
    sa.Column('decided_by', sa.String(length=400), nullable=False),
    sa.Column('decision', sa.String(length=20), nullable=False),
    sa.ForeignKeyConstraint(['endorsement_id'], ['endorsements.id'], ),
    sa.ForeignKeyConstraint(['message_id'], ['messages.id'], ),
    sa.ForeignKeyConstraint(['signatory_id'], ['signatories.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_review_items_message_id'), 'review_items', ['message_id'], unique=False)
    op.create_index(op.f('ix_review_items_notified_at'), 'review_items', ['notified_at'], unique=False)
    op.create_index(op.f('ix_review_items_state'), 'review_items', ['state'], unique=False)
    op.create_table('subscribers',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('email', sa.String(length=320), nullable=False),
    sa.Column('name', sa.String(length=300), nullable=False),
    sa.Column('language', sa.String(length=8), nullable=False),
    sa.Column('state', sa.String(length=30), nullable=False),
    sa.Column('token', sa.String(length=40), nullable=False),
    sa.Column('source', sa.String(length=20), nullable=False),
    sa.Column('endorsement_id', sa.Integer(), nullable=True),
    sa.Column('message_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('confirmed_at', sa.DateTime(), nullable=True),
    sa.Column('ended_at', sa.DateTime(), nullable=True),
    sa.Column('hard_bounces', sa.Integer(), nullable=False),
    sa.Column('last_bounce_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['endorsement_id'], ['endorsements.id'], ),
    sa.ForeignKeyConstraint(['message_id'], ['messages.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('email'),
    sa.UniqueConstraint('token')
    )
    op.create_index(op.f('ix_subscribers_ended_at'), 'subscribers', ['ended_at'], unique=False)
    op.create_index(op.f('ix_subscribers_state'), 'subscribers', ['state'], unique=False)
    op.create_table('digest_deliveries',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('digest_id', sa.Integer(), nullable=False),
    sa.Column('subscriber_id', sa.Integer(), nullable=False),
    sa.Column('state', sa.String(length=20), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('claimed_by', sa.String(length=200), nullable=True),
    sa.Column('lease_until', sa.DateTime(), nullable=True),
    sa.Column('next_attempt_at', sa.DateTime(), nullable=True),
    sa.Column('sent_at', sa.DateTime(), nullable=True),
    sa.Column('detail', sa.String(length=500), nullable=False),
    sa.ForeignKeyConstraint(['digest_id'], ['digests.id'], ),
    sa.ForeignKeyConstraint(['subscriber_id'], ['subscribers.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('digest_id', 'subscriber_id')
    )
    op.create_index('ix_digest_deliveries_due', 'digest_deliveries', ['digest_id', 'state'], unique=False)
    op.create_index(op.f('ix_digest_deliveries_subscriber_id'), 'digest_deliveries', ['subscriber_id'], unique=False)
    op.create_table('reply_tokens',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('token_hash', sa.String(length=64), nullable=False),
    sa.Column('purpose', sa.String(length=1), nullable=False),
    sa.Column('address', sa.String(length=320), nullable=False),
    sa.Column('endorsement_id', sa.Integer(), nullable=True),
    sa.Column('signatory_id', sa.Integer(), nullable=True),
    sa.Column('review_item_id', sa.Integer(), nullable=True),
    sa.Column('message_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('expires_at', sa.DateTime(), nullable=True),
    sa.Column('used_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['endorsement_id'], ['endorsements.id'], ),
    sa.ForeignKeyConstraint(['message_id'], ['messages.id'], ),
    sa.ForeignKeyConstraint(['review_item_id'], ['review_items.id'], ),
    sa.ForeignKeyConstraint(['signatory_id'], ['signatories.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('token_hash')
    )
    op.create_index(op.f('ix_reply_tokens_endorsement_id'), 'reply_tokens', ['endorsement_id'], unique=False)
    # ### end Alembic commands ###


def downgrade() -> None:
    op.drop_index(op.f('ix_reply_tokens_endorsement_id'), table_name='reply_tokens')
    op.drop_table('reply_tokens')
    op.drop_index(op.f('ix_digest_deliveries_subscriber_id'), table_name='digest_deliveries')
    op.drop_index('ix_digest_deliveries_due', table_name='digest_deliveries')
    op.drop_table('digest_deliveries')
    op.drop_index(op.f('ix_subscribers_state'), table_name='subscribers')
    op.drop_index(op.f('ix_subscribers_ended_at'), table_name='subscribers')
    op.drop_table('subscribers')
    op.drop_index(op.f('ix_review_items_state'), table_name='review_items')
    op.drop_index(op.f('ix_review_items_notified_at'), table_name='review_items')
    op.drop_index(op.f('ix_review_items_message_id'), table_name='review_items')
    op.drop_table('review_items')
    op.drop_index(op.f('ix_inquiry_messages_message_id'), table_name='inquiry_messages')
    op.drop_index(op.f('ix_inquiry_messages_mail_message_id'), table_name='inquiry_messages')
    op.drop_index(op.f('ix_inquiry_messages_inquiry_id'), table_name='inquiry_messages')
    op.drop_index(op.f('ix_inquiry_messages_at'), table_name='inquiry_messages')
    op.drop_table('inquiry_messages')
    op.drop_index(op.f('ix_audit_events_signatory_id'), table_name='audit_events')
    op.drop_index(op.f('ix_audit_events_at'), table_name='audit_events')
    op.drop_table('audit_events')
    op.drop_index(op.f('ix_outbox_recipient'), table_name='outbox')
    op.drop_index('ix_outbox_due', table_name='outbox')
    op.drop_index(op.f('ix_outbox_created_at'), table_name='outbox')
    op.drop_table('outbox')
    op.drop_index(op.f('ix_inquiries_waiting_since'), table_name='inquiries')
    op.drop_index(op.f('ix_inquiries_state'), table_name='inquiries')
    op.drop_index(op.f('ix_inquiries_message_id'), table_name='inquiries')
    op.drop_index(op.f('ix_inquiries_asker'), table_name='inquiries')
    op.drop_table('inquiries')
    op.drop_index(op.f('ix_endorsements_token_expires_at'), table_name='endorsements')
    op.drop_index(op.f('ix_endorsements_state'), table_name='endorsements')
    op.drop_index(op.f('ix_endorsements_message_id'), table_name='endorsements')
    op.drop_index(op.f('ix_endorsements_contact_email'), table_name='endorsements')
    op.drop_table('endorsements')
    op.drop_index(op.f('ix_digest_bodies_digest_id'), table_name='digest_bodies')
    op.drop_table('digest_bodies')
    op.drop_index(op.f('ix_signatories_verified_at'), table_name='signatories')
    op.drop_index(op.f('ix_signatories_status'), table_name='signatories')
    op.drop_table('signatories')
    op.drop_index(op.f('ix_messages_state'), table_name='messages')
    op.drop_table('messages')
    op.drop_table('mailbox_cursors')
    op.drop_index(op.f('ix_digests_state'), table_name='digests')
    op.drop_table('digests')
    # ### end Alembic commands ###
