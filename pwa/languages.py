"""Choosing a language: the redirect at / and the language chooser that works without JavaScript.

The choice lives in the path only (``/{locale}/...``): no cookie, nothing stored.
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from pwa import i18n
from pwa.site import PageFamily
from pwa.templating import render


async def choose_language(request: Request) -> Response:
    """/ sends the browser to its best language; the choice lives in the path only."""
    codes = request.app.state.templates.codes
    code = i18n.negotiate(request.headers.get("accept-language"), codes)
    return RedirectResponse(f"/{code}/", status_code=302, headers={"Vary": "Accept-Language"})


async def languages(request: Request) -> Response:
    return render(request, "languages.html")


family = PageFamily(
    "languages",
    routes=[Route("/languages", languages)],
    root_routes=[Route("/", choose_language)],
    paths=("languages",),
)
