"""Words and phrases, by kind and language, that the rules look for.

Data only: each entry is one regex (case-insensitive, Unicode).  Languages:
English, Bahasa Indonesia, Malay, Tagalog, Thai, French, Spanish, Portuguese.
Thai has no spaces between words, so its entries are plain substrings.
"""
from __future__ import annotations

import re


class Phrases:
    """A regex with the literal stems one of which every match contains: ``search`` skips text holding none.

    The stems are checked with ``in`` on lower-cased text, which is far cheaper than letting a large
    alternation try every position of a message that cannot match.
    """

    def __init__(self, pattern: re.Pattern, stems: tuple[str, ...] = ()):
        self.pattern, self.stems = pattern, stems

    def search(self, text: str, lower: str | None = None) -> re.Match | None:
        if not self.stems:
            return self.pattern.search(text)
        lower = text.lower() if lower is None else lower
        if not any(map(lower.__contains__, self.stems)):   # C-level substring tests, no Python loop
            return None
        return self.pattern.search(text)

    def match(self, text: str) -> re.Match | None:
        return self.pattern.match(text)


def _any(*patterns: str, stems: tuple[str, ...] = ()) -> Phrases:
    return Phrases(re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE), stems)


class PhraseGroups:
    """Several :class:`Phrases` (a language each); the first group that matches answers."""

    def __init__(self, *groups: Phrases):
        self.groups = groups

    def search(self, text: str, lower: str | None = None) -> re.Match | None:
        lower = text.lower() if lower is None else lower
        for group in self.groups:
            m = group.search(text, lower)
            if m:
                return m
        return None


ORG = r"(?:organi[sz]ations?|groups?|party|union|collective|network|movement|association|federation|alliance)"

