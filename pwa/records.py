"""The record model every table shares: fields declared once on a dataclass, and their checks.

A record type (:class:`pwa.directory_model.Service`, :class:`pwa.about_data.Event`, ...) is a
frozen dataclass whose fields are the fields of its documents. A field without a default is
required in a document, one with a default is optional; :func:`spec` adds what a field needs
beyond its name (how it is read, written as JSON, shown to translators). From that:

- :func:`field_names`, :func:`required_fields`, :func:`optional_fields`: what a document holds;
- :func:`from_doc`: the record of a document that its validation accepted;
- :func:`to_json` and :func:`json_fields`: the record as JSON, and the names it uses;
- :func:`seed_texts`: the texts users read, for the translators' catalogue.

Validation runs before any write and before a stored document is shown: :class:`Checks` collects
the problems of one document as ``"<id>: <field>: <problem>"``, the lines the maintainers'
command line prints; :func:`validate_all` checks a whole table.
"""

from __future__ import annotations

import calendar
import dataclasses
import re
from datetime import date
from typing import Any, Callable, Iterable, Mapping

Translate = Callable[[str], str]

ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
LANGUAGE = re.compile(r"^[a-z]{2,3}$")  # ISO 639-1, or 639-3 where there is no two-letter code
EMAIL = re.compile(r"^[^@\s]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9-]+)+$")
PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
# A host of named labels (no address, no port, no user name), then any path, query or fragment.
HTTPS = re.compile(r"https://(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,}(?:[/?#]\S*)?")


# -- fields ----------------------------------------------------------------------------------


def spec(
    *,
    default: Any = dataclasses.MISSING,
    read: Callable[[Any], Any] | None = None,
    of: type | None = None,
    write: Callable[[Any], Any] | None = None,
    text: bool = False,
    translated: bool | None = None,
    then: Mapping[str, Callable[[Any, Translate], Any]] | None = None,
    note: str | None = None,
    hint: str | None = None,
    keep: Iterable[str] = (),
) -> Any:
    """A dataclass field with what the record model needs to know about it.

    ``read`` turns a document's value into the field's (default: text stripped, a list made a
    tuple); ``of`` is the record type of a list's items. ``write`` turns the value into JSON.
    ``text``: users read it, so translators get it (with a ``note`` line and a ``hint`` after the
    field's name; values in ``keep`` are proper names) and JSON has it translated unless
    ``translated`` is False. ``then``: JSON fields computed from the record, after this one.
    """
    metadata = {
        "read": read,
        "of": of,
        "write": write,
        "text": text,
        "translated": text if translated is None else translated,
        "then": dict(then or {}),
        "note": note,
        "hint": hint,
        "keep": frozenset(keep),
    }
    return dataclasses.field(default=default, metadata=metadata)


def _required(field: dataclasses.Field[Any]) -> bool:
    return field.default is dataclasses.MISSING and field.default_factory is dataclasses.MISSING


def field_names(record_type: type) -> tuple[str, ...]:
    """Every field a document may hold, in declaration order."""
    return tuple(f.name for f in dataclasses.fields(record_type))


def required_fields(record_type: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(record_type) if _required(f))


def optional_fields(record_type: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(record_type) if not _required(f))


def from_doc(record_type: type, doc: Mapping[str, Any], **given: Any) -> Any:
    """The record of a document its validation accepted; ``given`` values are taken as they are."""
    values: dict[str, Any] = {}
    for field in dataclasses.fields(record_type):
        if field.name in given:
            values[field.name] = given[field.name]
            continue
        raw = doc.get(field.name)
        if raw is None:
            continue  # unknown: the field's default
        read, of = field.metadata.get("read"), field.metadata.get("of")
        if read is not None:
            values[field.name] = read(raw)
        elif of is not None:
            values[field.name] = tuple(of.from_doc(item) for item in raw)
        else:
            values[field.name] = _plain(raw)
    return record_type(**values)


def _plain(value: Any) -> Any:
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, list):
        return tuple(value)
    return value


