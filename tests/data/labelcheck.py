"""Labels of the hand-written corpora in tests/data and the checks their generators run (stdlib only; pycountry is
used when it is importable).

Used by make_corpus.py (labels), check_corpus.py (what a reader sees of a message) and the held-out generators
heldout/make_heldout.py, heldout2/make_heldout2.py and heldout3/make_heldout3.py (their cases, writing their
folder, checking it). Each generator keeps its own cases and data and passes in what differs: its folder, its
country texts, the earlier generators it must not reuse and the campaign strings exempt from that, ...

Every check here reports in the words its generators always used: the messages are part of what they print.
"""

from __future__ import annotations

import ast
import email
import html
import json
import random
import re
import sys
import unicodedata
from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from email.header import decode_header, make_header
from email.utils import parseaddr
from pathlib import Path
from typing import Callable, NamedTuple, Sequence

from mailshapes import Cx

try:
    import pycountry
except ImportError:
    pycountry = None

KINDS = ("endorsement", "withdrawal", "inquiry", "confirmation", "subscribe", "unsubscribe", "auto_reply", "bounce",
         "unknown")
KEYS = {"kind", "organization", "short_name", "country", "country_text", "contact_email", "contact_name",
        "needs_review"}
ORG_FIELDS = ("organization", "short_name", "country", "country_text")
TOKEN_RE = re.compile(r"c-[abcdefghijkmnpqrstuvwxyz23456789]{26}(?![abcdefghijkmnpqrstuvwxyz23456789])")
TOKEN_ANY = re.compile(r"(?<![A-Za-z0-9])c-[A-Za-z0-9]{20,}")
CHARSETS = {"windows-874": "cp874", "tis-620": "tis_620"}
COORD_ADDRESSES = ("coord1@example.org", "coord2@example.org")


# =========================================================================== labels

@dataclass
class Case:
    """A held-out message: its label and the builder (fn, kw) that writes it."""

    lang: str
    client: str
    kind: str
    label: dict
    fn: Callable[..., bytes]
    kw: dict
    tz: float | None = None
    mentions: tuple = ()
    when: datetime | None = None
    name: str = ""


def case(lang: str, client: str, kind: str, label: dict, fn: Callable[..., bytes], tz: float | None = None,
         mentions: tuple = (), when: datetime | None = None, **kw) -> Case:
    """mentions: other organizations and people named in the message (checked as new, like the labels);
    when: the date, for a message that must come later than its place in the list (replies to reminders)."""
    return Case(lang, client, kind, label, fn, kw, tz, mentions, when)


def org_label(country_text: dict, organization: str | None, /, short: str | None = None, cc: str | None = None, *,
              ctext: str | None = None, review: bool = False, **contact) -> dict:
    """Label of an endorsement or a withdrawal; contact: email=..., name=... when not the From header's.
    A generator binds its own country texts: org = partial(org_label, COUNTRY_TEXT)."""
    return dict(organization=organization, short_name=short, country=cc,
                country_text=ctext if ctext else (country_text[cc] if cc else None), needs_review=review, **contact)


def who(**contact) -> dict:
    """Label of any other kind (contact from the From header unless given)."""
    return dict(contact)


def expected_of(c) -> dict:
    """expected.json's entry for a case (anything with kind, label and kw), by the LABELLING RULES of make_corpus.py."""
    lab = c.label
    frm = c.kw.get("frm", (None, None))
    out = {"kind": c.kind, "organization": None, "short_name": None, "country": None, "country_text": None,
           "contact_email": None, "contact_name": None, "needs_review": c.kind == "unknown"}
    if c.kind in ("endorsement", "withdrawal"):
        for k in ORG_FIELDS:
            out[k] = lab.get(k)
        out["needs_review"] = bool(lab.get("needs_review")) if c.kind == "endorsement" else False
    if c.kind not in ("auto_reply", "bounce"):
        mail_ = lab.get("email", frm[1])
        out["contact_email"] = mail_.lower() if mail_ else None
        out["contact_name"] = lab["name"] if "name" in lab else (frm[0] or None)
    return out


