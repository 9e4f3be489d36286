"""The maintainers' command line for the help directory.

    python -m pwa directory [--db PATH] COMMAND ...

    list                      every entry: id, kind, date confirmed, name
    show ID                   one entry as YAML
    add FILE                  add one entry from a YAML or JSON file ("-" reads standard input)
    edit ID FILE              change the fields given in FILE; a field set to null becomes unknown
    remove ID                 remove an entry
    import FILE               replace all entries with a list in the seed format
    export [FILE]             all entries as YAML, to standard output or FILE (import reads it back)
    validate                  check every entry
    confirm ID [--date DATE]  record that the entry was confirmed by phone (default: today)
    stale [--months 12]       entries never confirmed, or confirmed longer ago than that

The database is --db PATH, else $DATABASE_PATH, else var/db.json; a missing database is created
from data/directory.yaml. The running server shows every change at its next request.

Exit status: 0 done, 1 refused (bad input, unknown id, invalid database), 2 wrong usage.
A refused command writes nothing.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date, datetime
from pathlib import Path


from pwa.directory import BERLIN, TABLE, validate, validate_all
from pwa.maintenance import Refused, command_parser, database_path, read_entry, read_file, refuse_invalid, run, to_yaml
from pwa.store import Store

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "data" / "directory.yaml"



def main(argv: list[str] | None = None) -> int:
    return run(_parser(), argv, lambda args: args.run(Store(database_path(args.db), {TABLE: SEED}), args))


def _parser() -> argparse.ArgumentParser:
    parser, command = command_parser("python -m pwa directory", "Keep the help directory true.")
    command("list", _list, "every entry: id, kind, date confirmed, name")
    command("show", _show, "one entry as YAML").add_argument("id")
    command("add", _add, "add one entry from a YAML or JSON file").add_argument("file")
    edit = command("edit", _edit, "change the fields given in a YAML or JSON file")
    edit.add_argument("id")
    edit.add_argument("file")
    command("remove", _remove, "remove an entry").add_argument("id")
    command("import", _import, "replace all entries with the list in a seed-format file").add_argument("file")
    command("export", _export, "all entries as YAML").add_argument("file", nargs="?")
    command("validate", _validate, "check every entry")
    confirm = command("confirm", _confirm, "record that an entry was confirmed by phone")
    confirm.add_argument("id")
    confirm.add_argument("--date", type=_iso_date, help="YYYY-MM-DD (default: today)")
    stale = command("stale", _stale, "entries never confirmed or confirmed too long ago")
    stale.add_argument("--months", type=_months, default=12, help="default: 12")
    return parser


def _iso_date(text: str) -> date:
    try:
        if len(text) != 10:
            raise ValueError
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date YYYY-MM-DD") from None


def _months(text: str) -> int:
    if not text.isdigit():
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of months")
    return int(text)


def _today() -> date:
    return datetime.now(BERLIN).date()


# -- commands ------------------------------------------------------------------------------


def _list(store: Store, args: argparse.Namespace) -> int:
    for doc in store.all(TABLE):
        # str(): a hand-edited entry may hold anything, and list must still show it
        fields = (doc.get("id"), doc.get("kind"), doc.get("checked") or "unconfirmed", doc.get("name"))
        entry_id, kind, checked, name = (str(field) for field in fields)
        print(f"{entry_id:<36} {kind:<13} {checked:<12} {name}")
    return 0


def _show(store: Store, args: argparse.Namespace) -> int:
    doc = store.get(TABLE, args.id)
    if doc is None:
        raise Refused(f"{args.id}: no entry with this id")
    print(to_yaml(doc), end="")
    return 0


def _add(store: Store, args: argparse.Namespace) -> int:
    doc = read_entry(args.file)
    refuse_invalid(validate(doc))
    with store.transaction(TABLE) as docs:
        if doc["id"] in docs:
            raise Refused(f"{doc['id']}: id: an entry with this id exists; use edit to change it")
        docs[doc["id"]] = doc
    print(f"added {doc['id']}")
    return 0


def _edit(store: Store, args: argparse.Namespace) -> int:
    changes = read_entry(args.file)
    if changes.get("id", args.id) != args.id:
        raise Refused(f"{args.id}: id: cannot be changed; add the entry anew and remove this one")
    with store.transaction(TABLE) as docs:
        if args.id not in docs:
            raise Refused(f"{args.id}: no entry with this id")
        changed = {**docs[args.id], **changes}
        refuse_invalid(validate(changed))
        docs[args.id] = changed
    print(f"changed {args.id}: {', '.join(sorted(changes)) or 'nothing'}")
    return 0


def _remove(store: Store, args: argparse.Namespace) -> int:
    if not store.remove(TABLE, args.id):
        raise Refused(f"{args.id}: no entry with this id")
    print(f"removed {args.id}")
    return 0


def _import(store: Store, args: argparse.Namespace) -> int:
    docs = read_file(args.file)
    refuse_invalid(validate_all(docs))
    store.replace_all(TABLE, docs)
    print(f"imported {len(docs)} entries")
    return 0


def _export(store: Store, args: argparse.Namespace) -> int:
    text = to_yaml(store.all(TABLE))
    if args.file is None or args.file == "-":
        sys.stdout.write(text)
    else:
        Path(args.file).write_text(text, encoding="utf-8")
        print(f"exported to {args.file}")
    return 0


def _validate(store: Store, args: argparse.Namespace) -> int:
    docs = store.all(TABLE)
    refuse_invalid(validate_all(docs))
    print(f"{len(docs)} entries, all valid")
    return 0


def _confirm(store: Store, args: argparse.Namespace) -> int:
    day = args.date or _today()
    if day > _today():
        raise Refused(f"{args.id}: checked: {day.isoformat()} is in the future")
    with store.transaction(TABLE) as docs:
        if args.id not in docs:
            raise Refused(f"{args.id}: no entry with this id")
        changed = {**docs[args.id], "checked": day.isoformat()}
        refuse_invalid(validate(changed))
        docs[args.id] = changed
    print(f"confirmed {args.id} on {day.isoformat()}")
    return 0


def _stale(store: Store, args: argparse.Namespace) -> int:
    cutoff = _months_before(_today(), args.months)
    found = 0
    for doc in store.all(TABLE):
        checked = doc.get("checked")
        if not checked:
            print(f"{doc['id']:<36} never confirmed")
        elif checked < cutoff.isoformat():
            print(f"{doc['id']:<36} last confirmed {checked}")
        else:
            continue
        found += 1
    print(f"{found} entries to confirm" if found else "every entry is confirmed", file=sys.stderr)
    return 0


def _months_before(day: date, months: int) -> date:
    total = day.year * 12 + day.month - 1 - months
    year, month = divmod(total, 12)
    for last in (31, 30, 29, 28):  # the same day, or the month's last if it is shorter
        try:
            return date(year, month + 1, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable")
