"""Offline use and installing: manifests, icons, the service worker's build and version, the offline page."""

from __future__ import annotations

import gzip
import json
import re
import shutil
from datetime import datetime, time as time_of_day, timedelta
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from pwa import icons, memory, offline
from pwa.app import create_app
from pwa.clock import BERLIN
from pwa.headers import SECURITY_HEADERS
from pwa.settings import ROOT
from tests.conftest import make_settings
from tests.helpers import parse_html

_BUILD = re.compile(r"^const BUILD = (.*);$", re.MULTILINE)


def worker_build(client: TestClient) -> dict:
    """The build in the worker, once the build of what the app holds now is complete."""
    client.app.state.offline.wait()  # type: ignore[attr-defined]
    response = client.get("/service-worker.js")
    assert response.status_code == 200
    found = _BUILD.findall(response.text)
    assert len(found) == 1, "the worker must carry exactly one BUILD line"
    return json.loads(found[0])


@pytest.fixture(scope="module")
def crawled_client(crawl):
    """A client of the crawled app: its worker's build is computed once for this module."""
    with TestClient(crawl.app) as client:
        yield client


def manifest_urls(app) -> list[str]:
    return ["/manifest.json", *(f"/{code}/manifest.json" for code in app.state.templates.codes)]


# -- manifests and icons -----------------------------------------------------------------------


def test_every_manifest_is_complete_and_localized(client, app):
    templates = app.state.templates
    for url in manifest_urls(app):
        response = client.get(url)
        assert response.status_code == 200, url
        assert response.headers["content-type"].startswith("application/manifest+json")
        assert response.headers["cache-control"] == "no-cache"
        data = response.json()
        code = url.split("/")[1] if url != "/manifest.json" else None
        assert data["display"] == "standalone" and data["scope"] == "/" and data["id"] == "/"
        assert re.fullmatch(r"#[0-9a-f]{6}", data["theme_color"]) and re.fullmatch(r"#[0-9a-f]{6}", data["background_color"])
        if code is None:
            assert data["start_url"] == "/" and data["lang"] == "de"
            continue
        assert data["start_url"] == f"/{code}/"
        assert data["lang"] == templates.by_code[code].tag and data["dir"] == templates.by_code[code].dir
        for field, message in offline.TEXT_FIELDS.items():
            assert data[field] == templates.gettext(code, message), (url, field)
        assert len(data["short_name"]) <= 12, "longer names are cut off under the icon"


def test_every_icon_of_every_manifest_exists_with_its_size(client, app):
    for url in manifest_urls(app):
        found = {}
        for icon in client.get(url).json()["icons"]:
            response = client.get(icon["src"])
            assert response.status_code == 200, icon["src"]
            assert response.headers["content-type"] == icon["type"]
            if icon["type"] == "image/png":
                width, height, _ = icons.read_png(response.content)
                assert icon["sizes"] == f"{width}x{height}", icon["src"]
            found[(icon["sizes"], icon["purpose"])] = icon["src"]
        for needed in [("192x192", "any"), ("512x512", "any"), ("512x512", "maskable")]:
            assert needed in found, (url, needed)


def test_the_manifest_file_holds_the_german_source(app):
    data = json.loads((ROOT / "manifest.json").read_text(encoding="utf-8"))
    assert {field: data[field] for field in offline.TEXT_FIELDS} == offline.TEXT_FIELDS
    for icon in data["icons"]:
        assert icon["src"].removeprefix("/static/") in app.state.assets.assets, icon["src"]


