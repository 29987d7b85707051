"""A message's kind and fields: protocol facts first, then the learned reader, with the rules as its evidence.

Pure.  Three steps:

1. :data:`PROTOCOL_RULES`: machine mail that the headers, the MIME structure and the sender say for certain
   (RFC 3464 delivery reports, RFC 3834 auto-replies, read receipts, mailer-daemon bounces, no-reply senders,
   list mail), in the order the rules always had: a bounce is a bounce even when it says Auto-Submitted.
2. The kind from the learned model (:mod:`mailer.reading.learned`) over the writer's words, the quote, the
   shape of the message and the verdicts of the hand-written rules (:mod:`mailer.reading.rules`).
3. For an endorsement or a withdrawal, the organization and the country ranked among every candidate
   (:mod:`mailer.reading.candidates`), each with a calibrated probability, and the band that decides what
   happens next (:data:`mailer.model.Band`).

The trained model ships with the package (``mailer/reading/reader_model.json.gz``); ``scripts/train-reader``
rebuilds it.
"""
from __future__ import annotations

from typing import Callable

from mailer.model import Band, Extraction, Kind, ParsedMail, Understanding
from mailer.reading import rules
from mailer.reading.candidates import (Candidate, candidate_features, country_candidates, country_features,
                                       message_view, none_features, organization_candidates)
from mailer.reading.concepts import concepts
from mailer.reading.countries import display_name
from mailer.reading.extract import ASKS, extract_contact, extract_endorsement
from mailer.reading.features import OWN_CHARS, kind_features
from mailer.reading.learned import Model, load_model
from mailer.reading.own_words import Reading, read

MailRule = Callable[[ParsedMail], "str | None"]

# 1. Machine mail, certain enough to decide before any model: the protocol (RFC 3464 reports, RFC 3834 headers,
# read receipts), a bounce's own marks (a mailer-daemon sender, X-Failed-Recipients, a failed recipient that
# flufl.bounce finds with a machine's headers) and senders no person reads.  Nothing a machine wrote is answered.
PROTOCOL_RULES: tuple[tuple[MailRule, Kind], ...] = (
    (rules.is_bounce, Kind.BOUNCE),                  # RFC 3464/5965 reports, X-Failed-Recipients, bounce marks
    (rules.is_auto_reply, Kind.AUTO_REPLY),          # RFC 3834 headers, read receipts, out-of-office subjects
    (rules.is_machine_sender, Kind.AUTO_REPLY),
    (rules.is_bulk, Kind.UNKNOWN),                   # list and bulk mail: nobody wrote it to us (recorded)
)
COURTESY = "courtesy"      # the model's class for "thanks!": kind unknown, nobody needs to look at it


def classify(mail: ParsedMail) -> Understanding:
    for rule, kind in PROTOCOL_RULES:
        reason = rule(mail)
        if reason:
            return Understanding(kind, (reason,), Extraction(), band=Band.NONE)
    return classify_learned(mail, load_model())


def classify_learned(mail: ParsedMail, model: Model) -> Understanding:
    reading = read(mail)
    probabilities = model.kind.probabilities(kind_features(mail, reading))
    order = [int(i) for i in probabilities.argsort()[::-1]]
    best = order[0]
    if model.kinds[best] == COURTESY and not plain_courtesy(reading):
        best = order[1]            # a "thanks" that also asks or says more is read as what it says besides
    label, p_kind = model.kinds[best], float(probabilities[best])
    confidence = {"kind": round(p_kind, 3)}
    if label == COURTESY:
        return Understanding(Kind.UNKNOWN, (f"courtesy ({p_kind:.2f})",), extract_contact(mail, reading),
                             confidence=confidence, courtesy=True, band=Band.NONE)
    kind = Kind(label)
    reasons = (f"learned: {label} ({p_kind:.2f})",)
    if kind is Kind.CONFIRMATION:
        return Understanding(kind, reasons, extract_contact(mail, reading), tokens=rules.confirmation_tokens(mail),
                             confidence=confidence, band=Band.NONE)
    if kind in (Kind.AUTO_REPLY, Kind.BOUNCE):
        return Understanding(kind, reasons, Extraction(), confidence=confidence, band=Band.NONE)
    if kind not in (Kind.ENDORSEMENT, Kind.WITHDRAWAL):
        if kind is Kind.UNKNOWN and mail.defects:
            reasons += ("unreadable: " + "; ".join(mail.defects[:3]),)
        return Understanding(kind, reasons, extract_contact(mail, reading), confidence=confidence, band=Band.NONE)
    ruled = extract_endorsement(mail, reading)
    fields = read_fields(mail, reading, model, ruled)
    confidence.update(fields.confidence)
    if kind is Kind.WITHDRAWAL:
        return Understanding(kind, reasons, fields.extraction(ruled, ()), confidence=confidence, band=Band.NONE)
    band, why = choose_band(model, p_kind, fields, ruled, mail, reading)
    why += tuple(r for r in ruled.review_reasons if r.startswith(ASKS))    # not a band's: the desk asks it apart
    p_endorse = float(probabilities[model.kinds.index(Kind.ENDORSEMENT.value)])
    confidence["kind"] = round(p_endorse, 3)
    return Understanding(kind, reasons, fields.extraction(ruled, why), confidence=confidence, band=band)


