"""The desk's words: German names of the fields, of their values, and of the checks' problems.

The desk is the office's tool and speaks German only; its words are not in the public
catalogue. A field of the record model without a name here still gets its form field, named
by its own name, until one is added (a test lists the missing ones).

The checks of the record model (:mod:`pwa.records`, :mod:`pwa.directory_rules`,
:mod:`pwa.about_data`) and the edits (:mod:`pwa.edits`) say what is wrong in English, for the
command line: :func:`problem` says it in German, next to the field.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from typing import Mapping

from pwa.about_data import AUDIENCES, EVENT_KINDS, MATERIAL_KINDS
from pwa.directory_vocabulary import ACCESSIBILITY, CHANNELS, CITIES, KINDS, TARGET_GROUPS

CONFIDENCE = {"high": "hoch", "medium": "mittel", "low": "niedrig"}
PARTIAL_DATE_HELP = "JJJJ-MM-TT, JJJJ-MM oder JJJJ, so genau, wie die Quelle es sagt, z. B. 2025-11."


@dataclass(frozen=True)
class Hint:
    """What the desk says about a field: its label, how to enter it, its values' names."""

    label: str
    widget: str | None = None  # None: chosen from the field's type (see pwa/desk/fields.py)
    choices: Mapping[str, str] | None = None
    help: str | None = None
    item: str | None = None  # the name of one item of a list of records ("Telefonnummer")
    required: bool | None = None  # None: as the record type has it


_COMMON: dict[str, Hint] = {
    "id": Hint("Kennung", "text", help="Kleinbuchstaben, Ziffern und Bindestriche, z. B. frauenhaus-mettmann. "
               "Sie steht in der Adresse der Seite und lässt sich später nicht ändern."),
    "title": Hint("Titel", "text"),
    "description": Hint("Beschreibung", help="Zwei, drei einfache Sätze."),
    "sources": Hint("Quellen", "lines", help="Eine Adresse oder Veröffentlichung je Zeile."),
    "sources_read": Hint("Quellen gelesen am"),
    "source_date": Hint("Stand der Quelle", "text", help=PARTIAL_DATE_HELP),
    "link": Hint("Link", "text", help="Eine Adresse, die mit https:// beginnt."),
    "languages": Hint("Sprachen", "codes", help="Sprachkürzel, durch Kommas getrennt, z. B. de, tr, ar; leer, wenn nicht bekannt."),
}