# =========================================================================== what a reader sees

class Reading(NamedTuple):
    """How decoded_text reads a message. Each checker keeps the reading it was written with; the default is
    heldout2's and heldout3's."""

    charsets: dict = CHARSETS  # declared charset -> the codec that reads it
    broken_multiparts: bool = False  # a multipart left unparsed: multipart/alternative read as text, others raw
    drop_style: bool = True  # <style> blocks of an HTML part are not text
    strip: bool = True  # no white space at either end


def decoded_text(msg: email.message.Message, lines: bool = False, reading: Reading = Reading()) -> str:
    """What a reader sees: decoded headers and every text part (mislabelled charsets repaired by hand), white space
    folded (lines: kept)."""
    out = []
    for h in ("From", "To", "Subject"):
        if msg[h]:
            out.append(str(make_header(decode_header(msg[h]))))
    for part in msg.walk():
        if part.is_multipart():
            continue
        ctype = part.get_content_type()
        if reading.broken_multiparts and ctype.startswith("multipart/") and ctype != "multipart/alternative":
            if part.get_payload() and isinstance(part.get_payload(), str):
                out.append(part.get_payload())
            continue
        if not (ctype.startswith("text/") or reading.broken_multiparts and ctype == "multipart/alternative"):
            continue
        data = part.get_payload(decode=True) or b""
        text = None
        declared = part.get_content_charset() or "us-ascii"  # lowercased by the email package
        for cs in ("utf-8", reading.charsets.get(declared, declared), "cp1252"):
            try:
                text = data.decode(cs)
                break
            except (UnicodeDecodeError, LookupError):
                continue
        text = text if text is not None else data.decode("latin-1")
        if part.get_param("format") == "flowed":
            text = re.sub(r" \n(?!>)", " ", text)
        if ctype == "text/html":
            if reading.drop_style:
                text = re.sub(r"(?is)<style.*?</style>", " ", text)
            text = html.unescape(re.sub(r"<[^>]+>", " ", text))
        out.append(text)
    for part in msg.walk():  # returned or forwarded originals
        if part.get_content_type() == "message/rfc822":
            for inner in part.get_payload():
                out.append(decoded_text(inner, lines, reading))
    joined = unicodedata.normalize("NFC", "\n".join(out))
    if lines:
        return joined
    joined = re.sub(r"\s+", " ", joined)
    return joined.strip() if reading.strip else joined


