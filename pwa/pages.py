"""The home page, the redirect from /{locale} to /{locale}/, the page for unknown addresses, and
the page for a server that cannot read its database."""

from __future__ import annotations

import logging

from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.routing import Route

from pwa.site import PageFamily
from pwa.store import DatabaseError
from pwa.templating import render

log = logging.getLogger(__name__)


def _first_call_numbers(request: Request) -> dict[str, object]:
    # From the seed, read at start-up: never from the database (pwa/directory.py, CallFirst).
    return dict(request.app.state.call_first.context())


async def locale_root(request: Request) -> Response:
    code = request.path_params["locale"]
    if code not in request.app.state.templates.codes:
        return not_found(request)
    return RedirectResponse(f"/{code}/", status_code=301)


async def home(request: Request) -> Response:
    return render(request, "home.html", _first_call_numbers(request))


def not_found(request: Request) -> Response:
    return render(request, "404.html", _first_call_numbers(request), status_code=404)


async def unavailable(request: Request, error: Exception) -> Response:
    """The database cannot be read: 503, logged, so the service worker keeps its saved copy.

    Said once for each new problem, not for every request. The page has the call-first numbers,
    which never come from the database.
    """
    message = str(error) if isinstance(error, DatabaseError) else repr(error)
    if getattr(request.app.state, "database_problem", None) != message:
        request.app.state.database_problem = message
        log.error("pages that need the database answer 503: %s", message)
    headers = {"Cache-Control": "no-store", "Retry-After": "300"}
    if request.url.path.startswith("/api/"):
        return JSONResponse({"error": "unavailable"}, status_code=503, headers=headers)
    response = render(request, "unavailable.html", _first_call_numbers(request), status_code=503)
    response.headers.update(headers)
    return response


family = PageFamily("home", routes=[Route("/", home)], paths=("",))
