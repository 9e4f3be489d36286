"""The directory model: the seed is true to the facts, validation, services, hours, JSON, extraction."""

from __future__ import annotations

import copy
import io
import re
from datetime import date, datetime, timezone
from pathlib import Path

import pytest
import yaml
from babel.messages.extract import extract

from pwa.directory import (
    ACCESSIBILITY,
    CITIES,
    KINDS,
    TARGET_GROUPS,
    Directory,
    Phone,
    Service,
    extract_seed,
    is_open,
    validate,
    validate_all,
)
import pwa.directory as model
from pwa.store import Store, load_seed

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "data" / "directory.yaml"
FACTS = ROOT.parent / "shared" / "data" / "help-facts.yaml"


@pytest.fixture(scope="module")
def seed_docs() -> list[dict]:
    return load_seed(SEED)


@pytest.fixture(scope="module")
def facts() -> dict:
    if not FACTS.is_file():
        pytest.skip("the shared help facts are not beside this repository")
    return yaml.safe_load(FACTS.read_text(encoding="utf-8"))


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store(tmp_path / "db.json", {"services": SEED})


@pytest.fixture
def directory(store: Store) -> Directory:
    return Directory(store)


def by_id(docs: list[dict]) -> dict[str, dict]:
    return {doc["id"]: doc for doc in docs}


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
        "source_date": "2024-05",
        "confidence": "medium",
        "checked": "2026-01-31",
    }


# -- the seed is true to the facts ---------------------------------------------------------


def test_the_whole_seed_validates(seed_docs: list[dict]) -> None:
    assert validate_all(seed_docs) == []
    assert seed_docs, "the seed is empty"


def test_every_listed_fact_entry_is_in_the_seed_and_nothing_else(seed_docs: list[dict], facts: dict) -> None:
    fact_ids = {entry["id"] for entry in facts["nationwide"] + facts["local"]}
    assert {doc["id"] for doc in seed_docs} == fact_ids


def _fact_phones(entry: dict) -> set[str]:
    phones = {entry.get("phone"), entry.get("phone_alt")}
    phones |= {station["phone"] for station in entry.get("stations", [])}
    return {phone for phone in phones if phone}


def test_every_number_is_from_the_facts_and_none_is_missing(seed_docs: list[dict], facts: dict) -> None:
    docs = by_id(seed_docs)
    for entry in facts["nationwide"] + facts["local"]:
        seeded = {phone["tel"] for phone in docs[entry["id"]].get("phones") or []}
        assert seeded == _fact_phones(entry), entry["id"]


def test_contacts_sources_and_confidence_are_copied(seed_docs: list[dict], facts: dict) -> None:
    docs = by_id(seed_docs)
    for entry in facts["nationwide"] + facts["local"]:
        doc = docs[entry["id"]]
        # The facts file glosses one name in English; the app keeps the German name alone.
        assert entry["name"].startswith(doc["name"])
        assert doc.get("operator") == entry.get("operator")
        assert doc.get("email") == entry.get("email"), entry["id"]
        assert doc.get("website") == entry.get("website"), entry["id"]
        assert doc["sources"] == entry["sources"], entry["id"]
        assert doc["confidence"] == entry["confidence"], entry["id"]
        assert doc.get("source_date") == entry.get("source_date"), entry["id"]
        assert "checked" in doc and doc["checked"] is None  # nobody has confirmed by phone yet
        if entry.get("kind"):
            assert doc["kind"] == entry["kind"]
        address = entry.get("address")
        assert doc.get("address") == (None if address == "secret" else address), entry["id"]


def test_hours_are_only_what_the_facts_say(seed_docs: list[dict], facts: dict) -> None:
    docs = by_id(seed_docs)
    for entry in facts["nationwide"] + facts["local"]:
        doc = docs[entry["id"]]
        if doc.get("hours") == "always":
            assert str(entry.get("hours", "")).startswith("24/7"), entry["id"]
        elif doc.get("hours") is not None:
            assert entry.get("hours"), f"{entry['id']}: hours without a source"
    assert docs["hilfetelefon-maenner"]["hours"] is None  # sources conflict
    assert docs["hilfetelefon-missbrauch"]["hours"] == {
        "mon": ["09:00-14:00"],
        "tue": ["15:00-20:00"],
        "wed": ["09:00-14:00"],
        "thu": ["15:00-20:00"],
        "fri": ["09:00-14:00"],
    }


def test_every_phone_is_e164_or_a_short_number(directory: Directory) -> None:
    phones = [phone for service in directory.services() for phone in service.phones]
    assert len(phones) >= 20
    for phone in phones:
        assert re.fullmatch(r"\+49\d{6,13}|110|112|116\d{3}", phone.tel), phone
        assert phone.href == f"tel:{phone.tel}"


