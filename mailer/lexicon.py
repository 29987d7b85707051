"""Words and phrases, by kind and language, that the rules look for.

Data only: each entry is one regex (case-insensitive, Unicode).  Languages:
English, Bahasa Indonesia, Malay, Tagalog, Thai, French, Spanish, Portuguese.
Thai has no spaces between words, so its entries are plain substrings.
"""
from __future__ import annotations

import re


def _any(*patterns: str) -> re.Pattern:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


ORG = r"(?:organi[sz]ations?|groups?|party|union|collective|network|movement|association|federation|alliance)"

# A declarative statement that the writer's organization endorses / signs / supports the statement.
ENDORSE_STATEMENT = _any(
    # English
    r"\b(we|i)\b[^.?!\n]{0,80}\b(hereby\s+)?(endorse|co-?sign|sign\s+(on\s+)?(to\s+)?|support|join|"
    r"would\s+(like|love)\s+to\s+(endorse|sign|add\s+our\s+name)|wish\s+to\s+(endorse|sign)|want\s+to\s+(endorse|sign)|"
    r"are\s+(happy|glad|proud|pleased)\s+to\s+(endorse|sign|support)|"
    r"(fully\s+)?endorse)\b",
    r"\bon\s+behalf\s+of\b[^?\n]{3,160}\b(endorse|sign|support|join)",
    r"\b(endorses|supports|signs\s+on\s+to|signs)\s+(the|this|your)\s+(joint\s+)?statement",
    r"\bplease\s+(add|include|list)\s+(us|our\s+(name|organi[sz]ation|group|party|union))\b",
    r"\b(count|sign)\s+us\s+in\b",
    r"\bour\s+" + ORG + r"\s+(hereby\s+)?(endorses|supports|signs|would\s+like\s+to\s+(endorse|sign))",
    r"\b(our|my)\s+endorsement\b(?!\s+(was|is)\s+(not|missing))",
    r"\bendorse(ment)?\s+(of|for|to)\s+(the|this|your)\s+(joint\s+)?statement\b(?![^.\n]{0,40}\?)",
    # Bahasa Indonesia
    r"\bkami\b[^.?!\n]{0,120}\b(menyatakan\s+dukungan|mendukung|turut\s+menandatangani|menandatangani|"
    r"ikut\s+menandatangani|bergabung|mengendors|menyatakan\s+sikap\s+mendukung|ikut\s+mendukung)",
    r"\b(dengan\s+ini\s+)?(menyatakan\s+dukungan|mendukung\s+penuh|turut\s+mendukung)\b",
    r"\bmohon\s+(cantumkan|masukkan|tambahkan)\s+(nama\s+)?(kami|organisasi\s+kami)",
    # Malay
    r"\bkami\b[^.?!\n]{0,120}\b(menyokong|menandatangani|menyertai|memberi\s+sokongan|sokong)\b",
    r"\b(dengan\s+ini\s+)?(menyatakan\s+sokongan|memberikan\s+sokongan|menyokong\s+penuh)\b",
    # Tagalog
    r"\b(kami|ang\s+aming\s+organisasyon)\b[^.?!\n]{0,120}\b(ay\s+)?(sumusuporta|nag-?eendorso|nag-?endorso|"
    r"lumalagda|pumipirma|sumasang-?ayon|nakikiisa|sinusuportahan|ineendorso|iniendorso)",
    r"\b(sumusuporta|nag-?eendorso|nakikiisa|lumalagda)\s+(ang|kami)\b",
    r"\bpakisama\s+(ang\s+)?(aming|kami)",
    # French
    r"\bnous\b[^.?!\n]{0,120}\b(signons|soutenons|appuyons|endossons|souscrivons|approuvons|adhérons|"
    r"apportons\s+notre\s+soutien|souhaitons\s+signer|voulons\s+signer|nous\s+associons)",
    r"\b(notre|l['’])\s*(organisation|association|syndicat|parti|collectif)\b[^.?!\n]{0,80}\b"
    r"(signe|soutient|appuie|endosse|souhaite\s+signer)\b",
    r"\bmerci\s+d['’]ajouter\s+(notre|nous)",
    # Spanish
    r"\b(respaldamos|apoyamos|firmamos|suscribimos|nos\s+adherimos|nos\s+sumamos|adherimos|endosamos|"
    r"queremos\s+firmar|deseamos\s+(firmar|adherirnos|sumarnos))\b",
    r"\b(nuestra|la)\s+(organizaci[óo]n|colectiva?|asociaci[óo]n|sindicato|partido)\b[^.?!\n]{0,80}\b"
    r"(respalda|apoya|firma|suscribe|se\s+adhiere|se\s+suma)\b",
    # Portuguese
    r"\b(subscrevemos|apoiamos|assinamos|endossamos|aderimos|manifestamos\s+(o\s+nosso\s+)?apoio|"
    r"queremos\s+assinar|desejamos\s+(assinar|subscrever|aderir))\b",
    r"\b(a\s+nossa|nossa|o\s+nosso|nosso)\s+(organiza[çc][ãa]o|coletivo|associa[çc][ãa]o|sindicato|partido)\b"
    r"[^.?!\n]{0,80}\b(subscreve|apoia|assina|adere|endossa)\b",
    # Thai
    r"ขอร่วมลงนาม|ร่วมลงนาม|ขอสนับสนุนแถลงการณ์|สนับสนุนแถลงการณ์|ขอรับรองแถลงการณ์|ร่วมรับรอง|ขอลงนามสนับสนุน",
)

