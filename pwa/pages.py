"""The home page, the redirect from /{locale} to /{locale}/, and the page for unknown addresses."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from pwa.site import PageFamily
from pwa.templating import render


def _first_call_numbers(request: Request) -> dict[str, object]:
    directory = request.app.state.directory
    return {
        "police": directory.get("police"),
        "hilfetelefon": directory.get("hilfetelefon-frauen"),
    }


async def locale_root(request: Request) -> Response:
    code = request.path_params["locale"]
    if code not in request.app.state.templates.codes:
        return not_found(request)
    return RedirectResponse(f"/{code}/", status_code=301)


async def home(request: Request) -> Response:
    return render(request, "home.html", _first_call_numbers(request))


def not_found(request: Request) -> Response:
    return render(request, "404.html", _first_call_numbers(request), status_code=404)


family = PageFamily("home", routes=[Route("/", home)], paths=("",))
