"""What a word means, across languages: the concepts the learned reader weighs instead of one language's words.

Pure.  A model trained on German, Indonesian and Spanish mail has never seen a Turkish "imzalıyoruz"; it has
seen the concept SIGN in all three.  Each concept lists the beginnings of the words (stems) and the phrases that
say it in the languages endorsers write; :func:`concepts` finds them in a text.  The table is knowledge of
languages, not of any message: it carries no verdict, the model weighs each concept from the data.

Stems match at the start of a word ("unterzeichn" finds "unterzeichnen", "unterzeichnet"); a stem that ends
with a space is a whole word ("si " is not "sie"); a stem with a space inside is a phrase that begins with that
whole first word; in scripts written without spaces (Thai, Chinese, Japanese, Burmese) a stem is found
anywhere.
"""
from __future__ import annotations

import re
from functools import lru_cache

CONCEPTS: dict[str, tuple[str, ...]] = {
    "SIGN": (
        "endors", "sign on", "signs on", "signing on", "signed on", "signator", "undersign", "co-sign", "cosign",
        "sign ", "signs ", "signed ", "signing ", "include us", "include our", "please include", "pls include",
        "add us", "count us", "signe ", "signent", "signé", "signée", "sumem", "s'adhereix", "adhereix",
        "ens hi sumem", "zeichnet mit", "zeichnen mit", "zeichnen", "pirma", "nak sign",
        "add our name", "add us", "count us in", "put our name", "include our", "join the statement", "sign the",
        "we sign", "we endorse", "support the statement", "support this statement",
        "adhér", "adhes", "adher", "signer", "signons", "signataire", "souscri", "cosign", "appuy",
        "firmar", "firmamos", "firmante", "firmem", "suscrib", "respald", "sumamos", "nos sumamos",
        "assinar", "assinamos", "assinatura", "subscrev", "aderi", "adesão", "endoss",
        "unterzeichn", "unterschreib", "unterschrift", "mitzeichn", "unterstütz", "schließen uns",
        "sottoscriv", "sottoscri", "aderi", "adesion", "firmatari", "sostegn",
        "signar", "signem", "signem", "adherim", "adhesió", "signatur",
        "mendukung", "dukung", "dukungan", "menandatangani", "tandatangan", "tanda tangan", "turut serta",
        "didukung", "ditandatangani", "penandatangan", "bertandatangan", "disokong", "menyokong",
        "bergabung", "menyokong", "sokong", "sokongan", "menyertai", "sertai",
        "lumagda", "lalagda", "pumirma", "pipirma", "nakikiisa", "sumusuporta", "suportahan", "nag-endorso",
        "nag-eendorso", "mag-endorso", "lagda",
        "ลงนาม", "ลงชื่อ", "สนับสนุน", "ร่วมลง", "รับรอง",
        "서명", "지지", "연명", "동참", "賛同", "署名", "連署", "支持", "联署", "聯署", "连署", "签署", "簽署", "签名", "簽名",
        "ký tên", "ký vào", "ủng hộ", "tham gia ký", "đồng ký", "ထောက်ခံ", "လက်မှတ်",
        "imza", "destekl", "katılıyoruz", "katıl",
        "saini", "tunaunga", "kuunga mkono", "tunasaini", "tunaiunga",
        "نوقع", "توقيع", "التوقيع", "نؤيد", "تأييد", "ندعم", "انضمام", "ننضم", "الانضمام",
        "हस्ताक्षर", "समर्थन", "दस्तख़त", "दस्तखत", "شامل", "دستخط", "حمایت", "تائید", "تائيد",
        "স্বাক্ষর", "সমর্থন", "যুক্ত",
        "ondertek", "steun", "podpis", "popiera", "υπογραφ", "υπογράφ", "στηρίζ", "подпис", "поддерж",
    ),
    "WITHDRAW": (
        "withdraw", "remove our", "remove us", "remove the name", "take our name", "take us off", "take down",
        "take off", "retract", "revoke", "delete our", "no longer support", "no longer endorse", "pull our",
        "retir", "retrait", "supprim", "enlever", "ôter",
        "retirar", "retiramos", "retirada", "quitar", "eliminar", "borrar", "remover", "excluir", "sacar",
        "zurückzieh", "zurückgezogen", "zurücknehm", "entfern", "streich", "löschen", "lösch",
        "ritir", "rimuov", "cancell", "toglie", "togliere",
        "retirem", "treure", "traieu", "esborr", "elimineu",
        "menarik", "tarik", "mencabut", "cabut", "hapus", "hapuskan", "gugurkan", "keluarkan", "padam", "batalkan",
        "dicabut", "pencabutan", "dihapus", "menghapus", "penghapusan", "ditarik", "penarikan", "dikeluarkan",
        "mengeluarkan", "dibatalkan", "pembatalan", "digugurkan", "dipadam",
        "bawiin", "binabawi", "tanggalin", "alisin", "burahin",
        "ถอน", "ลบชื่อ", "เอาชื่อออก",
        "철회", "삭제", "빼주", "取り下げ", "撤回", "削除", "取消", "删除", "刪除", "移除",
        "rút tên", "rút lại", "xóa tên", "gỡ tên", "ရုပ်သိမ်း", "ဖယ်ရှား",
        "geri çek", "kaldır", "silin", "silme", "silmek", "silebilir", "silinsin",
        "ondoa", "tuondoe", "futa", "tunajiondoa",
        "سحب", "نسحب", "حذف", "إزالة", "ازالة", "شطب",
        "वापस ले", "हटा", "واپس", "ہٹا", "نکال", "প্রত্যাহার", "বাদ দি", "সরিয়ে",
        "intrek", "verwijder", "wycof", "usun", "απόσυρ", "αφαίρεσ", "отозв", "удал",
    ),
    "QUESTION": (
        "what", "when", "how", "who", "where", "which", "whether", "can we", "could you", "is it", "is there",
        "do we", "do i", "does", "would it", "deadline", "question", "wonder",
        "quel", "quand", "comment", "qui ", "où", "est-ce", "pourriez", "pouvons", "question",
        "qué", "que ", "cuándo", "cuando", "cómo", "quién", "dónde", "podemos", "podrían", "pregunta", "duda",
        "quando", "como", "quem", "onde", "podem", "pergunta", "dúvida",
        "wie ", "wann", "wer ", "wo ", "was ", "kann", "können", "könnt", "gibt es", "frage", "ob ",
        "come ", "chi ", "dove", "cosa", "posso", "possiamo", "potete", "domanda",
        "quan ", "com ", "qui ", "on ", "què", "podem", "pregunta",
        "apa", "apakah", "bagaimana", "kapan", "bila", "bilakah", "siapa", "di mana", "bisakah", "boleh",
        "pertanyaan", "soalan", "bertanya",
        "ano", "paano", "kailan", "sino", "saan", "puwede", "pwede", "tanong",
        "อะไร", "อย่างไร", "ยังไง", "เมื่อไร", "เมื่อไหร่", "ไหม", "หรือไม่", "หรือเปล่า", "ใคร", "สอบถาม",
        "무엇", "어떻게", "언제", "까요", "나요", "니까", "문의", "질문", "何", "いつ", "どう", "ですか", "ますか",
        "でしょうか", "質問", "問い合わせ", "吗", "嗎", "什么", "甚麼", "如何", "怎么", "怎麼", "请问", "請問",
        "gì", "nào", "bao giờ", "thế nào", "làm sao", "câu hỏi", "ဘာ", "ဘယ်", "လား",
        "nasıl", "ne zaman", "kim", "nerede", "soru",
        "nini", "lini", "vipi", "wapi", "nani", "swali",
        "ماذا", "متى", "كيف", "هل", "من هو", "أين", "سؤال", "استفسار",
        "क्या", "कब", "कैसे", "कौन", "कहाँ", "सवाल", "کیا", "کب", "کیسے", "کون", "سوال",
        "কি ", "কী", "কখন", "কিভাবে", "কোথায়", "প্রশ্ন",
        "wat ", "wanneer", "hoe ", "czy", "jak ", "kiedy", "πότε", "πώς", "τι ",
    ),
    "SUBSCRIBE": (
        "subscrib", "newsletter", "mailing list", "keep me informed", "keep us informed", "keep us posted",
        "updates", "digest", "inform us", "notify us",
        "abonner", "inscrire", "inscription", "tenir informé", "nouvelles",
        "suscrib", "suscripción", "boletín", "novedades", "informados", "lista de correo",
        "inscrever", "inscrição", "novidades", "boletim", "informados",
        "abonnier", "auf dem laufenden", "verteiler", "rundbrief",
        "iscriv", "iscrizione", "aggiornament", "informati",
        "subscriure", "subscripció", "butlletí", "informats",
        "langganan", "berlangganan", "melanggan", "kabar terbaru", "perkembangan", "info terbaru", "buletin",
        "mag-subscribe", "balita", "update",
        "ติดตาม", "รับข่าว", "ข่าวสาร", "구독", "소식", "購読", "登録", "最新情報", "订阅", "訂閱", "通讯", "通訊",
        "đăng ký nhận", "bản tin", "cập nhật", "သတင်း",
        "abone", "bülten", "haberdar",
        "jiandikisha", "habari mpya", "taarifa",
        "اشتراك", "النشرة", "المستجدات", "سبسکرائب", "اپڈیٹ", "सदस्यता", "अपडेट", "সাবস্ক্রাইব", "আপডেট",
        "nieuwsbrief", "abonneren", "subskryb", "ενημερ",
    ),
    "UNSUBSCRIBE": (
        "unsubscrib", "stop sending", "stop emailing", "remove me from", "take me off", "opt out", "opt-out",
        "no more emails", "désabonn", "désinscri", "ne plus recevoir", "darme de baja", "darse de baja",
        "dar de baja", "de baja", "cancelar suscripción", "no recibir", "descadastr", "cancelar inscrição",
        "não receber", "abmeld", "austragen", "abbestell", "keine mails mehr", "disiscriv", "cancellatemi",
        "non ricevere", "donar de baixa", "de baixa", "no rebre", "berhenti berlangganan", "henti langganan",
        "berhenti menerima", "jangan kirim", "huwag nang padalhan", "itigil", "ยกเลิกการรับ", "ไม่ต้องส่ง",
        "구독 취소", "수신거부", "수신 거부", "配信停止", "購読解除", "退订", "取消订阅", "取消訂閱", "hủy đăng ký",
        "ngừng gửi", "abonelikten çık", "göndermeyin", "jiondoe", "acha kutuma", "إلغاء الاشتراك", "الغاء الاشتراك",
        "توقفوا عن", "अनसब्सक्राइब", "مت بھیج", "আনসাবস্ক্রাইব", "afmeld", "wypisz",
    ),
    "THANKS": (
        "thank", "thanks", "thx", "merci", "gracias", "obrigad", "danke", "vielen dank", "grazie", "gràcies",
        "moltes gràcies", "terima kasih", "trims", "makasih", "salamat", "maraming salamat", "ขอบคุณ",
        "감사", "고맙", "ありがとう", "有難う", "谢谢", "謝謝", "多谢", "多謝", "cảm ơn", "cám ơn", "ကျေးဇူး",
        "teşekkür", "sağol", "asante", "شكرا", "شكراً", "نشكر", "धन्यवाद", "शुक्रिया", "شکریہ", "ধন্যবাদ",
        "bedankt", "dziękuj", "ευχαριστ", "спасибо",
    ),
    "RECEIVED": (
        "received", "got it", "noted", "well received", "recibido", "recibimos", "reçu", "bien reçu", "recebido",
        "recebemos", "erhalten", "ricevuto", "rebut", "diterima", "sudah terima", "natanggap", "ได้รับ",
        "받았", "受け取", "拝受", "收到", "đã nhận", "aldık", "imepokelewa", "tumepokea", "استلمنا", "تم الاستلام",
        "मिल गया", "प्राप्त", "مل گیا", "موصول", "পেয়েছি", "ontvangen", "otrzyma",
    ),
    "YES": (
        "yes", "yep", "yeah", "confirm", "agreed", "correct", "ok", "okay", "oui", "confirme", "sí", "si ",
        "confirmo", "confirmado", "confirmamos", "sim", "ja ", "jawohl", "bestätig", "passt", "stimmt", "confermo",
        "confermat", "certo", "confirmat", "correcte", "ya ", "iya", "betul", "benar", "setuju", "sah", "oo ", "opo",
        "kumpirm", "tama", "ใช่", "ยืนยัน", "ถูกต้อง", "네", "예 ", "확인", "맞습", "はい", "確認", "了解", "承知", "是的",
        "确认", "確認", "对", "vâng", "đúng", "xác nhận", "ဟုတ်", "evet", "onaylı", "ndiyo", "thibitisha", "sawa",
        "نعم", "أؤكد", "اؤكد", "تأكيد", "हाँ", "हां", "पुष्टि", "جی ہاں", "تصدیق", "হ্যাঁ", "নিশ্চিত", "klopt",
        "potwierdz", "ναι", "да",
    ),
    "NO": (
        "no ", "not ", "never", "don't", "didn't", "did not", "non ", "jamais", "nunca", "não", "nein", "nicht",
        "niemals", "nie ", "mai ", "tidak", "bukan", "belum", "gak ", "nggak", "hindi", "ไม่", "아니", "않", "いいえ",
        "ない", "不是", "没有", "沒有", "không", "မဟုတ်", "hayır", "değil", "hapana", "si ", "لا ", "لم ", "ليس",
        "नहीं", "نہیں", "না ", "nee", "geen", "όχι", "нет",
    ),
    "AWAY": (
        "out of office", "out of the office", "away from", "on leave", "on holiday", "vacation", "annual leave",
        "limited access", "will be back", "back on", "return on", "until", "absent", "absence", "congé",
        "vacances", "de retour", "ausente", "vacaciones", "fuera de la oficina", "regreso", "estaré", "ausência",
        "férias", "fora do escritório", "retorno", "abwesen", "urlaub", "zurück am", "bin ab", "nicht im büro",
        "assente", "ferie", "rientro", "fuori ufficio", "fora de l'oficina", "vacances", "cuti", "sedang cuti",
        "luar kantor", "luar pejabat", "kembali pada", "bakasyon", "wala sa opisina", "babalik", "ลาพัก",
        "ไม่อยู่", "ไม่อยู่สำนักงาน", "부재", "휴가", "不在", "休暇", "外出", "出張", "休假", "放假", "不在办公室",
        "nghỉ phép", "vắng mặt", "ခွင့်", "izin", "izinde", "tatil", "ofis dışı", "likizo", "sipo ofisini",
        "إجازة", "خارج المكتب", "छुट्टी", "बाहर", "چھٹی", "دفتر سے باہر", "ছুটি", "অফিসের বাইরে",
        "afwezig", "vakantie", "urlop", "άδεια",
    ),
    "AUTOMATIC": (
        "automatic", "automated", "auto-reply", "autoreply", "do not reply", "do-not-reply", "noreply",
        "this is an automatic", "ticket", "request has been received", "automatique", "automática", "automático",
        "automatisch", "automatica", "automàtica", "otomatis", "automatik", "awtomatiko", "อัตโนมัติ", "자동",
        "自動", "自动", "tự động", "otomatik", "otomatiki", "تلقائي", "آلي", "स्वचालित", "خودکار", "স্বয়ংক্রিয়",
        "automatyczn", "αυτόματ",
    ),
    "UNDELIVERED": (
        "undeliver", "delivery fail", "delivery status", "could not be delivered", "couldn't be delivered",
        "returned mail", "mailbox full", "user unknown", "does not exist", "address rejected", "permanent error",
        "mail delivery", "failure notice", "non remis", "échec de la remise", "n'a pas pu être remis",
        "no se pudo entregar", "no entregado", "devuelto", "não entregue", "falha na entrega", "não foi possível entregar",
        "unzustellbar", "nicht zugestellt", "nicht zustellbar", "konnte nicht zugestellt", "mancata consegna",
        "non recapitat", "impossibile recapitare", "no s'ha pogut lliurar", "no lliurat", "tidak terkirim",
        "gagal dikirim", "gagal dihantar", "tidak dapat dihantar", "hindi naipadala", "ส่งไม่สำเร็จ", "ไม่สามารถส่ง",
        "전달 실패", "배달되지", "배달 실패", "配信できません", "送信できません", "届きません", "退信", "无法送达",
        "無法傳遞", "无法投递", "không gửi được", "không thể gửi", "teslim edilemedi", "iletilemedi",
        "haikuweza kufikishwa", "تعذر تسليم", "فشل التسليم", "لم يتم تسليم", "वितरित नहीं", "ڈیلیور نہیں",
        "ডেলিভারি ব্যর্থ", "niet afgeleverd", "niedostarcz", "mailer-daemon", "postmaster", "smtp", "5.1.1",
        "5.7.1", "5.2.2", "550", "554",
    ),
    "ORGANIZATION": (
        "union", "party", "association", "federation", "network", "movement", "alliance", "collective",
        "committee", "coalition", "council", "front", "league", "society", "institute", "centre", "center",
        "foundation", "forum", "organisation", "organization", "cooperative", "assembly", "confederation",
        "syndicat", "collectif", "mouvement", "comité", "fédération", "réseau", "coordination", "parti",
        "sindicato", "colectivo", "movimiento", "federación", "asociación", "frente", "red ", "coordinadora",
        "asamblea", "plataforma", "partido", "coletivo", "movimento", "associação", "federação", "rede ",
        "gewerkschaft", "verein", "verband", "bündnis", "initiative", "netzwerk", "partei", "kollektiv",
        "sindacato", "associazione", "comitato", "rete ", "partito", "circolo", "coordinamento", "sindicat",
        "associació", "col·lectiu", "assemblea", "serikat", "persatuan", "gabungan", "gerakan", "aliansi",
        "lembaga", "yayasan", "jaringan", "kesatuan", "pertubuhan", "persekutuan", "kilusan", "samahan",
        "alyansa", "unyon", "koalisyon", "สหภาพ", "สมาคม", "เครือข่าย", "มูลนิธิ", "กลุ่ม", "ขบวนการ", "สหพันธ์",
        "พรรค", "노동조합", "노조", "연대", "연합", "위원회", "네트워크", "협회", "조합", "労働組合", "組合", "協会",
        "委員会", "連合", "ネットワーク", "工会", "協會", "协会", "联盟", "聯盟", "công đoàn", "hội ", "liên minh",
        "mạng lưới", "သမဂ္ဂ", "အဖွဲ့", "sendika", "dernek", "platform", "meclis", "chama", "umoja", "shirikisho",
        "jumuiya", "اتحاد", "جمعية", "نقابة", "حزب", "شبكة", "حركة", "لجنة", "مركز", "संघ", "यूनियन", "समिति",
        "मंच", "पार्टी", "संगठन", "یونین", "تنظیم", "پارٹی", "انجمن", "فیڈریشن", "ইউনিয়ন", "সমিতি", "ফেডারেশন",
        "পার্টি", "সংগঠন", "vakbond", "vereniging", "związek", "stowarzyszenie", "ένωση", "σύλλογος", "союз",
    ),
    "GREETING": (
        "dear", "hi ", "hello", "hey", "greetings", "good morning", "good afternoon", "good evening", "comrades",
        "friends", "liebe", "lieber", "sehr geehrte", "hallo", "moin", "servus", "grüezi", "bonjour", "bonsoir",
        "cher", "chère", "chers", "madame", "monsieur", "salut", "estimad", "querid", "hola", "buenos días",
        "buenas", "compañer", "caro", "cara ", "cari", "gentil", "spett", "salve", "ciao", "prezad", "olá", "bom dia",
        "boa tarde", "boa noite", "benvolgu", "bon dia", "bona tarda", "bona nit", "kepada", "yth", "salam",
        "assalamu", "halo", "hai ", "selamat", "dengan hormat", "mahal na", "kumusta", "magandang", "mga kasama",
        "สวัสดี", "เรียน", "안녕", "拝啓", "各位", "您好", "你好", "kính gửi", "xin chào", "chào", "sayın", "merhaba",
        "selam", "habari", "ndugu", "jambo", "السلام", "عزيز", "الأعزاء", "नमस्ते", "प्रिय", "आदरणीय", "محترم",
        "جناب", "জনাব", "প্রিয়", "শুভেচ্ছা", "beste", "geachte", "szanown", "αγαπητ", "уважаем",
    ),
    "ROLE": (
        "secretary", "president", "chair", "coordinator", "director", "board", "spokes", "treasurer", "organiser",
        "organizer", "member", "officer", "convenor", "vorstand", "sekretär", "vorsitz", "sprecher", "geschäftsf",
        "président", "secrétaire", "coordinat", "porte-parole", "responsable", "presidente", "secretari",
        "coordinador", "portavoz", "direct", "coordenador", "segretari", "coordinatore", "portaveu", "direktur",
        "ketua", "sekretaris", "pengurus", "dewan pimpinan", "setiausaha", "pengerusi", "koordinator", "kalihim",
        "pangulo", "tagapangulo", "ประธาน", "เลขาธิการ", "ผู้ประสานงาน", "위원장", "대표", "사무국장", "代表", "事務局",
        "主席", "秘书", "秘書", "chủ tịch", "thư ký", "điều phối", "başkan", "sekreter", "sözcü", "mwenyekiti", "katibu",
        "mratibu", "رئيس", "أمين", "منسق", "अध्यक्ष", "सचिव", "संयोजक", "صدر", "سیکرٹری", "جنرل", "সভাপতি",
        "সম্পাদক", "সমন্বয়ক", "voorzitter", "secretaris", "prezes", "πρόεδρ", "γραμματ",
    ),
    "INDIVIDUAL": (
        "as an individual", "personally", "personal capacity", "in my own name", "myself", "i as a",
        "private person", "à titre personnel", "à titre individuel", "a título personal", "a título individual",
        "em nome próprio", "a título pessoal", "als privatperson", "persönlich", "a titolo personale",
        "a títol personal", "secara pribadi", "pribadi", "peribadi", "bilang indibidwal", "sa sariling",
        "ส่วนตัว", "개인", "個人", "个人", "cá nhân", "şahsen", "bireysel", "binafsi", "بصفتي الشخصية",
        "بشكل شخصي", "व्यक्तिगत", "ذاتی", "ব্যক্তিগত", "persoonlijk", "osobiście", "προσωπικά",
    ),
    "CAMPAIGN": (
        "petition", "sign our", "please sign", "call to sign", "sign this", "sign the petition", "share widely",
        "pétition", "signez", "firmad", "firma la", "petición", "assinem", "abaixo-assinado", "petição",
        "unterschreibt", "petition", "firmate", "petizione", "signeu", "petició", "petisi", "tanda tangani",
        "pirmahan", "ร่วมลงชื่อในแคมเปญ", "서명해 주세요", "서명 부탁", "署名をお願い", "请签名", "請簽名", "hãy ký",
        "imzalayın", "imza kampanyası", "tia saini", "وقعوا", "عريضة", "हस्ताक्षर करें", "याचिका", "দরখাস্ত",
        "forward", "fwd", "spread the word",
    ),
}
_UNSPACED = re.compile(r"[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u9fff]")
_WORD = re.compile(r"[^\W_]+(?:['’\-·][^\W_]+)*", re.UNICODE)


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, frozenset[str]], dict[str, frozenset[str]], dict[str, tuple[tuple[str, str], ...]],
                       tuple[tuple[str, str], ...]]:
    """(stems that begin a word → concepts, whole words → concepts, phrases by their first word, stems of
    unspaced scripts)."""
    prefix: dict[str, set[str]] = {}
    whole: dict[str, set[str]] = {}
    phrases: dict[str, list[tuple[str, str]]] = {}
    unspaced: list[tuple[str, str]] = []
    for concept, stems in CONCEPTS.items():
        for stem in dict.fromkeys(stems):
            lowered = stem.lower()
            bare = lowered.strip()
            if _UNSPACED.search(lowered):
                unspaced.append((bare, concept))
            elif " " in bare:
                first = _WORD.findall(bare)[0]
                phrases.setdefault(first, []).append((bare, concept))
            elif lowered.endswith(" "):
                whole.setdefault(bare, set()).add(concept)
            else:
                prefix.setdefault(bare, set()).add(concept)
    return ({k: frozenset(v) for k, v in prefix.items()}, {k: frozenset(v) for k, v in whole.items()},
            {k: tuple(v) for k, v in phrases.items()}, tuple(unspaced))


