"""The ``endorse`` command line: assembles the parser from the command modules and runs the one asked for.

Nothing here does the work: each module in :mod:`mailer.commands` describes its arguments and imports what it
needs only when it runs, so ``endorse --help`` starts without the database or the mail reader.
"""
from __future__ import annotations

import argparse
import importlib
import logging
import sys

# The command groups, in the order ``endorse --help`` lists them.
COMMANDS = ("run", "status", "parse", "signatories", "dry_run", "demo", "review", "inquiries", "digest", "outbox",
            "messages")


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="endorse", description="Email-driven endorsements for a joint statement.")
    p.add_argument("--config", metavar="PATH", help="settings file (default: $ENDORSE_CONFIG or settings.toml)")
    p.add_argument("-v", "--verbose", action="store_true", help="log every step")
    sub = p.add_subparsers(dest="command", required=True)
    for name in COMMANDS:
        importlib.import_module(f"mailer.commands.{name}").add_parser(sub)
    return p


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO if (args.verbose or args.command == "run") else logging.WARNING,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    from mailer.settings import SettingsError
    try:
        return args.func(args)
    except SettingsError as exc:
        print(f"endorse: settings problem in {exc}", file=sys.stderr)
        return 78   # EX_CONFIG
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
