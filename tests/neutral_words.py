"""Words that must never appear in what the phone shows to someone else.

Page titles (history, tabs, the app switcher), manifest names and descriptions, download names,
print headers and everything in a cover must be neutral (brief, non-negotiable 8). This is the
one list the tests check them against, per language: stems for violence, abuse, shelters,
victims, perpetrators, the safety plan, rape, stalking, protection orders and "domestic".

Matching ignores case and accents. In languages that write words apart, a stem counts only at
the start of a word ("rape" does not match "grape"); German compounds and Arabic-script words
with attached articles are matched anywhere inside a word. The German list applies to every
language, because German names of services are kept beside translations.
"""

from __future__ import annotations

import re
import unicodedata

_ANYWHERE = {"de", "ar", "fa"}

FORBIDDEN: dict[str, tuple[str, ...]] = {
    "de": (
        "gewalt", "misshandl", "missbrauch", "frauenhaus", "schutzhaus", "zufluchtsort", "opfer",
        "täter", "sicherheitsplan", "vergewaltig", "stalking", "nachstell", "schutzanordnung",
        "kontaktverbot", "annäherungsverbot", "häuslich", "übergriff",
    ),
    "en": (
        "violence", "violent", "abuse", "abusive", "abuser", "shelter", "refuge", "victim",
        "perpetrator", "safety plan", "rape", "stalking", "stalker", "protection order",
        "restraining order", "domestic", "battered",
    ),
    "tr": (
        "şiddet", "istismar", "sığınma", "sığınak", "mağdur", "kurban", "fail", "saldırgan",
        "güvenlik planı", "tecavüz", "ırza", "ısrarlı takip", "koruma kararı", "aile içi",
        "kadın konukevi",
    ),
    "ar": (
        "عنف", "إساءة", "اساءة", "اعتداء", "ملجأ", "مأوى", "ضحية", "ضحايا", "المعتدي", "الجاني",
        "خطة الأمان", "خطة السلامة", "اغتصاب", "ملاحقة", "مطاردة", "أمر حماية", "أمر الحماية",
        "منزلي", "أسري",
    ),
    "uk": (
        "насильств", "насилля", "кривдник", "жертв", "постраждал", "притул", "зґвалтув",
        "переслідув", "план безпеки", "захисний припис", "заборона наближення", "аб'юз", "абʼюз",
    ),
    "ru": (
        "насили", "насильник", "жертв", "пострадавш", "приют", "убежищ", "изнасил",
        "преследовани", "план безопасности", "защитное предписание", "охранный ордер",
        "запрет на приближение", "абьюз", "обидчик",
    ),
    "pl": (
        "przemoc", "sprawc", "ofiar", "schronisk", "schronieni", "plan bezpieczeństwa", "gwałt",
        "nękani", "stalking", "nakaz ochrony", "zakaz zbliżania", "znęcani", "krzywdziciel",
    ),
    "fa": (
        "خشونت", "آزار", "سوءاستفاده", "سوء استفاده", "پناهگاه", "خانه امن", "قربانی", "مرتکب",
        "برنامه ایمنی", "تجاوز", "تعقیب", "حکم حمایت", "قرار منع", "خانگی",
    ),
    "it": (
        "violenz", "violent", "abus", "maltratt", "antiviolenza", "casa rifugio", "rifugio",
        "vittim", "aggressor", "piano di sicurezza", "stupr", "stalking", "atti persecutori",
        "ordine di protezione", "domestic",
    ),
    "el": (
        "βια", "κακοποι", "καταφυγ", "θυμα", "δραστ", "σχεδιο ασφαλειας", "βιασ", "παρενοχλ",
        "εντολη προστασιας", "περιοριστικ", "ενδοοικογενει",
    ),
    "fr": (
        "violen", "maltrait", "abus", "foyer d'accueil", "refuge", "hébergement d'urgence",
        "victime", "agresseur", "auteur de violence", "plan de sécurité", "viol", "harcèlement",
        "ordonnance de protection", "conjugal", "domestique",
    ),
    "ro": (
        "violen", "abuz", "agresor", "adăpost", "victim", "plan de siguranță", "viol", "hărțuir",
        "ordin de protecție", "domestic",
    ),
    "ku": (
        "tundî", "tundûtûj", "destdirêj", "îstîsmar", "mexdûr", "qurban", "penageh", "stargeh",
        "plana ewlehiy", "destavêtin", "tecawiz", "şopandin", "biryara parastin", "navmalî",
        "nav malbatê",
    ),
}


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("’", "'")


def _pattern(code: str) -> re.Pattern[str]:
    parts = []
    for language in dict.fromkeys(("de", code)):
        for stem in FORBIDDEN.get(language, ()):
            word = re.escape(_fold(stem))
            parts.append(word if language in _ANYWHERE else rf"(?<!\w){word}")
    return re.compile("|".join(parts))


_PATTERNS: dict[str, re.Pattern[str]] = {}


def telling_words(text: str, code: str) -> list[str]:
    """The forbidden stems found in ``text`` (in the language ``code``); empty when neutral."""
    base = code.split("-")[0]
    pattern = _PATTERNS.get(base) or _PATTERNS.setdefault(base, _pattern(base))
    return sorted({match.group(0) for match in pattern.finditer(_fold(text))})
