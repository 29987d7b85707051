"""Generate the labelled test corpus: tests/data/corpus/*.eml and tests/data/corpus/expected.json.

Run `python tests/data/make_corpus.py` (stdlib only; deterministic: the same bytes on every run). It also writes
tests/data/seed/ (the twenty endorsements of the statement's "Signed by" list, cases in make_seed.py), and
corpus/manifest.tsv (file, kind, language, client shape: for reports; tests read the .eml files and expected.json).
The labels were written from the messages' meaning, not from any parser's output.

LABELLING RULES (expected.json: file name -> {"kind", "organization", "short_name", "country", "country_text",
"contact_email", "contact_name", "needs_review"})

kind, one of:
- endorsement: an organization says it endorses / signs / supports / adheres to the statement.
- withdrawal: asks to remove its name from the statement or withdraws its endorsement.
- inquiry: a question or request for humans: about the statement, a correction of a listed name, a translation
  request, a media question, "can we sign?", "did you receive our endorsement?".
- confirmation: a reply to Endorse's confirmation request. Such replies carry a token `c-` + exactly 26 characters
  of `abcdefghijkmnpqrstuvwxyz23456789`, in the subject (`Re: Endorsement [confirm c-...]`), in the To address
  (`statement+c-...@example.org`) and/or in the quoted text. A reply saying "no, cancel" is still a confirmation.
- subscribe / unsubscribe: asks to receive / to stop the weekly updates (in any of the corpus languages).
  Asking to be removed from the *mailing list* is unsubscribe; asking to remove the *organization's name from
  the statement* is withdrawal.
- auto_reply: RFC 3834 `Auto-Submitted` other than `no`; `X-Autoreply`; `X-Autorespond`; `Precedence`
  bulk|junk|list|auto_reply; `X-Auto-Response-Suppress: All` with an out-of-office body; an out-of-office or
  vacation subject in any language ("Out of Office", "Automatic reply:", "Réponse automatique", "Respuesta
  automática", "Balasan Otomatis", "Resposta automática", "ตอบกลับอัตโนมัติ"...); any list or bulk mail
  (List-Id or List-Unsubscribe header, newsletters). This wins over what the quoted text says.
- bounce: a delivery status notification (multipart/report report-type=delivery-status from Postfix, Exim,
  Exchange/Office 365, Gmail, Sendmail; qmail's "Hi. This is the qmail-send program"; "Mail delivery failed";
  MAILER-DAEMON / postmaster senders), temporary ("delayed") ones included. This wins over the returned original,
  even when the original is an endorsement or a confirmation request with a token.
- unknown: everything else (spam, empty, unreadable, unrelated, thanks without a request).

contact_email: the address of the person who really wrote it, lowercased: the From address; for a forwarded
endorsement the original sender inside the forward; an `Email:` / `E-mail:` / `Correo:` / `Courriel :` /
`Surel:` field of a form when present. null for auto_reply and bounce.
contact_name: the contact person field of a form when present (`Contact person:`, `Contact:`, `Name:`, `Nama:`,
`Nombre:`, `Nome:`, `Pangalan:`, `Nom :`, `Kontak:`, `ผู้ติดต่อ:`, `联系人：`), else the display name of the
contact address (RFC 2047 decoded, without quotes; for a forward, the display name in the forwarded From line),
else null. null for auto_reply and bounce.

organization, short_name, country, country_text: only for endorsement and withdrawal (null for all other kinds).
- organization: the name as written (original casing, accents and apostrophes, no trailing punctuation), without
  the short name and without a leading article of the prose ("the", "Le", "La", "L'", "El", "O", "A", "Ang").
- short_name: a trailing parenthesis holding an abbreviation or an alternative name (`Socialist Union (Perserikatan
  Sosialis)` -> "Socialist Union" + "Perserikatan Sosialis"), or a form field `Short name:` / `Acronym:` /
  `Singkatan:` / `Sigla:` / `Siglas:` / `Sigle :`; null when none. A parenthesis inside the name stays in the name
  (`Workers Party of Bangladesh (Marxist) Chittagong Committee` has no short name).
- country: ISO 3166-1 alpha-2, from an English or local country name, a demonym ("Filipino", "Malaysian") or an
  unambiguous capital city (Canberra, Kuala Lumpur); a state, province or other city does not give the country.
- country_text: pycountry's common_name if it has one, else its name ("Vietnam", "South Korea", "Côte d'Ivoire",
  "Cabo Verde") -- EXCEPT when the writer gave, as the country, a place that is more than a country name
  (`Papua/Indonesia`, `Aceh/Indonesia`): then exactly what they wrote. An address such as "Lyon, France" in a
  signature is not a country field: it gives "France".
- two or more organizations in one message, or a person signing for themselves: organization, short_name, country
  and country_text are all null.
- fields that disagree (a form names one organization, the signature another): the form's values are used.
- the real text only in an attached letter (PDF, DOCX, winmail.dat): the fields are null unless the body says them.

needs_review: true for every unknown. For an endorsement, true when a careful coordinator would not publish without
checking: written by a person for themselves, two or more organizations in one message, no country given, fields
that disagree, or the real text is in an attached letter. false for clear endorsements and for all other kinds.

Addresses: example.org/.com/.net and subdomains of them; the statement's address is statement@example.org,
coordinators coord1@example.org and coord2@example.org.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from functools import partial
from pathlib import Path
from typing import Callable

sys.path.insert(0, str(Path(__file__).resolve().parent))

from labelcheck import expected_of, org_label, who  # noqa: E402
from mailshapes import (  # noqa: E402
    MX, STATEMENT, Cx, Part, addr, apple, endorse_out, envelope, ew, fake_bytes, fake_docx, fake_jpeg, fake_pdf, foxmail,
    fwd_apple, fwd_gmail, fwd_outlook, gmail, iphone, leaf, message, multipart, oe, outlook, plain, postfix_human,
    quoted, received, report, server_text, sub, thunderbird, token, webmail, yahoo,
)

HERE = Path(__file__).resolve().parent
KINDS = ("endorsement", "withdrawal", "inquiry", "confirmation", "subscribe", "unsubscribe", "auto_reply", "bounce",
         "unknown")

# pycountry's common_name, else name (stdlib only here; check_corpus.py compares them with pycountry)
COUNTRY_TEXT = {
    "AO": "Angola", "AR": "Argentina", "AU": "Australia", "BD": "Bangladesh", "BE": "Belgium", "BR": "Brazil",
    "CA": "Canada", "CI": "Côte d'Ivoire", "CL": "Chile", "CO": "Colombia", "CV": "Cabo Verde", "DE": "Germany",
    "EC": "Ecuador", "ES": "Spain", "FR": "France", "GB": "United Kingdom", "HT": "Haiti", "ID": "Indonesia",
    "IE": "Ireland", "IN": "India", "JP": "Japan", "KE": "Kenya", "KH": "Cambodia", "KR": "South Korea",
    "LK": "Sri Lanka", "MM": "Myanmar", "MX": "Mexico", "MY": "Malaysia", "MZ": "Mozambique", "NG": "Nigeria",
    "NP": "Nepal", "NZ": "New Zealand", "PE": "Peru", "PH": "Philippines", "PK": "Pakistan", "PT": "Portugal",
    "SG": "Singapore", "SN": "Senegal", "TH": "Thailand", "TL": "Timor-Leste", "TN": "Tunisia", "US": "United States",
    "UY": "Uruguay", "VN": "Vietnam", "ZA": "South Africa",
}

TZ_HOURS = {"en": 0, "id": 7, "ms": 8, "tl": 8, "th": 7, "fr": 1, "es": -3, "pt": -3, "zh": 8}


@dataclass
class Case:
    lang: str
    shape: str
    kind: str
    fn: Callable[..., bytes]
    kw: dict
    label: dict = field(default_factory=dict)
    tz: float | None = None
    name: str = ""


E = partial(org_label, COUNTRY_TEXT)  # the label of an endorsement (or, with kind set later, a withdrawal)
C = who  # the label of a message that is neither endorsement nor withdrawal


def mail(lang: str, shape: str, kind: str, label: dict, fn: Callable[..., bytes], tz: float | None = None,
         **kw) -> Case:
    return Case(lang, shape, kind, fn, kw, label, tz)


def build(cases: list[Case], outdir: Path, base: datetime, step_minutes: int, naming: Callable[[int, Case], str]
          ) -> tuple[dict, list[tuple]]:
    outdir.mkdir(parents=True, exist_ok=True)
    expected: dict = {}
    manifest: list[tuple] = []
    for i, case in enumerate(cases, 1):
        case.name = naming(i, case)
        tz = timezone(timedelta(hours=case.tz if case.tz is not None else TZ_HOURS.get(case.lang, 0)))
        cx = Cx(case.name, (base + timedelta(minutes=step_minutes * i)).astimezone(tz), case.lang)
        data = case.fn(cx, **case.kw)
        (outdir / case.name).write_bytes(data)
        expected[case.name] = expected_of(case)
        manifest.append((case.name, case.kind, case.lang, case.shape, len(data)))
    (outdir / "expected.json").write_text(json.dumps(expected, ensure_ascii=False, indent=1, sort_keys=True) + "\n",
                                          encoding="utf-8")
    return expected, manifest


# --------------------------------------------------------------------------- texts that recur

TITLE = "End the genocide! Solidarity with Palestine!"
COORD1 = "Southeast Asian Left Network <coord1@example.org>"
INVITE = """Dear comrades,

The Southeast Asian Left Network has initiated a joint statement to condemn the Israeli genocide against
the people of Palestine: "End the genocide! Solidarity with Palestine!" (text below and attached).

If your organization would like to endorse this joint statement, please reply with the name of your
organization, its short name and your country, before 29 February.

In solidarity,
Southeast Asian Left Network"""
INVITE_SUBJECT = "Invitation to endorse: End the genocide! Solidarity with Palestine!"
INVITE_ID = "<CAJ7q0sea-left-network-invite-20240219@mail.gmail.com>"


def confirm_request(org: str, country: str, tok: str) -> str:
    return f"""Thank you. We received an endorsement of the joint statement "{TITLE}"
from this address:

    Organization: {org}
    Country: {country}

To confirm, simply reply to this message. To cancel, reply "no".

Reference: {tok}"""


def ack(org: str) -> str:
    return f"""Thank you! {org} is now listed among the signatories of the joint statement
"{TITLE}".

To withdraw, reply to this message."""


PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


# =========================================================================== endorsements: English

ENDORSEMENTS_EN = [
    mail("en", "gmail", "endorsement", E("Kenya Socialist Youth Front", "KSYF", "KE", name="Wanjiru Kamau"), gmail,
         tz=3, frm=("Wanjiru Kamau", "wanjiru.kamau@ksyf.example.org"),
         subject="Endorsement: End the genocide! Solidarity with Palestine!",
         body="""Dear comrades,

Please add our organization to the signatories of the joint statement.

Organization name: Kenya Socialist Youth Front
Short name: KSYF
Country: Kenya
Contact person: Wanjiru Kamau
Email: wanjiru.kamau@ksyf.example.org

Free Palestine!""", sig="Wanjiru Kamau\nInternational Secretary, KSYF\n+254 700 000 123"),

    mail("en", "outlook", "endorsement", E("Dhaka Garment Workers Federation", "DGWF", "BD"), outlook, tz=6,
         frm=("Rahman, Habibur", "h.rahman@dgwf.example.org"), charset="Windows-1252",
         subject="Endorsement of the joint statement – DGWF",
         body="""Dear Southeast Asian Left Network,

On behalf of the Dhaka Garment Workers Federation (DGWF), Bangladesh, we endorse the joint statement “End the genocide! Solidarity with Palestine!”. Our federation’s executive committee approved the endorsement on 17 February.

With warm regards,""",
         sig="Habibur Rahman\nGeneral Secretary\nDhaka Garment Workers Federation (DGWF)\nMirpur, Dhaka 1216, Bangladesh"),

    mail("en", "apple-flowed", "endorsement", E("Cape Flats Workers Assembly", "CFWA", "ZA"), apple, tz=2,
         frm=("Thandi Mokoena", "thandi@cfwa.example.org"), subject="Cape Flats Workers Assembly endorses",
         body="""Hello comrades,

The Cape Flats Workers Assembly (CFWA) from South Africa endorses the joint statement of the Southeast Asian left organizations, "End the genocide! Solidarity with Palestine!". From the Cape Flats to Gaza, the struggle against apartheid is one struggle.

Amandla!
Thandi Mokoena
CFWA Organising Committee"""),

    mail("en", "thunderbird", "endorsement", E("Socialist Resistance Collective", None, "GB", name="Tom Hale"),
         thunderbird, frm=("Tom Hale", "tom.hale@src-collective.example.net"), subject="Sign-on to the joint statement",
         body="""Hi,

We would like to sign the statement.

Organisation: Socialist Resistance Collective
Country: United Kingdom
Contact: Tom Hale

Solidarity,""", sig="Tom Hale\nSocialist Resistance Collective, Sheffield", content_language="en-GB"),

    mail("en", "iphone", "endorsement", E("Nepal Democratic Youth Association", "NDYA", "NP"), iphone, tz=5.75,
         frm=("Bikash Shrestha", "bikash.shrestha@example.com"), subject="Sign on",
         body="""We, the Nepal Democratic Youth Association (NDYA), Nepal, sign on to the joint statement. Free Palestine!

Bikash, NDYA central committee"""),

    mail("en", "yahoo", "endorsement", E("Lanka Plantation Workers Union", "LPWU", "LK"), yahoo, tz=5.5,
         frm=("Kumari Perera", "kumari.perera@example.net"), subject="Endorsement - LPWU",
         body="""Dear friends

Lanka Plantation Workers Union (LPWU) – Sri Lanka endorses the statement "End the genocide! Solidarity with Palestine!".""",
         sig="K. Perera\nWomen's Secretary, LPWU\nHatton, Sri Lanka"),

    mail("en", "mutt", "endorsement", E("Timor-Leste Student Solidarity Council", "CSST", "TL"), plain, tz=9,
         frm=("Joao da Costa", "jdacosta@csst-tl.example.org"), subject="Endorsement from CSST Timor-Leste",
         body="""Dear comrades of the Southeast Asian Left Network,

On behalf of the Timor-Leste Student Solidarity Council (CSST), Timor-Leste, we are honoured to endorse the joint statement "End the genocide! Solidarity with Palestine!" and we will translate it into Tetum for our members.

