"""Generate the THIRD held-out labelled corpus: tests/data/heldout3/*.eml, expected.json and manifest.tsv.

Run `python tests/data/heldout3/make_heldout3.py` (stdlib only; deterministic: the same bytes on every run). It
writes the files, then checks them and exits non-zero when a check fails; `--check` only checks what is on disk.
With pycountry importable (the project's venv), country_text is also compared with pycountry.

What it is for: honest final figures. The authors of the classifier never look at these messages and never tune
on them. If a message here is misread, report the figure; do not "fix" the code against it, and never change a
label to match a parser. The labels were written from the messages' meaning by someone who did not read mailer/ or
storage/.

Everything here is new: organizations, short names, people, sender addresses, wording and most countries. The
checks refuse any organization, short name, person, address or sentence of 30+ characters (and any run of seven
words) found in the string literals of tests/data/make_corpus.py, tests/data/make_seed.py,
tests/data/heldout/make_heldout.py or tests/data/heldout2/make_heldout2.py. Exempt are only the campaign's fixed
identity: the statement's title, the desk's name and address, and the coordinators' addresses.

Labels follow the LABELLING RULES in tests/data/make_corpus.py's docstring and the decisions listed in the
docstrings of tests/data/heldout/make_heldout.py and tests/data/heldout2/make_heldout2.py, exactly. Cases this
corpus adds were decided as follows (written so that no other reading is reasonable):
- an organization name broken over two lines by a hard-wrapping client is one name (labelled with one space).
- "Singapura" (ms), "Bénin", "Sénégal", "Moçambique", "Brasil", "Pilipinas", "ไทย" are country names in the
  message's language; "Windhoek" in "Windhoek Youth Housing Movement (WYHM), Namibia" adds nothing: the country
  is the one written.
- a signature giving "Apia, Samoa" after "Yes, we sign" makes the signature's organization the endorser (as a
  signature-only endorsement); the country comes from the signature.
- "de l'" in "Au nom de l'Union syndicale ..." and "da" in "retirem o nome da Associação ..." are contracted
  articles: dropped. A lower-case "el" mid-sentence ("el Colectivo de Muralistas Populares") is the prose's article.
- three organizations passed on in one message by a network contact: organization fields null, needs_review.
- the form's organization wins over a different one in the signature (needs_review); the signature's abbreviation
  is not a short name.
- a message saying "our association endorsed the statement ... has it reached you?" asks a question: inquiry.
  So does "our federation will probably vote to sign at its congress; will the list still be open?".
- asking to stop the weekly recap while saying the collective stays a signatory is unsubscribe.
- "thank you for listing us" with no request is unknown, as is a personal note sent to the wrong address.
- an out-of-office reply, even with a confirmation token in its subject, is an auto_reply; a mailing-list post
  quoting an endorsement is an auto_reply.
"""

from __future__ import annotations

import base64
import html
import sys
from datetime import datetime, timezone
from functools import partial
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE.parent
sys.path.insert(0, str(DATA))

from labelcheck import HeldOut, case, org_label, who  # noqa: E402
from mailshapes import (  # noqa: E402
    STATEMENT, Cx, Part, addr, apple, delivery_status, desk_out, envelope, ew, fake_bytes, fake_docx, fake_pdf,
    fwd_gmail, fwd_outlook, gmail, groups_post, iphone, leaf, message, multipart, oe, outlook, plain, quoted, report,
    responder, server_text, sub, thunderbird, token, webmail, yahoo,
)

# pycountry's common_name, else name (compared with pycountry when it is importable)
COUNTRY_TEXT = {
    "AO": "Angola", "BE": "Belgium", "BJ": "Benin", "BR": "Brazil", "BW": "Botswana", "CA": "Canada", "CL": "Chile",
    "CR": "Costa Rica", "EC": "Ecuador", "ID": "Indonesia", "JM": "Jamaica", "MY": "Malaysia", "MZ": "Mozambique",
    "NA": "Namibia", "PG": "Papua New Guinea", "PH": "Philippines", "SG": "Singapore", "SL": "Sierra Leone",
    "SN": "Senegal", "TH": "Thailand", "WS": "Samoa", "ZW": "Zimbabwe",
}

TZ_HOURS = {"en": 0, "id": 7, "ms": 8, "tl": 8, "th": 7, "fr": 1, "es": -4, "pt": -3}

# the campaign's fixed identity (exempt from the reuse check)
TITLE = "Joint Statement of the Southeast Asian Left Organizations: End the genocide! Solidarity with Palestine!"
DESK_NAME = "Joint Statement Desk"
DESK = f"{DESK_NAME} <{STATEMENT}>"
COORD1 = ("Siti Rahayu Wulandari", "coord1@example.org")
COORD2 = ("Marlon Dizon", "coord2@example.org")
PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


org = partial(org_label, COUNTRY_TEXT)  # the label of an endorsement or a withdrawal
DESK_RELAY = ("desk-worker2.example.org", "192.0.2.27", "relay3.example.org", "4W")  # how the desk's mail left


CALL = """Dear friends,

A last call for the Gaza statement: we will hand it to the embassies on
Monday 11 March, so the list of signatories closes on Saturday 9 March.

If your group has not yet signed, a single line in reply is enough:
the organisation's name, its acronym if it has one, and the country.

In solidarity,
Siti
SEA Left coordination"""
CALL_SUBJECT = "Last call: Gaza statement closes Saturday 9 March"
CALL_ID = "<CAPz7lastcall-sealeft-0304@mail.gmail.com>"


def tok(seed: str) -> str:
    return token("heldout3/" + seed)


def request_snip(contact: str | None, listing: str, t: str, lead: str = "Thank you for endorsing") -> str:
    """The desk's confirmation request as a replier's client quotes it, cut short by the replier."""
    hello = f"Hello {contact}," if contact else "Hello,"
    return f"""{hello}

{lead} "{TITLE}".

[...]

    {listing}

[...]

Reference: {t}"""


# =========================================================================== endorsements

