"""Qt table models over the listings of renewdesk.services.listing."""
