"""The help directory's words: kinds of help, the cities of the Kreis, areas, groups, channels.

Each mapping goes from the value stored in a document (and used in the API and the filter's
query string) to its German name; the pages translate the name through the gettext catalogue.
"""

from __future__ import annotations

from pwa.i18n import N_

# In this order on the pages: what saves a life first.
KINDS: dict[str, str] = {
    "emergency": N_("Notruf"),
    "hotline": N_("Hilfetelefon"),
    "police": N_("Polizei"),
    "shelter": N_("Frauenhaus"),
    "counselling": N_("Beratung"),
    "medical": N_("Medizinische Hilfe"),
    "children": N_("Kinderschutz"),
    "perpetrators": N_("Täterarbeit"),
    "network": N_("Netzwerk"),
}

CITIES: tuple[str, ...] = (
    "Erkrath",
    "Haan",
    "Heiligenhaus",
    "Hilden",
    "Langenfeld",
    "Mettmann",
    "Monheim am Rhein",
    "Ratingen",
    "Velbert",
    "Wülfrath",
)

NATIONWIDE = "nationwide"
KREIS = "kreis"
AREAS: dict[str, str] = {NATIONWIDE: N_("Bundesweit"), KREIS: N_("Ganzer Kreis Mettmann")}

ACCESSIBILITY: dict[str, str] = {
    "sign_language": N_("Gebärdensprache"),
    "easy_language": N_("Leichte Sprache"),
    "step_free": N_("Stufenloser Zugang"),
}

TARGET_GROUPS: dict[str, str] = {
    "women": N_("Frauen"),
    "men": N_("Männer"),
    "children": N_("Kinder und Jugendliche"),
    "parents": N_("Eltern"),
    "relatives": N_("Angehörige"),
    "professionals": N_("Fachkräfte"),
    "perpetrators": N_("Menschen, die Gewalt ausüben"),
    "pregnant": N_("Schwangere"),
}

CHANNELS: dict[str, str] = {
    "phone": N_("Telefon"),
    "email": N_("E-Mail"),
    "chat": N_("Chat"),
    "app": N_("App"),
    "website": N_("Website"),
}

CONFIDENCE = ("high", "medium", "low")
ALWAYS = "always"
DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")  # index = datetime.weekday()
