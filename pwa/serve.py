"""Serving the app with uvicorn: `python -m pwa serve`, `python server.py` or `make serve`.

HOST, PORT and the other settings come from the environment (see pwa/settings.py).
"""

from __future__ import annotations

import uvicorn

from pwa.app import create_app
from pwa.settings import Settings


def main() -> None:
    settings = Settings.from_env()
    uvicorn.run(
        create_app(settings),
        host=settings.host,
        port=settings.port,
        # Access logs would hold client addresses; the app logs requests itself, without
        # addresses, when ACCESS_LOG is set.
        access_log=False,
        proxy_headers=False,
        server_header=False,
        log_level="info",
    )