ENDORSEMENTS = [
    # ----------------------------------------------------------------- English
    case("en", "gmail", "endorsement",
         org("Kingston Dockside Vendors Cooperative", "KDVC", "JM", email="kdvc.office@example.org",
             name="Marcia Grant-Bailey"), gmail, tz=-5,
         frm=("Delroy Hutchinson", "delroy.h@example.com"), subject="KDVC sign-on",
         body="""Greetings from Kingston,

Our cooperative voted yesterday to add its name to the joint statement. Here are the details you asked for:

Organization: Kingston Dockside Vendors Cooperative
Short name: KDVC
Country: Jamaica
Contact person: Marcia Grant-Bailey
Email: kdvc.office@example.org

One love, and free Palestine."""),

    case("en", "outlook-1252", "endorsement", org("Harare Informal Traders Forum", "HITF", "ZW"), outlook, tz=2,
         region="eurprd07", frm=("Tendai Mupfumira", "tendai.m@hitf.example.org"), charset="Windows-1252",
         subject="Endorsement – Harare Informal Traders Forum",
         body="""Dear coordinators,

We, the Harare Informal Traders Forum (HITF), Zimbabwe, endorse the joint statement “End the genocide! Solidarity with Palestine!”. Our members sell in streets that the police clear every month; we know what it means to be pushed off your land.

Kind regards,""", sig="Tendai Mupfumira\nSecretary for External Affairs\nHarare Informal Traders Forum"),

    case("en", "thunderbird", "endorsement", org("Gaborone Nurses Solidarity Circle", "GNSC", "BW"), thunderbird,
         tz=2, os_="win", frm=("Kagiso Mothibi", "kagiso.mothibi@example.net"), subject="GNSC endorsement",
         body="""Dear friends,

Gaborone Nurses Solidarity Circle (GNSC), Botswana, adds its voice to the joint statement and endorses it in full. Health workers in Gaza are being killed at their posts and we will not stay silent.

In solidarity,
Kagiso Mothibi
Chairperson, GNSC"""),

    case("en", "apple-signature", "endorsement", org("Apia Seafarers Welfare Union", None, "WS"), apple, tz=13,
         frm=("Losa Tuilagi", "losa.tuilagi@example.org"), subject="Re: the Palestine statement",
         body="Talofa lava,\n\nYes, we sign. Put our name down with the others, and thank you for carrying this "
              "across the region.",
         sig="Losa Tuilagi\nGeneral Secretary\nApia Seafarers Welfare Union\nApia, Samoa"),

    # needs review: a person for herself
    case("en", "iphone", "endorsement", org(None, review=True), iphone, tz=1,
         frm=("Ingrid Solberg", "ingrid.solberg@example.net"), subject="my signature",
         body="Hi, I'd like to sign this myself, as a private person: Ingrid Solberg, retired midwife, Bergen, "
              "Norway. I don't belong to any group. Thanks for the work you're all doing"),

    # needs review: no country; the name is broken over two lines by the writer's client
    case("en", "mutt-wrapped", "endorsement", org("Eastside Bus Drivers Mutual Aid Group", None, None, review=True),
         plain, tz=0, wrap=False, frm=("Dave Pritchard", "dave.pritchard@example.org"),
         subject="endorsement from the bus drivers",
         body="""Hello,

At our branch meeting on Tuesday the Eastside Bus Drivers Mutual Aid
Group agreed, without a single vote against, to endorse the statement
on Gaza. Several of our drivers have family in the region.

Cheers,
Dave (branch secretary)"""),

    case("en", "gmail-reply", "endorsement", org("Windhoek Youth Housing Movement", "WYHM", "NA"), gmail, tz=2,
         frm=("Ndapewa Shikongo", "ndapewa.s@wyhm.example.org"), to=addr(*COORD1), cc=STATEMENT,
         subject="Re: " + CALL_SUBJECT, in_reply_to=CALL_ID,
         body="Please list us:\n\nWindhoek Youth Housing Movement (WYHM), Namibia\n\nThanks! N.",
         quote=quoted("On Mon, Mar 4, 2024 at 8:30 AM Siti Rahayu Wulandari <coord1@example.org> wrote:", CALL)),

    case("en", "outlook-forward", "endorsement",
         org("Freetown Okada Riders Union", "FORU", "SL", email="aminata.kamara@foru.example.org",
             name="Aminata Kamara"), outlook, tz=8, locale="en-PH", frm=COORD2,
         subject="FW: Endorsement from Freetown", body="Adding this one to the list, thanks.\n\nMarlon",
         mentions=("Marlon Dizon",),
         quote=fwd_outlook("Aminata Kamara <aminata.kamara@foru.example.org>", "Tuesday, March 5, 2024 4:12 PM",
                           "Marlon Dizon <coord2@example.org>", "Endorsement from Freetown",
                           """Dear Marlon,

As promised at the webinar: the Freetown Okada Riders Union (FORU) in Sierra Leone endorses the joint statement. Our executive signed off on it this morning.

Best,
Aminata Kamara
FORU Women's Desk""", rule=True)),

    case("en", "yahoo-html-only", "endorsement", org("Port Moresby Settlers Rights Committee", "PMSRC", "PG"), yahoo,
         tz=10, html_only=True, frm=("Gabriel Kaupa", "gkaupa@example.net"), subject="PMSRC endorses",
         body="Dear comrades,\n\nThe Port Moresby Settlers Rights Committee (PMSRC) of Papua New Guinea endorses the "
              "joint statement. Evictions here and bombs there come from the same logic.\n\nGabriel Kaupa\nPMSRC"),

    # ----------------------------------------------------------------- Bahasa Indonesia
    case("id", "gmail", "endorsement",
         org("Serikat Tani Nelayan Halmahera", "STNH", "ID", email="stnh.halmahera@example.org",
             name="Hendrik Tuhumury"), gmail, tz=9, frm=("Hendrik Tuhumury", "hendrik.tuhumury@example.com"),
         subject="Dukungan STNH untuk pernyataan bersama",
         body="""Salam solidaritas,

Dengan ini kami menyatakan dukungan terhadap pernyataan bersama untuk Palestina. Data organisasi kami:

Nama organisasi: Serikat Tani Nelayan Halmahera
Singkatan: STNH
Negara: Indonesia
Kontak: Hendrik Tuhumury
Surel: stnh.halmahera@example.org

Hormat kami,"""),

    case("id", "gmail-android", "endorsement",
         org("Aliansi Mahasiswa Peduli Kemanusiaan Makassar", "AMPKM", "ID"), gmail, tz=8, android=True,
         frm=("Andi Nurfadillah", "andinurfadillah@example.com"), subject="ikut dukung",
         body="Assalamualaikum kak, Aliansi Mahasiswa Peduli Kemanusiaan Makassar (AMPKM) dari Indonesia ikut "
              "mendukung pernyataan bersama ini ya. Semoga Palestina segera merdeka 🇵🇸\n\nAndi"),

    # needs review: the real text only in the attached letter, nothing about the organization in the body
    case("id", "outlook-attachment", "endorsement", org(None, review=True), outlook, tz=9, locale="id-ID",
         html_lang="IN", frm=("Yohana Wenda", "yohana.wenda@example.org"), subject="Surat dukungan",
         body="Yth. panitia,\n\nBersama email ini kami lampirkan surat pernyataan dukungan dari lembaga kami (PDF, "
              "sudah ditandatangani dan distempel).\n\nSalam,\nYohana",
         attachments=((PDF, "Surat_Dukungan_Palestina.pdf", fake_pdf("heldout3-wenda", "Surat dukungan")),)),

    # ----------------------------------------------------------------- Malay
    case("ms", "gmail", "endorsement",
         org("Gabungan Peneroka Bandar Sabah", "GAPBAS", "MY", email="gapbas.sabah@example.org",
             name="Mohd Azrul Hisham bin Jaafar"), gmail,
         frm=("Azrul Hisham", "azrul.hisham@example.com"), subject="Sokongan GAPBAS",
         body="""Salam sejahtera,

Pertubuhan kami ingin menyokong kenyataan bersama tentang Gaza. Maklumat seperti di bawah:

Nama pertubuhan: Gabungan Peneroka Bandar Sabah
Singkatan: GAPBAS
Negara: Malaysia
Nama: Mohd Azrul Hisham bin Jaafar
E-mel: gapbas.sabah@example.org

Terima kasih."""),

    case("ms", "outlook", "endorsement", org("Persatuan Pemandu Lori Johor", "PPLJ", "MY"), outlook, locale="ms-MY",
         frm=("Kavitha Subramaniam", "kavitha.s@pplj.example.org"), subject="Sokongan kenyataan bersama (PPLJ)",
         body="""Dengan segala hormatnya,

Persatuan Pemandu Lori Johor (PPLJ), Malaysia, menyatakan sokongan terhadap kenyataan bersama tersebut. Ahli-ahli kami bersetuju sebulat suara dalam mesyuarat agung tahunan.

Sekian, terima kasih.""", sig="Kavitha Subramaniam\nSetiausaha Agung, PPLJ\nJohor Bahru"),

    case("ms", "iphone", "endorsement", org("Kumpulan Belia Kampung Gelam", None, "SG"), iphone,
         frm=("Nur Syafiqah", "syafiqah.ks@example.com"), subject="Sokongan",
         body="Salam. Kami, Kumpulan Belia Kampung Gelam dari Singapura, ingin menyokong kenyataan bersama ini. "
              "Terima kasih atas usaha kawan-kawan semua."),

    # ----------------------------------------------------------------- Tagalog
    case("tl", "gmail", "endorsement",
         org("Alyansa ng mga Mangingisda sa Bicol", "ALMABIK", "PH", name="Ramil D. Bautista"), gmail,
         frm=("Ramil Bautista", "ramil.bautista@example.com"), subject="Pag-endorso ng ALMABIK",
         body="""Magandang hapon po sa inyo,

Nais po naming lumagda sa pinagsamang pahayag. Heto po ang aming detalye:

Pangalan ng organisasyon: Alyansa ng mga Mangingisda sa Bicol
Daglat: ALMABIK
Bansa: Pilipinas
Pangalan: Ramil D. Bautista

Salamat po nang marami, at laya para sa Palestina!"""),

    case("tl", "thunderbird", "endorsement", org("Kilusan ng mga Manggagawang Bukid sa Tarlac", "KMBT", "PH"),
         thunderbird, os_="win", frm=("Lorna Macaraeg", "lorna.macaraeg@kmbt.example.org"), subject="KMBT lumalagda",
         body="""Mga kasama,

Ang Kilusan ng mga Manggagawang Bukid sa Tarlac (KMBT), Pilipinas, ay buong-pusong sumusuporta at lumalagda sa joint statement. Mula sa mga tubuhan ng Tarlac hanggang Gaza, iisa ang laban.

Lorna Macaraeg
KMBT"""),

    # needs review: three organizations in one message
    case("tl", "outlook-web", "endorsement", org(None, review=True), outlook, web=True, locale="en-PH",
         frm=("Jenny Villanueva", "jenny.villanueva@example.com"), subject="pirma ng tatlong grupo sa Cebu",
         mentions=("Samahan ng mga Habal-Habal Drivers sa Mandaue", "SHDM", "Kababaihan para sa Kapayapaan - Cebu",
                   "KAPAYA", "Cebu Urban Poor Youth Assembly", "CUPYA"),
         body="""Hi po,

Ipinapasa ko po ang pirma ng tatlong grupo sa Cebu na kasama namin sa network:

1. Samahan ng mga Habal-Habal Drivers sa Mandaue (SHDM)
2. Kababaihan para sa Kapayapaan - Cebu (KAPAYA)
3. Cebu Urban Poor Youth Assembly (CUPYA)

Lahat po ay mula sa Pilipinas. Salamat po!

Jenny"""),

    # ----------------------------------------------------------------- Thai
    case("th", "gmail", "endorsement",
         org("เครือข่ายแรงงานข้ามชาติแม่สอด", "MMWN", "TH", email="mmwn.maesot@example.org", name="พิมพ์ชนก ทองสุข"),
         gmail, frm=("พิมพ์ชนก ทองสุข", "arunee.k@example.com"), subject="ลงนามแถลงการณ์ MMWN",
         body="""สวัสดีค่ะ

กลุ่มเราขอลงชื่อรับรองแถลงการณ์เรื่องกาซาค่ะ

ชื่อองค์กร: เครือข่ายแรงงานข้ามชาติแม่สอด
ชื่อย่อ: MMWN
ประเทศ: ไทย
ผู้ติดต่อ: พิมพ์ชนก ทองสุข
อีเมล: mmwn.maesot@example.org

ขอบคุณค่ะ"""),

    case("th", "outlook", "endorsement", org("สหภาพคนขับรถรับจ้างขอนแก่น", None, "TH"), outlook, locale="th-TH",
         html_lang="TH", frm=("ประสิทธิ์ ศรีสุข", "prasit.s@kkdriver.example.org"), subject="ขอร่วมลงนาม",
         body="""เรียน ผู้ประสานงาน

สหภาพคนขับรถรับจ้างขอนแก่น ประเทศไทย ขอร่วมลงนามสนับสนุนแถลงการณ์ฉบับนี้ เพราะเราเชื่อว่าชีวิตพลเรือนในกาซาต้องได้รับการปกป้อง

ด้วยความเคารพ
ประสิทธิ์ ศรีสุข
ประธานสหภาพ"""),

    case("th", "roundcube-html", "endorsement", org("Bangkok Queer Workers Collective", "BQWC", "TH"), webmail,
         frm=("Natthida Chaiyaporn", "natthida@bqwc.example.org"), subject="BQWC ร่วมลงชื่อ",
         body="สวัสดีค่ะ ทีมงาน\n\nBangkok Queer Workers Collective (BQWC), Thailand ยินดีร่วมลงชื่อในแถลงการณ์ค่ะ "
              "no pride in genocide!\n\nณัฐธิดา"),

    # ----------------------------------------------------------------- French
    case("fr", "gmail", "endorsement",
         org("Collectif des vendeuses de poisson de Rufisque", "CVPR", "SN", email="cvpr.rufisque@example.org",
             name="Adama Ndiaye"), gmail, tz=0, frm=("Ousmane Diouf", "ousmane.diouf@example.com"),
         subject="Signature CVPR",
         body="""Bonjour à toute l'équipe,

Le collectif a décidé en assemblée de signer la déclaration commune. Voici nos informations :

Nom de l'organisation : Collectif des vendeuses de poisson de Rufisque
Sigle : CVPR
Pays : Sénégal
Nom : Adama Ndiaye
Courriel : cvpr.rufisque@example.org

Bien à vous,
Ousmane"""),

    case("fr", "outlook", "endorsement", org("Union syndicale des dockers de Cotonou", "USDC", "BJ"), outlook, tz=1,
         locale="fr-FR", html_lang="FR", region="eurprd07",
         frm=("Codjo Houngbédji", "codjo.houngbedji@usdc.example.org"), subject="Signature de la déclaration",
         body="""Mesdames, Messieurs,

Au nom de l'Union syndicale des dockers de Cotonou (USDC), Bénin, nous avons l'honneur de vous informer que nous signons la déclaration commune. Nos camarades du port suivent avec douleur ce qui se passe à Gaza.

Veuillez recevoir nos salutations militantes,""", sig="Codjo Houngbédji\nSecrétaire général adjoint, USDC"),

    # needs review: no country (Grenoble is not a capital)
    case("fr", "thunderbird", "endorsement", org("Collectif antiimpérialiste de Grenoble", None, None, review=True),
         thunderbird, tz=1, frm=("Pauline Rivière", "pauline.riviere@example.org"), subject="signature",
         body="Bonsoir,\n\nNous, Collectif antiimpérialiste de Grenoble, signons avec enthousiasme le texte "
              "commun. Tenez-nous au courant de la suite.\n\nPauline"),

    # ----------------------------------------------------------------- Spanish
    case("es", "gmail", "endorsement",
         org("Sindicato de Trabajadores Bananeros de Limón", "SITRABAL", "CR", email="sitrabal.limon@example.org",
             name="Yorleny Campos Mora"), gmail, tz=-6, frm=("Yorleny Campos", "yorleny.campos@example.com"),
         subject="Adhesión SITRABAL",
         body="""Buenas tardes,

Les escribo para sumar a nuestra organización a la declaración conjunta.

Organización: Sindicato de Trabajadores Bananeros de Limón
Siglas: SITRABAL
País: Costa Rica
Nombre: Yorleny Campos Mora
Correo: sitrabal.limon@example.org

Pura vida y Palestina libre."""),

    case("es", "outlook", "endorsement", org("Colectivo de Muralistas Populares", "CMP", "EC"), outlook, tz=-5,
         locale="es-EC", html_lang="ES-EC", region="namprd03",
         frm=("Santiago Guamán", "santiago.guaman@cmp.example.org"), subject="Firma del CMP",
         body="""Estimadas compañeras y compañeros:

Desde Quito, el Colectivo de Muralistas Populares (CMP) de Ecuador firma la declaración conjunta. Ya estamos pintando un mural por Palestina en el barrio La Tola.

Un abrazo fraterno,""", sig="Santiago Guamán\nColectivo de Muralistas Populares"),

    case("es", "gmail-forward", "endorsement",
         org("Asamblea de Inquilinos de Valparaíso", "AIV", "CL", email="javiera.munoz@aiv.example.org",
             name="Javiera Muñoz"), gmail, tz=7, frm=COORD1, subject="Fwd: Adhesión Asamblea de Inquilinos",
         mentions=("Siti Rahayu Wulandari",),
         body=fwd_gmail("Javiera Muñoz <javiera.munoz@aiv.example.org>", "mar, 5 mar 2024 a las 11:02",
                        "Adhesión Asamblea de Inquilinos", "<coord1@example.org>",
                        """Hola Siti,

La Asamblea de Inquilinos de Valparaíso (AIV), Chile, adhiere a la declaración conjunta. Disculpa que llegue a tu correo personal.

Saludos,
Javiera Muñoz
AIV""", intro="Me llegó esta adhesión al correo personal, la sumo a la lista.", lang="es")),

    # ----------------------------------------------------------------- Portuguese
    case("pt", "gmail", "endorsement",
         org("Coletivo de Agricultoras do Vale do Jequitinhonha", "CAVJ", "BR", email="cavj.coletivo@example.org",
             name="Cleonice Aparecida Souza"), gmail, frm=("Cleonice Aparecida", "cleo.aparecida@example.com"),
         subject="Assinatura do CAVJ",
         body="""Olá, companheiras e companheiros!

Nosso coletivo quer assinar a declaração conjunta. Seguem os dados:

Nome da organização: Coletivo de Agricultoras do Vale do Jequitinhonha
Sigla: CAVJ
País: Brasil
Nome: Cleonice Aparecida Souza
E-mail: cavj.coletivo@example.org

Saudações!"""),

    case("pt", "thunderbird", "endorsement", org("Liga dos Estivadores de Luanda", "LEL", "AO"), thunderbird, tz=1,
         os_="win", frm=("Domingos Kiala", "domingos.kiala@lel.example.org"), subject="Subscrição da declaração",
         body="""Caros camaradas,

A Liga dos Estivadores de Luanda (LEL), Angola, subscreve a declaração conjunta e saúda todos os povos que resistem.

Com os melhores cumprimentos,
Domingos Kiala
Secretário da LEL"""),

    # needs review: the form and the signature name different organizations
    case("pt", "outlook", "endorsement",
         org("Movimento de Jovens Camponeses de Nampula", "MJCN", "MZ", review=True), outlook, tz=2, locale="pt-PT",
         frm=("Anselmo Muianga", "anselmo.muianga@example.org"), subject="Adesão à declaração conjunta",
         mentions=("União Provincial de Camponeses de Nampula", "UPCN"),
         body="""Saudações,

Vimos por este meio aderir à declaração conjunta.

Organização: Movimento de Jovens Camponeses de Nampula
Sigla: MJCN
País: Moçambique

Atenciosamente,""", sig="Anselmo Muianga\nCoordenador\nUnião Provincial de Camponeses de Nampula (UPCN)"),
]