def test_the_polizeiwachen_are_four_phones_labelled_by_city(directory: Directory) -> None:
    service = directory.get("polizeiwachen")
    assert service is not None
    assert [phone.label for phone in service.phones] == ["Velbert", "Ratingen", "Hilden", "Langenfeld"]
    assert all(phone.label in CITIES for phone in service.phones)
    assert service.always_open


def test_no_do_not_list_name_appears_in_data() -> None:
    # The do_not_list of the facts: a closed association and two unconfirmed numbers.
    forbidden = ["gewaltlos", "9821066", "0162139", "1621398443"]
    for path in (ROOT / "data").rglob("*"):
        if path.is_file():
            text = path.read_text(encoding="utf-8").lower()
            squeezed = re.sub(r"[\s\-/]", "", text)
            for name in forbidden:
                assert name not in squeezed, f"{path}: {name}"


def test_no_shelter_has_an_address(seed_docs: list[dict], directory: Directory) -> None:
    shelters = [doc for doc in seed_docs if doc["kind"] == "shelter"]
    assert shelters
    assert all(doc.get("address") is None for doc in shelters)
    assert all(s.address is None for s in directory.services() if s.kind == "shelter")


def test_user_facing_texts_are_present(seed_docs: list[dict]) -> None:
    for doc in seed_docs:
        assert len(doc["description"].split()) >= 5, doc["id"]
    for short in ("police", "fire-ambulance", "hilfetelefon-frauen"):
        assert by_id(seed_docs)[short].get("when_you_call"), short


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
    errors = validate_all([good_doc(), good_doc(), nameless, "text"])
    assert "beratung-test: id: used by more than one entry" in errors
    assert "entry 3: id: missing" in errors
    assert "entry: must be a mapping of fields" in errors
    assert validate_all({"not": "a list"}) == ["the file must be a list of entries"]


# -- services ------------------------------------------------------------------------------


def test_services_come_emergency_first_and_by_kind(directory: Directory, seed_docs: list[dict]) -> None:
    services = directory.services()
    assert len(services) == len(seed_docs)
    assert [s.id for s in services[:2]] == ["police", "fire-ambulance"]
    order = list(KINDS)
    positions = [order.index(s.kind) for s in services]
    assert positions == sorted(positions)


def test_a_service_has_typed_fields(directory: Directory) -> None:
    service = directory.get("hilfetelefon-frauen")
    assert isinstance(service, Service)
    assert service.phones == (Phone("116016", "116 016", None),)
    assert service.kind_label == "Hilfetelefon"
    assert service.nationwide and service.cities == CITIES
    assert service.free is True and service.anonymous is True
    assert set(service.accessibility) <= set(ACCESSIBILITY)
    assert set(service.target_groups) <= set(TARGET_GROUPS)
    assert "chat" in service.channels
    assert service.needs_check  # never confirmed
    assert directory.get("no-such-service") is None

    local = directory.get("kinderschutzbund-mettmann")
    assert local is not None and local.cities == ("Mettmann", "Ratingen", "Heiligenhaus", "Wülfrath")
    assert local.phones == ()


def test_a_display_form_is_made_when_missing() -> None:
    doc = {**good_doc(), "phones": [{"tel": "+4921041419221"}, {"tel": "110"}]}
    phones = Service.from_doc(doc).phones
    assert [(p.tel, p.display) for p in phones] == [("+4921041419221", "02104 1419221"), ("110", "110")]


def test_the_directory_follows_the_store_and_caches_meanwhile(store: Store, directory: Directory) -> None:
    first = directory.services()
    assert directory.services()[0] is first[0]  # unchanged file: nothing rebuilt

    doc = store.get("services", "police")
    assert doc is not None
    store.upsert("services", {**doc, "checked": "2026-03-01"})

    police = directory.get("police")
    assert police is not None and police.checked == date(2026, 3, 1)
    assert police.needs_check is False


def test_invalid_stored_entries_are_left_out_and_reported(store: Store, directory: Directory) -> None:
    store.upsert("services", {"id": "broken", "name": "Kaputt", "kind": "spa"})
    assert directory.get("broken") is None
    assert any(problem.startswith("broken: kind:") for problem in directory.problems())
    assert directory.get("police") is not None


# -- opening hours -------------------------------------------------------------------------


BERLIN_TIMES = [
    ("2026-11-23T09:00", True),  # Monday
    ("2026-11-23T13:59", True),
    ("2026-11-23T14:00", False),
    ("2026-11-24T10:00", False),  # Tuesday morning
    ("2026-11-24T19:59", True),
    ("2026-11-28T10:00", False),  # Saturday
]


@pytest.mark.parametrize(("when", "expected"), BERLIN_TIMES)
def test_is_open_follows_the_structured_hours(directory: Directory, when: str, expected: bool) -> None:
    service = directory.get("hilfetelefon-missbrauch")
    assert service is not None
    assert is_open(service, datetime.fromisoformat(when)) is expected


