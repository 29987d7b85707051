"""Builders that shape email bytes the way real clients and servers do (stdlib only).

Used by make_corpus.py, make_seed.py and the held-out generators (heldout*/make_heldout*.py). Every builder is
deterministic: boundaries, Message-IDs and other "random" values are derived from the case name, dates are given by
the case.

A message's words are given as three pieces, each a plain string:
    body   what the author wrote,
    sig    the signature (shapes that use one put "-- " before it),
    quote  what follows: an attribution line and "> " lines, or an Outlook header block.
Each shape renders those pieces into its own text/plain and text/html the way that client does.
"""

from __future__ import annotations

import base64
import hashlib
import html
import quopri
import re
import textwrap
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime

STATEMENT = "statement@example.org"
MX = "mx1.example.org"
TOKEN_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789"


def token(seed: str) -> str:
    """A confirmation token: `c-` and 26 characters of TOKEN_ALPHABET."""
    digest = hashlib.sha256(seed.encode()).digest()
    return "c-" + "".join(TOKEN_ALPHABET[b % 32] for b in digest[:26])


@dataclass
class Cx:
    """What a builder needs to know about the case it shapes."""

    name: str
    date: datetime
    lang: str = "en"

    def hx(self, salt: str, n: int = 16) -> str:
        return hashlib.sha256(f"{self.name}/{salt}".encode()).hexdigest()[:n]

    def num(self, salt: str, n: int = 10) -> str:
        return str(int(self.hx(salt, 24), 16))[:n]

    def alnum(self, salt: str, n: int) -> str:
        alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
        return "".join(alphabet[b % 62] for b in fake_bytes(f"{self.name}/{salt}", n))

    def uuid(self, salt: str, upper: bool = True) -> str:
        h = self.hx(salt, 32)
        u = f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"
        return u.upper() if upper else u

    def at(self, minutes: float) -> datetime:
        return self.date + timedelta(minutes=minutes)

    @property
    def rfcdate(self) -> str:
        return format_datetime(self.date)


def fake_bytes(seed: str, n: int) -> bytes:
    """n deterministic pseudo-random bytes."""
    out = bytearray()
    block = hashlib.sha256(seed.encode()).digest()
    while len(out) < n:
        block = hashlib.sha256(block).digest()
        out += block
    return bytes(out[:n])


def fake_pdf(seed: str, title: str) -> bytes:
    return (
        b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
        b"2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n"
        b"3 0 obj\n<< /Type /Page /Parent 2 0 R /Contents 4 0 R >>\nendobj\n"
        b"4 0 obj\n<< /Length 1200 /Filter /FlateDecode >>\nstream\n"
        + fake_bytes(seed, 1200)
        + b"\nendstream\nendobj\n5 0 obj\n<< /Title ("
        + title.encode("latin-1", "replace")
        + b") /Producer (Microsoft Word) >>\nendobj\ntrailer\n<< /Root 1 0 R /Info 5 0 R >>\n%%EOF\n"
    )


def fake_docx(seed: str) -> bytes:
    return b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00" + fake_bytes(seed, 2400) + b"PK\x05\x06" + bytes(18)


def fake_jpeg(seed: str, n: int) -> bytes:
    return b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00H\x00H\x00\x00" + fake_bytes(seed, n) + b"\xff\xd9"


# --------------------------------------------------------------------------- headers


def is_ascii(s: str) -> bool:
    return all(ord(c) < 128 for c in s)


def ew(text: str, charset: str = "UTF-8", enc: str = "B") -> str:
    """RFC 2047 encoded words (folded when long)."""

    def word(s: str) -> str:
        data = s.encode(charset)
        if enc.upper() == "B":
            payload = base64.b64encode(data).decode()
        else:
            keep = b"!*+-/" + bytes(range(48, 58)) + bytes(range(65, 91)) + bytes(range(97, 123))
            payload = "".join(chr(c) if c in keep else "_" if c == 32 else f"={c:02X}" for c in data)
        return f"=?{charset}?{enc}?{payload}?="

    words: list[str] = []
    cur = ""
    for ch in text:
        if cur and len(word(cur + ch)) > 75:
            words.append(word(cur))
            cur = ch
        else:
            cur += ch
    if cur:
        words.append(word(cur))
    return "\n ".join(words)


def hdr(text: str, charset: str = "UTF-8", enc: str = "B") -> str:
    """A header value: as is when ASCII, else encoded words."""
    return text if is_ascii(text) else ew(text, charset, enc)


def subj(text: str, charset: str = "UTF-8", enc: str = "B", keep_prefix: bool = False) -> str:
    """A Subject: Outlook keeps an ASCII `RE: ` outside the encoded word, Gmail does not."""
    if is_ascii(text):
        return text
    if keep_prefix and ": " in text and is_ascii(text.split(": ", 1)[0]):
        pre, rest = text.split(": ", 1)
        return f"{pre}: {ew(rest, charset, enc)}"
    return ew(text, charset, enc)


def addr(name: str | None, email: str, charset: str = "UTF-8", enc: str = "B", quote: bool = False) -> str:
    if not name:
        return email
    if not is_ascii(name):
        return f"{ew(name, charset, enc)} <{email}>"
    if quote or any(c in name for c in ',.;:@()[]"<>'):
        return '"' + name.replace('"', '\\"') + f'" <{email}>'
    return f"{name} <{email}>"


def received(cx: Cx, helo: str, ip: str, by: str = MX, minutes: float = 0.4, rcpt: str = STATEMENT,
             proto: str = "ESMTPS") -> tuple[str, str]:
    qid = cx.alnum("qid" + by, 11)
    return (
        "Received",
        f"from {helo} ({helo} [{ip}])\n\tby {by} (Postfix) with {proto} id 4T{qid}\n"
        f"\tfor <{rcpt}>; {format_datetime(cx.at(minutes))}",
    )


def envelope(cx: Cx, sender: str, helo: str, ip: str, rcpt: str = STATEMENT) -> list[tuple[str, str]]:
    """What the receiving server (Postfix + Dovecot at example.org) puts on top."""
    return [
        ("Return-Path", f"<{sender}>" if sender else "<>"),
        ("Delivered-To", rcpt),
        received(cx, helo, ip, rcpt=rcpt),
    ]


# --------------------------------------------------------------------------- MIME parts


CODECS = {"us-ascii": "ascii", "windows-1252": "cp1252", "windows-874": "cp874"}


def encode_text(text: str, charset: str) -> bytes:
    return text.encode(CODECS.get(charset.lower(), charset))


@dataclass
class Part:
    headers: list[tuple[str, str | bytes]]
    body: bytes

    def render(self) -> bytes:
        out = b""
        for k, v in self.headers:
            out += k.encode() + b": " + (v if isinstance(v, bytes) else v.encode("utf-8")) + b"\n"
        body = self.body if self.body.endswith(b"\n") or not self.body else self.body + b"\n"
        return out + b"\n" + body


def cte_encode(data: bytes, cte: str) -> bytes:
    if cte == "base64":
        return base64.encodebytes(data)
    if cte == "quoted-printable":
        return quopri.encodestring(data if data.endswith(b"\n") else data + b"\n")
    return data


def leaf(ctype: str, data: bytes, cte: str | None = None, extra: tuple = (), cte_header: bool = True,
         before: tuple = ()) -> Part:
    """A leaf part; cte None picks 7bit/8bit from the bytes."""
    if cte is None:
        cte = "7bit" if data.isascii() else "8bit"
    headers: list = list(before) + [("Content-Type", ctype)]
    if cte_header:
        headers.append(("Content-Transfer-Encoding", cte))
    headers += list(extra)
    return Part(headers, cte_encode(data, cte))


