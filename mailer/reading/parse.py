"""Raw bytes → :class:`ParsedMail`, whatever the client, charset or MIME shape.

Pure: no I/O.  Parsing uses the ``compat32`` policy, which is about seven
times faster here than ``email.policy.default`` (see ../shared/docs), and
decodes headers (RFC 2047) and bodies (RFC 2045 transfer encodings, declared
or guessed charsets) itself.  Nothing here raises on bad input: what could not
be read is named in ``ParsedMail.defects``.
"""
from __future__ import annotations

import email
import email.header
import email.utils
import re
from email.message import Message

from mailer.model import Address, Attachment, ParsedMail

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_WS = re.compile(r"\s+")
_MSGID = re.compile(r"<[^<>\s]+>")
# Charsets that are mislabelled so often that their superset is the better reading.
_SUPERSET = {
    "us-ascii": "utf-8", "ascii": "utf-8", "iso-8859-1": "cp1252", "latin-1": "cp1252", "latin1": "cp1252",
    "gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "ks_c_5601-1987": "cp949", "euc-kr": "cp949",
    "tis-620": "cp874", "iso-8859-11": "cp874", "windows-874": "cp874", "x-mac-roman": "mac_roman",
    "unicode-1-1-utf-7": "utf-7", "utf8": "utf-8", "x-unknown": "utf-8", "unknown-8bit": "utf-8",
}


def clean_text(value: str) -> str:
    """One line of plain text: no control characters, no CR/LF, folded white space."""
    if value.isprintable() and "  " not in value:
        return value.strip()
    return _WS.sub(" ", _CONTROL.sub(" ", value.replace("\r", " ").replace("\n", " "))).strip()


def decode_header_value(value: object) -> str:
    """RFC 2047 encoded words → one clean line of text; never raises."""
    if value is None:
        return ""
    if isinstance(value, email.header.Header):
        value = str(value)
    text = str(value)
    if any("\udc80" <= ch <= "\udcff" for ch in text):
        # raw 8-bit bytes in a header (RFC 6532 UTF-8, or an undeclared legacy charset)
        text = decode_bytes(text.encode("ascii", "surrogateescape"), None)[0]
    if "=?" in text:
        try:
            parts = email.header.decode_header(text)
        except Exception:  # noqa: BLE001 - malformed encoded words stay as written
            parts = [(text, None)]
        # Each encoded word through the same charset fallbacks as bodies (gb2312 words often hold GBK
        # characters: gb18030 reads them), so no header keeps a raw =?…?= that a reply would carry.
        text = "".join(part if isinstance(part, str) else decode_bytes(part, charset)[0] for part, charset in parts)
    return clean_text(text)


# One plain mailbox, `Name <a@b>`, `"Name" <a@b>` or `a@b`: most headers; the rest go to getaddresses.
_SIMPLE_MAILBOX = re.compile(r'^\s*(?:"([^"\\]*)"|([^"<>,;:@()\\]*?))\s*<([^<>\s,;:()"@]+@[^<>\s,;:()"@]+)>\s*$'
                             r'|^\s*<?([^<>\s,;:()"@]+@[^<>\s,;:()"@]+)>?\s*$')


def _addresses(msg: Message, name: str) -> tuple[Address, ...]:
    values = [str(v) for v in msg.get_all(name, [])]
    if not values:
        return ()
    if len(values) == 1 and "\n" not in values[0]:
        m = _SIMPLE_MAILBOX.match(values[0])
        if m:
            quoted, bare, addr, alone = m.groups()
            display = quoted if quoted is not None else (bare or "")
            return (Address((addr or alone).lower(), decode_header_value(display).strip('"\' ')),)
    out = []
    try:
        pairs = email.utils.getaddresses(values)
    except Exception:  # noqa: BLE001
        return ()
    for display, addr in pairs:
        addr = clean_text(addr).strip("<>").lower()
        if "@" not in addr:
            continue
        out.append(Address(addr, decode_header_value(display).strip('"\' ')))
    return tuple(out)


