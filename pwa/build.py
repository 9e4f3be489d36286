"""The whole app as plain files: `python -m pwa build OUT [--port 8080]` (and `make site`).
PUBLIC_HOST, as for the server, is the name the site will have (the safety page names it).

Every address the app knows is asked of the app itself, through all of its middleware, as a
browser would ask it: every page of every language and the pages outside the languages (the
site registry), the manifests, the worker with its build, the directory as JSON, the static
files (the offline build lists all of these), every route without parameters, the redirects,
each language's page for an unknown address, and every address of this site that those link
to. Each answer is written with the headers it came with, so a route or a header added to the
app is in the next build:

    OUT/public/        the site, for any web server or static host; every text file with .gz
                       and .br beside it; _headers and _redirects for Netlify and Cloudflare Pages
    OUT/nginx.conf     `nginx -p OUT -c OUT/nginx.conf` serves it on 127.0.0.1:PORT with the
                       server's headers (pwa/nginx.py)
    OUT/answers.json   every address: its status, its headers, its file

The same commit and the same data give the same files, byte for byte: nothing depends on the
build's time but the pages that read the date (set SOURCE_DATE_EPOCH to build for another day).
"""

from __future__ import annotations

import concurrent.futures
import json
import mimetypes
import os
import re
import shutil
import sys
import time
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterable
from urllib.parse import urlsplit

import anyio
from starlette.routing import Mount, Route

from pwa import encodings
from pwa.app import create_app
from pwa.clock import BERLIN
from pwa.memory import request_scope
from pwa.recorded import Recorded, is_text
from pwa.settings import Settings

# Headers a web server makes itself for the file it sends.
SERVER_MADE = frozenset({"content-length", "content-encoding", "etag", "date", "last-modified", "accept-ranges", "location"})
NOT_FOUND_PROBE = "no-such-page"  # an address no page has, inside each language
_LINK = re.compile(rb"""(?:href|src)="(/[^"#?]*)""")


def file_for(path: str, media_type: str) -> str:
    """The file under public/ for an address: /de/ is de/index.html, /de/services is
    de/services.html, /api/services api/services.json; addresses with an extension keep it."""
    if path.endswith("/"):
        return path.lstrip("/") + "index.html"
    name = path.rsplit("/", 1)[-1]
    if "." in name:
        return path.lstrip("/")
    extension = ".html" if media_type.startswith("text/html") else mimetypes.guess_extension(media_type.split(";")[0]) or ""
    return path.lstrip("/") + extension


async def _ask(app: Any, path: str, accept_language: str | None = None) -> Recorded:
    """The app's answer, through all of its middleware, to a browser that takes no coding."""
    headers = [(b"host", b"localhost"), (b"accept-encoding", b"identity")]
    if accept_language:
        headers.append((b"accept-language", accept_language.encode("latin-1")))
    scope = request_scope(app, path, b"", headers)
    start: dict[str, Any] = {}
    chunks: list[bytes] = []

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        if message["type"] == "http.response.start":
            start.update(message)
        elif message["type"] == "http.response.body":
            chunks.append(message.get("body", b""))

    await app(scope, receive, send)
    head = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in start.get("headers", [])}
    return Recorded(path, accept_language, start["status"], head, b"".join(chunks))


def fixed_addresses(app: Any) -> list[str]:
    """Every route without parameters: at the root, and inside every language."""
    codes = app.state.templates.codes
    found: list[str] = []
    for route in app.state.site.root_routes:
        if isinstance(route, Route) and "{" not in route.path:
            found.append(route.path)
    for route in app.state.site.routes:
        if isinstance(route, Route) and "{" not in route.path:
            found += [f"/{code}{route.path}" for code in codes]
    found += [f"/{code}" for code in codes]  # the redirect to /{code}/
    return found


def _links(recorded: Recorded) -> Iterable[str]:
    if recorded.media_type.startswith("text/html"):
        yield from (m.decode("utf-8") for m in _LINK.findall(recorded.body))
    elif "json" in recorded.media_type and recorded.path.endswith("manifest.json"):
        data = json.loads(recorded.body)
        yield from (icon["src"] for icon in data.get("icons", []) if str(icon.get("src", "")).startswith("/"))