def norm(s: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", s)).strip()


def pycountry_text(code: str) -> str | None:
    """pycountry's common_name, else its name; None when pycountry is not importable."""
    if pycountry is None:
        return None
    c = pycountry.countries.get(alpha_2=code)
    return getattr(c, "common_name", None) or c.name


# =========================================================================== checks of one label

def load_expected(folder: Path) -> dict:
    return json.loads((folder / "expected.json").read_text(encoding="utf-8"))


def file_errors(folder: Path, expected: dict, prefix: str = "") -> tuple[set[str], list[str]]:
    """The folder's .eml names, and the errors of files and labels that do not match one to one."""
    files = {p.name for p in folder.glob("*.eml")}
    errors = [f"{prefix}{n}: labelled but no file" for n in sorted(set(expected) - files)]
    errors += [f"{prefix}{n}: file without a label" for n in sorted(files - set(expected))]
    return files, errors


def kind_errors(name: str, lab: dict, case_kind: str | None = None) -> list[str]:
    """The rules of the kinds: which fields each kind sets, needs_review, a clear endorsement (and, given the case's
    kind, that the label says the same)."""
    errors = []
    kind = lab["kind"]
    if kind not in KINDS:
        errors.append(f"{name}: kind {kind}")
    if case_kind is not None and kind != case_kind:
        errors.append(f"{name}: label {kind} but case {case_kind}")
    if kind not in ("endorsement", "withdrawal") and any(lab[k] is not None for k in ORG_FIELDS):
        errors.append(f"{name}: organization fields for {kind}")
    if kind in ("auto_reply", "bounce") and (lab["contact_email"] or lab["contact_name"]):
        errors.append(f"{name}: contact for {kind}")
    if kind not in ("auto_reply", "bounce") and not lab["contact_email"]:
        errors.append(f"{name}: no contact_email for {kind}")
    if kind != "endorsement" and lab["needs_review"] != (kind == "unknown"):
        errors.append(f"{name}: needs_review {lab['needs_review']} for {kind}")
    if kind == "endorsement" and not lab["needs_review"] and not (lab["organization"] and lab["country"]):
        errors.append(f"{name}: a clear endorsement needs organization and country")
    return errors


def organization_errors(name: str, lab: dict, articles: tuple, withdrawals: bool = True) -> list[str]:
    """No short name or country without an organization (withdrawals: a withdrawal too, and it names one); the
    organization as written, without the prose's article, trailing punctuation or its short name."""
    errors = []
    kind = lab["kind"]
    if kind in (("endorsement", "withdrawal") if withdrawals else ("endorsement",)) \
            and lab["organization"] is None and (lab["short_name"] or lab["country"]):
        errors.append(f"{name}: fields without an organization")
    if withdrawals and kind == "withdrawal" and not lab["organization"]:
        errors.append(f"{name}: a withdrawal without its organization")
    o = lab["organization"]
    if o and (o.lower().startswith(articles) or o[-1] in ".,;:!" or (lab["short_name"] and lab["short_name"] in o)):
        errors.append(f"{name}: organization {o!r} keeps an article, punctuation or its short name")
    return errors


def text_errors(name: str, lab: dict, text: str, normalize: bool = True) -> list[str]:
    """Organization, short name, contact name and address are in the decoded text (normalize: the label's white
    space folded first); the address is lowercased."""
    errors = []
    for k in ("organization", "short_name", "contact_name"):
        if lab[k] and (norm(lab[k]) if normalize else lab[k]) not in text:
            errors.append(f"{name}: {k} {lab[k]!r} not in the decoded text")
    if lab["contact_email"]:
        if lab["contact_email"] != lab["contact_email"].lower():
            errors.append(f"{name}: contact_email not lowercased")
        if lab["contact_email"] not in text.lower():
            errors.append(f"{name}: contact_email {lab['contact_email']!r} not in the decoded text")
    return errors


def sender_errors(name: str, lab: dict, msg: email.message.Message, c: Case) -> list[str]:
    """The contact address is the From address unless the case's label names another."""
    sender = parseaddr(str(make_header(decode_header(msg["From"] or ""))))[1].lower()
    if lab["kind"] not in ("auto_reply", "bounce") and lab["contact_email"] != sender and "email" not in c.label:
        return [f"{name}: contact_email {lab['contact_email']!r} is not the From address {sender!r}"]
    return []


def token_errors(name: str, kind: str, text: str, to: str | None, malformed: bool = True) -> list[str]:
    """A confirmation carries a token (in the text or the To address); malformed: every token-like string there is
    well formed."""
    errors = []
    where = text + " " + str(to or "")
    if malformed:
        for t in TOKEN_ANY.findall(where):
            if not TOKEN_RE.fullmatch(t):
                errors.append(f"{name}: malformed token {t!r}")
    if kind == "confirmation" and not TOKEN_RE.search(where):
        errors.append(f"{name}: confirmation without a token")
    return errors


# =========================================================================== nothing reused from earlier generators

def literals(paths: Sequence[Path]) -> list[str]:
    """Every string literal of the given generators (f-strings: their literal pieces)."""
    out: list[str] = []
    for path in paths:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                out.append(node.value)
    return out


def sentences(text: str) -> list[str]:
    """Lines and sentences of a text, whitespace-normalized."""
    out = []
    for para in re.split(r"\n\s*\n", text):
        for line in para.split("\n"):
            out.append(norm(line.lstrip("> ")))
        joined = norm(" ".join(x.lstrip("> ") for x in para.split("\n")))
        out += [norm(s) for s in re.split(r"(?<=[.!?;:])\s+", joined)]
    return [s for s in out if s]


def strip_exempt(s: str, exempt: Sequence[str]) -> str:
    for e in exempt:
        s = re.sub(re.escape(e), " ", s, flags=re.IGNORECASE)
    return s


def prose(s: str) -> bool:
    """A sentence worth comparing: 30+ characters and at least four words of letters (not a MIME type, a rule,
    a header name or a forward separator), or 20+ Thai letters (Thai puts no spaces between words)."""
    words = [w for w in s.split() if re.fullmatch(r"[(\"“«¿¡]*[^\W\d_]+([-’'][^\W\d_]+)*[.,;:!?\"”»)]*", w)]
    thai = sum(1 for ch in s if "\u0e00" <= ch <= "\u0e7f")
    return len(s) >= 30 and (len(words) >= 4 or thai >= 20)


SHINGLE = 7


def shingles(text: str, exempt: Sequence[str]) -> set[tuple[str, ...]]:
    """Runs of SHINGLE consecutive words (letters only; numbers, addresses and host names are left out) of 30+
    characters: a reused clause shows up here even when the sentences around it differ."""
    out = set()
    for line in strip_exempt(text, exempt).split("\n"):
        if re.match(r"\s*(Received|by|for|Return-Path|Message-ID|Date|From|To|Subject):? ", line):
            continue  # a header of a returned original
        words = [w for w in re.findall(r"[^\W_]+(?:['’][^\W_]+)?|\S+", line.lower())
                 if re.fullmatch(r"[^\W\d_]+(?:['’][^\W\d_]+)?", w)]
        for i in range(len(words) - SHINGLE + 1):
            g = tuple(words[i:i + SHINGLE])
            if len(" ".join(g)) >= 30:
                out.add(g)
    return out


def thai_clauses(text: str) -> set[str]:
    """Thai writes a clause without spaces: clauses of 18+ Thai characters, compared whole."""
    return {x for x in re.findall(r"[\u0e00-\u0e7f]+", text) if len(x) >= 18}


def authored(c: Case) -> list[str]:
    """Every string the generator wrote for a case (keyword values, nested)."""
    out: list[str] = []

    def walk(v):
        if isinstance(v, str):
            out.append(v)
        elif isinstance(v, (tuple, list)):
            for x in v:
                walk(x)
        elif isinstance(v, dict):
            for x in v.values():
                walk(x)
    walk(c.kw)
    return out


class Earlier:
    """The string literals of the earlier generators, indexed for the reuse checks; exempt: the campaign's fixed
    identity (title, desk, coordinators' addresses), which every generator may use."""

    def __init__(self, paths: Sequence[Path], exempt: Sequence[str]):
        self.exempt = tuple(exempt)
        self.strings = literals(paths)
        self.text = "\n".join(self.strings)
        self.blob = "\n".join(norm(s) for s in self.strings).lower()
        self.shingles = {g for p in self.strings for g in shingles(p, self.exempt)}
        self.thai = {x for p in self.strings for x in thai_clauses(p)}
        self.sentences = {s.lower() for p in self.strings for s in sentences(strip_exempt(p, self.exempt))
                          if prose(s)}

    def has_word(self, s: str) -> bool:
        return re.search(r"(?<![\w-])" + re.escape(s) + r"(?![\w-])", self.text) is not None

    def errors(self, name: str, lab: dict, msg: email.message.Message, text: str, c: Case) -> list[str]:
        """Nothing the case labels, names or says is in an earlier generator."""
        errors = []
        newish = [lab[k] for k in ("organization", "contact_email", "contact_name") if lab[k]]
        newish += [x for x in c.mentions]
        frm = c.kw.get("frm")
        if frm and frm[1] not in COORD_ADDRESSES:
            newish += [frm[1]] + ([frm[0]] if frm[0] else [])
        for s in newish:
            if len(s) > 4 and norm(s).lower() in self.blob:
                errors.append(f"{name}: {s!r} also in an earlier generator")
        if lab["short_name"] and self.has_word(lab["short_name"]):
            errors.append(f"{name}: short name {lab['short_name']!r} also in an earlier generator")
        for s in c.mentions:
            if s.isupper() and self.has_word(s):
                errors.append(f"{name}: short name {s!r} also in an earlier generator")
        for s in authored(c):
            for sen in sentences(strip_exempt(s, self.exempt)):
                if prose(sen) and sen.lower() in self.blob:
                    errors.append(f"{name}: sentence also in an earlier generator: {sen!r}")
        text_lines = decoded_text(msg, lines=True)
        for sen in sentences(strip_exempt(text_lines, self.exempt)):
            if prose(sen) and sen.lower() in self.blob:
                errors.append(f"{name}: decoded sentence also in an earlier generator: {sen!r}")
        mine = [text_lines] + authored(c)
        for g in sorted({g for t in mine for g in shingles(t, self.exempt)} & self.shingles):
            errors.append(f"{name}: a run of {SHINGLE} words also in an earlier generator: {' '.join(g)!r}")
        for cl in sorted({x for t in mine for x in thai_clauses(t)}):
            if any(cl in q or q in cl for q in self.thai):
                errors.append(f"{name}: a Thai clause also in an earlier generator: {cl!r}")
        low = norm(strip_exempt(text, self.exempt)).lower()
        for ps in self.sentences:
            if ps in low:
                errors.append(f"{name}: contains an earlier generator's sentence: {ps!r}")
        return errors


# =========================================================================== a held-out folder

@dataclass
class HeldOut:
    """A held-out folder and how its cases become files: a fixed shuffled order (a file's number says nothing about
    its kind), named by language and client (server_shapes: "server"), dated in the cases' own order."""

    folder: Path
    cases: Sequence[Case]
    shuffle_seed: int
    base: datetime
    step_minutes: int
    tz_hours: dict
    file_client: dict
    server_shapes: frozenset = frozenset()

    def ordered(self) -> list[Case]:
        """The cases in the files' order, named."""
        cases = list(self.cases)
        random.Random(self.shuffle_seed).shuffle(cases)
        for i, c in enumerate(cases, 1):
            client = "server" if c.client in self.server_shapes else self.file_client.get(c.client,
                                                                                          c.client.split("-")[0])
            c.name = f"{i:03d}-{c.lang}-{client}.eml"
        return cases

    def write(self) -> dict:
        """Writes the .eml files, expected.json and manifest.tsv; returns the labels."""
        for old in self.folder.glob("*.eml"):
            old.unlink()
        expected: dict = {}
        rows = []
        for c in self.ordered():
            i = next(k for k, x in enumerate(self.cases, 1) if x is c)  # dates follow the story, not the file names
            tz = timezone(timedelta(hours=c.tz if c.tz is not None else self.tz_hours.get(c.lang, 0)))
            cx = Cx(c.name, (c.when or self.base + timedelta(minutes=self.step_minutes * i)).astimezone(tz), c.lang)
            data = c.fn(cx, **c.kw)
            (self.folder / c.name).write_bytes(data)
            expected[c.name] = expected_of(c)
            rows.append((c.name, c.kind, c.lang, c.client, len(data)))
        (self.folder / "expected.json").write_text(
            json.dumps(expected, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        with open(self.folder / "manifest.tsv", "w", encoding="utf-8") as f:
            f.write("file\tkind\tlanguage\tshape\tbytes\n")
            for row in sorted(rows):
                f.write("\t".join(str(x) for x in row) + "\n")
        return expected

    def summary(self, expected: dict) -> str:
        rows = {r.split("\t")[0]: r.split("\t")
                for r in (self.folder / "manifest.tsv").read_text(encoding="utf-8").splitlines()[1:]}
        kinds = Counter(lab["kind"] for lab in expected.values())
        end_langs = Counter(rows[n][2] for n, lab in expected.items() if lab["kind"] == "endorsement")
        langs = Counter(rows[n][2] for n in expected)
        review = sum(1 for lab in expected.values() if lab["kind"] == "endorsement" and lab["needs_review"])
        return (f"{self.folder.name}: {len(expected)} messages\nper kind: {dict(sorted(kinds.items()))}\n"
                f"endorsements per language: {dict(sorted(end_langs.items()))}, needing review: {review}\n"
                f"all per language: {dict(sorted(langs.items()))}")

    def main(self, check: Callable[[dict | None], list[str]]) -> int:
        """Writes the folder (`--check`: only reads it), checks it, prints the summary and the errors."""
        expected = None if "--check" in sys.argv[1:] else self.write()
        errors = check(expected)
        print(self.summary(expected or load_expected(self.folder)))
        for e in errors:
            print("ERROR", e)
        return 1 if errors else 0

    def check_new(self, expected: dict | None, *, country_text: dict, articles: tuple, earlier: Sequence[Path],
                  exempt: Sequence[str], coordinators: Sequence[str], least_messages: int) -> list[str]:
        """The checks of a set written after others (heldout2, heldout3): every label by the rules and found in its
        message, tokens well formed, nothing reused from the earlier generators, the mix of kinds and languages."""
        if expected is None:
            expected = load_expected(self.folder)
        files, errors = file_errors(self.folder, expected)
        prior = Earlier(earlier, exempt)
        cases = {c.name: c for c in self.ordered()}
        for name, lab in sorted(expected.items()):
            if name not in files:
                continue
            if set(lab) != KEYS:
                errors.append(f"{name}: keys {sorted(lab)}")
                continue
            raw = (self.folder / name).read_bytes()
            try:
                msg = email.message_from_bytes(raw)
                text = decoded_text(msg)
            except Exception as exc:  # noqa: BLE001
                errors.append(f"{name}: does not parse: {exc!r}")
                continue
            c = cases[name]
            errors += kind_errors(name, lab, c.kind)
            errors += organization_errors(name, lab, articles)
            if lab["country"]:
                want = country_text.get(lab["country"])
                pwant = pycountry_text(lab["country"])
                if pwant is not None and pwant != want:
                    errors.append(f"COUNTRY_TEXT[{lab['country']}] is {want!r}, pycountry says {pwant!r}")
                if lab["country_text"] != want and (lab["country_text"] not in text
                                                    or want not in lab["country_text"]):
                    errors.append(f"{name}: country_text {lab['country_text']!r}, want {want!r}")
            elif lab["country_text"]:
                errors.append(f"{name}: country_text without country")
            errors += text_errors(name, lab, text)
            errors += sender_errors(name, lab, msg, c)
            errors += token_errors(name, lab["kind"], text, msg["To"])
            errors += prior.errors(name, lab, msg, text, c)
        for s in coordinators:
            if norm(s).lower() in prior.blob:
                errors.append(f"coordinator {s!r} also in an earlier generator")
        # the mix
        kinds = Counter(lab["kind"] for lab in expected.values())
        langs = Counter(cases[n].lang for n, lab in expected.items() if lab["kind"] == "endorsement")
        if len(expected) < least_messages:
            errors.append(f"only {len(expected)} messages")
        for lang in ("id", "ms", "tl", "th", "fr", "es", "pt"):
            if langs[lang] < 3:
                errors.append(f"only {langs[lang]} endorsements in {lang}")
        if sum(1 for lab in expected.values() if lab["kind"] == "endorsement" and lab["needs_review"]) < 5:
            errors.append("fewer than 5 endorsements needing review")
        if set(kinds) != set(KINDS):
            errors.append(f"kinds missing: {set(KINDS) - set(kinds)}")
        return errors