# The subject of an endorsement mail (weak evidence, needs an organization beside it).
ENDORSE_SUBJECT = _any(
    r"\bendors(e|ement|ing)\b", r"\bsign[- ]?on\b", r"\bsignatory\b", r"\bco-?sign", r"\bsigning\b",
    r"\bdukungan\b", r"\bsokongan\b", r"\bpag-?endorso\b", r"\bpagsuporta\b", r"\bsuporta\b", r"\badh[ée]sion\b",
    r"\bsignature\b", r"\bsoutien\b", r"\badhesi[óo]n\b", r"\brespaldo\b", r"\bfirma\b", r"\bapoio\b",
    r"\bades[ãa]o\b", r"\bsubscri[çc][ãa]o\b", r"ลงนาม", r"สนับสนุน", r"รับรอง",
)

WITHDRAW = _any(
    r"\bwithdraw(ing|s|al)?\b[^.?!\n]{0,60}\b(endorsement|signature|support|name)",
    r"\b(remove|delete|take\s+(down|off))\b[^.?!\n]{0,60}\b(our|my|the)\s+(organi[sz]ation['’]?s?\s+)?"
    r"(name|endorsement|signature|organi[sz]ation|group|party|union)\b",
    r"\b(retract|revoke|rescind)\b[^.?!\n]{0,40}\b(endorsement|signature|support)",
    r"\b(no\s+longer|not\s+longer)\s+(wish\s+to\s+)?(endorse|support|be\s+(listed|associated))",
    r"\b(menarik|mencabut|membatalkan|tarik)\s+(kembali\s+)?(dukungan|tanda\s+tangan|nama)",
    r"\b(hapus|hapuskan|keluarkan|coret)\s+(nama\s+)?(organisasi\s+)?kami\b",
    r"\bmenarik\s+balik\s+sokongan\b|\bmenarik\s+balik\b[^.?!\n]{0,40}\bnama\b",
    r"\b(bawiin|binabawi|babawiin|iurong|inuurong)\b",
    r"\b(alisin|tanggalin|burahin)\b[^.?!\n]{0,60}\b(pangalan|organisasyon)\b",
    r"\b(retirer|retirons|supprimer)\b[^.?!\n]{0,60}\b(signature|nom|soutien)\b",
    r"\b(retirar|retiramos|eliminar|quitar|borrar)\b[^.?!\n]{0,60}\b(firma|nombre|adhesi[óo]n|respaldo|apoyo)\b",
    r"\b(retirar|retiramos|remover|excluir|apagar)\b[^.?!\n]{0,60}\b(assinatura|nome|ades[ãa]o|apoio)\b",
    r"ถอนชื่อ|ถอนการลงนาม|ถอนการสนับสนุน|ขอถอน|ลบชื่อ",
)

UNSUBSCRIBE = _any(
    r"\bun-?subscribe\b", r"\bopt[- ]?out\b",
    r"\b(remove|take)\s+me\s+(from|off)\s+(the|your|this)\s+(mailing\s+)?(list|updates|digest|newsletter)",
    r"\bstop\s+(sending|the\s+(updates|digest|emails))", r"\bno\s+more\s+(updates|emails)\b",
    r"\bberhenti\s+berlangganan\b", r"\bhenti(kan)?\s+langganan\b", r"\bberhenti\s+melanggan\b",
    r"\bhuwag\s+(na|nang)\s+(padalhan|magpadala)", r"\bitigil\b[^.?!\n]{0,30}\b(updates|balita|email)",
    r"\bd[ée]sabonner\b", r"\bd[ée]sinscri(re|ption)\b", r"\bdarse\s+de\s+baja\b", r"\bdarme\s+de\s+baja\b",
    r"\bcancelar\s+(mi\s+|a\s+(minha\s+)?)?(suscripci[óo]n|inscri[çc][ãa]o|assinatura)",
    r"\bdescadastrar\b", r"ยกเลิกการรับ", r"เลิกรับ",
)

