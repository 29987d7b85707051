"""``settings.toml`` → frozen, typed settings.

The only module that reads configuration files or the environment.  Every
problem is collected and reported together, each with its key and what is
expected, before anything connects.  Passwords never live in the file: a
section names an environment variable (``password_env``) or a file outside the
repository (``password_file``) that holds it.
"""
from __future__ import annotations

import os
import ssl
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

DEFAULT_CONFIG = Path(__file__).resolve().parent.parent / "settings.toml"
DEFAULT_TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
TLS_MODES = ("tls", "starttls", "plain")
LOOPBACK = ("127.0.0.1", "localhost", "::1")
# Anyone can open an address here: it says nothing about an organization (policy.free_mail_domains).
FREE_MAIL_DOMAINS = (
    "gmail.com", "googlemail.com", "yahoo.com", "yahoo.co.id", "yahoo.com.my", "yahoo.com.ph", "yahoo.co.uk",
    "yahoo.fr", "ymail.com", "rocketmail.com", "hotmail.com", "hotmail.fr", "outlook.com", "live.com", "msn.com",
    "aol.com", "icloud.com", "me.com", "mail.com", "gmx.com", "gmx.de", "gmx.net", "web.de", "yandex.com",
    "yandex.ru", "proton.me", "protonmail.com", "zoho.com", "qq.com", "163.com", "126.com", "riseup.net",
    "tutanota.com", "laposte.net", "orange.fr", "free.fr", "yahoo.es", "yahoo.com.br", "hotmail.es", "outlook.fr",
    "mac.com", "gmx.at", "gmx.ch", "t-online.de", "posteo.de", "mail.ru", "naver.com", "daum.net", "hanmail.net",
    "rediffmail.com", "libero.it", "virgilio.it", "wanadoo.fr", "sfr.fr", "uol.com.br", "bol.com.br",
    "terra.com.br", "seznam.cz", "wp.pl", "o2.pl", "interia.pl",
)


class SettingsError(ValueError):
    """The settings are missing or invalid; ``problems`` lists every one."""

    def __init__(self, source: str, problems: list[str]):
        self.problems = problems
        super().__init__(f"{source}: " + "; ".join(problems))

    def __str__(self) -> str:
        return self.args[0].split(": ", 1)[0] + ":\n" + "\n".join(f"  - {p}" for p in self.problems)


@dataclass(frozen=True)
class StatementSettings:
    title: str
    address: str                       # the statement's mailbox, e.g. statement@example.org
    sender_name: str                   # display name on outgoing mail
    coordinators: tuple[str, ...]
    language: str                      # default language of replies
    initiators: tuple[str, ...] = ()   # organizations pinned first in the list


@dataclass(frozen=True)
class Secret:
    """Where a password comes from; read only when a connection is made."""

    env: str = ""
    file: str = ""

    def read(self) -> str:
        if self.env:
            value = os.environ.get(self.env)
            if value is None:
                raise SettingsError("password", [f"environment variable {self.env} is not set"])
            return value
        if self.file:
            return Path(self.file).read_text(encoding="utf-8").strip()
        return ""


@dataclass(frozen=True)
class MailboxSettings:
    kind: str                          # "maildir" or "imap"
    maildir: Path | None
    host: str = ""
    port: int = 993
    tls: str = "tls"
    user: str = ""
    password: Secret = field(default_factory=Secret)
    folder: str = "INBOX"
    processed_folder: str = ""
    batch_size: int = 100
    ca_file: str = ""                  # a CA bundle to trust instead of the system's (a private CA)

    def describe(self) -> str:
        """Which mailbox this is, for locks and logs: ``imap user@host:port/INBOX`` or ``maildir /path``."""
        if self.kind == "imap":
            return f"imap {self.user}@{self.host}:{self.port}/{self.folder}"
        return f"maildir {self.maildir}"


@dataclass(frozen=True)
class OutgoingSettings:
    kind: str                          # "maildir" or "smtp"
    maildir: Path | None
    host: str = ""
    port: int = 587
    tls: str = "starttls"
    user: str = ""
    password: Secret = field(default_factory=Secret)
    batch_size: int = 50
    max_attempts: int = 8
    retry_seconds: int = 60            # first backoff; doubles each attempt
    timeout_seconds: int = 60
    ca_file: str = ""                  # a CA bundle to trust instead of the system's (a private CA)


