"""The about page: the Runder Tisch, its events and its materials, its office."""

from __future__ import annotations

from datetime import date
from typing import Any

from babel import Locale
from babel.dates import format_date, format_skeleton
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from pwa import about_data
from pwa.site import PageFamily
from pwa.templating import page_locale, render

# What the Runder Tisch's own description rests on (about page and professionals' page).
RUNDER_TISCH_SOURCES = (
    "https://www.kreis-mettmann.de (Runder Tisch page)",
    "https://www.supertipp-online.de (?p=555462)",
    "https://www.radioneandertal.de",
)


def today(request: Request) -> date:
    """Today in Europe/Berlin; tests set ``app.state.today`` to a function for a fixed clock."""
    clock = getattr(request.app.state, "today", None)
    return clock() if clock is not None else about_data.today_in_berlin()


def partial_date(value: str, code: str) -> str:
    """A partial ISO date in the page's language: a day, "November 2025", or a year."""
    first = about_data.period(value)[0]
    kind = about_data.precision(value)
    if kind == "day":
        return format_date(first, format="long", locale=code)
    if kind == "month":
        return format_skeleton("yMMMM", first, locale=code)
    return str(first.year)


def language_name(language: str, code: str) -> str:
    try:
        return Locale.parse(language).get_display_name(code) or language
    except (ValueError, LookupError):
        return language


def _event_view(event: about_data.Event, code: str) -> dict[str, Any]:
    return {
        "event": event,
        "start": partial_date(event.date, code),
        "end": partial_date(event.end_date, code) if event.end_date else None,
    }


async def about(request: Request) -> Response:
    store = request.app.state.store
    code = page_locale(request)
    upcoming, past = about_data.split_events(about_data.load_events(store), today(request))
    materials = [
        {"material": m, "languages": [language_name(language, code) for language in m.languages]}
        for m in about_data.load_materials(store)
    ]
    context = {
        "upcoming": [_event_view(e, code) for e in upcoming],
        "past": [_event_view(e, code) for e in past],
        "materials": materials,
        "office": request.app.state.directory.get("runder-tisch-office"),
        "police": request.app.state.directory.get("police"),
        "runder_tisch_sources": RUNDER_TISCH_SOURCES,
    }
    return render(request, "about.html", context)


family = PageFamily("about", routes=[Route("/about", about)], paths=("about",))