# A declarative statement that the writer's organization endorses / signs / supports the statement.
ENDORSE_STATEMENT = PhraseGroups(
    # English
    _any(
        r"\b(we|i)\b[^.?!\n]{0,80}\b(hereby\s+)?(endorse|co-?sign|sign\s+(on\s+)?(to\s+)?|support|join|"
        r"would\s+(like|love)\s+to\s+(endorse|sign|add\s+our\s+name)|wish\s+to\s+(endorse|sign)|want\s+to\s+(endorse|sign)|"
        r"are\s+(happy|glad|proud|pleased)\s+to\s+(endorse|sign|support)|"
        r"(fully\s+)?endorse)\b",
        r"\bon\s+behalf\s+of\b[^?\n]{3,160}\b(endorse|sign|support|join)",
        r"\b(endorses|supports|signs\s+on\s+to|signs)\s+(the|this|your)\s+(joint\s+)?statement",
        r"\bplease\s+(add|include|list)\s+(us|our\s+(name|organi[sz]ation|group|party|union))\b",
        r"\b(count|sign)\s+us\s+in\b", r"^\s*we['’]?\s*(are|re)\s+in\b", r"\bwe\s+(hereby\s+)?sign\b",
        r"\b(voted|decided|agreed|resolved)\s+(unanimously\s+)?to\s+(endorse|endorce|sign|support|co-?sign)\b",
        r"\b(endorces?|endorsed?)\s+(the|this|your)\s+(joint\s+)?(statement|statment|declaration)\b",
        r"\badd\s+me\s+(personally|as\s+an\s+individual)\b", r"\bwant\s+my\s+name\s+(there|on\s+it|listed)\b",
        r"\bour\s+" + ORG + r"\s+(hereby\s+)?(endorses|supports|signs|would\s+like\s+to\s+(endorse|sign))",
        r"\bendorse(ment)?\s+(of|for|to)\s+(the|this|your)\s+(joint\s+)?statement\b(?![^.\n]{0,40}\?)",
        r"\b(endorses|supports|signs|joins|backs|co-?signs)\s+(on\s+to\s+)?(the|this|your|our)?\s*(joint\s+)?"
        r"(statement|declaration|call)\b",
        r"\bplease\s+add\s+(the\s+following|these|both|all)\b",
        r"\b(following|these|both|two|three|four|five)\s+(organi[sz]ations|groups)\b[^.?!\n]{0,80}\b(endorse|sign|support)",
        r"\badd\s+my\s+name\b", r"\bsign\s+(it\s+|the\s+statement\s+)?(as\s+an\s+individual|in\s+(my\s+)?personal\s+capacity)",
        r"\bput\s+my\s+(own\s+)?name\s+to\b", r"\b(list|include)\s+me\s+(as\s+an\s+individual|personally)\b",
        r"\bsee\s+the\s+attached\s+letter\b[^.?!\n]{0,80}\b(support|endors)", r"\bletter\s+of\s+(support|endorsement)\b",
        r"\bour\s+(signed\s+)?endorsement\s+letter\b",
        r"\b(would\s+like|wishes|wants|is\s+(happy|proud|glad|pleased))\s+to\s+(endorse|sign|co-?sign|support|join)\s+"
        r"(the|this|your|our)\b",
        stems=("endorse", "endorce", "sign", "support", "join", "add", "include", "list", "count us", "back",
               "organi", "group", "voted", "decided", "agreed", "resolved", "want my name", "we are in", "we're in")),
    # Bahasa Indonesia
    _any(
        r"\bkami\b[^.?!\n]{0,120}\b(menyatakan\s+dukungan|mendukung|turut\s+menandatangani|menandatangani|"
        r"ikut\s+menandatangani|bergabung|mengendors|menyatakan\s+sikap\s+mendukung|ikut\s+mendukung)",
        r"\b(dengan\s+ini\s+)?(menyatakan\s+dukungan|mendukung\s+penuh|turut\s+mendukung)\b",
        r"\bmohon\s+(cantumkan|masukkan|tambahkan)\s+(nama\s+)?(kami|organisasi\s+kami)",
        r"\b(mendukung|menandatangani|dukung)\s+(dan\s+\w+\s+(menandatangani\s+)?)?(pernyataan|seruan|statement)",
        r"\bmenyatakan\s+mendukung\b", r"\b(ikut|turut)\s+(ttd|tanda\s*tangan)\b",
        stems=("kami", "dukungan", "mendukung", "mohon", "menandatangani", "dukung", "ttd", "tanda")),
    # Malay
    _any(
        r"\bkami\b[^.?!\n]{0,120}\b(menyokong|menandatangani|menyertai|memberi\s+sokongan|sokong)\b",
        r"\b(dengan\s+ini\s+)?(menyatakan\s+sokongan|memberikan\s+sokongan|menyokong\s+penuh)\b",
        r"\b(menyokong|sokong)\s+(penuh\s+)?(kenyataan|pernyataan)",
        r"\bnak\s+(join|sertai|sokong|tandatangan)\b", r"\b(masukkan|tambahkan|senaraikan)\s+nama\s+(kami|organisasi)",
        stems=("kami", "sokong", "yokong", "nak ", "masukkan", "tambahkan", "senaraikan")),
    # Tagalog
    _any(
        r"\b(kami|ang\s+aming\s+organisasyon)\b[^.?!\n]{0,120}\b(ay\s+)?(sumusuporta|nag-?eendorso|nag-?endorso|"
        r"lumalagda|pumipirma|sumasang-?ayon|nakikiisa|sinusuportahan|ineendorso|iniendorso)",
        r"\b(sumusuporta|nag-?eendorso|nakikiisa|lumalagda)\s+(ang|kami)\b",
        r"\bpakisama\s+(ang\s+)?(aming|kami)",
        r"\bay\s+(lumalagda|nag-?eendorso|nag-?endorso|sumusuporta|pumipirma|nakikiisa)\b",
        r"\b(suportado|sinusuportahan|ineendorso|iniendorso)\s+(namin|ng\s+aming)\b",
        r"\bpumirma\s+bilang\s+indibidwal|\bsumusuporta\s+ako\b",
        r"\b(namin|naming|aming)\s+(sinusuportahan|ineendorso|iniendorso|nilalagdaan|pinipirmahan)\b",
        r"\b(lalagda|pipirma|mag-?eendorso)\s+(po\s+)?kami\b", r"\bpirma\s+namin\b",
        stems=("kami", "aming", "namin", "sumusuporta", "endorso", "nakikiisa", "lumalagda", "pakisama", "suporta",
               "pumirma", "pumipirma", "lalagda", "pipirma", "pirma")),
    # French
    _any(
        r"\bnous\b[^.?!\n]{0,120}\b(signons|soutenons|appuyons|endossons|souscrivons|approuvons|adhérons|"
        r"apportons\s+notre\s+soutien|souhaitons\s+signer|voulons\s+signer|nous\s+associons)",
        r"\b(notre|l['’])\s*(organisation|association|syndicat|parti|collectif)\b[^.?!\n]{0,80}\b"
        r"(signe|soutient|appuie|endosse|souhaite\s+signer)\b",
        r"\bmerci\s+d['’]ajouter\s+(notre|nous)",
        r"\b(soutient|signe|appuie|endosse|adh[èe]re)\s+(et\s+\w+\s+)?(à\s+)?(la|cette)\s+d[ée]claration",
        r"\b(apportons|donnons|ajoutons)\s+notre\s+(signature|soutien|nom)\b",
        stems=("nous", "notre", "l'", "l’", "merci", "soutient", "signe", "appuie", "endosse", "adhère", "adhere",
               "apportons", "donnons", "ajoutons")),
    # Spanish
    _any(
        r"\b(respaldamos|apoyamos|firmamos|suscribimos|nos\s+adherimos|nos\s+sumamos|adherimos|endosamos|"
        r"queremos\s+firmar|deseamos\s+(firmar|adherirnos|sumarnos))\b",
        r"\b(nuestra|la)\s+(organizaci[óo]n|colectiva?|asociaci[óo]n|sindicato|partido)\b[^.?!\n]{0,80}\b"
        r"(respalda|apoya|firma|suscribe|se\s+adhiere|se\s+suma)\b",
        r"\b(firma|respalda|apoya|adhiere|se\s+adhiere|se\s+suma|suscribe)\s+(a\s+)?(la|esta)\s+declaraci[óo]n",
        r"\b(quiero|deseo)\s+firmar\b", r"\b(les\s+)?(va|van|mando|enviamos|env[íi]o)\s+(la|las|nuestra|nuestras)\s+firmas?\b",
        stems=("respald", "apoy", "firm", "suscrib", "adhi", "adher", "suma", "endosamos", "organizaci", "colectiv",
               "asociaci", "sindicato", "partido")),
    # Portuguese
    _any(
        r"\b(subscrevemos|apoiamos|assinamos|endossamos|aderimos|manifestamos\s+(o\s+nosso\s+)?apoio|"
        r"queremos\s+assinar|desejamos\s+(assinar|subscrever|aderir))\b",
        r"\b(a\s+nossa|nossa|o\s+nosso|nosso)\s+(organiza[çc][ãa]o|coletivo|associa[çc][ãa]o|sindicato|partido)\b"
        r"[^.?!\n]{0,80}\b(subscreve|apoia|assina|adere|endossa)\b",
        r"\b(assina|subscreve|apoia|adere|endossa)\s+(e\s+\w+\s+)?(à|a)\s+(a\s+)?(presente\s+)?declara[çc][ãa]o",
        stems=("subscrev", "apoi", "assin", "endoss", "ader", "manifest", "desej", "nossa", "nosso")),
    # Thai
    _any(
        r"ขอร่วมลงนาม|ร่วมลงนาม|ร่วมลงชื่อ|ขอสนับสนุนแถลงการณ์|สนับสนุนแถลงการณ์|รับรองแถลงการณ์|ร่วมรับรอง|ขอลงนามสนับสนุน",
        stems=("ลงนาม", "ลงชื่อ", "สนับสนุน", "รับรอง")),
    # Chinese
    _any(r"联署|連署|支持[^。？?\n]{0,30}声明|支持[^。？?\n]{0,30}聲明", stems=("联署", "連署", "支持")),
)

