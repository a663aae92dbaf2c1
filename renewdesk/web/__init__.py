"""The customer pages behind the links in e-mails (`renewdesk serve-links`)."""