# =========================================================================== withdrawals

WITHDRAWALS = [
    case("en", "outlook", "withdrawal", org("Hamilton Steelworkers Solidarity Committee", "HSSC", "CA"), outlook,
         tz=-5, region="namprd03", frm=("Priya Raghunathan", "priya.r@hssc.example.org"),
         subject="Withdrawing our endorsement",
         body="""Hello,

I'm writing on behalf of the Hamilton Steelworkers Solidarity Committee (HSSC), Canada. We are pulling our name from the joint statement, so please delete it from the published list of signatories. Our local's executive has decided it needs a full membership vote first.

Apologies for the trouble,
Priya"""),

    case("id", "gmail", "withdrawal", org("Perhimpunan Buruh Pelabuhan Bitung", "PERBUPEL", "ID"), gmail, tz=8,
         frm=("Steven Mamahit", "steven.mamahit@example.com"), subject="Pencabutan dukungan",
         body="""Selamat malam,

Mohon maaf, kami dari Perhimpunan Buruh Pelabuhan Bitung (PERBUPEL), Indonesia, ingin mencabut dukungan kami atas pernyataan bersama. Tolong hapus nama kami dari daftar penandatangan.

Terima kasih,
Steven"""),

    case("pt", "outlook-web", "withdrawal", org("Associação de Moradores do Morro da Providência", "AMMP", "BR"),
         outlook, web=True, locale="pt-BR", region="namprd03",
         frm=("Rosângela Ferreira", "rosangela.ferreira@ammp.example.org"), subject="Retirada de assinatura",
         body="""Prezados,

Pedimos que retirem o nome da Associação de Moradores do Morro da Providência (AMMP), Brasil, da lista de signatários. A diretoria decidiu não assinar documentos internacionais neste ano eleitoral.

Atenciosamente,
Rosângela Ferreira"""),

    case("fr", "thunderbird", "withdrawal", org("Comité Gaza Liège", "CGL", "BE"), thunderbird, tz=1,
         frm=("Wouter Claes", "wouter.claes@cgl.example.org"), subject="Retrait",
         body="Bonjour,\n\nLe Comité Gaza Liège (CGL), Belgique, retire sa signature du texte commun : notre "
              "coordination n'avait pas été consultée. Merci de supprimer notre nom.\n\nWouter Claes"),
]


