"""Custom integrations (this repository holds one: audit_trail)."""
