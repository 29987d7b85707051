"""What the learned reader sees of a message: feature strings for its kind.

Pure.  The same function serves training (``training/``) and reading, so that the model sees at run time exactly
what it was trained on.  A feature is a short string; its weight comes from the trained model.  Kinds of
features, each with its own prefix:

- ``s:`` / ``w:`` / ``b:`` / ``p:``: words of the subject, words of the writer's own text, pairs of adjacent
  words, and the first five letters of longer words (``endor``, ``mendu``, ``firma``: a stem in any language);
- ``g:``: pairs of letters, for scripts written without spaces (Thai, Chinese, Japanese, Burmese...);
- ``q:``: words of the quoted mail below the writer's text (whether they answer our request or our thanks);
- ``k:`` / ``ks:`` / ``k1:`` / ``kq:`` / ``kk:``: the concepts (:mod:`mailer.reading.concepts`) said in the
  writer's text, the subject, the first line and the quote, and pairs of them: what carries to a language no
  training writer wrote in;
- ``r:``: which of the hand-written reading rules (:mod:`mailer.reading.rules`) said yes (the machine-mail rules
  decide before the model, so a message it sees never has one): their knowledge, as evidence
  the data weighs, never as a verdict;
- ``h:``: facts of the message's shape (a reply, a forward, attachments, our tokens, a form, its length).
"""
from __future__ import annotations

import re

from mailer.model import ParsedMail
from mailer.reading import rules
from mailer.reading.concepts import concepts
from mailer.reading.own_words import SUBJECT_PREFIX, Reading
from mailer.reading.text import FORWARD_SUBJECT
from mailer.reading.tokens import find_tokens

# How much of the writer's text is read: what a message is, is said at its start.
OWN_CHARS = 1500
QUOTE_CHARS = 600
_WORD = re.compile(r"[^\W\d_]+|\d+", re.UNICODE)
# the same on ASCII text, where letters are a-z once lower-cased and digits 0-9: a plain range is checked far
# faster than a Unicode category
_ASCII_WORD = re.compile(r"[a-z]+|[0-9]+")
# letters of scripts written without spaces between words
_UNSPACED = re.compile(r"[\u0e00-\u0e7f\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]+")
_OUR_TAG = re.compile(r"\[(?:confirm\s+[a-z]-|INQ-\d)", re.IGNORECASE)

READING_RULES = (
    ("confirmation_token", rules.has_confirmation_token),
    ("unsubscribe", rules.asks_to_unsubscribe),
    ("withdraw", rules.asks_to_withdraw),
    ("endorse", rules.states_endorsement),
    ("subscribe", rules.asks_to_subscribe),
    ("question", rules.asks_something),
)


def words(text: str) -> list[str]:
    lower = text.lower()
    return (_ASCII_WORD if lower.isascii() else _WORD).findall(lower)


def _bucket(n: int, edges: tuple[int, ...]) -> str:
    for edge in edges:
        if n <= edge:
            return f"<={edge}"
    return f">{edges[-1]}"


def text_features(text: str, prefix: str, *, pairs: bool = True, stems: bool = True) -> list[str]:
    """Words (and their pairs and stems) of *text*, each with *prefix*; letter pairs for unspaced scripts."""
    ws = words(text)
    out = list(map(prefix.__add__, ws))
    if pairs:
        out += [f"b:{a}_{b}" for a, b in zip(ws, ws[1:])]
    if stems:
        out += [f"p:{w[:5]}" for w in ws if len(w) > 5]
    for run in () if text.isascii() else _UNSPACED.findall(text):
        out += [f"g:{run[i:i + 2]}" for i in range(len(run) - 1)]
    return out


def kind_features(mail: ParsedMail, reading: Reading) -> list[str]:
    """Every feature of *mail* the kind model weighs (duplicates count: a word said twice weighs twice)."""
    own = reading.content[:OWN_CHARS]
    feats = text_features(reading.subject, "s:", stems=True)
    feats += text_features(own, "w:")
    quoted = mail.text[len(reading.own):][:QUOTE_CHARS] if len(mail.text) > len(reading.own) + 20 else ""
    if quoted:
        feats += text_features(quoted, "q:", pairs=False, stems=False)
        feats += [f"kq:{c}" for c in sorted(concepts(quoted))]
    said = concepts(own)
    feats += [f"k:{c}" for c in sorted(said)]
    feats += [f"ks:{c}" for c in sorted(concepts(reading.subject))]
    first = own.strip().split("\n", 1)[0][:200]
    feats += [f"k1:{c}" for c in sorted(concepts(first))]
    feats += [f"kk:{a}&{b}" for a in sorted(said) for b in sorted(said) if a < b]
    for name, rule in READING_RULES:
        if rule(mail, reading):
            feats.append(f"r:{name}")
    feats += shape_features(mail, reading, own)
    return feats


def shape_features(mail: ParsedMail, reading: Reading, own: str) -> list[str]:
    subject = mail.subject.strip().lower()
    stripped = own.strip()
    feats = [
        "h:bias",
        f"h:own_len{_bucket(len(stripped), (0, 20, 80, 300, 1000))}",
        f"h:lines{_bucket(stripped.count(chr(10)), (0, 2, 6, 15))}",
        f"h:type:{mail.content_type}",
    ]
    if mail.in_reply_to or mail.references:
        feats.append("h:in_reply_to")
    if FORWARD_SUBJECT.match(subject):
        feats.append("h:fwd_subject")
    elif SUBJECT_PREFIX.match(subject):
        feats.append("h:re_subject")
    if not reading.subject.strip():
        feats.append("h:no_subject")
    if reading.forwarded is not None:
        feats.append("h:forwarded")
    if len(mail.text) > len(reading.own) + 20:
        feats.append("h:quotes")
    if "?" in own or "？" in own or reading.subject.rstrip().endswith("?"):
        feats.append("h:question_mark")
    if mail.attachments:
        feats.append("h:attachment")
        feats += sorted({f"h:attach:{a.content_type.split('/')[0]}" for a in mail.attachments})
    fields = reading.fields
    feats += [f"h:form:{name}" for name in sorted(fields)]
    rcpts = " ".join(a.email for a in mail.to + mail.cc)
    for token in find_tokens(rcpts, mail.subject, own[:600]):
        feats.append(f"h:token:{token[0]}")
    if _OUR_TAG.search(mail.subject):
        feats.append("h:our_subject_tag")
    if mail.sender is None:
        feats.append("h:no_sender")
    elif mail.sender.name and mail.sender.name.lower() == mail.sender.email:
        feats.append("h:name_is_address")
    if mail.failed_recipients:
        feats.append("h:failed_recipients")
    if mail.envelope_sender_empty:
        feats.append("h:null_sender")
    for name in ("auto-submitted", "x-autoreply", "x-auto-response-suppress", "list-id", "list-unsubscribe",
                 "precedence", "x-mailer", "disposition-notification-to"):
        if name in mail.headers:
            feats.append(f"h:header:{name}")
    return feats
