import logging

from pwa.app import create_app
from starlette.testclient import TestClient

from tests.conftest import make_settings


def test_access_log_is_off_by_default_and_never_holds_addresses(tmp_path, caplog):
    caplog.set_level(logging.INFO, logger="pwa.access")
    with TestClient(create_app(make_settings(tmp_path))) as client:
        client.get("/de/")
    assert not [r for r in caplog.records if r.name == "pwa.access"]

    with TestClient(create_app(make_settings(tmp_path, access_log=True)), client=("203.0.113.7", 5000)) as client:
        client.get("/de/emergency")
    lines = [r.getMessage() for r in caplog.records if r.name == "pwa.access"]
    assert lines and "/de/emergency" in lines[0]
    assert not any("203.0.113.7" in line for line in lines)


def test_cookie_set_by_any_handler_is_dropped(tmp_path):
    from starlette.responses import Response
    from starlette.routing import Route

    app = create_app(make_settings(tmp_path))

    async def leaky(request):
        response = Response("x")
        response.set_cookie("track", "1")
        return response

    app.router.routes.insert(0, Route("/leaky", leaky))
    with TestClient(app) as client:
        response = client.get("/leaky")
    assert response.status_code == 200
    assert "set-cookie" not in {k.lower() for k in response.headers.keys()}


HSTS = "max-age=63072000; includeSubDomains"


def test_every_kind_of_response_asks_for_https_for_two_years(tmp_path):
    """Browsers ignore the header over plain http; behind TLS it keeps them on https."""
    app = create_app(make_settings(tmp_path))

    async def broken(request):
        raise RuntimeError("a bug")

    from starlette.routing import Route

    app.router.routes.insert(0, Route("/broken", broken))
    with TestClient(app, follow_redirects=False, raise_server_exceptions=False) as client:
        responses = {
            "page": client.get("/de/"),
            "redirect": client.get("/"),
            "not found": client.get("/de/nope"),
            "outside the languages": client.get("/nothing", headers={"Accept-Language": "en"}),
            "api": client.get("/api/services"),
            "manifest": client.get("/manifest.json"),
            "worker": client.get("/service-worker.js"),
            "static": client.get(app.state.assets.url("css/app.css")),
            "wrong method": client.post("/de/"),
            "error": client.get("/broken"),
        }
    assert responses["error"].status_code == 500
    for kind, response in responses.items():
        assert response.headers.get_list("strict-transport-security") == [HSTS], kind


def test_a_not_found_page_in_the_browser_language_varies_with_it(client):
    """A shared cache must not give an English 404 to a German browser."""
    for path in ("/nothing", "/xx/", "/xx"):
        german = client.get(path, headers={"Accept-Language": "de"})
        english = client.get(path, headers={"Accept-Language": "en"})
        assert german.status_code == english.status_code == 404
        assert german.headers["content-language"] == "de" and english.headers["content-language"] == "en"
        for response in (german, english):
            assert "accept-language" in _vary(response), path
    # The language in the path: the same page for every browser.
    response = client.get("/de/nope", headers={"Accept-Language": "en"})
    assert response.status_code == 404 and "accept-language" not in _vary(response)


def _vary(response) -> list[str]:
    return [part.strip().lower() for value in response.headers.get_list("vary") for part in value.split(",") if part.strip()]


def test_the_readme_tells_how_to_serve_over_tls_with_this_hsts():
    from pwa.settings import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Deployment: TLS and HSTS", 1)[1].split("\n## ", 1)[0]
    assert f"Strict-Transport-Security: {HSTS}" in section
    assert "return 301 https://" in section  # the redirect from http at the proxy
