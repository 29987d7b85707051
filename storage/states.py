"""The states and purposes stored in the tables, as plain enums: importable without SQLAlchemy
(the command line reads them to build its choices before it knows whether it will open a database)."""
from __future__ import annotations

from enum import StrEnum


class MessageState(StrEnum):
    STORED = "stored"          # raw bytes committed, not yet handled
    HANDLED = "handled"        # decided; its effects and replies are committed
    REVIEW = "review"          # handled, but a coordinator must look at it
    FAILED = "failed"          # handling raised: quarantined with the reason, kept for reprocessing


class EndorsementState(StrEnum):
    PENDING = "pending"                              # extracted, nothing sent yet
    CONFIRMATION_REQUESTED = "confirmation_requested"
    CONFIRMED = "confirmed"                          # the endorsing address replied
    VERIFIED = "verified"                            # in the public signatory registry
    REVIEW = "review"                                # waits for a coordinator
    REJECTED = "rejected"
    CANCELLED = "cancelled"                          # the endorser said no
    EXPIRED = "expired"
    UNDELIVERABLE = "undeliverable"                  # the confirmation request bounced: nobody can confirm it


class OutboxState(StrEnum):
    PENDING = "pending"
    SENDING = "sending"        # claimed by a sender; a stale claim goes back to pending unless it was handed over
    SENT = "sent"
    FAILED = "failed"          # permanent failure or attempts exhausted: visible in `endorse status`
    UNCERTAIN = "uncertain"    # the sender died between handing it to SMTP and hearing back: not sent again


class SignatoryStatus(StrEnum):
    LISTED = "listed"
    WITHDRAWN = "withdrawn"


class TokenPurpose(StrEnum):
    CONFIRM = "c"        # the endorsing address confirms an endorsement
    WITHDRAW = "w"       # a registered address confirms a withdrawal
    REVIEW = "r"         # a coordinator decides a review item
    SUBSCRIBE = "s"      # an address confirms it asked for the weekly digest


class InquiryState(StrEnum):
    OPEN = "open"              # waiting for a coordinator's answer (new, or reopened by a follow-up)
    ANSWERED = "answered"      # a coordinator's reply was relayed to the asker
    CLOSED = "closed"          # closed by a coordinator (`endorse inquiries close`)


class InquiryRole(StrEnum):
    """What one message in an inquiry's thread was."""

    QUESTION = "question"                    # the asker's first message
    FOLLOW_UP = "follow_up"                  # a later message from the asker in the same thread
    ACK = "ack"                              # our acknowledgement to the asker
    COPY = "copy"                            # our copy of a question or follow-up to one coordinator
    COORDINATOR_REPLY = "coordinator_reply"  # a coordinator's answer (verified)
    RELAY = "relay"                          # that answer, sent on to the asker


class SubscriberState(StrEnum):
    PENDING = "pending"                  # asked by mail; waits for the reply to its confirmation request
    AWAITING_ENDORSEMENT = "awaiting_endorsement"   # "Digest: yes" in an endorsement; active once it is confirmed
    ACTIVE = "active"                    # receives the digest
    UNSUBSCRIBED = "unsubscribed"
    DISABLED = "disabled"                # too many hard bounces


class DigestState(StrEnum):
    SENDING = "sending"          # prepared (bodies stored, summary queued); deliveries being made
    SENT = "sent"                # every subscriber of its audience had their one delivery
    MISSED = "missed"            # the worker came back later than catch_up_hours: nothing sent for this period
    INCOMPLETE = "incomplete"    # the next period's digest was due before this one finished


class DeliveryState(StrEnum):
    SENDING = "sending"      # claimed; a claim of a dead process or an expired lease is due again unless handed over
    PENDING = "pending"      # a temporary failure: tried again after next_attempt_at
    SENT = "sent"
    FAILED = "failed"        # refused for good, or attempts exhausted
    UNCERTAIN = "uncertain"  # the sender died between handing it to SMTP and hearing back: not sent again