def multipart(sub: str, boundary: str, parts: list[Part], params: str = "", preamble: str = "",
              close: bool = True, extra: tuple = (), quote_boundary: bool = True, fold: bool = True) -> Part:
    b = f'"{boundary}"' if quote_boundary else boundary
    sep = ";\n\t" if fold else "; "
    headers: list = [("Content-Type", f"multipart/{sub}{sep}boundary={b}{params}")] + list(extra)
    body = preamble.encode() + (b"\n" if preamble else b"")
    for p in parts:
        body += b"--" + boundary.encode() + b"\n" + p.render() + b"\n"
    if close:
        body += b"--" + boundary.encode() + b"--\n"
    return Part(headers, body)


def message(headers: list, root: Part, crlf: bool = False) -> bytes:
    """Top-level headers with the root part's headers put where ("*", "") stands, else at the end."""
    hs = list(headers)
    if ("*", "") in hs:
        i = hs.index(("*", ""))
        hs[i:i + 1] = root.headers
    else:
        hs += root.headers
    data = Part(hs, root.body).render()
    return data.replace(b"\n", b"\r\n") if crlf else data


def attachment(cx: Cx, att: tuple, style: str = "gmail") -> Part:
    """att = (mime type, file name, bytes) or ("message/rfc822", file name, raw message bytes)."""
    mime, fname, data = att
    if mime == "message/rfc822":
        return Part([("Content-Type", f'message/rfc822; name="{fname}"'),
                     ("Content-Disposition", f'attachment; filename="{fname}"')], data)
    fn = fname if is_ascii(fname) else ew(fname)
    if style == "gmail":
        aid = "f_" + cx.alnum("att" + fname, 9).lower()
        return leaf(f'{mime}; name="{fn}"', data, "base64",
                    extra=(("Content-Disposition", f'attachment; filename="{fn}"'),
                           ("Content-ID", f"<{aid}>"), ("X-Attachment-Id", aid)))
    if style == "outlook":
        return leaf(f'{mime};\n\tname="{fn}"', data, "base64",
                    before=(("Content-Description", fn),),
                    extra=(("Content-Disposition", f'attachment;\n\tfilename="{fn}"; size={len(data)};\n'
                            f'\tcreation-date="{format_datetime(cx.at(-30))}";\n'
                            f'\tmodification-date="{format_datetime(cx.at(-1))}"'),))
    if style == "apple":
        return leaf(f'{mime};\n\tx-unix-mode=0644;\n\tname="{fn}"', data, "base64",
                    before=(("Content-Disposition", f'attachment;\n\tfilename="{fn}"'),))
    return leaf(f'{mime}; name="{fn}"', data, "base64",
                extra=(("Content-Disposition", f'attachment; filename="{fn}"'),))


# --------------------------------------------------------------------------- text and HTML


def esc(s: str) -> str:
    return html.escape(s, quote=False)


def blocks(text: str) -> list[tuple[str, str]]:
    """Split text into ("t", line) and ("q", quoted text with one level of '>' removed)."""
    out: list[tuple[str, str]] = []
    buf: list[str] = []
    for line in text.split("\n"):
        if line.startswith(">"):
            buf.append(line[2:] if line.startswith("> ") else line[1:])
            continue
        if buf:
            out.append(("q", "\n".join(buf)))
            buf = []
        out.append(("t", line))
    if buf:
        out.append(("q", "\n".join(buf)))
    return out


def compose(body: str, sig: str | None, quote: str | None, dash: bool = True) -> str:
    text = body.rstrip("\n")
    if sig:
        text += ("\n\n-- \n" if dash else "\n\n") + sig.rstrip("\n")
    if quote:
        text += "\n\n" + quote.rstrip("\n")
    return text + "\n"


def quoted(attribution: str, text: str, blank: bool = True) -> str:
    """An attribution line and the text with "> " before each line."""
    lines = [("> " + ln) if ln else ">" for ln in text.rstrip("\n").split("\n")]
    return attribution + ("\n\n" if blank else "\n") + "\n".join(lines)


GMAIL_FORWARD = {"en": ("Forwarded message", "From"), "pt": ("Mensagem encaminhada", "De"),
                 "es": ("Mensaje reenviado", "De")}
OUTLOOK_RULE = "________________________________"


def fwd_gmail(frm: str, date: str, subject: str, to: str, text: str, intro: str = "", lang: str = "en") -> str:
    """A message forwarded by Gmail (its separator and From line in the writer's language), after the intro."""
    head, from_ = GMAIL_FORWARD[lang]
    return (intro + "\n\n" if intro else "") + (
        f"---------- {head} ---------\n{from_}: {frm}\nDate: {date}\nSubject: {subject}\nTo: {to}\n\n\n{text}")


def fwd_outlook(frm: str, sent: str, to: str, subject: str, text: str, rule: bool | str = False) -> str:
    """Outlook's header block of a quoted or forwarded message; rule: the line above it (True: Outlook's)."""
    line = OUTLOOK_RULE if rule is True else rule
    return (line + "\n" if line else "") + f"From: {frm}\nSent: {sent}\nTo: {to}\nSubject: {subject}\n\n{text}"


def fwd_apple(frm: str, subject: str, date: str, to: str, text: str) -> str:
    return f"Begin forwarded message:\n\nFrom: {frm}\nSubject: {subject}\nDate: {date}\nTo: {to}\n\n{text}"


def html_lines(text: str, line_fmt: str, empty: str, bq_open: str, bq_close: str = "</blockquote>") -> str:
    parts = []
    for kind, v in blocks(text):
        if kind == "q":
            parts.append(bq_open + html_lines(v, line_fmt, empty, bq_open, bq_close) + bq_close)
        else:
            parts.append(line_fmt.format(esc(v)) if v.strip() else empty)
    return "\n".join(parts)


GMAIL_BQ = ('<blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex;border-left:1px solid '
            'rgb(204,204,204);padding-left:1ex">')


def html_gmail(body: str, sig: str | None, quote: str | None, dir_: str = "ltr") -> str:
    out = f'<div dir="{dir_}">' + html_lines(body.rstrip("\n"), "<div>{}</div>", "<div><br></div>", GMAIL_BQ)
    if sig:
        out += ('<br clear="all"><div><br></div><span class="gmail_signature_prefix">-- </span><br>'
                '<div dir="ltr" class="gmail_signature" data-smartmail="gmail_signature"><div dir="ltr">'
                + "<br>".join(esc(s) for s in sig.rstrip("\n").split("\n")) + "</div></div>")
    out += "</div>\n"
    if quote:
        q = blocks(quote.rstrip("\n"))
        attrib = esc(q[0][1]) if q and q[0][0] == "t" else ""
        rest = "\n".join(("> " + ln) if k == "t" else "\n".join("> " + x for x in v.split("\n"))
                         for k, v in q[1:] if k == "q" or v.strip())
        inner = html_lines(rest, "{}<br>", "<br>", GMAIL_BQ)
        out += (f'<br><div class="gmail_quote"><div dir="ltr" class="gmail_attr">{attrib}<br></div>'
                f"{inner}</div>\n")
    return out


