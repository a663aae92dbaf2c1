"""Durable outbox, SMTP sending, e-mail templates (fr, en), signed customer links, webhooks."""
