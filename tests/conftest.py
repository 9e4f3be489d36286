"""Shared fixtures: a test client, the whole site crawled once, a live server for the browser, Debian's Chromium."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import date, datetime, time as time_of_day
from pathlib import Path
from typing import Any, Iterator, Mapping

import pytest
import uvicorn
from starlette.testclient import TestClient

from pwa.app import create_app
from pwa.clock import BERLIN
from pwa.settings import Settings
from tests.helpers import Element, parse_html

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--no-default-browser-check",
]
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
# The neutral site the quick exit leads to in tests; browser tests answer it with a stub.
TEST_EXIT_URL = "https://example.org/weather"


def make_settings(tmp: Path, **changes: object) -> Settings:
    return replace(Settings(), database_path=tmp / "db.json", quick_exit_url=TEST_EXIT_URL, **changes)  # type: ignore[arg-type]


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return make_settings(tmp_path)


@pytest.fixture
def app(settings: Settings):
    return create_app(settings)


@pytest.fixture
def fixed_clock(app):
    """Fixes the app's time: fixed_clock(an aware datetime), or fixed_clock(a date) for noon
    that day in Berlin. The app's own clock comes back after the test."""

    def set_time(when: datetime | date) -> None:
        moment = when if isinstance(when, datetime) else datetime.combine(when, time_of_day(12), BERLIN)
        app.state.clock = lambda: moment

    own = app.state.clock
    yield set_time
    app.state.clock = own


@pytest.fixture
def client(app) -> Iterator[TestClient]:
    with TestClient(app, follow_redirects=False) as test_client:
        yield test_client


@dataclass(frozen=True)
class CrawledPage:
    """One page as a browser receives it: its language, status, headers, body and parsed HTML."""

    path: str
    code: str
    status: int
    headers: Mapping[str, str]
    content: bytes
    document: Element

    @property
    def text(self) -> str:
        return self.content.decode("utf-8")


@dataclass(frozen=True)
class Crawl:
    """Every page of every language (``pages``, by path, in the site's order), each
    language's page for an unknown address (``not_found``) and the pages outside the
    languages (``root``: the covers, by path), rendered once by ``app``."""

    app: Any
    pages: dict[str, CrawledPage]
    not_found: dict[str, CrawledPage]
    root: dict[str, CrawledPage]

    def of(self, code: str) -> list[CrawledPage]:
        return [page for page in self.pages.values() if page.code == code]


def _crawled(client: TestClient, path: str, code: str) -> CrawledPage:
    response = client.get(path)
    document = parse_html(response.text) if response.headers.get("content-type", "").startswith("text/html") else Element("#document", {}, None)
    return CrawledPage(path, code, response.status_code, response.headers, response.content, document)


@pytest.fixture(scope="session")
def crawl(tmp_path_factory: pytest.TempPathFactory) -> Crawl:
    """The whole site, rendered once for the session, for the tests that look at every page.

    Its app has a database of its own, seeded like every test's, which no test changes.
    """
    app = create_app(make_settings(tmp_path_factory.mktemp("crawl")))
    with TestClient(app, follow_redirects=False) as client:
        pages = {path: _crawled(client, path, code) for code, paths in app.state.site.pages().items() for path in paths}
        missing = {code: _crawled(client, f"/{code}/no-such-page", code) for code in app.state.templates.codes}
        missing["xx"] = _crawled(client, "/xx/nope", "")
        root = {path: _crawled(client, path, "") for path in app.state.site.root_pages()}
    # A page outside the languages is in the language its <html lang> says.
    root = {path: replace(page, code=(page.document.find("html") or page.document).attrs.get("lang") or "") for path, page in root.items()}
    return Crawl(app, pages, missing, root)


@pytest.fixture(scope="session")
def live_app(tmp_path_factory: pytest.TempPathFactory):
    """Warm, as pwa/serve.py starts it: every page in memory and the offline build made
    before the server takes its first request."""
    app = create_app(make_settings(tmp_path_factory.mktemp("live")), warm=True)
    # Made here, so the server's start-up (which waits for it) is not timed with it.
    app.state.offline.wait()
    return app


@contextmanager
def serving(app) -> Iterator[str]:
    """An app on a real socket of its own, for as long as the block runs; yields its address."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", access_log=False))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started:
        if time.monotonic() > deadline:
            raise RuntimeError("live server did not start")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=5)
        sock.close()


@pytest.fixture(scope="session")
def live_server(live_app) -> Iterator[str]:
    """The app on a real socket (127.0.0.1 is a secure context, so service workers run)."""
    with serving(live_app) as url:
        yield url


@pytest.fixture(scope="session")
def live_pages(live_app) -> dict[str, list[str]]:
    """Every HTML page of every enabled language, as paths."""
    return live_app.state.site.pages()


@pytest.fixture(scope="session")
def page_walks(browser, live_server, live_app):
    """page_walks(code): every page of one language walked once in the browser, with every
    per-page check run on it (tests/page_walk.py); each language is walked once a session."""
    from tests.page_walk import walk_language

    walks: dict[str, Any] = {}

    def walked(code: str):
        if code not in walks:
            try:
                walks[code] = walk_language(browser, live_server, live_app, code)
            except Exception as error:  # broken once, not walked again for every test
                walks[code] = error
        if isinstance(walks[code], Exception):
            raise walks[code]
        return walks[code]

    return walked


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture
def exit_stub(context):
    """Answers the quick-exit target without the internet and records that it was reached."""
    reached: list[str] = []

    def fulfil(route):
        reached.append(route.request.url)
        route.fulfill(content_type="text/html", body="<!doctype html><title>Wetter</title><p>stub</p>")

    context.route("https://example.org/**", fulfil)
    return reached


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass(frozen=True)
class StaticSite:
    """A fresh static build (pwa/build.py) served by Debian's nginx on a loopback port."""

    base: str
    out: Path
    answers: list[Any]  # pwa.build.Recorded, in the build's order
    codes: list[str]

    def answer(self, path: str, accept_language: str | None = None) -> Any:
        return next(r for r in self.answers if r.path == path and r.accept_language == accept_language)


@pytest.fixture(scope="session")
def static_site() -> Iterator[StaticSite]:
    from pwa import build

    if not Path(NGINX).exists():
        raise RuntimeError("nginx is not installed: `make browser` installs Debian's")
    folder = Path(tempfile.mkdtemp(prefix="wegweiser-site-"))
    folder.chmod(0o755)  # nginx's workers (another user when started as root) read the files
    port = free_port()
    out = folder / "site"
    answers = build.build(out, port, settings=make_settings(folder, public_host="127.0.0.1"))
    said = folder / "nginx.out"
    with said.open("wb") as output:
        server = subprocess.Popen([NGINX, "-p", str(out), "-c", str(out / "nginx.conf"), "-g", "daemon off;"],
                                  stdout=output, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 15
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"nginx did not start: {said.read_text(errors='replace')}")
                time.sleep(0.05)
        yield StaticSite(f"http://127.0.0.1:{port}", out, answers, build.codes_of(answers))
    finally:
        server.terminate()
        server.wait(timeout=10)
        shutil.rmtree(folder, ignore_errors=True)
