"""The desk's forms, made from the record model: every field of a record type is a form field.

:func:`specs` reads a record type's dataclass fields (:mod:`pwa.records`) and chooses each
one's widget from its type, unless the desk's words (:mod:`pwa.desk.german`) choose one:

    bool | None               flag     Ja / Nein / Unbekannt
    date, date | None         date     a date field
    str, str | None           text     (long: a text users read, ``spec(text=True)``)
    tuple[str, ...]           lines    one a line (codes: comma-separated; choices: boxes)
    tuple[Record, ...]        items    a group per item and an empty one for a new item
    anything else             yaml     the value as YAML

So a field added to a record appears in its form at once. :func:`fields` fills the form from a
stored document, :func:`parse` makes the document from the submitted form, keeping how the
stored one wrote what the form cannot tell apart (an empty list or no field at all).
"""

from __future__ import annotations

import dataclasses
import re
import types
import typing
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Mapping

import yaml
from starlette.datastructures import FormData

from pwa.desk.german import hint
from pwa.directory_vocabulary import ALWAYS, DAYS, KREIS, NATIONWIDE
from pwa.records import required_fields
from pwa.store import load_yaml

Doc = dict[str, Any]
MAX_ROWS = 100
FLAGS = (("yes", "Ja"), ("no", "Nein"), ("", "Unbekannt"))
AREA_MODES = ((NATIONWIDE, "Bundesweit"), (KREIS, "Ganzer Kreis Mettmann"), ("cities", "Diese Städte:"))
HOURS_MODES = (("", "Unbekannt"), (ALWAYS, "Rund um die Uhr"), ("times", "Zu diesen Zeiten:"))
DAY_NAMES = dict(zip(DAYS, ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag")))


@dataclass(frozen=True)
class Spec:
    """One field of a form: its document field, its words and its widget."""

    name: str
    label: str
    widget: str
    required: bool = False
    help: str | None = None
    choices: tuple[tuple[str, str], ...] = ()
    items: tuple["Spec", ...] = ()  # the fields of a list's items
    item: str = ""  # the name of one item


@dataclass
class Field:
    """A form field as the template shows it: input name, value, errors, its parts."""

    name: str  # the input's name, and where its errors are told ("phones.0.tel")
    spec: Spec
    value: Any
    label: str = ""
    parts: list["Field"] = field(default_factory=list)  # rows of items, fields of a row, days, cities
    errors: list[str] = field(default_factory=list)

    @property
    def id(self) -> str:
        return "f-" + self.name.replace(".", "-")

    def walk(self) -> list["Field"]:
        return [self, *(inner for part in self.parts for inner in part.walk())]


def _types(annotation: Any) -> set[Any]:
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        return {arg for arg in typing.get_args(annotation) if arg is not type(None)}
    return {annotation}


def _widget(annotation: Any, field_: dataclasses.Field[Any], choices: bool) -> tuple[str, type | None]:
    kinds = _types(annotation)
    if kinds == {bool}:
        return "flag", None
    if kinds == {date}:
        return "date", None
    if kinds == {str}:
        return ("choice" if choices else "long" if field_.metadata.get("text") else "text"), None
    if len(kinds) == 1:
        only = next(iter(kinds))
        args = typing.get_args(only)
        if typing.get_origin(only) is tuple and len(args) == 2 and args[1] is Ellipsis:
            if dataclasses.is_dataclass(args[0]):
                return "items", args[0]  # type: ignore[return-value]
            if args[0] is str:
                return ("choices" if choices else "lines"), None
    return "yaml", None


def specs(table: str, record_type: type, prefix: str = "") -> tuple[Spec, ...]:
    """The form of a record type: one Spec per field, in declaration order."""
    hints = typing.get_type_hints(record_type)
    required = set(required_fields(record_type))
    found = []
    for field_ in dataclasses.fields(record_type):
        said = hint(table, prefix + field_.name)
        widget, item_type = _widget(hints[field_.name], field_, bool(said.choices))
        items = specs(table, item_type, f"{prefix}{field_.name}.") if item_type else ()
        found.append(Spec(
            field_.name, said.label, said.widget or widget, field_.name in required if said.required is None else said.required, said.help,
            tuple((said.choices or {}).items()), items, said.item or said.label,
        ))  # fmt: skip
    return tuple(found)


# -- from a document to the form ---------------------------------------------------------------


def _text(value: Any) -> str:
    if value is None:
        return ""
    return value if isinstance(value, str) else str(value)


def _list(value: Any) -> list[Any]:
    return list(value) if isinstance(value, (list, tuple)) else ([] if value is None else [value])


def _field(spec: Spec, name: str, value: Any) -> Field:
    widget = spec.widget
    if widget == "flag":
        return Field(name, spec, {True: "yes", False: "no"}.get(value, ""), spec.label)
    if widget == "choices":
        return Field(name, spec, [_text(v) for v in _list(value)], spec.label)
    if widget == "lines":
        return Field(name, spec, "\n".join(_text(v) for v in _list(value)), spec.label)
    if widget == "codes":
        return Field(name, spec, ", ".join(_text(v) for v in _list(value)), spec.label)
    if widget == "yaml":
        shown = "" if value is None else yaml.safe_dump(value, allow_unicode=True, sort_keys=False).strip()
        return Field(name, spec, shown, spec.label)
    if widget == "items":
        rows = [item for item in _list(value)] + [{}]
        row_spec = Spec(spec.name, spec.item, "row")
        parts = [
            Field(f"{name}.{index}", row_spec, None, f"{spec.item} {index + 1}" if row else f"{spec.item} (neu)",
                  [_field(inner if row else dataclasses.replace(inner, required=False),  # a new row may stay empty
                          f"{name}.{index}.{inner.name}", row.get(inner.name) if isinstance(row, Mapping) else None)
                   for inner in spec.items])
            for index, row in enumerate(rows)
        ]  # fmt: skip
        return Field(name, spec, None, spec.label, parts)
    if widget == "area":
        mode = value if value in (NATIONWIDE, KREIS) else "cities" if isinstance(value, list) else ""
        cities = Spec(f"{spec.name}.cities", "Städte", "choices", choices=spec.choices)
        shown_cities = [_text(v) for v in value] if isinstance(value, list) else []
        return Field(name, spec, mode, spec.label, [Field(f"{name}.cities", cities, shown_cities, "Städte")])
    if widget == "hours":
        mode = value if value == ALWAYS else "times" if isinstance(value, Mapping) else "" if value is None else "times"
        days = value if isinstance(value, Mapping) else {}
        parts = [
            Field(f"{name}.{day}", Spec(day, DAY_NAMES[day], "text"), ", ".join(_text(v) for v in _list(days.get(day))), DAY_NAMES[day])
            for day in DAYS
        ]
        return Field(name, spec, mode, spec.label, parts)
    return Field(name, spec, _text(value), spec.label)


def fields(form: tuple[Spec, ...], doc: Mapping[str, Any], problems: list[tuple[str, str]] = ()) -> tuple[list[Field], list[str]]:
    """The form filled from a document, each problem ``(path, German text)`` at its field.

    Returns the fields and the problems no field shows (told above the form).
    """
    shown = [_field(spec, spec.name, doc.get(spec.name)) for spec in form]
    by_name = {inner.name: inner for top in shown for inner in top.walk()}
    left: list[str] = []
    for path, text in problems:
        name = re.sub(r"\[(\d+)\]", r".\1", path)
        while name and name not in by_name:
            name = name.rpartition(".")[0]
        if name:
            by_name[name].errors.append(text)
        else:
            left.append(text)
    return shown, left


# -- from the submitted form to a document ---------------------------------------------------


def _as_stored(chosen: list[str], original: Any) -> list[str]:
    """Boxes are sent in the form's order: the same choice as stored keeps the stored order."""
    if isinstance(original, list) and sorted(map(str, original)) == sorted(chosen):
        return original
    return chosen


def _read(spec: Spec, form: FormData, name: str, problems: list[tuple[str, str]], original: Any = None) -> Any:
    widget = spec.widget
    raw = form.get(name)
    text = (raw if isinstance(raw, str) else "").replace("\r\n", "\n").strip()
    if widget == "flag":
        return {"yes": True, "no": False}.get(text)
    if widget == "choices":
        return _as_stored([v for v in form.getlist(name) if isinstance(v, str)], original)
    if widget == "lines":
        return [line.strip() for line in text.splitlines() if line.strip()]
    if widget == "codes":
        return [code for code in re.split(r"[\s,;]+", text) if code]
    if widget == "yaml":
        if not text:
            return None
        try:
            return load_yaml(text)
        except yaml.YAMLError as error:
            problems.append((name, f"not YAML: {error}"))
            return None
    if widget == "items":
        stored = _list(original)
        items = []
        for index in range(MAX_ROWS):
            prefix = f"{name}.{index}."
            if not any(key.startswith(prefix) for key in form.keys()):
                break
            # Row i of the form shows item i as stored: keep how that one wrote an unknown.
            was = stored[index] if index < len(stored) and isinstance(stored[index], Mapping) else {}
            item = {inner.name: _read(inner, form, prefix + inner.name, problems) for inner in spec.items}
            item = {key: value for key, value in item.items() if value not in (None, []) or (key in was and was[key] == value)}
            if any(value not in (None, []) for value in item.values()):
                items.append(item)
        return items
    if widget == "area":
        if text == "cities":
            return _as_stored([v for v in form.getlist(f"{name}.cities") if isinstance(v, str)], original)
        return text or None
    if widget == "hours":
        if text != "times":
            return text or None
        days = {}
        for day in DAYS:
            spans = [span.strip() for span in _text(form.get(f"{name}.{day}")).split(",") if span.strip()]
            if spans:
                days[day] = spans
        return days
    return text or None


def parse(form: tuple[Spec, ...], submitted: FormData, original: Mapping[str, Any] | None) -> tuple[Doc, list[tuple[str, str]]]:
    """The document a submitted form makes, and the problems of reading it (path, English).

    An empty field is unknown: left out, or null where the stored document has null. An empty
    list is kept where the field is required or the stored document has it empty.
    """
    original = original or {}
    problems: list[tuple[str, str]] = []
    doc: Doc = {}
    for spec in form:
        value = _read(spec, submitted, spec.name, problems, original.get(spec.name))
        if value is None or value == "":
            if spec.name in original and original[spec.name] is None:
                doc[spec.name] = None  # written as the stored one has it: unknown
            continue
        if value == [] and not (spec.required or original.get(spec.name) == []):
            continue
        doc[spec.name] = value
    return doc, problems
