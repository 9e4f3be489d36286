"""The server as `make serve` starts it: WORKERS processes, each warm before its first request,
each showing a maintainer's change at its next request, all with one worker version; no log line
names a client, WebSocket requests included."""

from __future__ import annotations

import http.client
import json
import logging
import re
import socket
import subprocess
import sys
import threading
import time

import pytest
import uvicorn

from pwa import serve
from pwa.settings import ROOT, Settings
from pwa.store import Store
from tests.conftest import TEST_EXIT_URL, free_port


def get(port: int, path: str) -> tuple[int, str]:
    # A new connection each time: uvicorn's workers take turns at accepting them.
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.request("GET", path, headers={"Connection": "close"})
        response = connection.getresponse()
        return response.status, response.read().decode("utf-8")
    finally:
        connection.close()


def test_two_workers_show_a_change_at_their_next_request(tmp_path):
    port = free_port()
    database = tmp_path / "db.json"
    env = {"PATH": "/usr/bin:/bin", "PORT": str(port), "WORKERS": "2", "DATABASE_PATH": str(database),
           "QUICK_EXIT_URL": TEST_EXIT_URL}
    server = subprocess.Popen([sys.executable, str(ROOT / "server.py")], env=env, cwd=ROOT,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                if get(port, "/de/")[0] == 200:
                    break
            except OSError:
                pass
            assert server.poll() is None and time.monotonic() < deadline, "the server did not start"
            time.sleep(0.1)
        # Warm: the worker is there at once, the same build from every process.
        versions = set()
        for _ in range(12):
            status, source = get(port, "/service-worker.js")
            assert status == 200
            versions.add(json.loads(re.search(r"^const BUILD = (.*);$", source, re.MULTILINE).group(1))["version"])
        assert len(versions) == 1
        assert all("WEISSER RING – Opfer-Telefon" in get(port, "/de/services/weisser-ring")[1] for _ in range(12))

        store = Store(database, dict(Settings().seeds))  # as the maintainers' command line writes
        store.upsert("services", {**store.get("services", "weisser-ring"), "name": "WEISSER RING – Opferhilfe"})
        pages = [get(port, "/de/services/weisser-ring")[1] for _ in range(12)]
        assert all("WEISSER RING – Opferhilfe" in page for page in pages)
    finally:
        server.terminate()
        server.wait(timeout=20)


def test_the_shared_socket_of_several_workers_is_tcp_so_answers_are_not_held_back():
    # asyncio turns Nagle's algorithm off only on connections of a socket named TCP; without
    # it every answer after the first on a connection waits for a delayed acknowledgement.
    settings = Settings.from_env({"PORT": str(free_port()), "WORKERS": "2", "QUICK_EXIT_URL": TEST_EXIT_URL})
    listening = serve.config(settings).bind_socket()
    try:
        assert listening.proto == socket.IPPROTO_TCP
        assert listening.get_inheritable()
        listening.listen()
        client = socket.create_connection(listening.getsockname(), timeout=5)
        accepted, _ = listening.accept()
        with client, accepted:
            assert accepted.proto == socket.IPPROTO_TCP
    finally:
        listening.close()


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
def test_no_log_line_names_a_client_not_even_for_websockets(tmp_path, monkeypatch, access_log):
    pytest.importorskip("websockets")  # the library that would log the address, were it used
    # Each server process makes its app from the environment (serve.served_app), as make serve does.
    environment = {"DATABASE_PATH": str(tmp_path / "db.json"), "QUICK_EXIT_URL": TEST_EXIT_URL,
                   "ACCESS_LOG": "1" if access_log else ""}
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    config = serve.config(Settings.from_env())
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
        deadline = time.monotonic() + 90  # warm: every page rendered before the first request
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
