"""The desk's pages over HTTP: lists, editing, adding, confirming, removing, conflicts, the log."""

from __future__ import annotations

from datetime import date

import pytest

from pwa.about_data import split_events
from pwa.app import create_app
from pwa.desk import german
from pwa.desk.collections import DIRECTORY
from pwa.edits import version
from tests.conftest import make_settings
from tests.desk_helpers import add_user, desk_client, form_fields, post_form, sign_in
from tests.helpers import parse_html

TODAY = date(2026, 3, 4)
NEW_TEL, NEW_DISPLAY = "+4921041419221", "02104 1419-221"


@pytest.fixture
def desk_app(tmp_path):
    app = create_app(make_settings(tmp_path))
    add_user(app)
    add_user(app, "ben")
    return app


@pytest.fixture
def client(desk_app, fixed_clock_desk):
    with desk_client(desk_app) as signed_in:
        assert sign_in(signed_in).status_code == 303
        yield signed_in


@pytest.fixture
def fixed_clock_desk(desk_app):
    from datetime import datetime, time

    from pwa.clock import BERLIN

    desk_app.state.clock = lambda: datetime.combine(TODAY, time(10), BERLIN)


def copy_of(client, slug: str, entry: str, changes: dict) -> dict:
    """The fields of a stored entry's form, changed, for a new entry's form: every field the
    model requires is filled, whatever fields it has."""
    fields = form_fields(parse_html(client.get(f"/admin/{slug}/{entry}").text), f"/admin/{slug}/{entry}")
    return {k: v for k, v in fields.items() if k not in ("csrf", "version")} | changes


def stored(app, table: str, entry: str) -> dict:
    return app.state.store.get(table, entry)


def errors_at(html: str) -> dict[str, str]:
    """Each field's error, by the id of its input."""
    document = parse_html(html)
    return {p.attrs["id"].removesuffix("-error"): p.text for p in document.find_all("p", class_="desk-error")}


def test_the_directory_lists_every_entry_never_confirmed_first_then_longest_ago(desk_app, client):
    store = desk_app.state.store
    with store.transaction("services") as docs:
        docs["police"]["checked"] = "2025-01-10"
        docs["nora"]["checked"] = "2024-06-01"
        docs["hilfetelefon-frauen"]["checked"] = "2026-02-01"
    document = parse_html(client.get("/admin/").text)
    rows = document.find("tbody").find_all("tr")
    ids = [row.find("a").attrs["href"].rsplit("/", 1)[1] for row in rows]
    assert len(ids) == len(store.all("services"))
    assert ids[-3:] == ["nora", "police", "hilfetelefon-frauen"]
    headings = [th.text for th in document.find("thead").find_all("th")]
    assert headings == ["Name", *(german.label("services", c) for c in DIRECTORY.shown_columns())]
    assert {"Art der Hilfe", "Verlässlichkeit", "Stand der Quelle", "Am Telefon bestätigt am"} <= set(headings)
    assert "noch nie" in rows[0].text and "10. Januar 2025" in rows[-2].text


def test_editing_a_phone_number_shows_at_the_next_public_request_and_in_the_change_log(desk_app, client):
    before = stored(desk_app, "services", "police")
    response = post_form(client, "/admin/directory/police", {"phones.0.tel": NEW_TEL, "phones.0.display": NEW_DISPLAY})
    assert response.status_code == 303 and response.headers["location"] == "/admin/directory/police?saved=1"
    page = client.get(response.headers["location"]).text
    assert "Gespeichert." in page and "python -m pwa build" in page
    assert stored(desk_app, "services", "police") == {**before, "phones": [{**before["phones"][0], "tel": NEW_TEL, "display": NEW_DISPLAY}]}
    public = parse_html(client.get("/de/services/police").text)
    assert f"tel:{NEW_TEL}" in [a.attrs.get("href") for a in public.find_all("a")]
    [change] = desk_app.state.desk.log.read()
    assert (change.who, change.entry, change.action, list(change.fields)) == ("anna", "police", "edit", ["phones"])
    assert change.at.startswith("2026-03-04T10:00")
    log_page = parse_html(client.get("/admin/changes").text)
    item = log_page.find("ol", class_="desk-changes").find("li")
    assert "anna" in item.text and "Telefonnummern" in item.text
    assert NEW_TEL in item.find("ins").text and before["phones"][0]["tel"] in item.find("del").text


