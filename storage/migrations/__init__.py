"""Alembic migrations of Endorse's tables (run by storage.migrate; see its text)."""
