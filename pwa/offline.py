"""Offline use and installing: the web app manifest and the service worker."""

from __future__ import annotations

import json

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route


async def manifest(request: Request) -> Response:
    settings = request.app.state.settings
    body = (settings.root / "manifest.json").read_bytes()
    json.loads(body)  # a broken manifest must fail loudly in tests, not silently in browsers
    return Response(body, media_type="application/manifest+json", headers={"Cache-Control": "no-cache"})


async def service_worker(request: Request) -> Response:
    settings = request.app.state.settings
    body = (settings.root / "service-worker.js").read_bytes()
    return Response(
        body,
        media_type="text/javascript; charset=utf-8",
        headers={"Cache-Control": "no-cache", "Service-Worker-Allowed": "/"},
    )


def page_paths(app: object) -> list[str]:
    return []


routes: list[Route] = []
root_routes = [
    Route("/manifest.json", manifest),
    Route("/service-worker.js", service_worker),
]
