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
        # Leichte Sprache splits compounds for reading: Sicherheits-plan, Frauen-haus.
        "sicherheits-plan", "frauen-haus", "schutz-haus", "zuflucht", "schutz-anordnung",
        "kontakt-verbot", "annäherungs-verbot",
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
        "violen", "abuz", "agresor", "adăpost", "victim", "plan de siguranță", "planul de siguranță",
        "viol", "hărțuir",
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


# -- what a cover must not say either --------------------------------------------------------
#
# A cover (pwa/covers.py) is a plain everyday app: besides the words above, it never names this
# app (its key terms in TRANSLATING.md: its name, the quick exit, the disguise), the Runder
# Tisch or the Kreis, nor help of any kind. Checked in the language itself, in German and in
# English (the German and English names are known everywhere).

HELP_WORDS: dict[str, tuple[str, ...]] = {
    "de": ("hilfe", "helf", "beratung", "notruf", "runder tisch", "runden tisch", "kreis mettmann"),
    "en": ("help", "support", "counsel", "emergency", "round table"),
    "tr": ("yardım", "destek", "danışma", "acil", "yuvarlak masa"),
    "ar": ("مساعدة", "المساعدة", "دعم", "استشارة", "طوارئ", "نجدة"),
    "uk": ("допомог", "підтримк", "консультац", "екстрен"),
    "ru": ("помощ", "помог", "поддержк", "консультац", "экстрен"),
    "pl": ("pomoc", "wsparci", "porad", "alarmow"),
    "fa": ("کمک", "مشاوره", "اضطراری", "پشتیبانی"),
    "it": ("aiut", "sostegno", "supporto", "consulen", "emergenz", "tavola rotonda"),
    "el": ("βοηθ", "υποστηριξ", "συμβουλευτ", "εκτακτ", "στρογγυλ"),
    "fr": ("aide", "aider", "soutien", "conseil", "urgence", "table ronde"),
    "ro": ("ajutor", "sprijin", "consilier", "urgen", "masa rotundă"),
    "ku": ("alîkarî", "piştgirî", "şêwir", "acîl", "maseya gilover"),
}
# The key terms that name this app and its parts; the others (plan, passphrase, journal) are
# everyday words in some languages and are covered above where they tell.
APP_TERMS = ("Wegweiser", "Wegweiser Kreis Mettmann", "Seite schnell verlassen", "Schnell verlassen", "Tarnung", "Tarn-App")


def _app_names(code: str) -> list[str]:
    from pwa.settings import ROOT
    from pwa.terminology import read_table

    tables = read_table(ROOT / "TRANSLATING.md")
    names: list[str] = []
    for language in dict.fromkeys(("de", "en", code)):
        for term in tables.get(language, []):
            if term.german in APP_TERMS:
                names += [term.german if language == "de" else term.term, *term.forms]
        names += HELP_WORDS.get(language, ())
    return names


_NAME_PATTERNS: dict[str, re.Pattern[str]] = {}


def cover_telling_words(text: str, code: str) -> list[str]:
    """What a cover must not say, found in ``text``: the telling words and this app's names."""
    base = code.split("-")[0]
    pattern = _NAME_PATTERNS.get(base)
    if pattern is None:
        parts = [r"\w*".join(re.escape(_fold(piece)) for piece in name.split("*")) for name in _app_names(base)]
        pattern = _NAME_PATTERNS.setdefault(base, re.compile("|".join(parts)))
    found = {match.group(0) for match in pattern.finditer(_fold(text))}
    return sorted(found | set(telling_words(text, code)))
