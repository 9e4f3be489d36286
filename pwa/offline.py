"""Offline use and installing: the web app manifests, the service worker and the offline page.

The service worker at /service-worker.js is the top-level file with one line filled in by the
server, ``const BUILD = {...};``: the version and what to precache. The version is a hash of
everything the worker caches, as the server renders it now: every page of every enabled
language, the manifests, the directory as JSON, the static files and the catalogues. Any
change therefore makes a new worker, which replaces the old caches. The same content gives the
same version in every server process.

Computing it takes every page from the page memory (pwa/memory.py), rendering those that
changed, so it is never done for a request: :class:`OfflineBuilder` makes it in a thread of its
own, at start-up (before the server takes its first request, see pwa/serve.py) and after every
change the memory notices, one build at a time. The worker is always answered with the last
complete build; a build of pages that read the date is made again the next day.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
import threading
import time
from dataclasses import dataclass, replace
from typing import Any

import anyio
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from pwa.clock import BERLIN
from pwa.i18n import N_
from pwa.memory import time_slot
from pwa.site import PageFamily
from pwa.store import DatabaseError
from pwa.templating import render

# Translators: the app's name under its icon and in the list of apps. Keep it neutral: others
# may see the phone.
NAME = N_("Wegweiser Kreis Mettmann")
# Translators: the name under the icon on the home screen; at most 12 characters.
SHORT_NAME = N_("Wegweiser")
# Translators: the app's description, shown when installing it. Keep it neutral.
DESCRIPTION = N_("Hilfe und Beratung im Kreis Mettmann")
TEXT_FIELDS = {"name": NAME, "short_name": SHORT_NAME, "description": DESCRIPTION}

MANIFEST_TYPE = "application/manifest+json"
NO_CACHE = {"Cache-Control": "no-cache"}
_BUILD_LINE = re.compile(r"^const BUILD = .*;$", re.MULTILINE)
_log = logging.getLogger("pwa.offline")


@dataclass(frozen=True)
class Build:
    """What the service worker caches, and the version of all of it."""

    version: str
    shell: tuple[str, ...]  # static files, the directory as JSON, the top-level manifest
    locales: dict[str, tuple[str, ...]]  # code -> its pages and its manifest
    generation: int = 0  # of the page memory it was made from
    reads: frozenset[str] = frozenset()  # "now", "today": the time its pages depend on
    slot: Any = None  # the minute or day it was made for, if its pages read the time
    source: bytes = b""  # the worker's script with this build in it

    def as_json(self) -> str:
        data = {"version": self.version, "shell": list(self.shell), "locales": {k: list(v) for k, v in self.locales.items()}}
        return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


# -- manifests -------------------------------------------------------------------------------


def _manifest_source(app: Starlette) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((app.state.settings.root / "manifest.json").read_bytes())
    assets = app.state.assets
    for icon in data.get("icons", []):
        src = icon["src"]
        if src.startswith(assets.prefix + "/"):  # "/static/icons/x.png" -> its hashed URL
            icon["src"] = assets.url(src[len(assets.prefix) + 1:])
    return data


def manifest_data(app: Starlette, code: str | None = None) -> dict[str, Any]:
    """The top-level manifest (code None), or one language's: translated, starting at its home."""
    data = _manifest_source(app)
    if code is None:
        return data
    templates = app.state.templates
    language = templates.by_code[code]
    for field, message in TEXT_FIELDS.items():
        data[field] = templates.gettext(code, message)
    data.update(lang=language.tag, dir=language.dir, start_url=f"/{code}/", scope="/")
    return data


def manifest_response(data: dict[str, Any]) -> Response:
    body = json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8")
    headers = {**NO_CACHE, "Content-Language": data["lang"]} if "dir" in data else NO_CACHE
    return Response(body, media_type=MANIFEST_TYPE, headers=headers)


async def manifest(request: Request) -> Response:
    return manifest_response(manifest_data(request.app))


async def locale_manifest(request: Request) -> Response:
    """One language's manifest, in that language (like every page under its path)."""
    return manifest_response(manifest_data(request.app, request.path_params["locale"]))


# -- the service worker ----------------------------------------------------------------------


async def _compute(app: Starlette) -> Build:
    settings, assets, templates, memory = app.state.settings, app.state.assets, app.state.templates, app.state.memory
    generation = memory.generation()
    moment = app.state.clock().astimezone(BERLIN)
    digest = hashlib.sha256()
    reads: set[str] = set()

    def add(label: str, body: bytes) -> None:
        digest.update(label.encode() + b"\0" + hashlib.sha256(body).digest())

    source = (settings.root / "service-worker.js").read_text(encoding="utf-8")
    add("service-worker.js", source.encode("utf-8"))
    add("static", assets.version.encode())
    for code in templates.codes:
        po = settings.locales_dir / code / "LC_MESSAGES" / "messages.po"
        add(f"catalogue {code}", po.read_bytes() if po.exists() else b"")

    async def fetched(urls: list[str]) -> tuple[str, ...]:
        kept = []
        for url in urls:
            try:
                answer = await memory.answer(url)
            except Exception:  # one broken page must not keep every other page from working offline
                _log.exception("rendering %s for the offline cache failed", url)
                continue
            if answer.status == 503:  # the database cannot be read: no build, phones keep theirs
                raise DatabaseError(f"{url} is unavailable")
            reads.update(answer.reads - {"locale"})
            if answer.status == 200:  # a page that fails would make the whole install fail
                add(url, answer.body)
                kept.append(url)
        return tuple(kept)

    shell = assets.urls() + list(await fetched(["/api/services", "/manifest.json", *app.state.site.root_pages()]))
    locales = {}
    for code in templates.codes:
        locales[code] = await fetched([*app.state.site.page_paths(code), f"/{code}/manifest.json"])
    slot = time_slot(frozenset(reads), moment)
    built = Build(digest.hexdigest()[:16], tuple(shell), locales, generation, frozenset(reads), slot)
    return replace(built, source=_with_build_line(source, built))