# A request to add what follows (a listing line) to the list.
ADD_REQUEST = _any(
    r"\bplease\s+add\b", r"\badd\s+us\b", r"\bmohon\s+(dicantumkan|ditambahkan|tambahkan|masukkan)\b",
    r"\bpakidagdag\b", r"\btolong\s+(masukkan|tambahkan|cantumkan)\b", r"\bmerci\s+d['’]ajouter\b", r"\bajoutez\b", r"\b(favor\s+de\s+)?agregar\b",
    r"\bincluir\b|\bincluam\b|\bacrescentar\b", r"ขอเพิ่ม", r"请加上|請加上",
    stems=("add", "mohon", "tolong", "pakidagdag", "ajout", "agregar", "inclu", "acrescentar", "ขอเพิ่ม", "加上"),
)

# A letter of endorsement said to be attached (the attachment holds the real text).
LETTER_OF_SUPPORT = _any(
    r"\b(attached|enclosed|attach)\b[^.?!\n]{0,60}\b(letter|carta|lettre|surat)\b",
    r"\b(letter|carta|lettre|surat)\b[^.?!\n]{0,60}\b(attached|enclosed|em\s+anexo|en\s+anexo|adjunt[ao]|ci-joint|"
    r"terlampir|dilampirkan|nakalakip)\b",
    r"\b(segue|seguem|adjunto|adjuntamos|ci-joint|terlampir|kami\s+lampirkan)\b[^.?!\n]{0,60}\b(carta|lettre|surat|"
    r"letter)\b", r"แนบ(จดหมาย|หนังสือ)", r"\bnakalakip\b[^.?!\n]{0,40}\bsulat\b",
    stems=("attach", "enclos", "anexo", "adjunt", "ci-joint", "terlampir", "lampir", "nakalakip", "segue", "แนบ"),
)