SUBSCRIBE = _any(
    r"^\s*subscribe\b", r"\bsubscribe\s+(me|us)\b", r"\b(add|put|sign)\s+(me|us)\s+(up\s+)?(to|on|for)\s+"
    r"(the|your)\s+(mailing\s+list|updates|digest|newsletter|weekly)",
    r"\b(keep\s+me|like\s+to\s+receive|want\s+to\s+receive|wish\s+to\s+receive)\b[^.?!\n]{0,40}\b(updates|digest|news)",
    r"\bberlangganan\b", r"\blanggan(an)?\b", r"\bmelanggan\b",
    r"\bmag-?subscribe\b", r"\bpadalhan\s+(ako|kami)\s+ng\s+(balita|updates)",
    r"\bs['’]abonner\b", r"\babonnez[- ]moi\b", r"\bm['’]inscrire\b[^.?!\n]{0,30}\b(liste|lettre|nouvelles)",
    r"\bsuscribir(me|nos)?\b", r"\bsuscripci[óo]n\b", r"\binscrever\b|\binscri[çc][ãa]o\b|\bassinar\s+(a|as)\s+(newsletter|atualiza)",
    r"รับข่าวสาร|สมัครรับ",
)

INQUIRY = _any(
    r"\?", r"？",
    r"\b(question|inquiry|enquiry|query|clarification|correction|typo|misspell(ed|ing)?|mis-spelled|"
    r"translation|translate|interview|press|journalist|media)\b",
    r"\b(would|like)\s+to\s+know\b", r"\bplease\s+(correct|fix|change|update)\b",
    r"\b(pertanyaan|bertanya|tanya|koreksi|perbaikan|salah\s+(eja|tulis|ketik)|terjemahan|wawancara)\b",
    r"\b(soalan|pembetulan|ejaan|terjemahan)\b",
    r"\b(tanong|magtanong|pagwawasto|mali\s+ang|isalin|salin)\b",
    r"\b(question|demande|correction|corriger|faute|traduction|entretien)\b",
    r"\b(pregunta|consulta|correcci[óo]n|corregir|error|traducci[óo]n|entrevista)\b",
    r"\b(pergunta|d[úu]vida|corre[çc][ãa]o|corrigir|erro|tradu[çc][ãa]o|entrevista)\b",
    r"คำถาม|สอบถาม|แก้ไข|สะกดผิด|แปล",
)

# Closing words before a signature block.
CLOSINGS = _any(
    r"^\s*(in\s+solidarity|solidarity|regards|best(\s+regards)?|kind\s+regards|warm\s+regards|sincerely|thanks|"
    r"thank\s+you|cheers|yours|comradely|salam(\s+\w+)?|hormat\s+kami|terima\s+kasih|wassalam|"
    r"sumasainyo|mabuhay|maraming\s+salamat|salamat|cordialement|solidairement|bien\s+à\s+vous|"
    r"saludos(\s+\w+)?|atentamente|un\s+abrazo|en\s+solidaridad|cordialmente|atenciosamente|abra[çc]os|"
    r"em\s+solidariedade|saudações(\s+\w+)?|ด้วยความเคารพ|ขอแสดงความนับถือ|ด้วยความสมานฉันท์)\s*[,!.]*\s*$",
)

# Words that make a line look like an organization's name.
ORG_WORDS = _any(
    r"\b(party|union|alliance|front|movement|network|association|federation|collective|council|committee|"
    r"coalition|league|society|institute|centre|center|foundation|forum|organi[sz]ation|workers|students?|"
    r"youth|women|solidarity|coop(erative)?|caucus|assembly|brigade|initiative|campaign|project|group|"
    r"socialist|communist|labou?r|trade)\b",
    r"\b(partai|partido|parti|serikat|persatuan|perserikatan|gabungan|sekolah|kesatuan|gerakan|aliansi|front|"
    r"lembaga|perhimpunan|pertubuhan|himpunan|komite|jaringan|kolektif|yayasan|koalisi|ikatan|liga|"
    r"kilusan|samahan|pagkakaisa|alyansa|koalisyon|unyon|kalipunan|bukluran|sanlakas|"
    r"syndicat|collectif|mouvement|comit[ée]|f[ée]d[ée]ration|r[ée]seau|solidaire|"
    r"sindicato|colectivo|movimiento|federaci[óo]n|asociaci[óo]n|frente|red|coordinadora|"
    r"coletivo|movimento|associa[çc][ãa]o|federa[çc][ãa]o|rede|uni[ãa]o)\b",
    r"พรรค|สหภาพ|สมาคม|เครือข่าย|มูลนิธิ|กลุ่ม|ขบวนการ|สหพันธ์",
)
