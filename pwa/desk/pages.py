"""The desk's pages: lists, an entry's form, adding, confirming, removing, the stale report, the log.

Every change goes through :class:`pwa.edits.Editor`, as the command line's do: validated before
anything is written, under the store's lock, recorded in the change log. An entry's form
carries the version of the entry it was made from; a save of an entry that someone else
changed since is refused, showing that change, and the form then holds the current entry.
"""

from __future__ import annotations

from typing import Any, Mapping

from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from pwa import confirmation
from pwa.change_log import Change
from pwa.desk import german
from pwa.desk.collections import DIRECTORY, KEPT, Kept, german_problem
from pwa.desk.fields import Field, fields, parse
from pwa.desk.gate import Visit, for_maintainers, redirect
from pwa.desk.sign_in import sign_in, sign_out
from pwa.edits import Conflict, Editor, Refused, differences, version

Doc = dict[str, Any]
NOTICES = {
    "saved": "Gespeichert.",
    "added": "Hinzugefügt.",
    "confirmed": "Gespeichert: heute am Telefon bestätigt.",
    "removed": "Entfernt.",
    "unchanged": "Nichts geändert: alles war schon so gespeichert.",
}
CHANGED = {"saved", "added", "confirmed", "removed"}


def _notice(visit: Visit) -> dict[str, Any]:
    found = next((key for key in NOTICES if visit.request.query_params.get(key)), "")
    return {"notice": NOTICES.get(found, ""), "rebuild": found in CHANGED}


def _editor(visit: Visit, kept: Kept) -> Editor:
    return Editor(visit.desk.store, kept.records, visit.session.user, visit.desk.log, now=lambda: visit.now)


def _kept(visit: Visit) -> Kept | None:
    return KEPT.get(visit.request.path_params.get("collection", DIRECTORY.slug))


def _rows(kept: Kept, docs: list[Doc]) -> list[dict[str, Any]]:
    return [
        {"id": doc.get("id"), "name": kept.name_of(doc), "cells": [kept.cell(doc, c) for c in kept.shown_columns()],
         "problems": kept.problems(doc)}
        for doc in docs
    ]  # fmt: skip


def _listing(visit: Visit, kept: Kept, title: str, sections: list[tuple[str, list[Doc]]], **extra: Any) -> Response:
    context = {
        "title": title, "kept": kept, "current": "/" if kept is DIRECTORY else f"/{kept.slug}/",
        "columns": [german.label(kept.table, c) for c in kept.shown_columns()],
        "sections": [(heading, _rows(kept, docs)) for heading, docs in sections], **_notice(visit), **extra,
    }  # fmt: skip
    return visit.render("list.html", context)


@for_maintainers
async def listing(visit: Visit) -> Response:
    kept = _kept(visit)
    if kept is None:
        return visit.error(404, "Diese Seite gibt es nicht.")
    docs = visit.desk.store.all(kept.table)
    return _listing(visit, kept, kept.title, kept.sections(docs, visit.now.date()))


@for_maintainers
async def stale(visit: Visit) -> Response:
    raw = visit.request.query_params.get("months", "")
    months = int(raw) if raw.isdigit() and 0 < int(raw) <= 120 else confirmation.STALE_MONTHS
    found = confirmation.stale(visit.desk.store.all(DIRECTORY.table), visit.now.date(), months)
    heading = f"Nie oder vor mehr als {months} Monaten am Telefon bestätigt: {len(found)}"
    return _listing(visit, DIRECTORY, "Zu bestätigen", [(heading, found)], months=months, current="/stale")


# -- one entry -------------------------------------------------------------------------------


def _summary(shown: list[Field], prefix: str = "") -> list[tuple[str, str, str]]:
    """(field id, label, problem) of every problem in the form, for the list above it."""
    found = []
    for item in shown:
        label = f"{prefix}{item.label}"
        found += [(item.id, label, text) for text in item.errors]
        # A row's own label names it ("Telefonnummer 2"); the days and cities need their field's.
        found += _summary(item.parts, prefix if item.spec.widget == "items" else f"{label}: ")
    return found


def _entry(
    visit: Visit, kept: Kept, entry_id: str | None, doc: Mapping[str, Any], *, form_version: str = "",
    problems: list[str] = (), status: int = 200, conflict: dict[str, Any] | None = None,
) -> Response:  # fmt: skip
    found = [german_problem(kept.table, line) for line in problems]
    shown, left = fields(kept.form, doc, found)
    stored = visit.desk.store.get(kept.table, entry_id) if entry_id else None
    context = {
        "title": kept.name_of(stored) if stored else kept.new,
        "kept": kept, "entry_id": entry_id, "stored": stored, "fields": shown, "left": left,
        "summary": _summary(shown), "refused": status == 422, "version": form_version, "conflict": conflict,
        "history": visit.desk.log.read(kept.table, entry_id, limit=20) if entry_id else [],
        "facts": [(german.label(kept.table, c), kept.cell(stored, c)) for c in kept.shown_columns()] if stored else [],
        "current": f"/{kept.slug}/" if kept is not DIRECTORY else "/", **_notice(visit),
    }  # fmt: skip
    return visit.render("entry.html", context, status)


