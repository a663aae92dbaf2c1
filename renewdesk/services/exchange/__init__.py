"""The exchange file, format "renewdesk/1" (EXCHANGE.md): import and export."""

FORMAT = "renewdesk/1"