def to_json(record: Any, translate: Translate | None = None) -> dict[str, Any]:
    """The record as JSON, fields in declaration order; texts translated with ``translate``."""
    t = translate or _same
    data: dict[str, Any] = {}
    for field in dataclasses.fields(record):
        value = getattr(record, field.name)
        write = field.metadata.get("write")
        if write is not None:
            data[field.name] = write(value)
        elif field.metadata.get("translated"):
            data[field.name] = t(value) if value else None
        else:
            data[field.name] = _json(value, t)
        for name, derive in (field.metadata.get("then") or {}).items():
            data[name] = derive(record, t)
    return data


def _same(text: str) -> str:
    return text


def _json(value: Any, t: Translate) -> Any:
    if isinstance(value, tuple):
        return [_json(item, t) for item in value]
    if dataclasses.is_dataclass(value):
        return to_json(value, t)
    if isinstance(value, date):
        return value.isoformat()
    return value


def json_fields(record_type: type, prefix: str = "") -> list[str]:
    """The names :func:`to_json` writes; those of list items as ``phones.tel``."""
    names: list[str] = []
    for field in dataclasses.fields(record_type):
        names += [prefix + field.name, *(prefix + name for name in field.metadata.get("then") or {})]
        if field.metadata.get("of") is not None:
            names += json_fields(field.metadata["of"], f"{prefix}{field.name}.")
    return names


def seed_texts(record_type: type, prefix: str = "") -> dict[str, dict[str, Any]]:
    """The paths of the texts users read (``description``, ``phones.label``), with their notes."""
    texts: dict[str, dict[str, Any]] = {}
    for field in dataclasses.fields(record_type):
        if field.metadata.get("text"):
            texts[prefix + field.name] = {key: field.metadata[key] for key in ("note", "hint", "keep")}
        if field.metadata.get("of") is not None:
            texts |= seed_texts(field.metadata["of"], f"{prefix}{field.name}.")
    return texts


# -- dates and addresses ---------------------------------------------------------------------


def period(value: str) -> tuple[date, date]:
    """The first and last day a partial ISO date covers: "2025-11" -> 1 to 30 November 2025.

    Raises ValueError for anything but "YYYY", "YYYY-MM" or "YYYY-MM-DD" naming a real day.
    """
    match = PARTIAL_DATE.match(value) if isinstance(value, str) else None
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


def is_https(value: Any) -> bool:
    """An ``https://`` address of a named host, without spaces, port or user name."""
    return isinstance(value, str) and value.isprintable() and bool(HTTPS.fullmatch(value))


# -- checks ----------------------------------------------------------------------------------

_DOC: Any = object()  # "the document's own value of the field"


