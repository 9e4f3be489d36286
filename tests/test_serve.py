"""The server as `make serve` starts it: no log line names a client, WebSocket requests included."""

from __future__ import annotations

import logging
import socket
import threading
import time
from dataclasses import replace

import pytest
import uvicorn

from pwa import serve
from tests.conftest import make_settings

UPGRADE = (
    "GET /de/?track=Zq-query HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
    "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n"
)
PLAIN = "GET /de/emergency?x=Zq-query HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"


class Lines(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(f"{record.name} {record.getMessage()}")


def _ask(port: int, request: str) -> bytes:
    with socket.create_connection(("127.0.0.1", port), timeout=10) as connection:
        connection.sendall(request.encode())
        answer = b""
        while b"\r\n\r\n" not in answer:
            chunk = connection.recv(4096)
            if not chunk:
                break
            answer += chunk
        return answer


@pytest.mark.parametrize("access_log", [False, True])
def test_no_log_line_names_a_client_not_even_for_websockets(tmp_path, access_log):
    pytest.importorskip("websockets")  # the library that would log the address, were it used
    settings = replace(make_settings(tmp_path), access_log=access_log)
    config = serve.config(settings)
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    handler = Lines()
    # uvicorn.access has no handler when access_log is off (uvicorn logs to it only if it has
    # one): everything else uvicorn and the app say is heard here.
    loggers = [logging.getLogger(name) for name in ("", "uvicorn", "uvicorn.error", "pwa")]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.addHandler(handler)
        logger.setLevel(logging.DEBUG)
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    try:
        deadline = time.monotonic() + 15
        while not server.started:
            assert time.monotonic() < deadline, "server did not start"
            time.sleep(0.02)
        upgrade = _ask(port, UPGRADE)
        plain = _ask(port, PLAIN)
        assert not upgrade.startswith(b"HTTP/1.1 101"), "no WebSocket is ever accepted"
        assert plain.startswith(b"HTTP/1.1 200")
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()
        for logger, level in zip(loggers, levels):
            logger.removeHandler(handler)
            logger.setLevel(level)
    assert handler.lines, "the server logged its start"
    assert any("/de/emergency" in line for line in handler.lines) == access_log
    leaks = [line for line in handler.lines if "127.0.0.1" in line or "Zq-query" in line]
    assert not leaks, leaks
