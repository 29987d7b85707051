"""Generate tests/data/seed/01.eml ... 20.eml and seed/expected.json: one endorsement email per line of the
"Signed by" list of shared/seed/joint-statement.txt, in different client shapes and languages.

A careful reader extracts from message N exactly line N's organization, short name and country text. Labels follow
the rules in make_corpus.py's docstring (kind endorsement, needs_review false). Run make_corpus.py (it runs this too)
or `python tests/data/make_seed.py`.
"""

from __future__ import annotations

import sys
from datetime import datetime, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_corpus import (  # noqa: E402
    COORD1, INVITE, INVITE_ID, INVITE_SUBJECT, PDF, E, build, mail,
)
from mailshapes import (  # noqa: E402
    STATEMENT, apple, fake_pdf, fwd_gmail, gmail, iphone, outlook, plain, quoted, thunderbird, webmail, yahoo,
)

HERE = Path(__file__).resolve().parent

SEED = [
    # 1. Parti Sosialis Malaysia (PSM), Malaysia
    mail("ms", "gmail", "endorsement", E("Parti Sosialis Malaysia", "PSM", "MY", name="Nurul Huda"), gmail,
         frm=("Nurul Huda", "nurul.huda@psm.example.org"), subject="Sokongan PSM untuk kenyataan bersama",
         body="""Salam perjuangan,

Parti kami menyokong kenyataan bersama "Hentikan genosid! Solidariti dengan Palestin!".

Nama organisasi: Parti Sosialis Malaysia (PSM)
Negara: Malaysia
Nama: Nurul Huda

Terima kasih."""),

    # 2. Partido Lakas ng Masa (PLM), Philippines
    mail("tl", "outlook", "endorsement", E("Partido Lakas ng Masa", "PLM", "PH"), outlook, locale="en-PH",
         frm=("Ricardo Manalo", "r.manalo@plm.example.org"), subject="Pag-endorso ng PLM",
         body="""Mga kasama,

Kami sa Partido Lakas ng Masa (PLM), Pilipinas, ay sumusuporta at lumalagda sa magkasanib na pahayag ng mga organisasyong makakaliwa sa Timog-Silangang Asya.

Mabuhay ang internasyunal na pagkakaisa!""", sig="Ricardo Manalo\nKalihim Pang-internasyonal, PLM"),

    # 3. People’s Liberation Party (PPR), Indonesia  (typographic apostrophe; windows-1252 =92)
    mail("id", "outlook-windows-1252", "endorsement", E("People’s Liberation Party", "PPR", "ID"), outlook, tz=7,
         locale="id-ID", html_lang="IN", charset="Windows-1252",
         frm=("Sekretariat PPR", "sekretariat@ppr.example.org"), subject="Dukungan People’s Liberation Party (PPR)",
         body="""Kepada kawan-kawan Southeast Asian Left Network,

Kami dari People’s Liberation Party (PPR), Indonesia, menyatakan dukungan penuh terhadap pernyataan bersama “Hentikan genosida! Solidaritas untuk Palestina!”.

Salam juang,""", sig="Komite Pusat PPR\nJakarta"),

    # 4. Socialist Union (Perserikatan Sosialis), Indonesia
    mail("id", "thunderbird", "endorsement", E("Socialist Union", "Perserikatan Sosialis", "ID", name="Andi Saputra"),
         thunderbird, tz=7, os_="win", frm=("Andi Saputra", "andi.saputra@perserikatan.example.org"),
         subject="Dukungan pernyataan bersama",
         body="""Salam solidaritas,

Nama organisasi: Socialist Union (Perserikatan Sosialis)
Negara: Indonesia
Nama: Andi Saputra

Kami mendukung pernyataan bersama ini."""),

    # 5. Partai Rakyat Pekerja (PRP), Indonesia  (Android Gmail, base64)
    mail("id", "android", "endorsement", E("Partai Rakyat Pekerja", "PRP", "ID"), gmail, tz=7, android=True,
         frm=("Dewi Anggraini", "dewi.anggraini@prp.example.org"), subject="PRP ikut menandatangani",
         body="Kawan-kawan, Partai Rakyat Pekerja (PRP), Indonesia, ikut menandatangani pernyataan bersama ini. Palestina merdeka! ✊\n\nDewi"),

    # 6. Socialist Workers Thailand (SWT), Thailand
    mail("th", "gmail", "endorsement", E("Socialist Workers Thailand", "SWT", "TH", name="กมล ศรีสวัสดิ์"), gmail, tz=7,
         frm=("กมล ศรีสวัสดิ์", "kamol@swt.example.org"), subject="SWT ร่วมลงนามแถลงการณ์ร่วม",
         body="""เรียน สหาย

ชื่อองค์กร: Socialist Workers Thailand (SWT)
ประเทศ: ไทย
ผู้ติดต่อ: กมล ศรีสวัสดิ์

พวกเราขอร่วมลงนามในแถลงการณ์ร่วมฉบับนี้"""),

    # 7. Communist Party of India (Marxist-Leninist) Liberation, India
    mail("en", "outlook-web", "endorsement", E("Communist Party of India (Marxist-Leninist) Liberation", None, "IN",
                                               name="Arvind Sharma"), outlook, tz=5.5, web=True,
         frm=("Arvind Sharma", "intl.dept@cpiml.example.org"), subject="Endorsement of the joint statement",
         body="""Dear comrades,

We are glad to endorse the joint statement of the Southeast Asian left organizations.

Organisation: Communist Party of India (Marxist-Leninist) Liberation
Country: India
Contact person: Arvind Sharma

With revolutionary greetings,
International Department"""),

    # 8. Papuan Student Alliance, Papua/Indonesia  (Yahoo, HTML only)
    mail("id", "yahoo-html-only", "endorsement", E("Papuan Student Alliance", None, "ID", ctext="Papua/Indonesia",
                                                   name="Yulianus Tabuni"), yahoo, tz=9, html_only=True,
         frm=("Yulianus Tabuni", "yulianus.tabuni@example.net"), subject="Dukungan Papuan Student Alliance",
         body="""Salam,

Kami mendukung pernyataan bersama.

Organisasi: Papuan Student Alliance
Negara: Papua/Indonesia
Nama: Yulianus Tabuni

Papua bersama Palestina!"""),

    # 9. PEMBEBASAN, Indonesia  (forwarded by a coordinator)
    mail("id", "gmail-forward", "endorsement",
         E("PEMBEBASAN", None, "ID", email="kolektif@pembebasan.example.org", name="Kolektif Nasional PEMBEBASAN"),
         gmail, tz=8, frm=("Coordinator One", "coord1@example.org"), subject="Fwd: Dukungan PEMBEBASAN",
         body=fwd_gmail("Kolektif Nasional PEMBEBASAN <kolektif@pembebasan.example.org>", "Min, 18 Feb 2024 pukul 21.10",
                        "Dukungan PEMBEBASAN", "<coord1@example.org>",
                        """Salam pembebasan,

Kami dari PEMBEBASAN, Indonesia, mendukung pernyataan bersama "Hentikan genosida! Solidaritas untuk Palestina!".

Kolektif Nasional PEMBEBASAN""", intro="Another one, sent to my own address.")),

    # 10. Praxis, Indonesia  (iPhone)
    mail("id", "iphone", "endorsement", E("Praxis", None, "ID"), iphone, tz=7,
         frm=("Rahmat Hidayat", "rahmat@praxis.example.org"), subject="Praxis mendukung",
         body="Praxis, Indonesia, mendukung pernyataan bersama ini. Salam solidaritas!"),

    # 11. Gabungan Marhaen, Malaysia  (Apple Mail, format=flowed)
    mail("ms", "apple-flowed", "endorsement", E("Gabungan Marhaen", None, "MY"), apple, tz=8,
         frm=("Syed Azmi", "syed.azmi@marhaen.example.org"), subject="Sokongan Gabungan Marhaen",
         body="""Salam,

Kami daripada Gabungan Marhaen, Malaysia, menyokong kenyataan bersama "Hentikan genosid! Solidariti dengan Palestin!" dan akan menyebarkannya kepada ahli-ahli kami.

Syed Azmi"""),

    # 12. #GegarAmerika, Malaysia  (Roundcube, HTML only)
    mail("ms", "roundcube-html-only", "endorsement", E("#GegarAmerika", None, "MY", name="Aiman Hakim"), webmail,
         tz=8, frm=("Aiman Hakim", "aiman@gegaramerika.example.org"), subject="Sokongan #GegarAmerika",
         body="""Salam,

Nama organisasi: #GegarAmerika
Negara: Malaysia
Nama: Aiman Hakim

Kami menyokong kenyataan bersama ini."""),

    # 13. Jentayu, Malaysia  (mutt, demonym and capital)
    mail("en", "mutt", "endorsement", E("Jentayu", None, "MY"), plain, tz=8,
         frm=("Farah Lim", "farah@jentayu.example.org"), subject="Jentayu endorses",
         body="Dear comrades,\n\nJentayu, a Malaysian collective, endorses the joint statement \"End the genocide! Solidarity with Palestine!\".\n\nIn solidarity,",
         sig="Farah Lim\nJentayu\nKuala Lumpur"),

    # 14. Sekolah Merdeka, Malaysia  (reply to the invitation, Malay attribution line)
    mail("ms", "gmail-reply", "endorsement", E("Sekolah Merdeka", None, "MY"), gmail, tz=8,
         frm=("Hidayah Salleh", "hidayah@sekolahmerdeka.example.org"), to=COORD1, cc=STATEMENT,
         subject="Re: " + INVITE_SUBJECT, in_reply_to=INVITE_ID,
         body="Salam,\n\nSekolah Merdeka, Malaysia, menyokong kenyataan bersama ini.\n\nHidayah",
         quote=quoted("Pada Isn, 19 Feb 2024 pada 9:05 PG Southeast Asian Left Network <coord1@example.org> menulis:",
                      INVITE)),

    # 15. Haqooq Khalq Party, Pakistan  (Outlook with a PDF letter; the body has the fields)
    mail("en", "outlook-attachment", "endorsement", E("Haqooq Khalq Party", None, "PK"), outlook, tz=5,
         frm=("Imran Qureshi", "imran.qureshi@hkp.example.org"), subject="Endorsement – Haqooq Khalq Party",
         body="""Dear comrades,

Haqooq Khalq Party, Pakistan, endorses the joint statement "End the genocide! Solidarity with Palestine!". Our signed letter is attached.

Regards,""", sig="Imran Qureshi\nHaqooq Khalq Party\nLahore, Pakistan",
         attachments=((PDF, "HKP_endorsement.pdf", fake_pdf("hkp", "HKP endorsement")),)),

    # 16. Partido Manggagawa, Philippines  (signature only)
    mail("tl", "thunderbird", "endorsement", E("Partido Manggagawa", None, "PH"), thunderbird, tz=8,
         frm=("Liza Santiago", "liza.santiago@pm.example.org"), subject="Suporta sa pahayag",
         body="Mga kasama,\n\nBuong-puso naming sinusuportahan at nilalagdaan ang magkasanib na pahayag.",
         sig="Liza Santiago\nPartido Manggagawa\nPilipinas"),

    # 17. Front Line Socialist Party, Sri Lanka  (Thunderbird, base64)
    mail("en", "thunderbird-base64", "endorsement", E("Front Line Socialist Party", None, "LK"), thunderbird, tz=5.5,
         cte="base64", frm=("Nuwan Jayasinghe", "nuwan.j@flsp.example.org"), subject="Endorsement",
         body="Dear comrades,\n\nThe Front Line Socialist Party, Sri Lanka, endorses the joint statement of the Southeast Asian left organizations.\n\nNuwan Jayasinghe\nInternational Affairs"),

    # 18. DinDeng, Thailand  (iPhone, Thai)
    mail("th", "iphone", "endorsement", E("DinDeng", None, "TH"), iphone, tz=7,
         frm=("ธนพล รักษ์ไทย", "thanaphon@dindeng.example.org"), subject="DinDeng ร่วมลงนาม",
         body="DinDeng ขอร่วมลงนามสนับสนุนแถลงการณ์ร่วม ประเทศไทย"),

    # 19. Socialist Alliance, Australia  (Apple Mail HTML)
    mail("en", "apple-html", "endorsement", E("Socialist Alliance", None, "AU"), apple, tz=11, html=True,
         format_flowed=False, frm=("Jess Harding", "jess.h@socialist-alliance.example.org"),
         subject="Socialist Alliance endorses",
         body="Dear comrades,\n\nOn behalf of Socialist Alliance, Australia, we endorse the joint statement \"End the genocide! Solidarity with Palestine!\".\n\nIn solidarity,\nJess"),

    # 20. Europe solidaire sans frontières (ESSF), France
    mail("fr", "gmail", "endorsement", E("Europe solidaire sans frontières", "ESSF", "FR", name="Camille Martin"),
         gmail, tz=1, frm=("Camille Martin", "essf@essf.example.org"), subject="Signature d'ESSF",
         body="""Bonjour,

ESSF signe la déclaration commune « Mettez fin au génocide ! Solidarité avec la Palestine ! ».

Organisation : Europe solidaire sans frontières (ESSF)
Pays : France
Nom : Camille Martin

Solidairement,"""),
]

BASE = datetime(2024, 2, 18, 2, 0, tzinfo=timezone.utc)


def main() -> None:
    out = HERE / "seed"
    for old in out.glob("*.eml"):
        old.unlink()
    expected, _ = build(SEED, out, BASE, 53, lambda i, case: f"{i:02d}.eml")
    print(f"seed: {len(expected)} messages in {out}")


if __name__ == "__main__":
    main()
