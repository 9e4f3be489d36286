"""The app factory: routes, middleware and state, built from one Settings object."""

from __future__ import annotations

import logging
from contextlib import asynccontextmanager
from typing import AsyncIterator

import anyio.to_thread
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Mount, Route, Router
from starlette.types import ASGIApp, Receive, Scope, Send

from pwa import about, clock, covers, desk, directory_pages, disguise, info, journal, languages, offline, pages, plan, safety
from pwa.about_data import EVENT_RECORDS, MATERIAL_RECORDS
from pwa.collection import Collection
from pwa.compression import GZip
from pwa.directory import CallFirst, Directory
from pwa.headers import SecurityHeadersMiddleware
from pwa.memory import PageMemory
from pwa.request_state import RequestState
from pwa.settings import Settings
from pwa.site import PageFamily, Site
from pwa.static import StaticAssets
from pwa.store import DatabaseError, Store
from pwa.templating import Templates

log = logging.getLogger(__name__)

# Every page family of the site, in the order of its pages (for crawls and the offline copy).
PAGE_FAMILIES: tuple[PageFamily, ...] = (
    pages.family,
    languages.family,
    directory_pages.family,
    plan.family,
    journal.family,
    safety.family,
    disguise.family,
    info.family,
    about.family,
    offline.family,
    covers.family,
)


class _EnabledLocalesOnly:
    """Answers 404 for a path whose first segment is not an enabled language."""

    def __init__(self, app: ASGIApp, codes: list[str]) -> None:
        self.app = app
        self.codes = set(codes)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope.get("path_params", {}).get("locale") not in self.codes:
            raise HTTPException(status_code=404)
        await self.app(scope, receive, send)


class App(Starlette):
    """Starlette with the security headers outside everything, error pages included, and the
    page memory in front of the routes."""

    access_log = False

    def build_middleware_stack(self) -> ASGIApp:
        memory: PageMemory = self.state.memory
        memory.app = super().build_middleware_stack()
        return SecurityHeadersMiddleware(memory, access_log=self.access_log)


@asynccontextmanager
async def _lifespan(app: Starlette) -> AsyncIterator[None]:
    if app.state.warm:
        # Every page into memory and the offline build complete before the first request.
        await anyio.to_thread.run_sync(app.state.offline.wait)
    yield


def _open_store(settings: Settings) -> Store:
    """The store; one that cannot be read is opened as it is, so pages answer 503 (logged, with
    the numbers to call first) until the maintainers restore it, and nothing is seeded over it."""
    try:
        return Store(settings.database_path, dict(settings.seeds))
    except DatabaseError as error:
        log.error("the database cannot be read: %s", error)
        return Store(settings.database_path, dict(settings.seeds), fill_missing=False)


def create_app(settings: Settings | None = None, *, warm: bool = False) -> Starlette:
    """The app. ``warm``: render every page and make the offline build at start-up, before
    the server takes requests (pwa/serve.py); otherwise the first request for the worker
    starts the build."""
    settings = settings or Settings.from_env()
    assets = StaticAssets(settings.static_dir)
    templates = Templates(settings, assets)
    store = _open_store(settings)
    directory = Directory(store)
    site = Site(PAGE_FAMILIES, templates.codes, directory)

    async def not_found(request: Request, exc: Exception) -> Response:
        status = getattr(exc, "status_code", 404)
        if status != 404:
            return Response(status_code=status, headers=getattr(exc, "headers", None))
        return pages.not_found(request)

    app = App(
        routes=[
            Route("/static/{version}/{path:path}", assets.endpoint, methods=["GET", "HEAD"]),
            *desk.routes(),  # the maintainers' desk: no page family, no public page (pwa/desk)
            *site.root_routes,
            Route("/{locale}", pages.locale_root),
            Mount("/{locale}", app=_EnabledLocalesOnly(Router(routes=site.routes), templates.codes)),
        ],
        middleware=[Middleware(GZip, minimum_size=500), Middleware(RequestState)],
        exception_handlers={HTTPException: not_found, DatabaseError: pages.unavailable},
        lifespan=_lifespan,
    )
    # Only /{locale} gains a slash (above); any other unknown path is a plain 404.
    app.router.redirect_slashes = False
    app.access_log = settings.access_log
    app.state.settings = settings
    app.state.clock = clock.now  # tests set a fixed clock here
    app.state.assets = assets
    app.state.templates = templates
    app.state.store = store
    app.state.directory = directory
    app.state.call_first = CallFirst.from_seed(settings.seeds["services"])
    app.state.events = Collection(store, EVENT_RECORDS)
    app.state.materials = Collection(store, MATERIAL_RECORDS)
    app.state.site = site
    app.state.desk = desk.Desk(settings, assets, store)
    app.state.memory = PageMemory(app)
    app.state.offline = offline.OfflineBuilder(app)
    app.state.warm = warm
    return app