# =========================================================================== inquiries

INQUIRIES = [
    # hard negative: "endorsed", but the message asks whether it arrived
    case("en", "gmail", "inquiry", who(), gmail, tz=1, frm=("Olumide Adeyemi", "olumide.adeyemi@example.com"),
         subject="did our endorsement arrive?",
         body="""Hi,

Our association endorsed the statement by email on 27 February, but we haven't had any reply or confirmation link yet and our name isn't on the website. Could you check whether our message reached you? It was sent from our secretary's address.

Thanks,
Olumide"""),

    # hard negative: a reporter asks how many have endorsed
    case("en", "outlook", "inquiry", who(), outlook, tz=0, region="eurprd07",
         frm=("Hannah Brierley", "h.brierley@northernvoice.example.com"), subject="Press enquiry: Gaza statement",
         mentions=("Northern Voice",),
         body="""Good afternoon,

I'm a reporter with the Northern Voice and am writing a piece on the statement. How many organisations have endorsed it so far, and from how many countries? Is anyone from the coordination available for a short phone call on Thursday?

Best wishes,
Hannah Brierley"""),

    # hard negative: can a group without legal status sign?
    case("es", "gmail", "inquiry", who(), gmail, tz=-6, frm=("Tomás Arévalo", "tomas.arevalo@example.com"),
         subject="pregunta sobre la firma",
         body="""Hola,

Somos un colectivo barrial sin personería jurídica en Tegucigalpa. ¿Podemos firmar igual la declaración o tiene que ser una organización registrada? Si se puede, les mandamos los datos.

Saludos,
Tomás"""),

    case("tl", "iphone", "inquiry", who(), iphone, frm=("Mary Grace Tolentino", "marygrace.tolentino@example.com"),
         subject="salin sa Bisaya",
         body="Hello po! Puwede po bang makahingi ng kopya ng pahayag sa Cebuano o Bisaya? Marami po sa mga miyembro "
              "namin ang hindi komportable sa Ingles. Salamat po!"),

    # hard negative: a correction of an already published name
    case("ms", "outlook", "inquiry", who(), outlook, locale="ms-MY",
         frm=("Hafizah Osman", "hafizah.osman@psnk.example.org"), subject="Pembetulan nama dalam senarai",
         mentions=("Persatuan Suri Rumah Nelayan Kedah", "PSNK"),
         body="""Assalamualaikum,

Nama pertubuhan kami dalam senarai yang diterbitkan dieja salah: tertulis "Persatuan Suri Rumah Nelayan Kelantan". Yang betul ialah Persatuan Suri Rumah Nelayan Kedah (PSNK). Mohon dibetulkan.

Terima kasih,
Hafizah"""),

    case("th", "gmail", "inquiry", who(), gmail, frm=("ศุภชัย ปัญญาดี", "supachai.p@example.com"),
         subject="สอบถามเรื่องการลงชื่อ",
         body="สวัสดีครับ อยากทราบว่าบุคคลทั่วไปที่ไม่ได้สังกัดองค์กรใดสามารถร่วมลงชื่อในแถลงการณ์นี้ได้หรือไม่ครับ "
              "ถ้าได้ต้องส่งข้อมูลอะไรบ้างครับ ขอบคุณครับ"),

    # hard negative: will sign after a congress
    case("fr", "gmail", "inquiry", who(), gmail, tz=0, frm=("Mariama Baldé", "mariama.balde@example.org"),
         subject="Date limite ?",
         body="""Bonjour,

Notre fédération se réunit en congrès le 14 mars et votera sans doute pour la signature. La liste des signataires sera-t-elle encore ouverte à cette date ?

Merci d'avance,
Mariama Baldé"""),
]


