"""Real servers on loopback for the tests: a private Dovecot, an SMTP sink, a PostgreSQL schema per test.

Each lives in its own module as a small class with ``start()`` and ``stop()`` (also usable as a context manager);
``tests/conftest.py`` only turns them into fixtures. This module holds what they share.
"""

from __future__ import annotations

import os
import socket
import tempfile
from pathlib import Path
from typing import NoReturn

import pytest


def free_port(host: str = "127.0.0.1") -> int:
    """A TCP port that was free a moment ago (the caller binds it at once; a race stays possible)."""
    with socket.socket() as s:
        s.bind((host, 0))
        return s.getsockname()[1]


def under_ci() -> bool:
    """CI sets CI=true: there a missing server is a broken setup, not a reason to skip."""
    return os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}


def unavailable(reason: str) -> NoReturn:
    """Fail loudly under CI, skip visibly elsewhere: a newcomer without the server still gets a green run."""
    if under_ci():
        pytest.fail(f"{reason} (CI=true: a missing server fails the run)", pytrace=False)
    pytest.skip(reason)


def scratch_base() -> Path:
    """Where servers keep their files: tmpfs where there is one (Dovecot's APPEND is disk bound elsewhere)."""
    shm = Path("/dev/shm")
    return shm if shm.is_dir() and os.access(shm, os.W_OK) else Path(tempfile.gettempdir())


def scratch_dir(prefix: str) -> Path:
    """A new directory under scratch_base() that others may traverse (0755).

    Not pytest's ``tmp_path``: it sits under a 0700 directory, and Dovecot's auth and mail processes run as
    other users that must reach their files.
    """
    path = Path(tempfile.mkdtemp(prefix=prefix, dir=scratch_base()))
    path.chmod(0o755)
    return path
