"""refunds (RF-1), disputes (RF-2) and the processor's events applied once each (SY-1)

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-07
"""
from alembic import op
import sqlalchemy as sa
import renewdesk.store.types


revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('processor_event',
    sa.Column('id', sa.String(length=255), nullable=False),
    sa.Column('type', sa.String(length=64), nullable=False),
    sa.Column('position', sa.BigInteger(), nullable=False),
    sa.Column('applied_at', renewdesk.store.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('change', sa.String(length=500), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_processor_event'))
    )
    with op.batch_alter_table('processor_event', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_processor_event_position'), ['position'], unique=False)

    op.create_table('dispute',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('attempt_id', sa.Integer(), nullable=False),
    sa.Column('processor_ref', sa.String(length=255), nullable=False),
    sa.Column('amount_minor', sa.Integer(), nullable=False),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('reason', sa.String(length=64), nullable=False),
    sa.Column('status', sa.String(length=32), nullable=False),
    sa.Column('respond_by', sa.Date(), nullable=True),
    sa.Column('opened_on', sa.Date(), nullable=False),
    sa.Column('closed_on', sa.Date(), nullable=True),
    sa.Column('suspended', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['attempt_id'], ['attempt.id'], name=op.f('fk_dispute_attempt_id_attempt')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_dispute')),
    sa.UniqueConstraint('processor_ref', name=op.f('uq_dispute_processor_ref'))
    )
    with op.batch_alter_table('dispute', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_dispute_attempt_id'), ['attempt_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_dispute_status'), ['status'], unique=False)

    op.create_table('refund',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('attempt_id', sa.Integer(), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('idempotency_key', sa.String(length=80), nullable=False),
    sa.Column('amount_minor', sa.Integer(), nullable=False),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('reason', sa.String(length=500), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('refusal', sa.String(length=64), nullable=True),
    sa.Column('processor_ref', sa.String(length=255), nullable=True),
    sa.Column('on', sa.Date(), nullable=False),
    sa.Column('who', sa.String(length=120), nullable=False),
    sa.Column('created_at', renewdesk.store.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('settled_at', renewdesk.store.types.UTCDateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['attempt_id'], ['attempt.id'], name=op.f('fk_refund_attempt_id_attempt')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_refund')),
    sa.UniqueConstraint('attempt_id', 'number', name=op.f('uq_refund_attempt_id')),
    sa.UniqueConstraint('idempotency_key', name=op.f('uq_refund_idempotency_key')),
    sa.UniqueConstraint('processor_ref', name=op.f('uq_refund_processor_ref'))
    )
    with op.batch_alter_table('refund', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_refund_attempt_id'), ['attempt_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_refund_status'), ['status'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('refund', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_refund_status'))
        batch_op.drop_index(batch_op.f('ix_refund_attempt_id'))

    op.drop_table('refund')
    with op.batch_alter_table('dispute', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_dispute_status'))
        batch_op.drop_index(batch_op.f('ix_dispute_attempt_id'))

    op.drop_table('dispute')
    with op.batch_alter_table('processor_event', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_processor_event_position'))

    op.drop_table('processor_event')
