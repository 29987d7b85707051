"""The registry as published: the statement's numbered "Signed by" list, CSV, JSON.

Pure: takes :class:`Listing` values in list order and returns text.
"""
from __future__ import annotations

import csv
import io
import json
from dataclasses import asdict, dataclass


@dataclass(frozen=True)
class Listing:
    organization: str
    short_name: str | None
    country: str | None
    country_text: str | None
    verified_at: str = ""


def listing_line(organization: str, short_name: str | None, country_text: str | None) -> str:
    """``Name (Short name), Country text``: the parenthesis only where a short name exists."""
    line = organization + (f" ({short_name})" if short_name else "")
    return f"{line}, {country_text}" if country_text else line


def render_text(listings: list[Listing]) -> str:
    """The statement's own style: two spaces, the number, a dot, one line per organization."""
    return "\n".join(f"  {n}. {listing_line(s.organization, s.short_name, s.country_text)}"
                     for n, s in enumerate(listings, 1))


def render_csv(listings: list[Listing]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(["number", "organization", "short_name", "country", "country_text", "verified_at"])
    for n, s in enumerate(listings, 1):
        writer.writerow([n, s.organization, s.short_name or "", s.country or "", s.country_text or "",
                         s.verified_at])
    return buf.getvalue()


def render_json(listings: list[Listing]) -> str:
    return json.dumps([{"number": n, **asdict(s)} for n, s in enumerate(listings, 1)], ensure_ascii=False,
                      indent=2)


RENDERERS = {"text": render_text, "csv": render_csv, "json": render_json}