# Mentions of a previous endorsement ("our endorsement"): evidence only where the message asks nothing.
ENDORSE_WEAK = _any(r"\b(our|my)\s+endorsement\b(?!\s+(was|is)\s+(not|missing))", stems=("endorsement",))

# A person signing for themselves, not for an organization.
INDIVIDUAL = _any(
    r"\bas\s+an\s+individual\b", r"\bin\s+(my|a)\s+personal\s+capacity\b", r"\bnot\s+(signing\s+)?on\s+behalf\s+of",
    r"\bsecara\s+(pribadi|peribadi|perorangan)\b", r"\bsebagai\s+individu\b", r"\bbilang\s+indibidwal\b",
    r"\b[àa]\s+titre\s+(personnel|individuel)\b", r"\ba\s+t[íi]tulo\s+(personal|individual)\b",
    r"\bno\s+represento\b", r"\bem\s+nome\s+pr[óo]prio\b", r"\bhindi\s+po\s+bilang\s+organisasyon\b",
    r"\bnot\s+(part|a\s+member)\s+of\s+any\s+(group|organi[sz]ation)", r"\bmy\s+own\s+name\b",
    r"\bnot\s+in\s+any\s+(group|organi[sz]ation)", r"\badd\s+me\s+personally\b", r"\bjust\s+want\s+my\s+name\b",
    r"ในนามส่วนตัว|ในฐานะบุคคล",
    stems=("individ", "personal", "not on behalf", "not signing on behalf", "not part of", "not a member", "my own name",
           "not in any", "want my name",
           "pribadi", "peribadi", "perorangan", "titre", "título", "titulo",
           "represento", "próprio", "proprio", "indibidwal", "bilang organisasyon", "ในนาม", "ในฐานะ"),
)

# Several organizations in one message.
SEVERAL_ORGANIZATIONS = _any(
    r"\b(following|these|both|two|three|four|five|several)\s+(organi[sz]ations|groups|unions|parties)\b",
    r"\b(kedua|dua|tiga|beberapa)\s+(organisasi|pertubuhan|lembaga)\b", r"\b(dalawang|tatlong)\s+organisasyon\b",
    r"\b(deux|trois|plusieurs)\s+organisations\b", r"\b(dos|tres|varias)\s+organizaciones\b",
    r"\b(duas|tr[êe]s|v[áa]rias)\s+organiza[çc][õo]es\b",
    # every phrase ends in the noun: its stem is enough
    stems=("organi", "group", "union", "parties", "pertubuhan", "lembaga"),
)

