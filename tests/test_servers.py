"""The server fixtures are real and isolated: what goes in comes back byte for byte, and tests do not meet."""

from __future__ import annotations

import asyncio
import subprocess
import sys

import aiosmtplib
import pytest
import sqlalchemy as sa

from tests.support import free_port, unavailable
from tests.support.dovecot import Dovecot, ImapAccount
from tests.support.postgres import PgSchema, unreachable_reason
from tests.support.smtp import Captured, SmtpSink


def make_raw(subject: str, body: str = "I endorse the statement.") -> bytes:
    return (
        f"From: Alice <alice@example.com>\r\nTo: bot@example.org\r\nSubject: {subject}\r\n"
        f"Message-ID: <{subject.replace(' ', '.')}@example.com>\r\n\r\n{body}\r\n"
    ).encode()


def send(sink: SmtpSink, raw: bytes, *, sender: str = "bot@example.org", to: str = "alice@example.com", **kw):
    return asyncio.run(
        aiosmtplib.send(
            raw, sender=sender, recipients=[to], hostname=sink.host, port=sink.port, start_tls=False, timeout=10, **kw
        )
    )


# --- IMAP ------------------------------------------------------------------------------------------------------


def test_appended_messages_come_back_by_uid(imap_account: ImapAccount) -> None:
    first, second = make_raw("first"), make_raw("second", "Grüße aus Köln (8-bit UTF-8)")

    uids = [imap_account.append(first), imap_account.append(second, flags=[b"\\Seen"])]

    contents = imap_account.fetch("INBOX")
    assert contents.uidvalidity > 0
    assert contents.by_uid() == dict(zip(uids, [first, second]))
    assert [b"\\Seen" in m.flags for m in contents.messages] == [False, True]


def test_append_creates_the_folder(imap_account: ImapAccount) -> None:
    uid = imap_account.append(make_raw("filed"), folder="Processed")

    assert imap_account.folders() == ["INBOX", "Processed"]
    assert imap_account.fetch("Processed").by_uid() == {uid: make_raw("filed")}
    assert imap_account.fetch("INBOX").messages == ()


def test_a_new_account_sees_an_empty_inbox(dovecot: Dovecot, imap_account: ImapAccount) -> None:
    imap_account.append(make_raw("only for the first account"))

    other = dovecot.new_account()

    assert other.user != imap_account.user
    assert other.fetch("INBOX").messages == ()
    assert len(imap_account.fetch("INBOX").messages) == 1


# --- SMTP ------------------------------------------------------------------------------------------------------


def test_sink_keeps_exact_bytes_and_envelope(smtp: SmtpSink) -> None:
    raw = make_raw("endorse me") + b".leading dot survives dot-stuffing\r\n"

    send(smtp, raw, sender="bot@example.org", to="alice@example.com")

    assert smtp.wait_for(1) == [Captured("bot@example.org", ("alice@example.com",), raw)]


def test_sink_accepts_the_null_sender(smtp: SmtpSink) -> None:
    async def send_as_mailer_daemon() -> None:
        # aiosmtplib.send() refuses an empty sender; the client sends MAIL FROM:<> as bounces and DSNs do.
        async with aiosmtplib.SMTP(hostname=smtp.host, port=smtp.port, start_tls=False, timeout=10) as client:
            await client.sendmail("", ["alice@example.com"], make_raw("auto reply"))

    asyncio.run(send_as_mailer_daemon())

    assert smtp.wait_for(1)[0].mail_from == ""


def test_sink_answers_451_then_250(smtp: SmtpSink) -> None:
    smtp.fail_next("DATA", 451, "4.3.0 Try again later")

    with pytest.raises(aiosmtplib.SMTPResponseException) as refused:
        send(smtp, make_raw("retry me"))
    assert refused.value.code == 451
    assert smtp.messages == []

    send(smtp, make_raw("retry me"))
    assert [m.raw for m in smtp.wait_for(1)] == [make_raw("retry me")]


@pytest.mark.parametrize("stage", ["DATA", "RCPT"])
def test_sink_answers_550(smtp: SmtpSink, stage: str) -> None:
    smtp.fail_next(stage, 550, "5.1.1 No such user")

    with pytest.raises(aiosmtplib.SMTPException) as refused:
        send(smtp, make_raw("bounce me"))

    # aiosmtplib wraps refused recipients in one exception holding an SMTPResponseException per address.
    errors = refused.value.recipients if stage == "RCPT" else [refused.value]
    assert all(isinstance(e, aiosmtplib.SMTPResponseException) for e in errors)
    assert [e.code for e in errors] == [550]
    assert smtp.messages == []


def test_clear_forgets_messages_and_refusals(smtp: SmtpSink) -> None:
    send(smtp, make_raw("old"))
    smtp.fail_next("DATA", 451, "4.3.0 later", times=3)

    smtp.clear()
    send(smtp, make_raw("new"))

    assert [m.raw for m in smtp.wait_for(1)] == [make_raw("new")]


def test_sink_with_credentials_accepts_plaintext_login() -> None:
    with SmtpSink(credentials=("bot", "pw")) as sink:
        send(sink, make_raw("authenticated"), username="bot", password="pw")
        with pytest.raises(aiosmtplib.SMTPAuthenticationError):
            send(sink, make_raw("wrong password"), username="bot", password="nope")

        assert [m.raw for m in sink.wait_for(1)] == [make_raw("authenticated")]


# --- PostgreSQL ------------------------------------------------------------------------------------------------


def table_names(url: str) -> set[str]:
    engine = sa.create_engine(url)
    try:
        with engine.connect() as connection:
            return set(sa.inspect(connection).get_table_names())
    finally:
        engine.dispose()


def test_pg_schemas_are_isolated_through_the_url_alone(pg_url: str) -> None:
    # A subprocess given nothing but the URL creates its table in this test's schema.
    script = (
        "import sys, sqlalchemy as sa\n"
        "with sa.create_engine(sys.argv[1]).begin() as connection:\n"
        "    connection.execute(sa.text('CREATE TABLE endorsements (id int)'))\n"
    )
    subprocess.run([sys.executable, "-c", script, pg_url], check=True, timeout=60)

    with PgSchema() as other_url:
        assert table_names(pg_url) == {"endorsements"}
        assert table_names(other_url) == set()


def test_db_url_round_trips_a_row(db_url: str) -> None:
    engine = sa.create_engine(db_url)
    try:
        with engine.begin() as connection:
            connection.execute(sa.text("CREATE TABLE signatories (name text)"))
            connection.execute(sa.text("INSERT INTO signatories VALUES ('Ada')"))
        with engine.connect() as connection:
            assert connection.execute(sa.text("SELECT name FROM signatories")).scalars().all() == ["Ada"]
    finally:
        engine.dispose()


def test_unreachable_postgres_gives_a_reason() -> None:
    reason = unreachable_reason(f"postgresql+psycopg://@127.0.0.1:{free_port()}/test")

    assert reason is not None and "unreachable" in reason


def test_a_missing_server_fails_under_ci_and_skips_otherwise(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="no widget"):
        unavailable("no widget")

    monkeypatch.delenv("CI")
    with pytest.raises(pytest.skip.Exception, match="no widget"):
        unavailable("no widget")
