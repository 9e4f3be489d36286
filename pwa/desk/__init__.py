"""The maintainers' desk at /admin/: the directory, the events and the materials, kept true from a browser.

Off unless the operator makes a users file (``python -m pwa admin add-user NAME``): then every
/admin address answers 404. On, a maintainer signs in with her name and password and can list,
open, edit, add and remove entries, confirm a directory entry after a call, see what needs a
call and see every change. It is built on what the command line uses: the record model and
its checks, the store with its lock and atomic writes, one way to change an entry
(:mod:`pwa.edits`) and the change log (:mod:`pwa.change_log`).

Its parts: :mod:`~pwa.desk.gate` (on or off, no-store, sessions and CSRF checked),
:mod:`~pwa.desk.users`, :mod:`~pwa.desk.sessions`, :mod:`~pwa.desk.throttle`,
:mod:`~pwa.desk.sign_in`, :mod:`~pwa.desk.fields` (forms made from the record model),
:mod:`~pwa.desk.german` (its words), :mod:`~pwa.desk.collections`, :mod:`~pwa.desk.pages`;
templates in templates/desk/.

The desk is no part of the public site: no page family of the site registry, never linked
from a public page, never precached or answered by the service worker, never kept by a page
cache (every answer is ``Cache-Control: no-store``), absent from a static copy of the site. It
is the only place with a cookie, and only under /admin (see :mod:`pwa.headers`).
"""

from __future__ import annotations

from starlette.routing import BaseRoute, Mount, Route, Router

from pwa.desk.gate import PREFIX, Desk, DeskGate

__all__ = ["PREFIX", "Desk", "is_desk_path", "routes"]


def is_desk_path(path: str) -> bool:
    """Whether an address belongs to the desk (and so to no public page, cache or copy)."""
    return path == PREFIX or path.startswith(PREFIX + "/")


def routes() -> list[BaseRoute]:
    """The desk's routes for the app: /admin itself and everything under it."""
    from pwa.desk.pages import ROUTES

    gate = DeskGate(Router(routes=ROUTES))
    return [Route(PREFIX, gate), Mount(PREFIX, app=gate)]
