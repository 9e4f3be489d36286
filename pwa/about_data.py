"""Events and materials of the Runder Tisch: the model, its validation and the archive by date.

Documents live in the store's ``events`` and ``materials`` tables, seeded from
``data/events.yaml`` and ``data/materials.yaml``, and are changed with
``python -m pwa events|materials ...`` (:mod:`pwa.about_cli`), which runs :func:`validate`
before any write. Texts users read (``title``, ``description``, ``place``) are German and are
translated through the gettext catalogue (:func:`extract_seed`).

An event::

    id            slug, e.g. fachtag-2025-erstkontakt
    title         German title
    date          "YYYY-MM-DD", or "YYYY-MM" / "YYYY" when only that much is known (the start)
    end_date      the same forms, not before date; or null (a one-day event, or open-ended)
    kind          one of EVENT_KINDS
    audience      "public" or "professionals"
    description   two or three plain German sentences
    place         German text, e.g. "digital", or null
    link          https:// address, or null
    sources       where the facts were read (at least one)
    source_date   "YYYY", "YYYY-MM" or "YYYY-MM-DD" of the sources, or null

A material: id, title, kind (one of MATERIAL_KINDS), description, languages (ISO 639-1 codes;
empty = not known), link, sources, source_date; the last three as for an event.

An event is past when the last day it covers is before today in Europe/Berlin: "2025-11"
covers all of November 2025, and an end_date extends it.
"""

from __future__ import annotations

import calendar
import logging
import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Callable, Iterable, Iterator, Mapping
from zoneinfo import ZoneInfo

import yaml

from pwa.i18n import N_
from pwa.store import SeedLoader, Store

log = logging.getLogger(__name__)



EVENTS = "events"
MATERIALS = "materials"
TABLES = (EVENTS, MATERIALS)
BERLIN = ZoneInfo("Europe/Berlin")

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

# Keys whose values users read; the extractor puts them into the gettext catalogue.
TEXT_FIELDS = ("title", "description", "place")

_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_LANGUAGE = re.compile(r"^[a-z]{2,3}$")


# -- dates ---------------------------------------------------------------------------------


