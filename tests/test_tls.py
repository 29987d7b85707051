"""Encrypted mail paths on real servers: IMAP with STARTTLS and implicit TLS, SMTP with STARTTLS.

Certificates are always verified: the servers use a fresh self-signed certificate, trusted only through the
settings' ``ca_file``; without it the connection is refused.
"""
from __future__ import annotations

import json
import os
import ssl
import subprocess
import sys

import pytest

from tests.mails import endorsement
from tests.support.dovecot import Dovecot, find_dovecot
from tests.support.smtp import SmtpSink
from tests.support.config import write_config

ENV = {**os.environ, "ENDORSE_TEST_IMAP_PASSWORD": "secret"}


@pytest.fixture(scope="module")
def tls_dovecot():
    if find_dovecot() is None:
        pytest.skip("dovecot is not installed: scripts/test installs it")
    with Dovecot(tls=True) as server:
        yield server


@pytest.fixture(scope="module")
def tls_sink(tls_dovecot):
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(tls_dovecot.ca_file, str(tls_dovecot.dir / "key.pem"))
    with SmtpSink(tls_context=context) as sink:
        yield sink


def endorse(config, *args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "mailer.cli", "--config", str(config), *args],
                          capture_output=True, text=True, env=ENV, timeout=120)


def mailbox(server, account, *, tls: str, ca_file: str) -> dict:
    port = server.tls_port if tls == "tls" else server.port
    return {"kind": "imap", "host": "127.0.0.1", "port": port, "tls": tls, "user": account.user,
            "password_env": "ENDORSE_TEST_IMAP_PASSWORD", **({"ca_file": ca_file} if ca_file else {})}


@pytest.mark.parametrize("mode", ["starttls", "tls"])
def test_imap_over_tls_reads_the_mailbox_and_smtp_starttls_delivers(tmp_path, tls_dovecot, tls_sink, mode):
    tls_sink.clear()
    account = tls_dovecot.new_account()
    account.append(endorsement())
    config = write_config(tmp_path, database_url=f"sqlite:///{tmp_path / 'e.db'}",
                          mailbox=mailbox(tls_dovecot, account, tls=mode, ca_file=tls_dovecot.ca_file),
                          outgoing={"kind": "smtp", "host": "127.0.0.1", "port": tls_sink.port, "tls": "starttls",
                                    "ca_file": tls_dovecot.ca_file})
    done = endorse(config, "run", "--once")
    assert done.returncode == 0, done.stderr
    assert "stored 1" in done.stdout and "sent 1" in done.stdout
    [request] = tls_sink.wait_for(1)
    assert request.rcpt_tos == ("aruna@psm.example.org",)


def test_an_untrusted_certificate_is_refused(tmp_path, tls_dovecot):
    account = tls_dovecot.new_account()
    account.append(endorsement())
    config = write_config(tmp_path, database_url=f"sqlite:///{tmp_path / 'e.db'}",
                          mailbox=mailbox(tls_dovecot, account, tls="starttls", ca_file=""))
    done = endorse(config, "run", "--once")
    assert done.returncode == 75                      # EX_TEMPFAIL: the mailbox could not be reached
    assert "CERTIFICATE_VERIFY_FAILED" in done.stderr
    status = json.loads(endorse(config, "status", "--json").stdout)
    assert status["messages"] == {}
