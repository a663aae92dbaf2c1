"""The rules of RULES.md as plain Python: no Qt, no SQL, no network, no clock."""
