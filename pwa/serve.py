"""Serving the app with uvicorn: `python -m pwa serve`, `python server.py` or `make serve`.

HOST, PORT and the other settings come from the environment (see pwa/settings.py).
"""

from __future__ import annotations

import uvicorn

from pwa.app import create_app
from pwa.settings import Settings


def config(settings: Settings) -> uvicorn.Config:
    """How uvicorn serves the app: nothing it logs ever holds a client address."""
    return uvicorn.Config(
        create_app(settings),
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
    uvicorn.Server(config(Settings.from_env())).run()