HINTS: dict[str, dict[str, Hint]] = {
    "services": _COMMON | {
        "name": Hint("Name", "text"),
        "operator": Hint("Träger", "text"),
        "kind": Hint("Art der Hilfe", choices=KINDS),
        "area": Hint("Gebiet", "area", choices=dict(zip(CITIES, CITIES))),
        "phones": Hint("Telefonnummern", item="Telefonnummer",
                       help="Eine leere Zeile am Ende nimmt eine neue Nummer auf. Wer alle Felder einer Zeile leert, entfernt sie."),
        "phones.tel": Hint("Nummer zum Wählen", "text", help="+49 und die Ziffern ohne Leerzeichen und ohne die 0 der Vorwahl, "
                           "z. B. +4921041419221; oder 110, 112, 116 und drei Ziffern."),
        "phones.display": Hint("Nummer, wie sie angezeigt wird", "text", help="z. B. 02104 1419-221; leer: aus der Nummer gebildet.",
                               required=False),  # made from the number when a document has none
        "phones.label": Hint("Bezeichnung", "text", help="z. B. eine Stadt, wenn es mehrere Nummern gibt."),
        "email": Hint("E-Mail", "text"),
        "website": Hint("Website", "text", help="Eine Adresse, die mit https:// beginnt."),
        "address": Hint("Adresse", "text", help="Nie für ein Frauenhaus: dessen Adresse ist geheim."),
        "hours": Hint("Öffnungszeiten", "hours", help="Je Tag eine oder mehrere Zeiten, durch Kommas getrennt, z. B. 09:00-12:00, 14:00-16:00."),
        "hours_note": Hint("Hinweis zu den Öffnungszeiten"),
        "hours_confidence": Hint("Verlässlichkeit der Öffnungszeiten", choices=CONFIDENCE),
        "languages": Hint("Sprachen", "codes", help="Sprachkürzel, durch Kommas getrennt, z. B. de, tr, ar; leer, wenn nicht bekannt."),
        "languages_note": Hint("Hinweis zu den Sprachen"),
        "interpreters": Hint("Dolmetschen möglich"),
        "interpreter_languages": Hint("Dolmetschen in diesen Sprachen", "codes", help="Sprachkürzel, durch Kommas getrennt."),
        "interpreter_languages_confidence": Hint("Verlässlichkeit der Dolmetsch-Sprachen", choices=CONFIDENCE),
        "accessibility": Hint("Barrierefreiheit", choices=ACCESSIBILITY),
        "target_groups": Hint("Zielgruppen", choices=TARGET_GROUPS, help="Keine gewählt: für alle."),
        "channels": Hint("Wege der Kontaktaufnahme", choices=CHANNELS,
                         help="Keiner gewählt: Telefon, E-Mail und Website, soweit angegeben."),
        "free": Hint("Kostenlos"),
        "anonymous": Hint("Anonym möglich"),
        "when_you_call": Hint("Wenn Sie anrufen", help="Was beim Anruf geschieht."),
        "outreach": Hint("Sprechstunden vor Ort", item="Sprechstunde",
                         help="Eine leere Zeile am Ende nimmt eine neue auf. Wer alle Felder einer Zeile leert, entfernt sie."),
        "outreach.city": Hint("Stadt", choices=dict(zip(CITIES, CITIES))),
        "outreach.place": Hint("Ort", "text"),
        "outreach.when": Hint("Wann", "text", help="z. B. Am 1. Freitag im Monat, 14–16 Uhr."),
        "outreach.source_date": Hint("Stand der Quelle", "text", help=PARTIAL_DATE_HELP),
        "outreach.confidence": Hint("Verlässlichkeit", choices=CONFIDENCE),
        "confidence": Hint("Verlässlichkeit", choices=CONFIDENCE),
        "checked": Hint("Am Telefon bestätigt am"),
    },
    "events": _COMMON | {
        "date": Hint("Datum", "text", help="Der erste Tag: " + PARTIAL_DATE_HELP),
        "end_date": Hint("Bis", "text", help="Der letzte Tag, wenn es mehrere sind: " + PARTIAL_DATE_HELP),
        "kind": Hint("Art", choices=EVENT_KINDS),
        "audience": Hint("Für wen", choices=AUDIENCES),
        "place": Hint("Ort", "text", help="z. B. digital"),
    },
    "materials": _COMMON | {"kind": Hint("Art", choices=MATERIAL_KINDS)},
}

ACTIONS = {"add": "hinzugefügt", "edit": "geändert", "confirm": "am Telefon bestätigt", "remove": "entfernt", "import": "importiert"}


def hint(table: str, path: str) -> Hint:
    """What the desk says about a field (``phones.tel`` for a field of a list's items)."""
    return HINTS.get(table, {}).get(path) or Hint(path.rsplit(".", 1)[-1].replace("_", " "))


def label(table: str, path: str) -> str:
    return hint(table, path).label


# -- the checks' problems --------------------------------------------------------------------