# =========================================================================== confirmations

T_KDVC, T_STNH, T_CVPR, T_ALMA = tok("kdvc"), tok("stnh"), tok("cvpr"), tok("almabik")

CONFIRMATIONS = [
    # yes, token in the subject and the quote
    case("en", "gmail-reply", "confirmation", who(), gmail, tz=-5,
         frm=("Marcia Grant-Bailey", "kdvc.office@example.org"),
         subject=f"Re: KDVC sign-on [confirm {T_KDVC}]", in_reply_to="<heldout3-kdvc.confirm@example.org>",
         body="Yes, confirmed. That's us.\n\nMarcia",
         quote=quoted("On Wed, Mar 6, 2024 at 9:40 AM Joint Statement Desk <statement@example.org> wrote:",
                      request_snip("Marcia Grant-Bailey", "Kingston Dockside Vendors Cooperative (KDVC), Jamaica",
                                   T_KDVC))),

    # yes, token only in the To address
    case("id", "gmail", "confirmation", who(), gmail, tz=9, frm=("STNH Halmahera", "stnh.halmahera@example.org"),
         subject="Re: Dukungan STNH untuk pernyataan bersama", to=f"statement+{T_STNH}@example.org",
         in_reply_to="<heldout3-stnh.confirm@example.org>", body="Ya betul, itu dari kami. Terima kasih banyak."),

    # "no", token only in the quote
    case("fr", "thunderbird-reply", "confirmation", who(), thunderbird, tz=0,
         frm=("Adama Ndiaye", "cvpr.rufisque@example.org"), subject="Re: Signature CVPR",
         in_reply_to="<heldout3-cvpr.confirm@example.org>",
         body="Non, annulez s'il vous plaît. Notre bureau n'a pas encore validé la signature, nous vous réécrirons.",
         quote=quoted("Le 06/03/2024 à 10:02, Joint Statement Desk a écrit :",
                      request_snip("Adama Ndiaye", "Collectif des vendeuses de poisson de Rufisque (CVPR), Senegal",
                                   T_CVPR))),

    # yes, token in the subject only
    case("tl", "gmail-android", "confirmation", who(), gmail, android=True,
         frm=("Ramil Bautista", "ramil.bautista@example.com"), subject=f"Re: Pag-endorso ng ALMABIK [confirm {T_ALMA}]",
         in_reply_to="<heldout3-almabik.confirm@example.org>", body="Opo, kumpirmado po. Salamat!"),
]