def plain_courtesy(reading: Reading) -> bool:
    """Whether the writer's words could be nothing but courtesy: no question, no withdrawal or unsubscribe. A
    message read as courtesy is answered by nobody, so a request must never hide in one."""
    own = reading.content.strip()
    said = concepts(own[:600]) | concepts(reading.subject)
    return "?" not in own and "？" not in own and not said & {"QUESTION", "WITHDRAW", "UNSUBSCRIBE"}


class Fields:
    """The ranked organization and country of one message, with their calibrated probabilities."""

    def __init__(self, organization: Candidate | None, p_organization: float, country: str | None,
                 country_text: str | None, p_country: float):
        self.organization, self.p_organization = organization, p_organization
        self.country, self.country_text, self.p_country = country, country_text, p_country

    @property
    def confidence(self) -> dict[str, float]:
        return {"organization": round(self.p_organization, 3), "country": round(self.p_country, 3)}

    def extraction(self, ruled: Extraction, why: tuple[str, ...]) -> Extraction:
        org = self.organization
        return Extraction(organization=org.name if org else None, short_name=org.short if org else None,
                          country=self.country, country_text=self.country_text,
                          contact_email=ruled.contact_email, contact_name=ruled.contact_name, review_reasons=why)


def read_fields(mail: ParsedMail, reading: Reading, model: Model, ruled: Extraction) -> Fields:
    candidates = organization_candidates(mail, reading, ruled.organization)
    view = message_view(mail, reading, ruled.organization)
    options = [candidate_features(c, view) for c in candidates]
    i, p_org = model.organization.choose(options + [none_features(reading, "organization")])
    best = candidates[i] if i < len(candidates) else None       # the last option: no organization named
    if best is not None and ruled.short_name and not best.short and best.name == ruled.organization:
        best.short = ruled.short_name
    countries = country_candidates(mail, reading, best)
    options = [country_features(c, len(countries)) for c in countries]
    i, p_country = model.country.choose(options + [none_features(reading, "country")])
    code = countries[i].code if i < len(countries) else None
    return Fields(best, p_org, code, display_name(code) if code else None, p_country)


def choose_band(model: Model, p_kind: float, fields: Fields, ruled: Extraction, mail: ParsedMail,
                reading: Reading) -> tuple[Band, tuple[str, ...]]:
    """Which of the three bands an endorsement falls in, and why (the reasons a coordinator or sender sees)."""
    b = model.bands
    why: list[str] = []
    if p_kind < b["kind"]:
        why.append(f"may not be an endorsement (p={p_kind:.2f})")
    hard = [r for r in ruled.review_reasons if r.startswith(HARD_REASONS)]
    why += hard
    if rules.is_bulk(mail) or rules.is_machine_sender(mail):
        why.append("sent by a list or a machine")
    said = concepts(reading.content[:OWN_CHARS]) & CONTRADICTING
    if said:
        why.append("it also speaks of " + ", ".join(sorted(c.lower() for c in said)))
    if why:
        return Band.COORDINATOR, tuple(why)
    if fields.organization is None:
        return Band.COORDINATOR, ("no organization named",)
    unsure = []
    if fields.p_organization < b["organization"]:
        unsure.append(f"organization unsure (p={fields.p_organization:.2f})")
    if fields.country is None or fields.p_country < b["country"]:
        unsure.append("no country found" if fields.country is None else f"country unsure (p={fields.p_country:.2f})")
    if unsure:
        return Band.ASK, tuple(unsure)
    return Band.PROPOSE, ()


# Concepts that, said in an endorsement, make it something else as well: a person decides.
CONTRADICTING = frozenset({"WITHDRAW", "UNSUBSCRIBE", "CAMPAIGN", "AWAY", "UNDELIVERED"})
# What the rules know that the ranker cannot: several organizations, a person, a letter attached.  A question
# beside an endorsement ("also asks: …") is not one: it becomes an inquiry about it (mailer.desk.confirm.admit),
# and the kind threshold is calibrated with that in mind.
HARD_REASONS = ("several organizations", "a list of organizations", "two organizations", "a person signing",
                "country not recognized", "an attached letter", "oversized")


WARM_UP = (b"From: Warm Up <warm@up.example.org>\r\nTo: statement@example.org\r\nSubject: Endorsement\r\n\r\n"
           b"We endorse the statement.\r\nOrganisation: Penang Teachers Union (PTU)\r\nCountry: Malaysia\r\n")


def warm_up() -> None:
    """Read one small endorsement and its language, so that the model, the city and country tables and the
    language detector are loaded before a worker claims its first message: a kill then never finds a message
    half-read for a second, and a message's count of handlings is not spent on loading them."""
    from mailer.reading.language import reply_language
    from mailer.reading.parse import parse_message
    mail = parse_message(WARM_UP)
    classify(mail)
    reply_language(mail)            # lingua's models: the slowest load of all
