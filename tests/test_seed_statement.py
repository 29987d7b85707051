"""The statement's own twenty signatories, through Dovecot and the SMTP server, end to end.

The twenty seed emails (tests/data/seed, written in different shapes and languages) arrive one after another
in the statement's IMAP mailbox.  Each endorser answers the confirmation request the way a mail client does (a
reply quoting the request, in the endorser's language); where the line shown is not the organization's, the
endorser replies with the correction, as the request invites.  Whatever goes to review is answered by a
coordinator by mail: "approve" when the line shown is right, corrected lines when it is not.  In the end
`endorse signatories --format text` prints the statement's "Signed by" list, byte for byte.
"""
from __future__ import annotations

import json
import re
import subprocess
import sys
from datetime import timedelta
from functools import partial
from pathlib import Path


from mailer.edges.mailbox_source import connect_mailbox
from mailer.pipeline import run_cycle
from mailer.settings import load_settings
from mailer.edges.smtp import SmtpSender
from storage.db import open_database, utcnow
from storage import registry
from storage.export import listing_line, render_text
from tests.mails import reply_as_client
from tests.support.config import imap_mailbox, smtp_outgoing, write_config
from tests.support.desk import read_sent

SEED = Path(__file__).parent / "data" / "seed"
COORDINATOR = "Coord One <coord1@example.org>"
YES = {"MY": "Setuju.", "ID": "Ya, kami setuju.", "PH": "Oo, kumpirmado.", "TH": "ใช่ครับ",
       "FR": "Oui, nous confirmons.", "IN": "", "LK": ""}        # "": a plain Reply, nothing written
LISTING_LINE = re.compile(r"^    (\S.*)$", re.MULTILINE)     # the one indented line of a confirmation request
SHOWN_LINE = re.compile(r"The line in the list would be:\n\s+(.+)\n")


def statement_list(shared_dir: Path) -> str:
    """The lines after "Signed by:", read in place.

    The published statement has one no-break space (U+00A0, from the web page it was copied from) after the
    comma of line 15, "Haqooq Khalq Party,\u00a0Pakistan"; no endorser types one and the registry writes
    ", " everywhere.  That single character is read as a space; any other difference fails the test.
    """
    text = (shared_dir / "seed" / "joint-statement.txt").read_text(encoding="utf-8")
    signed = text.split("Signed by:", 1)[1].strip("\n")
    assert signed.count("\u00a0") <= 1 and "\u00a0" not in signed.replace("Party,\u00a0Pakistan", "")
    return signed.replace("\u00a0", " ")


def corrected(expected: dict) -> str:
    organization = expected["organization"]
    return (f"Organisation: {organization}\nShort name: {expected['short_name'] or 'none'}\n"
            f"Country: {expected['country_text']}")


def test_the_twenty_seed_endorsements_give_the_statements_list_byte_for_byte(tmp_path, shared_dir, db_url,
                                                                             imap_account, smtp, monkeypatch):
    expected = json.loads((SEED / "expected.json").read_text(encoding="utf-8"))
    wanted = statement_list(shared_dir)
    assert [listing_line(e["organization"], e["short_name"], e["country_text"]) for e in expected.values()] == [
        line.split(". ", 1)[1] for line in wanted.splitlines()]      # the labels are the statement's lines

    monkeypatch.setenv("ENDORSE_TEST_IMAP_PASSWORD", "secret")
    config = write_config(tmp_path, database_url=db_url, mailbox=imap_mailbox(imap_account),
                          outgoing=smtp_outgoing(smtp))
    settings = load_settings(config)
    db = open_database(settings.database_url)
    sender = SmtpSender(settings.outgoing)
    clock = [utcnow()]
    seen = [0]

    def cycle():
        run_cycle(partial(connect_mailbox, settings.mailbox), db, sender, settings, now=lambda: clock[0])
        captured = smtp.messages[seen[0]:]
        seen[0] += len(captured)
        return [read_sent(c.raw, rcpt) for c in captured for rcpt in c.rcpt_tos]

    helped: dict[str, list[str]] = {}
    try:
        for n, (name, labels) in enumerate(expected.items(), 1):
            line = listing_line(labels["organization"], labels["short_name"], labels["country_text"])
            clock[0] += timedelta(hours=1)        # endorsements come in one after another
            imap_account.append((SEED / name).read_bytes())
            sent = cycle()
            for _round in range(4):
                answers = []
                for mail in sent:
                    if "[confirm c-" in mail.subject and LISTING_LINE.search(mail.text):
                        shown = LISTING_LINE.search(mail.text).group(1)     # in the endorser's language
                        body = YES.get(labels["country"], "Yes, we confirm.")
                        if shown != line:
                            helped.setdefault(name, []).append(f"endorser corrected {shown!r}")
                            body = "Yes, but please correct our name:\n" + corrected(labels)
                        answers.append(reply_as_client(mail.raw, sender=mail.to, body=body))
                    elif mail.subject.startswith("[review r-") and mail.to == "coord1@example.org":
                        found = SHOWN_LINE.search(mail.text)
                        reason = mail.text.split("Why: ", 1)[1].split("\n", 1)[0]
                        helped.setdefault(name, []).append(f"review: {reason}")
                        body = "approve" if found and found.group(1) == line else corrected(labels)
                        answers.append(reply_as_client(mail.raw, sender=COORDINATOR, body=body))
                if not answers:
                    break
                for answer in answers:
                    imap_account.append(answer)
                clock[0] += timedelta(minutes=5)
                sent = cycle()
            with db.session() as s:
                listed = render_text(registry.listed_signatories(s))
            assert listed.splitlines()[-1:] == [f"  {n}. {line}"], (name, helped.get(name))
    finally:
        db.dispose()

    out = subprocess.run([sys.executable, "-m", "mailer.cli", "--config", str(config), "signatories", "--format",
                          "text"], capture_output=True, timeout=60, check=True).stdout
    assert out == (wanted + "\n").encode("utf-8")
    print("seeds that needed a coordinator or a correction:", json.dumps(helped, indent=1, ensure_ascii=False))
