"""tax fields (IV-1, IV-3): customers' business, country, VAT number and SIREN; services' and
orders' VAT rate. Existing customers are consumers in France, existing rates the default.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-07
"""
from alembic import op
import sqlalchemy as sa


revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ADD COLUMN (constant defaults), on SQLite too: rebuilding `customer` in a batch
    # would drop a table that other tables' foreign keys point at.
    op.add_column('customer', sa.Column('business', sa.Boolean(), server_default=sa.false(),
                                        nullable=False))
    op.add_column('customer', sa.Column('country', sa.String(length=2), server_default='FR',
                                        nullable=False))
    op.add_column('customer', sa.Column('vat_number', sa.String(length=20), nullable=True))
    op.add_column('customer', sa.Column('siren', sa.String(length=9), nullable=True))
    op.add_column('installment_order', sa.Column('vat_rate_bp', sa.Integer(), nullable=True))
    op.add_column('service', sa.Column('vat_rate_bp', sa.Integer(), nullable=True))


def downgrade() -> None:
    for table in ('service', 'installment_order'):
        op.drop_column(table, 'vat_rate_bp')
    for column in ('siren', 'vat_number', 'country', 'business'):
        op.drop_column('customer', column)
