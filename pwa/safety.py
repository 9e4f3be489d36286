"""Using this app safely: leaving quickly, traces on the phone, deleting everything."""

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
            # What to search for in the history, and where the quick exit leads.
            "site_host": request.state.host,
            "exit_host": urlsplit(settings.quick_exit_url).hostname or "",
        },
    )


family = PageFamily("safety", routes=[Route("/safety", safety)], paths=("safety",))
