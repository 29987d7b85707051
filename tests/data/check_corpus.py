"""Check the labelled corpus and the seed set (run with the project's venv: it uses pycountry).

- every .eml parses with email.message_from_bytes, every file has a label and every label a file;
- labels follow the rules of make_corpus.py (fields null where they must be, country_text from pycountry, ...);
- what a label says is really in the message (organization, short name, contact address and name are found in the
  decoded text, a confirmation carries a well-formed token);
- the mix: counts per kind and per language of the endorsements;
- seed/NN.eml matches line NN of the statement's "Signed by" list.
Prints the counts per kind, language and client shape. Exits non-zero on the first failed check.
"""

from __future__ import annotations

import csv
import email
import email.policy
import json
import re
import sys
from collections import Counter
from pathlib import Path

import pycountry

from labelcheck import KEYS, KINDS, TOKEN_RE, Reading, decoded_text, file_errors

HERE = Path(__file__).resolve().parent
STATEMENT_TXT = HERE.parents[2] / "shared" / "seed" / "joint-statement.txt"
# this check's reading of a message: charsets as declared, a multipart left unparsed read as it stands
READING = Reading(charsets={}, broken_multiparts=True, drop_style=False, strip=False)
MIX = {"endorsement": 70, "withdrawal": 10, "inquiry": 18, "confirmation": 10, "subscribe": 8, "unsubscribe": 6,
       "auto_reply": 15, "bounce": 12, "unknown": 8}


def country_text(code: str) -> str:
    c = pycountry.countries.get(alpha_2=code)
    return getattr(c, "common_name", None) or c.name


def check_labels(folder: Path, expected: dict, errors: list[str]) -> None:
    errors += file_errors(folder, expected, prefix=f"{folder.name}/")[1]
    for name, lab in sorted(expected.items()):
        where = f"{folder.name}/{name}"
        if set(lab) != KEYS:
            errors.append(f"{where}: keys {sorted(lab)}")
            continue
        raw = (folder / name).read_bytes()
        msg = email.message_from_bytes(raw)
        text = decoded_text(msg, reading=READING)
        kind = lab["kind"]
        if kind not in KINDS:
            errors.append(f"{where}: kind {kind}")
        org_fields = ("organization", "short_name", "country", "country_text")
        if kind not in ("endorsement", "withdrawal") and any(lab[k] is not None for k in org_fields):
            errors.append(f"{where}: organization fields set for {kind}")
        if kind in ("auto_reply", "bounce") and (lab["contact_email"] or lab["contact_name"]):
            errors.append(f"{where}: contact set for {kind}")
        if kind not in ("auto_reply", "bounce") and not lab["contact_email"]:
            errors.append(f"{where}: no contact_email for {kind}")
        if lab["needs_review"] != (kind == "unknown") and kind != "endorsement":
            errors.append(f"{where}: needs_review {lab['needs_review']} for {kind}")
        if kind == "endorsement" and not lab["needs_review"] and not (lab["organization"] and lab["country"]):
            errors.append(f"{where}: a clear endorsement needs organization and country")
        if kind == "endorsement" and lab["needs_review"] is False and lab["organization"] is None:
            errors.append(f"{where}: no organization but no review")
        if lab["country"]:
            ct = country_text(lab["country"])
            if lab["country_text"] != ct and "/" not in lab["country_text"]:
                errors.append(f"{where}: country_text {lab['country_text']!r}, pycountry says {ct!r}")
            if lab["country_text"] != ct and lab["country_text"] not in text:
                errors.append(f"{where}: country text {lab['country_text']!r} not in the message")
        elif lab["country_text"]:
            errors.append(f"{where}: country_text without country")
        for k in ("organization", "short_name", "contact_name"):
            if lab[k] and lab[k] not in text:
                errors.append(f"{where}: {k} {lab[k]!r} not found in the message")
        if lab["contact_email"] and lab["contact_email"] not in text.lower():
            errors.append(f"{where}: contact_email {lab['contact_email']!r} not found")
        if lab["contact_email"] and lab["contact_email"] != lab["contact_email"].lower():
            errors.append(f"{where}: contact_email not lowercased")
        if kind == "confirmation":
            found = TOKEN_RE.findall(text) + TOKEN_RE.findall(str(msg["To"]))
            if not found:
                errors.append(f"{where}: confirmation without a token")


def signed_by() -> list[str]:
    lines = STATEMENT_TXT.read_text(encoding="utf-8").split("Signed by:", 1)[1].strip().splitlines()
    return [re.sub(r"\s+", " ", re.sub(r"^\s*\d+\.\s*", "", ln)).strip() for ln in lines if ln.strip()]


def main() -> int:
    errors: list[str] = []
    corpus = HERE / "corpus"
    expected = json.loads((corpus / "expected.json").read_text(encoding="utf-8"))
    check_labels(corpus, expected, errors)
    manifest = {row["file"]: row for row in csv.DictReader(open(corpus / "manifest.tsv", encoding="utf-8"),
                                                           delimiter="\t")}
    if set(manifest) != set(expected):
        errors.append("manifest.tsv and expected.json name different files")
    kinds = Counter(lab["kind"] for lab in expected.values())
    for kind, least in MIX.items():
        if kinds[kind] < least:
            errors.append(f"only {kinds[kind]} {kind} (want {least})")
    if len(expected) < 160:
        errors.append(f"only {len(expected)} messages")
    langs = Counter(manifest[f]["language"] for f, lab in expected.items() if lab["kind"] == "endorsement")
    for lang in ("id", "ms", "tl", "th", "fr", "es", "pt"):
        if langs[lang] < 6:
            errors.append(f"only {langs[lang]} endorsements in {lang}")
    review = sum(1 for lab in expected.values() if lab["kind"] == "endorsement" and lab["needs_review"])
    if not 12 <= review <= 20:
        errors.append(f"{review} endorsements need review")
    if not any(len((corpus / f).read_bytes()) > 2_000_000 for f in expected):
        errors.append("no message over 2 MB")

    seed = HERE / "seed"
    seed_expected = json.loads((seed / "expected.json").read_text(encoding="utf-8"))
    check_labels(seed, seed_expected, errors)
    lines = signed_by()
    if len(lines) != 20 or sorted(seed_expected) != [f"{i:02d}.eml" for i in range(1, 21)]:
        errors.append("seed: want 01.eml .. 20.eml for 20 lines")
    senders = set()
    for i, line in enumerate(lines, 1):
        lab = seed_expected.get(f"{i:02d}.eml")
        if not lab:
            continue
        org = lab["organization"] + (f" ({lab['short_name']})" if lab["short_name"] else "")
        if f"{org}, {lab['country_text']}" != line:
            errors.append(f"seed/{i:02d}.eml: {org}, {lab['country_text']} != {line}")
        if lab["kind"] != "endorsement" or lab["needs_review"]:
            errors.append(f"seed/{i:02d}.eml: want a clear endorsement")
        msg = email.message_from_bytes((seed / f"{i:02d}.eml").read_bytes())
        senders.add(email.utils.parseaddr(msg["From"])[1])
    if len(senders) < 19:  # one seed is a coordinator's forward
        errors.append(f"seed: only {len(senders)} distinct senders")

    print("messages:", len(expected), " seed:", len(seed_expected))
    print("per kind:", dict(sorted(kinds.items())))
    print("endorsements per language:", dict(sorted(langs.items())), " needing review:", review)
    print("all per language:", dict(sorted(Counter(r["language"] for r in manifest.values()).items())))
    print("per shape:", dict(sorted(Counter(r["shape"] for r in manifest.values()).items())))
    for e in errors:
        print("ERROR", e)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
