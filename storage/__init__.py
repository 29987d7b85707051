"""Persistence: SQLAlchemy models (``schema``), engine and sessions (``db``), registry operations (``registry``)."""