MSO_HEAD = """<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" \
xmlns:w="urn:schemas-microsoft-com:office:word" xmlns:m="http://schemas.microsoft.com/office/2004/12/omml" \
xmlns="http://www.w3.org/TR/REC-html40">
<head>
<meta http-equiv="Content-Type" content="text/html; charset={charset}">
<meta name="Generator" content="Microsoft Word 15 (filtered medium)">
<style><!--
/* Font Definitions */
@font-face
\t{{font-family:"Cambria Math";
\tpanose-1:2 4 5 3 5 4 6 3 2 4;}}
@font-face
\t{{font-family:Calibri;
\tpanose-1:2 15 5 2 2 2 4 3 2 4;}}
/* Style Definitions */
p.MsoNormal, li.MsoNormal, div.MsoNormal
\t{{margin:0cm;
\tfont-size:11.0pt;
\tfont-family:"Calibri",sans-serif;
\tmso-ligatures:standardcontextual;
\tmso-fareast-language:EN-US;}}
span.EmailStyle17
\t{{mso-style-type:personal-compose;
\tfont-family:"Calibri",sans-serif;
\tcolor:windowtext;}}
.MsoChpDefault
\t{{mso-style-type:export-only;
\tfont-size:10.0pt;
\tmso-ligatures:none;}}
@page WordSection1
\t{{size:612.0pt 792.0pt;
\tmargin:72.0pt 72.0pt 72.0pt 72.0pt;}}
div.WordSection1
\t{{page:WordSection1;}}
--></style><!--[if gte mso 9]><xml>
<o:shapedefaults v:ext="edit" spidmax="1026" />
</xml><![endif]--><!--[if gte mso 9]><xml>
<o:shapelayout v:ext="edit">
<o:idmap v:ext="edit" data="1" />
</o:shapelayout></xml><![endif]-->
</head>
<body lang="{lang}" link="#0563C1" vlink="#954F72" style="word-wrap:break-word">
<div class="WordSection1">
"""

OUTLOOK_HDR_NAMES = ("From", "Sent", "To", "Cc", "Subject", "Date", "De", "Envoyé", "À", "Objet", "Dari",
                     "Dikirim", "Kepada", "Subjek", "Enviado", "Para", "Asunto", "Assunto", "Mula kay",
                     "Ipinadala", "Kay", "Paksa", "จาก", "ส่ง", "ถึง", "เรื่อง")


def _mso_line(line: str) -> str:
    for name in OUTLOOK_HDR_NAMES:
        if line.startswith(name + ":"):
            return (f'<p class="MsoNormal"><b>{esc(name)}:</b>{esc(line[len(name) + 1:])}<o:p></o:p></p>')
    return f'<p class="MsoNormal">{esc(line)}<o:p></o:p></p>' if line.strip() else \
        '<p class="MsoNormal"><o:p>&nbsp;</o:p></p>'


def html_outlook(body: str, sig: str | None, quote: str | None, charset: str, lang: str = "EN-US") -> str:
    out = MSO_HEAD.format(charset=charset.lower(), lang=lang)
    text = body.rstrip("\n") + ("\n\n" + sig.rstrip("\n") if sig else "")
    out += "\n".join(_mso_line(ln) for ln in text.split("\n"))
    if quote:
        out += ('\n<p class="MsoNormal"><o:p>&nbsp;</o:p></p>\n<div style="border:none;border-top:solid #E1E1E1 '
                '1.0pt;padding:3.0pt 0cm 0cm 0cm">\n')
        out += "\n".join(_mso_line(ln.lstrip("> ")) for ln in quote.rstrip("\n").split("\n"))
        out += "\n</div>"
    return out + "\n</div>\n</body>\n</html>\n"


def html_simple(body: str, sig: str | None, quote: str | None, head: str, tail: str, line_fmt: str = "<div>{}</div>",
                empty: str = "<div><br></div>", bq: str = '<blockquote type="cite">', sig_open: str = "<div>-- <br>",
                sig_close: str = "</div>") -> str:
    out = head + html_lines(body.rstrip("\n"), line_fmt, empty, bq)
    if sig:
        out += "\n" + sig_open + "<br>".join(esc(s) for s in sig.rstrip("\n").split("\n")) + sig_close
    if quote:
        out += "\n" + html_lines(quote.rstrip("\n"), line_fmt, empty, bq)
    return out + tail


def flowed(text: str, width: int = 72) -> str:
    """format=flowed (RFC 3676): long lines are cut after a space, which stays at the end."""
    out = []
    for line in text.split("\n"):
        if line == "-- ":
            out.append(line)
            continue
        prefix = ""
        while line.startswith(">"):
            prefix += ">"
            line = line[1:]
        if prefix and line.startswith(" "):
            line = line[1:]
            lead = prefix + " "
        else:
            lead = prefix
        if not prefix and (line.startswith(" ") or line.startswith("From ")):
            lead = " "
        line = line.rstrip(" ")
        if len(lead + line) <= width:
            out.append(lead + line)
            continue
        words = line.split(" ")
        cur = ""
        for w in words:
            if cur and len(lead + cur + w) > width:
                out.append(lead + cur)
                cur = ""
            cur += w + " "
        out.append(lead + cur.rstrip(" "))
    return "\n".join(out)


def hard_wrap(text: str, width: int = 72) -> str:
    out = []
    for line in text.split("\n"):
        if len(line) <= width or line.startswith(">"):
            out.append(line)
        else:
            out.extend(textwrap.wrap(line, width, break_long_words=False, break_on_hyphens=False))
    return "\n".join(out)


def pick_cte(data: bytes, dense: str = "base64") -> str | None:
    """Gmail's choice: no header for ASCII, quoted-printable for mostly-Latin text, base64 for dense scripts."""
    if data.isascii():
        return None
    high = sum(1 for b in data if b > 127)
    return dense if high * 3 > len(data) else "quoted-printable"


# --------------------------------------------------------------------------- client shapes
# Each returns the bytes of one message as it reaches statement@example.org.

SENT_FROM_IPHONE = {
    "en": "Sent from my iPhone", "id": "Dikirim dari iPhone saya", "ms": "Dihantar dari iPhone saya",
    "tl": "Ipinadala mula sa aking iPhone", "th": "ส่งจาก iPhone ของฉัน", "fr": "Envoyé de mon iPhone",
    "es": "Enviado desde mi iPhone", "pt": "Enviado do meu iPhone",
}


def _reply_headers(in_reply_to: str | None) -> list[tuple[str, str]]:
    return [("References", in_reply_to), ("In-Reply-To", in_reply_to)] if in_reply_to else []


def _domain(email: str) -> str:
    return email.rsplit("@", 1)[1]


def _ip(cx: Cx, net: str = "198.51.100") -> str:
    return f"{net}.{int(cx.hx('ip', 4), 16) % 250 + 2}"


