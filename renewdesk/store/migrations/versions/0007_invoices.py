"""invoices and credit notes (IV-1, IV-2): numbered from one sequence per kind and year,
never changed once issued (the database's own triggers refuse an UPDATE or a DELETE), and the
payments waiting for the seller's identity

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-07
"""
from alembic import op
import sqlalchemy as sa
import renewdesk.store.types


revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None

REFUSAL = "an issued invoice or credit note is never changed or deleted"


def upgrade() -> None:
    op.create_table('document_asset',
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('data', sa.LargeBinary(), nullable=False),
    sa.PrimaryKeyConstraint('sha256', name=op.f('pk_document_asset'))
    )
    op.create_table('invoice_sequence',
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('last', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('kind', 'year', name=op.f('pk_invoice_sequence'))
    )
    op.create_table('invoice',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('number', sa.String(length=32), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('sequence', sa.Integer(), nullable=False),
    sa.Column('issued_on', sa.Date(), nullable=False),
    sa.Column('customer_id', sa.Integer(), nullable=False),
    sa.Column('attempt_id', sa.Integer(), nullable=True),
    sa.Column('refund_id', sa.Integer(), nullable=True),
    sa.Column('corrects_id', sa.Integer(), nullable=True),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('total_excl_minor', sa.Integer(), nullable=False),
    sa.Column('vat_minor', sa.Integer(), nullable=False),
    sa.Column('total_minor', sa.Integer(), nullable=False),
    sa.Column('mention', sa.String(length=32), nullable=True),
    sa.Column('document', sa.JSON(), nullable=False),
    sa.Column('created_at', renewdesk.store.types.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['attempt_id'], ['attempt.id'], name=op.f('fk_invoice_attempt_id_attempt')),
    sa.ForeignKeyConstraint(['corrects_id'], ['invoice.id'], name=op.f('fk_invoice_corrects_id_invoice')),
    sa.ForeignKeyConstraint(['customer_id'], ['customer.id'], name=op.f('fk_invoice_customer_id_customer')),
    sa.ForeignKeyConstraint(['refund_id'], ['refund.id'], name=op.f('fk_invoice_refund_id_refund')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_invoice')),
    sa.UniqueConstraint('kind', 'year', 'sequence', name=op.f('uq_invoice_kind')),
    sa.UniqueConstraint('number', name=op.f('uq_invoice_number')),
    sa.UniqueConstraint('refund_id', name=op.f('uq_invoice_refund_id'))
    )
    with op.batch_alter_table('invoice', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_invoice_attempt_id'), ['attempt_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_invoice_corrects_id'), ['corrects_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_invoice_customer_id'), ['customer_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_invoice_issued_on'), ['issued_on'], unique=False)
        batch_op.create_index('uq_invoice_payment', ['attempt_id'], unique=True, sqlite_where=sa.text("kind = 'invoice'"), postgresql_where=sa.text("kind = 'invoice'"))

    op.create_table('invoice_due',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('attempt_id', sa.Integer(), nullable=True),
    sa.Column('refund_id', sa.Integer(), nullable=True),
    sa.Column('paid_on', sa.Date(), nullable=False),
    sa.Column('created_at', renewdesk.store.types.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['attempt_id'], ['attempt.id'], name=op.f('fk_invoice_due_attempt_id_attempt')),
    sa.ForeignKeyConstraint(['refund_id'], ['refund.id'], name=op.f('fk_invoice_due_refund_id_refund')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_invoice_due')),
    sa.UniqueConstraint('attempt_id', name=op.f('uq_invoice_due_attempt_id')),
    sa.UniqueConstraint('refund_id', name=op.f('uq_invoice_due_refund_id'))
    )
    with op.batch_alter_table('notification', schema=None) as batch_op:
        batch_op.add_column(sa.Column('invoice_number', sa.String(length=32), nullable=True))
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"""
            CREATE FUNCTION invoice_is_issued() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN RAISE EXCEPTION '{REFUSAL}' USING ERRCODE = 'restrict_violation'; END $$""")
        op.execute("CREATE TRIGGER invoice_is_issued BEFORE UPDATE OR DELETE ON invoice "
                   "FOR EACH ROW EXECUTE FUNCTION invoice_is_issued()")
    else:
        for action in ("UPDATE", "DELETE"):
            op.execute(f"CREATE TRIGGER invoice_no_{action.lower()} BEFORE {action} ON invoice "
                       f"BEGIN SELECT RAISE(ABORT, '{REFUSAL}'); END")


def downgrade() -> None:
    with op.batch_alter_table('notification', schema=None) as batch_op:
        batch_op.drop_column('invoice_number')
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER invoice_is_issued ON invoice")
        op.execute("DROP FUNCTION invoice_is_issued()")
    else:
        op.execute("DROP TRIGGER invoice_no_update")
        op.execute("DROP TRIGGER invoice_no_delete")
    op.drop_table('invoice_due')
    with op.batch_alter_table('invoice', schema=None) as batch_op:
        batch_op.drop_index('uq_invoice_payment', sqlite_where=sa.text("kind = 'invoice'"), postgresql_where=sa.text("kind = 'invoice'"))
        batch_op.drop_index(batch_op.f('ix_invoice_issued_on'))
        batch_op.drop_index(batch_op.f('ix_invoice_customer_id'))
        batch_op.drop_index(batch_op.f('ix_invoice_corrects_id'))
        batch_op.drop_index(batch_op.f('ix_invoice_attempt_id'))

    op.drop_table('invoice')
    op.drop_table('invoice_sequence')
    op.drop_table('document_asset')