def test_an_invalid_phone_or_url_shows_its_error_at_the_field_and_writes_nothing(desk_app, client):
    db = desk_app.state.settings.database_path
    before = db.read_bytes()
    response = post_form(client, "/admin/directory/interventionsstelle", {"phones.0.tel": "0211 12345", "website": "http://example.org"})
    assert response.status_code == 422
    errors = errors_at(response.text)
    assert "„0211 12345“: bitte +49" in errors["f-phones-0-tel"]
    assert "„http://example.org“ ist keine Adresse, die mit https:// beginnt." in errors["f-website"]
    document = parse_html(response.text)
    assert document.find("input", id="f-phones-0-tel").attrs["aria-invalid"] == "true"
    assert "f-phones-0-tel-error" in document.find("input", id="f-phones-0-tel").attrs["aria-describedby"]
    summary = [a.attrs["href"] for a in document.find("div", class_="desk-error-summary").find_all("a")]
    assert summary == ["#f-phones-0-tel", "#f-website"]
    assert document.find("input", id="f-website").attrs["value"] == "http://example.org"  # her input stays
    assert db.read_bytes() == before and desk_app.state.desk.log.read() == []


def test_a_form_without_its_csrf_token_is_refused_and_writes_nothing(desk_app, client):
    db = desk_app.state.settings.database_path
    before = db.read_bytes()
    fields = form_fields(parse_html(client.get("/admin/directory/police").text), "/admin/directory/police")
    for forged in ({k: v for k, v in fields.items() if k != "csrf"}, {**fields, "csrf": "guessed"}):
        response = client.post("/admin/directory/police", data={**forged, "name": "Gefälscht"})
        assert response.status_code == 403 and "nichts wurde gespeichert" in response.text
    for path in ("/admin/directory/police/confirm", "/admin/directory/police/remove", "/admin/events/new"):
        assert client.post(path, data={}).status_code == 403, path
    other_site = client.post("/admin/directory/police", data={**fields, "name": "Fremd"}, headers={"origin": "https://elsewhere.example"})
    assert other_site.status_code == 403
    assert db.read_bytes() == before


def test_the_second_of_two_edits_of_the_same_entry_is_refused_showing_the_first(desk_app, client):
    with desk_client(desk_app) as ben:
        sign_in(ben, "ben")
        path = "/admin/directory/police"
        anna_form = form_fields(parse_html(client.get(path).text), path)
        ben_form = form_fields(parse_html(ben.get(path).text), path)
        assert anna_form["version"] == ben_form["version"]
        assert client.post(path, data={**anna_form, "hours_note": "Anna war zuerst."}).status_code == 303
        refused = ben.post(path, data={**ben_form, "hours_note": "Ben kam später."})
    assert refused.status_code == 409
    assert stored(desk_app, "services", "police")["hours_note"] == "Anna war zuerst."
    document = parse_html(refused.text)
    conflict = document.find("div", class_="desk-conflict")
    assert "Nicht gespeichert" in conflict.text and "anna" in conflict.text and "Anna war zuerst." in conflict.text
    assert "Ben kam später." in conflict.text  # what he wrote, so he can enter it again
    again = form_fields(document, path)
    assert again["version"] == version(stored(desk_app, "services", "police"))
    assert again["hours_note"] == "Anna war zuerst."


def test_am_telefon_bestaetigt_sets_checked_to_today(desk_app, client):
    page = parse_html(client.get("/admin/directory/nora").text)
    button = page.find("form", action="/admin/directory/nora/confirm").find("button")
    assert button.text == "am Telefon bestätigt"
    response = post_form(client, "/admin/directory/nora", action="/admin/directory/nora/confirm")
    assert response.headers["location"] == "/admin/directory/nora?confirmed=1"
    assert stored(desk_app, "services", "nora")["checked"] == "2026-03-04"
    assert desk_app.state.desk.log.read()[0].action == "confirm"


def test_adding_and_removing_an_entry_with_a_confirmation(desk_app, client):
    new = copy_of(client, "directory", "interventionsstelle", {
        "id": "beratung-haan", "name": "Beratung Haan", "kind": "counselling", "area": "cities", "area.cities": "Haan",
        "phones.0.tel": "+4921041419221", "phones.0.display": "", "description": "Eine Beratungsstelle.",
    })  # fmt: skip
    response = post_form(client, "/admin/directory/new", new)
    assert response.status_code == 303, errors_at(response.text)
    assert stored(desk_app, "services", "beratung-haan")["area"] == ["Haan"]
    assert client.get("/de/services/beratung-haan").status_code == 200
    again = post_form(client, "/admin/directory/new", new)
    assert again.status_code == 422 and "Es gibt schon einen Eintrag mit dieser Kennung." in errors_at(again.text)["f-id"]

    confirm_page = parse_html(client.get("/admin/directory/beratung-haan/remove").text)
    assert "entfernen?" in confirm_page.find("h1").text
    assert stored(desk_app, "services", "beratung-haan") is not None  # asking removes nothing
    response = post_form(client, "/admin/directory/beratung-haan/remove")
    assert response.headers["location"] == "/admin/?removed=1"
    assert stored(desk_app, "services", "beratung-haan") is None
    assert client.get("/de/services/beratung-haan").status_code == 404
    assert [c.action for c in desk_app.state.desk.log.read()] == ["remove", "add"]


