"""Storage: the protocol every backend implements, and the backends (SQLite now)."""
