"""The page memory: rendered once per change, the right coding and 304 by ETag, kept by what a
page read of the request (language, minute or day), bounded for query strings."""

from __future__ import annotations

import brotli
import pytest
from datetime import datetime, timedelta

from pwa import encodings, memory
from pwa.clock import BERLIN
from tests.helpers import parse_html


@pytest.mark.parametrize(
    ("header", "coding"),
    [(None, "identity"), ("", "identity"), ("gzip", "gzip"), ("br, gzip", "br"), ("gzip, deflate, br, zstd", "br"),
     ("br;q=0, gzip", "gzip"), ("gzip;q=0.5, br;q=0.4", "gzip"), ("BR", "br"), ("*", "br"), ("*;q=0, identity", "identity"),
     ("identity;q=0, gzip;q=0", None), ("gzip;q=nonsense, br;q=0.1", "br"), ("deflate", "identity")],
)
def test_the_coding_follows_accept_encoding_with_its_q_values(header, coding):
    assert encodings.choose(header) == coding


def test_a_page_is_rendered_once_and_sent_in_her_browsers_coding(client, app):
    memory_ = app.state.memory
    first = client.get("/de/emergency", headers={"Accept-Encoding": "gzip"})
    renders = memory_.renders
    second = client.get("/de/emergency", headers={"Accept-Encoding": "br"})
    plain = client.get("/de/emergency", headers={"Accept-Encoding": "identity"})
    assert memory_.renders == renders, "the memory answers, no route"
    assert first.headers["content-encoding"] == "gzip" and second.headers["content-encoding"] == "br"
    assert "content-encoding" not in plain.headers
    assert first.content == plain.content == second.content  # decoded by the client
    assert len({first.headers["etag"], second.headers["etag"], plain.headers["etag"]}) == 3, "one tag per coding"
    assert plain.headers["vary"] == "Accept-Encoding"


def test_a_matching_etag_gets_304_and_head_no_body(client):
    first = client.get("/de/plan", headers={"Accept-Encoding": "br"})
    again = client.get("/de/plan", headers={"Accept-Encoding": "br", "If-None-Match": f'W/{first.headers["etag"]}, "x"'})
    assert again.status_code == 304 and again.content == b""
    assert again.headers["etag"] == first.headers["etag"] and again.headers["cache-control"] == "no-cache"
    other = client.get("/de/plan", headers={"Accept-Encoding": "gzip", "If-None-Match": first.headers["etag"]})
    assert other.status_code == 200, "a tag of another coding is not this answer"
    head = client.head("/de/plan", headers={"Accept-Encoding": "br"})
    assert head.status_code == 200 and head.content == b""
    assert head.headers["content-length"] == first.headers["content-length"]


def test_a_maintainers_change_shows_at_the_next_request(client, app):
    assert "Opfer-Telefon" in client.get("/de/services/weisser-ring").text
    store = app.state.store
    store.upsert("services", {**store.get("services", "weisser-ring"), "name": "WEISSER RING – Opferhilfe"})
    assert "Opferhilfe" in client.get("/de/services/weisser-ring").text
    assert "Opferhilfe" in client.get("/api/services").text


def test_a_template_change_shows_within_a_second(tmp_path, monkeypatch):
    import shutil

    from starlette.testclient import TestClient

    from pwa.app import create_app
    from pwa.settings import ROOT
    from tests.conftest import make_settings

    root = tmp_path / "root"
    for folder in ("templates", "static", "locales"):
        shutil.copytree(ROOT / folder, root / folder)
    for name in ("service-worker.js", "manifest.json"):
        shutil.copy2(ROOT / name, root / name)
    monkeypatch.setattr(memory, "LOOK_AGAIN_SECONDS", 0.0)
    with TestClient(create_app(make_settings(tmp_path, root=root))) as client:
        assert "changed-here" not in client.get("/de/offline").text
        page = root / "templates" / "offline.html"
        page.write_text(page.read_text(encoding="utf-8").replace("</h1>", '</h1><p class="changed-here"></p>', 1), encoding="utf-8")
        assert "changed-here" in client.get("/de/offline").text


def test_the_language_chosen_from_the_browser_is_kept_apart(client):
    for code in ("en", "ar", "de", "en"):
        response = client.get("/no-such-page", headers={"Accept-Language": code})
        assert response.status_code == 404 and parse_html(response.text).find("html").attrs["lang"] == code
        assert response.headers["vary"] == "Accept-Language, Accept-Encoding"
        assert client.get("/", headers={"Accept-Language": code}).headers["location"] == f"/{code}/"
    inside = client.get("/ar/no-such-page", headers={"Accept-Language": "en"})
    assert parse_html(inside.text).find("html").attrs["lang"] == "ar" and "accept-language" not in inside.headers["vary"].lower()


def test_pages_are_kept_for_the_time_they_read(client, app, fixed_clock):
    monday = datetime(2026, 6, 1, 10, 0, tzinfo=BERLIN)
    fixed_clock(monday)
    memory_ = app.state.memory
    for path in ("/de/services", "/de/services?open=now", "/de/about"):
        client.get(path)
    renders = memory_.renders
    fixed_clock(monday + timedelta(minutes=1))
    client.get("/de/services")
    client.get("/de/about")
    assert memory_.renders == renders, "the list without 'open now' and the day's page stay"
    client.get("/de/services?open=now")
    assert memory_.renders == renders + 1, "'open now' is rendered again the next minute"
    fixed_clock(monday + timedelta(days=1))
    client.get("/de/about")
    assert memory_.renders == renders + 2, "the about page is rendered again the next day"


def test_a_page_is_kept_once_whatever_host_a_request_names(client, app):
    """No page reads the Host header (the safety page names PUBLIC_HOST), so a request naming
    another host gets the same answer without a render of its own."""
    memory_ = app.state.memory
    first = client.get("/de/safety", headers={"Host": "wegweiser.example:8443"})
    renders = memory_.renders
    for host in ("hilfe.example", "other-site.example"):
        page = client.get("/de/safety", headers={"Host": host})
        assert page.content == first.content and host not in page.text
    assert memory_.renders == renders


def test_query_strings_are_kept_in_one_spelling_and_bounded(client, app, monkeypatch):
    monkeypatch.setattr(memory, "KEPT_RECENT", 4)
    memory_ = app.state.memory
    first = client.get("/de/services?kind=counselling&city=ratingen")
    renders = memory_.renders
    again = client.get("/de/services?city=ratingen&kind=counselling&language=")
    assert again.content == first.content and memory_.renders == renders
    for number in range(10):
        client.get(f"/de/services?city=x{number}")
    assert len(memory_._recent) <= 4
    assert memory.normal_query(b"b=2&a=1&a=3&c=") == b"a=1&a=3&b=2"


def test_an_answer_that_says_no_store_is_never_kept(client, app):
    app.state.offline.wait()
    store = app.state.store
    store.upsert("services", store.get("services", "police"))  # a change: the worker is being made again
    response = client.get("/service-worker.js", headers={"Accept-Encoding": "br"})
    assert response.headers["cache-control"] == "no-store" and "etag" not in response.headers
    app.state.offline.wait()
    response = client.get("/service-worker.js", headers={"Accept-Encoding": "br"})
    assert response.headers["cache-control"] == "no-cache" and response.headers["content-encoding"] == "br"
    assert brotli.decompress(brotli.compress(response.content)) == response.content
