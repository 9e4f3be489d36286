"""Events and materials of the Runder Tisch: the records, their checks and the archive by date.

Documents live in the store's ``events`` and ``materials`` tables, seeded from
``data/events.yaml`` and ``data/materials.yaml``, and are changed with
``python -m pwa events|materials ...`` (:mod:`pwa.maintainers`), which runs the checks before any
write. The fields of :class:`Event` and :class:`Material` are the fields of their documents; the
seed files show them. Texts users read (``title``, ``description``, ``place``) are German and are
translated through the gettext catalogue.

Dates are "YYYY-MM-DD", or "YYYY-MM" / "YYYY" when only that much is known
(:func:`pwa.records.period`). An event is past when the last day it covers is before today in
Europe/Berlin: "2025-11" covers all of November 2025, and an ``end_date`` extends it. A campaign
without an ``end_date`` is open-ended ("from 14 February 2026"): it is never past.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Iterable, Mapping

from pwa import records
from pwa.collection import RecordType
from pwa.i18n import N_
from pwa.records import Checks, period, spec

EVENTS = "events"
MATERIALS = "materials"
TABLES = (EVENTS, MATERIALS)

EVENT_KINDS: dict[str, str] = {
    "fachtag": N_("Fachtag"),
    "campaign": N_("Kampagne"),
    "training": N_("Fortbildung"),
    "information": N_("Informationsveranstaltung"),
    "other": N_("Veranstaltung"),
}
AUDIENCES: dict[str, str] = {
    "public": N_("Für alle"),
    "professionals": N_("Für Fachkräfte"),
}
MATERIAL_KINDS: dict[str, str] = {
    "brochure": N_("Broschüre"),
    "flyer": N_("Faltblatt"),
    "poster": N_("Plakat"),
    "sticker": N_("Aufkleber"),
    "bag": N_("Tüte"),
    "other": N_("Material"),
}

TITLE_HINT = "keep a German name in quotes; you may add a translation in brackets"


# -- the records ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Event:
    id: str = spec()  # slug, e.g. fachtag-2025-erstkontakt
    title: str = spec(text=True, hint=TITLE_HINT)
    date: str = spec()  # a partial date: the first day, month or year
    kind: str = spec()  # one of EVENT_KINDS
    audience: str = spec()  # one of AUDIENCES
    description: str = spec(text=True)  # two or three plain sentences
    sources: tuple[str, ...] = spec()  # where the facts were read (at least one)
    end_date: str | None = spec(default=None)  # not before date; None: one day, or a campaign open-ended
    place: str | None = spec(default=None, text=True)  # e.g. "digital"
    link: str | None = spec(default=None)  # https://
    source_date: str | None = spec(default=None)  # a partial date

    @property
    def first_day(self) -> date:
        return period(self.date)[0]

    @property
    def last_day(self) -> date:
        return period(self.end_date or self.date)[1]

    @property
    def open_ended(self) -> bool:
        """A campaign that runs from its date on, with no end named: it is current until one is."""
        return self.kind == "campaign" and self.end_date is None

    @property
    def kind_label(self) -> str:
        return EVENT_KINDS[self.kind]

    @property
    def audience_label(self) -> str:
        return AUDIENCES[self.audience]

    def is_past(self, today: date) -> bool:
        return not self.open_ended and self.last_day < today

    @classmethod
    def from_doc(cls, doc: Mapping[str, Any]) -> "Event":
        """An event from a document that :func:`validate_event` accepted."""
        return records.from_doc(cls, doc)  # type: ignore[no-any-return]


@dataclass(frozen=True)
class Material:
    id: str = spec()
    title: str = spec(text=True, hint=TITLE_HINT)
    kind: str = spec()  # one of MATERIAL_KINDS
    description: str = spec(text=True)
    languages: tuple[str, ...] = spec()  # ISO 639-1 codes; empty: not known
    sources: tuple[str, ...] = spec()
    link: str | None = spec(default=None)
    source_date: str | None = spec(default=None)

    @property
    def kind_label(self) -> str:
        return MATERIAL_KINDS[self.kind]

    @classmethod
    def from_doc(cls, doc: Mapping[str, Any]) -> "Material":
        """A material from a document that :func:`validate_material` accepted."""
        return records.from_doc(cls, doc)  # type: ignore[no-any-return]


def split_events(events: Iterable[Event], today: date) -> tuple[list[Event], list[Event]]:
    """(upcoming, past): upcoming soonest first, the archive newest first."""
    upcoming = sorted((e for e in events if not e.is_past(today)), key=lambda e: (e.first_day, e.id))
    past = sorted(
        (e for e in events if e.is_past(today)), key=lambda e: (e.first_day, e.last_day, e.id), reverse=True
    )
    return upcoming, past


# -- validation ----------------------------------------------------------------------------


def _shared(doc: Any, record_type: type) -> Checks:
    """The checks both tables share: fields, id, texts, link, sources, source date."""
    check = Checks(doc, record_type, "fachtag-2025-erstkontakt")
    check.text("title")
    check.text("description")
    check.https("link")
    check.sources()
    check.partial_date("source_date")
    return check


def validate_event(doc: Any) -> list[str]:
    """Everything wrong with one event, each as ``"<id>: <field>: <problem>"``."""
    check = _shared(doc, Event)
    check.choice("kind", EVENT_KINDS)
    check.choice("audience", AUDIENCES)
    check.text("place")
    start = check.partial_date("date")
    end = check.partial_date("end_date")
    if start and end and end[1] < start[0]:
        check.error("end_date", f"{check.doc['end_date']!r} is before the date {check.doc['date']!r}")
    return check.errors


def validate_material(doc: Any) -> list[str]:
    """Everything wrong with one material, each as ``"<id>: <field>: <problem>"``."""
    check = _shared(doc, Material)
    check.choice("kind", MATERIAL_KINDS)
    check.languages("languages")
    return check.errors


EVENT_RECORDS: RecordType[Event] = RecordType(EVENTS, Event, validate_event)
# Materials by title; events are split and ordered by date on the page (split_events).
MATERIAL_RECORDS: RecordType[Material] = RecordType(
    MATERIALS, Material, validate_material, order=lambda m: (m.title.casefold(), m.id)
)
