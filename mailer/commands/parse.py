"""``endorse parse [--json] FILE...``: what Endorse understands of message files, offline."""
from __future__ import annotations

import json
from pathlib import Path


def parse_file(path: str) -> dict:
    """One line of ``endorse parse --json``: never raises, whatever the file holds."""
    from mailer.reading.classify import classify
    from mailer.reading.parse import parse_message
    blank = {"file": path, "kind": "unknown", "organization": None, "short_name": None, "country": None,
             "country_text": None, "contact_email": None, "contact_name": None, "needs_review": True}
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        return {**blank, "error": f"cannot read: {exc.strerror or exc}"}
    try:
        return {"file": path, **classify(parse_message(raw)).as_json()}
    except Exception as exc:  # noqa: BLE001 - the contract: every file gets its line
        return {**blank, "error": f"cannot understand: {exc}"}


def cmd_parse(args) -> int:
    for path in args.files:
        line = parse_file(path)
        if args.json:
            print(json.dumps(line, ensure_ascii=False), flush=True)
        else:
            extra = ", ".join(f"{k}={v}" for k, v in line.items() if k not in ("file", "kind") and v)
            print(f"{path}: {line['kind']} {extra}")
    return 0


def add_parser(sub) -> None:
    parse = sub.add_parser("parse", help="read message files offline and say what Endorse understands")
    parse.add_argument("--json", action="store_true", help="one JSON object per file and line")
    parse.add_argument("files", nargs="+", metavar="FILE")
    parse.set_defaults(func=cmd_parse)