A luta continua,""", sig="Joao da Costa\nCSST"),

    mail("en", "gmail-reply", "endorsement", E("Mekong Youth Network", "MYN", "VN"), gmail,
         frm=("Nguyễn Thị Lan", "lan.nguyen@myn.example.org"), tz=7, to=COORD1, cc=STATEMENT,
         subject="Re: " + INVITE_SUBJECT, in_reply_to=INVITE_ID, body="Yes, count us in.\n\nMekong Youth Network (MYN), Viet Nam",
         sig="Nguyễn Thị Lan\nMekong Youth Network",
         quote=quoted("On Mon, Feb 19, 2024 at 9:05 AM Southeast Asian Left Network <coord1@example.org> wrote:", INVITE)),

    mail("en", "outlook-web", "endorsement", E("Democratic Socialist Collective of Korea", "DSCK", "KR"), outlook,
         tz=9, web=True, frm=("Kim Ji-woo", "jiwoo.kim@example.com"), subject="Endorsement",
         body="""Dear organizers,

Our collective wishes to endorse the joint statement.

Organization: Democratic Socialist Collective of Korea
Acronym: DSCK
Country: Republic of Korea

In solidarity,
Kim Ji-woo"""),

    mail("en", "outlook-attachment", "endorsement",
         E("Myanmar Labour Solidarity Committee", "MLSC", "MM", name="Aung Ko Ko"), outlook, tz=6.5,
         frm=("Aung Ko Ko", "aungkoko@mlsc.example.org"),
         subject="Endorsement letter - Myanmar Labour Solidarity Committee",
         body="""Dear Comrades,

Please find attached our endorsement letter. For your list:

Organization: Myanmar Labour Solidarity Committee (MLSC)
Country: Myanmar
Contact person: Aung Ko Ko

Thank you.""", sig="Aung Ko Ko\nMLSC",
         attachments=((PDF, "MLSC_endorsement_letter.pdf", fake_pdf("mlsc", "MLSC endorsement")),)),

    mail("en", "gmail-forward", "endorsement",
         E("Sindh Peasant Women Council", None, "PK", email="saima.baloch@spwc.example.org", name="Saima Baloch"),
         gmail, frm=("Coordinator One", "coord1@example.org"), tz=8,
         subject="Fwd: Endorsement - joint statement on Palestine",
         body=fwd_gmail("Saima Baloch <saima.baloch@spwc.example.org>", "Sat, Feb 17, 2024 at 9:41 PM",
                        "Endorsement - joint statement on Palestine", "<coord1@example.org>",
                        """Dear comrades,

The Sindh Peasant Women Council endorses the joint statement "End the genocide! Solidarity with Palestine!".

Country: Pakistan

Saima Baloch
Sindh Peasant Women Council, Hyderabad, Sindh""", intro="Forwarding an endorsement that came to my own address.")),

    mail("en", "outlook-forward", "endorsement",
         E("Australian Nurses for Palestine", None, "AU", email="secretary@anp.example.org", name="ANP Secretary"),
         outlook, frm=("Coordinator Two", "coord2@example.org"), tz=8, subject="FW: Sign-on: Australian Nurses for Palestine",
         body="FYI – another one for the list.",
         quote=fwd_outlook("ANP Secretary <secretary@anp.example.org>", "Sunday, February 18, 2024 7:02 AM",
                           "Coordinator Two <coord2@example.org>", "Sign-on: Australian Nurses for Palestine",
                           """Hi,

Australian Nurses for Palestine would like to endorse the Southeast Asian left statement. We are based in Melbourne, Australia.

Thanks,
ANP Secretary""")),

    mail("en", "apple-forward", "endorsement",
         E("Queer Liberation Front", "QLF", "US", email="jordan@qlf.example.org", name="Jordan Reyes"), apple,
         frm=("Coordinator One", "coord1@example.org"), tz=8, html=True, format_flowed=False,
         subject="Fwd: QLF endorses the SEA Left statement", body="Came in via my personal inbox.",
         quote=fwd_apple("Jordan Reyes <jordan@qlf.example.org>", "QLF endorses the SEA Left statement",
                         "February 18, 2024 at 11:15:02 PM EST", "coord1@example.org",
                         """Hello,

The Queer Liberation Front (QLF), United States, endorses the statement "End the genocide! Solidarity with Palestine!". No pride in genocide.

Jordan Reyes
QLF Steering Committee""")),

    mail("en", "thunderbird-html", "endorsement", E("Berlin Internationalist Collective", None, "DE"), thunderbird,
         tz=1, html=True, os_="win", frm=("Maria Santos", "m.santos@berlin-collective.example.org"), subject="Statement",
         body="Dear comrades,\n\nWe endorse the statement. Thank you for this initiative.",
         sig="Maria Santos\nSecretary\nBerlin Internationalist Collective\nBerlin, Germany"),

    mail("en", "gmail", "endorsement", E("Green Left Students", None, "AU"), gmail, tz=11,
         frm=("Liam O'Brien", "liam@greenleftstudents.example.org"), subject="count us in",
         body="Hi all, we endorse the joint statement — solidarity from our campus!",
         sig="Liam O'Brien\nConvenor, Green Left Students\nCanberra"),

    mail("en", "gmail", "endorsement", E("Workers Party of Bangladesh (Marxist) Chittagong Committee", None, "BD"),
         gmail, tz=6, frm=("Abdul Karim", "abdul.karim@wpb-ctg.example.org"), subject="Endorsement",
         body="""Dear comrades,

Workers Party of Bangladesh (Marxist) Chittagong Committee fully endorses the joint statement of the Southeast Asian left organizations.

Country: Bangladesh

Red salute,
Abdul Karim
Secretary"""),

    mail("en", "android", "endorsement", E("Vancouver Palestine Solidarity Committee", "VPSC", "CA"), gmail, tz=-8,
         android=True, frm=("Chloé Tremblay", "chloe.t@vpsc.example.org"), subject="Endorsement from VPSC",
         body="Hi, Vancouver Palestine Solidarity Committee (VPSC), Canada, endorses the joint statement. Thanks for organizing this!\n\nChloé"),

    mail("en", "squirrelmail-mislabelled", "endorsement", E("Workers’ Solidarity Network", "WSN", "IE"), webmail,
         variant="squirrel", charset="windows-1252", mislabel="us-ascii",
         frm=("Ciarán Murphy", "ciaran.murphy@wsn.example.org"), subject="WSN endorses",
         body="""Dear comrades,

The Workers’ Solidarity Network (WSN), Ireland, endorses the joint statement “End the genocide! Solidarity with Palestine!”.

In solidarity,
Ciarán Murphy
WSN, Dublin"""),

    mail("en", "gmail", "endorsement", E("New Zealand Peace Union", "NZPU", "NZ"), gmail, tz=13, name_enc="Q",
         subject_enc="Q", frm=("Aroha Te Whāiti", "aroha@nzpu.example.org"), subject="Endorsement – NZPU",
         body="Kia ora,\n\nNew Zealand Peace Union (NZPU) endorses the statement.\nCountry: New Zealand\n\nNgā mihi,\nAroha"),

    mail("en", "gmail-oversized", "endorsement", E("Singapore Migrant Workers Collective", None, "SG"), gmail, tz=8,
         frm=("Siti Nurhaliza Tan", "siti.tan@smwc.example.org"), subject="Endorsement + photo from our vigil",
         body="""Dear comrades,

Singapore Migrant Workers Collective endorses the joint statement. Attached is a photo from our vigil on Sunday.

Organisation: Singapore Migrant Workers Collective
Country: Singapore""", attachments=(("image/jpeg", "IMG_20240218_193512.jpg", fake_jpeg("vigil", 2_300_000)),)),
]


def no_boundary(cx: Cx, frm: tuple, subject: str, text: str) -> bytes:
    """A multipart/alternative whose Content-Type lost its boundary parameter (a broken web form mailer)."""
    name, email = frm
    html = "<html><body>" + "".join(f"<p>{p}</p>" for p in text.split("\n\n")) + "</body></html>"
    body = (f"--b1_{cx.hx('b', 32)}\nContent-Type: text/plain; charset=us-ascii\n\n{text}\n\n"
            f"--b1_{cx.hx('b', 32)}\nContent-Type: text/html; charset=us-ascii\n\n{html}\n\n"
            f"--b1_{cx.hx('b', 32)}--\n")
    hs = envelope(cx, email, "web01.citn.example.org", "198.51.100.77")
    hs += [("Date", cx.rfcdate), ("To", STATEMENT), ("From", addr(name, email)), ("Subject", subject),
           ("Message-ID", f"<{cx.hx('mid', 32)}@citn.example.org>"), ("X-Mailer", "PHPMailer 5.2.9"),
           ("MIME-Version", "1.0"), ("Content-Type", "multipart/alternative"), ("Content-Transfer-Encoding", "8bit")]
    return message(hs, Part([], body.encode()))


ENDORSEMENTS_EN += [
    mail("en", "broken-no-boundary", "endorsement", E("Cambodian Independent Teachers' Network", "CITN", "KH"),
         no_boundary, tz=7, frm=("Sokha Chea", "sokha.chea@citn.example.org"), subject="Endorsement form",
         text="""Dear comrades,

On behalf of Cambodian Independent Teachers' Network (CITN), Cambodia, we endorse the joint statement "End the genocide! Solidarity with Palestine!".

Sokha Chea
CITN Phnom Penh"""),

    # --- needs review
    mail("en", "gmail", "endorsement", E(None, review=True), gmail, tz=5.5,
         frm=("Dr. Priya Nair", "priya.nair@example.com"), subject="Add my name",
         body="""Hello,

I would like to add my name to the statement as an individual: Dr. Priya Nair, lecturer in history, Kerala, India. I'm not signing on behalf of any organization.

Solidarity,
Priya"""),

    mail("en", "outlook", "endorsement", E(None, review=True), outlook, tz=5.5,
         frm=("Ravi Kumar", "ravi.kumar@kss.example.org"), subject="Endorsements from Delhi",
         body="""Dear comrades,

Please add the following two organizations to the list of signatories:

1. Kisan Sangharsh Samiti (KSS), India
2. Delhi Students Collective (DSC), India

Both bodies decided to endorse at their meetings this week.

Regards,
Ravi Kumar"""),

    mail("en", "mutt", "endorsement", E("Harbour Dockworkers Union", "HDU", None, review=True), plain,
         frm=("Harbour Dockworkers Union", "secretary@hdu.example.org"), subject="endorsement",
         body="""On behalf of the Harbour Dockworkers Union (HDU), we endorse the joint statement "End the genocide! Solidarity with Palestine!".""",
         sig="Secretary, HDU"),

    mail("en", "gmail-attachment", "endorsement", E(None, review=True), gmail, tz=1,
         frm=(None, "info@ngo-collective.example.net"), subject="Endorsement letter",
         body="Dear comrades,\n\nPlease find attached our letter of endorsement for the joint statement.\n\nRegards,\nSecretariat",
         attachments=((PDF, "Endorsement_Letter_signed.pdf", fake_pdf("ngo", "Letter of endorsement")),)),

    mail("en", "outlook-attachment", "endorsement", E("Coastal Tenants Alliance", None, None, review=True), outlook,
         tz=3, frm=("Lucy Otieno", "lucy.otieno@cta.example.org"), subject="Signed endorsement letter",
         body="Hello,\n\nAttached is our signed endorsement letter (Word document) for the joint statement.\n\nBest,",
         sig="Lucy Otieno\nCoastal Tenants Alliance",
         attachments=((DOCX, "CTA endorsement letter.docx", fake_docx("cta")),)),

    mail("en", "gmail", "endorsement", E("Union of Progressive Students", "UPS", "NG", review=True), gmail, tz=1,
         frm=("Chinedu Okafor", "chinedu.okafor@example.com"), subject="Endorsement",
         body="""Comrades,

Organization: Union of Progressive Students (UPS)
Country: Nigeria

We endorse the statement.""",
         sig="Chinedu Okafor\nPresident, National Association of Progressive Students (NAPS)\nLagos, Nigeria"),

    mail("en", "outlook-web", "endorsement", E(None, review=True), outlook, web=True,
         frm=("Grace Mensah", "grace@wafrica.example.org"), subject="Three endorsements from Ghana",
         body="""Hello,

The following organizations from Ghana endorse the statement:
- Accra Workers Forum
- Ghana Young Socialists
- Tema Market Women Association

Grace Mensah (for the three groups)"""),

    mail("en", "thunderbird", "endorsement", E("Riverside Anarchist Collective", None, None, review=True),
         thunderbird, tz=-5, frm=("Sam Whitfield", "sam@riverside-collective.example.org"), subject="sign-on",
         body="Hi there,\n\nRiverside Anarchist Collective signs the statement. Good luck with the campaign!\n\nSam"),

    # --- more clear ones
    mail("en", "outlook-mac", "endorsement", E("Penang Refugee Solidarity Network", "PRSN", "MY"), outlook, tz=8,
         frm=("Lim Wei Ling", "weiling@prsn.example.org"), subject="PRSN endorses the joint statement",
         extra=(("X-Mailer", "Microsoft Outlook for Mac 16.81"),),
         body="""Dear SEA Left Network,

Penang Refugee Solidarity Network (PRSN), Malaysia, endorses the joint statement. We also shared it with our partner groups in Penang.

Warm regards,
Wei Ling"""),

    mail("en", "yahoo", "endorsement", E("Metro Manila Transport Workers Alliance", "MMTWA", "PH"), yahoo, tz=8,
         frm=("Rodel Santos", "rodel.santos@example.net"), subject="Endorsement",
         body="""Good day!

We are a Filipino transport workers' organization and we endorse the joint statement.

Organization: Metro Manila Transport Workers Alliance (MMTWA)

Thank you,
Rodel Santos
MMTWA Secretary-General"""),

    mail("en", "roundcube-html-only", "endorsement", E("Chiang Mai Labour Collective", "CMLC", "TH"), webmail,
         tz=7, frm=("Nattapong S.", "nattapong@cml.example.org"), subject="Endorsement",
         body="Dear comrades,\n\nChiang Mai Labour Collective (CMLC) from Thailand endorses the joint statement.\n\nSolidarity forever",
         sig="Nattapong S.\nChiang Mai Labour Collective"),

    mail("en", "outlook-winmail", "endorsement", E("Kansai Workers' Solidarity Union", "KWSU", "JP"), outlook, tz=9,
         frm=("Hiroshi Tanaka", "h.tanaka@kwsu.example.org"), subject="Endorsement from KWSU (Japan)",
         body="Dear all,\n\nKansai Workers' Solidarity Union (KWSU), Japan, endorses the statement.\n\nBest regards,\nHiroshi Tanaka",
         attachments=(("application/ms-tnef", "winmail.dat", b"\x78\x9f\x3e\x22" + fake_bytes("tnef", 3000)),)),
]


# =========================================================================== endorsements: other languages

INVITE_ID_ATTR = {
    "id": "Pada Sen, 19 Feb 2024 pukul 09.05 Southeast Asian Left Network <coord1@example.org> menulis:",
    "fr": "Le lun. 19 févr. 2024 à 09:05, Southeast Asian Left Network <coord1@example.org> a écrit :",
    "es": "El lun, 19 feb 2024 a las 9:05, Southeast Asian Left Network (<coord1@example.org>) escribió:",
    "pt": "Em seg., 19 de fev. de 2024 às 09:05, Southeast Asian Left Network <coord1@example.org> escreveu:",
}


def reply_to_invite(lang: str, **kw) -> dict:
    return dict(to=COORD1, cc=STATEMENT, subject="Re: " + INVITE_SUBJECT, in_reply_to=INVITE_ID,
                quote=quoted(INVITE_ID_ATTR[lang], INVITE), **kw)


ENDORSEMENTS_ID = [
    mail("id", "gmail", "endorsement",
         E("Serikat Buruh Kerakyatan", "SBK", "ID", email="dedi.kurniawan@sbk-indonesia.example.org", name="Dedi Kurniawan"),
         gmail, frm=("Dedi Kurniawan", "dedi.k@sbk-indonesia.example.org"), subject="Dukungan untuk pernyataan bersama",
         body="""Salam solidaritas,

