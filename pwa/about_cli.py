"""The maintainers' command line for the Runder Tisch's events and materials.

    python -m pwa events    [--db PATH] COMMAND ...
    python -m pwa materials [--db PATH] COMMAND ...

    list                      every entry: id, date or kind, title (events soonest first)
    show ID                   one entry as YAML
    add FILE                  add one entry from a YAML or JSON file ("-" reads standard input)
    edit ID FILE              change the fields given in FILE; an optional field set to null is unset
    remove ID                 remove an entry
    validate [FILE]           check every entry of the database, or of a file (nothing is written)

The fields are described in pwa/about_data.py; data/events.yaml and data/materials.yaml show
them. The database is --db PATH, else $DATABASE_PATH, else var/db.json; a missing table is
created from its seed file. The running server shows every change at its next request, and an
event moves to the archive on its own once its last day is over.

Exit status: 0 done, 1 refused (bad input, unknown id, invalid entry), 2 wrong usage.
A refused command writes nothing.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any


from pwa.about_data import EVENTS, TABLES, period, validate, validate_all
from pwa.maintenance import Refused, command_parser, database_path, read_entry, read_file, refuse_invalid, run, to_yaml
from pwa.store import Store

ROOT = Path(__file__).resolve().parent.parent
SEEDS = {table: ROOT / "data" / f"{table}.yaml" for table in TABLES}



def main(table: str, argv: list[str] | None = None) -> int:
    if table not in TABLES:
        print(f"error: {table!r} is not one of {', '.join(TABLES)}", file=sys.stderr)
        return 2
    return run(_parser(table), argv, lambda args: args.run(Store(database_path(args.db), {table: SEEDS[table]}), table, args))


def _parser(table: str) -> argparse.ArgumentParser:
    what = "events" if table == EVENTS else "materials"
    parser, command = command_parser(
        f"python -m pwa {table}", f"Keep the Runder Tisch's {what} true.", __doc__.split("\n\n", 2)[2] if __doc__ else None
    )
    command("list", _list, "every entry")
    command("show", _show, "one entry as YAML").add_argument("id")
    command("add", _add, "add one entry from a YAML or JSON file").add_argument("file")
    edit = command("edit", _edit, "change the fields given in a YAML or JSON file")
    edit.add_argument("id")
    edit.add_argument("file")
    command("remove", _remove, "remove an entry").add_argument("id")
    command("validate", _validate, "check every entry of the database, or of a file").add_argument(
        "file", nargs="?"
    )
    return parser


# -- commands ------------------------------------------------------------------------------


def _list(store: Store, table: str, args: argparse.Namespace) -> int:
    docs = store.all(table)
    if table == EVENTS:
        docs.sort(key=_event_order)
        for doc in docs:
            when = str(doc.get("date", "?")) + (f" to {doc['end_date']}" if doc.get("end_date") else "")
            print(f"{doc.get('id', '?'):<44} {when:<24} {doc.get('title', '')}")
    else:
        for doc in docs:
            print(f"{doc.get('id', '?'):<44} {doc.get('kind', '?'):<10} {doc.get('title', '')}")
    if not docs:
        print(f"no {table}", file=sys.stderr)
    return 0


def _event_order(doc: dict[str, Any]) -> tuple[str, str]:
    try:
        first = period(doc.get("date", ""))[0].isoformat()
    except ValueError:
        first = ""
    return first, str(doc.get("id", ""))


def _show(store: Store, table: str, args: argparse.Namespace) -> int:
    doc = store.get(table, args.id)
    if doc is None:
        raise Refused(f"{args.id}: no entry with this id in {table}")
    print(to_yaml(doc), end="")
    return 0


def _add(store: Store, table: str, args: argparse.Namespace) -> int:
    doc = read_entry(args.file)
    refuse_invalid(validate(table, doc))
    with store.transaction(table) as docs:
        if doc["id"] in docs:
            raise Refused(f"{doc['id']}: id: an entry with this id exists in {table}; use edit to change it")
        docs[doc["id"]] = doc
    print(f"added {doc['id']}")
    return 0


def _edit(store: Store, table: str, args: argparse.Namespace) -> int:
    changes = read_entry(args.file)
    if changes.get("id", args.id) != args.id:
        raise Refused(f"{args.id}: id: cannot be changed; add the entry anew and remove this one")
    with store.transaction(table) as docs:
        if args.id not in docs:
            raise Refused(f"{args.id}: no entry with this id in {table}")
        changed = {**docs[args.id], **changes}
        refuse_invalid(validate(table, changed))
        docs[args.id] = changed
    print(f"changed {args.id}: {', '.join(sorted(changes)) or 'nothing'}")
    return 0


def _remove(store: Store, table: str, args: argparse.Namespace) -> int:
    if not store.remove(table, args.id):
        raise Refused(f"{args.id}: no entry with this id in {table}")
    print(f"removed {args.id}")
    return 0


def _validate(store: Store, table: str, args: argparse.Namespace) -> int:
    if args.file is None:
        docs = store.all(table)
        where = f"{table} in the database"
    else:
        read = read_file(args.file)
        docs = read if isinstance(read, list) else [read]
        where = args.file
    refuse_invalid(validate_all(table, docs))
    print(f"{where}: {len(docs)} entries, all valid")
    return 0
