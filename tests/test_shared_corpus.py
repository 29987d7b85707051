"""Every real message in ../shared/corpus is read without a crash and gets exactly one kind.

The corpus is real mail from public projects (bounces from 80+ MTA families, MIME torture tests, replies
from a dozen clients), read in place; a clone without ../shared skips these tests and says so.
"""
from __future__ import annotations

import csv
from collections import Counter

import pytest
from hypothesis import given, settings, strategies as st

from mailer.reading.classify import classify
from mailer.model import Kind
from mailer.reading.parse import parse_message


def corpus_rows(shared_dir):
    root = shared_dir / "corpus"
    for folder in sorted(p for p in root.iterdir() if p.is_dir()):
        with open(folder / "MANIFEST.tsv", encoding="utf-8") as manifest:
            for row in csv.DictReader(manifest, delimiter="\t"):
                yield folder.name, row["path"], row["label"].split(";")[0], (folder / row["path"]).read_bytes()


@pytest.fixture(scope="module")
def verdicts(shared_dir):
    return [(folder, path, label, classify(parse_message(raw)))
            for folder, path, label, raw in corpus_rows(shared_dir)]


def test_every_message_is_read_and_gets_exactly_one_kind(verdicts):
    assert len(verdicts) >= 1000
    for folder, path, _label, understanding in verdicts:
        assert isinstance(understanding.kind, Kind), f"{folder}/{path}"


def test_bounces_are_never_endorsements(verdicts):
    wrong = [f"{f}/{p}" for f, p, label, u in verdicts if label.startswith(("bounce", "feedback"))
             and u.kind in (Kind.ENDORSEMENT, Kind.CONFIRMATION, Kind.WITHDRAWAL)]
    assert wrong == []


def test_nothing_in_the_real_corpus_is_taken_for_an_endorsement_outside_the_coordinator_band(verdicts):
    """None of these public messages endorses anything: the learned reader may call one an endorsement, but
    never surely enough to ask anyone to confirm it; a coordinator sees each first."""
    from mailer.model import Band
    sure = [f"{f}/{p}" for f, p, _l, u in verdicts if u.kind is Kind.ENDORSEMENT and u.band is not Band.COORDINATOR]
    assert sure == []


def test_most_bounces_are_recognized_as_bounces(verdicts):
    bounces = [u.kind for _f, _p, label, u in verdicts if label.startswith("bounce")]
    counts = Counter(bounces)
    assert counts[Kind.BOUNCE] / len(bounces) >= 0.95, counts


def test_rfc3834_auto_replies_are_recognized(verdicts):
    kinds = {u.kind for _f, _p, label, u in verdicts if label.startswith("auto-reply")}
    assert kinds == {Kind.AUTO_REPLY}


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=4000))
def test_any_bytes_parse_and_get_exactly_one_kind(raw):
    understanding = classify(parse_message(raw))
    assert isinstance(understanding.kind, Kind)
    assert isinstance(understanding.needs_review, bool)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300), st.text(max_size=2000))
def test_any_header_and_body_text_parse(subject, body):
    raw = f"From: a@example.org\r\nSubject: {subject}\r\n\r\n{body}".encode("utf-8", "surrogatepass")
    assert isinstance(classify(parse_message(raw)).kind, Kind)


def test_a_dry_run_over_the_whole_corpus_handles_every_message_and_answers_no_machine(shared_dir, tmp_path):
    """The whole path (store, handle, compose) over 1,065 real mails: nothing fails, no bounce or auto-reply
    gets an answer, nothing is asked to confirm."""
    import mailbox

    from sqlalchemy import select

    from mailer.commands.dry_run import run
    from mailer.settings import load_settings
    from storage.db import open_database
    from storage.schema import InboundMessage, OutboxMessage
    from tests.support.config import write_config

    from mailer.pipeline import parse_message_id
    from storage.identity import message_identity

    box = mailbox.Maildir(str(tmp_path / "inbox"), create=True)
    distinct, bounces = set(), set()
    for _folder, _path, label, raw in corpus_rows(shared_dir):
        box.add(raw)
        identity = message_identity(parse_message_id(raw), raw)[0]   # the same mail with CRLF and LF is one
        distinct.add(identity)
        if label.startswith("bounce") and not label.startswith("bounce-or-warning"):
            bounces.add(identity)
    settings = load_settings(write_config(tmp_path, database_url=f"sqlite:///{tmp_path / 'live.db'}"))
    report = run(settings, tmp_path / "dry")
    db = open_database(f"sqlite:///{tmp_path / 'dry' / 'dry-run.db'}")
    try:
        with db.session() as s:
            states = Counter(s.scalars(select(InboundMessage.state)))
            answers_to_machines = s.scalars(select(OutboxMessage.purpose).join(
                InboundMessage, InboundMessage.id == OutboxMessage.caused_by).where(
                InboundMessage.kind.in_(("bounce", "auto_reply")), OutboxMessage.recipient == InboundMessage.sender)
            ).all()
    finally:
        db.dispose()
    assert report.messages == len(distinct) > 850 and "failed" not in states, states
    assert report.would_ask == []            # nobody asked to confirm: any "endorsement" waits for a coordinator
    assert len(bounces) > 500 and report.kinds["bounce"] >= 0.95 * len(bounces)
    assert answers_to_machines == []
