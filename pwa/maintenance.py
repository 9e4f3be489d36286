"""What the maintainers' command lines share: reading entry files, refusing bad input, running.

A refused command prints why (naming the entry and the field) and writes nothing.
Exit status: 0 done, 1 refused, 2 wrong usage.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Any, Callable

import yaml

from pwa.store import load_yaml

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DB = ROOT / "var" / "db.json"


class Refused(Exception):
    """Bad input or an impossible change: the message goes to stderr, nothing is written."""

    def __init__(self, *lines: str) -> None:
        super().__init__("\n".join(lines))
        self.lines = lines


Register = Callable[[str, Callable[..., int], str], argparse.ArgumentParser]


def command_parser(prog: str, description: str, epilog: str | None = None) -> tuple[argparse.ArgumentParser, Register]:
    """A parser with --db (before or after the command) and a function that adds a command."""
    parser = argparse.ArgumentParser(
        prog=prog, description=description, epilog=epilog, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--db", metavar="PATH", help="the database file (default: $DATABASE_PATH or var/db.json)")
    # --db also after the command; SUPPRESS keeps it from resetting a --db given before it.
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(name: str, run: Callable[..., int], help: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, parents=[common], help=help, description=help)
        sub.set_defaults(run=run)
        return sub

    return parser, command


def database_path(option: str | None) -> Path:
    return Path(option or os.environ.get("DATABASE_PATH") or DEFAULT_DB)


def run(parser: argparse.ArgumentParser, argv: list[str] | None, command: Callable[[argparse.Namespace], int]) -> int:
    """Parse the arguments and run the command, turning refusals and errors into exit codes."""
    try:
        args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    except SystemExit as stop:  # argparse exits on --help and on wrong usage
        return stop.code if isinstance(stop.code, int) else 2
    try:
        return int(command(args))
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


def read_entry(name: str) -> dict[str, Any]:
    doc = read_file(name)
    if not isinstance(doc, dict):
        raise Refused(f"{name}: must hold one entry, a mapping of fields")
    return doc


def refuse_invalid(errors: list[str]) -> None:
    if errors:
        raise Refused(*errors)


def to_yaml(data: Any) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)
