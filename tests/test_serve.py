"""The server as `make serve` starts it: WORKERS processes, each warm before its first request,
each showing a maintainer's change at its next request, all with one worker version."""

from __future__ import annotations

import http.client
import json
import re
import socket
import subprocess
import sys
import time

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
