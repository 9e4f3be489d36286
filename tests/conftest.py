"""Shared fixtures: a test client, a live server for the browser, Debian's Chromium."""

from __future__ import annotations

import os
import socket
import threading
import time
from dataclasses import replace
from datetime import date, datetime, time as time_of_day
from pathlib import Path
from typing import Iterator

import pytest
import uvicorn
from starlette.testclient import TestClient

from pwa.app import create_app
from pwa.clock import BERLIN
from pwa.settings import Settings

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
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


@pytest.fixture(scope="session")
def live_app(tmp_path_factory: pytest.TempPathFactory):
    return create_app(make_settings(tmp_path_factory.mktemp("live")))


@pytest.fixture(scope="session")
def live_server(live_app) -> Iterator[str]:
    """The app on a real socket (127.0.0.1 is a secure context, so service workers run)."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(live_app, log_level="warning", access_log=False))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started:
        if time.monotonic() > deadline:
            raise RuntimeError("live server did not start")
        time.sleep(0.02)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=5)
    sock.close()


@pytest.fixture(scope="session")
def live_pages(live_app) -> dict[str, list[str]]:
    """Every HTML page of every enabled language, as paths."""
    return live_app.state.site.pages()


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