Kami ingin mendukung pernyataan bersama "Hentikan genosida! Solidaritas untuk Palestina!".

Nama organisasi: Serikat Buruh Kerakyatan
Singkatan: SBK
Negara: Indonesia
Nama: Dedi Kurniawan
Surel: dedi.kurniawan@sbk-indonesia.example.org

Palestina merdeka!"""),

    mail("id", "outlook", "endorsement", E("Front Mahasiswa Progresif", "FMP", "ID"), outlook, locale="id-ID",
         frm=("Sekretariat FMP", "sekretariat@fmp.example.org"), subject="Pernyataan sikap: FMP mendukung",
         html_lang="IN",
         body="""Kepada kawan-kawan Southeast Asian Left Network,

Kami dari Front Mahasiswa Progresif (FMP), Indonesia, menyatakan dukungan terhadap pernyataan bersama "Hentikan genosida! Solidaritas untuk Palestina!" dan siap menyebarluaskannya di kampus-kampus.

Hormat kami,""", sig="Rizky Pratama\nSekretaris Jenderal FMP\nJakarta"),

    mail("id", "android", "endorsement", E("Konfederasi Pergerakan Rakyat", "KPR", "ID"), gmail, android=True,
         frm=("Ayu Lestari", "ayu.lestari@kpr.example.org"), subject="KPR mendukung",
         body="Kawan-kawan, Konfederasi Pergerakan Rakyat (KPR) Indonesia mendukung dan ikut menandatangani pernyataan bersama ini. Hidup Palestina! ✊🇵🇸\n\nAyu"),

    mail("id", "gmail-reply", "endorsement", E("Lingkar Studi Sosialis", "LSS", "ID"), gmail,
         frm=("Bagus Wicaksono", "bagus@lss.example.org"),
         body="Salam,\n\nLingkar Studi Sosialis (LSS) dari Yogyakarta, Indonesia ikut menandatangani pernyataan bersama ini.\n\nSalam juang,\nBagus",
         **reply_to_invite("id")),

    mail("id", "thunderbird", "endorsement", E("Aliansi Mahasiswa Aceh", None, "ID", ctext="Aceh/Indonesia",
                                               name="Teuku Fadhil"), thunderbird, os_="win",
         frm=("Teuku Fadhil", "fadhil@ama.example.org"), subject="Dukungan Aliansi Mahasiswa Aceh",
         body="""Assalamualaikum,

Organisasi: Aliansi Mahasiswa Aceh
Negara: Aceh/Indonesia
Kontak: Teuku Fadhil

Kami mendukung pernyataan bersama ini sepenuhnya."""),

    mail("id", "yahoo-html-only", "endorsement", E("Kolektif Buruh Tangerang", None, "ID"), yahoo, html_only=True,
         frm=("Siti Rahayu", "siti.rahayu@example.net"), subject="dukungan",
         body="Kawan-kawan,\n\nKami mendukung pernyataan ini. Salam solidaritas dari buruh Tangerang.",
         sig="Siti Rahayu\nKolektif Buruh Tangerang\nBanten, Indonesia"),

    mail("id", "outlook-web", "endorsement", E(None, review=True), outlook, web=True, locale="id-ID",
         frm=("Wulan Sari", "wulan@perempuanberdikari.example.org"), subject="Dukungan dua organisasi",
         body="""Salam,

Kami dari Perempuan Berdikari dan Serikat Nelayan Nusantara (SNN) menyatakan dukungan terhadap pernyataan bersama. Kedua organisasi berasal dari Indonesia.

Terima kasih,
Wulan"""),

    mail("id", "iphone", "endorsement", E("Serikat Pekerja Pelabuhan Makassar", "SPPM", "ID"), iphone, tz=8,
         frm=("Yohanes Wenda", "yohanes.w@example.com"), subject="Dukungan SPPM",
         body="Serikat Pekerja Pelabuhan Makassar (SPPM) menyatakan mendukung pernyataan bersama. Negara: Indonesia."),
]

ENDORSEMENTS_MS = [
    mail("ms", "gmail", "endorsement", E("Gerakan Pelajar Kiri", "GPK", "MY", name="Aisyah binti Rahman"), gmail,
         frm=("Aisyah Rahman", "aisyah@gpk.example.org"), subject="Sokongan kenyataan bersama",
         body="""Salam perjuangan,

Kami ingin menyokong kenyataan bersama "Hentikan genosid! Solidariti dengan Palestin!".

Nama organisasi: Gerakan Pelajar Kiri
Singkatan: GPK
Negara: Malaysia
Nama: Aisyah binti Rahman

Terima kasih."""),

    mail("ms", "outlook", "endorsement", E("Kesatuan Pekerja Ladang Perak", "KPLP", "MY"), outlook, locale="ms-MY",
         frm=("Murugan Subramaniam", "murugan@kplp.example.org"), subject="Sokongan KPLP",
         body="""Kepada penganjur,

Kami daripada Kesatuan Pekerja Ladang Perak (KPLP), Malaysia, menyokong kenyataan bersama "Hentikan genosid! Solidariti dengan Palestin!".

Sekian, terima kasih.""", sig="Murugan Subramaniam\nSetiausaha Agung, KPLP\nIpoh, Perak"),

    mail("ms", "apple-html", "endorsement", E("Pertubuhan Belia Progresif Selangor", None, "MY"), apple, html=True,
         format_flowed=False, frm=("Faris Hakimi", "faris@pbps.example.org"), subject="Sokongan kenyataan",
         body="Salam,\n\nPertubuhan Belia Progresif Selangor, Malaysia, dengan ini menyokong kenyataan bersama tersebut.\n\nFaris Hakimi\nSetiausaha"),

    mail("ms", "iphone", "endorsement", E("Kolektif Buku Jalanan Ipoh", None, "MY"), iphone,
         frm=("Amir", "amir.bj@example.com"), subject="Sokong",
         body="Kolektif Buku Jalanan Ipoh sokong kenyataan ni! Dari Malaysia dengan solidariti."),

    mail("ms", "gmail-forward", "endorsement",
         E("Jaringan Pekerja Kontrak", "JPK", "MY", email="jpk.sekretariat@jpk.example.org",
           name="Jaringan Pekerja Kontrak"), gmail, frm=("Hafiz Zainal", "hafiz.zainal@example.com"),
         subject="Fwd: Sokongan JPK untuk kenyataan bersama",
         body=fwd_gmail("Jaringan Pekerja Kontrak <jpk.sekretariat@jpk.example.org>", "Ahd, 18 Feb 2024 pada 8:14 PTG",
                        "Sokongan JPK untuk kenyataan bersama", "Hafiz Zainal <hafiz.zainal@example.com>",
                        """Salam,

Kami daripada Jaringan Pekerja Kontrak (JPK), Malaysia, menyokong kenyataan bersama "Hentikan genosid! Solidariti dengan Palestin!". Tolong sampaikan kepada penganjur.

Sekretariat JPK""", intro="Saya majukan emel sokongan daripada JPK.")),

    mail("ms", "thunderbird", "endorsement", E("Angkatan Anak Muda", "AMUK", None, review=True), thunderbird,
         frm=("Zul", "zul@amuk.example.org"), subject="Sokongan AMUK",
         body="Salam,\n\nAngkatan Anak Muda (AMUK) menyokong kenyataan bersama ini. Teruskan perjuangan!\n\nZul\nAMUK"),

    mail("ms", "roundcube-html-only", "endorsement", E("Persatuan Sahabat Wanita Kuala Lumpur", None, "MY"), webmail,
         frm=("Nor Azlina", "azlina@sahabatwanita.example.org"), subject="Sokongan kenyataan bersama",
         body="Salam sejahtera,\n\nPersatuan Sahabat Wanita Kuala Lumpur menyokong kenyataan bersama ini.\n\nNegara: Malaysia",
         sig="Nor Azlina\nPengerusi"),
]

ENDORSEMENTS_TL = [
    mail("tl", "gmail", "endorsement", E("Kilusang Manggagawang Kababaihan", "KMK", "PH", name="Josefina Dela Cruz"),
         gmail, frm=("Josefina Dela Cruz", "josie.delacruz@kmk.example.org"),
         subject="Pag-endorso sa magkasanib na pahayag",
         body="""Magandang araw, mga kasama!

Nais naming lumagda sa magkasanib na pahayag na "Wakasan ang henosidyo! Pakikiisa sa Palestina!".

Pangalan ng organisasyon: Kilusang Manggagawang Kababaihan (KMK)
Bansa: Pilipinas
Pangalan: Josefina Dela Cruz

Mabuhay ang pakikibaka ng mamamayang Palestino!"""),

    mail("tl", "outlook", "endorsement", E("Samahan ng mga Kabataang Progresibo", "SKP", "PH"), outlook, locale="en-PH",
         frm=("Paolo Reyes", "paolo.reyes@skp.example.org"), subject="Pag-endorso ng SKP",
         body="""Mga kasama,

Kami sa Samahan ng mga Kabataang Progresibo (SKP) mula sa Pilipinas ay sumusuporta sa magkasanib na pahayag ng mga organisasyong makakaliwa sa Timog-Silangang Asya.

Salamat po,""", sig="Paolo Reyes\nTagapagsalita, SKP"),

    mail("tl", "android", "endorsement", E("Alyansa ng mga Magsasaka sa Gitnang Luzon", "AMGL", "PH"), gmail,
         android=True, frm=("Ka Lando Bautista", "lando.bautista@example.com"), subject="Endorsement ng AMGL",
         body="Mga kasama, ang Alyansa ng mga Magsasaka sa Gitnang Luzon (AMGL), Philippines, ay lumalagda sa pahayag. Palestina, lalaya! 🇵🇸"),

    mail("tl", "thunderbird", "endorsement", E("Buklod ng Maralitang Lungsod", "BML", "PH"), thunderbird,
         frm=("Marites Gonzales", "marites@bml.example.org"), subject="Pag-endorso",
         body="""Magandang gabi po,

Ang Buklod ng Maralitang Lungsod (BML), Lungsod Quezon, Pilipinas, ay nag-eendorso sa pahayag. Kaisa kami ng mamamayang Palestino.

Marites Gonzales
BML"""),

    mail("tl", "gmail", "endorsement", E("Kapisanan ng mga Tsuper at Operator", "KATOP", "PH"), gmail,
         frm=("Ramon Villanueva", "ramon.v@katop.example.org"), subject="Suporta",
         body="Mga kasama,\n\nSuportado namin ang inyong pahayag. Ipinagmamalaki naming mapabilang dito.",
         sig="Ka Ramon Villanueva\nTagapangulo, Kapisanan ng mga Tsuper at Operator (KATOP)\nPilipinas"),

    mail("tl", "iphone", "endorsement", E(None, review=True), iphone,
         frm=("Liza Marcelo", "liza.marcelo@example.com"), subject="Pirma",
         body="Magandang araw po. Ako po si Liza Marcelo, isang guro mula sa Cebu. Gusto ko pong pumirma bilang indibidwal, hindi po bilang organisasyon. Sumusuporta ako sa pahayag."),

    mail("tl", "yahoo", "endorsement", E("Sentro ng mga Guro para sa Pagbabago", "SGP", "PH"), yahoo,
         frm=("Arnel Cruz", "arnel.cruz@example.net"), subject="Endorsement ng SGP",
         body="""Magandang araw!

Ang Sentro ng mga Guro para sa Pagbabago (SGP), isang Filipino na organisasyon ng mga guro, ay nag-eendorso sa magkasanib na pahayag.

Arnel Cruz
SGP"""),
]

ENDORSEMENTS_TH = [
    mail("th", "gmail", "endorsement",
         E("สหภาพแรงงานสิ่งทอรังสิต", "Rangsit Textile Workers Union", "TH", name="สมชาย ใจดี"), gmail,
         frm=("สมชาย ใจดี", "somchai@rtwu.example.org"), subject="ร่วมลงนามแถลงการณ์ร่วม",
         body="""เรียน สหาย

พวกเราขอร่วมลงนามในแถลงการณ์ร่วม "ยุติการฆ่าล้างเผ่าพันธุ์! เป็นน้ำหนึ่งใจเดียวกับปาเลสไตน์!"

ชื่อองค์กร: สหภาพแรงงานสิ่งทอรังสิต (Rangsit Textile Workers Union)
ประเทศ: ไทย
ผู้ติดต่อ: สมชาย ใจดี

ด้วยความสมานฉันท์"""),

    mail("th", "outlook-express-tis620", "endorsement", E("กลุ่มนักศึกษาประชาธิปไตย", None, "TH"), oe,
         frm=("กิตติศักดิ์ พรหมมา", "kittisak@dsg.example.org"), subject="แถลงการณ์ร่วม ปาเลสไตน์",
         body="""เรียน เครือข่ายฝ่ายซ้ายเอเชียตะวันออกเฉียงใต้

ในนามของกลุ่มนักศึกษาประชาธิปไตย ประเทศไทย เราขอร่วมลงนามสนับสนุนแถลงการณ์ร่วมฉบับนี้

ด้วยความนับถือ
กิตติศักดิ์ พรหมมา
กลุ่มนักศึกษาประชาธิปไตย"""),

    mail("th", "outlook", "endorsement", E("Bangkok Youth for Peace", "BYP", "TH"), outlook, locale="th-TH",
         frm=("Ploy Srisuk", "ploy@byp.example.org"), subject="สนับสนุนแถลงการณ์ร่วม", html_lang="TH",
         body="""สวัสดีค่ะ

องค์กรของเราขอสนับสนุนแถลงการณ์ร่วมค่ะ

ชื่อองค์กร: Bangkok Youth for Peace (BYP)
ประเทศ: Thailand