_VALUE = r"(?P<v>'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"|\S+)"
_OTHER = _VALUE.replace("?P<v>", "?P<w>")
_PROBLEMS: list[tuple[str, str]] = [
    (r"missing", "Bitte ausfüllen."),
    (r"unknown field.*", "Dieses Feld gibt es nicht."),
    (r"must be a mapping.*|a list of \{.*\}", "Diese Angabe hat nicht die richtige Form."),
    (r"use lower-case letters, digits and hyphens, e\.g\. (?P<v>\S+)", "Bitte nur Kleinbuchstaben, Ziffern und Bindestriche, z. B. {v}."),
    (r"must be text", "Bitte einen Text eingeben."),
    (_VALUE + r" is not one of .*", "{v} ist keine der möglichen Angaben."),
    (r"a list of: .*", "Bitte aus der Liste wählen."),
    (r"a value is named twice", "Ein Wert ist doppelt genannt."),
    (r"a list of language codes.*", "Bitte Sprachkürzel, durch Kommas getrennt, z. B. de, tr; leer, wenn nicht bekannt."),
    (r"a language is named twice", "Eine Sprache ist doppelt genannt."),
    (r"true, false or null", "Bitte Ja, Nein oder Unbekannt wählen."),
    (_VALUE + r" is not an https:// address", "{v} ist keine Adresse, die mit https:// beginnt."),
    (_VALUE + r" is not an e-mail address", "{v} ist keine E-Mail-Adresse."),
    (_VALUE + r" must be a date \"YYYY-MM-DD\"", "{v} ist kein Datum. Bitte als JJJJ-MM-TT, z. B. 2026-03-01."),
    (_VALUE + r" must be a quoted date: .*", "{v} ist kein Datum. Bitte JJJJ-MM-TT, JJJJ-MM oder JJJJ, z. B. 2025-11."),
    (r"a list of at least one source.*", "Bitte mindestens eine Quelle angeben: eine Adresse oder Veröffentlichung je Zeile."),
    (r"a shelter's address is secret.*", "Die Adresse eines Frauenhauses ist geheim und wird nie gespeichert."),
    (r"'nationwide', 'kreis' or a list of cities.*", "Bitte bundesweit, den ganzen Kreis oder mindestens eine Stadt wählen."),
    (_VALUE + r" is not a city of the Kreis Mettmann.*", "{v} ist keine Stadt im Kreis Mettmann."),
    (r"a city is named twice", "Eine Stadt ist doppelt genannt."),
    (r"must be text in quotes.*", "Bitte die Nummer zum Wählen eingeben."),
    (_VALUE + r" must be E\.164.*", "{v}: bitte +49 und die Ziffern ohne Leerzeichen und ohne die 0 der Vorwahl, z. B. "
     "+4921041419221; oder 110, 112, 116 und drei Ziffern."),
    (_VALUE + r" is not a phone number", "{v} ist keine Telefonnummer."),
    (_VALUE + r" is not a valid phone number", "{v} ist keine gültige Telefonnummer."),
    (_VALUE + r" is not in E\.164 form", "{v}: bitte ohne die 0 der Vorwahl, z. B. +4921041419221."),
    (_VALUE + r" is not the same number as " + _OTHER, "{v} ist nicht dieselbe Nummer wie {w}."),
    (r"'always', null \(unknown\) or days with times.*", "Bitte „rund um die Uhr“, „unbekannt“ oder Zeiten an mindestens einem Tag angeben."),
    (_VALUE + r" is not a day .*", "{v} ist kein Wochentag."),
    (r"a list of times.*", "Bitte Zeiten wie 09:00-14:00 angeben."),
    (_VALUE + r" is not a time span like .*", "{v} ist keine Zeitspanne wie 09:00-14:00."),
    (_VALUE + r" closes before it opens", "{v}: das Ende liegt vor dem Beginn."),
    (_VALUE + r" overlaps or is out of order", "{v} überschneidet sich mit einer anderen Zeit oder steht nicht in der Reihenfolge des Tages."),
    (_VALUE + r" is before the date " + _OTHER, "{v} liegt vor dem Beginn {w}."),
    (r"an entry with this id exists.*", "Es gibt schon einen Eintrag mit dieser Kennung."),
    (r"cannot be changed.*", "Die Kennung lässt sich nicht ändern."),
    (r"no entry with this id", "Diesen Eintrag gibt es nicht mehr."),
    (_VALUE + r" is in the future", "{v} liegt in der Zukunft."),
    (r"only beside interpreter_languages", "Nur zusammen mit Sprachen fürs Dolmetschen."),
    (r"not YAML: .*", "Das lässt sich nicht lesen. Bitte als YAML eingeben."),
]
_COMPILED = [(re.compile(pattern), german) for pattern, german in _PROBLEMS]
UNKNOWN_PROBLEM = "Diese Angabe ist so nicht gültig."


def _quoted(value: str) -> str:
    try:
        text = ast.literal_eval(value) if value[:1] in "'\"" else value
    except (ValueError, SyntaxError):
        text = value
    return f"„{text}“"


def problem(english: str) -> str | None:
    """The German text of a check's problem, or None when there is none yet."""
    for pattern, german in _COMPILED:
        match = pattern.fullmatch(english)
        if match:
            return german.format(**{name: _quoted(value) for name, value in match.groupdict().items()})
    return None