def period(value: str) -> tuple[date, date]:
    """The first and last day a partial ISO date covers: "2025-11" -> 1 to 30 November 2025.

    Raises ValueError for anything but "YYYY", "YYYY-MM" or "YYYY-MM-DD" naming a real day.
    """
    match = _PARTIAL_DATE.match(value) if isinstance(value, str) else None
    if not match:
        raise ValueError(f"{value!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = match.groups()
    if day:
        single = date(int(year), int(month), int(day))
        return single, single
    if month:
        last = calendar.monthrange(int(year), int(month))[1]  # raises for month 13
        return date(int(year), int(month), 1), date(int(year), int(month), last)
    return date(int(year), 1, 1), date(int(year), 12, 31)


def precision(value: str) -> str:
    """ "day", "month" or "year": how much of a partial ISO date is known."""
    return {10: "day", 7: "month"}.get(len(value), "year")


def today_in_berlin() -> date:
    return datetime.now(BERLIN).date()


# -- the model -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Event:
    id: str
    title: str
    date: str
    kind: str
    audience: str
    description: str
    sources: tuple[str, ...]
    end_date: str | None = None
    place: str | None = None
    link: str | None = None
    source_date: str | None = None

    @property
    def first_day(self) -> date:
        return period(self.date)[0]

    @property
    def last_day(self) -> date:
        return period(self.end_date or self.date)[1]

    @property
    def kind_label(self) -> str:
        return EVENT_KINDS[self.kind]

    @property
    def audience_label(self) -> str:
        return AUDIENCES[self.audience]

    def is_past(self, today: date) -> bool:
        return self.last_day < today

    @classmethod
    def from_doc(cls, doc: Mapping[str, Any]) -> "Event":
        """An event from a document that :func:`validate_event` accepted."""
        return cls(
            id=doc["id"],
            title=doc["title"].strip(),
            date=doc["date"],
            kind=doc["kind"],
            audience=doc["audience"],
            description=doc["description"].strip(),
            sources=tuple(doc["sources"]),
            end_date=doc.get("end_date"),
            place=_text(doc.get("place")),
            link=doc.get("link"),
            source_date=doc.get("source_date"),
        )


@dataclass(frozen=True)
class Material:
    id: str
    title: str
    kind: str
    description: str
    sources: tuple[str, ...]
    languages: tuple[str, ...] = ()
    link: str | None = None
    source_date: str | None = None

    @property
    def kind_label(self) -> str:
        return MATERIAL_KINDS[self.kind]

    @classmethod
    def from_doc(cls, doc: Mapping[str, Any]) -> "Material":
        """A material from a document that :func:`validate_material` accepted."""
        return cls(
            id=doc["id"],
            title=doc["title"].strip(),
            kind=doc["kind"],
            description=doc["description"].strip(),
            sources=tuple(doc["sources"]),
            languages=tuple(doc.get("languages") or ()),
            link=doc.get("link"),
            source_date=doc.get("source_date"),
        )


def _text(value: Any) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None


def split_events(events: Iterable[Event], today: date) -> tuple[list[Event], list[Event]]:
    """(upcoming, past): upcoming soonest first, the archive newest first."""
    upcoming = sorted((e for e in events if not e.is_past(today)), key=lambda e: (e.first_day, e.id))
    past = sorted(
        (e for e in events if e.is_past(today)), key=lambda e: (e.first_day, e.last_day, e.id), reverse=True
    )
    return upcoming, past


def load_events(store: Store) -> list[Event]:
    """The valid events in the store; an invalid one is left out (and logged), never shown half."""
    return [Event.from_doc(doc) for doc in _valid(store, EVENTS)]


def load_materials(store: Store) -> list[Material]:
    """The valid materials in the store, by title."""
    materials = [Material.from_doc(doc) for doc in _valid(store, MATERIALS)]
    return sorted(materials, key=lambda m: (m.title.casefold(), m.id))


def _valid(store: Store, table: str) -> Iterator[Mapping[str, Any]]:
    for doc in store.all(table):
        errors = validate(table, doc)
        if errors:
            log.warning("%s entry left out: %s", table, "; ".join(errors))
            continue
        yield doc


# -- validation ----------------------------------------------------------------------------

Report = Callable[[str, str], None]

EVENT_REQUIRED = ("id", "title", "date", "kind", "audience", "description", "sources")
EVENT_OPTIONAL = ("end_date", "place", "link", "source_date")
MATERIAL_REQUIRED = ("id", "title", "kind", "description", "languages", "sources")
MATERIAL_OPTIONAL = ("link", "source_date")


def validate(table: str, doc: Any) -> list[str]:
    """Everything wrong with one document of ``table``, each as ``"<id>: <field>: <problem>"``."""
    if table == EVENTS:
        return validate_event(doc)
    if table == MATERIALS:
        return validate_material(doc)
    raise ValueError(f"unknown table {table!r}")


def validate_all(table: str, docs: Any) -> list[str]:
    """Errors of a whole table: every entry, plus ids used twice."""
    if not isinstance(docs, list):
        return ["the file must be a list of entries"]
    errors: list[str] = []
    seen: set[str] = set()
    for position, doc in enumerate(docs, 1):
        errors += [e.replace("(no id)", f"entry {position}", 1) for e in validate(table, doc)]
        doc_id = doc.get("id") if isinstance(doc, Mapping) else None
        if isinstance(doc_id, str):
            if doc_id in seen:
                errors.append(f"{doc_id}: id: used by more than one entry")
            seen.add(doc_id)
    return errors


def validate_event(doc: Any) -> list[str]:
    errors, error = _start(doc, EVENT_REQUIRED, EVENT_OPTIONAL)
    if not isinstance(doc, Mapping):
        return errors
    _check_choice(doc.get("kind"), "kind", EVENT_KINDS, error)
    _check_choice(doc.get("audience"), "audience", AUDIENCES, error)
    _check_text(doc.get("place"), "place", error)
    start = _check_partial_date(doc.get("date"), "date", error)
    end = _check_partial_date(doc.get("end_date"), "end_date", error)
    if start and end and end[1] < start[0]:
        error("end_date", f"{doc['end_date']!r} is before the date {doc['date']!r}")
    return errors


def validate_material(doc: Any) -> list[str]:
    errors, error = _start(doc, MATERIAL_REQUIRED, MATERIAL_OPTIONAL)
    if not isinstance(doc, Mapping):
        return errors
    _check_choice(doc.get("kind"), "kind", MATERIAL_KINDS, error)
    languages = doc.get("languages")
    if languages is not None and (
        not isinstance(languages, list)
        or not all(isinstance(code, str) and _LANGUAGE.match(code) for code in languages)
    ):
        error("languages", "a list of language codes, e.g. [de, tr]; [] when not known")
    elif isinstance(languages, list) and len(set(languages)) != len(languages):
        error("languages", "a language is named twice")
    return errors


def _start(doc: Any, required: tuple[str, ...], optional: tuple[str, ...]) -> tuple[list[str], Report]:
    """The checks every table shares: fields known and present, id, texts, link, sources."""
    errors: list[str] = []
    if not isinstance(doc, Mapping):
        errors.append("entry: must be a mapping of fields")
        return errors, lambda field, problem: None
    raw_id = doc.get("id")
    entry = raw_id if isinstance(raw_id, str) and raw_id else "(no id)"

    def error(field: str, problem: str) -> None:
        errors.append(f"{entry}: {field}: {problem}")

    for field in doc:
        if field not in required + optional:
            error(str(field), f"unknown field (known: {', '.join(required + optional)})")
    for field in required:
        if field not in doc or doc[field] is None or doc[field] == "":
            error(field, "missing")
    if raw_id not in (None, "") and (not isinstance(raw_id, str) or not _ID.match(raw_id)):
        error("id", "use lower-case letters, digits and hyphens, e.g. fachtag-2025-erstkontakt")
    for field in ("title", "description"):
        _check_text(doc.get(field), field, error)
    link = doc.get("link")
    if link is not None and not _is_https(link):
        error("link", f"{link!r} is not an https:// address")
    sources = doc.get("sources")
    if sources is not None and (
        not isinstance(sources, list)
        or not sources
        or not all(isinstance(s, str) and s.strip() for s in sources)
    ):
        error("sources", "a list of at least one source (an address or a publication)")
    _check_partial_date(doc.get("source_date"), "source_date", error)
    return errors, error


def _check_text(value: Any, field: str, error: Report) -> None:
    if value is not None and (not isinstance(value, str) or not value.strip()):
        error(field, "must be text")


def _check_choice(value: Any, field: str, known: Mapping[str, str], error: Report) -> None:
    if value is not None and value not in known:
        error(field, f"{value!r} is not one of {', '.join(known)}")


def _check_partial_date(value: Any, field: str, error: Report) -> tuple[date, date] | None:
    if value is None:
        return None
    try:
        return period(value)
    except ValueError:
        error(field, f"{value!r} must be a quoted date: \"YYYY-MM-DD\", \"YYYY-MM\" or \"YYYY\"")
        return None


def _is_https(value: Any) -> bool:
    return isinstance(value, str) and bool(re.fullmatch(r"https://[A-Za-z0-9.-]+\.[A-Za-z]{2,}(?:[/?#]\S*)?", value))


# -- translation ---------------------------------------------------------------------------


def extract_seed(
    fileobj: Any,
    keywords: Any,
    comment_tags: Any,
    options: Mapping[str, Any],
) -> Iterator[tuple[int, str | None, str, list[str]]]:
    """Babel extractor for data/events.yaml and data/materials.yaml: titles, descriptions, places.

    A translator comment names the entry and the field.
    """
    root = yaml.compose(fileobj, Loader=SeedLoader)  # noqa: S506 - a safe loader
    if not isinstance(root, yaml.SequenceNode):
        return
    for item in root.value:
        if not isinstance(item, yaml.MappingNode):
            continue
        fields = {key.value: value for key, value in item.value if isinstance(key, yaml.ScalarNode)}
        entry = fields["id"].value if isinstance(fields.get("id"), yaml.ScalarNode) else "?"
        for name in TEXT_FIELDS:
            value = fields.get(name)
            if (
                isinstance(value, yaml.ScalarNode)
                and value.tag == "tag:yaml.org,2002:str"
                and value.value.strip()
            ):
                comment = f"{entry}: {name}"
                if name == "title":
                    comment += " (keep a German name in quotes; you may add a translation in brackets)"
                yield value.start_mark.line + 1, None, value.value.strip(), [comment]