async def record_site(app: Any) -> list[Recorded]:
    """Every answer the static site needs, in a fixed order."""
    build = app.state.offline.latest
    addresses = [*build.shell, *(url for urls in build.locales.values() for url in urls)]
    addresses += ["/service-worker.js", *fixed_addresses(app)]
    seen: dict[str, Recorded] = {}
    queue = list(dict.fromkeys(addresses))
    while queue:
        path = queue.pop(0)
        if path in seen or path.startswith("//"):
            continue
        recorded = await _ask(app, path)
        seen[path] = recorded
        if recorded.status == 200:
            queue += [link for link in _links(recorded) if urlsplit(link).path not in seen]
    answers = [r for r in seen.values() if r.status in (200, 301, 302, 303, 307, 308)]
    for code in app.state.templates.codes:
        answers.append(await _ask(app, f"/{code}/{NOT_FOUND_PROBE}"))
        answers.append(await _ask(app, f"/{NOT_FOUND_PROBE}", accept_language=code))
    answers.append(await _ask(app, f"/{NOT_FOUND_PROBE}"))  # no Accept-Language: the source
    return answers


def _with_files(answers: list[Recorded], codes: list[str]) -> list[Recorded]:
    placed = []
    for recorded in answers:
        file = None
        if recorded.status == 200:
            file = file_for(recorded.path, recorded.media_type)
        elif recorded.status == 404:
            first = recorded.path.strip("/").split("/", 1)[0]
            code = first if first in codes else None
            if code is not None:
                file = f"{code}/404.html"
            elif recorded.accept_language is None:
                file = "404.html"  # what a static host shows for any other unknown address
        placed.append(Recorded(recorded.path, recorded.accept_language, recorded.status, recorded.headers, recorded.body, file))
    return placed


def _write(public: Path, recorded: Recorded) -> int:
    if recorded.file is None:
        return 0
    target = public / recorded.file
    if target.exists():
        return 0
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(recorded.body)
    written = 1
    if is_text(recorded.media_type):
        forms = encodings.compressed(recorded.body)
        (public / (recorded.file + ".gz")).write_bytes(forms[encodings.GZIP])
        (public / (recorded.file + ".br")).write_bytes(forms[encodings.BR])
        written += 2
    return written


def codes_of(answers: list[Recorded]) -> list[str]:
    """The languages of a build: those with a page for unknown addresses, in the build's order."""
    return [r.file.split("/")[0] for r in answers if r.status == 404 and r.file and "/" in r.file]


def build_moment() -> datetime:
    """The build's time: SOURCE_DATE_EPOCH when set (reproducible builds), else now."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    moment = datetime.fromtimestamp(int(epoch), timezone.utc) if epoch else datetime.now(timezone.utc)
    return moment.astimezone(BERLIN)


def _in_a_thread_of_its_own(function: Any, *args: Any) -> Any:
    """anyio.run where no event loop runs yet: whoever calls the build (a test beside a
    browser, a tool) may have one running in its own thread."""
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(anyio.run, function, *args).result()


def build(
    out: Path, port: int = 8080, settings: Settings | None = None, moment: datetime | None = None,
) -> list[Recorded]:
    """Writes the static site into ``out``; returns what it recorded. The settings'
    ``public_host`` is the name the site will have: the safety page names it for the history."""
    from pwa import nginx, static_host

    app = create_app(settings or Settings.from_env())
    fixed = (moment or build_moment()).astimezone(BERLIN)
    app.state.clock = lambda: fixed  # one moment for every page of the build
    app.state.offline.wait()
    codes = list(app.state.templates.codes)
    answers = _with_files(_in_a_thread_of_its_own(record_site, app), codes)
    # Built again in place: a running nginx keeps its pid, logs and temporary files, and
    # `nginx -s reload` serves the new files.
    for old in ("public", "headers"):
        shutil.rmtree(out / old, ignore_errors=True)
    public = out / "public"
    public.mkdir(parents=True)
    for recorded in answers:
        _write(public, recorded)
    static_host.write(public, answers, codes)
    nginx.write(out, answers, codes, port)
    for folder in ("logs", "tmp"):
        (out / folder).mkdir(exist_ok=True)
    (out / "answers.json").write_text(
        json.dumps([r.as_json() for r in answers], ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    return answers


def _option(args: list[str], name: str, default: str) -> str:
    if name not in args:
        return default
    index = args.index(name)
    value = args[index + 1]
    del args[index : index + 2]
    return value


def main(args: list[str]) -> int:
    args = list(args)
    try:
        port = int(_option(args, "--port", "8080"))
    except (IndexError, ValueError):
        args = []
    if len(args) != 1:
        print("usage: python -m pwa build OUT [--port 8080]  (PUBLIC_HOST names the site)", file=sys.stderr)
        return 2
    out = Path(args[0])
    started = time.perf_counter()
    answers = build(out, port)
    files = [p for p in (out / "public").rglob("*") if p.is_file()]
    size = sum(p.stat().st_size for p in files)
    print(f"{out}: {len(answers)} addresses, {len(files)} files, {size / 1024 / 1024:.1f} MB "
          f"in {time.perf_counter() - started:.1f} s; "
          f"nginx -p {out} -c {out}/nginx.conf serves it on 127.0.0.1:{port}")
    return 0