# The subject of an endorsement mail (weak evidence, needs an organization beside it).
ENDORSE_SUBJECT = _any(
    r"\bendors(e|ement|ing)\b", r"\bsign[- ]?on\b", r"\bsignatory\b", r"\bco-?sign", r"\bsigning\b",
    r"\bdukungan\b", r"\bsokongan\b", r"\bpag-?endorso\b", r"\bpagsuporta\b", r"\bsuporta\b", r"\badh[ée]sion\b",
    r"\bsignatures?\b", r"\bsoutien\b", r"\badhesi[óo]n\b", r"\brespaldo\b", r"\bfirmas?\b", r"\bapoio\b",
    r"\bpirma\b", r"\bendors?ment\b", r"\bsupport\b",
    r"\bades[ãa]o\b", r"\bsubscri[çc][ãa]o\b", r"ลงนาม", r"สนับสนุน", r"รับรอง",
)

WITHDRAW = _any(
    r"\bwithdraw(ing|s|al)?\b[^.?!\n]{0,60}\b(endorsement|signature|support|name)",
    r"\b(remove|delete|take\s+(down|off))\b[^.?!\n]{0,60}\b(our|my|the)\s+(organi[sz]ation['’]?s?\s+)?"
    r"(name|endorsement|signature|organi[sz]ation|group|party|union)\b",
    r"\btake\b[^.?!\n]{0,80}\boff\s+(the|your)\s+(list|statement)",
    r"\bwithdraw\b[^.?!\n]{0,120}\bfrom\s+(the|your)\s+(list|statement|signatories)",
    r"\bpull(ing)?\s+(out|our\s+name)\s+(of|from)\b[^.?!\n]{0,60}\b(statement|list)",
    r"\bremove\b[^.?!\n]{0,120}\bfrom\s+the\s+(statement|list)", r"\b(den|dar|d[ée]|des)\s+de\s+baja\s+(la|nuestra)\s+(firma|adhesi[óo]n)",
    r"\bmenarik\s+diri\b", r"\b(padam|buang)\s+nama\s+(kami|organisasi)", r"\bpakibura\b|\bburahin\b",
    r"\bretire\s+sa\s+signature\b|\benlever\s+notre\s+nom\b",
    r"\b(retract|revoke|rescind)\b[^.?!\n]{0,40}\b(endorsement|signature|support)",
    r"\b(no\s+longer|not\s+longer)\s+(wish\s+to\s+)?(endorse|support|be\s+(listed|associated))",
    r"\b(menarik|mencabut|membatalkan|tarik)\s+(kembali\s+)?(dukungan|tanda\s+tangan|nama)",
    r"\b(hapus|hapuskan|keluarkan|coret)\s+(nama\s+)?(organisasi\s+)?kami\b",
    r"\bmenarik\s+balik\s+sokongan\b|\bmenarik\s+balik\b[^.?!\n]{0,40}\bnama\b",
    r"\b(bawiin|binabawi|babawiin|iurong|inuurong)\b",
    r"\b(alisin|tanggalin|burahin)\b[^.?!\n]{0,60}\b(pangalan|organisasyon)\b",
    r"\b(retirer|retirons|supprimer)\b[^.?!\n]{0,60}\b(signature|nom|soutien)\b",
    r"\b(retirar|retiramos|eliminar|quitar|borrar)\b[^.?!\n]{0,60}\b(firma|nombre|adhesi[óo]n|respaldo|apoyo)\b",
    r"\b(retir\w*|remov\w*|exclu\w*|apag\w*)\b[^.?!\n]{0,60}\b(assinatura|nome|ades[ãa]o|apoio)\b",
    r"ถอนชื่อ|ถอนการลงนาม|ถอนการสนับสนุน|ขอถอน|ลบชื่อ",
    stems=("withdraw", "pull", "remove", "delete", "take", "retract", "baja", "diri", "padam", "buang", "pakibura",
           "retire", "enlever", "revoke", "rescind", "longer", "menarik", "mencabut",
           "membatalkan", "tarik", "hapus", "keluarkan", "coret", "bawi", "iurong", "inuurong", "alisin", "tanggalin",
           "burahin", "retir", "supprimer", "eliminar", "quitar", "borrar", "remover", "excluir", "apagar", "ถอน",
           "ลบชื่อ"),
)