class Checks:
    """The problems of one document, each as ``"<id>: <field>: <problem>"``, and the checks.

    Made for a record type, it checks at once that the document is a mapping of known fields,
    that the required ones are there and the id is a slug. Every other check takes a field's
    name and, for a value inside a list (``phones[0].label``), that value; a check of an absent
    value (None) passes: the required ones are already reported as missing.
    """

    def __init__(self, doc: Any, record_type: type, id_example: str) -> None:
        self.errors: list[str] = []
        if not isinstance(doc, Mapping):
            self.doc: Mapping[str, Any] = {}
            self.entry = "(no id)"
            self.errors.append("entry: must be a mapping of fields")
            return
        self.doc = doc
        raw_id = doc.get("id")
        self.entry = raw_id if isinstance(raw_id, str) and raw_id else "(no id)"
        known = field_names(record_type)
        for field in doc:
            if field not in known:
                self.error(str(field), f"unknown field (known: {', '.join(known)})")
        for field in required_fields(record_type):
            if doc.get(field) in (None, ""):
                self.error(field, "missing")
        if raw_id not in (None, "") and (not isinstance(raw_id, str) or not ID.match(raw_id)):
            self.error("id", f"use lower-case letters, digits and hyphens, e.g. {id_example}")

    def error(self, field: str, problem: str) -> None:
        self.errors.append(f"{self.entry}: {field}: {problem}")

    def _value(self, field: str, value: Any) -> Any:
        return self.doc.get(field) if value is _DOC else value

    def text(self, field: str, value: Any = _DOC) -> None:
        value = self._value(field, value)
        if value is not None and (not isinstance(value, str) or not value.strip()):
            self.error(field, "must be text")

    def choice(self, field: str, known: Iterable[str], value: Any = _DOC) -> None:
        value, known = self._value(field, value), tuple(known)
        if value is not None and value not in known:
            self.error(field, f"{value!r} is not one of {', '.join(known)}")

    def choices(self, field: str, known: Iterable[str], value: Any = _DOC) -> None:
        """A list of some of ``known``, none twice."""
        values, known = self._value(field, value), tuple(known)
        if values is None:
            return
        if not isinstance(values, list):
            self.error(field, f"a list of: {', '.join(known)}")
            return
        for item in values:
            if item not in known:
                self.error(field, f"{item!r} is not one of {', '.join(known)}")
        if len(set(map(str, values))) != len(values):
            self.error(field, "a value is named twice")

    def languages(self, field: str, value: Any = _DOC) -> None:
        codes = self._value(field, value)
        if codes is None:
            return
        if not isinstance(codes, list) or not all(isinstance(code, str) and LANGUAGE.match(code) for code in codes):
            self.error(field, "a list of language codes, e.g. [de, tr]; [] when not known")
        elif len(set(codes)) != len(codes):
            self.error(field, "a language is named twice")

    def flag(self, field: str, value: Any = _DOC) -> None:
        if self._value(field, value) not in (None, True, False):
            self.error(field, "true, false or null")

    def https(self, field: str, value: Any = _DOC) -> None:
        value = self._value(field, value)
        if value is not None and not is_https(value):
            self.error(field, f"{value!r} is not an https:// address")

    def email(self, field: str, value: Any = _DOC) -> None:
        value = self._value(field, value)
        if value is not None and (not isinstance(value, str) or not EMAIL.match(value)):
            self.error(field, f"{value!r} is not an e-mail address")

    def date(self, field: str, value: Any = _DOC) -> date | None:
        """A whole date, "YYYY-MM-DD"."""
        value = self._value(field, value)
        if value is None:
            return None
        try:
            if not isinstance(value, str) or len(value) != 10:
                raise ValueError
            return date.fromisoformat(value)
        except ValueError:
            self.error(field, f"{value!r} must be a date \"YYYY-MM-DD\"")
            return None

    def partial_date(self, field: str, value: Any = _DOC) -> tuple[date, date] | None:
        """ "YYYY-MM-DD", "YYYY-MM" or "YYYY"; returns the :func:`period` it covers."""
        value = self._value(field, value)
        if value is None:
            return None
        try:
            return period(value)
        except ValueError:
            self.error(field, f"{value!r} must be a quoted date: \"YYYY-MM-DD\", \"YYYY-MM\" or \"YYYY\"")
            return None

    def sources(self, field: str = "sources", value: Any = _DOC) -> None:
        value = self._value(field, value)
        if value is not None and (
            not isinstance(value, list) or not value or not all(isinstance(s, str) and s.strip() for s in value)
        ):
            self.error(field, "a list of at least one source (an address or a publication)")


def validate_all(validate: Callable[[Any], list[str]], docs: Any) -> list[str]:
    """Errors of a whole table: every entry (by position when it has no id), and ids used twice."""
    if not isinstance(docs, list):
        return ["the file must be a list of entries"]
    errors: list[str] = []
    seen: set[str] = set()
    for position, doc in enumerate(docs, 1):
        errors += [error.replace("(no id)", f"entry {position}", 1) for error in validate(doc)]
        doc_id = doc.get("id") if isinstance(doc, Mapping) else None
        if isinstance(doc_id, str):
            if doc_id in seen:
                errors.append(f"{doc_id}: id: used by more than one entry")
            seen.add(doc_id)
    return errors
