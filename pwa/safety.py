"""Using this app safely: leaving quickly, traces on the phone, deleting everything."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from pwa.templating import render


async def safety(request: Request) -> Response:
    return render(request, "safety.html")


def page_paths(app: object) -> list[str]:
    return ["safety"]


routes = [Route("/safety", safety)]
