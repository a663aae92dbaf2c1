"""the processor's own pay-now pages, for an account manager without a public server (CP-2)

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-07
"""
from alembic import op
import sqlalchemy as sa


revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'hosted_page',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('link_id', sa.Integer(), nullable=False),
        sa.Column('page_id', sa.String(length=255), nullable=False),
        sa.Column('url', sa.String(length=2000), nullable=False),
        sa.Column('attempt_key', sa.String(length=80), nullable=False),
        sa.Column('state', sa.String(length=16), nullable=False),
        sa.Column('created_on', sa.Date(), nullable=False),
        sa.ForeignKeyConstraint(['link_id'], ['customer_link.id'],
                                name=op.f('fk_hosted_page_link_id_customer_link')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_hosted_page')),
        sa.UniqueConstraint('attempt_key', name=op.f('uq_hosted_page_attempt_key')),
        sa.UniqueConstraint('link_id', name=op.f('uq_hosted_page_link_id')),
        sa.UniqueConstraint('page_id', name=op.f('uq_hosted_page_page_id')),
    )
    with op.batch_alter_table('hosted_page', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_hosted_page_state'), ['state'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('hosted_page', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_hosted_page_state'))
    op.drop_table('hosted_page')