@dataclass(frozen=True)
class ReplySettings:
    per_sender_per_day: int            # rate limit of automatic replies to one address
    token_days: int                    # how long a confirmation token stays valid
    max_message_bytes: int             # larger messages are kept and flagged for review
    reminder_days: int = 4             # one reminder this many days before a confirmation token expires
    token_address: str = ""            # Reply-To with "{token}", e.g. "statement+{token}@example.org"
    rejection_note: bool = True        # an endorser whose endorsement a coordinator rejects gets a polite note

    def reply_address(self, statement_address: str, token: str) -> str:
        """Where a reply carrying *token* goes: the configured pattern, else the statement's plus-address."""
        if self.token_address:
            return self.token_address.replace("{token}", token)
        local, _, domain = statement_address.partition("@")
        return f"{local}+{token}@{domain}"


@dataclass(frozen=True)
class PolicySettings:
    verification: str                  # "confirm" or "confirm_and_approve"
    review_free_mail: bool = False     # endorsements from free-mail addresses go to a coordinator first
    free_mail_domains: tuple[str, ...] = FREE_MAIL_DOMAINS
    same_name_score: int = 96          # dedupe: at or above (same country), the same organization: merged
    similar_name_score: int = 85       # dedupe: at or above, a coordinator decides with both shown
    review_mails_per_hour: int = 20    # review items announced to coordinators per hour; the rest wait their turn


@dataclass(frozen=True)
class InquirySettings:
    ack_per_sender_per_day: int = 3    # inquiries acknowledged and passed on per sender per 24 hours
    unanswered_days: int = 7           # open this long without an answer: listed in status and the summary


WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


@dataclass(frozen=True)
class DigestSettings:
    """When the weekly digest goes out and how it is sent (mailer.digests)."""

    enabled: bool = True
    weekday: str = "mon"               # one of WEEKDAYS
    time: str = "09:00"                # HH:MM in the time zone below
    timezone: str = "UTC"              # an IANA zone, e.g. "Asia/Kuala_Lumpur"
    catch_up_hours: int = 24           # a worker back this late after the digest time still sends it
    connections: int = 4               # concurrent SMTP connections for a digest
    batch_size: int = 500              # subscribers claimed per transaction
    list_id: str = ""                  # List-Id (RFC 2919); empty: "<statement title> <digest.statement.domain>"
    attach_list: bool = True           # the full list as an attachment (else at the end of the text)


@dataclass(frozen=True)
class SubscriberSettings:
    max_hard_bounces: int = 3          # a subscriber is disabled after this many hard bounces (one a day counts)


@dataclass(frozen=True)
class Settings:
    source: Path
    statement: StatementSettings
    mailbox: MailboxSettings
    outgoing: OutgoingSettings
    database_url: str
    poll_seconds: int
    replies: ReplySettings
    policy: PolicySettings
    templates: Path
    inquiries: InquirySettings = InquirySettings()
    digest: DigestSettings = DigestSettings()
    subscribers: SubscriberSettings = SubscriberSettings()


class _Reader:
    """Reads typed values out of nested TOML tables, collecting problems."""

    def __init__(self, data: dict, base: Path):
        self.data, self.base, self.problems = data, base, []

    def _raw(self, key: str, default: Any) -> Any:
        node: Any = self.data
        for part in key.split("."):
            if not isinstance(node, dict) or part not in node:
                return default
            node = node[part]
        return node

    def get(self, key: str, kind: type, default: Any = ..., *, expected: str = "",
            check: Callable[[Any], bool] | None = None) -> Any:
        value = self._raw(key, ...)
        if value is ...:
            if default is ...:
                self.problems.append(f"{key} is missing: expected {expected or kind.__name__}")
            return None if default is ... else default
        if kind is int and isinstance(value, bool) or not isinstance(value, kind):
            self.problems.append(f"{key} = {value!r}: expected {expected or kind.__name__}")
            return None if default is ... else default
        if check is not None and not check(value):
            self.problems.append(f"{key} = {value!r}: expected {expected}")
            return None if default is ... else default
        return value

    def path(self, key: str, default: str | None = None) -> Path | None:
        value = self.get(key, str, default, expected="a path")
        if not value:
            return None
        p = Path(value).expanduser()
        return p if p.is_absolute() else (self.base / p)

    def secret(self, section: str) -> Secret:
        if self._raw(f"{section}.password", ...) is not ...:
            self.problems.append(
                f"{section}.password must not be in the settings file: "
                f"name an environment variable in {section}.password_env or a file in {section}.password_file")
        env = self.get(f"{section}.password_env", str, "")
        file = self.path(f"{section}.password_file")
        return Secret(env=env or "", file=str(file) if file else "")


def _is_address(value: str) -> bool:
    local, _, domain = value.partition("@")
    return bool(local) and "." in domain and " " not in value


def _positive(value: int) -> bool:
    return value > 0