def test_a_new_entry_with_problems_shows_them_all_and_writes_nothing(desk_app, client):
    db = desk_app.state.settings.database_path
    before = db.read_bytes()
    response = post_form(client, "/admin/directory/new", {"id": "Neu!", "kind": "", "hours": "times", "hours.mon": "9-12"})
    assert response.status_code == 422
    errors = errors_at(response.text)
    assert {"f-id", "f-name", "f-kind", "f-area", "f-hours-mon", "f-description", "f-sources", "f-confidence"} <= set(errors)
    assert "Bitte ausfüllen." in errors["f-name"] and "„9-12“ ist keine Zeitspanne" in errors["f-hours-mon"]
    assert db.read_bytes() == before


def test_events_list_upcoming_then_the_archive_by_date_as_the_public_page(desk_app, client):
    seeded = desk_app.state.store.all("events")[0]["id"]
    event = copy_of(client, "events", seeded, {"id": "fachtag-2026", "title": "Fachtag 2026", "date": "2026-05-04", "end_date": ""})
    assert post_form(client, "/admin/events/new", event).status_code == 303
    past = {**event, "id": "fachtag-2024", "title": "Fachtag 2024", "date": "2024-05-04"}
    assert post_form(client, "/admin/events/new", past).status_code == 303
    document = parse_html(client.get("/admin/events/").text)
    sections = {s.find("h2").text: [a.attrs["href"].rsplit("/", 1)[1] for a in s.find_all("a")] for s in document.find_all("section")}
    upcoming, past = split_events(desk_app.state.events.all(), TODAY)  # as the about page splits them
    assert sections["Kommende Termine"] == [e.id for e in upcoming] and "fachtag-2026" in sections["Kommende Termine"]
    assert sections["Archiv"] == [e.id for e in past] and "fachtag-2024" in sections["Archiv"]
    dates = [stored(desk_app, "events", entry)["date"] for entry in sections["Archiv"]]
    assert dates == sorted(dates, reverse=True)
    assert post_form(client, "/admin/events/fachtag-2024", {"end_date": "2023"}).status_code == 422


def test_materials_are_edited_and_removed_the_same_way(desk_app, client):
    material = desk_app.state.store.all("materials")[0]
    path = f"/admin/materials/{material['id']}"
    assert post_form(client, path, {"languages": "de, tr"}).status_code == 303
    assert stored(desk_app, "materials", material["id"])["languages"] == ["de", "tr"]
    assert post_form(client, path + "/remove").headers["location"] == "/admin/materials/?removed=1"
    assert stored(desk_app, "materials", material["id"]) is None


def test_saving_an_unchanged_form_writes_and_records_nothing(desk_app, client):
    db = desk_app.state.settings.database_path
    for slug, table in (("directory", "services"), ("events", "events"), ("materials", "materials")):
        for doc in desk_app.state.store.all(table):
            before = db.stat().st_ino
            response = post_form(client, f"/admin/{slug}/{doc['id']}")
            assert response.status_code == 303 and response.headers["location"].endswith("?unchanged=1"), (slug, doc["id"])
            assert db.stat().st_ino == before
    assert desk_app.state.desk.log.read() == []


def test_an_entry_a_hand_edit_broke_is_listed_with_its_problems_and_can_be_mended(desk_app, client):
    with desk_app.state.store.transaction("services") as docs:
        docs["police"]["website"] = "polizei.nrw"
    listing = parse_html(client.get("/admin/").text)
    row = next(tr for tr in listing.find("tbody").find_all("tr") if tr.find("a").attrs["href"].endswith("/police"))
    assert "ungültig" in row.text
    page = client.get("/admin/directory/police")
    assert page.status_code == 200 and "„polizei.nrw“ ist keine Adresse" in errors_at(page.text)["f-website"]
    assert post_form(client, "/admin/directory/police", {"website": "https://polizei.nrw"}).status_code == 303
    assert stored(desk_app, "services", "police")["website"] == "https://polizei.nrw"


def test_the_stale_report_lists_entries_never_or_long_ago_confirmed(desk_app, client):
    with desk_app.state.store.transaction("services") as docs:
        for entry in docs.values():
            entry["checked"] = "2026-01-01"
        docs["police"]["checked"] = "2024-12-01"
        docs["nora"].pop("checked", None)
    document = parse_html(client.get("/admin/stale").text)
    listed = [a.attrs["href"].rsplit("/", 1)[1] for a in document.find("tbody").find_all("a")]
    assert listed == ["nora", "police"]
    assert "2" in document.find("h2").text
    six = parse_html(client.get("/admin/stale?months=1").text)
    assert len(six.find("tbody").find_all("tr")) == len(desk_app.state.store.all("services"))


def test_unknown_entries_and_collections_are_not_found(client):
    for path in ("/admin/directory/nowhere", "/admin/films/", "/admin/films/x", "/admin/directory/nowhere/remove"):
        assert client.get(path).status_code == 404, path