def test_is_open_converts_to_berlin_time(directory: Directory) -> None:
    service = directory.get("hilfetelefon-missbrauch")
    assert service is not None
    # 08:30 UTC is 09:30 in Berlin in winter (open), 10:30 in summer (open); 07:30 UTC in winter
    # is 08:30 (closed), in summer 09:30 (open).
    assert is_open(service, datetime(2026, 1, 5, 7, 30, tzinfo=timezone.utc)) is False
    assert is_open(service, datetime(2026, 7, 6, 7, 30, tzinfo=timezone.utc)) is True


def test_is_open_for_always_and_unknown(directory: Directory) -> None:
    night = datetime(2026, 11, 29, 3, 0)
    assert is_open(directory.get("police"), night) is True  # type: ignore[arg-type]
    assert is_open(directory.get("hilfetelefon-maenner"), night) is None  # type: ignore[arg-type]
    midnight = Service.from_doc(good_doc())
    assert is_open(midnight, datetime(2026, 11, 29, 23, 59)) is True
    assert is_open(midnight, datetime(2026, 11, 30, 12, 30)) is False


# -- JSON ----------------------------------------------------------------------------------

API_FIELDS = {
    "id", "name", "display_name", "operator", "kind", "kind_label", "area", "cities", "phones", "email",
    "website", "address", "hours", "hours_note", "hours_confidence", "languages",
    "languages_note", "interpreters", "accessibility", "target_groups", "channels", "free",
    "anonymous", "description", "when_you_call", "outreach", "sources", "source_date",
    "confidence", "checked", "needs_check",
}  # fmt: skip


def test_as_json_has_the_documented_fields(directory: Directory) -> None:
    items = directory.as_json()
    assert [item["id"] for item in items] == [s.id for s in directory.services()]
    for item in items:
        assert set(item) == API_FIELDS
    for field in API_FIELDS:
        assert f"``{field}``" in (model.__doc__ or ""), f"{field} is not documented"

    missbrauch = next(item for item in items if item["id"] == "hilfetelefon-missbrauch")
    assert missbrauch["hours"]["tue"] == ["15:00-20:00"]
    assert missbrauch["phones"] == [
        {"tel": "+498002255530", "href": "tel:+498002255530", "display": "0800 22 55 530", "label": None}
    ]
    wachen = next(item for item in items if item["id"] == "polizeiwachen")
    assert wachen["hours"] == "always" and wachen["area"] == "kreis" and len(wachen["cities"]) == 10


def test_as_json_translates_the_texts_it_is_given(directory: Directory) -> None:
    items = directory.as_json(lambda text: "«" + text + "»")
    police = next(item for item in items if item["id"] == "police")
    assert police["description"].startswith("«") and police["kind_label"] == "«Notruf»"
    assert police["name"] == "Polizei (Notruf)"  # proper names stay
    seelsorge = next(item for item in items if item["id"] == "telefonseelsorge")
    assert seelsorge["phones"][1]["label"] == "«Zweite Nummer»"


# -- extraction for translators ------------------------------------------------------------


def test_extract_seed_yields_every_text(seed_docs: list[dict]) -> None:
    with SEED.open("rb") as stream:
        found = list(extract_seed(stream, ["_"], [], {}))
    messages = {message for _, _, message, _ in found}
    lines = SEED.read_text(encoding="utf-8").splitlines()
    for doc in seed_docs:
        service = Service.from_doc(doc)
        assert service.description in messages
        for text in (service.when_you_call, service.hours_note, service.languages_note):
            assert text is None or text in messages
        for outreach in service.outreach:
            assert outreach.when in messages
        assert service.name in messages  # translated as a heading, the German name kept
    for lineno, funcname, message, comments in found:
        assert funcname is None
        assert message.split()[0] in lines[lineno - 1] or lines[lineno - 1].rstrip().endswith(">-")
        assert re.match(r"^[a-z0-9-]+: [a-z_.]+$", comments[0]), comments
        assert (comments[0].endswith(": name")) == (len(comments) == 2)
    assert "Zweite Nummer" in messages
    assert not messages & set(CITIES)  # city names are proper names


def test_babel_runs_the_extractor() -> None:
    source = io.BytesIO(
        "- id: x\n  description: Hallo\n  phones:\n    - {tel: '110', label: Zentrale}\n".encode()
    )
    found = list(extract("pwa.directory:extract_seed", source, keywords={"_": None}))
    assert [(lineno, message, comments) for lineno, message, comments, _ in found] == [
        (2, "Hallo", ["x: description"]),
        (4, "Zentrale", ["x: phones.label"]),
    ]


def test_the_seed_texts_round_trip_through_a_copy(seed_docs: list[dict]) -> None:
    # from_doc must not change the documents it reads (the store hands out its own copies,
    # but the model may be given any mapping).
    docs = copy.deepcopy(seed_docs)
    for doc in docs:
        Service.from_doc(doc)
    assert docs == seed_docs