def test_icons_are_the_generators_and_calm():
    for name, (size, rounded) in icons.ICONS.items():
        width, height, rgba = icons.read_png((ROOT / "static" / "icons" / name).read_bytes())
        assert (width, height) == (size, size), name
        assert rgba == icons.pixels(size, rounded), f"{name} is stale: run `make icons`"
        corner = rgba[:4]
        assert corner[3] == (0 if rounded else 255), name
        if not rounded:  # maskable: opaque everywhere, the platform cuts its own shape
            assert all(rgba[i] == 255 for i in range(3, len(rgba), 4))
        centre = (size // 2 * size + size // 2) * 4
        assert rgba[centre:centre + 3] == bytes(icons.WHITE), "the arrow runs through the middle"


def test_png_writer_round_trips():
    rgba = bytes(range(64))
    assert icons.read_png(icons.png(4, rgba)) == (4, 4, rgba)


def test_every_page_links_its_languages_manifest(crawl):
    touch_icons = set()
    for code in crawl.app.state.templates.codes:
        for page in [*crawl.of(code), crawl.not_found[code]]:
            path, document = page.path, page.document
            assert document.find("link", rel="manifest").attrs["href"] == f"/{code}/manifest.json", path
            touch_icons.add(document.find("link", rel="apple-touch-icon").attrs["href"])
    with TestClient(crawl.app) as client:
        for touch in touch_icons:
            assert client.get(touch).status_code == 200


# -- the service worker --------------------------------------------------------------------------


def test_worker_headers(crawled_client):
    client = crawled_client
    client.app.state.offline.wait()
    response = client.get("/service-worker.js")
    assert response.headers["content-type"] == "text/javascript; charset=utf-8"
    assert response.headers["cache-control"] == "no-cache"
    assert response.headers["service-worker-allowed"] == "/"
    for name, value in SECURITY_HEADERS.items():
        assert response.headers[name] == value
    assert "set-cookie" not in response.headers


def test_worker_precaches_the_shell_and_every_page_per_language(crawled_client, crawl):
    app = crawl.app
    build = worker_build(crawled_client)
    assert re.fullmatch(r"[0-9a-f]{16}", build["version"])
    assert list(build["locales"]) == app.state.templates.codes
    for code, urls in build["locales"].items():
        assert urls == [*app.state.site.page_paths(code), f"/{code}/manifest.json"]
        assert f"/{code}/offline" in urls and f"/{code}/" in urls
    assert set(app.state.assets.urls()) <= set(build["shell"])
    assert {"/api/services", "/manifest.json"} <= set(build["shell"])
    everything = build["shell"] + [url for urls in build["locales"].values() for url in urls]
    for url in everything:  # only this origin's own addresses, no query (nothing personal)
        assert url.startswith("/") and not url.startswith("//") and "?" not in url and "#" not in url, url
    assert "/service-worker.js" not in everything


def test_every_precached_url_answers_200(crawled_client, crawl):
    build = worker_build(crawled_client)
    for url in build["shell"] + [url for urls in build["locales"].values() for url in urls]:
        status = crawl.pages[url].status if url in crawl.pages else crawled_client.get(url).status_code
        assert status == 200, url


def test_worker_is_built_once_until_something_changes_and_never_for_a_request(tmp_path, monkeypatch):
    app = create_app(make_settings(tmp_path, root=_copy_tree(tmp_path)))
    builder = app.state.offline
    with TestClient(app) as client:
        # Not built at start-up (only pwa/serve.py starts warm): the request starts the build
        # and is answered at once.
        first = client.get("/service-worker.js")
        assert first.status_code == 503 and first.headers["cache-control"] == "no-store"
        build = worker_build(client)
        assert builder.builds == 1
        for _ in range(3):
            assert worker_build(client) == build
        assert builder.builds == 1, "an unchanged app is built once"

        app.state.store.upsert("services", app.state.store.get("services", "police"))
        # The change is noticed at the next request, which gets the last complete build, not kept.
        during = client.get("/service-worker.js")
        assert during.status_code == 200 and during.headers["cache-control"] == "no-store"
        assert _BUILD.findall(during.text) == [json.dumps(build, ensure_ascii=False, separators=(",", ":"))]
        again = worker_build(client)
        assert builder.builds == 2 and again == build, "the same content keeps its version"
        assert client.get("/service-worker.js").headers["cache-control"] == "no-cache"

        # Pages that read the date (the about page's events) are built again the next day.
        assert "today" in builder.latest.reads
        day = builder.latest.slot
        moment = datetime.combine(day + timedelta(days=1), time_of_day(9), BERLIN)
        app.state.clock = lambda: moment
        assert client.get("/service-worker.js").headers["cache-control"] == "no-store"
        worker_build(client)
        assert builder.builds == 3 and builder.latest.slot == day + timedelta(days=1)


def test_same_content_gives_the_same_version_in_every_process(tmp_path):
    """Several server processes must hand out one version, or browsers would update forever."""
    root = _copy_tree(tmp_path)
    versions = set()
    for name in ("one", "two"):
        (tmp_path / name).mkdir()
        versions.add(_version(create_app(make_settings(tmp_path / name, root=root))))
    assert len(versions) == 1


def test_worker_without_its_build_line_fails_loudly(tmp_path, app):
    copy = _copy_tree(tmp_path)
    (copy / "service-worker.js").write_text("// no build here\n", encoding="utf-8")
    app_copy = create_app(make_settings(tmp_path, root=copy))
    with pytest.raises(RuntimeError):
        offline.worker_source(app_copy, offline.Build("x", (), {}))


def _copy_tree(tmp_path: Path) -> Path:
    root = tmp_path / "root"
    for folder in ("templates", "static", "locales"):
        shutil.copytree(ROOT / folder, root / folder)
    for name in ("service-worker.js", "manifest.json"):
        shutil.copy2(ROOT / name, root / name)
    return root


def _version(app) -> str:
    with TestClient(app) as client:
        return worker_build(client)["version"]


def _append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def test_version_follows_every_page_catalogue_and_asset(tmp_path, monkeypatch):
    monkeypatch.setattr(memory, "LOOK_AGAIN_SECONDS", 0.0)  # see a template's change at once
    root = _copy_tree(tmp_path)

    def fresh_app(name: str):
        (tmp_path / name).mkdir()
        return create_app(make_settings(tmp_path / name, root=root))

    running = fresh_app("running")
    seen = [_version(running)]
    assert _version(fresh_app("again")) == seen[0], "the version must depend on content only"

    def changed(version: str) -> None:
        assert version not in seen
        seen.append(version)

    # A template edited while the server runs (Jinja reloads it).
    offline_html = root / "templates" / "offline.html"
    offline_html.write_text(offline_html.read_text(encoding="utf-8").replace("</h1>", " </h1>", 1), encoding="utf-8")
    changed(_version(running))

    # The directory changed by a maintainer while the server runs: a new service page appears.
    store = running.state.store
    added = {**store.get("services", "weisser-ring"), "id": "offline-test-service"}
    store.upsert("services", added)
    with TestClient(running) as client:
        build = worker_build(client)
    assert "/de/services/offline-test-service" in build["locales"]["de"]
    changed(build["version"])

    # The service worker's own code.
    _append(root / "service-worker.js", "// changed\n")
    changed(_version(running))

    # A static file (read at start-up, so a new process).
    _append(root / "static" / "css" / "app.css", "\n/* changed */\n")
    changed(_version(fresh_app("asset")))

    # A catalogue, even with a message no page shows yet.
    po = root / "locales" / "en" / "LC_MESSAGES" / "messages.po"
    if not po.exists():
        po.parent.mkdir(parents=True, exist_ok=True)
        po.write_text('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n', encoding="utf-8")
    _append(po, '\nmsgid "Nur für diesen Test"\nmsgstr "Only for this test"\n')
    changed(_version(fresh_app("catalogue")))


# -- the offline page, the install help, the status line -------------------------------------------


def test_offline_page_in_every_language(crawl):
    settings = crawl.app.state.settings
    for code in crawl.app.state.templates.codes:
        page = crawl.pages[f"/{code}/offline"]
        assert page.status == 200
        document = page.document
        assert document.find("html").attrs["lang"] == crawl.app.state.templates.by_code[code].tag
        assert document.find("a", id="quick-exit").attrs["href"] == settings.quick_exit_url
        tel = {a.attrs["href"] for a in document.find_all("a") if a.attrs.get("href", "").startswith("tel:")}
        assert {"tel:110", "tel:116016"} <= tel
        assert document.find("meta", name="robots").attrs["content"] == "noindex"
        assert document.find("h1", id="offline") is not None
        assert document.find("a", href=f"/{code}/") is not None


def test_install_help_without_javascript(app):
    document = parse_html(app.state.templates.render_string("de", "_install.html", {}))
    block = document.find("div", data_module="install")
    assert block is not None
    action, apple = (next(e for e in block.iter() if name in e.attrs) for name in ("data-install-action", "data-install-ios"))
    assert "hidden" in action.attrs and action.find("button").attrs["type"] == "button"
    assert "hidden" not in apple.attrs and len(apple.find_all("li")) == 2
    assert "Teilen" in apple.text and "Zum Home-Bildschirm" in apple.text
    warning = block.find("p", class_="note note--warning")
    assert "Entfernen" in warning.text and "Wegweiser" in warning.text


@pytest.mark.parametrize("name", ["safety", "about"])
def test_safety_and_about_pages_offer_installing(client, name):
    document = parse_html(client.get(f"/de/{name}").text)
    assert document.find("div", data_module="install") is not None


def test_status_line_on_every_page(crawl):
    for code in crawl.app.state.templates.codes:
        for page in [*crawl.of(code), crawl.not_found[code]]:
            path, document = page.path, page.document
            status = document.find("div", data_module="offline")
            assert status is not None and status.attrs["role"] == "status", path
            assert all(status.attrs.get(f"data-{key}") for key in ("ready", "update", "reload"))
            assert status.text == ""


def test_offline_script_stays_small(app):
    body = app.state.assets.assets["js/offline.js"].body
    assert len(gzip.compress(body, 9)) < 1536
