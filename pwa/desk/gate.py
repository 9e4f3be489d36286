"""The way into the desk: off without users, no-store on every answer, sessions and CSRF checked.

:class:`DeskGate` stands before every /admin address. Without a user (no users file, or an
empty one) it answers 404, as for any address that does not exist. Otherwise it passes the
request to the desk's routes and marks every answer ``Cache-Control: no-store``, error pages
included, so neither a browser, a proxy nor the app's page cache keeps a desk page.

Routes for maintainers are wrapped in :func:`for_maintainers`: without a session a page sends
to the sign-in, a form is refused; every form must carry the session's CSRF token and come
from this site.
"""

from __future__ import annotations

import functools
import logging
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Awaitable, Callable
from urllib.parse import parse_qsl, urlsplit

from babel.dates import format_datetime
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from starlette.datastructures import FormData
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from pwa import pages
from pwa.change_log import ChangeLog
from pwa.desk import german
from pwa.desk.fields import AREA_MODES, FLAGS, HOURS_MODES
from pwa.desk.sessions import COOKIE, Session, Sessions
from pwa.desk.throttle import Throttle
from pwa.desk.users import Users
from pwa.formatting import Formatting
from pwa.settings import Settings
from pwa.static import StaticAssets
from pwa.store import Store

PREFIX = "/admin"
MAX_FORM_BYTES = 512 * 1024
NAVIGATION = (
    ("/", "Verzeichnis"),
    ("/stale", "Zu bestätigen"),
    ("/events/", "Termine"),
    ("/materials/", "Materialien"),
    ("/changes", "Änderungen"),
)
_log = logging.getLogger("pwa.desk")


def shown(value: Any) -> str:
    """A stored value as the change log shows it."""
    if value is None or value == "" or value == []:
        return "(leer)"
    if isinstance(value, bool):
        return "ja" if value else "nein"
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return ", ".join(value)
    if isinstance(value, list) and all(isinstance(item, dict) for item in value):
        return "; ".join(", ".join(f"{k}: {v}" for k, v in item.items() if v is not None) for item in value)
    if isinstance(value, dict):
        return "; ".join(f"{k}: {shown(v)}" for k, v in value.items())
    return str(value)


def moment(value: str) -> str:
    """A change's time, as the log stores it, in German: "4. März 2026, 10:30"."""
    try:
        return format_datetime(datetime.fromisoformat(value), "d. MMMM y, HH:mm", locale="de")
    except (TypeError, ValueError):
        return str(value)


class Desk:
    """What the desk's pages share: users, sessions, throttle, store, change log, templates."""

    def __init__(self, settings: Settings, assets: StaticAssets, store: Store) -> None:
        self.users = Users(settings.users_file)
        self.sessions = Sessions(settings.desk_sessions_path)
        self.throttle = Throttle()
        self.store = store
        self.log = ChangeLog(settings.change_log_path)
        folder = settings.templates_dir / "desk"
        self.css = (folder / "desk.css").read_bytes()
        self.env = Environment(
            loader=FileSystemLoader(folder), autoescape=True, undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True
        )
        self.env.globals.update(
            static=assets.url, prefix=PREFIX, navigation=NAVIGATION, label=german.label, actions=german.ACTIONS,
            flags=FLAGS, area_modes=AREA_MODES, hours_modes=HOURS_MODES,
        )
        self.env.filters.update(de_date=Formatting("de").date, de_moment=moment, shown=shown)

    @property
    def on(self) -> bool:
        return bool(self.users.names())

    def render(self, request: Request, name: str, context: dict[str, Any], status: int = 200, session: Session | None = None) -> HTMLResponse:
        page = {
            "request": request, "user": session.user if session else None, "csrf": session.csrf if session else "",
            "current": "", "notice": "", "rebuild": False,
        }  # fmt: skip
        html = self.env.get_template(name).render({**page, **context})
        return HTMLResponse(html, status_code=status, headers={"Content-Language": "de"})

    def error(self, request: Request, status: int, message: str, session: Session | None = None) -> HTMLResponse:
        titles = {403: "Nicht erlaubt", 404: "Nicht gefunden", 405: "Nicht erlaubt", 413: "Zu groß", 429: "Zu viele Versuche"}
        title = titles.get(status, "Ein Fehler ist aufgetreten")
        return self.render(request, "error.html", {"title": title, "message": message}, status, session)


