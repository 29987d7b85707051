"""The ``endorse`` commands, one module per command group.

Each module has ``add_parser(sub)``, which only describes its arguments, and ``cmd_*`` functions, which import
what they need when they run: ``endorse --help`` or a typo costs no database driver, no mail parser and no
language model.  :mod:`mailer.cli` assembles the parser from :data:`mailer.cli.COMMANDS`.

May import: everything in ``mailer`` and ``storage`` (inside the functions that run a command).
"""
from __future__ import annotations


def settings_of(args):
    """The settings named by ``--config`` (or ``$ENDORSE_CONFIG``, or the bundled file)."""
    from mailer.settings import load_settings
    return load_settings(args.config)


def database_of(settings):
    """The registry's database, created or upgraded on first use."""
    from storage.db import open_database
    return open_database(settings.database_url)


def add_list_command(commands, *, help: str, states: list[str], func) -> None:
    """``… list [--state S|all] [--limit N] [--json]``, as every command group that lists rows by state has it."""
    listing = commands.add_parser("list", help=help)
    listing.add_argument("--state", choices=states + ["all"], default="all")
    listing.add_argument("--limit", type=int, default=50)
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(func=func)
