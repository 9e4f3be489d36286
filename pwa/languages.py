"""Choosing a language: the redirect at / and the language chooser that works without JavaScript.

The choice lives in the path only (``/{locale}/...``): no cookie, nothing stored.
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from pwa.site import PageFamily
from pwa.templating import render


async def choose_language(request: Request) -> Response:
    """/ sends the browser to its best language (negotiated once, see pwa/request_state.py);
    the choice lives in the path only."""
    code = request.state.locale
    return RedirectResponse(f"/{code}/", status_code=302, headers={"Vary": "Accept-Language"})


async def languages(request: Request) -> Response:
    return render(request, "languages.html", {"choose": False})


async def start_page(request: Request) -> Response:
    """The list of languages, going on to the browser's best one (choose-language.js): what a
    host without server logic (the static build on a static host) shows at /."""
    return render(request, "languages.html", {"choose": True})


family = PageFamily(
    "languages",
    routes=[Route("/languages", languages)],
    root_routes=[Route("/", choose_language), Route("/index.html", start_page)],
    paths=("languages",),
    root_paths=("/index.html",),
)
