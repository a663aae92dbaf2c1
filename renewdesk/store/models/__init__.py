"""All mapped classes, importable from one place."""

from renewdesk.store.models.attempts import Attempt, Dispute, Refund
from renewdesk.store.models.base import Base
from renewdesk.store.models.billing import (
    Installment,
    InstallmentOrder,
    PlanChange,
    Renewal,
    RenewalItem,
    Service,
    UsageInvoice,
    UsageRecord,
)
from renewdesk.store.models.invoices import DocumentAsset, Invoice, InvoiceDue, InvoiceSequence
from renewdesk.store.models.messages import (
    AuditEntry,
    CustomerLink,
    Event,
    HostedPage,
    Notification,
    ProcessorEventSeen,
    Setting,
)
from renewdesk.store.models.parties import BillingContact, Customer, PaymentMethod

__all__ = [
    "Attempt",
    "AuditEntry",
    "Base",
    "BillingContact",
    "Customer",
    "CustomerLink",
    "Dispute",
    "DocumentAsset",
    "Event",
    "HostedPage",
    "Installment",
    "InstallmentOrder",
    "Invoice",
    "InvoiceDue",
    "InvoiceSequence",
    "Notification",
    "PaymentMethod",
    "PlanChange",
    "ProcessorEventSeen",
    "Refund",
    "Renewal",
    "RenewalItem",
    "Service",
    "Setting",
    "UsageInvoice",
    "UsageRecord",
]
