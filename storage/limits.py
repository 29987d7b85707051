"""One length policy for every stored text: the column's own limit, the same on SQLite and PostgreSQL.

SQLite keeps a 600-character name in a ``String(500)`` column; PostgreSQL refuses it with an SQL error.  Text
from mail is measured against the model's limits before it is stored: :func:`fit` cuts it to fit and says
which fields were too long, so the caller can send the item to a person with that reason instead of failing.
"""
from __future__ import annotations

from sqlalchemy.orm import DeclarativeBase


def limit_of(model: type[DeclarativeBase], field: str) -> int | None:
    return getattr(model.__table__.c[field].type, "length", None)


def fit(model: type[DeclarativeBase], values: dict) -> tuple[dict, list[str]]:
    """(*values* cut to their columns' lengths, why: one "organization: 612 characters, the limit is 500" per
    field that was too long)."""
    kept, why = dict(values), []
    for field, value in values.items():
        limit = limit_of(model, field)
        if isinstance(value, str) and limit is not None and len(value) > limit:
            kept[field] = value[:limit]
            why.append(f"{field}: {len(value)} characters, the limit is {limit}")
    return kept, why
