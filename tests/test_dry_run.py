"""`endorse dry-run` over a real Dovecot mailbox: a full report, and nothing anyone can see changes."""
from __future__ import annotations

import email.utils
import json
import os
import subprocess
import sys
from email.message import EmailMessage

from tests.mails import endorsement
from tests.support.config import imap_mailbox, smtp_outgoing, write_config

ENV = {**os.environ, "ENDORSE_TEST_IMAP_PASSWORD": "secret"}


def endorse(config, *args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "mailer.cli", "--config", str(config), *args],
                          capture_output=True, text=True, env=ENV, timeout=120)


def question() -> bytes:
    msg = EmailMessage()
    msg["From"] = "Maria Santos <maria@kmu.example.ph>"
    msg["To"] = "statement@example.org"
    msg["Subject"] = "Question about the statement"
    msg["Date"] = email.utils.formatdate(localtime=True)
    msg["Message-ID"] = email.utils.make_msgid(domain="kmu.example.ph")
    msg.set_content("Hello, is there a Tagalog translation of the statement we could share?\n\nMaria\n")
    return msg.as_bytes()


def test_dry_run_reports_what_a_live_run_would_do_and_changes_nothing(tmp_path, imap_account, smtp, db_url):
    config = write_config(tmp_path, database_url=db_url, mailbox=imap_mailbox(imap_account, processed_folder="Done"),
                          outgoing=smtp_outgoing(smtp))
    imap_account.append(endorsement())
    imap_account.append(endorsement(sender="Pierre <pierre@essf.example.org>",
                                    organization="Europe solidaire sans frontières (ESSF)", country="France"))
    imap_account.append(endorsement(sender="Just Me <me@gmail.example.com>", organization="", country=""))
    imap_account.append(question())
    before = imap_account.fetch()

    done = endorse(config, "dry-run", "--dir", str(tmp_path / "dry"))
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert "4 messages read" in out and "Nothing was flagged, moved or sent" in out
    assert "1. Parti Sosialis Malaysia (PSM), Malaysia    <aruna@psm.example.org>" in out
    assert "2. Europe solidaire sans frontières (ESSF), France    <pierre@essf.example.org>" in out
    assert "Would wait for a coordinator (1)" in out                  # the endorsement naming no organization
    assert "inquiry_ack 1" in out and "confirmation_request 2" in out

    # Nothing anyone can see changed: the mailbox (flags, folder), the SMTP server, the live database.
    after = imap_account.fetch()
    assert [(m.uid, m.flags) for m in after.messages] == [(m.uid, m.flags) for m in before.messages]
    assert not any(b"\\Seen" in m.flags for m in after.messages)
    assert "Done" not in imap_account.folders()
    assert smtp.messages == []
    status = json.loads(endorse(config, "status", "--json").stdout)
    assert status["messages"] == {} and status["outbox"] == {}

    # The replies it would have sent are there to read, one file each.
    written = list((tmp_path / "dry" / "outgoing" / "new").iterdir())
    assert len(written) == sum(int(part.split()[-1]) for part in
                               out.split("Replies that would go out: ")[1].splitlines()[0].split(", "))

    as_json = json.loads(endorse(config, "dry-run", "--dir", str(tmp_path / "dry"), "--json").stdout)
    assert as_json["messages"] == 4 and len(as_json["would_ask_to_confirm"]) == 2   # a second dry run: the same

    # Going live afterwards handles every message, as if the dry run had never happened.
    live = endorse(config, "run", "--once")
    assert live.returncode == 0, live.stderr
    assert "stored 4" in live.stdout
    assert len(smtp.wait_for(len(written))) == len(written)