ขอบคุณค่ะ
Ploy"""),

    mail("th", "iphone", "endorsement", E("เครือข่ายแรงงานข้ามชาติเชียงใหม่", None, "TH"), iphone,
         frm=("อรุณี แก้วมณี", "arunee@example.com"), subject="ร่วมลงชื่อ",
         body="เครือข่ายแรงงานข้ามชาติเชียงใหม่ ขอร่วมลงชื่อสนับสนุนแถลงการณ์ร่วม ประเทศไทย"),

    mail("th", "android", "endorsement", E("สมาพันธ์คนทำงานสร้างสรรค์", "CWF", "TH"), gmail, android=True,
         frm=("Tanawat K.", "tanawat@cwf.example.org"), subject="CWF ร่วมลงนาม",
         body="สวัสดีครับ สมาพันธ์คนทำงานสร้างสรรค์ (CWF) ประเทศไทย ขอร่วมลงนามในแถลงการณ์ครับ ✊"),

    mail("th", "gmail-attachment", "endorsement", E(None, review=True), gmail,
         frm=("ฝ่ายประสานงาน", "contact@thai-ngo.example.org"), subject="จดหมายรับรองแถลงการณ์ร่วม",
         body="เรียน ผู้ประสานงาน\n\nแนบจดหมายรับรองแถลงการณ์ร่วมขององค์กรเรามาพร้อมนี้ รายละเอียดอยู่ในไฟล์แนบ\n\nขอบคุณครับ",
         attachments=((PDF, "จดหมายรับรอง.pdf", fake_pdf("thai", "Letter")),)),
]

ENDORSEMENTS_FR = [
    mail("fr", "gmail", "endorsement",
         E("Union syndicale des travailleurs du rail", "USTR", "FR", name="Claire Dubois"), gmail,
         frm=("Claire Dubois", "claire.dubois@ustr-rail.example.org"), subject="Signature de la déclaration commune",
         body="""Bonjour,

Notre syndicat souhaite signer la déclaration commune « Mettez fin au génocide ! Solidarité avec la Palestine ! ».

Organisation : Union syndicale des travailleurs du rail
Sigle : USTR
Pays : France
Nom : Claire Dubois
Courriel : claire.dubois@ustr-rail.example.org

Salutations militantes,""", sig="Claire Dubois\nSecrétaire fédérale, USTR"),

    mail("fr", "outlook-iso-8859-15", "endorsement", E("Collectif Solidarité Palestine Liège", None, "BE"), outlook,
         charset="iso-8859-15", locale="fr-BE", html_lang="FR-BE", subject_charset="iso-8859-15", subject_enc="Q",
         frm=("Marc Lejeune", "marc.lejeune@csp-liege.example.org"),
         subject="Signature : Collectif Solidarité Palestine Liège",
         body="""Chers camarades,

Nous, Collectif Solidarité Palestine Liège, signons la déclaration commune des organisations de gauche d'Asie du Sud-Est. Pays : Belgique.

Bien à vous,""", sig="Marc Lejeune\nCollectif Solidarité Palestine Liège"),

    mail("fr", "thunderbird", "endorsement", E("Jeunesse socialiste sénégalaise", "JSS", "SN"), thunderbird, tz=0,
         os_="win", frm=("Mamadou Diop", "mamadou.diop@jss-senegal.example.org"), subject="Signature JSS",
         body="""Camarades,

La Jeunesse socialiste sénégalaise (JSS) soutient et signe la déclaration commune « Mettez fin au génocide ! Solidarité avec la Palestine ! ».

Pays : Sénégal""", sig="Mamadou Diop\nSecrétaire aux relations internationales, JSS\nDakar"),

    mail("fr", "gmail-reply", "endorsement", E("Front étudiant progressiste", "FEP", "TN"), gmail,
         frm=("Sami Ben Salah", "sami.bensalah@fep.example.org"),
         body="Bonjour,\n\nLe Front étudiant progressiste (FEP) de Tunisie signe la déclaration.\n\nFraternellement,\nSami",
         **reply_to_invite("fr")),

    mail("fr", "apple-flowed", "endorsement", E("Alliance étudiante de Montréal pour la Palestine", "AEMP", "CA"),
         apple, tz=-5, frm=("Émilie Gagnon", "emilie.gagnon@aemp.example.org"), subject="Appui de l'AEMP",
         body="""Bonjour,

L'Alliance étudiante de Montréal pour la Palestine (AEMP) appuie la déclaration commune.

Organisation : Alliance étudiante de Montréal pour la Palestine
Sigle : AEMP
Pays : Canada

Solidairement,
Émilie Gagnon"""),

    mail("fr", "mutt-latin1", "endorsement", E("Association des femmes travailleuses d'Abidjan", "AFTA", "CI"), plain,
         tz=0, charset="iso-8859-1", frm=("Aminata Koné", "aminata.kone@afta.example.org"),
         subject=ew("Adhésion à la déclaration commune", "iso-8859-1", "Q"),
         body="""Bonjour,

Au nom de l'Association des femmes travailleuses d'Abidjan (AFTA), Côte d'Ivoire, nous signons la déclaration commune « Mettez fin au génocide ! Solidarité avec la Palestine ! ».""",
         sig="Aminata Koné\nPrésidente de l'AFTA"),

    mail("fr", "roundcube-html-only", "endorsement", E("Rassemblement des ouvriers haïtiens", "ROH", "HT", review=True),
         webmail, tz=-5, frm=("Jean-Baptiste Pierre", "jbpierre@roh.example.org"), subject="Signature",
         body="""Bonjour camarades,

Nous signons la déclaration.

Organisation : Rassemblement des ouvriers haïtiens (ROH)
Pays : Haïti""", sig="Jean-Baptiste Pierre\nRegroupement des ouvriers d'Haïti"),

    mail("fr", "thunderbird-mislabelled", "endorsement", E("Comité de solidarité des cheminots de Lyon", None, "FR"),
         thunderbird, charset="UTF-8", mislabel="ISO-8859-1",
         frm=("Lucie Martin", "lucie.martin@cscl.example.org"), subject="Signature du Comité",
         body="Bonjour,\n\nLe Comité de solidarité des cheminots de Lyon signe la déclaration commune. Pays : France.\n\nÀ bientôt,\nLucie"),
]

ENDORSEMENTS_ES = [
    mail("es", "gmail", "endorsement",
         E("Sindicato de Trabajadores de la Educación de Jalisco", "STEJ", "MX", email="g.ramirez@stej.example.org",
           name="Guadalupe Ramírez"), gmail, tz=-6,
         frm=("Secretaría STEJ", "secretaria@stej.example.org"), subject="Adhesión a la declaración conjunta",
         body="""Compañeras y compañeros:

Nuestro sindicato se adhiere a la declaración conjunta «¡Alto al genocidio! ¡Solidaridad con Palestina!».

Organización: Sindicato de Trabajadores de la Educación de Jalisco
Siglas: STEJ
País: México
Nombre: Guadalupe Ramírez
Correo: g.ramirez@stej.example.org

Saludos combativos."""),

    mail("es", "outlook", "endorsement", E("Corriente Obrera Clasista", "COC", "AR"), outlook, locale="es-AR",
         html_lang="ES-AR", region="namprd03", frm=("Martín Gómez", "martin.gomez@coc.example.org"),
         subject="Adhesión de la COC",
         body="""Estimados compañeros:

En nombre de la Corriente Obrera Clasista (COC), de Argentina, respaldamos la declaración conjunta de las organizaciones de izquierda del Sudeste Asiático.

Un abrazo internacionalista,""", sig="Martín Gómez\nSecretario de Relaciones Internacionales\nCorriente Obrera Clasista"),

    mail("es", "gmail-reply", "endorsement", E("Movimiento Estudiantil Popular", "MEP", "CL"), gmail,
         frm=("Camila Rojas", "camila.rojas@mep.example.org"),
         body="Hola:\n\nMovimiento Estudiantil Popular (MEP) – Chile adhiere a la declaración.\n\n¡Palestina libre!\nCamila",
         **reply_to_invite("es")),

    mail("es", "iphone", "endorsement", E("Colectivo Feminista Las Juanas", None, "CO"), iphone, tz=-5,
         frm=("Valentina Ospina", "vale.ospina@example.com"), subject="Firma",
         body="Hola compas, el Colectivo Feminista Las Juanas, de Colombia, firma la declaración. Abrazos."),

    mail("es", "thunderbird-latin1", "endorsement",
         E("Coordinadora de Solidaridad con Palestina de València", "CSPV", "ES"), thunderbird, tz=1,
         charset="ISO-8859-1", frm=("Jordi Ferrer", "jordi.ferrer@cspv.example.org"), subject="Firma CSPV",
         body="Hola,\n\nLa Coordinadora de Solidaridad con Palestina de València (CSPV), España, firma la declaración conjunta.\n\nSalud,\nJordi Ferrer"),

    mail("es", "yahoo", "endorsement", E("Federación Campesina del Sur", "FECASUR", "PE"), yahoo, tz=-5,
         frm=("Rosa Quispe", "rosa.quispe@example.net"), subject="Adhesión",
         body="""Estimados:

La Federación Campesina del Sur (FECASUR), Perú, se suma a la declaración conjunta.

Atentamente,
Rosa Quispe Mamani
Presidenta de FECASUR"""),

    mail("es", "gmail", "endorsement", E(None, review=True), gmail, tz=-6,
         frm=("Andrés Villalobos", "andres.villalobos@example.com"), subject="Firma personal",
         body="Hola:\n\nYo, como militante independiente de Costa Rica, quiero firmar la declaración a título personal. No represento a ninguna organización.\n\nSaludos,\nAndrés"),

    mail("es", "android", "endorsement", E("Frente de Juventudes de Izquierda", "FJI", "UY"), gmail, android=True,
         frm=("Lucía Fernández", "lucia.f@fji.example.org"), subject="Adhesión FJI",
         body="Compañeros: el Frente de Juventudes de Izquierda (FJI), Uruguay, adhiere a la declaración conjunta. ¡Viva Palestina libre!"),
]

ENDORSEMENTS_PT = [
    mail("pt", "gmail", "endorsement", E("Coletivo Juventude Vermelha", "CJV", "BR", name="Beatriz Souza"), gmail,
         frm=("Beatriz Souza", "beatriz.souza@cjv.example.org"), subject="Adesão à declaração conjunta",
         body="""Olá, companheiros!

Queremos assinar a declaração conjunta «Fim ao genocídio! Solidariedade com a Palestina!».

Nome da organização: Coletivo Juventude Vermelha
Sigla: CJV
País: Brasil
Nome: Beatriz Souza

Saudações."""),

    mail("pt", "outlook", "endorsement", E("Frente Popular de Moradia", "FPM", "BR"), outlook, locale="pt-BR",
         html_lang="PT-BR", region="namprd03", frm=("Carlos Henrique Lima", "carlos.lima@fpm.example.org"),
         subject="Adesão da FPM",
         body="""Prezados companheiros,

Em nome da Frente Popular de Moradia (FPM), do Brasil, subscrevemos a declaração conjunta das organizações de esquerda do Sudeste Asiático.

Saudações internacionalistas,""", sig="Carlos Henrique Lima\nCoordenação Nacional da FPM\nSão Paulo"),

    mail("pt", "squirrelmail-mislabelled", "endorsement", E("Associação de Estudantes de Maputo", "AEM", "MZ"),
         webmail, tz=2, variant="squirrel", charset="utf-8", mislabel="iso-8859-1",
         frm=("Ernesto Macuácua", "ernesto.m@aem.example.org"), subject="Assinatura da AEM",
         body="""Caros camaradas,

A Associação de Estudantes de Maputo (AEM), Moçambique, assina a declaração conjunta.

Saudações,
Ernesto Macuácua"""),

    mail("pt", "thunderbird-iso-8859-15", "endorsement",
         E("Sindicato dos Trabalhadores dos Transportes de Lisboa", "STTL", "PT"), thunderbird, tz=0,
         charset="ISO-8859-15", frm=("Inês Carvalho", "ines.carvalho@sttl.example.org"), subject="Subscrição STTL",
         body="Caros companheiros,\n\nO Sindicato dos Trabalhadores dos Transportes de Lisboa (STTL), Portugal, subscreve a declaração conjunta.\n\nCom os melhores cumprimentos,\nInês Carvalho"),

    mail("pt", "gmail-reply", "endorsement", E("União das Mulheres Trabalhadoras", "UMT", "AO"), gmail, tz=1,
         frm=("Maria Domingos", "maria.domingos@umt.example.org"),
         body="Boa tarde,\n\nA União das Mulheres Trabalhadoras (UMT) de Angola assina a declaração.\n\nUm abraço,\nMaria Domingos",
         **reply_to_invite("pt")),

    mail("pt", "apple", "endorsement", E("Núcleo Socialista de Coimbra", None, "PT"), apple, tz=0, format_flowed=False,
         frm=("Rui Mendes", "rui.mendes@nsc.example.org"), subject="Subscrição",
         body="Caros camaradas,\n\nSubscrevemos a declaração. Contem connosco.",
         sig="Rui Mendes\nNúcleo Socialista de Coimbra\nCoimbra, Portugal"),

    mail("pt", "outlook-web", "endorsement", E("Coletivo Terra Livre", None, None, review=True), outlook, web=True,
         locale="pt-BR", frm=("Coletivo Terra Livre", "contato@terralivre.example.org"), subject="Apoio à declaração",
         body="Olá,\n\nO Coletivo Terra Livre apoia e assina a declaração conjunta.\n\nAbraços,\nColetivo Terra Livre"),

    mail("pt", "iphone", "endorsement", E("Movimento Juvenil Cabo-verdiano pela Paz", "MJCP", "CV"), iphone, tz=-1,
         frm=("Djamila Tavares", "djamila.tavares@example.com"), subject="Assinatura MJCP",
         body="Olá! O Movimento Juvenil Cabo-verdiano pela Paz (MJCP), de Cabo Verde, assina a declaração. Palestina livre!"),
]

ENDORSEMENTS_ZH = [
    mail("zh", "foxmail-gb2312", "endorsement", E("雪隆青年团结协会", None, "MY", name="陈志明"), foxmail,
         frm=("陈志明", "chenzm@ygs.example.org"), subject="联署声明",
         body="各位同志：\n\n我们支持并联署《结束种族灭绝！声援巴勒斯坦！》联合声明。\n\n组织名称：雪隆青年团结协会\n国家：马来西亚\n联系人：陈志明\n\n团结！\n"),
]

ENDORSEMENTS = (ENDORSEMENTS_EN + ENDORSEMENTS_ID + ENDORSEMENTS_MS + ENDORSEMENTS_TL + ENDORSEMENTS_TH
                + ENDORSEMENTS_FR + ENDORSEMENTS_ES + ENDORSEMENTS_PT + ENDORSEMENTS_ZH)


# =========================================================================== withdrawals

