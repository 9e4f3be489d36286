"""The collections the desk keeps: the directory, the events, the materials, and how it lists them.

Each is a :class:`Kept`: its record type (the same as the command line's and the pages'), its
German names, the fields its list shows beside each entry (those the record type has: a
field added to the model, e.g. the day the sources were read, appears once it is in both),
and how the list is ordered: the directory by what needs a call most, events as the about
page has them (upcoming soonest first, then the archive, newest first), materials by title.
The desk lists the stored documents, so an entry a hand edit broke is listed too, with what
is wrong with it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any, Callable, Mapping

from pwa import about_data, confirmation
from pwa.collection import RecordType
from pwa.desk import german
from pwa.desk.fields import Spec, specs
from pwa.directory import SERVICE_RECORDS
from pwa.formatting import Formatting
from pwa.records import field_names

Doc = dict[str, Any]
Sections = Callable[[list[Doc], date], list[tuple[str, list[Doc]]]]
_DE = Formatting("de")


def _directory_sections(docs: list[Doc], today: date) -> list[tuple[str, list[Doc]]]:
    return [("Alle Einträge, nie oder vor langem am Telefon bestätigte zuerst", confirmation.attention_order(docs))]


def _valid(records: RecordType[Any], docs: list[Doc]) -> tuple[list[Any], list[Doc]]:
    good = [doc for doc in docs if not records.validate(doc)]
    return [records.from_doc(doc) for doc in good], [doc for doc in docs if records.validate(doc)]


def _event_sections(docs: list[Doc], today: date) -> list[tuple[str, list[Doc]]]:
    events, broken = _valid(about_data.EVENT_RECORDS, docs)
    by_id = {doc["id"]: doc for doc in docs if isinstance(doc.get("id"), str)}
    upcoming, past = about_data.split_events(events, today)
    sections = [("Kommende Termine", [by_id[e.id] for e in upcoming]), ("Archiv", [by_id[e.id] for e in past])]
    return sections + ([("Ungültige Einträge", broken)] if broken else [])


def _material_sections(docs: list[Doc], today: date) -> list[tuple[str, list[Doc]]]:
    return [("Alle Materialien", sorted(docs, key=lambda doc: (str(doc.get("title", "")).casefold(), str(doc.get("id")))))]


@dataclass(frozen=True)
class Kept:
    slug: str  # in the desk's addresses: /admin/<slug>/<id>
    records: RecordType[Any]
    title: str
    one: str  # what one entry is called: "Eintrag", "Termin"
    new: str  # the button that adds one: "Neuer Eintrag"
    heading: str  # the field that names an entry
    columns: tuple[str, ...]  # shown in the list, where the record type has them
    sections: Sections
    public: Callable[[str], str]  # the public page that shows an entry
    confirmable: bool = False
    form: tuple[Spec, ...] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "form", specs(self.records.table, self.records.record))

    @property
    def table(self) -> str:
        return self.records.table

    def shown_columns(self) -> list[str]:
        known = field_names(self.records.record)
        return [name for name in self.columns if name in known]

    def name_of(self, doc: Mapping[str, Any]) -> str:
        value = doc.get(self.heading)
        return value if isinstance(value, str) and value.strip() else str(doc.get("id", "(ohne Kennung)"))

    def cell(self, doc: Mapping[str, Any], column: str) -> str:
        """A field's value as the list shows it: names of values, German dates."""
        value = doc.get(column)
        if isinstance(value, list):
            value = ", ".join(map(str, value))
        if value in (None, ""):
            return "noch nie" if column == "checked" else "–"
        spec = next(spec for spec in self.form if spec.name == column)
        if spec.choices:
            return dict(spec.choices).get(value, str(value))
        if isinstance(value, str) and value[:4].isdigit():
            return _DE.date(value)
        return str(value)

    def problems(self, doc: Mapping[str, Any]) -> list[tuple[str, str]]:
        """What is wrong with a document: (path, German text) each."""
        return [german_problem(self.table, line) for line in self.records.validate(doc)]


def split_problem(line: str) -> tuple[str, str]:
    """ "police: phones[0].tel: '0211' must be ..." -> ("phones[0].tel", "'0211' must be ...")."""
    parts = line.split(": ", 2)
    return (parts[1], parts[2]) if len(parts) == 3 else ("", line)


def german_problem(table: str, line: str) -> tuple[str, str]:
    path, english = split_problem(line)
    return path, german.problem(english) or f"{german.UNKNOWN_PROBLEM} ({english})"


DIRECTORY = Kept(
    "directory", SERVICE_RECORDS, "Verzeichnis", "Eintrag", "Neuer Eintrag", "name",
    ("kind", "confidence", "source_date", "sources_read", "checked"), _directory_sections,
    lambda entry_id: f"/de/services/{entry_id}", confirmable=True,
)  # fmt: skip
EVENTS = Kept(
    "events", about_data.EVENT_RECORDS, "Termine", "Termin", "Neuer Termin", "title", ("date", "end_date", "kind", "audience"),
    _event_sections, lambda entry_id: "/de/about",
)  # fmt: skip
MATERIALS = Kept(
    "materials", about_data.MATERIAL_RECORDS, "Materialien", "Material", "Neues Material", "title", ("kind", "languages"),
    _material_sections, lambda entry_id: "/de/about",
)  # fmt: skip
KEPT: dict[str, Kept] = {kept.slug: kept for kept in (DIRECTORY, EVENTS, MATERIALS)}
