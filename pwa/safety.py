"""Using this app safely: leaving quickly, traces on the phone, deleting everything.

Delete everything (static/js/delete-everything.js) clears what the page can reach and then
asks ``POST /clear-site-data``, whose answer has the browser clear the rest itself: its HTTP
cache of this site (pages and year-long static files), which no script can reach.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from pwa.site import PageFamily
from pwa.templating import render


async def safety(request: Request) -> Response:
    settings = request.app.state.settings
    return render(
        request,
        "safety.html",
        {
            # What to search for in the history (from the settings: a request's Host header
            # may name any site), and where the quick exit leads.
            "site_host": settings.public_host,
            "exit_host": urlsplit(settings.quick_exit_url).hostname or "",
        },
    )


# The browser clears this origin's HTTP cache and every kind of storage, service workers included.
CLEAR_SITE_DATA = '"cache", "storage"'


async def clear_site_data(request: Request) -> Response:
    # Only the app's own pages may ask: another site must not wipe her plan with a hidden form.
    if request.headers.get("sec-fetch-site") != "same-origin":
        return Response(status_code=403, headers={"Cache-Control": "no-store"})
    return Response(status_code=204, headers={"Clear-Site-Data": CLEAR_SITE_DATA, "Cache-Control": "no-store"})


family = PageFamily(
    "safety",
    routes=[Route("/safety", safety)],
    paths=("safety",),
    root_routes=[Route("/clear-site-data", clear_site_data, methods=["POST"])],
)