def decode_bytes(payload: bytes, charset: str | None) -> tuple[str, str | None]:
    """Bytes of a text part → str; returns (text, defect or None).

    Tries the declared charset (or its common superset), then UTF-8, then a
    statistical guess, and at worst replaces what cannot be read.
    """
    declared = (charset or "").strip().strip('"').lower()
    tries: list[str] = [_SUPERSET[declared], declared] if declared in _SUPERSET else [declared] if declared else []
    if declared in ("", "us-ascii", "ascii", "iso-8859-1", "latin-1", "latin1", "cp1252", "windows-1252"):
        # utf-8 bytes labelled as a single-byte charset are common; utf-8 decoding of real
        # single-byte text almost always fails, so trying it first is safe.
        tries.insert(0, "utf-8")
    for cs in tries:
        try:
            return payload.decode(cs), None
        except (LookupError, UnicodeDecodeError):
            continue
    try:
        from charset_normalizer import from_bytes
        best = from_bytes(payload).best()
        if best is not None:
            return str(best), f"charset {declared or 'undeclared'} did not fit; guessed {best.encoding}"
    except Exception:  # noqa: BLE001
        pass
    return payload.decode("utf-8", "replace"), f"charset {declared or 'undeclared'} did not fit"


def html_to_text(html: str) -> str:
    """HTML body → readable text, through resiliparse (keeps paragraphs, tables and line breaks).

    resiliparse's C++ extractor is about seven times faster here than inscriptis on mail-sized HTML
    (bench/parse.py), and HTML-only mail is common enough for that to matter.
    """
    try:
        from resiliparse.extract.html2text import extract_plain_text
        return extract_plain_text(html, main_content=False, preserve_formatting=True, list_bullets=True,
                                  alt_texts=False, links=False, form_fields=False, noscript=False)
    except Exception:  # noqa: BLE001 - pathological markup: strip tags rather than lose the message
        return re.sub(r"<[^>]+>", " ", html)


_MACHINE_FROM = re.compile(r"mailer-daemon|postmaster|mdaemon|mail delivery|<>", re.IGNORECASE)
_MACHINE_SUBJECT = re.compile(r"undeliver|deliver(y|ed)|returned mail|failure|failed|not delivered", re.IGNORECASE)


def _looks_machine(headers: dict[str, str]) -> bool:
    """Header hints that a message may be a bounce, checked before the costlier bounce detectors."""
    return bool(
        "x-failed-recipients" in headers or "auto-submitted" in headers
        or "multipart/report" in headers.get("content-type", "").lower()
        or any(_MACHINE_FROM.search(headers.get(h, "")) for h in ("from", "sender", "return-path"))
        or _MACHINE_SUBJECT.search(headers.get("subject", "")))


