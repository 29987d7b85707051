"""The public list's rows: entering a confirmed endorsement, merging, withdrawing, editing, history.

Every change writes an audit event (when, who or which message, what changed)
in the caller's transaction.  One organization is one row, ever: a unique
normalized name key, and a fuzzy match (:mod:`storage.dedupe`) before any new
row, so the list never holds an organization twice.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from .dedupe import Likeness, Match, Named, Thresholds, best_match, name_key
from .registry import audit
from .schema import AuditEvent, Endorsement, EndorsementState, Signatory, SignatoryStatus

FIELDS = ("organization", "short_name", "country", "country_text")


class Outcome(StrEnum):
    LISTED = "listed"        # a new row in the public list
    MERGED = "merged"        # the organization was listed already: one more registered address
    RELISTED = "relisted"    # it had withdrawn and is back
    REVIEW = "review"        # a coordinator must decide (see Entry.reason and Entry.match)


@dataclass(frozen=True)
class Entry:
    outcome: Outcome
    signatory: Signatory | None = None
    match: Match | None = None
    reason: str = ""


def named(row: Signatory | Endorsement) -> Named:
    return Named(row.id if isinstance(row, Signatory) else None, row.organization, row.short_name, row.country)


def fields_of(row: Signatory | Endorsement) -> dict[str, str | None]:
    return {f: getattr(row, f) for f in FIELDS}


def domain(address: str) -> str:
    return address.rpartition("@")[2].lower()


def contacts(session: Session, signatory: Signatory) -> set[str]:
    """The addresses registered for an organization: each one confirmed an endorsement that listed it."""
    found = set(session.scalars(select(Endorsement.contact_email).where(
        Endorsement.signatory_id == signatory.id, Endorsement.confirmed_at.is_not(None))))
    return {a.lower() for a in found | {signatory.contact_email} if a}


def registered_for(session: Session, address: str) -> list[Signatory]:
    """Listed organizations for which *address* is registered."""
    address = address.lower()
    rows = session.scalars(select(Signatory).where(Signatory.status == SignatoryStatus.LISTED)
                           .order_by(Signatory.id)).all()
    return [s for s in rows if address in contacts(session, s)]


def related(address: str, registered: set[str], free_mail: tuple[str, ...]) -> bool:
    """*address* is registered, or shares an organization's own (not free-mail) domain with one that is."""
    address = address.lower()
    if address in registered:
        return True
    d = domain(address)
    return bool(d) and d not in free_mail and d in {domain(a) for a in registered}


def closest(session: Session, organization: Named, thresholds: Thresholds, *,
            listed_only: bool = False) -> tuple[Match | None, Signatory | None]:
    """The registry row most like *organization* (exact name key first), with its match."""
    q = select(Signatory).order_by(Signatory.id)
    if listed_only:
        q = q.where(Signatory.status == SignatoryStatus.LISTED)
    rows = {s.id: s for s in session.scalars(q)}
    key = name_key(organization.organization, organization.country)
    exact = next((s for s in rows.values() if s.name_key == key), None)
    if exact is not None:
        return Match(Likeness.SAME, named(exact), 100.0, "the same name"), exact
    match = best_match(organization, [named(s) for s in rows.values()], thresholds)
    return match, rows[match.candidate.id] if match else None


def enter(session: Session, endorsement: Endorsement, *, now: datetime, actor: str, thresholds: Thresholds,
          free_mail: tuple[str, ...]) -> Entry:
    """Put a confirmed (and, where asked, approved) endorsement in the public list, never twice.

    A coordinator's merge (``endorsement.signatory_id`` set) or the same
    organization → merged into its row; a close name not approved → review;
    the same organization from an unrelated address not approved → review
    (else anyone could register for an organization and then withdraw it).
    """
    approved = endorsement.approved_at is not None
    if endorsement.signatory_id is not None:
        return _merge(session, endorsement, session.get(Signatory, endorsement.signatory_id), now=now, actor=actor,
                      how="chosen by a coordinator")
    match, target = closest(session, named(endorsement), thresholds)
    if match and match.likeness is Likeness.SIMILAR and not approved:
        return Entry(Outcome.REVIEW, target, match, f"close to a listed organization: {match.reason}")
    if match and match.likeness is Likeness.SAME:
        if not approved and not related(endorsement.contact_email, contacts(session, target), free_mail):
            return Entry(Outcome.REVIEW, target, match,
                         "the same organization, from an address not registered for it")
        return _merge(session, endorsement, target, now=now, actor=actor, how=match.reason)
    return _list_new(session, endorsement, now=now, actor=actor, thresholds=thresholds, free_mail=free_mail)


