"""Information pages, the Runder Tisch and privacy."""

from __future__ import annotations

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from pwa.i18n import N_
from pwa.templating import render

# Topic slug -> title. Slugs are the same in every language.
TOPICS: dict[str, str] = {}


async def info_index(request: Request) -> Response:
    return render(request, "info.html", {"topics": TOPICS})


async def info_topic(request: Request) -> Response:
    slug = request.path_params["topic"]
    if slug not in TOPICS:
        raise HTTPException(status_code=404)
    return render(request, f"info/{slug}.html", {"slug": slug, "title": TOPICS[slug]})


async def about(request: Request) -> Response:
    return render(request, "about.html")


async def privacy(request: Request) -> Response:
    return render(request, "privacy.html")


def page_paths(app: object) -> list[str]:
    return ["info", *(f"info/{slug}" for slug in TOPICS), "about", "privacy"]


routes = [
    Route("/info", info_index),
    Route("/info/{topic}", info_topic),
    Route("/about", about),
    Route("/privacy", privacy),
]
_ = N_  # topics' titles are marked with N_ when they are added