def gmail(cx: Cx, frm: tuple, subject: str, body: str, *, sig: str | None = None, quote: str | None = None,
          to: str = STATEMENT, cc: str | None = None, attachments: tuple = (), android: bool = False,
          extra: tuple = (), in_reply_to: str | None = None, subject_enc: str = "B", name_enc: str = "B",
          envelope_from: str | None = None) -> bytes:
    """Gmail web (`<div dir="ltr">`) or the Gmail app on Android (`<div dir="auto">`, base64 parts)."""
    name, email = frm
    text = compose(body, sig, quote)
    pdata = text.encode("utf-8")
    pcte = ("base64" if not pdata.isascii() else None) if android else pick_cte(pdata)
    plain = leaf('text/plain; charset="UTF-8"', pdata, pcte or "7bit", cte_header=pcte is not None)
    hdata = html_gmail(body, sig, quote, "auto" if android else "ltr").encode()
    hcte = ("base64" if not hdata.isascii() else None) if android else pick_cte(hdata, "quoted-printable")
    htm = leaf('text/html; charset="UTF-8"', hdata, hcte or "7bit", cte_header=hcte is not None)
    root = multipart("alternative", "000000000000" + cx.hx("b1", 16), [plain, htm], fold=False)
    if attachments:
        root = multipart("mixed", "000000000000" + cx.hx("b2", 16),
                         [root] + [attachment(cx, a, "gmail") for a in attachments], fold=False)
    dom = _domain(email)
    ts = int(cx.date.timestamp())
    hs = envelope(cx, envelope_from or email, f"mail-lf1-f{int(cx.hx('g', 2), 16) % 90 + 10}.google.com",
                  _ip(cx, "203.0.113"))
    hs += [
        ("DKIM-Signature", f"v=1; a=rsa-sha256; c=relaxed/relaxed;\n        d={dom}; s=20230601; t={ts}; "
                           f"x={ts + 604800}; darn=example.org;\n        h=to:subject:message-id:date:from:mime-version"
                           f":from:to:cc:subject\n         :date:message-id:reply-to;\n        bh={cx.alnum('bh', 43)}=;"
                           f"\n        b={cx.alnum('b', 70)}\n         {cx.alnum('b2', 70)}\n         "
                           f"{cx.alnum('b3', 30)}=="),
        ("X-Google-DKIM-Signature", f"v=1; a=rsa-sha256; c=relaxed/relaxed;\n        d=1e100.net; s=20230601; "
                                    f"t={ts}; x={ts + 604800};\n        h=to:subject:message-id:date:from:mime-version"
                                    f"\n         :x-gm-message-state:from:to:cc:subject:date:message-id\n         "
                                    f":reply-to;\n        bh={cx.alnum('bh', 43)}=;\n        b={cx.alnum('xb', 70)}\n"
                                    f"         {cx.alnum('xb2', 42)}=="),
        ("X-Gm-Message-State", "AOJu0Y" + cx.alnum("gms", 62)),
        ("X-Google-Smtp-Source", "AGHT+I" + cx.alnum("gss", 70)),
        ("X-Received", f"by 2002:a05:6512:{cx.hx('xr', 3)}:b0:511:{cx.hx('xr2', 4)} with SMTP id\n "
                       f"{cx.alnum('xr3', 24).lower()}.{cx.num('xr4', 2)}.{ts}{cx.num('xr5', 3)}; "
                       f"{format_datetime(cx.at(0.1))}"),
        ("MIME-Version", "1.0"),
    ]
    hs += _reply_headers(in_reply_to)
    hs += [("From", addr(name, email, enc=name_enc)), ("Date", cx.rfcdate),
           ("Message-ID", f"<CA{cx.alnum('mid', 50)}@mail.gmail.com>"),
           ("Subject", subj(subject, "UTF-8", subject_enc)), ("To", to)]
    if cc:
        hs.append(("Cc", cc))
    hs += list(extra)
    return message(hs, root)


def outlook(cx: Cx, frm: tuple, subject: str, body: str, *, sig: str | None = None, quote: str | None = None,
            to: str = STATEMENT, cc: str | None = None, attachments: tuple = (), charset: str | None = None,
            extra: tuple = (), in_reply_to: str | None = None, web: bool = False, locale: str = "en-US",
            region: str = "apcprd06", html_lang: str = "EN-US", name_charset: str = "utf-8",
            subject_charset: str = "utf-8", subject_enc: str = "B", crlf: bool = True, mislabel: str | None = None,
            html_only: bool = False) -> bytes:
    """Outlook desktop on Exchange Online (MsoNormal HTML, Thread-Index), or Outlook on the web."""
    name, email = frm
    text = compose(body, sig, quote, dash=False)
    if charset is None:
        charset = "us-ascii" if is_ascii(text) else "Windows-1252"
        try:
            text.encode("cp1252")
        except UnicodeEncodeError:
            charset = "utf-8"
    label = mislabel or charset
    host = f"SEZPR06MB{cx.num('host', 4)}" if region.startswith("apc") else f"PR3PR0{cx.num('h', 1)}MB{cx.num('host', 4)}"
    local = host + cx.hx("mid", 40).upper()
    msgid = f"<{local}@{host}.{region}.prod.outlook.com>"
    pdata = encode_text(text, charset)
    if web:
        htxt = ('<html>\n<head>\n<meta http-equiv="Content-Type" content="text/html; charset=' + label.lower()
                + '">\n<style type="text/css" style="display:none;"> P {margin-top:0;margin-bottom:0;} </style>\n'
                  '</head>\n<body dir="ltr">\n')
        div = ('<div class="elementToProof" style="font-family: Aptos, Aptos_EmbeddedFont, Aptos_MSFontService, '
               'Calibri, Helvetica, sans-serif; font-size: 12pt; color: rgb(0, 0, 0);">{}</div>')
        htxt += html_lines(body.rstrip("\n") + ("\n\n" + sig if sig else ""), div, div.format("<br>"), "<blockquote>")
        if quote:
            htxt += ('\n<div id="appendonsend"></div>\n<hr style="display:inline-block;width:98%" tabindex="-1">\n'
                     '<div id="divRplyFwdMsg" dir="ltr"><font face="Calibri, sans-serif" style="font-size:11pt" '
                     'color="#000000">' + "<br>\n".join(esc(x) for x in quote.rstrip("\n").split("\n"))
                     + "</font></div>")
        htxt += "\n</body>\n</html>\n"
    else:
        htxt = html_outlook(body, sig, quote, label, html_lang)
    hdata = encode_text(htxt, charset)
    plain = leaf(f'text/plain; charset="{label}"', pdata, "quoted-printable")
    htm = leaf(f'text/html; charset="{label}"', hdata, "quoted-printable")
    root = htm if html_only else multipart("alternative", f"_000_{local}_", [plain, htm], fold=False)
    if attachments:
        root = multipart("mixed", f"_004_{local}_", [root] + [attachment(cx, a, "outlook") for a in attachments],
                         fold=False)
    dom = _domain(email)
    ti = base64.b64encode(bytes.fromhex("01da" + cx.hx("ti", 40))).decode()
    hs = envelope(cx, email, f"{host.lower()}.outbound.protection.outlook.com", _ip(cx, "192.0.2"))
    hs += [
        ("ARC-Seal", f"i=1; a=rsa-sha256; s=arcselector9901; d=microsoft.com; cv=none;\n b={cx.alnum('arc', 60)}"),
        ("Authentication-Results", f"{MX};\n\tdkim=pass header.d={dom};\n\tspf=pass smtp.mailfrom={dom}"),
        ("From", addr(name, email, name_charset, "B")),
        ("To", to),
    ]
    if cc:
        hs.append(("CC", cc))
    topic = subject
    for pre in ("RE: ", "Re: ", "FW: ", "Fw: ", "TR: ", "RV: ", "AW: "):
        if topic.startswith(pre):
            topic = topic[len(pre):]
    hs += [
        ("Subject", subj(subject, subject_charset, subject_enc, keep_prefix=True)),
        ("Thread-Topic", subj(topic, subject_charset, subject_enc)),
        ("Thread-Index", ti),
        ("Date", format_datetime(cx.date.astimezone(timezone.utc))),
        ("Message-ID", msgid),
    ]
    hs += _reply_headers(in_reply_to)
    hs += [
        ("Accept-Language", locale if locale == "en-US" else f"{locale}, en-US"),
        ("Content-Language", locale),
        ("X-MS-Has-Attach", "yes" if attachments else ""),
        ("X-MS-TNEF-Correlator", ""),
        ("msip_labels", ""),
        ("x-ms-publictraffictype", "Email"),
        ("x-ms-traffictypediagnostic", f"{host}:EE_|{host.replace('SEZ', 'TYZ')}:EE_"),
        ("x-ms-exchange-senderadcheck", "1"),
        ("*", ""),
        ("MIME-Version", "1.0"),
        ("X-OriginatorOrg", dom),
    ]
    hs += list(extra)
    return message(hs, root, crlf=crlf)


APPLE_MIME = "1.0 (Mac OS X Mail 16.0 \\(3774\\))"


