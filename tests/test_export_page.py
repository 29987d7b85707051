"""The published page: `endorse signatories --format html` rendered by headless Chromium (Debian's `chromium`).

The names come in by mail, through the whole path, so a name holding markup is exactly what an endorser could
send.  Chromium's rendered DOM must hold every name as text and no element the names carried; its screenshot
must show the list (many more rows of ink than the same page without signatories).
"""
from __future__ import annotations

import shutil
import struct
import subprocess
import zlib
from pathlib import Path

import pytest

from storage.export import Listing, render
from tests.mails import endorsement, reply_as_client
from tests.support import unavailable
from tests.support.desk import Desk, only

HOSTILE = "Solidarity <script>document.title=6*7</script> & <b>Friends</b>"
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run")


@pytest.fixture(scope="module")
def chromium() -> str:
    found = shutil.which("chromium")
    if found is None:
        unavailable("chromium is not installed: scripts/test installs it (apt-get install chromium)")
    return found


def run_chromium(chromium: str, page: Path, profile: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([chromium, *FLAGS, f"--user-data-dir={profile}", *args, page.as_uri()],
                          capture_output=True, text=True, timeout=120, check=True)


def ink_rows(png: bytes) -> int:
    """How many pixel rows of a PNG screenshot hold dark pixels (8-bit RGB/RGBA, not interlaced)."""
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, width = 8, b"", 0
    while pos < len(png):
        length, kind = struct.unpack(">I4s", png[pos:pos + 8])
        data = png[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, _height, depth, color, _c, _f, interlace = struct.unpack(">IIBBBBB", data)
            assert depth == 8 and color in (2, 6) and interlace == 0, "an 8-bit RGB(A) screenshot"
            bpp = 3 if color == 2 else 4
        elif kind == b"IDAT":
            idat += data
        pos += 12 + length
    raw, stride, rows, previous = zlib.decompress(idat), width * bpp, 0, bytearray(width * bpp)
    for y in range(len(raw) // (stride + 1)):
        kind, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for x in range(stride):       # PNG filters (RFC 2083 §6)
            a = line[x - bpp] if x >= bpp else 0
            b, c = previous[x], previous[x - bpp] if x >= bpp else 0
            if kind == 1:
                line[x] = (line[x] + a) & 255
            elif kind == 2:
                line[x] = (line[x] + b) & 255
            elif kind == 3:
                line[x] = (line[x] + (a + b) // 2) & 255
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows += any(line[x] < 100 for x in range(0, stride, bpp))
        previous = line
    return rows


def page(desk: Desk, folder: Path) -> Path:
    path = folder / "signatories.html"
    code, html = desk.cli("signatories", "--format", "html")
    assert code == 0
    path.write_text(html, encoding="utf-8")
    return path


def test_the_html_page_renders_the_list_in_chromium_with_every_name_as_text(tmp_path, smtp, chromium):
    desk = Desk(tmp_path, f"sqlite:///{tmp_path / 'e.db'}", smtp)
    try:
        (tmp_path / "empty").mkdir()
        empty = page(desk, tmp_path / "empty")                  # the same page before anyone is listed
        people = [("Aruna <aruna@psm.example.org>", "Parti Sosialis Malaysia (PSM)", "Malaysia"),
                  ("Ricardo <r@plm.example.org>", "Partido Lakas ng Masa (PLM)", "Philippines"),
                  ("Eve <eve@friends.example.org>", HOSTILE, "France")]
        for sender, organization, country in people:
            sent = desk.deliver(endorsement(sender=sender, organization=organization, country=country))
            request = only(sent, sender.split("<")[1].rstrip(">"), "[confirm c-")
            desk.deliver(reply_as_client(request.raw, sender=sender, body="Yes"))
        listed = page(desk, tmp_path)
    finally:
        desk.close()

    dom = run_chromium(chromium, listed, tmp_path / "profile", "--dump-dom").stdout
    assert "<title>Test Statement: Solidarity: signatories</title>" in dom          # the script never ran
    assert dom.count("<script") == 0 and "<b>Friends" not in dom
    assert "Solidarity &lt;script&gt;document.title=6*7&lt;/script&gt; &amp; &lt;b&gt;Friends&lt;/b&gt;" in dom
    assert '<span class="org">Parti Sosialis Malaysia</span> (PSM), <span class="country">Malaysia</span>' in dom
    assert dom.count("<li>") == 3

    shot, blank = tmp_path / "page.png", tmp_path / "empty.png"
    run_chromium(chromium, listed, tmp_path / "profile", f"--screenshot={shot}", "--window-size=1200,2000")
    run_chromium(chromium, empty, tmp_path / "profile", f"--screenshot={blank}", "--window-size=1200,2000")
    assert ink_rows(shot.read_bytes()) >= ink_rows(blank.read_bytes()) + 3 * 10   # three lines of text drawn


def test_html_and_markdown_escape_every_name():
    listings = [Listing(HOSTILE, None, "FR", "France"), Listing("#GegarAmerika", None, "MY", "Malaysia")]
    html = render("html", listings, title="T <i>", templates=None)
    assert "<script>" not in html and "&lt;script&gt;" in html and "<h1>T &lt;i&gt;</h1>" in html
    md = render("md", listings, title="T")
    assert md.endswith("2. \\#GegarAmerika, Malaysia") and "\\<script\\>" in md
