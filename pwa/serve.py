"""Serving the app with uvicorn: `python -m pwa serve`, `python server.py` or `make serve`.

HOST, PORT, WORKERS and the other settings come from the environment (see pwa/settings.py).
Each of the WORKERS processes builds its own app and page memory, starting warm: every page
rendered and the offline build made before it takes its first request. Each reads the
database's stamp at every request, so every process shows a maintainer's change at its next
one; all of them give the same content the same worker version.
"""

from __future__ import annotations

import socket
import sys

import uvicorn
from starlette.applications import Starlette
from uvicorn.main import STARTUP_FAILURE
from uvicorn.supervisors import Multiprocess

from pwa.app import create_app
from pwa.settings import Settings


def served_app() -> Starlette:
    """The app as each server process runs it (uvicorn calls this in every worker)."""
    return create_app(Settings.from_env(), warm=True)


class ServerConfig(uvicorn.Config):
    """uvicorn's settings, with a listening socket that says it is TCP.

    With several workers uvicorn binds the socket itself and leaves its protocol at 0; the
    connections it accepts inherit that, and asyncio then leaves Nagle's algorithm on: every
    answer after the first on a connection waits about 40 ms for the browser's delayed
    acknowledgement (uvicorn issue 3149). Named as TCP, each connection gets TCP_NODELAY as
    it does with one worker.
    """

    def bind_socket(self) -> socket.socket:
        sock = super().bind_socket()
        if sock.family not in (socket.AF_INET, socket.AF_INET6) or sock.proto == socket.IPPROTO_TCP:
            return sock
        tcp = socket.socket(sock.family, sock.type, socket.IPPROTO_TCP, fileno=sock.detach())
        tcp.set_inheritable(True)
        return tcp


def config(settings: Settings) -> ServerConfig:
    """How uvicorn serves the app: nothing it logs ever holds a client address."""
    return ServerConfig(
        "pwa.serve:served_app",
        factory=True,
        workers=settings.workers,
        host=settings.host,
        port=settings.port,
        # Access logs would hold client addresses; the app logs requests itself, without
        # addresses, when ACCESS_LOG is set.
        access_log=False,
        # The app has no WebSockets. With them on, uvicorn logs every upgrade request with the
        # client's address and query string, access log or not.
        ws="none",
        proxy_headers=False,
        server_header=False,
        log_level="info",
    )


def main() -> None:
    server_config = config(Settings.from_env())
    server = uvicorn.Server(server_config)
    try:
        if server_config.workers > 1:
            Multiprocess(server_config, sockets=[server_config.bind_socket()]).run()
            return
        server.run()
    except KeyboardInterrupt:
        return
    if not server.started:
        sys.exit(STARTUP_FAILURE)
