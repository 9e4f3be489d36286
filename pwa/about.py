"""The about page: the Runder Tisch, its events and its materials, its office."""

from __future__ import annotations

from datetime import date

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from pwa import about_data
from pwa.site import PageFamily
from pwa.statements import STATEMENTS
from pwa.templating import render



def today(request: Request) -> date:
    """The request's day in Europe/Berlin (see pwa/request_state.py). Only the day: the page
    memory renders the page again when the day changes."""
    return request.state.today


async def about(request: Request) -> Response:
    upcoming, past = about_data.split_events(request.app.state.events.all(), today(request))
    materials = request.app.state.materials.all()
    context = {
        "upcoming": upcoming,
        "past": past,
        "materials": materials,
        "office": request.app.state.directory.get("runder-tisch-office"),
        "police": request.app.state.directory.get("police"),
        "runder_tisch_sources": STATEMENTS.runder_tisch["sources"],
    }
    return render(request, "about.html", context)


family = PageFamily("about", routes=[Route("/about", about)], paths=("about",))
