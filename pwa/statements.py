"""What the information and plan texts say beyond a phone number, and where each statement comes from.

``data/statements.yaml`` copies from the shared help facts the ``guidance`` (general statements:
how violence often goes, what is dangerous, what helps), the ``legal`` facts and the Runder
Tisch's description, with their ids, sources and dates. A text that makes such a statement
carries the ids it rests on as data attributes (:class:`Backing`): ``data-guidance``,
``data-legal``, and ``data-directory`` for what a directory entry says. Unknown guidance and
legal ids fail at once, when a plan section is declared or a page is rendered.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping

from markupsafe import Markup, escape

from pwa.settings import ROOT
from pwa.store import load_yaml

STATEMENTS_FILE = ROOT / "data" / "statements.yaml"


@dataclass(frozen=True)
class Statements:
    """The copied facts: each guidance and legal entry by id, the Runder Tisch, and the dates."""

    as_of: str  # the day the shared help facts were read
    guidance: Mapping[str, Mapping[str, Any]]
    legal: Mapping[str, Mapping[str, Any]]
    runder_tisch: Mapping[str, Any]

    @classmethod
    def load(cls, path: Any = STATEMENTS_FILE) -> "Statements":
        data = load_yaml(path)
        return cls(
            as_of=data["as_of"],
            guidance={entry["id"]: entry for entry in data["guidance"]},
            legal={entry["id"]: entry for entry in data["legal"]},
            runder_tisch=data["runder_tisch"],
        )


STATEMENTS = Statements.load()


def _ids(value: str | tuple[str, ...]) -> tuple[str, ...]:
    return tuple(value.split()) if isinstance(value, str) else tuple(value)


@dataclass(frozen=True)
class Backing:
    """The sources of one text: guidance and legal ids of data/statements.yaml, directory ids."""

    guidance: tuple[str, ...] = ()
    legal: tuple[str, ...] = ()
    directory: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        for kind, known in (("guidance", STATEMENTS.guidance), ("legal", STATEMENTS.legal)):
            unknown = [entry for entry in getattr(self, kind) if entry not in known]
            if unknown:
                raise KeyError(f"{kind} not in {STATEMENTS_FILE.name}: {', '.join(unknown)}")

    def attributes(self) -> Markup:
        """The data attributes that name the sources, e.g. ` data-guidance="trennung-gefaehrlich"`."""
        return Markup("").join(
            Markup(' data-{}="{}"').format(kind, escape(" ".join(ids)))
            for kind, ids in (("guidance", self.guidance), ("legal", self.legal), ("directory", self.directory))
            if ids
        )


def backed(guidance: str | tuple[str, ...] = (), legal: str | tuple[str, ...] = (), directory: str | tuple[str, ...] = ()) -> Markup:
    """For templates: ``<p{{ backed(guidance="gewaltspirale") }}>``; ids separated by spaces."""
    return Backing(_ids(guidance), _ids(legal), _ids(directory)).attributes()
