"""Sign-in attempts, throttled per user name and per client, in memory only.

Each attempt counts against the name and against the client's address from the moment it is
made (so a burst of attempts at once counts in full) and for a quarter of an hour; a sign-in
clears both counts. Past the limit, sign-in is refused without checking the password. The
counts are keyed by a hash with a salt made at start-up, so the process holds neither the
address nor the name, and nothing of it is written anywhere. With several server processes
each counts on its own: the limit is then that many times as high.
"""

from __future__ import annotations

import hashlib
import math
import secrets
from collections import deque

WINDOW_SECONDS = 15 * 60
PER_NAME = 5
PER_CLIENT = 20
_MAX_KEYS = 50_000  # beyond that the oldest counts go first, so memory stays bounded


class Throttle:
    def __init__(self, per_name: int = PER_NAME, per_client: int = PER_CLIENT, window: float = WINDOW_SECONDS) -> None:
        self.limits = {"name": per_name, "client": per_client}
        self.window = window
        self._salt = secrets.token_bytes(16)
        self._attempts: dict[bytes, deque[float]] = {}

    def _keys(self, name: str, client: str) -> dict[str, bytes]:
        return {
            kind: hashlib.sha256(self._salt + kind.encode() + b"\0" + value.encode("utf-8", "replace")).digest()
            for kind, value in (("name", name.strip().casefold()), ("client", client))
        }

    def _recent(self, key: bytes, now: float) -> deque[float]:
        times = self._attempts.get(key, deque())
        while times and times[0] <= now - self.window:
            times.popleft()
        return times

    def retry_after(self, name: str, client: str, now: float) -> int:
        """Seconds until an attempt is allowed again; 0: allowed now."""
        wait = 0.0
        for kind, key in self._keys(name, client).items():
            times = self._recent(key, now)
            if len(times) >= self.limits[kind]:
                wait = max(wait, times[len(times) - self.limits[kind]] + self.window - now)
        return math.ceil(wait) if wait > 0 else 0

    def attempt(self, name: str, client: str, now: float) -> None:
        for key in self._keys(name, client).values():
            times = self._recent(key, now)
            times.append(now)
            self._attempts.pop(key, None)
            self._attempts[key] = times  # newest last, for the pruning below
        while len(self._attempts) > _MAX_KEYS:
            del self._attempts[next(iter(self._attempts))]

    def succeeded(self, name: str, client: str) -> None:
        for key in self._keys(name, client).values():
            self._attempts.pop(key, None)