# =========================================================================== subscribe / unsubscribe

SUBSCRIPTIONS = [
    case("en", "thunderbird", "subscribe", who(), thunderbird, tz=3, frm=("Esther Wambui", "esther.wambui@example.net"),
         subject="weekly updates",
         body="Hello, please add me to the weekly update list about the statement's signatories. Thank you!\n\nEsther"),
    case("es", "gmail", "subscribe", who(), gmail, tz=-3, frm=("Lucía Benítez", "lucia.benitez@example.com"),
         subject="suscripción", body="Hola, quisiera suscribirme al resumen semanal de adhesiones. Gracias.\n\nLucía"),
    case("id", "yahoo", "subscribe", who(), yahoo, frm=("Rizky Ramadhan", "rizky.ramadhan@example.com"),
         subject="berlangganan kabar mingguan",
         body="Halo, tolong masukkan alamat ini ke daftar penerima rangkuman tiap minggu soal para penanda tangan. "
              "Saya mau ikut memantau.\n\nRizky"),
]

UNSUBSCRIPTIONS = [
    case("en", "mutt", "unsubscribe", who(), plain, tz=0, frm=("Graham Fairweather", "graham.fw@example.net"),
         subject="Re: Weekly digest: 4 new signatories", in_reply_to="<heldout3-digest-w10@example.org>",
         body="unsubscribe",
         quote=quoted("On Mon, Mar 11, 2024 at 06:00:12AM +0000, Joint Statement Desk wrote:",
                      "New signatories this week (4):\n[...]")),
    # hard negative for withdrawal: the collective stays a signatory
    case("fr", "apple", "unsubscribe", who(), apple, tz=1, frm=("Élodie Marchand", "elodie.marchand@example.org"),
         subject="Récapitulatif hebdomadaire",
         body="Bonjour,\n\nMerci de ne plus m'envoyer le récapitulatif hebdomadaire. Notre collectif reste "
              "signataire, bien entendu.\n\nÉlodie"),
    case("tl", "gmail", "unsubscribe", who(), gmail, frm=("Arnel Pascual", "arnel.pascual@example.com"),
         subject="pakitanggal", body="Paki-unsubscribe po ako sa lingguhang update ninyo, hindi ko na po kailangan. Salamat."),
]


# =========================================================================== auto replies

T_GAP = tok("sitrabal")

