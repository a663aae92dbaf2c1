"""the home page's charts (HM-1) read from indexes alone: the coming installments by day with
their amount, order and stop code; each order's state, currency and method; each method's state
and expiry. On a million services the next 60 days' charges were read in about 1 s from the
tables, about 0.45 s from these (docs/benchmarks.md, "Issue 22"). The installments' index on
their next attempt alone is replaced by the first, which begins with it.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-07
"""
from alembic import op


revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index('ix_installment_next_attempt_on', table_name='installment')
    op.create_index('ix_installment_upcoming', 'installment',
                    ['next_attempt_on', 'status', 'order_id', 'amount_minor', 'stopped_code'])
    op.create_index('ix_installment_order_charge', 'installment_order',
                    ['id', 'status', 'in_collection', 'currency', 'payment_method_id'])
    op.create_index('ix_payment_method_state', 'payment_method',
                    ['id', 'accepted', 'removed_on', 'blocked_code', 'exp_month', 'exp_year'])


def downgrade() -> None:
    op.drop_index('ix_payment_method_state', table_name='payment_method')
    op.drop_index('ix_installment_order_charge', table_name='installment_order')
    op.drop_index('ix_installment_upcoming', table_name='installment')
    op.create_index('ix_installment_next_attempt_on', 'installment', ['next_attempt_on'])
