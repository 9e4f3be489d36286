"""The about page: the Runder Tisch, its office, its events by date and its materials."""

from __future__ import annotations

from datetime import date

from pwa.about_data import EVENTS, MATERIALS
from tests.helpers import parse_html


def _main(client, path: str):
    response = client.get(path)
    assert response.status_code == 200, path
    return response, parse_html(response.text).find("main")


def test_about_shows_the_runder_tisch_and_its_office(client):
    _, main = _main(client, "/de/about")
    text = main.text
    for fact in (
        "dauerhaft verbessern",
        "Gleichstellungsstellen",
        "Jugendämter",
        "Lenkungskreis",
        "Prävention und Öffentlichkeitsarbeit",
        "Landrätin Dr. Bettina Warnecke",
        "Kreishaus, Düsseldorfer Str. 26, 40822 Mettmann",
    ):
        assert fact in text, fact
    # In the Runder Tisch's own terms: working groups, part of the Kreis's Gewaltschutzkonzept,
    # how it works, and how it sees domestic violence.
    for fact in ("Arbeitsgruppen", "Gewaltschutzkonzepts des Kreises Mettmann", "nicht als Privatsache",
                 "Aufgabe für die ganze Gesellschaft", "vernetzen sich", "über die Grenzen ihrer Bereiche hinweg",
                 "machen die Öffentlichkeit auf häusliche Gewalt aufmerksam"):  # fmt: skip
        assert fact in text, fact
    assert "Arbeitskreise" not in text
    contact = main.find("section", **{"aria-labelledby": "contact"})
    mail = contact.find("a", href="mailto:gewaltschutz@kreis-mettmann.de")
    assert mail is not None and mail.find("bdi") is not None
    site = contact.find("a", href="https://www.kreis-mettmann.de/rundertisch")
    assert site is not None and site.find("bdi") is not None
    materials = main.find("section", **{"aria-labelledby": "materials"})
    assert {e.attrs["data-material"] for e in materials.find_all("li", class_="entry")} == {
        "plakat-sos-handzeichen",
        "brottueten-gewalt-kommt-nicht-in-die-tuete",
    }


def _events_by_section(fixed_clock, client, today: date) -> tuple[list[str], list[str]]:
    fixed_clock(today)
    _, main = _main(client, "/de/about")
    upcoming = main.find("section", **{"aria-labelledby": "events"})
    archive = main.find("section", **{"aria-labelledby": "archive"})
    ids = lambda section: [e.attrs["data-event"] for e in section.find_all("li", class_="entry")] if section else []  # noqa: E731
    return ids(upcoming), ids(archive)


def test_events_move_to_the_archive_by_date(fixed_clock, client):
    fachtag, posters = "fachtag-2025-erstkontakt", "plakataktion-sos-handzeichen"
    assert _events_by_section(fixed_clock, client, date(2025, 10, 1)) == ([fachtag, posters], [])
    # "2025-11" covers the whole month.
    assert _events_by_section(fixed_clock, client, date(2025, 11, 30)) == ([fachtag, posters], [])
    assert _events_by_section(fixed_clock, client, date(2025, 12, 1)) == ([posters], [fachtag])
    assert _events_by_section(fixed_clock, client, date(2026, 2, 14)) == ([posters], [fachtag])
    # The poster campaign runs from 14 February 2026 with no end named: it stays current.
    assert _events_by_section(fixed_clock, client, date(2026, 2, 15)) == ([posters], [fachtag])
    assert _events_by_section(fixed_clock, client, date(2030, 1, 1)) == ([posters], [fachtag])
    fixed_clock(date(2026, 2, 15))
    _, main = _main(client, "/de/about")
    assert main.find("li", **{"data-event": posters}).find("time").text == "ab 14. Februar 2026"


def test_an_event_with_an_end_date_stays_until_its_last_day(app, fixed_clock, client):
    app.state.store.upsert(
        EVENTS,
        {
            "id": "woche-2027",
            "title": "Aktionswoche",
            "date": "2027-03-01",
            "end_date": "2027-03-03",
            "kind": "other",
            "audience": "public",
            "description": "Eine Woche mit Aktionen.",
            "sources": ["Test"],
        },
    )
    upcoming, _ = _events_by_section(fixed_clock, client, date(2027, 3, 3))
    assert upcoming == ["plakataktion-sos-handzeichen", "woche-2027"]
    _, main = _main(client, "/de/about")
    entry = main.find("li", **{"data-event": "woche-2027"})
    assert entry.find("time").text == "1. März 2027 bis 3. März 2027"
    assert entry.find("time").attrs["datetime"] == "2027-03-01"
    # The archive: newest first.
    assert _events_by_section(fixed_clock, client, date(2027, 3, 4)) == (["plakataktion-sos-handzeichen"], ["woche-2027", "fachtag-2025-erstkontakt"])


def test_an_invalid_entry_in_the_store_is_left_out(app, client):
    app.state.store.upsert(EVENTS, {"id": "kaputt", "title": "Kaputt", "date": "2026-13-01"})
    app.state.store.upsert(MATERIALS, {"id": "kaputt", "title": "Kaputt", "kind": "film"})
    response, main = _main(client, "/de/about")
    assert main.find("li", **{"data-event": "kaputt"}) is None
    assert main.find("li", **{"data-material": "kaputt"}) is None


def test_empty_tables_say_so(app, client):
    app.state.store.replace_all(EVENTS, [])
    app.state.store.replace_all(MATERIALS, [])
    _, main = _main(client, "/de/about")
    assert main.find("section", **{"aria-labelledby": "archive"}) is None
    assert "Zurzeit sind keine Termine angekündigt." in main.find("section", **{"aria-labelledby": "events"}).text
    assert "keine Materialien" in main.find("section", **{"aria-labelledby": "materials"}).text


def test_dates_are_shown_in_the_page_language(fixed_clock, client):
    fixed_clock(date(2025, 10, 1))
    _, main = _main(client, "/en/about")
    times = [t.text for t in main.find("section", **{"aria-labelledby": "events"}).find_all("time")]
    assert times[0] == "November 2025"
    assert "February 14, 2026" in times[1]