def apple(cx: Cx, frm: tuple, subject: str, body: str, *, sig: str | None = None, quote: str | None = None,
          to: str = STATEMENT, cc: str | None = None, attachments: tuple = (), html: bool = False,
          format_flowed: bool = True, charset: str = "utf-8", extra: tuple = (), in_reply_to: str | None = None,
          name_enc: str = "Q", subject_enc: str = "Q") -> bytes:
    """Apple Mail on macOS: plain text (format=flowed) or Apple-Mail=_ alternative, with Mac OS X Mail Mime-Version."""
    name, email = frm
    text = compose(body, sig, quote, dash=False)
    if is_ascii(text) and charset == "utf-8":
        charset = "us-ascii"
    if format_flowed:
        pdata = encode_text(flowed(text), charset)
        ctype = f"text/plain;\n\tcharset={charset};\n\tformat=flowed"
        plain = leaf(ctype, pdata, "7bit" if pdata.isascii() else "quoted-printable")
    else:
        pdata = encode_text(text, charset)
        plain = leaf(f"text/plain;\n\tcharset={charset}", pdata, "7bit" if pdata.isascii() else "quoted-printable")
    root = plain
    if html:
        head = ('<html aria-label="message body"><head><meta http-equiv="content-type" content="text/html; '
                f'charset={charset}"></head><body style="overflow-wrap: break-word; -webkit-nbsp-mode: space; '
                'line-break: after-white-space;">')
        h = html_simple(body, sig, quote, head, "</body></html>", bq='<blockquote type="cite">',
                        sig_open="<div><br></div><div>", sig_close="</div>")
        hdata = encode_text(h, charset)
        htm = leaf(f"text/html;\n\tcharset={charset}", hdata, "7bit" if hdata.isascii() else "quoted-printable")
        plain = leaf(f"text/plain;\n\tcharset={charset}", encode_text(text, charset),
                     "7bit" if is_ascii(text) else "quoted-printable")
        root = multipart("alternative", f"Apple-Mail=_{cx.uuid('alt')}", [plain, htm])
    if attachments:
        root = multipart("mixed", f"Apple-Mail=_{cx.uuid('mix')}", [root] + [attachment(cx, a, "apple")
                                                                             for a in attachments])
    hs = envelope(cx, email, f"mail.{_domain(email)}", _ip(cx))
    hs += [("From", addr(name, email, "utf-8", name_enc)), ("*", ""), ("Mime-Version", APPLE_MIME),
           ("Subject", subj(subject, "utf-8", subject_enc)), ("Message-Id", f"<{cx.uuid('mid')}@{_domain(email)}>")]
    hs += _reply_headers(in_reply_to)
    hs += [("Date", cx.rfcdate), ("To", to)]
    if cc:
        hs.append(("Cc", cc))
    hs += [("X-Mailer", "Apple Mail (2.3774)")] + list(extra)
    return message(hs, root)


def iphone(cx: Cx, frm: tuple, subject: str, body: str, *, quote: str | None = None, to: str = STATEMENT,
           cc: str | None = None, html: bool = False, extra: tuple = (), in_reply_to: str | None = None,
           attachments: tuple = ()) -> bytes:
    """iOS Mail: "Sent from my iPhone" in the writer's language, Mime-Version: 1.0 (1.0)."""
    name, email = frm
    sent = SENT_FROM_IPHONE.get(cx.lang, SENT_FROM_IPHONE["en"])
    text = body.rstrip("\n") + "\n\n" + sent + ("\n\n" + quote.rstrip("\n") if quote else "") + "\n"
    pdata = text.encode("utf-8")
    cte = "7bit" if pdata.isascii() else "quoted-printable"
    root = leaf("text/plain;\n\tcharset=" + ("us-ascii" if pdata.isascii() else "utf-8"), pdata, cte)
    if html:
        head = ('<html dir="ltr"><head><meta http-equiv="content-type" content="text/html; charset=utf-8"></head>'
                '<body dir="auto">')
        h = html_simple(body + "\n\n" + sent, None, quote, head, "</body></html>",
                        bq='<blockquote type="cite">')
        root = multipart("alternative", f"Apple-Mail-{cx.uuid('alt')}",
                         [leaf("text/plain;\n\tcharset=utf-8", pdata, cte),
                          leaf("text/html;\n\tcharset=utf-8", h.encode(), "quoted-printable")])
    if attachments:
        root = multipart("mixed", f"Apple-Mail-{cx.uuid('mix')}", [root] + [attachment(cx, a, "apple")
                                                                           for a in attachments])
    hs = envelope(cx, email, f"mail.{_domain(email)}", _ip(cx))
    hs += [("From", addr(name, email, "utf-8", "Q")), ("*", ""), ("Mime-Version", "1.0 (1.0)"),
           ("Date", cx.rfcdate), ("Subject", subj(subject, "utf-8", "Q")),
           ("Message-Id", f"<{cx.uuid('mid')}@{_domain(email)}>")]
    hs += _reply_headers(in_reply_to)
    hs += [("To", to)] + ([("Cc", cc)] if cc else []) + [("X-Mailer", "iPhone Mail (21D61)")] + list(extra)
    return message(hs, root)


THUNDERBIRD_UA = {
    "win": "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:115.0) Gecko/20100101\n Thunderbird/115.7.0",
    "linux": "Mozilla/5.0 (X11; Linux x86_64; rv:115.0) Gecko/20100101\n Thunderbird/115.6.1",
    "mac": "Mozilla/5.0 (Macintosh; Intel Mac OS X 10.15; rv:102.0) Gecko/20100101\n Thunderbird/102.15.1",
}


def thunderbird(cx: Cx, frm: tuple, subject: str, body: str, *, sig: str | None = None, quote: str | None = None,
                to: str = STATEMENT, cc: str | None = None, attachments: tuple = (), charset: str = "UTF-8",
                html: bool = False, extra: tuple = (), in_reply_to: str | None = None, os_: str = "linux",
                content_language: str | None = None, mislabel: str | None = None, cte: str | None = None,
                name_enc: str = "Q", subject_enc: str = "Q") -> bytes:
    """Thunderbird: format=flowed text/plain in 8bit, or an alternative with moz-signature HTML."""
    name, email = frm
    text = compose(body, sig, quote)
    label = mislabel or charset
    if html:
        head = ('<!DOCTYPE html>\n<html>\n  <head>\n\n    <meta http-equiv="content-type" content="text/html; '
                f'charset={label}">\n  </head>\n  <body>\n')
        h = html_simple(body, sig, quote, head, "\n  </body>\n</html>\n", line_fmt="    <p>{}</p>",
                        empty="    <p><br>\n    </p>", bq='<blockquote type="cite">',
                        sig_open='    <pre class="moz-signature" cols="72">-- \n', sig_close="</pre>")
        root = multipart("alternative", "------------" + cx.alnum("alt", 24),
                         [leaf(f"text/plain; charset={label}; format=flowed", encode_text(flowed(text), charset), cte),
                          leaf(f"text/html; charset={label}", encode_text(h, charset), cte)], fold=False)
    else:
        root = leaf(f"text/plain; charset={label}; format=flowed", encode_text(flowed(text), charset), cte)
    if attachments:
        root = multipart("mixed", "------------" + cx.alnum("mix", 24),
                         [root] + [attachment(cx, a, "thunderbird") for a in attachments],
                         preamble="This is a multi-part message in MIME format.", fold=False)
    hs = envelope(cx, email, f"smtp.{_domain(email)}", _ip(cx))
    hs += [("Message-ID", f"<{cx.uuid('mid', upper=False)}@{_domain(email)}>"), ("Date", cx.rfcdate),
           ("MIME-Version", "1.0"), ("User-Agent", THUNDERBIRD_UA[os_])]
    hs += _reply_headers(in_reply_to)
    hs += [("Content-Language", content_language or {"en": "en-US"}.get(cx.lang, cx.lang)), ("To", to)]
    if cc:
        hs.append(("Cc", cc))
    hs += [("From", addr(name, email, "UTF-8", name_enc)), ("Subject", subj(subject, "UTF-8", subject_enc))]
    hs += list(extra)
    return message(hs, root)


