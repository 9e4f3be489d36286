"""A request's language and time: resolved once, before any route, from its path and the app's clock."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timezone

import anyio
import pytest

from pwa import i18n, request_state
from pwa.clock import BERLIN
from pwa.site import render_path
from pwa.templating import Templates
from tests.helpers import parse_html


@pytest.mark.parametrize(
    ("path", "accept", "locale"),
    [("/de/services", "en", "de"), ("/ar/", None, "ar"), ("/en", "tr", "en"), ("/nothing", "tr,en;q=0.5", "tr"),
     ("/xx/plan", None, "de"), ("/static/x.css", "\xff", "de"), ("/", "uk", "uk")],
)
def test_the_language_is_the_paths_or_else_the_browsers(app, path, accept, locale):
    headers = [(b"accept-language", accept.encode("latin-1"))] if accept else []
    assert request_state.resolve(app, path, headers)["locale"] == locale


def test_the_time_is_the_apps_clock_in_berlin(app, fixed_clock):
    fixed_clock(datetime(2025, 6, 3, 13, 30, tzinfo=timezone.utc))
    now = request_state.resolve(app, "/de/", [])["now"]
    assert now.tzinfo is BERLIN and (now.hour, now.minute) == (15, 30)


def test_one_request_resolves_its_language_clock_and_template_once(app, client, monkeypatch):
    ticks: list[datetime] = []
    negotiations: list[str | None] = []
    renders: list[str] = []
    negotiate, render_string = i18n.negotiate, Templates.render_string

    def clock() -> datetime:
        ticks.append(datetime.now(BERLIN))
        return ticks[-1]

    def counted_negotiate(header, codes):
        negotiations.append(header)
        return negotiate(header, codes)

    def counted_render(self, code, name, context):
        renders.append(name)
        return render_string(self, code, name, context)

    app.state.clock = clock
    monkeypatch.setattr(i18n, "negotiate", counted_negotiate)
    monkeypatch.setattr(Templates, "render_string", counted_render)

    response = client.get("/de/services", params={"open": "now"}, headers={"Accept-Language": "en"})
    assert response.status_code == 200 and response.headers["content-language"] == "de"
    assert (len(ticks), negotiations, renders) == (1, [], ["services.html"])

    ticks.clear()
    renders.clear()
    response = client.get("/nothing", headers={"Accept-Language": "en"})
    assert response.status_code == 404 and parse_html(response.text).find("html").attrs["lang"] == "en"
    assert (len(ticks), negotiations, renders) == (1, ["en"], ["404.html"])


def test_pages_rendered_in_process_get_the_same_state(app):
    # A thread of its own: a browser test earlier in the session may own this thread's event loop.
    with ThreadPoolExecutor(1) as pool:
        status, headers, body = pool.submit(anyio.run, render_path, app, "/uk/offline").result()
    assert status == 200 and headers["content-language"] == "uk"
    assert parse_html(body.decode()).find("html").attrs["lang"] == "uk"