WITHDRAWALS = [
    mail("en", "gmail", "withdrawal", E("Eastside Tenants Union", "ETU", "US"), gmail, tz=-5,
         frm=("Dana Whitaker", "dana@etu.example.org"), subject="Please withdraw our endorsement",
         body="""Hello,

After discussion in our membership meeting, the Eastside Tenants Union (ETU), United States, has decided to withdraw its endorsement of the joint statement. Please remove our name from the list of signatories.

Apologies for the trouble,
Dana Whitaker
ETU Secretary"""),

    mail("en", "outlook-reply", "withdrawal", E("Kenya Socialist Youth Front", "KSYF", "KE"), outlook, tz=3,
         frm=("Wanjiru Kamau", "wanjiru.kamau@ksyf.example.org"), subject="RE: Thank you for your endorsement",
         body="""Dear comrades,

We need to withdraw the endorsement of the Kenya Socialist Youth Front (KSYF), Kenya, until our national congress confirms it. Kindly take our name off the statement for now.

Regards,
Wanjiru""",
         quote=fwd_outlook('Joint statement <statement@example.org>', "Monday, February 19, 2024 11:02 AM",
                           "Wanjiru Kamau <wanjiru.kamau@ksyf.example.org>", "Thank you for your endorsement",
                           ack("Kenya Socialist Youth Front (KSYF), Kenya,"))),

    mail("en", "mutt", "withdrawal", E("Fjord Anarchist Collective", None, None), plain, tz=1,
         frm=("Noah Berg", "noah@fjordcollective.example.org"), subject="remove us",
         body="Hi,\n\nPlease take Fjord Anarchist Collective off the list of signatories. We never agreed to sign; one member sent it without a decision.\n\nNoah"),

    mail("id", "gmail", "withdrawal", E("Serikat Pekerja Kampus", "SPK", "ID"), gmail,
         frm=("Reza Mahendra", "reza@spk.example.org"), subject="Penarikan dukungan",
         body="Salam,\n\nKami dari Serikat Pekerja Kampus (SPK), Indonesia, menarik dukungan kami terhadap pernyataan bersama. Mohon hapus nama organisasi kami dari daftar penandatangan.\n\nTerima kasih,\nReza"),

    mail("ms", "outlook", "withdrawal", E("Persatuan Mahasiswa Progresif", "PMP", "MY"), outlook, locale="ms-MY",
         frm=("Hakim Osman", "hakim@pmp.example.org"), subject="Tarik balik sokongan",
         body="Salam,\n\nMohon gugurkan nama Persatuan Mahasiswa Progresif (PMP), Malaysia daripada senarai penyokong kenyataan bersama. Kami menarik balik sokongan kami.\n\nTerima kasih,\nHakim Osman"),

    mail("tl", "android", "withdrawal", E("Kilusang Mangingisda ng Bulacan", "KMB", "PH"), gmail, android=True,
         frm=("Nestor Aquino", "nestor.aquino@example.com"), subject="Pagbawi ng endorsement",
         body="Magandang araw po. Pakitanggal po ang pangalan ng Kilusang Mangingisda ng Bulacan (KMB), Pilipinas sa listahan ng mga lumagda. Binabawi po namin ang aming pag-endorso. Salamat po."),

    mail("th", "gmail", "withdrawal", E("สหภาพคนทำงานแพลตฟอร์ม", "Platform Workers Union", "TH"), gmail,
         frm=("วิชัย สุขสวัสดิ์", "wichai@pwu.example.org"), subject="ขอถอนชื่อออกจากแถลงการณ์",
         body="เรียน ผู้ประสานงาน\n\nสหภาพคนทำงานแพลตฟอร์ม (Platform Workers Union) ประเทศไทย ขอถอนชื่อออกจากแถลงการณ์ร่วม เนื่องจากยังไม่ผ่านมติที่ประชุมใหญ่\n\nขอบคุณครับ\nวิชัย"),

    mail("fr", "thunderbird", "withdrawal", E("Collectif Révolution Permanente Toulouse", "CRPT", "FR"), thunderbird,
         frm=("Hugo Lefèvre", "hugo.lefevre@crpt.example.org"), subject="Retrait de notre signature",
         body="Bonjour,\n\nNous retirons la signature du Collectif Révolution Permanente Toulouse (CRPT), France. Merci de supprimer notre nom de la liste des signataires.\n\nCordialement,\nHugo Lefèvre"),

    mail("es", "outlook-web", "withdrawal", E("Juventud Rebelde del Ecuador", "JRE", "EC"), outlook, web=True, tz=-5,
         locale="es-EC", frm=("Diego Paredes", "diego.paredes@jre.example.org"), subject="Retiro de adhesión",
         body="Compañeros:\n\nSolicitamos retirar la adhesión de la Juventud Rebelde del Ecuador (JRE), Ecuador, a la declaración conjunta. Por favor, quiten nuestro nombre de la lista.\n\nSaludos,\nDiego Paredes"),

    mail("pt", "apple-flowed", "withdrawal", E("Coletivo Maré Vermelha", None, "BR"), apple,
         frm=("Tiago Nunes", "tiago.nunes@mare.example.org"), subject="Retirada do nosso nome",
         body="Olá,\n\nPedimos que retirem o nome do Coletivo Maré Vermelha, Brasil, da lista de signatários da declaração conjunta.\n\nObrigado,\nTiago Nunes"),
]


# =========================================================================== inquiries

INQUIRIES = [
    mail("en", "gmail", "inquiry", C(), gmail, tz=-5, frm=("Priya Raman", "priya@torontotenants.example.org"),
         subject="Question about endorsing",
         body="Hi,\n\nWe are a tenants' union in Toronto, Canada. Can we endorse the statement even though we are not from Southeast Asia? And is there a deadline?\n\nThanks,\nPriya"),

    mail("en", "gmail-forward", "inquiry", C(), gmail, frm=("Elena Marsh", "e.marsh@dailyledger.example.com"),
         subject="Fwd: Media question re: joint statement",
         body=fwd_gmail("Wire Desk <desk@newswire.example.com>", "Mon, Feb 19, 2024 at 7:30 AM",
                        "Asian left groups back Gaza ceasefire statement", "<e.marsh@dailyledger.example.com>",
                        """KUALA LUMPUR -- A coalition of Southeast Asian left groups has issued a joint statement calling for an immediate ceasefire in Gaza. "We endorse the statement and call on all progressive forces to mobilize," said a spokesperson for Parti Sosialis Malaysia (PSM), Malaysia.

The statement has been circulated to organizations across the region.""",
                        intro="""Hello,

I'm a reporter with The Daily Ledger. See the wire item below. Could you tell me how many organizations have signed so far, and who initiated the statement? I'm on deadline tomorrow.

Best,
Elena Marsh
The Daily Ledger""")),

    mail("en", "outlook", "inquiry", C(), outlook, tz=3, frm=("Wanjiru Kamau", "wanjiru.kamau@ksyf.example.org"),
         subject="Correction of our name on the list",
         body="""Dear coordinators,

Our organization appears on the published list as "Kenya Socialist Youth Forum". The correct name is Kenya Socialist Youth Front (KSYF). Could you please correct it?

Thank you,
Wanjiru"""),

    mail("en", "mutt", "inquiry", C(), plain, frm=("Mark Ellis", "mark.ellis@example.net"), subject="deadline?",
         body="Hello, is there a deadline for endorsements? Our committee only meets on 3 March.\n\nMark"),

    mail("en", "iphone", "inquiry", C(), iphone, tz=4, frm=("Hana Yusuf", "hana.yusuf@example.com"),
         subject="Individuals?", body="Can individuals sign the statement, or only organizations?"),

    mail("en", "outlook", "inquiry", C(), outlook, tz=1, region="eurprd04",
         frm=("Sophie Laurent", "s.laurent@broadcast.example.com"), subject="Interview request – Radio Horizon",
         body="""Dear Sir/Madam,

I am a producer at Radio Horizon. Could we interview one of the coordinators of the joint statement on Palestine this week, ideally by phone on Thursday?

Kind regards,
Sophie Laurent
Producer, Radio Horizon"""),

    mail("id", "gmail", "inquiry", C(), gmail, frm=("Nur Hidayah", "nur.hidayah@example.com"),
         subject="Versi bahasa Indonesia?",
         body="Halo kawan-kawan,\n\nApakah ada versi bahasa Indonesia dari pernyataan bersama ini? Kalau belum ada, kami bisa membantu menerjemahkan.\n\nSalam,\nNur"),

    mail("ms", "outlook", "inquiry", C(), outlook, locale="ms-MY", frm=("Syafiq Ahmad", "syafiq@example.net"),
         subject="Pertanyaan tentang kenyataan bersama",
         body="Salam, boleh kami tahu siapa yang menganjurkan kenyataan ini, dan bilakah ia akan diterbitkan? Terima kasih.\n\nSyafiq"),

    mail("tl", "android", "inquiry", C(), gmail, android=True, frm=("Jun Mercado", "jun.mercado@example.com"),
         subject="Tanong lang po",
         body="Magandang araw po! Pwede po bang pumirma ang aming samahan kahit hindi pa kami rehistrado? Maliit na grupo lang kami ng mga estudyante sa Davao. Salamat po!"),

    mail("th", "gmail", "inquiry", C(), gmail, frm=("ณัฐวุฒิ ศรีสุข", "nattawut@example.com"),
         subject="ฉบับภาษาไทย",
         body="สวัสดีครับ\n\nแถลงการณ์นี้มีฉบับภาษาไทยไหมครับ อยากเผยแพร่ให้สมาชิกอ่าน\n\nขอบคุณครับ"),

    mail("fr", "thunderbird", "inquiry", C(), thunderbird, frm=("Julien Moreau", "julien.moreau@example.org"),
         subject="Version française ?",
         body="Bonjour,\n\nExiste-t-il une version française de la déclaration ? Sinon, nous pourrions la traduire pour nos adhérents. Qui dois-je contacter ?\n\nCordialement,\nJulien Moreau"),

    mail("es", "gmail", "inquiry", C(), gmail, tz=-6, frm=("Ximena Torres", "ximena.torres@example.com"),
         subject="¿Podemos adherir?",
         body="Hola:\n\n¿Podemos adherir como organización de México aunque no seamos del Sudeste Asiático? ¿Hasta cuándo se reciben firmas?\n\nGracias,\nXimena"),

    mail("pt", "outlook", "inquiry", C(), outlook, locale="pt-BR", region="namprd03",
         frm=("João Pereira", "joao.pereira@example.com"), subject="Tradução da declaração",
         body="Olá,\n\nGostaríamos de traduzir a declaração para o português e publicá-la no nosso site. Podemos? Há algum formato preferido para citar a rede?\n\nObrigado,\nJoão Pereira"),

    mail("en", "thunderbird", "inquiry", C(), thunderbird, frm=("Olivia Grant", "olivia@peacecouncil.example.org"),
         subject="Publication of the statement",
         body="Hello,\n\nWhere will the statement be published once the sign-on closes? Will you also deliver it to the embassies in Kuala Lumpur and Jakarta?\n\nBest wishes,\nOlivia Grant"),

    mail("en", "gmail-reply", "inquiry", C(), gmail, tz=5, frm=("Farid Hussain", "farid.hussain@example.org"),
         to=COORD1, cc=STATEMENT, subject="Re: " + INVITE_SUBJECT, in_reply_to=INVITE_ID,
         body="Dear comrades,\n\nOur executive committee will discuss endorsing on Saturday. Could you send us the final text as a PDF so we can circulate it?\n\nThanks,\nFarid",
         quote=quoted("On Mon, Feb 19, 2024 at 9:05 AM Southeast Asian Left Network <coord1@example.org> wrote:", INVITE)),

    mail("zh", "foxmail-gb2312", "inquiry", C(), foxmail, frm=("王丽", "wangli@example.com"), subject="请问",
         body="您好，\n\n请问个人可以联署这份声明吗？另外，有没有中文译本？\n\n谢谢！\n王丽\n"),

    mail("en", "yahoo", "inquiry", C(), yahoo, tz=8, frm=("Grace Chen", "grace.chen@example.net"),
         subject="Did you receive our endorsement?",
         body="Hi,\n\nWe emailed our endorsement last week from another address but our organization is not on the list yet. Could you check whether you received it?\n\nThanks,\nGrace"),

    mail("en", "roundcube-html-only", "inquiry", C(), webmail, tz=5.5, frm=("Senthil Kumar", "senthil@example.org"),
         subject="Tamil translation",
         body="Dear coordinators,\n\nWould you like the statement translated into Tamil? Our group can help. Please let us know whom to send it to.\n\nSenthil"),
]


# =========================================================================== confirmations

def confirm_reply(lang: str, org: str, country: str, seed: str, where: str, **kw) -> dict:
    """Where the token goes: 'subject', 'to', 'quote' or combinations joined by '+'."""
    tok = token(seed)
    out = dict(kw)
    out["subject"] = f"Re: Endorsement [confirm {tok}]" if "subject" in where else out.get("subject", "Re: Endorsement")
    out["to"] = f"statement+{tok}@example.org" if "to" in where else STATEMENT
    out["in_reply_to"] = f"<{seed}@example.org>"
    if "quote" in where:
        attr = {"en": "On Mon, Feb 19, 2024 at 11:02 AM Joint statement <statement@example.org> wrote:",
                "fr": "Le 19 févr. 2024 à 11:02, Joint statement <statement@example.org> a écrit :"}.get(lang, "On Mon, Feb 19, 2024 at 11:02 AM Joint statement <statement@example.org> wrote:")
        out["quote"] = quoted(attr, confirm_request(org, country, tok))
    return out


