"""The maintainers' command line: keep the directory, the events and the materials true.

    python -m pwa directory|events|materials [--db PATH] COMMAND ...

    list                      every entry, one line each (events soonest first)
    show ID                   one entry as YAML
    add FILE                  add one entry from a YAML or JSON file ("-" reads standard input)
    edit ID FILE              change the fields given in FILE; a field set to null becomes unknown
    remove ID                 remove an entry
    import FILE               replace all entries with a list in the seed format
    export [FILE]             all entries as YAML, to standard output or FILE (import reads it back)
    validate [FILE]           check every entry of the database, or of a file (nothing is written)
    seed                      replace all entries with the seed in data/; the only command that
                              opens a database that cannot be read: it is kept beside as
                              NAME.broken-TIME and every table is started anew from its seed

    directory only:
    confirm ID [--date DATE]  record that the entry was confirmed by phone (default: today)
    stale [--months 12]       entries never confirmed, or confirmed longer ago than that

The fields are those of pwa/directory_model.py and pwa/about_data.py, as the seeds in data/ show.
The database is --db PATH, else $DATABASE_PATH, else var/db.json; a missing table is created from
its seed. The running server shows every change at its next request. Every change is recorded
in the change log beside the database (var/db.changes.jsonl), as the maintainers' desk's are.

Exit status: 0 done, 1 refused (bad input, unknown id, invalid entry or database), 2 wrong usage.
A refused command prints why, naming the entry and the field, and writes nothing.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Callable

import yaml

from pwa import clock, confirmation
from pwa.about_data import EVENT_RECORDS, MATERIAL_RECORDS
from pwa.change_log import ChangeLog
from pwa.collection import RecordType
from pwa.directory import SERVICE_RECORDS
from pwa.edits import NO_ENTRY, Editor, Refused
from pwa.records import period
from pwa.settings import Settings, change_log_beside
from pwa.store import Store, load_yaml

Doc = dict[str, Any]
Command = Callable[[Store, "Maintained", argparse.Namespace], None]  # refuses by raising Refused
Register = Callable[[str, Command, str], argparse.ArgumentParser]


@dataclass(frozen=True)
class Maintained:
    """A collection as the command line shows it."""

    records: RecordType[Any]
    purpose: str
    columns: str  # what `list` shows of each entry
    line: Callable[[Doc], str]
    order: Callable[[Doc], Any] | None = None  # of `list`; None: as stored
    extra: Callable[[Register], None] | None = None  # commands of this collection only


def main(name: str, argv: list[str] | None = None) -> int:
    """Run ``python -m pwa NAME ...``; returns the exit status."""
    maintained = COLLECTIONS.get(name)
    if maintained is None:
        print(f"error: {name!r} is not one of {', '.join(COLLECTIONS)}", file=sys.stderr)
        return 2
    table = maintained.records.table

    def command(args: argparse.Namespace) -> int:
        settings = Settings.from_env()
        path = Path(args.db) if args.db else settings.database_path
        seeding = args.command == "seed"  # the one command that opens a database that cannot be read
        seeds = dict(settings.seeds) if seeding else {table: settings.seeds[table]}
        args.run(Store(path, seeds, fill_missing=not seeding), maintained, args)
        return 0

    return run(_parser(name, maintained), argv, command)


def _parser(name: str, maintained: Maintained) -> argparse.ArgumentParser:
    epilog = __doc__.split("\n\n", 2)[2] if __doc__ else None
    parser = argparse.ArgumentParser(
        prog=f"python -m pwa {name}",
        description=maintained.purpose,
        epilog=epilog,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--db", metavar="PATH", help="the database file (default: $DATABASE_PATH or var/db.json)")
    # --db also after the command; SUPPRESS keeps it from resetting a --db given before it.
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def register(command: str, run: Command, help: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(command, parents=[common], help=help, description=help)
        sub.set_defaults(run=run)
        return sub

    register("list", _list, f"every entry: {maintained.columns}")
    register("show", _show, "one entry as YAML").add_argument("id")
    register("add", _add, "add one entry from a YAML or JSON file").add_argument("file")
    edit = register("edit", _edit, "change the fields given in a YAML or JSON file")
    edit.add_argument("id")
    edit.add_argument("file")
    register("remove", _remove, "remove an entry").add_argument("id")
    register("import", _import, "replace all entries with the list in a seed-format file").add_argument("file")
    register("export", _export, "all entries as YAML").add_argument("file", nargs="?")
    register("validate", _validate, "check every entry of the database, or of a file").add_argument("file", nargs="?")
    register("seed", _seed, "replace all entries with the seed in data/; a database that cannot be read is started anew")
    if maintained.extra is not None:
        maintained.extra(register)
    return parser


def run(parser: argparse.ArgumentParser, argv: list[str] | None, command: Callable[[argparse.Namespace], int]) -> int:
    """Parse the arguments and run the command, turning refusals and errors into exit codes."""
    try:
        args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    except SystemExit as stop:  # argparse exits on --help and on wrong usage
        return stop.code if isinstance(stop.code, int) else 2
    try:
        return command(args)
    except BrokenPipeError:  # output piped into e.g. `head`, which stopped reading
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except Refused as refused:
        for line in refused.lines:
            print(f"error: {line}", file=sys.stderr)
        return 1
    except (OSError, ValueError) as problem:  # e.g. an unreadable or hand-broken database
        print(f"error: {problem}", file=sys.stderr)
        return 1


# -- files ---------------------------------------------------------------------------------


def read_file(name: str) -> Any:
    """A YAML or JSON file (by its ending; "-" is standard input, read as YAML)."""
    try:
        if name == "-":
            return load_yaml(sys.stdin.read())
        path = Path(name)
        if path.suffix.lower() == ".json":
            return json.loads(path.read_text(encoding="utf-8"))
        return load_yaml(path)
    except FileNotFoundError:
        raise Refused(f"{name}: no such file") from None
    except IsADirectoryError:
        raise Refused(f"{name}: is a folder, not a file") from None
    except (yaml.YAMLError, ValueError) as problem:
        raise Refused(f"{name}: cannot be read: {problem}") from None


def read_entry(name: str) -> Doc:
    doc = read_file(name)
    if not isinstance(doc, dict):
        raise Refused(f"{name}: must hold one entry, a mapping of fields")
    return doc


def refuse_invalid(errors: list[str]) -> None:
    if errors:
        raise Refused(*errors)


def to_yaml(data: Any) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)


def who() -> str:
    """The person at the command line, as the change log names her."""
    try:
        return f"{getpass.getuser()} (Kommandozeile)"
    except (KeyError, OSError):  # no user name known to the system
        return "Kommandozeile"


def editor(store: Store, maintained: Maintained) -> Editor:
    return Editor(store, maintained.records, who(), ChangeLog(change_log_beside(store.path)))


# -- the commands every collection has -----------------------------------------------------


def _list(store: Store, maintained: Maintained, args: argparse.Namespace) -> None:
    docs = store.all(maintained.records.table)
    if maintained.order is not None:
        docs.sort(key=maintained.order)
    for doc in docs:
        print(maintained.line(doc))
    if not docs:
        print(f"no {maintained.records.table}", file=sys.stderr)


def _show(store: Store, maintained: Maintained, args: argparse.Namespace) -> None:
    doc = store.get(maintained.records.table, args.id)
    if doc is None:
        raise Refused(f"{args.id}: {NO_ENTRY}")
    print(to_yaml(doc), end="")


def _add(store: Store, maintained: Maintained, args: argparse.Namespace) -> None:
    doc = read_entry(args.file)
    editor(store, maintained).add(doc)
    print(f"added {doc['id']}")


def _edit(store: Store, maintained: Maintained, args: argparse.Namespace) -> None:
    changes = read_entry(args.file)
    editor(store, maintained).edit(args.id, changes)
    print(f"changed {args.id}: {', '.join(sorted(changes)) or 'nothing'}")


def _remove(store: Store, maintained: Maintained, args: argparse.Namespace) -> None:
    editor(store, maintained).remove(args.id)
    print(f"removed {args.id}")


def _validate(store: Store, maintained: Maintained, args: argparse.Namespace) -> None:
    if args.file is None:
        docs = store.all(maintained.records.table)
        where = f"{maintained.records.table} in the database"
    else:
        read = read_file(args.file)
        docs = read if isinstance(read, list) else [read]
        where = args.file
    refuse_invalid(maintained.records.validate_all(docs))
    print(f"{where}: {len(docs)} entries, all valid")


def _import(store: Store, maintained: Maintained, args: argparse.Namespace) -> None:
    docs = read_file(args.file)
    editor(store, maintained).replace_all(docs)
    print(f"imported {len(docs)} entries")


def _export(store: Store, maintained: Maintained, args: argparse.Namespace) -> None:
    text = to_yaml(store.all(maintained.records.table))
    if args.file is None or args.file == "-":
        sys.stdout.write(text)
    else:
        Path(args.file).write_text(text, encoding="utf-8")
        print(f"exported to {args.file}")


def _seed(store: Store, maintained: Maintained, args: argparse.Namespace) -> None:
    kept = store.reseed([maintained.records.table])
    if kept is not None:
        print(f"the database could not be read: kept as {kept}; every table started anew from its seed")
    print(f"{maintained.records.table}: all entries replaced by the seed")


# -- the directory's own: confirmation by phone --------------------------------------------


def _directory_commands(register: Register) -> None:
    confirm = register("confirm", _confirm, "record that an entry was confirmed by phone")
    confirm.add_argument("id")
    confirm.add_argument("--date", type=_iso_date, help="YYYY-MM-DD (default: today)")
    stale = register("stale", _stale, "entries never confirmed or confirmed too long ago")
    stale.add_argument("--months", type=_months, default=confirmation.STALE_MONTHS, help="default: 12")


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


def _confirm(store: Store, maintained: Maintained, args: argparse.Namespace) -> None:
    day = args.date or clock.today()
    editor(store, maintained).confirm(args.id, day, clock.today())
    print(f"confirmed {args.id} on {day.isoformat()}")


def _stale(store: Store, maintained: Maintained, args: argparse.Namespace) -> None:
    found = confirmation.stale(store.all(maintained.records.table), clock.today(), args.months)
    for doc in found:
        checked = confirmation.checked(doc)
        print(f"{doc['id']:<36} " + (f"last confirmed {checked}" if checked else "never confirmed"))
    print(f"{len(found)} entries to confirm" if found else "every entry is confirmed", file=sys.stderr)


# -- the collections -----------------------------------------------------------------------


def _service_line(doc: Doc) -> str:
    fields = (doc.get("id"), doc.get("kind"), doc.get("checked") or "unconfirmed", doc.get("name"))
    entry_id, kind, checked, name = (str(field) for field in fields)
    return f"{entry_id:<36} {kind:<13} {checked:<12} {name}"


def _event_line(doc: Doc) -> str:
    when = str(doc.get("date", "?")) + (f" to {doc['end_date']}" if doc.get("end_date") else "")
    return f"{str(doc.get('id', '?')):<44} {when:<24} {doc.get('title', '')}"


def _event_order(doc: Doc) -> tuple[str, str]:
    try:
        return period(doc.get("date", ""))[0].isoformat(), str(doc.get("id", ""))
    except ValueError:
        return "", str(doc.get("id", ""))


def _material_line(doc: Doc) -> str:
    return f"{str(doc.get('id', '?')):<44} {str(doc.get('kind', '?')):<10} {doc.get('title', '')}"


COLLECTIONS: dict[str, Maintained] = {
    "directory": Maintained(
        SERVICE_RECORDS, "Keep the help directory true.", "id, kind, date confirmed, name", _service_line,
        extra=_directory_commands,
    ),
    "events": Maintained(
        EVENT_RECORDS, "Keep the Runder Tisch's events true.", "id, dates, title; soonest first", _event_line,
        order=_event_order,
    ),
    "materials": Maintained(MATERIAL_RECORDS, "Keep the Runder Tisch's materials true.", "id, kind, title", _material_line),
}
