"""Sending a digest to 100,000 subscribers: Endorse's digest sender against a raw aiosmtplib sender.

    .venv/bin/python bench/digest.py [--subscribers 100000] [--connections 8] [--sink aiosmtpd|raw]
                                     [--limit-seconds 900]

Fills a fresh SQLite database with --subscribers active subscribers and 300
signatories, starts an SMTP sink in a process of its own (postfix's smtp-sink
when it is installed, else aiosmtpd; --sink raw: a minimal asyncio sink, several
times faster than aiosmtpd, so the senders rather than the sink set the pace), then, each in a child process so that its
peak memory (ru_maxrss) is its own:
  reference: aiosmtplib sending one pre-built digest copy to every subscriber over --connections connections,
             half before and half after the digest run, so a machine busier at one moment weighs on both
  endorse:   mailer.digest.run.run_due: the ledger row, the body, then every copy built from it just in time,
             claimed in batches, sent over the same number of connections, every result recorded
and prints messages per second for both, their ratio (target: at least 80%) and the digest sender's peak
memory (target: under 300 MB).  Every child and the sink are stopped after --limit-seconds at the latest.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import resource
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

MONDAY_9 = datetime(2025, 6, 2, 9, 0)      # the default digest moment; the run acts as if it were now
SETTINGS = """\
[statement]
title = "Joint Statement of the Southeast Asian Left Organizations: End the genocide! Solidarity with Palestine!"
address = "statement@example.org"
coordinators = ["coordinator@example.org"]

[outgoing]
kind = "smtp"
host = "127.0.0.1"
port = {port}
tls = "plain"
timeout_seconds = 60

[database]
url = "sqlite:///{db}"

[digest]
connections = {connections}
"""
COUNTRIES = ["Malaysia", "Indonesia", "Philippines", "Thailand", "France", "Spain", "Brazil", "Australia"]


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# ---- the sink ----------------------------------------------------------------------------------------------------

def serve_sink(port: int, factory, accepted) -> None:
    """Serve in this process's own loop until SIGTERM, then print how many messages were accepted."""
    async def serve():
        loop = asyncio.get_running_loop()
        server = await loop.create_server(factory, "127.0.0.1", port, backlog=256)
        stop = asyncio.Event()
        loop.add_signal_handler(signal.SIGTERM, stop.set)
        print("ready", flush=True)
        await stop.wait()
        server.close()
        print(json.dumps({"accepted": accepted()}), flush=True)

    asyncio.run(serve())


def run_sink(port: int) -> None:
    """aiosmtpd, counting what it accepts."""
    from aiosmtpd.smtp import SMTP

    class Count:
        messages = 0

        async def handle_DATA(self, server, session, envelope):
            Count.messages += 1
            return "250 OK"

    serve_sink(port, lambda: SMTP(Count(), hostname="sink", data_size_limit=None), lambda: Count.messages)


class RawSink(asyncio.Protocol):
    """The least SMTP a client needs (RFC 5321 replies, DATA ended by CRLF.CRLF found with bytes.find): it reads
    a message as one block, where aiosmtpd reads it line by line, so a sender's own ceiling shows."""

    accepted = 0

    def connection_made(self, transport):
        self.transport, self.buf, self.data = transport, b"", False
        transport.write(b"220 sink ESMTP\r\n")

    def data_received(self, chunk: bytes) -> None:
        self.buf += chunk
        while self.buf:
            if self.data:
                end = self.buf.find(b"\r\n.\r\n")
                if end < 0:
                    self.buf = self.buf[-4:]
                    return
                self.buf, self.data = self.buf[end + 5:], False
                RawSink.accepted += 1
                self.transport.write(b"250 2.0.0 OK\r\n")
                continue
            end = self.buf.find(b"\r\n")
            if end < 0:
                return
            verb, self.buf = self.buf[:4].upper(), self.buf[end + 2:]
            if verb == b"EHLO":
                self.transport.write(b"250-sink\r\n250-8BITMIME\r\n250 SIZE 0\r\n")
            elif verb == b"DATA":
                self.data = True
                self.buf = b"\r\n" + self.buf      # so a terminator right at the start is found too
                self.transport.write(b"354 go ahead\r\n")
            elif verb == b"QUIT":
                self.transport.write(b"221 bye\r\n")
                self.transport.close()
                return
            else:
                self.transport.write(b"250 OK\r\n")


def run_raw_sink(port: int) -> None:
    serve_sink(port, RawSink, lambda: RawSink.accepted)


