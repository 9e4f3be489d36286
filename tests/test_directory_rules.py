"""What a help service's document must be: each problem names the entry and the field."""

from __future__ import annotations

import pytest

from pwa.directory import SERVICE_RECORDS, validate


def good_doc() -> dict:
    return {
        "id": "beratung-test",
        "name": "Beratung",
        "kind": "counselling",
        "area": ["Hilden", "Haan"],
        "phones": [{"tel": "+4921041419221", "display": "02104 1419-221", "label": None}],
        "email": "info@example.org",
        "website": "https://example.org/beratung",
        "hours": {"mon": ["09:00-12:00", "13:00-16:00"], "sun": ["20:00-24:00"]},
        "description": "Text.",
        "sources": ["https://example.org"],
        "sources_read": "2026-01-15",
        "source_date": "2024-05",
        "confidence": "medium",
        "checked": "2026-01-31",
    }


# -- validation ----------------------------------------------------------------------------


def test_a_good_document_validates() -> None:
    assert validate(good_doc()) == []


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"phones": [{"tel": "+49123"}]}, "phones[0].tel"),
        ({"phones": [{"tel": "02104 1419-221"}]}, "phones[0].tel"),
        ({"phones": [{"tel": 110}]}, "phones[0].tel"),
        ({"phones": [{"tel": "115"}]}, "phones[0].tel"),
        ({"phones": [{"tel": "+4921041419221", "display": "02104 1419-222"}]}, "phones[0].display"),
        ({"phones": [{"tel": "+4921041419221", "fax": "x"}]}, "phones[0].fax"),
        ({"website": "http://example.org"}, "website"),
        ({"website": "example.org"}, "website"),
        ({"email": "info@"}, "email"),
        ({"kind": "spa"}, "kind"),
        ({"area": ["Düsseldorf"]}, "area"),
        ({"area": "everywhere"}, "area"),
        ({"colour": "red"}, "colour"),
        ({"name": None}, "name"),
        ({"sources": []}, "sources"),
        ({"hours": "24/7"}, "hours"),
        ({"hours": {"mon": ["9-14"]}}, "hours.mon"),
        ({"hours": {"mon": ["14:00-09:00"]}}, "hours.mon"),
        ({"hours": {"mon": ["09:00-12:00", "11:00-13:00"]}}, "hours.mon"),
        ({"hours": {"monday": ["09:00-12:00"]}}, "hours"),
        ({"checked": "31.01.2026"}, "checked"),
        ({"checked": "2026-02-30"}, "checked"),
        ({"source_date": 2021}, "source_date"),
        ({"confidence": "sure"}, "confidence"),
        ({"hours_confidence": "sure"}, "hours_confidence"),
        ({"kind": "shelter", "address": "Geheimweg 1"}, "address"),
        ({"accessibility": ["ramp"]}, "accessibility"),
        ({"target_groups": ["cats"]}, "target_groups"),
        ({"channels": ["pigeon"]}, "channels"),
        ({"languages": ["German"]}, "languages"),
        ({"free": "yes"}, "free"),
        ({"outreach": [{"city": "Köln", "place": "x", "when": "y"}]}, "outreach[0].city"),
        ({"id": "Beratung Test"}, "id"),
    ],
)
def test_bad_fields_are_named(change: dict, field: str) -> None:
    doc = {**good_doc(), **change}
    errors = validate(doc)
    entry = doc["id"] if isinstance(doc.get("id"), str) else "(no id)"
    assert any(error.startswith(f"{entry}: {field}:") for error in errors), errors


def test_short_numbers_and_a_missing_phone_are_fine() -> None:
    for tel in ("110", "112", "116016", "116111", "+498001110111"):
        assert validate({**good_doc(), "phones": [{"tel": tel}]}) == [], tel
    assert validate({**good_doc(), "phones": []}) == []
    assert validate({key: value for key, value in good_doc().items() if key != "phones"}) == []


def test_validate_all_finds_repeated_ids_and_numbers_entries_without_id() -> None:
    nameless = {key: value for key, value in good_doc().items() if key != "id"}
    errors = SERVICE_RECORDS.validate_all([good_doc(), good_doc(), nameless, "text"])
    assert "beratung-test: id: used by more than one entry" in errors
    assert "entry 3: id: missing" in errors
    assert "entry: must be a mapping of fields" in errors
    assert SERVICE_RECORDS.validate_all({"not": "a list"}) == ["the file must be a list of entries"]


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        # What the shared checks refuse since both tables use them, with the message.
        ({"name": "  "}, "beratung-test: name: must be text"),
        ({"description": "  "}, "beratung-test: description: must be text"),
        ({"languages": ["de", "de"]}, "beratung-test: languages: a language is named twice"),
        ({"website": "HTTPS://example.org"}, "beratung-test: website: 'HTTPS://example.org' is not an https:// address"),
        ({"website": "https://example.org:8443/"}, "beratung-test: website: 'https://example.org:8443/' is not"),
        ({"sources": []}, "beratung-test: sources: a list of at least one source"),
        ({"area": []}, "beratung-test: area: 'nationwide', 'kreis' or a list of cities"),
        ({"fax": "x"}, "beratung-test: fax: unknown field (known: id, name, operator, kind, area, phones,"),
        ({"outreach": [{"city": "Hilden", "place": "x", "when": "y", "confidence": "sure"}]},
         "beratung-test: outreach[0].confidence: 'sure' is not one of high, medium, low"),
        ({"outreach": [{"city": "Hilden", "place": "x", "when": "y", "source_date": "2024-13"}]},
         "beratung-test: outreach[0].source_date: '2024-13' must be a quoted date"),
        ({"phones": "110"}, "beratung-test: phones: a list of {tel, display, label}"),
        ({"outreach": ["Hilden"]}, "beratung-test: outreach[0]: must be a mapping with city, place, when"),
    ],
)
def test_the_shared_checks_name_entry_field_and_problem(change: dict, expected: str) -> None:
    errors = validate({**good_doc(), **change})
    assert any(error.startswith(expected) for error in errors), errors


def test_the_required_fields_are_those_without_a_default() -> None:
    nothing = validate({"id": "leer"})
    missing = {error.split(": ")[1] for error in nothing if error.endswith(": missing")}
    assert missing == {"name", "kind", "area", "description", "sources", "sources_read", "confidence"}