CONFIRMATIONS = [
    mail("en", "gmail", "confirmation", C(), gmail, tz=3, frm=("Wanjiru Kamau", "wanjiru.kamau@ksyf.example.org"),
         body="Yes, I confirm. Thank you!",
         **confirm_reply("en", "Kenya Socialist Youth Front (KSYF)", "Kenya", "cf-ksyf", "subject+to+quote")),

    mail("id", "outlook", "confirmation", C(), outlook, locale="id-ID", frm=("Sekretariat FMP", "sekretariat@fmp.example.org"),
         body="Ya, kami konfirmasi dukungan kami.",
         **{**confirm_reply("id", "Front Mahasiswa Progresif (FMP)", "Indonesia", "cf-fmp", "subject"),
            "subject": f"RE: Endorsement [confirm {token('cf-fmp')}]",
            "quote": fwd_outlook("Joint statement <statement@example.org>", "Monday, February 19, 2024 11:02 AM",
                                 "Sekretariat FMP <sekretariat@fmp.example.org>",
                                 f"Endorsement [confirm {token('cf-fmp')}]",
                                 confirm_request("Front Mahasiswa Progresif (FMP)", "Indonesia", token("cf-fmp")))}),

    mail("ms", "thunderbird", "confirmation", C(), thunderbird, frm=("Aisyah Rahman", "aisyah@gpk.example.org"),
         body="Ya, disahkan. Terima kasih.",
         **confirm_reply("ms", "Gerakan Pelajar Kiri (GPK)", "Malaysia", "cf-gpk", "subject+to")),

    mail("tl", "android", "confirmation", C(), gmail, android=True,
         frm=("Josefina Dela Cruz", "josie.delacruz@kmk.example.org"), body="Opo, kumpirmado po.",
         **confirm_reply("tl", "Kilusang Manggagawang Kababaihan (KMK)", "Pilipinas", "cf-kmk", "to",
                         subject="Re: Please confirm your endorsement")),

    mail("fr", "apple-flowed", "confirmation", C(), apple, frm=("Claire Dubois", "claire.dubois@ustr-rail.example.org"),
         body="Oui, je confirme la signature de notre organisation.",
         **confirm_reply("fr", "Union syndicale des travailleurs du rail (USTR)", "France", "cf-ustr", "quote",
                         subject="Confirmation")),

    mail("es", "gmail", "confirmation", C(), gmail, tz=-6, frm=("Secretaría STEJ", "secretaria@stej.example.org"),
         body="No, por favor cancelen. Nosotros no enviamos ninguna adhesión; alguien usó nuestro correo.",
         **confirm_reply("es", "Sindicato de Trabajadores de la Educación de Jalisco (STEJ)", "México", "cf-stej",
                         "subject+quote")),

    mail("pt", "iphone", "confirmation", C(), iphone, frm=("Beatriz Souza", "beatriz.souza@cjv.example.org"),
         body="Confirmo.", **confirm_reply("pt", "Coletivo Juventude Vermelha (CJV)", "Brasil", "cf-cjv", "subject+to")),

    mail("th", "gmail", "confirmation", C(), gmail, frm=("สมชาย ใจดี", "somchai@rtwu.example.org"), body="ยืนยันครับ",
         **confirm_reply("th", "สหภาพแรงงานสิ่งทอรังสิต (Rangsit Textile Workers Union)", "ไทย", "cf-rtwu",
                         "subject+to+quote")),

    mail("en", "outlook", "confirmation", C(), outlook, tz=1, frm=("Noah Berg", "noah@fjordcollective.example.org"),
         body="No — please cancel this. Someone signed us up by mistake.",
         **{**confirm_reply("en", "Fjord Anarchist Collective", "Norway", "cf-fjord", "subject"),
            "subject": f"RE: Endorsement [confirm {token('cf-fjord')}]",
            "quote": "-----Original Message-----\n" + fwd_outlook(
                "Joint statement <statement@example.org>", "Monday, February 19, 2024 11:02 AM",
                "Noah Berg <noah@fjordcollective.example.org>", f"Endorsement [confirm {token('cf-fjord')}]",
                confirm_request("Fjord Anarchist Collective", "Norway", token("cf-fjord")))}),

    mail("en", "mutt", "confirmation", C(), plain, frm=("Tom Hale", "tom.hale@src-collective.example.net"),
         body="confirmed", **confirm_reply("en", "Socialist Resistance Collective", "United Kingdom", "cf-src", "to",
                                           subject="Re: Endorsement")),
]


# =========================================================================== subscribe / unsubscribe

SUBSCRIPTIONS = [
    mail("en", "gmail", "subscribe", C(), gmail, tz=-8, frm=("Joe Park", "joe.park@example.com"), subject="subscribe",
         body="Please add me to the mailing list for the weekly updates on the statement.\n\nThanks,\nJoe"),
    mail("en", "iphone", "subscribe", C(), iphone, frm=("Amelia Watson", "amelia.watson@example.net"),
         subject="Updates", body="Hi! I'd like to receive your weekly updates. Sign me up please."),
    mail("id", "outlook", "subscribe", C(), outlook, locale="id-ID", frm=("Dimas Saputra", "dimas.saputra@example.com"),
         subject="Berlangganan", body="Halo,\n\nSaya ingin berlangganan kabar mingguan tentang pernyataan bersama ini.\n\nTerima kasih,\nDimas"),
    mail("ms", "thunderbird", "subscribe", C(), thunderbird, frm=("Nurul Izzah", "nurul.izzah@example.org"),
         subject="Langgan kemas kini", body="Salam,\n\nSaya ingin melanggan kemas kini mingguan. Terima kasih."),
    mail("tl", "gmail", "subscribe", C(), gmail, frm=("Carlo Mendoza", "carlo.mendoza@example.com"),
         subject="Pag-subscribe", body="Gusto ko pong makatanggap ng lingguhang updates tungkol sa pahayag. Salamat po!"),
    mail("fr", "apple-flowed", "subscribe", C(), apple, frm=("Nathalie Roux", "nathalie.roux@example.org"),
         subject="Abonnement", body="Bonjour, je souhaite m'abonner aux nouvelles hebdomadaires de la déclaration. Merci."),
    mail("es", "yahoo", "subscribe", C(), yahoo, tz=-4, frm=("Pablo Herrera", "pablo.herrera@example.net"),
         subject="Suscripción", body="Hola, quiero suscribirme a las actualizaciones semanales. Gracias."),
    mail("pt", "roundcube-html-only", "subscribe", C(), webmail, frm=("Ana Ribeiro", "ana.ribeiro@example.com"),
         subject="Inscrição nas atualizações", body="Olá, quero receber as atualizações semanais sobre a declaração. Obrigada!"),
]

UNSUBSCRIPTIONS = [
    mail("en", "mutt", "unsubscribe", C(), plain, frm=(None, "old.member@example.net"), subject="unsubscribe", body=""),
    mail("en", "gmail", "unsubscribe", C(), gmail, tz=-5, frm=("Rachel Stone", "rachel.stone@example.com"),
         subject="Please remove me",
         body="Please remove me from your mailing list, I no longer want the weekly updates.\n\nRachel"),
    mail("id", "android", "unsubscribe", C(), gmail, android=True, frm=("Rina Oktaviani", "rina.okta@example.com"),
         subject="Berhenti berlangganan", body="Mohon berhenti berlangganan kabar mingguan untuk alamat ini. Terima kasih 🙏"),
    mail("fr", "outlook", "unsubscribe", C(), outlook, locale="fr-FR", html_lang="FR", region="eurprd04",
         frm=("Pierre Garnier", "pierre.garnier@example.org"), subject="Désabonnement",
         body="Bonjour,\n\nMerci de me désabonner de la lettre hebdomadaire.\n\nPierre Garnier"),
    mail("es", "gmail", "unsubscribe", C(), gmail, tz=-3, frm=("Sofía Navarro", "sofia.navarro@example.com"),
         subject="Darme de baja", body="Por favor, denme de baja de la lista de actualizaciones semanales."),
    mail("th", "iphone", "unsubscribe", C(), iphone, frm=("ปิยะ วงศ์ดี", "piya.w@example.com"),
         subject="ยกเลิกการรับข่าวสาร", body="ขอยกเลิกการรับข่าวสารรายสัปดาห์ครับ"),
]


# =========================================================================== auto replies

def autoreply(cx: Cx, frm: tuple, subject: str, text: str, *, extra: tuple = (), to: str = STATEMENT,
              return_path: str | None = "frm", charset: str = "utf-8", in_reply_to: str | None = None,
              mailer: str | None = None) -> bytes:
    """A reply written by a server-side responder (Sieve, cPanel, helpdesk, Zimbra)."""
    name, email = frm
    rp = email if return_path == "frm" else return_path
    hs = envelope(cx, rp or "", f"mail.{email.split('@')[1]}", "198.51.100.23")
    hs += [("Date", cx.rfcdate), ("From", addr(name, email)), ("To", to), ("Subject", subj_any(subject)),
           ("Message-ID", f"<{cx.hx('mid', 20)}.autoreply@{email.split('@')[1]}>")]
    if in_reply_to:
        hs += [("In-Reply-To", in_reply_to), ("References", in_reply_to)]
    hs += list(extra) + ([("X-Mailer", mailer)] if mailer else []) + [("MIME-Version", "1.0")]
    return server_text(cx, hs, text, charset, None if all(ord(c) < 128 for c in text) else "quoted-printable")


def subj_any(s: str) -> str:
    return s if all(ord(c) < 128 for c in s) else ew(s, "UTF-8", "Q")


def mailman_post(cx: Cx, frm: tuple, subject: str, text: str, *, list_name: str, host: str) -> bytes:
    """A post distributed by GNU Mailman 3 (List-Id, List-Unsubscribe, Precedence: list)."""
    name, email = frm
    lst = f"{list_name}@{host}"
    body = text.rstrip("\n") + (f"\n_______________________________________________\n{list_name} mailing list -- {lst}\n"
                                f"To unsubscribe send an email to {list_name}-leave@{host}\n")
    hs = envelope(cx, f"{list_name}-bounces@{host}", host, "203.0.113.44")
    hs += [("From", addr(f"{name} via {list_name}", lst)), ("Reply-To", addr(name, email)),
           ("Subject", f"[{list_name}] {subject}"), ("Date", cx.rfcdate), ("To", lst),
           ("Message-ID", f"<{cx.hx('mid', 16)}@{email.split('@')[1]}>"), ("MIME-Version", "1.0"),
           ("Message-ID-Hash", cx.alnum("mh", 32).upper()), ("X-Message-ID-Hash", cx.alnum("mh", 32).upper()),
           ("X-MailFrom", email), ("X-Mailman-Version", "3.3.9"), ("Precedence", "list"),
           ("List-Id", f'"{list_name.replace("-", " ").title()}" <{list_name}.{host}>'),
           ("Archived-At", f"<https://{host}/archives/list/{lst}/message/{cx.alnum('mh', 32).upper()}/>"),
           ("List-Archive", f"<https://{host}/archives/list/{lst}/>"),
           ("List-Help", f"<mailto:{list_name}-request@{host}?subject=help>"),
           ("List-Owner", f"<mailto:{list_name}-owner@{host}>"), ("List-Post", f"<mailto:{lst}>"),
           ("List-Subscribe", f"<mailto:{list_name}-join@{host}>"),
           ("List-Unsubscribe", f"<mailto:{list_name}-leave@{host}>")]
    return server_text(cx, hs, body, "utf-8", "8bit" if not body.isascii() else None)


def campaign(cx: Cx, frm: tuple, subject: str, text: str, html_body: str, *, unsubscribe: str) -> bytes:
    """A newsletter from a campaign tool: List-Unsubscribe (one-click), no List-Id, no Precedence."""
    name, email = frm
    root = multipart("alternative", f"_----------=_MCPart_{cx.num('mc', 10)}",
                     [leaf('text/plain; charset="utf-8"', text.encode(), "quoted-printable"),
                      leaf('text/html; charset="utf-8"', html_body.encode(), "quoted-printable")], fold=False)
    hs = envelope(cx, f"bounce-mc.us21_{cx.num('b', 8)}.{cx.num('b2', 6)}-{email.replace('@', '=')}@mail{cx.num('m', 3)}"
                  f".sea{cx.num('s', 2)}.mcsv.example.net", f"mail{cx.num('m', 3)}.sea{cx.num('s', 2)}.mcsv.example.net",
                  "198.51.100.140")
    hs += [("Subject", subj_any(subject)), ("From", addr(name, email)), ("Reply-To", addr(name, email)),
           ("To", f"<{STATEMENT}>"), ("Date", cx.rfcdate),
           ("Message-ID", f"<{cx.hx('mid', 20)}@mail{cx.num('m', 3)}.sea{cx.num('s', 2)}.mcsv.example.net>"),
           ("X-Mailer", f"Mailchimp Mailer - **CID{cx.hx('cid', 20)}**"),
           ("X-Campaign", f"mailchimp{cx.hx('cid', 20)}.{cx.hx('c2', 10)}"),
           ("List-Unsubscribe", f"<{unsubscribe}>, <mailto:unsubscribe-mc.us21_{cx.hx('u', 24)}@example.net>"),
           ("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"), ("MIME-Version", "1.0")]
    return message(hs, root)


OOO_TOKEN = token("cf-okello")