def start_sink(port: int, which: str) -> tuple[subprocess.Popen, str]:
    smtp_sink = shutil.which("smtp-sink") or (Path("/usr/sbin/smtp-sink") if Path("/usr/sbin/smtp-sink").exists()
                                               else None)
    if smtp_sink and which == "aiosmtpd":
        proc = subprocess.Popen([str(smtp_sink), "-u", "nobody", f"127.0.0.1:{port}", "1024"],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        kind = "postfix smtp-sink"
    else:
        proc = subprocess.Popen([sys.executable, __file__, "--role", f"sink-{which}", "--port", str(port)],
                                stdout=subprocess.PIPE, text=True)
        assert proc.stdout.readline().strip() == "ready"
        kind = "aiosmtpd (own process)" if which == "aiosmtpd" else "raw asyncio sink (own process)"
    deadline = time.monotonic() + 10
    while True:
        try:
            with socket.create_connection(("127.0.0.1", port), 1) as s:
                if s.recv(64).startswith(b"220"):
                    return proc, kind
        except OSError:
            if time.monotonic() > deadline:
                proc.kill()
                raise
            time.sleep(0.05)


# ---- the data ----------------------------------------------------------------------------------------------------

def populate(config: Path, subscribers: int) -> None:
    from sqlalchemy import insert

    from mailer.settings import load_settings
    from storage.db import open_database
    from storage.schema import Signatory, Subscriber
    settings = load_settings(config)
    db = open_database(settings.database_url)
    alphabet = str.maketrans("0123456789", "abcdefghjk")
    with db.session() as s:
        s.execute(insert(Signatory), [
            {"organization": f"Solidarity Organization Number {i}", "short_name": f"SON{i}",
             "country": None, "country_text": COUNTRIES[i % len(COUNTRIES)], "contact_email": f"c{i}@org{i}.example.org",
             "verified_at": datetime(2025, 5, 1 + i % 30, 12), "status": "listed", "name_key": f"son {i}"}
            for i in range(300)])
        for start in range(0, subscribers, 20_000):
            s.execute(insert(Subscriber), [
                {"email": f"s{i}@sub{i % 97}.example.net", "name": "", "language": "en", "state": "active",
                 "token": f"{i:026d}".translate(alphabet), "source": "cli", "created_at": MONDAY_9,
                 "updated_at": MONDAY_9, "confirmed_at": MONDAY_9, "hard_bounces": 0}
                for i in range(start, min(start + 20_000, subscribers))])
    db.dispose()


# ---- the two senders ---------------------------------------------------------------------------------------------

def run_endorse(config: Path) -> dict:
    from mailer.digest.run import run_due
    from mailer.settings import load_settings
    from storage.db import open_database
    settings = load_settings(config)
    db = open_database(settings.database_url)
    started, cpu_before = time.perf_counter(), cpu_seconds()
    report = run_due(db, settings, now=lambda: MONDAY_9)
    seconds = time.perf_counter() - started
    return {"sent": report.deliveries.get("sent", 0), "seconds": seconds, "state": report.state,
            "deliveries": report.deliveries, "peak_mb": peak_mb(), "cpu": cpu_seconds() - cpu_before}


def run_reference(config: Path, count: int) -> dict:
    """The same number of connections, each sending one pre-built copy of the same digest to its share."""
    from mailer.compose import make_environment
    from mailer.digest.content import Template
    from mailer.digest.run import gather, render_bodies
    from mailer.settings import load_settings
    from mailer.edges.smtp import close_connection, open_connection
    from storage.db import open_database
    settings = load_settings(config)
    db = open_database(settings.database_url)
    with db.session() as s:       # what the digest run reports for the same week
        content = gather(s, settings, "2025-W23", MONDAY_9 - timedelta(days=7), MONDAY_9)
    raw = render_bodies(settings, make_environment(settings.templates), content, set(), MONDAY_9)["en"]
    copy = Template(raw).fill(to="s0@sub0.example.net", message_id="<reference@example.org>",
                              unsubscribe="statement+u-reference@example.org")
    next_index = iter(range(count))
    sent = [0]

    async def connection():   # aiosmtplib itself, through the same connect/close helpers
        client, problem = await open_connection(settings.outgoing)
        assert client is not None, problem
        for i in next_index:
            await client.sendmail("statement+bounces@example.org", [f"s{i}@sub{i % 97}.example.net"], copy)
            sent[0] += 1
        await close_connection(client)

    async def all_connections():
        await asyncio.gather(*(connection() for _ in range(settings.digest.connections)))

    started, cpu_before = time.perf_counter(), cpu_seconds()
    asyncio.run(all_connections())
    return {"sent": sent[0], "seconds": time.perf_counter() - started, "peak_mb": peak_mb(), "bytes": len(copy),
            "cpu": cpu_seconds() - cpu_before}


def child(role: str, config: Path, count: int, limit: float) -> dict:
    done = subprocess.run([sys.executable, __file__, "--role", role, "--config", str(config),
                           "--subscribers", str(count)], capture_output=True, text=True, timeout=limit)
    if done.returncode != 0:
        raise SystemExit(f"{role} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--subscribers", type=int, default=100_000)
    ap.add_argument("--connections", type=int, default=8)
    ap.add_argument("--limit-seconds", type=float, default=900, help="stop everything after this long")
    ap.add_argument("--sink", choices=["aiosmtpd", "raw"], default="aiosmtpd",
                    help="aiosmtpd in its own process (postfix's smtp-sink instead when installed), or a minimal "
                         "asyncio sink that reads DATA as one block, to show the senders' own ceiling")
    ap.add_argument("--role", choices=["main", "sink-aiosmtpd", "sink-raw", "endorse", "reference"], default="main")
    ap.add_argument("--port", type=int)
    ap.add_argument("--config")
    args = ap.parse_args()
    if args.role == "sink-aiosmtpd":
        return run_sink(args.port)
    if args.role == "sink-raw":
        return run_raw_sink(args.port)
    if args.role == "endorse":
        return print(json.dumps(run_endorse(Path(args.config))))
    if args.role == "reference":
        return print(json.dumps(run_reference(Path(args.config), args.subscribers)))

    started = time.monotonic()
    left = lambda: max(1.0, args.limit_seconds - (time.monotonic() - started))  # noqa: E731
    folder = Path(tempfile.mkdtemp(prefix="endorse-bench-"))
    port = free_port()
    config = folder / "settings.toml"
    config.write_text(SETTINGS.format(port=port, db=folder / "bench.db", connections=args.connections))
    sink, kind = start_sink(port, args.sink)
    try:
        t = time.perf_counter()
        populate(config, args.subscribers)
        print(f"{args.subscribers:,} subscribers and 300 signatories in {time.perf_counter() - t:.1f} s; "
              f"sink: {kind}; {args.connections} connections", flush=True)
        # The reference runs half before and half after the digest, so a machine that gets busier or quieter
        # during the run weighs on both alike.
        first = child("reference", config, args.subscribers // 2, left())
        ours = child("endorse", config, args.subscribers, left())
        second = child("reference", config, args.subscribers - args.subscribers // 2, left())
        ref = {"sent": first["sent"] + second["sent"], "seconds": first["seconds"] + second["seconds"],
               "peak_mb": max(first["peak_mb"], second["peak_mb"]), "bytes": first["bytes"],
               "cpu": first["cpu"] + second["cpu"]}
    finally:
        sink.send_signal(signal.SIGTERM)
        try:
            out, _ = sink.communicate(timeout=10)
        except subprocess.TimeoutExpired:
            sink.kill()
            out, _ = sink.communicate()
        shutil.rmtree(folder, ignore_errors=True)
    accepted = json.loads(out.strip().splitlines()[-1])["accepted"] if out and out.strip() else None
    ours_rate, ref_rate = ours["sent"] / ours["seconds"], ref["sent"] / ref["seconds"]
    ratio = ours_rate / ref_rate
    print(f"reference (aiosmtplib, pre-built {ref['bytes']:,}-byte copy): {ref['sent']:,} in {ref['seconds']:.1f} s "
          f"= {ref_rate:,.0f} msg/s, {1000 * ref['cpu'] / ref['sent']:.2f} ms CPU/msg, peak {ref['peak_mb']:.0f} MB")
    print(f"endorse digest (ledger, just-in-time copies, recorded):   {ours['sent']:,} in {ours['seconds']:.1f} s "
          f"= {ours_rate:,.0f} msg/s, {1000 * ours['cpu'] / ours['sent']:.2f} ms CPU/msg, peak {ours['peak_mb']:.0f} MB, "
          f"digest {ours['state']}")
    if accepted is not None:
        print(f"the sink accepted {accepted:,} messages")
    verdict = "ok" if ratio >= 0.8 and ours["peak_mb"] < 300 and ours["sent"] == args.subscribers else "NOT MET"
    print(f"ratio {ratio:.0%} of the reference (target >= 80%); peak {ours['peak_mb']:.0f} MB (target < 300 MB): "
          f"{verdict}")


if __name__ == "__main__":
    main()
