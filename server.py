"""Start the app: `python server.py` (HOST and PORT from the environment, default 127.0.0.1:8000)."""

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


if __name__ == "__main__":
    main()