def _list_new(session: Session, endorsement: Endorsement, *, now: datetime, actor: str, thresholds: Thresholds,
              free_mail: tuple[str, ...]) -> Entry:
    signatory = Signatory(**fields_of(endorsement), contact_email=endorsement.contact_email, verified_at=now,
                          status=SignatoryStatus.LISTED,
                          name_key=name_key(endorsement.organization, endorsement.country))
    try:
        with session.begin_nested():      # another worker may list the same organization at this moment
            session.add(signatory)
    except IntegrityError:
        existing = session.scalar(select(Signatory).where(Signatory.name_key == signatory.name_key))
        return _merge(session, endorsement, existing, now=now, actor=actor, how="listed at the same moment")
    _attach(endorsement, signatory, now)
    audit(session, now=now, actor=actor, action=Outcome.LISTED, signatory=signatory, endorsement=endorsement,
          contact=endorsement.contact_email, **fields_of(signatory))
    return Entry(Outcome.LISTED, signatory)


def _merge(session: Session, endorsement: Endorsement, signatory: Signatory, *, now: datetime, actor: str,
           how: str) -> Entry:
    _attach(endorsement, signatory, now)
    if signatory.status == SignatoryStatus.WITHDRAWN:
        signatory.status, signatory.withdrawn_at, signatory.verified_at = SignatoryStatus.LISTED, None, now
        audit(session, now=now, actor=actor, action=Outcome.RELISTED, signatory=signatory,
              endorsement=endorsement, contact=endorsement.contact_email, **fields_of(signatory))
        return Entry(Outcome.RELISTED, signatory)
    audit(session, now=now, actor=actor, action=Outcome.MERGED, signatory=signatory, endorsement=endorsement,
          contact=endorsement.contact_email, why=how, as_written=fields_of(endorsement))
    return Entry(Outcome.MERGED, signatory)


def _attach(endorsement: Endorsement, signatory: Signatory, now: datetime) -> None:
    endorsement.signatory_id = signatory.id
    endorsement.state = EndorsementState.VERIFIED
    endorsement.updated_at = now


def withdraw(session: Session, signatory: Signatory, *, now: datetime, actor: str, reason: str) -> bool:
    """Take the organization off the public list; its row and history stay.  False if it was not listed."""
    if signatory.status != SignatoryStatus.LISTED:
        return False
    signatory.status, signatory.withdrawn_at = SignatoryStatus.WITHDRAWN, now
    audit(session, now=now, actor=actor, action="withdrawn", signatory=signatory, reason=reason,
          **fields_of(signatory))
    return True


def edit(session: Session, signatory: Signatory, changes: dict[str, str | None], *, now: datetime,
         actor: str) -> dict[str, tuple]:
    """Apply a correction; returns {field: (before, after)}.  ValueError if the name belongs to another row."""
    changed = {f: (getattr(signatory, f), v) for f, v in changes.items() if f in FIELDS and getattr(signatory, f) != v}
    if not changed:
        return {}
    new = {**fields_of(signatory), **{f: after for f, (_before, after) in changed.items()}}
    key = name_key(new["organization"], new["country"])
    other = session.scalar(select(Signatory.id).where(Signatory.name_key == key, Signatory.id != signatory.id))
    if other is not None:
        raise ValueError(f"another registry entry (#{other}) already has this name")
    for f, (_before, after) in changed.items():
        setattr(signatory, f, after)
    signatory.name_key = key
    audit(session, now=now, actor=actor, action="edited", signatory=signatory,
          changes={f: {"before": b, "after": a} for f, (b, a) in changed.items()})
    return changed


def history(session: Session) -> list[AuditEvent]:
    """Every registry event, oldest first."""
    return list(session.scalars(select(AuditEvent).order_by(AuditEvent.at, AuditEvent.id)))