def yahoo(cx: Cx, frm: tuple, subject: str, body: str, *, sig: str | None = None, quote: str | None = None,
          to: str = STATEMENT, html_only: bool = False, extra: tuple = (), in_reply_to: str | None = None) -> bytes:
    """Yahoo Mail web (yahoo-style-wrap HTML); html_only for the HTML-only send path."""
    name, email = frm
    text = compose(body, sig, quote, dash=False)
    head = ('<html><head></head><body><div class="yahoo-style-wrap" style="font-family:Helvetica Neue, Helvetica, '
            'Arial, sans-serif;font-size:13px;">')
    h = html_simple(body, sig, quote, head, "</div></body></html>", line_fmt='<div dir="ltr" data-setdir="false">{}'
                    "</div>", empty='<div dir="ltr" data-setdir="false"><br></div>',
                    bq='<blockquote style="border-left: 1px solid rgb(204, 204, 204); padding-left: 1ex;">',
                    sig_open='<div id="ydp-signature">', sig_close="</div>")
    htm = leaf("text/html; charset=UTF-8", h.encode(), "quoted-printable")
    ts = int(cx.date.timestamp())
    if html_only:
        root = htm
    else:
        root = multipart("alternative", f"----=_Part_{cx.num('p1', 7)}_{cx.num('p2', 9)}.{ts}{cx.num('p3', 3)}",
                         [leaf("text/plain; charset=UTF-8", text.encode(), "quoted-printable"), htm], fold=False)
    hs = envelope(cx, email, f"sonic{cx.num('s', 3)}-{cx.num('s2', 2)}.consmr.mail.ne1.yahoo.com", _ip(cx, "192.0.2"))
    hs += [("Date", format_datetime(cx.date.astimezone(timezone.utc)) + " (UTC)"),
           ("From", addr(name, email)), ("To", to),
           ("Message-ID", f"<{cx.num('m1', 10)}.{cx.num('m2', 7)}.{ts}{cx.num('m3', 3)}@mail.yahoo.com>")]
    hs += _reply_headers(in_reply_to)
    hs += [("Subject", subj(subject)), ("MIME-Version", "1.0"), ("*", ""),
           ("X-Mailer", "WebService/1.1.22077 YMailNorrin")] + list(extra)
    return message(hs, root)


def _paragraphs(text: str, p: str = "<p>{}</p>") -> str:
    out = []
    for para in text.strip("\n").split("\n\n"):
        out.append(p.format("<br />".join(esc(x) for x in para.split("\n"))))
    return "\n".join(out)


def webmail(cx: Cx, frm: tuple, subject: str, body: str, *, sig: str | None = None, quote: str | None = None,
            to: str = STATEMENT, variant: str = "roundcube", charset: str = "UTF-8", extra: tuple = (),
            in_reply_to: str | None = None, attachments: tuple = (), mislabel: str | None = None) -> bytes:
    """Roundcube (HTML only), SquirrelMail (8bit plain) or Zimbra web client (alternative)."""
    name, email = frm
    dom = _domain(email)
    hs = envelope(cx, email, f"webmail.{dom}", _ip(cx))
    label = mislabel or charset
    if variant == "roundcube":
        h = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=' + label + '" /></head>'
             "<body style='font-size: 10pt; font-family: Verdana,Geneva,sans-serif'>\n" + _paragraphs(body))
        if sig:
            h += '\n<div id="signature">' + "<br />".join(esc(x) for x in sig.split("\n")) + "</div>"
        if quote:
            h += '\n<blockquote type="cite" style="padding: 0 0.4em; border-left: #1010ff 2px solid; margin: 0">' \
                 + _paragraphs(quote) + "</blockquote>"
        h += "\n</body></html>\n"
        root = leaf(f"text/html; charset={label}", encode_text(h, charset), "quoted-printable")
        if attachments:
            root = multipart("mixed", "=_" + cx.hx("rc", 32), [root] + [attachment(cx, a, "roundcube")
                                                                       for a in attachments], fold=False)
        hs += [("MIME-Version", "1.0"), ("Date", cx.rfcdate), ("From", addr(name, email)), ("To", to),
               ("Subject", subj(subject, "UTF-8", "Q"))]
        hs += _reply_headers(in_reply_to)
        hs += [("User-Agent", "Roundcube Webmail/1.6.6"), ("Message-ID", f"<{cx.hx('mid', 32)}@{dom}>"),
               ("X-Sender", email), ("*", "")]
    elif variant == "squirrel":
        text = compose(body, sig, quote)
        root = leaf(f"text/plain;charset={label}", encode_text(text, charset), "8bit")
        hs += [("Message-ID", f"<{cx.hx('mid', 32)}.squirrel@webmail.{dom}>")]
        hs += _reply_headers(in_reply_to)
        hs += [("Date", cx.date.strftime("%a, %d %b %Y %H:%M:%S %z")), ("Subject", subj(subject, "iso-8859-1", "Q")),
               ("From", addr(name, email, "iso-8859-1", "Q")), ("To", to), ("User-Agent", "SquirrelMail/1.4.22"),
               ("MIME-Version", "1.0"), ("*", ""), ("X-Priority", "3 (Normal)"), ("Importance", "Normal")]
    else:  # zimbra
        text = compose(body, sig, quote)
        h = ('<html><body><div style="font-family: arial, helvetica, sans-serif; font-size: 12pt; color: #000000">'
             + html_lines(compose(body, sig, None).rstrip("\n"), "<div>{}</div>", "<div><br data-mce-bogus=\"1\">"
                          "</div>", '<blockquote style="border-left:2px solid #1010FF;margin-left:5px;padding-left:5px;">')
             + "</div></body></html>")
        root = multipart("alternative", "=_" + cx.uuid("z", upper=False),
                         [leaf(f"text/plain; charset={label}", encode_text(text, charset), "7bit" if is_ascii(text)
                               else "quoted-printable"),
                          leaf(f"text/html; charset={label}", encode_text(h, charset), "7bit" if is_ascii(h)
                               else "quoted-printable")])
        hs += [("Date", cx.rfcdate), ("From", addr(name, email)), ("To", to),
               ("Message-ID", f"<{cx.num('z1', 9)}.{cx.num('z2', 7)}.{int(cx.date.timestamp())}{cx.num('z3', 3)}"
                              f".JavaMail.zimbra@{dom}>")]
        hs += _reply_headers(in_reply_to)
        hs += [("Subject", subj(subject, "utf-8", "Q")), ("MIME-Version", "1.0"), ("*", ""),
               ("X-Mailer", "Zimbra 9.0.0_GA_4546 (ZimbraWebClient - GC121 (Win)/9.0.0_GA_4546)"),
               ("Thread-Index", cx.alnum("zti", 28)), ("Thread-Topic", subj(subject, "utf-8", "Q"))]
    hs += list(extra)
    return message(hs, root)