UNSUBSCRIBE = _any(
    r"\bun-?subscribe\b", r"\bopt[- ]?out\b",
    r"\b(remove|take)\s+me\s+(from|off)\s+(the|your|this)\s+(mailing\s+)?(list|updates|digest|newsletter)",
    r"\b(remove|take|delete)\s+my\s+(e-?mail\s+)?(address|email|name)\s+(from|off)\s+(the|your|this)\s+(mailing\s+)?list",
    r"\bdon['’]?t\s+want\s+(the|your|these|any\s+more)\s+(weekly\s+)?(updates|emails|digests?)",
    r"\bstop\s+(sending\s+)?(the|your)\s+(weekly\s+)?(digest|updates|emails|newsletter)",
    r"\bberhentikan\s+langganan\b|\bunsub\b",
    r"\bstop\s+(sending|the\s+(updates|digest|emails))", r"\bno\s+more\s+(updates|emails)\b",
    r"\bberhenti\s+berlangganan\b", r"\bhenti(kan)?\s+langganan\b", r"\bberhenti\s+melanggan\b",
    r"\bhuwag\s+(na|nang)\s+(padalhan|magpadala)", r"\bitigil\b[^.?!\n]{0,30}\b(updates|balita|email)",
    r"\bd[ée]sabonner\b", r"\bd[ée]sinscri(re|ption)\b", r"\bdarse\s+de\s+baja\b", r"\bdarme\s+de\s+baja\b",
    r"\bcancelar\s+(mi\s+|a\s+(minha\s+)?)?(suscripci[óo]n|inscri[çc][ãa]o|assinatura)",
    r"\bdescadastrar\b", r"ยกเลิกการรับ", r"เลิกรับ",
    stems=("subscri", "unsub", "berhentikan", "opt", "remove me", "take me", "my address", "my email", "my e-mail", "my name", "want the",
           "want your", "want these", "want any", "stop", "no more", "berhenti", "henti", "huwag", "itigil",
           "sabonner", "sinscri", "baja", "cancelar", "descadastrar", "ยกเลิก", "เลิกรับ"),
)