AUTO_REPLIES = [
    mail("en", "exchange-oof", "auto_reply", C(), outlook, tz=3, frm=("Okello, James", "j.okello@ksyf.example.org"),
         subject=f"Automatic reply: Endorsement [confirm {OOO_TOKEN}]", to=f"statement+{OOO_TOKEN}@example.org",
         extra=(("X-Auto-Response-Suppress", "All"), ("X-MS-Exchange-Inbox-Rules-Loop", "j.okello@ksyf.example.org")),
         body="Thank you for your email. I am out of the office until Monday 4 March with limited access to email.\n\nFor urgent matters please contact info@ksyf.example.org.\n\nJames"),

    mail("en", "gmail-vacation", "auto_reply", C(), gmail, tz=-5, frm=("Dana Whitaker", "dana@etu.example.org"),
         subject="On vacation until 4 March", extra=(("Auto-Submitted", "auto-replied"),),
         body="Hi,\n\nI'm on vacation until 4 March with no access to email. For anything urgent about the union, write to info@etu.example.org.\n\nDana"),

    mail("fr", "zimbra-vacation", "auto_reply", C(), autoreply, frm=("Claire Dubois", "claire.dubois@ustr-rail.example.org"),
         subject="Absence du bureau", extra=(("Auto-Submitted", "vacation"),),
         text="Bonjour,\n\nJe suis absente jusqu'au 26 février inclus. Votre message sera traité à mon retour.\n\nClaire Dubois\n"),

    mail("ms", "sieve-vacation", "auto_reply", C(), autoreply, return_path=None,
         frm=("Murugan Subramaniam", "murugan@kplp.example.org"), subject="Auto: Sokongan KPLP diterima",
         extra=(("Auto-Submitted", "auto-replied (vacation)"), ("Precedence", "bulk")),
         text="Salam,\n\nSaya sedang bercuti sehingga 1 Mac. Emel anda akan dibalas selepas saya kembali.\n\nMurugan\n"),

    mail("fr", "outlook", "auto_reply", C(), outlook, locale="fr-FR", html_lang="FR", region="eurprd04",
         frm=("Hugo Lefèvre", "hugo.lefevre@crpt.example.org"),
         subject="Réponse automatique : Merci pour votre signature",
         body="Bonjour,\n\nJe suis absent du bureau jusqu'au 1er mars. Pour toute urgence, contactez le secrétariat : contact@crpt.example.org.\n\nHugo Lefèvre"),

    mail("es", "outlook", "auto_reply", C(), outlook, locale="es-AR", region="namprd03",
         frm=("Martín Gómez", "martin.gomez@coc.example.org"), subject="Respuesta automática: Gracias por su adhesión",
         body="Estoy fuera de la oficina hasta el 4 de marzo, con acceso limitado al correo. Para temas urgentes escribir a prensa@coc.example.org."),

    mail("id", "gmail", "auto_reply", C(), gmail, frm=("Reza Mahendra", "reza@spk.example.org"),
         subject="Balasan Otomatis: Terima kasih atas dukungan Anda",
         body="Terima kasih atas email Anda. Saya sedang cuti hingga 1 Maret 2024 dan akan membalas setelah kembali."),

    mail("pt", "outlook-web", "auto_reply", C(), outlook, web=True, locale="pt-BR", region="namprd03",
         frm=("Carlos Henrique Lima", "carlos.lima@fpm.example.org"), subject="Resposta automática: Obrigado pela sua adesão",
         body="Olá! Estou de férias até 5 de março, com acesso limitado ao e-mail. Em caso de urgência, contate secretaria@fpm.example.org."),

    mail("th", "outlook", "auto_reply", C(), outlook, locale="th-TH", html_lang="TH",
         frm=("Ploy Srisuk", "ploy@byp.example.org"), subject="ตอบกลับอัตโนมัติ: ขอบคุณสำหรับการสนับสนุน",
         body="ขอบคุณสำหรับอีเมลค่ะ ขณะนี้ดิฉันไม่อยู่ที่สำนักงานจนถึงวันที่ 1 มีนาคม จะติดต่อกลับโดยเร็วที่สุดค่ะ"),

    mail("en", "x-autoreply", "auto_reply", C(), autoreply, frm=("Olivia Grant", "olivia@peacecouncil.example.org"),
         subject="Out of Office: Publication of the statement", extra=(("X-Autoreply", "yes"),),
         text="I am out of the office until 26 February and will reply to your message when I return.\n\nOlivia Grant\n"),

    mail("tl", "cpanel-autorespond", "auto_reply", C(), autoreply, frm=("Paolo Reyes", "paolo.reyes@skp.example.org"),
         subject="Re: Salamat sa inyong pag-endorso", extra=(("X-Autorespond", "Re: Salamat sa inyong pag-endorso"),),
         text="Salamat sa inyong mensahe! Kasalukuyan po akong wala sa opisina hanggang Marso 1. Sasagutin ko po ito pagbalik ko.\n\nPaolo\n"),

    mail("en", "helpdesk-bulk", "auto_reply", C(), autoreply, frm=("Global Solidarity Desk", "support@solidaritydesk.example.net"),
         subject="[Ticket#24021910000123] We received your message", mailer="Zammad Mail Service",
         extra=(("Precedence", "bulk"), ("X-Loop", "yes"), ("X-Zammad-Ticket-Number", "24021910000123")),
         text="Dear sender,\n\nThank you for contacting the Global Solidarity Desk. Your request has been received and\nwill be handled by our team within three working days.\n\nYour ticket number is 24021910000123.\n\nGlobal Solidarity Desk\n"),

    mail("en", "mailman-list", "auto_reply", C(), mailman_post, list_name="solidarity-news", host="lists.example.net",
         frm=("Harbour Dockworkers Union", "secretary@hdu.example.org"), subject="HDU endorses SEA left statement on Palestine",
         text="""Comrades,

For this week's roundup, from our union's statement:

"On behalf of the Harbour Dockworkers Union (HDU), we endorse the joint statement "End the genocide!
Solidarity with Palestine!" and call on all dockworkers to refuse to handle arms shipments."

Other groups can sign by writing to statement@example.org.

Secretary, HDU
"""),

    mail("es", "campaign-newsletter", "auto_reply", C(), campaign, tz=-3,
         frm=("Boletín Corriente Obrera", "boletin@coc.example.org"), subject="Boletín semanal: firmamos por Palestina",
         unsubscribe="https://coc.example.org/baja?u=4f2a9c&id=77ab1",
         text="BOLETÍN SEMANAL\n\nEsta semana la Corriente Obrera Clasista (COC), de Argentina, firmó la declaración conjunta «¡Alto al genocidio! ¡Solidaridad con Palestina!».\n\nLeé más en nuestro sitio.\n\nDarse de baja: https://coc.example.org/baja?u=4f2a9c&id=77ab1\n",
         html_body="<html><body><table width=\"600\"><tr><td><h1>Boletín semanal</h1><p>Esta semana la <b>Corriente Obrera Clasista (COC)</b>, de Argentina, firmó la declaración conjunta «¡Alto al genocidio! ¡Solidaridad con Palestina!».</p><p><a href=\"https://coc.example.org/baja?u=4f2a9c&amp;id=77ab1\">Darse de baja</a></p></td></tr></table></body></html>\n"),

    mail("en", "ooo-quoting-endorsement", "auto_reply", C(), autoreply, tz=8,
         frm=("Coordinator Two", "coord2@example.org"),
         subject="Automatic reply: New endorsement: Lanka Plantation Workers Union (LPWU)",
         extra=(("Auto-Submitted", "auto-replied"),),
         text="""I am travelling until 28 February with limited access to email. Your message is quoted below.

> From: Kumari Perera <kumari.perera@example.net>
> Subject: Endorsement - LPWU
>
> Dear friends
>
> Lanka Plantation Workers Union (LPWU) - Sri Lanka endorses the statement "End the genocide!
> Solidarity with Palestine!".
"""),

    mail("pt", "precedence-auto-reply", "auto_reply", C(), autoreply, tz=0,
         frm=("Sindicato STTL", "geral@sttl.example.org"), subject="Recebemos a sua mensagem",
         extra=(("Precedence", "auto_reply"),),
         text="Esta é uma resposta automática. Recebemos a sua mensagem e responderemos com a maior brevidade possível.\n\nSTTL\n"),
]


# =========================================================================== bounces

def dsn_fields(cx: Cx, mta: str, rcpt: str, status: str, diag: str, *, action: str = "failed", remote: str | None = None,
               orig: str | None = None, postfix: bool = True) -> str:
    head = f"Reporting-MTA: dns; {mta}\n"
    if postfix:
        head += f"X-Postfix-Queue-ID: {cx.hx('q', 10).upper()}\nX-Postfix-Sender: rfc822; {STATEMENT}\n"
    head += f"Arrival-Date: {format_dt(cx.at(-62))}\n\n"
    rec = f"Final-Recipient: rfc822; {rcpt}\n"
    if orig:
        rec += f"Original-Recipient: rfc822;{orig}\n"
    rec += f"Action: {action}\nStatus: {status}\n"
    if remote:
        rec += f"Remote-MTA: dns; {remote}\n"
    rec += f"Diagnostic-Code: smtp; {diag}\n"
    if action == "delayed":
        rec += f"Will-Retry-Until: {format_dt(cx.at(7200))}\n"
    return head + rec


def format_dt(d: datetime) -> str:
    from email.utils import format_datetime
    return format_datetime(d)


def out_thanks(cx: Cx, to: str, org: str) -> bytes:
    return endorse_out(sub(cx, "orig"), to, "Thank you for your endorsement", ack(org))


def out_confirm(cx: Cx, to: str, org: str, country: str, seed: str) -> bytes:
    tok = token(seed)
    return endorse_out(sub(cx, "orig"), to, f"Endorsement [confirm {tok}]", confirm_request(org, country, tok), tok)


def bounce_postfix(cx: Cx, *, rcpt: str, diag: str, status: str, original: bytes, host: str = "mx1.example.org",
                   remote: str | None = None, orig_rcpt: str | None = None, expanded: str = "",
                   action: str = "failed", headers_only: bool = False) -> bytes:
    line = f"<{rcpt}>{expanded}: host {remote}[203.0.113.9] said: {diag} (in\n    reply to RCPT TO command)" \
        if remote else f"<{rcpt}>{expanded}: {diag}"
    human = postfix_human(host, line)
    subject = "Undelivered Mail Returned to Sender"
    if action == "delayed":
        subject = "Delayed Mail (still being retried)"
        human = ("#" * 68 + "\n# THIS IS A WARNING ONLY.  YOU DO NOT NEED TO RESEND YOUR MESSAGE. #\n" + "#" * 68
                 + f"\n\nThis is the mail system at host {host}.\n\nYour message could not be delivered for more than"
                   f" 4 hour(s).\nIt will be retried until it is 5 day(s) old.\n\nFor further assistance, please send "
                   f"mail to postmaster.\n\n                   The mail system\n\n<{rcpt}>: {diag}\n")
    return report(cx, frm=f"MAILER-DAEMON@{host} (Mail Delivery System)", subject=subject, human=human,
                  dsn_fields=dsn_fields(cx, host, rcpt, status, diag, action=action, remote=remote, orig=orig_rcpt),
                  original=original, headers_only=headers_only,
                  before=envelope(cx, "", host, "192.0.2.25")[:2] + [received(cx, "localhost", "127.0.0.1", by=MX)],
                  extra=(("Auto-Submitted", "auto-replied"),), boundary=f"{cx.hx('pb', 12).upper()}.{cx.num('pb', 10)}/{host}")


def bounce_exim(cx: Cx, *, rcpt: str, diag: str, original: bytes, host: str) -> bytes:
    text = f"""This message was created automatically by mail delivery software.

A message that you sent could not be delivered to one or more of its
recipients. This is a permanent error. The following address(es) failed:

  {rcpt}
    {diag}

------ This is a copy of the message, including all the headers. ------

""" + original.decode("utf-8")
    hs = envelope(cx, "", host, "198.51.100.61")
    hs += [received(cx, "mail", "127.0.0.1", by=host, proto="local (Exim 4.96)"),
           ("X-Failed-Recipients", rcpt), ("Auto-Submitted", "auto-replied"),
           ("From", f"Mail Delivery System <Mailer-Daemon@{host}>"), ("To", STATEMENT),
           ("Content-Type", "text/plain; charset=utf-8"), ("Content-Transfer-Encoding", "8bit"),
           ("Subject", "Mail delivery failed: returning message to sender"),
           ("Message-Id", f"<E1rc{cx.alnum('ex', 6)}-000{cx.alnum('ex2', 3)}-{cx.alnum('ex3', 2)}@{host}>"),
           ("Date", cx.rfcdate)]
    return message(hs, Part([], text.encode()))


def bounce_qmail(cx: Cx, *, rcpt: str, diag: str, original: bytes, host: str) -> bytes:
    text = f"""Hi. This is the qmail-send program at {host}.
I'm afraid I wasn't able to deliver your message to the following addresses.
This is a permanent error; I've given up. Sorry it didn't work out.

<{rcpt}>:
{diag}

--- Below this line is a copy of the message.

""" + original.decode("utf-8")
    hs = envelope(cx, "", host, "198.51.100.45")
    hs += [("Received", f"(qmail {cx.num('qm', 5)} invoked for bounce); {cx.rfcdate}"), ("Date", cx.rfcdate),
           ("From", f"MAILER-DAEMON@{host}"), ("To", STATEMENT), ("Subject", "failure notice")]
    return message(hs, Part([], text.encode()))


def bounce_o365(cx: Cx, *, rcpt: str, original: bytes, org_domain: str, lang: str = "en") -> bytes:
    if lang == "fr":
        subject_pre = "Non remis"
        human = (f"Votre message n'a pas pu être remis à ces destinataires ou groupes :\n\n{rcpt}<mailto:{rcpt}>\n"
                 "L'adresse de messagerie que vous avez entrée est introuvable. Vérifiez l'adresse e-mail du "
                 "destinataire et essayez de renvoyer le message. Si le problème persiste, contactez votre "
                 "service d'assistance.\n\n\n\nInformations de diagnostic pour les administrateurs :\n\n"
                 f"Serveur de génération : PR3PR04MB7180.eurprd04.prod.outlook.com\n\n{rcpt}\n"
                 "Remote Server returned '550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP "
                 "address lookup'\n")
    else:
        subject_pre = "Undeliverable"
        human = (f"Your message to {rcpt} couldn't be delivered.\n{rcpt.split('@')[0]} wasn't found at "
                 f"{rcpt.split('@')[1]}.\n\nAction Required\nUnknown To address\n\nHow to Fix It\nThe address may be "
                 "misspelled or may not exist. Try one or more of the following:\n\n  *   Retype the recipient's "
                 "address, then resend the message.\n\n\nMore Info for Email Admins\nStatus code: 550 5.1.10\n\n"
                 "Original Message Details\nCreated Date: 2/19/2024 9:12:41 AM\nSender Address: "
                 f"{STATEMENT}\nRecipient Address: {rcpt}\n")
    html = "<html><head></head><body>" + "".join(f"<p>{p}</p>" for p in human.split("\n\n")) + "</body></html>\n"
    orig_subject = original.split(b"\nSubject: ", 1)[1].split(b"\n", 1)[0].decode()
    diag = "550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup"
    return report(cx, frm=f"Microsoft Outlook <MicrosoftExchange329e71ec88ae4615bbc36ab6ce41109e@{org_domain}>",
                  subject=f"{subject_pre}: {orig_subject}" if lang == "en" else subj_any(f"{subject_pre} : {orig_subject}"),
                  human=human, human_html=html, human_charset="utf-8", headers_only=True, original=original,
                  dsn_fields=dsn_fields(cx, "PR3PR04MB7180.eurprd04.prod.outlook.com", rcpt, "5.1.10", diag,
                                        postfix=False), description=False,
                  before=envelope(cx, "", f"mail-{org_domain.replace('.', '-')}.outbound.protection.outlook.com",
                                  "192.0.2.41"),
                  extra=(("X-MS-Exchange-Message-Is-Ndr", ""), ("Content-Language", lang),
                         ("Auto-Submitted", "auto-replied"), ("X-MS-PublicTrafficType", "Email")),
                  boundary=cx.uuid("o365", upper=False))


def bounce_gmail(cx: Cx, *, rcpt: str, original: bytes) -> bytes:
    human = (f"\n** Address not found **\n\nYour message wasn't delivered to {rcpt} because the address couldn't be "
             "found, or is unable to receive mail.\n\nLearn more here: https://support.google.com/mail/?p=NoSuchUser"
             f"\n\nThe response was:\n\n550 5.1.1 The email account that you tried to reach does not exist. Please try "
             "double-checking the recipient's email address for typos or unnecessary spaces.\n")
    html = ("<html>\n<head></head>\n<body>\n<table cellpadding=\"0\" cellspacing=\"0\"><tr><td><h2>Address not found"
            f"</h2><p>Your message wasn't delivered to <b>{rcpt}</b> because the address couldn't be found, or is "
            "unable to receive mail.</p></td></tr></table>\n</body>\n</html>\n")
    return report(cx, frm="Mail Delivery Subsystem <mailer-daemon@googlemail.com>",
                  subject="Delivery Status Notification (Failure)", human=human, human_html=html,
                  human_charset="UTF-8", original=original, description=False,
                  dsn_fields=dsn_fields(cx, "dns; googlemail.com".split()[-1], rcpt, "5.1.1",
                                        "550-5.1.1 The email account that you tried to reach does not exist.",
                                        remote="mx.kmk-old.example.org. (203.0.113.7, the server for the domain.)",
                                        postfix=False),
                  before=envelope(cx, "", "mail-sor-f69.google.com", "203.0.113.69"),
                  extra=(("X-Failed-Recipients", rcpt), ("Auto-Submitted", "auto-replied")),
                  boundary="000000000000" + cx.hx("gb", 16))