AUTO_REPLIES = [
    case("en", "exchange-oof", "auto_reply", who(), outlook, tz=2, region="eurprd07",
         frm=("Tendai Mupfumira", "tendai.m@hitf.example.org"),
         subject="Automatic reply: Endorsement – Harare Informal Traders Forum",
         extra=(("X-Auto-Response-Suppress", "All"), ("Auto-Submitted", "auto-replied")),
         body="I am out of the office until 11 March with limited access to email. For anything urgent please call "
              "the HITF office on weekdays.\n\nTendai"),

    # a vacation reply to the confirmation request: the token in the subject changes nothing
    case("es", "gmail-vacation", "auto_reply", who(), gmail, tz=-6, frm=("SITRABAL Limón", "sitrabal.limon@example.org"),
         subject=f"Respuesta automática: Re: Adhesión SITRABAL [confirm {T_GAP}]",
         extra=(("Auto-Submitted", "auto-replied"),),
         body="Gracias por escribirnos. La oficina del sindicato permanece cerrada hasta el 18 de marzo por la "
              "huelga; responderemos a su regreso."),

    case("th", "sieve-vacation", "auto_reply", who(), responder, frm=("ณัฐธิดา ชัยพร", "natthida@bqwc.example.org"),
         subject="ตอบกลับอัตโนมัติ: BQWC ร่วมลงชื่อ", extra=(("Auto-Submitted", "auto-replied"),),
         text="ขณะนี้ดิฉันลาพักร้อนจนถึงวันที่ 15 มีนาคม จะตอบอีเมลเมื่อกลับมาค่ะ\n"),

    # a list post that quotes an endorsement
    case("ms", "groups-list", "auto_reply", who(), groups_post, group="rangkaian-pekerja-selatan",
         host="groups.example.net", frm=("Kavitha Subramaniam", "kavitha.s@pplj.example.org"),
         subject="PPLJ sudah sokong kenyataan Gaza",
         footer="Anda menerima mesej ini kerana melanggan kumpulan \"{group}\".\nUntuk berhenti, hantar emel ke "
                "{group}+unsubscribe@{host}.",
         text="""Rakan-rakan,

Untuk makluman, ini yang kami hantar kepada penyelaras minggu lepas:

> Persatuan Pemandu Lori Johor (PPLJ), Malaysia, menyatakan sokongan
> terhadap kenyataan bersama tersebut.

Kesatuan lain yang berminat boleh emel terus ke statement@example.org sebelum 9 Mac.

Kavitha"""),
]


# =========================================================================== bounces

def bounce_postfix(cx: Cx) -> bytes:
    """Postfix with an admin's own wording: a standard DSN returning a confirmation request with its token."""
    rcpt = "office@gnsc-bw.example.net"
    host = "mx.gnsc-bw.example.net"
    t = tok("gnsc")
    original = desk_out(sub(cx, "req", -3), rcpt, f"Please confirm: joint statement on Gaza [confirm {t}]",
                        request_snip(None, "Gaborone Nurses Solidarity Circle (GNSC), Botswana", t), t,
                        relay=DESK_RELAY)
    human = f"""Your message could not be handed over to one or more recipients
by the mail relay of {host}. It has been given up on.

For assistance, write to postmaster. Keep the attached report.

<{rcpt}>: host {host}[198.51.100.64] said: 550 5.1.1 <{rcpt}>:
    Recipient address rejected: no such mailbox here
"""
    return report(cx, frm=f"MAILER-DAEMON@{host} (Mail Delivery System)", subject="Returned mail: delivery failed permanently",
                  human=human, dsn_fields=delivery_status(cx, host, rcpt, "5.1.1",
                                                          f"550 5.1.1 <{rcpt}>: no such mailbox", remote=host,
                                                          arrival=-3),
                  original=original, before=envelope(cx, "", host, "198.51.100.64"),
                  boundary=f"{cx.hx('pf', 12).upper()}.{int(cx.date.timestamp())}/{host}")


def bounce_o365_es(cx: Cx) -> bytes:
    """Office 365 with a Spanish locale: recipient not found, a standard DSN with an HTML human part."""
    rcpt = "prensa@cmp-quito.example.org"
    original = desk_out(sub(cx, "ack", -2), rcpt, "Re: Firma del CMP",
                        "Gracias: el Colectivo de Muralistas Populares (CMP), Ecuador, figura ahora entre los "
                        "firmantes.\n\n--\nJoint Statement Desk\nstatement@example.org", relay=DESK_RELAY)
    human = f"""No se pudo entregar su mensaje a {rcpt} porque la dirección no existe en la organización de destino.

Compruebe que escribió bien la dirección o pida al destinatario una dirección actual.

Información de diagnóstico para administradores:
Servidor generador: CP4PR80MB{cx.num('srv', 4)}.lamprd80.prod.outlook.com
{rcpt}
El servidor remoto devolvió '550 5.1.1 RESOLVER.ADR.ExRecipNotFound; no existe'
"""
    html_ = "<html><body>" + "".join(f"<p>{html.escape(p)}</p>" for p in human.split("\n\n")) + "</body></html>\n"
    return report(cx, frm="Microsoft Outlook <MicrosoftExchange329e71ec88ae4615bbc36ab6ce41109e@cmp-quito.example.org>",
                  subject=ew("No se puede entregar: Re: Firma del CMP", "UTF-8", "Q"), human=human,
                  human_html=html_, human_charset="utf-8",
                  dsn_fields=delivery_status(cx, "CP4PR80MB0001.lamprd80.prod.outlook.com", rcpt, "5.1.1",
                                             "550 5.1.1 RESOLVER.ADR.ExRecipNotFound; no existe"),
                  original=original, headers_only=True, description=False,
                  before=envelope(cx, "", "mail-sn1nam02on2041.outbound.protection.outlook.com", "203.0.113.41"),
                  extra=(("Auto-Submitted", "auto-replied"), ("Content-Language", "es-ES"),
                         ("X-MS-Exchange-Message-Is-Ndr", "")), boundary=cx.uuid("o3", upper=False))


def bounce_exim_fr(cx: Cx) -> bytes:
    """Exim on a French shared host: plain text, no DSN part, the original pasted below the notice."""
    rcpt = "contact@grenoble-anti-imp.example.net"
    host = "srv14.hebergeur-solidaire.example.net"
    original = desk_out(sub(cx, "digest", -1), rcpt, "Weekly digest: 4 new signatories",
                        "New signatories this week (4):\n  - Comité Gaza Liège (CGL), Belgium\n[...]\n",
                        relay=DESK_RELAY)
    text = f"""Ce message a été créé par le serveur de courrier de {host}.

Il a été impossible de délivrer votre message au destinataire suivant,
et nous n'essaierons plus :

  {rcpt}
    le domaine n'a plus d'hébergement mail actif

------ Copie du message non distribué ci-dessous ------

""" + original.decode("utf-8")
    hs = envelope(cx, "", host, "198.51.100.214")
    hs += [("Date", cx.rfcdate), ("From", f"Mail Delivery System <Mailer-Daemon@{host}>"), ("To", STATEMENT),
           ("Subject", ew("Échec de distribution : message renvoyé à l'expéditeur", "UTF-8", "Q")),
           ("Message-Id", f"<E1r{cx.alnum('ex', 13)}@{host}>"), ("Auto-Submitted", "auto-replied"),
           ("MIME-Version", "1.0")]
    return server_text(cx, hs, text, "utf-8", "8bit")


