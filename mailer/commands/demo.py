"""``endorse demo``: the whole path on one machine, no servers.

Sample mail goes into a local Maildir, one cycle writes the replies into the
'sent' Maildir, each endorser "presses Reply" (a reply quoting the request,
written the way a mail client writes it), a second cycle confirms, and the
signatory list is printed.
"""
from __future__ import annotations

import email
import email.policy
import email.utils
import mailbox
import shutil
from email.message import EmailMessage
from pathlib import Path


SAMPLES = Path(__file__).resolve().parents[2] / "samples"

DEMO_SETTINGS = """\
[statement]
title = "Joint Statement of the Southeast Asian Left Organizations: End the genocide! Solidarity with Palestine!"
address = "statement@example.org"
sender_name = "Joint Statement Desk"
coordinators = ["coordinator@example.org"]

[mailbox]
kind = "maildir"
maildir = "mail/inbox"

[outgoing]
kind = "maildir"
maildir = "mail/sent"

[database]
url = "sqlite:///endorse.db"
"""


def reply_as_client(request: bytes, *, sender: str, body: str, date: str | None = None) -> bytes:
    """A reply to *request* as a mail client writes it: Reply-To honoured, Re: subject, quote, threading."""
    from mailer.reading.parse import decode_header_value
    original = email.message_from_bytes(request, policy=email.policy.default)
    to = original.get("Reply-To") or original.get("From")
    reply = EmailMessage()
    reply["From"] = sender
    reply["To"] = str(to)
    reply["Subject"] = "Re: " + decode_header_value(original.get("Subject", "")).removeprefix("Re: ")
    reply["Date"] = date or email.utils.formatdate(localtime=True)
    reply["Message-ID"] = email.utils.make_msgid(domain=sender.rpartition("@")[2].rstrip(">") or "example.net")
    reply["In-Reply-To"] = original["Message-ID"]
    reply["References"] = " ".join(filter(None, [original.get("References", ""), original["Message-ID"]]))
    part = original.get_body(("plain",))
    quoted = "\n".join("> " + line for line in (part.get_content() if part else "").splitlines())
    reply.set_content(f"{body}\n\nOn {original['Date']}, {original['From']} wrote:\n{quoted}\n")
    return reply.as_bytes()


def _show(title: str) -> None:
    print(f"\n=== {title} ===")


def run_demo(folder: Path) -> int:
    from mailer.cli import main as endorse
    from mailer.edges.mailbox_source import maildir_delivery_order
    from mailer.reading.parse import decode_header_value
    folder = folder.resolve()
    if folder.exists():
        shutil.rmtree(folder)
    (folder / "mail").mkdir(parents=True)
    config = folder / "settings.toml"
    config.write_text(DEMO_SETTINGS, encoding="utf-8")
    inbox = mailbox.Maildir(str(folder / "mail/inbox"), create=True)
    samples = sorted(SAMPLES.glob("*.eml"))
    for sample in samples:
        inbox.add(sample.read_bytes())
    _show(f"{len(samples)} sample emails delivered to {folder / 'mail/inbox'}")
    for sample in samples:
        msg = email.message_from_bytes(sample.read_bytes())
        print(f"  {sample.name}: {decode_header_value(msg.get('From', ''))} | {decode_header_value(msg.get('Subject', ''))}")

    _show("cycle 1: read, understand, reply")
    endorse(["--config", str(config), "run", "--once"])
    sent = mailbox.Maildir(str(folder / "mail/sent"), create=True)
    requests = []
    for key in sorted(sent.iterkeys(), key=maildir_delivery_order):
        raw = sent.get_bytes(key)
        msg = email.message_from_bytes(raw, policy=email.policy.default)
        print(f"  to {msg['To']}: {msg['Subject']}")
        requests.append((key, raw, msg))
    if requests:
        _show("the first reply in full")
        print(requests[0][2].get_body(("plain",)).get_content().rstrip())

    _show("each endorser presses Reply")
    for _key, raw, msg in requests:
        if "[confirm " not in str(msg["Subject"]):
            continue    # review mails to the coordinators wait for a person (`endorse review`)
        to = str(msg["To"])
        address = email.utils.parseaddr(to)[1]
        inbox.add(reply_as_client(raw, sender=to, body="Yes, we confirm."))
        print(f"  {address} replied")
    sent.clear()

    _show("cycle 2: confirmations")
    endorse(["--config", str(config), "run", "--once"])
    _show("status")
    endorse(["--config", str(config), "status"])
    _show("Signed by:")
    endorse(["--config", str(config), "signatories", "--format", "text"])
    print(f"\nEverything is in {folder}: mail/inbox, mail/sent (what Endorse wrote), endorse.db.")
    return 0


def cmd_demo(args) -> int:
    return run_demo(Path(args.dir))


def add_parser(sub) -> None:
    demo = sub.add_parser("demo", help="the whole path on this machine: sample mail, replies, confirmations, list")
    demo.add_argument("--dir", default="demo", help="working folder (default: ./demo, recreated)")
    demo.set_defaults(func=cmd_demo)
