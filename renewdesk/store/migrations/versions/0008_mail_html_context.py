"""e-mails as HTML with the seller's face (HM-4) and what each was rendered from, so the
messages of one run to one person are merged into one (HM-2)

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-08
"""
from alembic import op
import sqlalchemy as sa


revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('notification', schema=None) as batch_op:
        batch_op.add_column(sa.Column('html', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('context', sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('notification', schema=None) as batch_op:
        batch_op.drop_column('context')
        batch_op.drop_column('html')