def concepts(text: str) -> frozenset[str]:
    """The concepts *text* says, by the table above (short texts, such as a candidate's words, are cached)."""
    if len(text) <= 160:
        return _concepts_cached(text)
    return _concepts_of_long_text(text)


@lru_cache(maxsize=32)
def _concepts_of_long_text(text: str) -> frozenset[str]:
    """A message's own words are asked about several times (kind, bands, courtesy): read them once."""
    return frozenset(_concepts(text))


@lru_cache(maxsize=65536)
def _concepts_cached(text: str) -> frozenset[str]:
    return frozenset(_concepts(text))


_NON_LATIN = re.compile(r"[^\u0000-\u05ff]")


@lru_cache(maxsize=1)
def _stem_lengths() -> tuple[int, ...]:
    return tuple(sorted({len(stem) for stem in _tables()[0]}))


def _concepts(text: str) -> set[str]:
    _prefix, _whole, phrases, unspaced = _tables()
    lower = text.lower()
    words = _WORD.findall(lower)
    found: set[str] = set().union(*map(_word_concepts, words))
    for i, candidates in enumerate(map(phrases.get, words)):
        if candidates:
            tail = " ".join(words[i:i + 4])
            for phrase, concept in candidates:
                if tail.startswith(phrase):
                    found.add(concept)
    if _UNSPACED.search(lower) or _NON_LATIN.search(lower, 0, 200):
        for stem, concept in unspaced:
            if concept not in found and stem in lower:
                found.add(concept)
    return found


@lru_cache(maxsize=65536)
def _word_concepts(word: str) -> frozenset[str]:
    """The concepts one word says by itself: as a whole word, and by every beginning of it that is a stem.  The
    same words come back in every message, so each is looked up once."""
    prefix, whole, _phrases, _unspaced = _tables()
    found = set(whole.get(word, ()))
    for end in _stem_lengths():
        if end > len(word):
            break
        hit = prefix.get(word[:end])
        if hit:
            found |= hit
    return frozenset(found)