def bounce_sendmail(cx: Cx, *, rcpt: str, original: bytes, host: str) -> bytes:
    human = f"""The original message was received at {format_dt(cx.at(-1))}
from out1.example.org [192.0.2.11]

   ----- The following addresses had permanent fatal errors -----
<{rcpt}>
    (reason: 550 5.1.1 <{rcpt}>... User unknown)

   ----- Transcript of session follows -----
... while talking to mail.{rcpt.split('@')[1]}.:
>>> RCPT To:<{rcpt}>
<<< 550 5.1.1 <{rcpt}>... User unknown
550 5.1.1 <{rcpt}>... User unknown
"""
    return report(cx, frm=f"Mail Delivery Subsystem <MAILER-DAEMON@{host}>",
                  subject="Returned mail: see transcript for details", human=human, headers_only=True,
                  original=original, description=False,
                  dsn_fields=dsn_fields(cx, host, rcpt, "5.1.1", f"550 5.1.1 <{rcpt}>... User unknown",
                                        remote=f"mail.{rcpt.split('@')[1]}", postfix=False),
                  before=envelope(cx, f"MAILER-DAEMON@{host}", host, "198.51.100.88"),
                  extra=(("Auto-Submitted", "auto-generated (failure)"),),
                  boundary=f"{cx.alnum('sm', 14)}.{int(cx.date.timestamp())}/{host}")


def bounce_plain(cx: Cx, *, frm: str, subject: str, text: str, original: bytes, host: str,
                 extra: tuple = ()) -> bytes:
    hs = envelope(cx, "", host, "198.51.100.99")
    hs += [("Date", cx.rfcdate), ("From", frm), ("To", STATEMENT), ("Subject", subject),
           ("Message-ID", f"<{cx.hx('bm', 20)}@{host}>"), ("MIME-Version", "1.0"), *extra]
    return server_text(cx, hs, text + original.decode("utf-8"), "utf-8")


def endorsement_original(cx: Cx) -> bytes:
    return gmail(sub(cx, "inbound", -20), ("Kofi Asante", "kofi.asante@gwsf.example.org"),
                 "Endorsement: Ghana Workers Solidarity Front",
                 'On behalf of the Ghana Workers Solidarity Front (GWSF), Ghana, we endorse the joint statement '
                 '"End the genocide! Solidarity with Palestine!".\n\nKofi Asante\nGWSF')


BOUNCES = [
    mail("en", "postfix-dsn", "bounce", C(), lambda cx: bounce_postfix(
        cx, rcpt="old-coord@oldmail.example.net", orig_rcpt="coordinators@example.org",
        expanded=" (expanded from <coordinators@example.org>)", remote="mx.oldmail.example.net",
        diag="550 5.1.1 <old-coord@oldmail.example.net>: Recipient address\n    rejected: User unknown in virtual mailbox table",
        status="5.1.1", original=endorsement_original(cx))),
    mail("en", "exim-plain", "bounce", C(), lambda cx: bounce_exim(
        cx, rcpt="kumari.old@lpwu.example.org", host="mail.lpwu.example.org",
        diag="SMTP error from remote mail server after RCPT TO:<kumari.old@lpwu.example.org>:\n    550 5.1.1 No such user here",
        original=out_thanks(cx, "kumari.old@lpwu.example.org", "Lanka Plantation Workers Union (LPWU), Sri Lanka,"))),
    mail("en", "office365-ndr", "bounce", C(), lambda cx: bounce_o365(
        cx, rcpt="info@dgwf.example.org", org_domain="dgwf.example.org",
        original=out_thanks(cx, "info@dgwf.example.org", "Dhaka Garment Workers Federation (DGWF), Bangladesh,"))),
    mail("en", "gmail-dsn", "bounce", C(), lambda cx: bounce_gmail(
        cx, rcpt="josie@kmk-old.example.org",
        original=out_confirm(cx, "josie@kmk-old.example.org", "Kilusang Manggagawang Kababaihan (KMK)", "Pilipinas", "b-kmk"))),
    mail("en", "qmail", "bounce", C(), lambda cx: bounce_qmail(
        cx, rcpt="sekretariat@fmp-lama.example.org", host="mx4.example.net",
        diag="Sorry, no mailbox here by that name. (#5.1.1)",
        original=out_thanks(cx, "sekretariat@fmp-lama.example.org", "Front Mahasiswa Progresif (FMP), Indonesia,"))),
    mail("en", "sendmail-dsn", "bounce", C(), lambda cx: bounce_sendmail(
        cx, rcpt="contact@ndya.example.org", host="smtp.example.net",
        original=out_thanks(cx, "contact@ndya.example.org", "Nepal Democratic Youth Association (NDYA), Nepal,"))),
    mail("en", "postfix-dsn-confirm-request", "bounce", C(), lambda cx: bounce_postfix(
        cx, rcpt="secretaria@stej-viejo.example.org", host="out1.example.org", remote="mx.stej-viejo.example.org",
        diag="550 5.1.1 <secretaria@stej-viejo.example.org>: Recipient address\n    rejected: User unknown",
        status="5.1.1", original=out_confirm(cx, "secretaria@stej-viejo.example.org",
                                             "Sindicato de Trabajadores de la Educación de Jalisco (STEJ)", "México",
                                             "b-stej"))),
    mail("en", "postfix-delayed", "bounce", C(), lambda cx: bounce_postfix(
        cx, rcpt="info@katop.example.org", host="out1.example.org", action="delayed", status="4.4.1",
        diag="connect to mx.katop.example.org[203.0.113.50]:25: Connection timed out", headers_only=True,
        original=out_thanks(cx, "info@katop.example.org", "Kapisanan ng mga Tsuper at Operator (KATOP), Philippines,"))),
    mail("en", "yahoo-failure-notice", "bounce", C(), lambda cx: bounce_plain(
        cx, frm="MAILER-DAEMON@mta4.mail.example.com", subject="Failure Notice", host="mta4.mail.example.com",
        text="Sorry, we were unable to deliver your message to the following address.\n\n<rodel.old@example.com>:\n"
             "554: delivery error: dd This user doesn't have a example.com account (rodel.old@example.com) [0] - "
             "mta4.mail.example.com\n\n--- Below this line is a copy of the message.\n\n",
        original=out_thanks(cx, "rodel.old@example.com", "Metro Manila Transport Workers Alliance (MMTWA), Philippines,"))),
    mail("fr", "exchange-ndr-fr", "bounce", C(), lambda cx: bounce_o365(
        cx, rcpt="contact@crpt.example.org", org_domain="crpt.example.org", lang="fr",
        original=endorse_out(sub(cx, "orig"), "contact@crpt.example.org", "Merci pour votre signature",
                             "Merci ! Votre organisation figure parmi les signataires."))),
    mail("en", "postfix-mailbox-full", "bounce", C(), lambda cx: bounce_postfix(
        cx, rcpt="siti.tan@smwc.example.org", host="mail.smwc.example.org",
        diag="host mail.smwc.example.org[private/dovecot-lmtp] said: 552 5.2.2\n    <siti.tan@smwc.example.org> "
             "Quota exceeded (mailbox for user is full) (in\n    reply to end of DATA command)",
        status="5.2.2", headers_only=True,
        original=out_thanks(cx, "siti.tan@smwc.example.org", "Singapore Migrant Workers Collective, Singapore,"))),
    mail("en", "postmaster-plain", "bounce", C(), lambda cx: bounce_plain(
        cx, frm="postmaster@umt.example.org", subject="Undeliverable mail: Thank you for your endorsement",
        host="mail.umt.example.org", extra=(("Auto-Submitted", "auto-replied"),),
        text="This message was undeliverable due to the following reason:\n\nYour message was not delivered because "
             "the destination computer was not\nreachable within the allowed queue period. The amount of time\na "
             "message is queued before it is returned depends on local configura-\ntion parameters.\n\n"
             "<secretariat@umt.example.org>\n\nThe original message follows.\n\n",
        original=out_thanks(cx, "secretariat@umt.example.org", "União das Mulheres Trabalhadoras (UMT), Angola,"))),
]


# =========================================================================== unknown

def spam_html(cx: Cx, frm: tuple, subject: str, html_body: str, *, charset: str = "utf-8") -> bytes:
    name, email = frm
    hs = envelope(cx, f"bounce+{cx.hx('sp', 8)}@{email.split('@')[1]}", f"vps{cx.num('v', 5)}.hosting.example.com",
                  "203.0.113.201")
    hs += [("From", addr(name, email)), ("To", STATEMENT), ("Subject", subj_any(subject)), ("Date", cx.rfcdate),
           ("Message-ID", f"<{cx.hx('mid', 32)}@{email.split('@')[1]}>"), ("MIME-Version", "1.0"),
           ("X-Mailer", "PHPMailer 6.8.0 (https://github.com/PHPMailer/PHPMailer)")]
    return message(hs, leaf(f"text/html; charset={charset}", html_body.encode(charset), "quoted-printable"))


def empty_message(cx: Cx, frm: tuple) -> bytes:
    name, email = frm
    hs = envelope(cx, email, "mail.example.net", "198.51.100.31")
    hs += [("Date", cx.rfcdate), ("From", email), ("To", STATEMENT), ("Message-ID", f"<{cx.hx('mid', 16)}@example.net>")]
    return message(hs, Part([], b""))


def bad_base64(cx: Cx, frm: tuple) -> bytes:
    """A text part whose base64 was mangled in transit: binary junk, stray characters, a line cut short."""
    import base64
    lines = base64.encodebytes(fake_bytes(cx.name, 900)).decode().split("\n")
    lines[3] = lines[3][:40] + "!!*~" + lines[3][44:]
    lines[7] = lines[7][:51]
    lines[9] = "=" + lines[9][1:]
    hs = envelope(cx, frm[1], f"mail.{frm[1].split('@')[1]}", "198.51.100.58")
    hs += [("From", addr(*frm)), ("Content-Type", "text/plain;\n\tcharset=utf-8"),
           ("Content-Transfer-Encoding", "base64"), ("Mime-Version", "1.0 (1.0)"), ("Date", cx.rfcdate),
           ("Subject", "(no subject)"), ("Message-Id", f"<{cx.uuid('mid')}@{frm[1].split('@')[1]}>"),
           ("To", STATEMENT), ("X-Mailer", "iPhone Mail (21D61)")]
    return message(hs, Part([], "\n".join(lines).encode()))


UNKNOWN = [
    mail("en", "spam-html", "unknown", C(), spam_html, frm=("Influencer Growth Team", "offers@brandboost.example.com"),
         subject="Get 500 verified endorsements for your brand 🚀",
         html_body="<html><body><h2>Endorsements sell!</h2><p>Our network of celebrities and influencers will endorse "
                   "your product in 48 hours. Thousands of brands already trust us.</p><p><a href=\"http://brandboost."
                   "example.com/offer\">Claim 70% OFF today</a></p><p style=\"font-size:9px\">You received this email "
                   "because your address is listed publicly.</p></body></html>\n"),
    mail("en", "empty", "unknown", C(), empty_message, frm=(None, "someone@example.net")),
    mail("en", "bad-base64", "unknown", C(), bad_base64, frm=("Kevin Ly", "kevin.ly@example.com")),
    mail("en", "outlook", "unknown", C(), outlook, tz=7, frm=("Maya Putri", "maya.putri@climatejustice.example.org"),
         subject="Invitation: webinar on climate finance in Southeast Asia, 5 March",
         body="""Dear colleagues,

Climate Justice Network invites you to a webinar on climate finance in Southeast Asia on 5 March, 14:00 Jakarta time. Speakers from Indonesia, the Philippines and Vietnam will present their research.

Registration: https://climatejustice.example.org/webinar

Best regards,
Maya Putri"""),
    mail("zh", "foxmail-gb2312", "unknown", C(), foxmail, frm=("网站优化", "seo@rank-fast.example.com"),
         subject="网站优化推广服务",
         body="您好！\n\n我们专业提供网站优化、谷歌排名、外贸推广服务，三个月首页，不上首页不收费。\n\n详情请回复本邮件。\n"),
    mail("en", "phishing", "unknown", C(), spam_html, frm=("IT Support", "it-support@mailadmin.example.com"),
         subject="Action required: your mailbox storage is full",
         html_body="<html><body><p>Dear user,</p><p>Your mailbox <b>statement@example.org</b> has exceeded its storage "
                   "limit. Incoming messages will be returned to the sender (bounced) until you verify your account."
                   "</p><p><a href=\"http://mailadmin.example.com/verify\">Verify now</a></p><p>IT Support</p></body>"
                   "</html>\n"),
    mail("en", "iphone-image-only", "unknown", C(), iphone, frm=("Ahmad Fauzi", "ahmad.fauzi@example.com"),
         subject="Fwd:", body="",
         attachments=(("image/jpeg", "IMG_4821.jpeg", fake_jpeg("poster", 40_000)),)),
    mail("en", "gmail", "unknown", C(), gmail, tz=0, frm=("Maya Cohen", "maya.cohen@example.com"),
         subject="thank you", body="Thank you for sending this. I shared it with my friends.\n\nIn solidarity,\nMaya"),
    mail("en", "thunderbird", "unknown", C(), thunderbird, tz=8, frm=("Jason Lee", "jason.lee@bannerprint.example.com"),
         subject="Custom protest banners and flags – 20% off",
         body="Hi there,\n\nWe print custom banners, flags and placards for rallies, with delivery across Malaysia and Singapore in 3 days. This month 20% off for all community groups.\n\nReply to get a quote!\n\nJason Lee\nBannerPrint"),
]


# =========================================================================== main

CASES = (ENDORSEMENTS + WITHDRAWALS + INQUIRIES + CONFIRMATIONS + SUBSCRIPTIONS + UNSUBSCRIPTIONS + AUTO_REPLIES
         + BOUNCES + UNKNOWN)
BASE = datetime(2024, 2, 19, 1, 0, tzinfo=timezone.utc)


def corpus_name(i: int, case: Case) -> str:
    return f"{i:03d}-{case.shape}-{case.lang}.eml"


def main() -> None:
    out = HERE / "corpus"
    for old in out.glob("*.eml"):
        old.unlink()
    expected, manifest = build(CASES, out, BASE, 37, corpus_name)
    with open(out / "manifest.tsv", "w", encoding="utf-8") as f:
        f.write("file\tkind\tlanguage\tshape\tbytes\n")
        for row in manifest:
            f.write("\t".join(str(x) for x in row) + "\n")
    import make_seed
    make_seed.main()
    print(f"corpus: {len(expected)} messages in {out}")


if __name__ == "__main__":
    main()