def plain(cx: Cx, frm: tuple, subject: str, body: str, *, sig: str | None = None, quote: str | None = None,
          to: str = STATEMENT, cc: str | None = None, variant: str = "mutt", charset: str = "us-ascii",
          extra: tuple = (), in_reply_to: str | None = None, wrap: bool = True, raw: bytes | None = None,
          mislabel: str | None = None, crlf: bool = False) -> bytes:
    """Mutt (wrapped 7bit/8bit text/plain), or "bare" (no MIME headers at all, as scripts and old tools send)."""
    name, email = frm
    text = compose(body, sig, quote)
    if wrap:
        text = hard_wrap(text)
    data = raw if raw is not None else encode_text(text, charset)
    hs = envelope(cx, email, f"{email.split('@')[0][:6]}.{_domain(email)}", _ip(cx))
    if variant == "mutt":
        root = leaf(f"text/plain; charset={mislabel or charset}", data, None,
                    extra=(("Content-Disposition", "inline"),), cte_header=not data.isascii())
        hs += [("Date", cx.date.strftime("%a, %-d %b %Y %H:%M:%S %z")), ("From", addr(name, email)), ("To", to)]
        if cc:
            hs.append(("Cc", cc))
        hs += [("Subject", subject if is_ascii(subject) else ew(subject, "utf-8", "Q"))]
        hs += _reply_headers(in_reply_to)
        hs += [("Message-ID", f"<Zd{cx.alnum('mid', 14)}@{email.split('@')[0][:6]}>"), ("MIME-Version", "1.0"),
               ("*", ""), ("User-Agent", "Mutt/2.2.12 (2023-09-09)")]
        hs += list(extra)
        return message(hs, root, crlf=crlf)
    hs += [("Date", cx.rfcdate), ("From", addr(name, email)), ("To", to), ("Subject", subject)]
    hs += _reply_headers(in_reply_to)
    hs += [("Message-Id", f"<{cx.num('mid', 14)}.{cx.hx('m', 6)}@{_domain(email)}>")] + list(extra)
    return Part(hs, data).render().replace(b"\n", b"\r\n") if crlf else Part(hs, data).render()


def oe(cx: Cx, frm: tuple, subject: str, body: str, *, sig: str | None = None, quote: str | None = None,
       to: str = STATEMENT, charset: str = "tis-620", cte: str = "quoted-printable", extra: tuple = (),
       font: str = "Tahoma", in_reply_to: str | None = None) -> bytes:
    """Outlook Express / Windows Live Mail: ----=_NextPart_ boundary, MSHTML HTML, legacy charsets."""
    name, email = frm
    text = compose(body, sig, quote, dash=False)
    stamp = f"{cx.hx('t', 4).upper()}_01DA{cx.hx('t2', 4).upper()}.{cx.hx('t3', 8).upper()}"
    h = ('<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.0 Transitional//EN">\n<HTML><HEAD>\n'
         f'<META http-equiv=Content-Type content="text/html; charset={charset}">\n'
         '<META content="MSHTML 6.00.2900.6266" name=GENERATOR>\n<STYLE></STYLE>\n</HEAD>\n<BODY bgColor=#ffffff>\n'
         + html_lines(text.rstrip("\n"), "<DIV><FONT face=" + font + " size=2>{}</FONT></DIV>", "<DIV>&nbsp;</DIV>",
                      '<BLOCKQUOTE dir=ltr style="PADDING-RIGHT: 0px; PADDING-LEFT: 5px; MARGIN-LEFT: 5px; '
                      'BORDER-LEFT: #000000 2px solid; MARGIN-RIGHT: 0px">', "</BLOCKQUOTE>")
         + "</BODY></HTML>\n")
    root = multipart("alternative", f"----=_NextPart_000_{stamp}",
                     [leaf(f'text/plain;\n\tcharset="{charset}"', encode_text(text, charset), cte),
                      leaf(f'text/html;\n\tcharset="{charset}"', encode_text(h, charset), cte)],
                     preamble="This is a multi-part message in MIME format.\n")
    hs = envelope(cx, email, f"mail.{_domain(email)}", _ip(cx))
    hs += [("Message-ID", f"<{cx.hx('m', 6)}01da{cx.hx('m2', 4)}${cx.hx('m3', 8)}$6401a8c0@PC{cx.num('pc', 3)}>"),
           ("From", addr(name, email, charset, "B")), ("To", to)]
    hs += _reply_headers(in_reply_to)
    hs += [("Subject", subj(subject, charset, "B")), ("Date", cx.rfcdate), ("MIME-Version", "1.0"), ("*", ""),
           ("X-Priority", "3"), ("X-MSMail-Priority", "Normal"),
           ("X-Mailer", "Microsoft Outlook Express 6.00.2900.5931"),
           ("X-MimeOLE", "Produced By Microsoft MimeOLE V6.00.2900.6157")] + list(extra)
    return message(hs, root, crlf=True)


def foxmail(cx: Cx, frm: tuple, subject: str, body: str, *, to: str = STATEMENT, charset: str = "gb2312",
            extra: tuple = ()) -> bytes:
    """Foxmail: GB2312 text and HTML, base64."""
    name, email = frm
    h = ("<html><head><meta http-equiv=\"content-type\" content=\"text/html; charset=" + charset.upper()
         + "\"><style>body { line-height: 1.5; }body { font-size: 14px; font-family: 'Microsoft YaHei UI'; color: "
           "rgb(0, 0, 0); line-height: 1.5; }</style></head><body>\n"
         + html_lines(body.rstrip("\n"), "<div><span></span>{}</div>", "<div><br></div>", "<blockquote>")
         + "\n</body></html>")
    b = f"----=_001_NextPart{cx.num('b', 12)}_=----"
    root = multipart("alternative", b, [leaf(f'text/plain;\n\tcharset="{charset.upper()}"', encode_text(body, charset),
                                             "base64"),
                                        leaf(f'text/html;\n\tcharset="{charset.upper()}"', encode_text(h, charset),
                                             "base64")],
                     preamble="This is a multi-part message in MIME format.\n")
    hs = envelope(cx, email, f"smtp.{_domain(email)}", _ip(cx, "203.0.113"))
    hs += [("Date", cx.date.strftime("%a, %d %b %Y %H:%M:%S %z")), ("From", addr(name, email, charset.upper(), "B")),
           ("To", to), ("Subject", subj(subject, charset.upper(), "B")),
           ("X-Priority", "3"), ("X-GUID", cx.uuid("guid")), ("X-Has-Attach", "no"),
           ("X-Mailer", "Foxmail 7.2.25.375[cn]"), ("Mime-Version", "1.0"),
           ("Message-ID", f"<{cx.date.strftime('%Y%m%d%H%M%S')}{cx.num('m', 6)}@{_domain(email)}>"), ("*", "")]
    hs += list(extra)
    return message(hs, root)


# --------------------------------------------------------------------------- what Endorse and servers send


def sub(cx: Cx, salt: str, minutes: float = -60) -> Cx:
    """The context of another message of the same story (a returned original, a quoted one), minutes away."""
    return Cx(cx.name + "/" + salt, cx.at(minutes), cx.lang)


def endorse_out(cx: Cx, to: str, subject: str, text: str, tok: str | None = None, minutes: float = -90) -> bytes:
    """A message Endorse sent (the original returned inside a bounce)."""
    frm = f"statement+{tok}@example.org" if tok else STATEMENT
    hs = [("Return-Path", "<statement-bounces@example.org>"),
          ("Received", f"from app1.example.org (app1.example.org [192.0.2.10])\n\tby {MX} (Postfix) with ESMTPSA id "
                       f"4T{cx.alnum('oq', 11)}\n\tfor <{to}>; {format_datetime(cx.at(minutes))}"),
          ("From", f'"Joint statement" <{frm}>'), ("To", to), ("Subject", subject),
          ("Date", format_datetime(cx.at(minutes))), ("Message-ID", f"<{cx.hx('out', 24)}@example.org>"),
          ("Auto-Submitted", "auto-replied"), ("X-Loop", "statement@example.org"), ("MIME-Version", "1.0")]
    return message(hs, leaf('text/plain; charset="utf-8"', text.encode(), None))


