"""Settings, read from the environment in this one place."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Mapping

ROOT = Path(__file__).resolve().parent.parent

# A neutral, common German website: a weather page raises no questions in a history
# or on a screen. Changeable with QUICK_EXIT_URL.
DEFAULT_QUICK_EXIT_URL = "https://www.wetter.com/"


def _flag(value: str | None) -> bool:
    return (value or "").strip().lower() in {"1", "true", "yes", "on"}


@dataclass(frozen=True)
class Settings:
    host: str = "127.0.0.1"
    port: int = 8000
    quick_exit_url: str = DEFAULT_QUICK_EXIT_URL
    database_path: Path = ROOT / "var" / "db.json"
    access_log: bool = False
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
            workers=workers,
        )
