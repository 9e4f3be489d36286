"""Settings, read from the environment in this one place."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Mapping

ROOT = Path(__file__).resolve().parent.parent

# A neutral, common German website: a weather page raises no questions in a history
# or on a screen. Changeable with QUICK_EXIT_URL.
DEFAULT_QUICK_EXIT_URL = "https://www.wetter.com/"


# A host name as the address bar shows it, with a port if there is one: no scheme, no path.
_HOST_NAME = re.compile(r"[^\W_](?:[\w.-]*[^\W_])?(?::\d{1,5})?")


def _public_host(value: str | None) -> str:
    host = (value or "").strip().lower()
    if host and not _HOST_NAME.fullmatch(host):
        raise ValueError("PUBLIC_HOST must be a host name such as wegweiser.example.de, without https:// or a path")
    return host


def _flag(value: str | None) -> bool:
    return (value or "").strip().lower() in {"1", "true", "yes", "on"}


def change_log_beside(database_path: Path) -> Path:
    """The change log of a database: var/db.json -> var/db.changes.jsonl."""
    return database_path.with_suffix(".changes.jsonl")


@dataclass(frozen=True)
class Settings:
    host: str = "127.0.0.1"
    port: int = 8000
    quick_exit_url: str = DEFAULT_QUICK_EXIT_URL
    database_path: Path = ROOT / "var" / "db.json"
    access_log: bool = False
    # The maintainers' desk at /admin/ is on only when this file has a user (python -m pwa
    # admin add-user NAME); None: admin-users.json beside the database.
    admin_users_file: Path | None = None
    # The name she sees in her history: the safety page tells her to search for it. Empty: the
    # page names no address (the Host header of a request is not to be trusted for it).
    public_host: str = ""
    workers: int = 1
    root: Path = ROOT
    seeds: Mapping[str, Path] = field(
        default_factory=lambda: {
            "services": ROOT / "data" / "directory.yaml",
            "events": ROOT / "data" / "events.yaml",
            "materials": ROOT / "data" / "materials.yaml",
        }
    )

    @property
    def users_file(self) -> Path:
        return self.admin_users_file or self.database_path.with_name("admin-users.json")

    @property
    def desk_sessions_path(self) -> Path:
        """The desk's signed-in sessions, shared by every server process."""
        return self.database_path.with_name("admin-sessions.json")

    @property
    def change_log_path(self) -> Path:
        return change_log_beside(self.database_path)

    @property
    def templates_dir(self) -> Path:
        return self.root / "templates"

    @property
    def static_dir(self) -> Path:
        return self.root / "static"

    @property
    def locales_dir(self) -> Path:
        return self.root / "locales"

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> "Settings":
        env = os.environ if environ is None else environ
        defaults = cls()
        url = env.get("QUICK_EXIT_URL", "").strip() or defaults.quick_exit_url
        if not url.startswith("https://"):
            raise ValueError("QUICK_EXIT_URL must be an https:// address")
        workers = int(env.get("WORKERS", "").strip() or defaults.workers)
        if workers < 1:
            raise ValueError("WORKERS must be at least 1")
        return cls(
            host=env.get("HOST", "").strip() or defaults.host,
            port=int(env.get("PORT", "").strip() or defaults.port),
            quick_exit_url=url,
            database_path=Path(env["DATABASE_PATH"]) if env.get("DATABASE_PATH") else defaults.database_path,
            access_log=_flag(env.get("ACCESS_LOG")),
            admin_users_file=Path(env["ADMIN_USERS_FILE"]) if env.get("ADMIN_USERS_FILE") else None,
            public_host=_public_host(env.get("PUBLIC_HOST")),
            workers=workers,
        )
