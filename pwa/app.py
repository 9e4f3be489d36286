"""The app factory: routes, middleware and state, built from one Settings object."""

from __future__ import annotations

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Mount, Route, Router
from starlette.types import ASGIApp, Receive, Scope, Send

from pwa import about, clock, directory_pages, info, journal, languages, offline, pages, plan, safety
from pwa.about_data import EVENT_RECORDS, MATERIAL_RECORDS
from pwa.collection import Collection
from pwa.compression import GZip
from pwa.directory import Directory
from pwa.headers import SecurityHeadersMiddleware
from pwa.request_state import RequestState
from pwa.settings import Settings
from pwa.site import PageFamily, Site
from pwa.static import StaticAssets
from pwa.store import Store
from pwa.templating import Templates

# Every page family of the site, in the order of its pages (for crawls and the offline copy).
PAGE_FAMILIES: tuple[PageFamily, ...] = (
    pages.family,
    languages.family,
    directory_pages.family,
    plan.family,
    journal.family,
    safety.family,
    info.family,
    about.family,
    offline.family,
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
    """Starlette with the security headers outside everything, error pages included."""

    access_log = False

    def build_middleware_stack(self) -> ASGIApp:
        return SecurityHeadersMiddleware(super().build_middleware_stack(), access_log=self.access_log)


def create_app(settings: Settings | None = None) -> Starlette:
    settings = settings or Settings.from_env()
    assets = StaticAssets(settings.static_dir)
    templates = Templates(settings, assets)
    store = Store(settings.database_path, dict(settings.seeds))
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
            *site.root_routes,
            Route("/{locale}", pages.locale_root),
            Mount("/{locale}", app=_EnabledLocalesOnly(Router(routes=site.routes), templates.codes)),
        ],
        middleware=[Middleware(GZip, minimum_size=500), Middleware(RequestState)],
        exception_handlers={HTTPException: not_found},
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
    app.state.events = Collection(store, EVENT_RECORDS)
    app.state.materials = Collection(store, MATERIAL_RECORDS)
    app.state.site = site
    return app