def tls_context(ca_file: str) -> ssl.SSLContext:
    """Certificates are always verified; *ca_file* names a private CA to trust instead of the system's."""
    return ssl.create_default_context(cafile=ca_file or None)


def load_settings(path: str | os.PathLike | None = None, *, environ: dict | None = None) -> Settings:
    """Read and validate settings from *path*, ``$ENDORSE_CONFIG`` or the bundled default."""
    environ = os.environ if environ is None else environ
    source = Path(path or environ.get("ENDORSE_CONFIG") or DEFAULT_CONFIG).resolve()
    try:
        data = tomllib.loads(source.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise SettingsError(str(source), ["file not found"]) from None
    except tomllib.TOMLDecodeError as exc:
        raise SettingsError(str(source), [f"not valid TOML: {exc}"]) from None
    r = _Reader(data, source.parent)

    statement = StatementSettings(
        title=r.get("statement.title", str, expected="the statement's title"),
        address=r.get("statement.address", str, expected="an email address", check=_is_address),
        sender_name=r.get("statement.sender_name", str, "Endorse"),
        coordinators=tuple(r.get("statement.coordinators", list, [], expected="a list of email addresses",
                                 check=lambda v: all(isinstance(a, str) and _is_address(a) for a in v))),
        language=r.get("statement.language", str, "en"),
        initiators=tuple(r.get("statement.initiators", list, [], expected="a list of organization names")),
    )

    mailbox_kind = r.get("mailbox.kind", str, "maildir", expected='"maildir" or "imap"',
                         check=lambda v: v in ("maildir", "imap"))
    mailbox = MailboxSettings(
        kind=mailbox_kind,
        maildir=r.path("mailbox.maildir", "var/mail/inbox"),
        host=r.get("mailbox.host", str, "" if mailbox_kind != "imap" else ..., expected="the IMAP server's host name"),
        port=r.get("mailbox.port", int, 993, expected="a port number", check=lambda v: 0 < v < 65536),
        tls=r.get("mailbox.tls", str, "tls", expected=" or ".join(TLS_MODES), check=lambda v: v in TLS_MODES),
        user=r.get("mailbox.user", str, "" if mailbox_kind != "imap" else ..., expected="the IMAP login"),
        password=r.secret("mailbox"),
        folder=r.get("mailbox.folder", str, "INBOX"),
        processed_folder=r.get("mailbox.processed_folder", str, ""),
        batch_size=r.get("mailbox.batch_size", int, 100, expected="a positive number", check=_positive),
        ca_file=str(r.path("mailbox.ca_file") or ""),
    )
    if mailbox.kind == "imap" and mailbox.tls == "plain" and mailbox.host and mailbox.host not in LOOPBACK:
        r.problems.append(f"mailbox.tls = 'plain' is only allowed for a loopback host, not {mailbox.host!r}")

    out_kind = r.get("outgoing.kind", str, "maildir", expected='"maildir" or "smtp"',
                     check=lambda v: v in ("maildir", "smtp"))
    outgoing = OutgoingSettings(
        kind=out_kind,
        maildir=r.path("outgoing.maildir", "var/mail/sent"),
        host=r.get("outgoing.host", str, "" if out_kind != "smtp" else ..., expected="the SMTP server's host name"),
        port=r.get("outgoing.port", int, 587, expected="a port number", check=lambda v: 0 < v < 65536),
        tls=r.get("outgoing.tls", str, "starttls", expected=" or ".join(TLS_MODES), check=lambda v: v in TLS_MODES),
        user=r.get("outgoing.user", str, ""),
        password=r.secret("outgoing"),
        batch_size=r.get("outgoing.batch_size", int, 50, expected="a positive number", check=_positive),
        max_attempts=r.get("outgoing.max_attempts", int, 8, expected="a positive number", check=_positive),
        retry_seconds=r.get("outgoing.retry_seconds", int, 60, expected="a positive number", check=_positive),
        timeout_seconds=r.get("outgoing.timeout_seconds", int, 60, expected="a positive number", check=_positive),
        ca_file=str(r.path("outgoing.ca_file") or ""),
    )
    if outgoing.kind == "smtp" and outgoing.tls == "plain" and outgoing.host and outgoing.host not in LOOPBACK:
        r.problems.append(f"outgoing.tls = 'plain' is only allowed for a loopback host, not {outgoing.host!r}")

    database_url = environ.get("ENDORSE_DATABASE_URL") or r.get(
        "database.url", str, "sqlite:///var/endorse.db", expected="an SQLAlchemy URL")
    if database_url and database_url.startswith("sqlite:///") and not database_url.startswith("sqlite:////"):
        # relative SQLite paths are relative to the settings file, like every other path
        database_url = "sqlite:///" + str(source.parent / database_url[len("sqlite:///"):])

    settings = Settings(
        source=source,
        statement=statement,
        mailbox=mailbox,
        outgoing=outgoing,
        database_url=database_url,
        poll_seconds=r.get("schedule.poll_seconds", int, 60, expected="a positive number", check=_positive),
        replies=ReplySettings(
            per_sender_per_day=r.get("replies.per_sender_per_day", int, 10, expected="a positive number",
                                     check=_positive),
            token_days=r.get("replies.token_days", int, 14, expected="a positive number", check=_positive),
            max_message_bytes=r.get("replies.max_message_bytes", int, 10_000_000, expected="a positive number",
                                    check=_positive),
            reminder_days=r.get("replies.reminder_days", int, 4, expected="a positive number", check=_positive),
            token_address=r.get("replies.token_address", str, "",
                                expected='an address whose local part holds "{token}"',
                                check=lambda v: not v or "{token}" in v.partition("@")[0] and _is_address(v)),
            rejection_note=r.get("replies.rejection_note", bool, True, expected="true or false"),
        ),
        policy=PolicySettings(
            verification=r.get("policy.verification", str, "confirm", expected='"confirm" or "confirm_and_approve"',
                               check=lambda v: v in ("confirm", "confirm_and_approve")),
            review_free_mail=r.get("policy.review_free_mail", bool, False),
            free_mail_domains=tuple(d.lower() for d in r.get(
                "policy.free_mail_domains", list, list(FREE_MAIL_DOMAINS), expected="a list of domain names",
                check=lambda v: all(isinstance(d, str) and "." in d for d in v))),
            same_name_score=r.get("policy.same_name_score", int, 96, expected="a score from 1 to 100",
                                  check=lambda v: 0 < v <= 100),
            review_mails_per_hour=r.get("policy.review_mails_per_hour", int, 20, expected="a positive number",
                                        check=_positive),
            similar_name_score=r.get("policy.similar_name_score", int, 85, expected="a score from 1 to 100",
                                     check=lambda v: 0 < v <= 100),
        ),
        templates=r.path("templates.dir") or DEFAULT_TEMPLATES,
        inquiries=InquirySettings(
            ack_per_sender_per_day=r.get("inquiries.ack_per_sender_per_day", int, 3, expected="a positive number",
                                         check=_positive),
            unanswered_days=r.get("inquiries.unanswered_days", int, 7, expected="a positive number",
                                  check=_positive),
        ),
    )
    settings = _with_digest(settings, r)
    if settings.replies.token_days and settings.replies.reminder_days >= settings.replies.token_days:
        r.problems.append(f"replies.reminder_days = {settings.replies.reminder_days}: expected fewer days than "
                          f"replies.token_days ({settings.replies.token_days})")
    if r.problems:
        raise SettingsError(str(source), r.problems)
    return settings


def _is_zone(name: str) -> bool:
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


def _is_hhmm(value: str) -> bool:
    hours, _, minutes = value.partition(":")
    return hours.isdigit() and minutes.isdigit() and len(minutes) == 2 and int(hours) < 24 and int(minutes) < 60


def _with_digest(settings: Settings, r: _Reader) -> Settings:
    """[digest] and [subscribers]: the weekly digest's schedule, sending and bounce limits."""
    from dataclasses import replace
    digest = DigestSettings(
        enabled=r.get("digest.enabled", bool, True),
        weekday=r.get("digest.weekday", str, "mon", expected=" or ".join(WEEKDAYS),
                      check=lambda v: v.lower()[:3] in WEEKDAYS).lower()[:3],
        time=r.get("digest.time", str, "09:00", expected="a time as HH:MM", check=_is_hhmm),
        timezone=r.get("digest.timezone", str, "UTC", expected="an IANA time zone such as Europe/Paris",
                       check=_is_zone),
        catch_up_hours=r.get("digest.catch_up_hours", int, 24, expected="a number of hours (0 or more)",
                             check=lambda v: v >= 0),
        connections=r.get("digest.connections", int, 4, expected="a number from 1 to 100",
                          check=lambda v: 0 < v <= 100),
        batch_size=r.get("digest.batch_size", int, 500, expected="a positive number", check=_positive),
        list_id=r.get("digest.list_id", str, ""),
        attach_list=r.get("digest.attach_list", bool, True),
    )
    subscribers = SubscriberSettings(
        max_hard_bounces=r.get("subscribers.max_hard_bounces", int, 3, expected="a positive number",
                               check=_positive),
    )
    return replace(settings, digest=digest, subscribers=subscribers)