class OfflineBuilder:
    """Makes the offline build beside the server, one at a time: when asked first (at start-up,
    or by the first request for the worker), and again after every change."""

    def __init__(self, app: Starlette) -> None:
        self.app = app
        self.latest: Build | None = None  # the last complete build
        self.builds = 0
        self._thread: threading.Thread | None = None
        self._lock = threading.Condition()
        app.state.memory.listeners.append(self._changed)

    def _changed(self) -> None:
        if self.latest is not None or self._thread is not None:
            self.start()

    def start(self) -> None:
        """Build in the background, unless a build is under way: that one looks again when it
        is done, and builds once more if what the app holds has changed meanwhile."""
        with self._lock:
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="offline-build", daemon=True)
                self._thread.start()

    def _run(self) -> None:
        while True:
            built = None
            try:
                # Its own event loop: renders never run on the server's.
                built = anyio.run(_compute, self.app)
            except Exception:
                _log.exception("the offline build failed")
            else:
                self.latest = built
                self.builds += 1
            with self._lock:
                if built is None or self.is_current(built):
                    self._thread = None
                    self._lock.notify_all()
                    return

    def wait(self, timeout: float = 120.0) -> Build:
        """The build of what the app is made of now, waiting for it (start-up, tests, the static
        build; never a request)."""
        deadline = time.monotonic() + timeout
        while True:
            latest = self.latest
            if latest is not None and self.is_current(latest):
                return latest
            with self._lock:  # a re-entrant lock: start() takes it too
                if self._thread is None:
                    self.start()
                while self._thread is not None:
                    if not self._lock.wait(timeout=max(0.0, deadline - time.monotonic())):
                        raise TimeoutError("the offline build takes too long")
            if time.monotonic() > deadline:
                raise TimeoutError("the offline build takes too long")

    def is_current(self, build: Build, request: Request | None = None) -> bool:
        """Whether a build is of what the app is made of now; a build of pages that read the
        time is current for their minute or day (the request's, when there is one: the page
        memory then keeps the worker for that minute or day)."""
        if build.generation != self.app.state.memory.generation():
            return False
        if build.slot is None:
            return True
        if "now" in build.reads:
            now = request.state.now if request is not None else self.app.state.clock().astimezone(BERLIN)
            return bool(time_slot(build.reads, now) == build.slot)
        today = request.state.today if request is not None else self.app.state.clock().astimezone(BERLIN).date()
        return bool(today == build.slot)


def _with_build_line(template: str, current: Build) -> bytes:
    line = f"const BUILD = {current.as_json()};"
    body, count = _BUILD_LINE.subn(lambda _: line, template, count=1)
    if count != 1:
        raise RuntimeError("service-worker.js lacks its `const BUILD = ...;` line")
    return body.encode("utf-8")


def worker_source(app: Starlette, current: Build) -> bytes:
    return _with_build_line((app.state.settings.root / "service-worker.js").read_text(encoding="utf-8"), current)


async def service_worker(request: Request) -> Response:
    """The worker with the last complete build. Before the first one is complete (a server
    that did not build at start-up), 503: the browser registers it at the next page."""
    builder: OfflineBuilder = request.app.state.offline
    try:
        request.app.state.store.tables()
    except DatabaseError:  # no worker now, so browsers keep the copy they have
        return Response(status_code=503, headers={"Retry-After": "60", "Cache-Control": "no-store"})
    latest = builder.latest
    current = latest is not None and builder.is_current(latest, request)
    if not current:
        builder.start()
    if latest is None:
        return Response(status_code=503, headers={"Retry-After": "2", "Cache-Control": "no-store"})
    return Response(
        latest.source,
        media_type="text/javascript; charset=utf-8",
        # An older build is sent while the new one is made, and not kept by the page memory.
        headers={"Cache-Control": "no-cache" if current else "no-store", "Service-Worker-Allowed": "/"},
    )


# -- the offline page ------------------------------------------------------------------------


async def offline_page(request: Request) -> Response:
    """Shown by the service worker for a page that is not saved on the device."""
    return render(request, "offline.html", request.app.state.call_first.context())


family = PageFamily(
    "offline",
    routes=[
        Route("/offline", offline_page),
        Route("/manifest.json", locale_manifest),
    ],
    root_routes=[
        Route("/manifest.json", manifest),
        Route("/service-worker.js", service_worker),
    ],
    paths=("offline",),
)
