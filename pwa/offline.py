"""Offline use and installing: the web app manifests, the service worker and the offline page.

The service worker at /service-worker.js is the top-level file with one line filled in by the
server, ``const BUILD = {...};``: the version and what to precache. The version is a hash of
everything the worker caches, as the server renders it now: every page of every enabled
language, the manifests, the directory as JSON, the static files and the catalogues. Any
change therefore makes a new worker, which replaces the old caches. Computing it renders every
page once, so the result is kept until the database, a template or one of the top-level files
changes (the static files and the catalogues are read once, at start-up), and for at most a
quarter of an hour, for pages that change with the date. The same content gives the same
version in every server process.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
import time
from dataclasses import dataclass
from typing import Any

import anyio
import anyio.to_thread
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from pwa.i18n import N_
from pwa.site import PageFamily, render_path
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
RECHECK_SECONDS = 15 * 60
_BUILD_LINE = re.compile(r"^const BUILD = .*;$", re.MULTILINE)
_log = logging.getLogger("pwa.offline")


@dataclass(frozen=True)
class Build:
    """What the service worker caches, and the version of all of it."""

    version: str
    shell: tuple[str, ...]  # static files, the directory as JSON, the top-level manifest
    locales: dict[str, tuple[str, ...]]  # code -> its pages and its manifest

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
    data.update(lang=code, dir=language.dir, start_url=f"/{code}/", scope="/")
    return data


def _manifest_response(data: dict[str, Any]) -> Response:
    body = json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8")
    return Response(body, media_type=MANIFEST_TYPE, headers=NO_CACHE)


async def manifest(request: Request) -> Response:
    return _manifest_response(manifest_data(request.app))


async def locale_manifest(request: Request) -> Response:
    return _manifest_response(manifest_data(request.app, request.path_params["locale"]))


# -- the service worker ----------------------------------------------------------------------


def _fingerprint(app: Starlette) -> tuple[object, ...]:
    """Cheap to take on every request: it changes when anything the pages are made of can."""
    settings = app.state.settings
    files = [settings.root / "service-worker.js", settings.root / "manifest.json"]
    files += sorted(p for p in settings.templates_dir.rglob("*") if p.is_file())
    stats = []
    for path in files:
        try:
            stat = path.stat()
        except FileNotFoundError:
            continue
        stats.append((str(path), stat.st_ino, stat.st_mtime_ns, stat.st_size))
    # Pages may change with the date (events move to the past): look again every quarter hour.
    slot = int(time.time() // RECHECK_SECONDS)
    return (app.state.store.stamp(), app.state.assets.version, tuple(stats), slot)


async def _get(app: Starlette, path: str) -> tuple[int, bytes]:
    """One of the app's own URLs, rendered in-process as a browser would receive it."""
    try:
        status, _, body = await render_path(app, path)
    except HTTPException as error:
        return error.status_code, b""
    except DatabaseError:  # the worker's update fails, so browsers keep the copy they have
        raise
    except Exception:  # one broken page must not keep every other page from working offline
        _log.exception("rendering %s for the offline cache failed", path)
        return 500, b""
    return status, body


async def _compute(app: Starlette) -> Build:
    settings, assets, templates = app.state.settings, app.state.assets, app.state.templates
    digest = hashlib.sha256()

    def add(label: str, body: bytes) -> None:
        digest.update(label.encode() + b"\0" + hashlib.sha256(body).digest())

    add("service-worker.js", (settings.root / "service-worker.js").read_bytes())
    add("static", assets.version.encode())
    for code in templates.codes:
        po = settings.locales_dir / code / "LC_MESSAGES" / "messages.po"
        add(f"catalogue {code}", po.read_bytes() if po.exists() else b"")

    async def fetched(urls: list[str]) -> tuple[str, ...]:
        kept = []
        for url in urls:
            status, body = await _get(app, url)
            if status == 200:  # a page that fails would make the whole install fail
                add(url, body)
                kept.append(url)
        return tuple(kept)

    shell = assets.urls() + list(await fetched(["/api/services", "/manifest.json", *app.state.site.root_pages()]))
    locales = {}
    for code in templates.codes:
        locales[code] = await fetched([*app.state.site.page_paths(code), f"/{code}/manifest.json"])
    return Build(digest.hexdigest()[:16], tuple(shell), locales)


async def build(app: Starlette) -> Build:
    """The current Build, computed again only when its fingerprint has changed."""
    key = _fingerprint(app)
    cached = getattr(app.state, "offline_build", None)
    if cached is not None and cached[0] == key:
        return cached[1]
    # Rendering every page takes a moment: do it beside the server's event loop, not on it.
    result = await anyio.to_thread.run_sync(anyio.run, _compute, app)
    app.state.offline_build = (key, result)
    return result


def worker_source(app: Starlette, current: Build) -> bytes:
    template = (app.state.settings.root / "service-worker.js").read_text(encoding="utf-8")
    line = f"const BUILD = {current.as_json()};"
    body, count = _BUILD_LINE.subn(lambda _: line, template, count=1)
    if count != 1:
        raise RuntimeError("service-worker.js lacks its `const BUILD = ...;` line")
    return body.encode("utf-8")


async def service_worker(request: Request) -> Response:
    current = await build(request.app)
    return Response(
        worker_source(request.app, current),
        media_type="text/javascript; charset=utf-8",
        headers={**NO_CACHE, "Service-Worker-Allowed": "/"},
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
