"""The desk's gate, over HTTP: off without users, no-store everywhere, the only cookie, never public."""

from __future__ import annotations

import json
import re

import pytest
from starlette.testclient import TestClient

from pwa import desk
from pwa.app import create_app
from pwa.headers import DESK_PREFIX, SECURITY_HEADERS, cookies_allowed
from tests.conftest import make_settings
from tests.desk_helpers import add_user, desk_client, sign_in
from tests.helpers import parse_html

DESK_PATHS = ["/admin", "/admin/", "/admin/sign-in", "/admin/desk.css", "/admin/directory/police", "/admin/changes", "/admin/nope/x/y"]


@pytest.fixture
def desk_app(tmp_path):
    app = create_app(make_settings(tmp_path))
    add_user(app)
    return app


def test_without_a_users_file_every_desk_address_answers_404(client, app):
    assert not app.state.settings.users_file.exists()
    for path in DESK_PATHS:
        for method in ("GET", "POST"):
            response = client.request(method, path)
            assert response.status_code == 404, (method, path)
            assert response.headers["cache-control"] == "no-store", path
            assert "set-cookie" not in response.headers, path
    # As for any address that does not exist: the public page for it, with the emergency numbers.
    page = parse_html(client.get("/admin/").text)
    assert page.find("a", id="quick-exit") is not None


def test_a_users_file_without_users_keeps_the_desk_off(tmp_path):
    app = create_app(make_settings(tmp_path))
    add_user(app, "ben")
    from pwa.desk.users import Users

    Users(app.state.settings.users_file).remove("ben")
    assert app.state.settings.users_file.exists()
    with desk_client(app) as client:
        assert client.get("/admin/sign-in").status_code == 404


def test_the_users_file_turns_the_desk_on_without_a_restart(client, app):
    assert client.get("/admin/sign-in").status_code == 404
    add_user(app)
    assert client.get("/admin/sign-in").status_code == 200


def test_every_desk_answer_is_no_store_with_the_same_strict_headers(desk_app):
    with desk_client(desk_app) as client:
        answers = [client.get(path) for path in DESK_PATHS]
        sign_in(client)
        answers += [client.get(path) for path in DESK_PATHS]
        answers.append(client.post("/admin/directory/police", data={"csrf": "forged"}))
        answers.append(client.put("/admin/"))
    statuses = sorted({a.status_code for a in answers})
    assert statuses == [200, 303, 308, 403, 404, 405], statuses
    for answer in answers:
        assert answer.headers["cache-control"] == "no-store", answer.url
        for name, value in SECURITY_HEADERS.items():
            assert answer.headers[name] == value, (answer.url, name)
        assert "unsafe-inline" not in answer.headers["content-security-policy"]


def test_admin_without_its_slash_goes_to_the_desk(desk_app):
    with desk_client(desk_app) as client:
        response = client.get("/admin")
    assert response.status_code == 308 and response.headers["location"] == "/admin/"


def test_the_cookie_exception_is_the_desks_prefix_only():
    assert DESK_PREFIX == desk.PREFIX
    assert cookies_allowed("/admin") and cookies_allowed("/admin/sign-in")
    assert not cookies_allowed("/administration") and not cookies_allowed("/de/admin") and not cookies_allowed("/")
    assert desk.is_desk_path("/admin/x") and not desk.is_desk_path("/adminx")


def _public_answers(client: TestClient, app) -> dict[str, object]:
    """One answer of every kind the public site gives."""
    assets = app.state.assets
    paths = [
        "/", "/de", "/de/", "/de/services", "/de/services/police", "/de/services?city=Hilden", "/en/plan",
        "/de/no-such-page", "/xx/", "/api/services", "/manifest.json", "/de/manifest.json", "/service-worker.js",
        assets.url("css/app.css"), assets.url("js/app.js"), assets.url("icons/icon.svg"), "/static/old/css/app.css",
        *app.state.site.root_pages(),
    ]
    return {path: client.get(path, headers={"accept-encoding": "gzip"}) for path in paths}


def test_no_public_answer_sets_a_cookie_even_with_a_maintainer_signed_in(desk_app):
    with desk_client(desk_app) as client:
        assert sign_in(client).status_code == 303
        assert client.cookies.get("desk")
        answers = _public_answers(client, desk_app)
        answers["POST /de/"] = client.post("/de/")
        answers["HEAD /de/"] = client.head("/de/")
    kinds = {answer.status_code for answer in answers.values()} | {answer.headers.get("content-type", "").split(";")[0] for answer in answers.values()}
    assert {200, 301, 302, 404, 405, "text/html", "application/json", "application/manifest+json", "text/javascript", "text/css", "image/svg+xml"} <= kinds
    for path, answer in answers.items():
        assert "set-cookie" not in answer.headers, path


def test_no_public_route_sees_a_cookie_a_browser_sends(tmp_path):
    from starlette.responses import PlainTextResponse
    from starlette.routing import Route

    app = create_app(make_settings(tmp_path))

    async def echo(request):
        return PlainTextResponse(json.dumps(dict(request.cookies)) + request.headers.get("cookie", ""))

    app.router.routes.insert(0, Route("/de/echo", echo))
    app.router.routes.insert(0, Route("/admin-echo", echo))
    with TestClient(app, base_url="https://testserver") as client:
        assert client.get("/de/echo", headers={"cookie": "desk=abc; other=1"}).text == "{}"
        assert client.get("/admin-echo", headers={"cookie": "desk=abc"}).text == "{}"


def test_the_site_registry_and_the_workers_precache_hold_no_desk_address(crawl):
    site = crawl.app.state.site
    pages = [path for paths in site.pages().values() for path in paths] + site.root_pages()
    assert pages and not [path for path in pages if desk.is_desk_path(path)]
    assert "desk" not in [family.name for family in site.families]
    crawl.app.state.offline.wait()  # the worker is answered once its offline build is made
    with TestClient(crawl.app) as client:
        source = client.get("/service-worker.js").text
    build = json.loads(re.search(r"^const BUILD = (.*);$", source, re.MULTILINE).group(1))
    precached = build["shell"] + [url for urls in build["locales"].values() for url in urls]
    assert precached and not [url for url in precached if desk.is_desk_path(url) or "desk" in url]


def test_the_worker_leaves_the_desk_to_the_network(app):
    source = (app.state.settings.root / "service-worker.js").read_text(encoding="utf-8")
    assert 'const DESK = "/admin";' in source
    assert "if (url.pathname === DESK || url.pathname.startsWith(DESK + \"/\")) return;" in source


def test_no_public_page_links_the_desk(crawl):
    pages = [*crawl.pages.values(), *crawl.not_found.values()]
    for page in pages:
        for element in page.document.iter():
            for attribute in ("href", "action", "src", "formaction"):
                value = element.attrs.get(attribute) or ""
                assert "/admin" not in value, (page.path, element.tag, value)
        assert "/admin" not in page.text, page.path
