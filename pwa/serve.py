"""Serving the app with uvicorn: `python -m pwa serve`, `python server.py` or `make serve`.

HOST, PORT, WORKERS and the other settings come from the environment (see pwa/settings.py).
Each of the WORKERS processes builds its own app and page memory, starting warm: every page
rendered and the offline build made before it takes its first request. Each reads the
database's stamp at every request, so every process shows a maintainer's change at its next
one; all of them give the same content the same worker version.
"""

from __future__ import annotations

import uvicorn
from starlette.applications import Starlette

from pwa.app import create_app
from pwa.settings import Settings


def served_app() -> Starlette:
    """The app as each server process runs it (uvicorn calls this in every worker)."""
    return create_app(Settings.from_env(), warm=True)


def main() -> None:
    settings = Settings.from_env()
    uvicorn.run(
        "pwa.serve:served_app",
        factory=True,
        workers=settings.workers,
        host=settings.host,
        port=settings.port,
        # Access logs would hold client addresses; the app logs requests itself, without
        # addresses, when ACCESS_LOG is set.
        access_log=False,
        proxy_headers=False,
        server_header=False,
        log_level="info",
    )
