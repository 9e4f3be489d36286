"""Which responses are gzipped: Accept-Encoding read with its q-values, one Vary per header."""

from __future__ import annotations

import pytest

from pwa.compression import accepts_gzip

REFUSED = ["gzip;q=0", "notgzip", "gzip;q=0.000", "deflate, br", "identity", "*;q=0", "gzip;q=0, *", "gzip;q=2", "gzip;q=abc", "", None]
ACCEPTED = ["gzip", "GZIP", "gzip, deflate, br", "br;q=1.0, gzip;q=0.5", "*", "x-gzip", "gzip ; q=0.001", "deflate, *;q=0.1"]


@pytest.mark.parametrize("header", ACCEPTED)
def test_gzip_is_accepted(header):
    assert accepts_gzip(header) is True


@pytest.mark.parametrize("header", REFUSED)
def test_gzip_is_refused(header):
    assert accepts_gzip(header) is False


def _vary(response) -> list[str]:
    return [part.strip().lower() for value in response.headers.get_list("vary") for part in value.split(",") if part.strip()]


@pytest.mark.parametrize("header", ["gzip;q=0", "notgzip", "identity"])
def test_no_gzip_where_the_browser_refuses_it(client, app, header):
    for path in ("/de/", "/api/services", app.state.assets.url("js/plan.js")):
        response = client.get(path, headers={"Accept-Encoding": header})
        assert response.status_code == 200
        assert "content-encoding" not in response.headers, (path, header)
        assert _vary(response).count("accept-encoding") == 1, (path, response.headers.get_list("vary"))


@pytest.mark.parametrize("header, coding", [("gzip", "gzip"), ("br;q=0.5, gzip;q=0.8", "gzip"), ("br;q=1, gzip;q=0.8", "br")])
def test_the_coding_the_browser_weighs_highest(client, app, header, coding):
    for path in ("/de/", "/api/services", app.state.assets.url("js/plan.js")):
        response = client.get(path, headers={"Accept-Encoding": header})
        assert response.headers.get("content-encoding") == coding, (path, header)
        assert _vary(response).count("accept-encoding") == 1, (path, response.headers.get_list("vary"))