DESK_RELAY = ("app1.example.org", "192.0.2.10", MX, "4V")


def desk_out(cx: Cx, to: str, subject: str, text: str, tok_: str | None = None, extra: tuple = (), *,
             relay: tuple[str, str, str, str] = DESK_RELAY) -> bytes:
    """A message the Joint Statement Desk sent, as it comes back inside a bounce; relay: the host that sent it, its
    address, the server that relayed it and that server's queue-id prefix."""
    frm = f"statement+{tok_}@example.org" if tok_ else STATEMENT
    at = cx.at(-95)
    host, ip, by, queue = relay
    hs = [("Return-Path", "<statement-bounces@example.org>"),
          ("Received", f"from {host} ({host} [{ip}])\n\tby {by} (Postfix) with ESMTPSA id {queue}{cx.alnum('oq', 11)}"
                       f"\n\tfor <{to}>; {format_datetime(at)}"),
          ("From", f"Joint Statement Desk <{frm}>"), ("To", to), ("Subject", subject), ("Date", format_datetime(at)),
          ("Message-ID", f"<{cx.hx('out', 26)}@example.org>"), ("Auto-Submitted", "auto-replied"),
          ("MIME-Version", "1.0")] + list(extra)
    return message(hs, leaf('text/plain; charset="utf-8"', text.encode(), None))


def delivery_status(cx: Cx, mta: str, rcpt: str, status: str, diag: str, action: str = "failed",
                    remote: str | None = None, retry: bool = False, arrival: float = -92) -> str:
    """The message/delivery-status fields of a DSN for one recipient (retry: Will-Retry-Until two days on)."""
    out = f"Reporting-MTA: dns; {mta}\nArrival-Date: {format_datetime(cx.at(arrival))}\n\n"
    out += f"Final-Recipient: rfc822; {rcpt}\nAction: {action}\nStatus: {status}\n"
    if remote:
        out += f"Remote-MTA: dns; {remote}\n"
    out += f"Diagnostic-Code: smtp; {diag}\n"
    if retry:
        out += f"Will-Retry-Until: {format_datetime(cx.at(2 * 1440))}\n"
    return out


def postfix_human(host: str, line: str) -> str:
    """The human-readable part of a Postfix bounce; line: what it says about the recipient."""
    return f"""This is the mail system at host {host}.

I'm sorry to have to inform you that your message could not
be delivered to one or more recipients. It's attached below.

For further assistance, please send mail to postmaster.

If you do so, please include this problem report. You can
delete your own text from the attached returned message.

                   The mail system

{line}
"""


def report(cx: Cx, *, frm: str, subject: str, human: str, dsn_fields: str, original: bytes,
           to: str = STATEMENT, headers_only: bool = False, extra: tuple = (), boundary: str | None = None,
           human_charset: str = "us-ascii", human_cte: str | None = None, before: tuple = (),
           human_html: str | None = None, description: bool = True) -> bytes:
    """A multipart/report; report-type=delivery-status (RFC 3464) as MTAs write them."""
    host = re.search(r"@([\w.-]+)", frm).group(1)
    b = boundary or f"{cx.hx('rb', 12).upper()}.{cx.num('rb2', 10)}/{host}"
    desc = (lambda d: (("Content-Description", d),) if description else ())
    human_part = leaf(f"text/plain; charset={human_charset}", encode_text(human, human_charset), human_cte,
                      before=desc("Notification"))
    if human_html:
        human_part = multipart("alternative", cx.uuid("alt", upper=False),
                               [leaf(f'text/plain; charset="{human_charset}"', encode_text(human, human_charset),
                                     human_cte or "quoted-printable"),
                                leaf(f'text/html; charset="{human_charset}"', encode_text(human_html, human_charset),
                                     human_cte or "quoted-printable")], params="; differences=Content-Type")
    status = Part([*desc("Delivery report"), ("Content-Type", "message/delivery-status")], dsn_fields.encode())
    if headers_only:
        orig = Part([*desc("Undelivered Message Headers"), ("Content-Type", "text/rfc822-headers")],
                    original.split(b"\n\n", 1)[0] + b"\n")
    else:
        orig = Part([*desc("Undelivered Message"), ("Content-Type", "message/rfc822")], original)
    root = multipart("report", b, [human_part, status, orig], params="; report-type=delivery-status",
                     preamble="This is a MIME-encapsulated message.\n")
    # report-type after the boundary, as Postfix writes it
    hs = list(before) + [("Date", cx.rfcdate), ("From", frm), ("Subject", subject), ("To", to)] + list(extra)
    hs += [("MIME-Version", "1.0"), ("*", ""), ("Message-Id", f"<{cx.date.strftime('%Y%m%d%H%M%S')}."
                                                             f"{cx.hx('rm', 11).upper()}@{host}>")]
    return message(hs, root)


def server_text(cx: Cx, headers: list, text: str, charset: str = "us-ascii", cte: str | None = None) -> bytes:
    """A plain-text message written by a server (Exim, qmail, autoresponders)."""
    return message(headers, leaf(f"text/plain; charset={charset}", encode_text(text, charset), cte,
                                 cte_header=cte is not None or not is_ascii(text)))


def responder(cx: Cx, frm: tuple, subject: str, text: str, *, extra: tuple = (), to: str = STATEMENT) -> bytes:
    """A reply written by a server-side vacation responder (Sieve)."""
    name, mail_ = frm
    dom = mail_.split("@")[1]
    hs = envelope(cx, "", f"mail.{dom}", "198.51.100.118")
    hs += [("Date", cx.rfcdate), ("From", addr(name, mail_)), ("To", to),
           ("Subject", subject if subject.isascii() else ew(subject, "UTF-8", "Q")),
           ("Message-ID", f"<{cx.hx('mid', 22)}.vacation@{dom}>")] + list(extra) + [("MIME-Version", "1.0")]
    return server_text(cx, hs, text, "utf-8", None if text.isascii() else "quoted-printable")


def groups_post(cx: Cx, frm: tuple, subject: str, text: str, *, group: str, host: str, footer: str) -> bytes:
    """A post as a Google-Groups-like service distributes it (Mailing-list, List-ID, Precedence: list)."""
    name, mail_ = frm
    lst = f"{group}@{host}"
    body = text.rstrip("\n") + "\n\n-- \n" + footer.format(lst=lst, group=group, host=host) + "\n"
    hs = envelope(cx, f"{group}+bncBC{cx.alnum('bnc', 20)}@{host}", f"mail-yw1-f{cx.num('y', 3)}.{host}",
                  "203.0.113.166")
    hs += [("X-Original-Sender", mail_), ("Precedence", "list"),
           ("Mailing-list", f"list {lst}; contact {group}+owners@{host}"),
           ("List-ID", f"<{group}.{host}>"), ("X-Spam-Checked-In-Group", f"{lst}"),
           ("List-Post", f"<https://{host}/group/{group}/post>, <mailto:{lst}>"),
           ("List-Help", f"<https://support.{host}/>, <mailto:{group}+help@{host}>"),
           ("List-Archive", f"<https://{host}/group/{group}/>"),
           ("List-Unsubscribe", f"<mailto:{group}+unsubscribe@{host}>, <https://{host}/group/{group}/subscribe>"),
           ("From", addr(f"'{name}' via {group}", lst, quote=True)), ("Reply-To", addr(name, mail_)),
           ("To", lst), ("Subject", ew(subject, "UTF-8", "B") if not subject.isascii() else subject),
           ("Date", cx.rfcdate), ("Message-ID", f"<CA{cx.alnum('mid', 40)}@mail.gmail.com>"),
           ("MIME-Version", "1.0")]
    return message(hs, leaf('text/plain; charset="UTF-8"', body.encode(), "quoted-printable"))