def bounce_delayed_id(cx: Cx) -> bytes:
    """An Indonesian ISP's Postfix: a delayed (temporary) DSN, Indonesian human text, headers only."""
    rcpt = "pplj.johor@mailbox-lama.example.net"
    host = "mx2.mailbox-lama.example.net"
    t = tok("pplj-old")
    original = desk_out(sub(cx, "req", -250), rcpt, f"Please confirm: joint statement on Gaza [confirm {t}]",
                        request_snip(None, "Persatuan Pemandu Lori Johor (PPLJ), Malaysia", t), t,
                        relay=DESK_RELAY)
    human = f"""PEMBERITAHUAN SISTEM SURAT

Pesan Anda untuk {rcpt} belum dapat dikirim sejak
empat jam terakhir. Server akan terus mencoba hingga tiga hari.
Anda tidak perlu mengirim ulang pesan ini sekarang.

Alasan sementara: 451 4.2.0 server tujuan tidak merespons
"""
    return report(cx, frm=f"Sistem Surat <MAILER-DAEMON@{host}>", subject="Pesan tertunda (masih dicoba ulang)",
                  human=human, dsn_fields=delivery_status(cx, host, rcpt, "4.2.0", "451 4.2.0 no response from remote",
                                                          action="delayed", retry=True, arrival=-250),
                  original=original, headers_only=True, before=envelope(cx, "", host, "198.51.100.90"),
                  boundary=f"{cx.hx('dl', 12).upper()}.{int(cx.date.timestamp())}/{host}")


BOUNCES = [
    case("en", "postfix-dsn", "bounce", who(), bounce_postfix, tz=2, mentions=("office@gnsc-bw.example.net",)),
    case("es", "o365-dsn", "bounce", who(), bounce_o365_es, tz=-5),
    case("fr", "exim-text", "bounce", who(), bounce_exim_fr, tz=1),
    case("id", "postfix-delayed-dsn", "bounce", who(), bounce_delayed_id, tz=7),
]


# =========================================================================== unknown

def grant_spam(cx: Cx, frm: tuple, subject: str, html_body: str) -> bytes:
    name, mail_ = frm
    dom = mail_.split("@")[1]
    hs = envelope(cx, f"bnc-{cx.hx('sp', 10)}@{dom}", f"relay{cx.num('r', 3)}.massmailer.example.com",
                  "203.0.113.154")
    hs += [("Date", cx.rfcdate), ("From", addr(name, mail_)), ("To", STATEMENT),
           ("Subject", ew(subject, "UTF-8", "B")), ("Message-ID", f"<{cx.hx('mid', 28)}@{dom}>"),
           ("MIME-Version", "1.0"), ("X-Mailer", "SendBlaster 4")]
    return message(hs, leaf("text/html; charset=utf-8", html_body.encode(), "base64"))


UNKNOWN = [
    # hard negative: "statement of endorsement", "confirm"
    case("en", "spam-html", "unknown", who(), grant_spam,
         frm=("Solidarity Grants Office", "grants@solidarity-fund.example.com"),
         subject="💰 Your NGO qualifies for a USD 25,000 solidarity grant",
         html_body="<html><body><p>Dear Partner,</p><p>Your organisation qualifies for a one-time solidarity grant "
                   "of USD 25,000. To confirm eligibility, reply with a signed statement of endorsement from your "
                   "director and the account details for the transfer.</p><p>Processing fee: USD 180.</p>"
                   "<p>Grants Office</p></body></html>\n"),
    case("id", "gmail", "unknown", who(), gmail, frm=("Dewi Lestari Siregar", "dewi.siregar@example.com"),
         subject="terima kasih",
         body="Halo kawan-kawan, terima kasih sudah memuat nama kami di daftar. Sudah kami bagikan ke semua anggota. "
              "Semangat terus!\n\nDewi"),
    case("tl", "gmail-android", "unknown", who(), gmail, android=True, frm=("Jojo Manalastas", "jojo.manalastas@example.com"),
         subject="speaker", body="Pare, nasaan na yung hiniram mong speaker? Kailangan namin sa Sabado sa binyag ni bunso. "
                                 "Text mo ko."),
]


# =========================================================================== build

CASES = (ENDORSEMENTS + WITHDRAWALS + INQUIRIES + CONFIRMATIONS + SUBSCRIPTIONS + UNSUBSCRIPTIONS + AUTO_REPLIES
         + BOUNCES + UNKNOWN)
BASE = datetime(2024, 3, 1, 2, 0, tzinfo=timezone.utc)
STEP_MINUTES = 53

# the file name says which client, never which kind
SERVER_SHAPES = {"postfix-dsn", "o365-dsn", "exim-text", "postfix-delayed-dsn", "sieve-vacation", "groups-list",
                 "spam-html"}
FILE_CLIENT = {"exchange-oof": "outlook", "gmail-vacation": "gmail", "apple-signature": "apple"}

SET = HeldOut(folder=HERE, cases=CASES, shuffle_seed=20240301, base=BASE, step_minutes=STEP_MINUTES,
              tz_hours=TZ_HOURS, file_client=FILE_CLIENT, server_shapes=SERVER_SHAPES)


# =========================================================================== check

ARTICLES = ("the ", "le ", "la ", "l'", "l’", "el ", "o ", "a ", "ang ", "les ", "los ", "las ", "os ", "as ")
EARLIER = (DATA / "make_corpus.py", DATA / "make_seed.py", DATA / "heldout" / "make_heldout.py",
           DATA / "heldout2" / "make_heldout2.py")
EXEMPT = (TITLE, "End the genocide! Solidarity with Palestine!", DESK, DESK_NAME, "statement-bounces@example.org",
          STATEMENT, "coord1@example.org", "coord2@example.org")


def check(expected: dict | None = None) -> list[str]:
    return SET.check_new(expected, country_text=COUNTRY_TEXT, articles=ARTICLES, earlier=EARLIER, exempt=EXEMPT,
                         coordinators=(COORD1[0], COORD2[0]), least_messages=60)


if __name__ == "__main__":
    sys.exit(SET.main(check))