def _conflict(visit: Visit, kept: Kept, entry_id: str, expected: str, mine: Doc, current: Doc | None) -> Response:
    """The other's change since ``expected``, the current entry in the form, and what was not saved."""
    if current is None:
        return visit.error(409, "Jemand anderes hat diesen Eintrag inzwischen entfernt. Ihre Änderungen sind nicht gespeichert.")
    others: list[Change] = visit.desk.log.since(kept.table, entry_id, expected)
    base = dict(current)
    for change in reversed(others):  # back to the version the form was made from
        for name, (old, _new) in change.fields.items():
            base[name] = old
    unsaved = differences(base, {**mine, "id": entry_id}, [spec.name for spec in kept.form])
    conflict = {"others": others, "unsaved": unsaved}
    return _entry(visit, kept, entry_id, current, form_version=version(current), status=409, conflict=conflict)


@for_maintainers
async def entry(visit: Visit) -> Response:
    kept, entry_id = _kept(visit), visit.request.path_params["entry"]
    current = visit.desk.store.get(kept.table, entry_id) if kept else None
    if kept is None or current is None:
        return visit.error(404, "Diesen Eintrag gibt es nicht (mehr).")
    if visit.form is None:
        return _entry(visit, kept, entry_id, current, form_version=version(current), problems=kept.records.validate(current))
    expected = str(visit.form.get("version") or "")
    parsed, unread = parse(kept.form, visit.form, current)
    doc = {"id": entry_id, **{k: v for k, v in parsed.items() if k != "id"}}
    problems = [f"{entry_id}: {path}: {text}" for path, text in unread] + kept.records.validate(doc)
    try:
        if problems:
            raise Refused(*problems)
        change = _editor(visit, kept).replace(entry_id, doc, expected)
    except Conflict as conflict:
        return _conflict(visit, kept, entry_id, expected, doc, conflict.current)
    except Refused as refused:
        return _entry(visit, kept, entry_id, doc, form_version=expected, problems=list(refused.lines), status=422)
    return redirect(f"/{kept.slug}/{entry_id}?{'saved' if change.fields else 'unchanged'}=1")


@for_maintainers
async def new(visit: Visit) -> Response:
    kept = _kept(visit)
    if kept is None:
        return visit.error(404, "Diese Seite gibt es nicht.")
    if visit.form is None:
        return _entry(visit, kept, None, {})
    doc, unread = parse(kept.form, visit.form, None)
    entry = doc.get("id") if isinstance(doc.get("id"), str) else "(no id)"
    try:
        if unread:
            raise Refused(*[f"{entry}: {path}: {text}" for path, text in unread], *kept.records.validate(doc))
        _editor(visit, kept).add(doc)
    except Refused as refused:
        return _entry(visit, kept, None, doc, problems=list(refused.lines), status=422)
    return redirect(f"/{kept.slug}/{doc['id']}?added=1")


@for_maintainers
async def confirm(visit: Visit) -> Response:
    entry_id = visit.request.path_params["entry"]
    try:
        _editor(visit, DIRECTORY).confirm(entry_id, visit.now.date())
    except Refused:
        return visit.error(404, "Diesen Eintrag gibt es nicht (mehr).")
    return redirect(f"/{DIRECTORY.slug}/{entry_id}?confirmed=1")


@for_maintainers
async def remove(visit: Visit) -> Response:
    kept, entry_id = _kept(visit), visit.request.path_params["entry"]
    current = visit.desk.store.get(kept.table, entry_id) if kept else None
    if kept is None or current is None:
        return visit.error(404, "Diesen Eintrag gibt es nicht (mehr).")
    if visit.form is None:
        return visit.render("remove.html", {"title": f"{kept.name_of(current)} entfernen?", "kept": kept,
                            "entry_id": entry_id, "version": version(current), "current": ""})  # fmt: skip
    expected = str(visit.form.get("version") or "")
    try:
        _editor(visit, kept).remove(entry_id, expected)
    except Conflict as conflict:
        return _conflict(visit, kept, entry_id, expected, current, conflict.current)
    return redirect(("/" if kept is DIRECTORY else f"/{kept.slug}/") + "?removed=1")


@for_maintainers
async def changes(visit: Visit) -> Response:
    return visit.render("changes.html", {"title": "Änderungen", "changes": visit.desk.log.read(limit=200),
                        "kept": {kept.table: kept for kept in KEPT.values()}, "current": "/changes"})  # fmt: skip


async def stylesheet(request: Any) -> Response:
    return Response(request.app.state.desk.css, media_type="text/css; charset=utf-8")


ROUTES: list[BaseRoute] = [
    Route("/", listing),
    Route("/desk.css", stylesheet),
    Route("/sign-in", sign_in, methods=["GET", "POST"]),
    Route("/sign-out", sign_out, methods=["POST"]),
    Route("/stale", stale),
    Route("/changes", changes),
    Route("/{collection}/", listing),
    Route("/{collection}/new", new, methods=["GET", "POST"]),
    Route("/directory/{entry}/confirm", confirm, methods=["POST"]),
    Route("/{collection}/{entry}", entry, methods=["GET", "POST"]),
    Route("/{collection}/{entry}/remove", remove, methods=["GET", "POST"]),
]
