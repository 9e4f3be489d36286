"""Pages of the help directory: emergency numbers, the list of services, one service, the JSON API."""

from __future__ import annotations

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from pwa.templating import render


async def emergency(request: Request) -> Response:
    directory = request.app.state.directory
    return render(request, "emergency.html", {"services": directory.services()})


async def services(request: Request) -> Response:
    directory = request.app.state.directory
    return render(request, "services.html", {"services": directory.services()})


async def service(request: Request) -> Response:
    found = request.app.state.directory.get(request.path_params["id"])
    if found is None:
        raise HTTPException(status_code=404)
    return render(request, "service.html", {"service": found})


async def api_services(request: Request) -> Response:
    return JSONResponse(request.app.state.directory.as_json(), headers={"Cache-Control": "no-cache"})


def page_paths(app: object) -> list[str]:
    directory = app.state.directory  # type: ignore[attr-defined]
    return ["emergency", "services", *(f"services/{s.id}" for s in directory.services())]


routes = [
    Route("/emergency", emergency),
    Route("/services", services),
    Route("/services/{id}", service),
]
root_routes = [Route("/api/services", api_services)]