SUBSCRIBE = _any(
    r"^\s*subscribe\b", r"\bsubscribe\s+(me|us)\b", r"\b(add|put|sign)\s+(me|us)\s+(up\s+)?(to|on|for)\s+"
    r"(the|your)\s+(mailing\s+list|updates|digest|newsletter|weekly)",
    r"\b(keep\s+me|like\s+to\s+receive|want\s+to\s+receive|wish\s+to\s+receive)\b[^.?!\n]{0,40}\b(updates|digest|news)",
    r"\bberlangganan\b", r"\blanggan(an)?\b", r"\bmelanggan\b",
    r"\bmag-?subscribe\b", r"\bpadalhan\s+(ako|kami)\s+ng\s+(balita|updates)",
    r"\b[sm]['’]abonner\b", r"\babonnez[- ]moi\b", r"\bmakatanggap\s+ng\b[^.?!\n]{0,30}\bupdates", r"\bm['’]inscrire\b[^.?!\n]{0,30}\b(liste|lettre|nouvelles)",
    r"\bsuscribir(me|nos)?\b", r"\bsuscripci[óo]n\b",
    r"\b(receber|recibir|recevoir|menerima|dapat)\b[^.?!\n]{0,30}\b(atualiza[çc][õo]es|novidades|not[íi]cias|"
    r"actualizaciones|novedades|noticias|nouvelles|mises\s+[àa]\s+jour|kabar|berita|update)",
    r"\b(me\s+)?incluam\s+na\s+lista\b|\binscr[íi]ban(me|nos)\b|\bajoutez[- ]moi\b",
    r"\bput\s+(this|my)\s+(e-?mail\s+)?address\s+on\s+(the|your)\s+(weekly\s+)?(digest|list|updates)",
    r"อยากรับ(อีเมล)?สรุป|รับสรุปรายสัปดาห์", r"\binscrever\b|\binscri[çc][ãa]o\b|\bassinar\s+(a|as)\s+(newsletter|atualiza)",
    r"รับข่าวสาร|สมัครรับ",
    stems=("subscri", "add me", "add us", "put me", "put us", "sign me", "sign us", "keep me", "receive",
           "langgan", "padalhan", "abonne", "inscri", "suscri", "assinar", "makatanggap", "receber", "recibir",
           "recevoir", "menerima", "dapat", "incluam", "ajoutez", "put this", "put my", "รับข่าวสาร", "สมัครรับ",
           "รับสรุป", "อยากรับ"),
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
    r"คำถาม|สอบถาม|แก้ไข|สะกดผิด|แปล|ไหม|หรือไม่|อย่างไร|สัมภาษณ์|ผู้สื่อข่าว",
    r"\b(apakah|bagaimana|adakah|paano|ba\s+ang)\b",
    stems=("ไหม", "หรือไม่", "อย่างไร", "สัมภาษณ์", "ผู้สื่อข่าว", "apakah", "bagaimana", "adakah", "paano", "ba ang", "?", "？", "question", "inquir", "enquir", "query", "clarif", "correct", "typo", "spell", "translat",
           "interview", "press", "journalist", "media", "know", "please", "tanya", "koreksi", "perbaikan", "salah",
           "terjemah", "wawancara", "soalan", "pembetulan", "ejaan", "tanong", "pagwawasto", "mali", "salin",
           "demande", "corrig", "faute", "traduc", "entretien", "pregunta", "consulta", "correc", "error", "erro",
           "entrevista", "pergunta", "dúvida", "duvida", "correç", "tradu", "คำถาม", "สอบถาม", "แก้ไข", "สะกดผิด",
           "แปล"),
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
    r"coletivo|movimento|associa[çc][ãa]o|federa[çc][ãa]o|rede|uni[ãa]o|n[úu]cleo|socialista|comunista|trabalhadores|"
    r"estudantes|juventude|juventud|mulheres|mujeres|obrer[oa]s?|campesin[oa]s?|jeunesse|[ée]tudiants?|travailleu(r|se)s|"
    r"femmes|socialiste|communiste|cercle|groupe|coordination|coordinadora|ouvri(er|[èe]re)s?|regroupement|rassemblement|"
    r"buruh|mahasiswa|pemuda|perempuan|petani|"
    r"nelayan|rakyat|belia|manggagawa|magsasaka|kabataan|kababaihan|mangingisda|guro|tsuper|maralita)\b",
    r"พรรค|สหภาพ|สมาคม|เครือข่าย|มูลนิธิ|กลุ่ม|ขบวนการ|สหพันธ์",
)


# A request written without a question mark ("please let us know when it is out", "kindly let us know whether").
# Narrower than the reader's QUESTION concept, whose Catalan "on" and Italian "come" are English words too.
ASKING = re.compile(
    r"\b(?:let\s+(?:us|me)\s+know|please\s+(?:tell|inform|advise|send|update)|could\s+you|can\s+you|would\s+you|"
    r"deadline|kindly\s+(?:inform|advise|let|update|send)|tolong\s+(?:beritahu|kabari|maklumkan|kirim)|"
    r"mohon\s+(?:info|informasi|dikabari)|sila\s+maklumkan|pakisabi|paki-?update|pakibalitaan|merci\s+de\s+nous\s+"
    r"(?:dire|informer|indiquer)|pouvez-vous|pourriez-vous|podrían|pueden\s+(?:decirnos|informarnos)|"
    r"poderiam|podem\s+(?:dizer|informar)|กรุณาแจ้ง|ช่วยแจ้ง)", re.IGNORECASE)