@dataclass(frozen=True)
class Visit:
    """A signed-in maintainer's request: her session and, for a form, what it sent."""

    request: Request
    desk: Desk
    session: Session
    form: FormData | None

    @property
    def now(self) -> datetime:
        return self.request.state.now  # type: ignore[no-any-return]

    def render(self, name: str, context: dict[str, Any], status: int = 200) -> HTMLResponse:
        return self.desk.render(self.request, name, context, status, self.session)

    def error(self, status: int, message: str) -> HTMLResponse:
        return self.desk.error(self.request, status, message, self.session)


def redirect(path: str) -> RedirectResponse:
    """To a desk page, after a form: the browser asks for it with GET."""
    return RedirectResponse(PREFIX + path, status_code=303)


def client(request: Request) -> str:
    return request.client.host if request.client else ""


def same_site(request: Request) -> bool:
    """A form sent from a desk page, not from another site (as far as the browser tells)."""
    if request.headers.get("sec-fetch-site", "same-origin") not in ("same-origin", "none"):
        return False
    origin = request.headers.get("origin")
    # "null": what browsers send under Referrer-Policy: no-referrer, which every answer has.
    return origin in (None, "null") or urlsplit(origin).netloc == request.headers.get("host")


async def read_form(request: Request) -> FormData | None:
    """The fields of a form, or None for one too large to be a desk form."""
    body = b""
    async for chunk in request.stream():
        body += chunk
        if len(body) > MAX_FORM_BYTES:
            return None
    return FormData(parse_qsl(body.decode("utf-8", "replace"), keep_blank_values=True))


Handler = Callable[[Visit], Awaitable[Response]]


def for_maintainers(handler: Handler) -> Callable[[Request], Awaitable[Response]]:
    @functools.wraps(handler)
    async def endpoint(request: Request) -> Response:
        desk: Desk = request.app.state.desk
        session = desk.sessions.find(request.cookies.get(COOKIE), request.state.now.timestamp())
        if session is not None and not desk.users.exists(session.user):
            desk.sessions.end(request.cookies.get(COOKIE))
            session = None
        if session is None:
            if request.method in ("GET", "HEAD"):
                return redirect("/sign-in")
            return desk.error(request, 403, "Sie sind nicht mehr angemeldet, nichts wurde gespeichert. Bitte melden Sie sich neu an.")
        form = None
        if request.method == "POST":
            form = await read_form(request)
            if form is None:
                return desk.error(request, 413, "Das Formular ist zu groß.", session)
            if not same_site(request) or not session.csrf_matches(form.get("csrf")):
                return desk.error(request, 403, "Dieses Formular ist nicht gültig, nichts wurde gespeichert. "
                                  "Bitte laden Sie die Seite neu und versuchen Sie es noch einmal.", session)  # fmt: skip
        return await handler(Visit(request, desk, session, form))

    return endpoint


class DeskGate:
    """ASGI: the desk's routes when it is on, 404 otherwise; ``no-store`` on every answer."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def send_no_store(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                kept = [(k, v) for k, v in message.get("headers", []) if k.lower() not in (b"cache-control", b"x-robots-tag")]
                message = {**message, "headers": [*kept, (b"cache-control", b"no-store"), (b"x-robots-tag", b"noindex, nofollow")]}
            await send(message)

        request = Request(scope, receive)
        desk: Desk = scope["app"].state.desk
        if not desk.on:
            await pages.not_found(request)(scope, receive, send_no_store)
            return
        if scope["path"] == PREFIX:
            await RedirectResponse(PREFIX + "/", status_code=308)(scope, receive, send_no_store)
            return
        try:
            await self.app(scope, receive, send_no_store)
        except HTTPException as error:
            if started:
                raise
            message = "Diese Seite gibt es nicht." if error.status_code == 404 else "Das geht hier nicht."
            await desk.error(request, error.status_code, message)(scope, receive, send_no_store)
        except Exception:
            if started:
                raise
            _log.exception("the desk failed to answer")
            await desk.error(request, 500, "Bitte versuchen Sie es noch einmal.")(scope, receive, send_no_store)