def _bounce_recipients(msg: Message, headers: dict[str, str]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Failed and delayed addresses of a bounce, by flufl.bounce; only asked when the headers hint a machine."""
    if not _looks_machine(headers):
        return (), ()
    try:
        from flufl.bounce import all_failures
        temporary, permanent = all_failures(msg)
    except Exception:  # noqa: BLE001 - a detector choking on odd input is not a parse failure
        return (), ()

    def norm(addresses) -> tuple[str, ...]:
        return tuple(sorted({a.decode("utf-8", "replace").strip("<>").lower() for a in addresses if b"@" in a}))
    return norm(permanent), norm(temporary)


def _part_text(part: Message, defects: list[str]) -> str:
    try:
        payload = part.get_payload(decode=True)
    except Exception as exc:  # noqa: BLE001
        defects.append(f"undecodable part: {exc}")
        return ""
    if payload is None:
        payload = part.get_payload()
        return payload if isinstance(payload, str) else ""
    text, defect = decode_bytes(payload, part.get_content_charset())
    if defect:
        defects.append(defect)
    return text


def _is_attachment(part: Message) -> bool:
    disposition = str(part.get("content-disposition", "")).lower()
    if disposition.startswith("attachment"):
        return True
    if "name" not in disposition and "name" not in str(part.get("content-type", "")).lower():
        return False     # no filename anywhere: skip the costly parameter parsing
    return part.get_filename() is not None and part.get_content_maintype() != "text"


def _leaves(msg: Message, depth: int = 0):
    """Leaf parts in order; an attached message (message/rfc822) is yielded whole, not descended into."""
    if msg.get_content_type() == "message/rfc822" and depth > 0:
        yield msg
        return
    if msg.is_multipart():
        payload = msg.get_payload()
        for part in payload if isinstance(payload, list) else []:
            yield from _leaves(part, depth + 1)
        return
    yield msg


def _forwarded_text(part: Message, defects: list[str], depth: int) -> str:
    """An attached message as an inline forward would show it, so the forward rules read it the same way."""
    payload = part.get_payload()
    inner = payload[0] if isinstance(payload, list) and payload else None
    if not isinstance(inner, Message) or depth > 3:
        return ""
    text, _ = _body(inner, defects, depth + 1)
    return ("---------- Forwarded message ---------\n"
            f"From: {decode_header_value(inner.get('from', ''))}\n"
            f"Subject: {decode_header_value(inner.get('subject', ''))}\n\n{text}")


def _body(msg: Message, defects: list[str], depth: int = 0) -> tuple[str, list[Attachment]]:
    plains: list[str] = []
    htmls: list[str] = []
    attachments: list[Attachment] = []
    for part in _leaves(msg):
        ctype = part.get_content_type()
        if ctype == "message/rfc822":
            plains.append(_forwarded_text(part, defects, depth))
            continue
        if _is_attachment(part):
            payload = part.get_payload(decode=True) or b""
            attachments.append(Attachment(decode_header_value(part.get_filename() or ""), ctype, len(payload)))
            continue
        if ctype == "text/plain" or part.get_content_maintype() == "multipart":
            # a multipart whose boundary is missing arrives as one string: read it as text, best effort
            plains.append(_part_text(part, defects))
        elif ctype == "text/html":
            htmls.append(_part_text(part, defects))
        elif part.get_content_maintype() != "text" and part is not msg:
            payload = part.get_payload(decode=True) or b""
            attachments.append(Attachment(decode_header_value(part.get_filename() or ""), ctype, len(payload)))
    plain = "\n".join(p for p in plains if p.strip())
    if len(plain.strip()) < 20 and htmls:
        # an empty or placeholder plain part beside HTML ("This is an HTML message")
        html_text = "\n".join(html_to_text(h) for h in htmls)
        if len(html_text.strip()) > len(plain.strip()):
            plain = html_text
    return plain.replace("\r\n", "\n").replace("\r", "\n"), attachments


def parse_message(raw: bytes, *, max_bytes: int | None = None) -> ParsedMail:
    """Read one raw RFC 5322 message.  Never raises; problems land in ``defects``."""
    defects: list[str] = []
    data = raw.lstrip(b"\r\n\t ")
    oversized = max_bytes is not None and len(data) > max_bytes
    if oversized:
        defects.append(f"oversized: {len(data)} bytes (limit {max_bytes})")
        head, sep, _ = data.partition(b"\r\n\r\n") if b"\r\n\r\n" in data[:200_000] else data.partition(b"\n\n")
        data = head + (sep or b"\n\n")
    try:
        msg = email.message_from_bytes(data)
    except Exception as exc:  # noqa: BLE001 - email never should, but bytes are untrusted
        return ParsedMail(message_id="", subject="", sender=None, reply_to=None, to=(), cc=(), date="",
                          in_reply_to="", references=(), headers={}, text="", content_type="",
                          defects=(f"unparseable: {exc}",), size=len(raw))
    headers: dict[str, str] = {}
    for name, value in msg.items():
        headers.setdefault(name.lower(), clean_text(str(value)))
    if not headers:
        defects.append("no headers")
    for defect in msg.defects:
        defects.append(type(defect).__name__)
    senders = _addresses(msg, "from") or _addresses(msg, "sender")
    reply_to = _addresses(msg, "reply-to")
    message_id = (_MSGID.findall(headers.get("message-id", "")) or [""])[0]
    references = tuple(_MSGID.findall(headers.get("references", "")))
    in_reply_to = (_MSGID.findall(headers.get("in-reply-to", "")) or [""])[0]
    text, attachments = ("", []) if oversized else _body(msg, defects)
    return_path = headers.get("return-path", "")
    failed, delayed = _bounce_recipients(msg, headers)
    return ParsedMail(
        message_id=message_id,
        subject=decode_header_value(msg.get("subject", "")),
        sender=senders[0] if senders else None,
        reply_to=reply_to[0] if reply_to else None,
        to=_addresses(msg, "to"),
        cc=_addresses(msg, "cc"),
        date=headers.get("date", ""),
        in_reply_to=in_reply_to,
        references=references,
        headers=headers,
        text=text,
        content_type=msg.get_content_type(),
        attachments=tuple(attachments),
        defects=tuple(dict.fromkeys(defects)),
        size=len(raw),
        envelope_sender_empty=return_path.replace(" ", "") in ("<>", "<<>>"),
        failed_recipients=failed,
        delayed_recipients=delayed,
    )
