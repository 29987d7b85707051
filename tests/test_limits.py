"""One length policy on both databases: text longer than its column goes to a person with the reason, cut to
fit, and never becomes an SQL error (PostgreSQL refuses what SQLite keeps)."""
from __future__ import annotations

from sqlalchemy import select

import mailer.pipeline
from mailer.model import Band, Extraction, Kind, Understanding
from storage.schema import Endorsement, InboundMessage, ReviewItem
from tests.mails import endorsement

LONG_NAME = "Front for the " + " ".join(["Liberation and Solidarity of the Workers"] * 15)     # ~620 characters


def test_an_organization_name_longer_than_its_column_goes_to_review_with_the_reason(desk, monkeypatch):
    understood = Understanding(Kind.ENDORSEMENT, ("test",), Extraction(
        organization=LONG_NAME, country="MY", country_text="Malaysia", contact_email="aruna@psm.example.org",
        contact_name="Aruna " + "Devi " * 80), band=Band.PROPOSE)
    monkeypatch.setattr(mailer.pipeline, "classify", lambda mail: understood)
    desk.deliver(endorsement())                                    # on PostgreSQL too: no SQL error
    with desk.db.session() as s:
        [message] = s.scalars(select(InboundMessage)).all()
        [e] = s.scalars(select(Endorsement)).all()
        [item] = s.scalars(select(ReviewItem)).all()
        assert message.state == "review" and e.state == "review"
        assert len(e.organization) == 500 and len(e.contact_name) == 300
        assert "organization: 6" in item.reason and "the limit is 500" in item.reason
        assert "contact_name" in item.reason and "SQL" not in item.reason.upper()
