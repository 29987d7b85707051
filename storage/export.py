"""The registry as published: the statement's numbered "Signed by" list, Markdown, CSV, JSON, HTML; its history.

Pure: takes :class:`Listing` values in list order and returns text.  The HTML
page comes from a Jinja2 template (``<templates>/export/signatories.html``),
autoescaped: every name is text, never markup.
"""
from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import asdict, dataclass
from pathlib import Path

import jinja2


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


MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#+!|~&])")


def _md(text: str) -> str:
    """Backslash before every character Markdown could read as markup (CommonMark §2.4)."""
    return MARKDOWN_SPECIAL.sub(r"\\\1", text)


def render_markdown(listings: list[Listing], *, title: str = "", templates: Path | None = None) -> str:
    """A heading, "Signed by:" and an ordered list whose items read like the text lines."""
    head = f"# {_md(title)}\n\nSigned by:\n\n" if title else ""
    return head + "\n".join(f"{n}. {_md(listing_line(s.organization, s.short_name, s.country_text))}"
                             for n, s in enumerate(listings, 1))


def render_html(listings: list[Listing], *, title: str = "", templates: Path | None = None,
                language: str = "en") -> str:
    """A static, accessible, printable page: the statement's title and its numbered list."""
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(templates or DEFAULT_TEMPLATES)), autoescape=True,
                             undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    return env.get_template("export/signatories.html").render(listings=listings, title=title, language=language)


DEFAULT_TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
PAGES = {"md": render_markdown, "html": render_html}      # formats that also show the statement's title
FORMATS = (*RENDERERS, *PAGES)


def render(fmt: str, listings: list[Listing], *, title: str = "", templates: Path | None = None) -> str:
    if fmt in PAGES:
        return PAGES[fmt](listings, title=title, templates=templates)
    return RENDERERS[fmt](listings)


@dataclass(frozen=True)
class Event:
    """One audit event as ``endorse signatories --history`` shows it."""

    at: str
    action: str
    actor: str
    signatory_id: int | None
    endorsement_id: int | None
    details: dict


def _detail(value) -> str:
    if isinstance(value, dict) and set(value) == {"before", "after"}:
        return f"{value['before']!r} → {value['after']!r}"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_detail(v)}" for k, v in value.items() if v not in (None, "", {})) + "}"
    return str(value)


def render_history(events: list[Event]) -> str:
    """One line per change: when, what, which entry, who or which message, and what changed."""
    lines = []
    for e in events:
        target = " ".join(filter(None, (f"signatory #{e.signatory_id}" if e.signatory_id else "",
                                         f"endorsement #{e.endorsement_id}" if e.endorsement_id else "")))
        details = "; ".join(f"{k}: {_detail(v)}" for k, v in e.details.items() if v not in (None, "", {}))
        lines.append(f"{e.at}  {e.action:<22} {target or '-':<32} by {e.actor}" + (f"  [{details}]" if details else ""))
    return "\n".join(lines)
