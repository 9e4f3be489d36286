"""The record model every table shares: fields of a dataclass, the checks, whole tables."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Mapping

import pytest

from pwa import records
from pwa.records import Checks, is_https, period, precision, spec


@dataclass(frozen=True)
class Stop:
    city: str = spec()
    note: str | None = spec(default=None, text=True, keep=("Hilden",))

    @classmethod
    def from_doc(cls, doc: Mapping[str, Any]) -> "Stop":
        return records.from_doc(cls, doc)  # type: ignore[no-any-return]


@dataclass(frozen=True, kw_only=True)
class Thing:
    id: str = spec()
    title: str = spec(text=True, hint="a hint", then={"shout": lambda thing, t: t(thing.title).upper()})
    tags: tuple[str, ...] = spec(default=())
    stops: tuple[Stop, ...] = spec(default=(), of=Stop)
    name: str = spec(text=True, translated=False, note="a note")
    day: date | None = spec(default=None, read=date.fromisoformat)


def check(doc: Any) -> Checks:
    return Checks(doc, Thing, "ein-ding")


# -- fields ----------------------------------------------------------------------------------


def test_required_and_optional_fields_come_from_the_dataclass() -> None:
    assert records.field_names(Thing) == ("id", "title", "tags", "stops", "name", "day")
    assert records.required_fields(Thing) == ("id", "title", "name")
    assert records.optional_fields(Thing) == ("tags", "stops", "day")


def test_a_document_becomes_a_record() -> None:
    doc = {"id": "a", "title": "  Titel \n", "tags": ["x", "y"], "stops": [{"city": "Haan", "note": " "}],
           "name": "Name", "day": "2026-02-01"}  # fmt: skip
    thing = records.from_doc(Thing, doc)
    assert thing == Thing(id="a", title="Titel", tags=("x", "y"), stops=(Stop("Haan"),), name="Name", day=date(2026, 2, 1))
    assert records.from_doc(Thing, {"id": "a", "title": "T", "name": "N", "tags": None}).tags == ()  # null: unknown
    assert records.from_doc(Thing, {**doc, "tags": ["x"]}, tags=("given",)).tags == ("given",)


def test_a_record_as_json_in_declaration_order() -> None:
    thing = Thing(id="a", title="Titel", stops=(Stop("Haan", "Bitte klingeln"), Stop("Hilden")), name="Name")
    assert records.to_json(thing) == {
        "id": "a", "title": "Titel", "shout": "TITEL", "tags": [],
        "stops": [{"city": "Haan", "note": "Bitte klingeln"}, {"city": "Hilden", "note": None}],
        "name": "Name", "day": None,
    }  # fmt: skip
    data = records.to_json(thing, lambda text: f"<{text}>")
    assert data["title"] == "<Titel>" and data["shout"] == "<TITEL>"
    assert data["name"] == "Name"  # not translated
    assert data["stops"][0]["note"] == "<Bitte klingeln>" and data["stops"][1]["note"] is None
    assert records.to_json(Thing(id="a", title="T", name="N", day=date(2026, 2, 1)))["day"] == "2026-02-01"
    assert records.json_fields(Thing) == ["id", "title", "shout", "tags", "stops", "stops.city", "stops.note", "name", "day"]
    assert list(records.to_json(thing)) == [name for name in records.json_fields(Thing) if "." not in name]


def test_the_texts_for_translators() -> None:
    assert records.seed_texts(Thing) == {
        "title": {"note": None, "hint": "a hint", "keep": frozenset()},
        "stops.note": {"note": None, "hint": None, "keep": frozenset({"Hilden"})},
        "name": {"note": "a note", "hint": None, "keep": frozenset()},
    }


# -- dates and addresses ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "first", "last"),
    [
        ("2025-11", date(2025, 11, 1), date(2025, 11, 30)),
        ("2024-02", date(2024, 2, 1), date(2024, 2, 29)),
        ("2026", date(2026, 1, 1), date(2026, 12, 31)),
        ("2026-02-14", date(2026, 2, 14), date(2026, 2, 14)),
    ],
)
def test_a_partial_date_covers_its_whole_period(value, first, last):
    assert period(value) == (first, last)


@pytest.mark.parametrize("value", ["2026-13", "2026-02-30", "26-02-14", "2026-2-14", "14.02.2026", "", None, 2026])
def test_not_a_date(value):
    with pytest.raises(ValueError):
        period(value)


def test_precision_of_a_partial_date() -> None:
    assert [precision(v) for v in ("2026-02-14", "2026-02", "2026")] == ["day", "month", "year"]


@pytest.mark.parametrize(
    "url",
    [
        "https://www.hilfetelefon.de",
        "https://www.kreis-mettmann.de/rundertisch",
        "https://example.org/a?b=1#c",
        "https://xn--mnchen-3ya.de/",
    ],
)
def test_https_addresses(url: str) -> None:
    assert is_https(url)


@pytest.mark.parametrize(
    "url",
    [
        # Both earlier checks refused these.
        "http://example.org", "example.org", "https://", "https://example.org/a b", 42, None,
        # The earlier urlsplit check let these through, the earlier pattern did not: capitals in
        # the scheme, a user name (a link can hide its real host behind one), a port, an IP
        # address, a one-letter top-level domain, an underscore, a trailing dot, a backslash.
        "HTTPS://example.org", "https://user:secret@example.org/", "https://example.org@evil.example/",
        "https://example.org:8443/", "https://192.168.0.1/", "https://example.o", "https://exa_mple.org",
        "https://example.org.", "https://example.org\\@evil.example",
        # Both let these through: empty or hyphen-edged labels, a control character.
        "https://example..org", "https://-example.org", "https://example-.org", "https://example.org/\x00",
    ],
)  # fmt: skip
def test_not_https_addresses(url: Any) -> None:
    assert not is_https(url)


# -- checks ----------------------------------------------------------------------------------


def test_a_good_document_has_no_problems() -> None:
    assert check({"id": "ein-ding", "title": "Titel", "name": "Name"}).errors == []


def test_fields_unknown_missing_and_the_id() -> None:
    assert check({"id": "Ein Ding", "title": "", "colour": "rot"}).errors == [
        "Ein Ding: colour: unknown field (known: id, title, tags, stops, name, day)",
        "Ein Ding: title: missing",
        "Ein Ding: name: missing",
        "Ein Ding: id: use lower-case letters, digits and hyphens, e.g. ein-ding",
    ]
    assert check({"title": "T", "name": "N"}).errors == ["(no id): id: missing"]
    assert check(["a", "list"]).errors == ["entry: must be a mapping of fields"]
    not_a_mapping = check("text")
    not_a_mapping.text("title")  # checks after that find nothing more
    assert not_a_mapping.errors == ["entry: must be a mapping of fields"]


@pytest.mark.parametrize(
    ("run", "value", "problem"),
    [
        (lambda c, v: c.text("f", v), "  ", "must be text"),
        (lambda c, v: c.text("f", v), 3, "must be text"),
        (lambda c, v: c.choice("f", ("a", "b"), v), "c", "'c' is not one of a, b"),
        (lambda c, v: c.choices("f", ("a", "b"), v), "a", "a list of: a, b"),
        (lambda c, v: c.choices("f", ("a", "b"), v), ["a", "c"], "'c' is not one of a, b"),
        (lambda c, v: c.choices("f", ("a", "b"), v), ["a", "a"], "a value is named twice"),
        (lambda c, v: c.languages("f", v), ["German"], "a list of language codes, e.g. [de, tr]; [] when not known"),
        (lambda c, v: c.languages("f", v), "de", "a list of language codes, e.g. [de, tr]; [] when not known"),
        (lambda c, v: c.languages("f", v), ["de", "de"], "a language is named twice"),
        (lambda c, v: c.flag("f", v), "yes", "true, false or null"),
        (lambda c, v: c.https("f", v), "http://x.de", "'http://x.de' is not an https:// address"),
        (lambda c, v: c.email("f", v), "info@", "'info@' is not an e-mail address"),
        (lambda c, v: c.date("f", v), "2026-2-1", "'2026-2-1' must be a date \"YYYY-MM-DD\""),
        (lambda c, v: c.date("f", v), "2026-02-30", "'2026-02-30' must be a date \"YYYY-MM-DD\""),
        (lambda c, v: c.partial_date("f", v), 2026, "2026 must be a quoted date: \"YYYY-MM-DD\", \"YYYY-MM\" or \"YYYY\""),
        (lambda c, v: c.sources("f", v), [], "a list of at least one source (an address or a publication)"),
        (lambda c, v: c.sources("f", v), ["x", " "], "a list of at least one source (an address or a publication)"),
    ],
)  # fmt: skip
def test_each_check_names_entry_field_and_problem(run, value, problem) -> None:
    found = check({"id": "ein-ding", "title": "T", "name": "N"})
    run(found, value)
    assert found.errors == [f"ein-ding: f: {problem}"]
    passes = check({"id": "ein-ding", "title": "T", "name": "N"})
    run(passes, None)  # absent: the required ones are reported as missing, once
    assert passes.errors == []


def test_checks_read_the_document_unless_given_a_value() -> None:
    found = check({"id": "ein-ding", "title": "T", "name": "N", "day": "gestern"})
    found.date("day")
    found.date("stops[0].day", "2026-02-01")
    assert found.date("day", "2026-02-01") == date(2026, 2, 1)
    assert found.partial_date("day", "2026-02") == (date(2026, 2, 1), date(2026, 2, 28))
    assert found.errors == ["ein-ding: day: 'gestern' must be a date \"YYYY-MM-DD\""]


def test_validate_all_numbers_entries_without_id_and_finds_ids_used_twice() -> None:
    def validate(doc: Any) -> list[str]:
        return check(doc).errors

    good = {"id": "ein-ding", "title": "T", "name": "N"}
    assert records.validate_all(validate, [good, {"title": "T", "name": "N"}, good, 7]) == [
        "entry 2: id: missing",
        "ein-ding: id: used by more than one entry",
        "entry: must be a mapping of fields",
    ]
    assert records.validate_all(validate, {"id": "x"}) == ["the file must be a list of entries"]
    assert records.validate_all(validate, []) == []
