"""Understanding cost: parse + classify + extract against the bare stdlib parse of the same bytes.

    .venv/bin/python bench/parse.py [--messages 10000] [--repeat 3]

Builds N realistic messages (about 4 KB, mostly multipart/alternative as Gmail and Outlook send them,
some plain, some HTML-only, a few with an attachment; endorsements, inquiries, replies and auto-replies
in the statement's languages), then times in the same run, best of --repeat:
  reference: email.message_from_bytes(data) (compat32) + decoding the text part
  endorse:   mailer.reading.parse.parse_message + mailer.reading.classify.classify (extraction included)
and prints the ratio (target: at most 5x). The two run in alternating chunks of the same messages, so a\nnoisy machine slows both alike: only the ratio means anything.
"""
from __future__ import annotations

import argparse
import email
import random
import sys
import time
from email.message import EmailMessage
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from mailer.reading.classify import classify  # noqa: E402
from mailer.reading.parse import parse_message  # noqa: E402

ORGS = [("Parti Sosialis Malaysia (PSM)", "Malaysia"), ("Partido Lakas ng Masa (PLM)", "Philippines"),
        ("Partai Rakyat Pekerja (PRP)", "Indonesia"), ("Socialist Workers Thailand (SWT)", "Thailand"),
        ("Front Line Socialist Party", "Sri Lanka"), ("Socialist Alliance", "Australia"),
        ("Europe solidaire sans frontières (ESSF)", "France"), ("Kolektif Buruh Jakarta (KBJ)", "Indonesia")]
BODIES = [
    "Dear comrades,\n\nOn behalf of the {org}, we endorse the joint statement.\n\nCountry: {country}\n",
    "Salam solidaritas,\n\nNama organisasi: {org}\nNegara: {country}\n\nKami menyatakan dukungan.\n",
    "Hello,\n\nCould you tell me where the statement will be published? Is there a French translation?\n",
    "Bonjour,\n\nNous, {org}, signons la déclaration commune.\nPays : {country}\n",
    "Magandang araw!\n\nPangalan ng organisasyon: {org}\nBansa: {country}\n\nKami ay sumusuporta.\n",
    "Yes, we confirm.\n\nOn Mon, 12 Feb 2024 at 10:00, Statement Desk <statement@example.org> wrote:\n"
    "> Please confirm your endorsement.\n> Reference: c-abcdefghijkmnpqrstuvwxyz23\n",
]
FILLER = ("Solidarity with the people of Palestine. We call upon all progressive forces to intensify our "
          "mobilizations and actions to push these demands. Free Palestine now! ")


def make_message(i: int, rng: random.Random) -> bytes:
    org, country = rng.choice(ORGS)
    body = rng.choice(BODIES).format(org=org, country=country) + "\n" + FILLER * rng.randint(8, 14) + "\n-- \nA. Person\n"
    msg = EmailMessage()
    msg["From"] = f"Person {i} <p{i}@org{i % 97}.example.net>"
    msg["To"] = "statement@example.org"
    msg["Subject"] = rng.choice(["Endorsement", "Re: Joint statement", "Dukungan", "Question", "Adhésion"])
    msg["Date"] = "Mon, 12 Feb 2024 09:14:02 +0800"
    msg["Message-ID"] = f"<bench-{i}@client.example.net>"
    for n in range(3):
        msg["Received"] = f"from mx{n}.example.net (mx{n}.example.net [192.0.2.{n}]) by mx.example.org; Mon, 12 Feb 2024"
    msg["DKIM-Signature"] = "v=1; a=rsa-sha256; d=example.net; s=s1; b=" + "A" * 300
    shape = rng.random()
    html = "<html><body><div dir=\"ltr\">" + "".join(f"<p>{line}</p>" for line in body.split("\n") if line) + \
           "</div></body></html>"
    if shape < 0.70:
        msg.set_content(body)
        msg.add_alternative(html, subtype="html")
    elif shape < 0.85:
        msg.set_content(body)
    elif shape < 0.95:
        msg.set_content(html, subtype="html")
    else:
        msg.set_content(body)
        msg.add_attachment(b"%PDF-1.4 fake letter" * 20, maintype="application", subtype="pdf", filename="letter.pdf")
    return msg.as_bytes()


def reference(raw: bytes) -> str:
    msg = email.message_from_bytes(raw)
    for part in msg.walk():      # the first text part, plain or HTML, decoded
        if part.get_content_type() in ("text/plain", "text/html"):
            return part.get_payload(decode=True).decode(part.get_content_charset() or "utf-8", "replace")
    return ""


def endorse(raw: bytes):
    return classify(parse_message(raw))


def interleaved(corpus, repeat: int, chunk: int = 250) -> tuple[float, float]:
    """Total seconds of (reference, endorse), measured in alternating chunks so both see the same load."""
    ref = ours = float("inf")
    for _ in range(repeat):
        r = o = 0.0
        for i in range(0, len(corpus), chunk):
            part = corpus[i:i + chunk]
            start = time.perf_counter()
            for raw in part:
                reference(raw)
            middle = time.perf_counter()
            for raw in part:
                endorse(raw)
            r, o = r + middle - start, o + time.perf_counter() - middle
        ref, ours = min(ref, r), min(ours, o)
    return ref, ours


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--messages", type=int, default=10_000)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    rng = random.Random(42)
    corpus = [make_message(i, rng) for i in range(args.messages)]
    size = sum(map(len, corpus)) / len(corpus)
    endorse(corpus[0])            # warm imports and caches outside the timing
    ref, ours = interleaved(corpus, args.repeat)
    n = len(corpus)
    print(f"messages: {n}, average size {size:,.0f} bytes")
    print(f"reference (compat32 parse + text part): {ref:.2f} s, {n / ref:,.0f} msg/s")
    print(f"endorse (parse + classify + extract):    {ours:.2f} s, {n / ours:,.0f} msg/s")
    print(f"ratio: {ours / ref:.2f}x the bare parse (target <= 5x)")


if __name__ == "__main__":
    main()
