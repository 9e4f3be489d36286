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
