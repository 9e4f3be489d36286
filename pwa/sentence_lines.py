"""One sentence per line, for a way of writing that asks for it (Leichte Sprache).

Its catalogue separates the sentences of a text with a newline. A template does not know where
a text lands, so while such a page renders its translations carry a mark (LINE) in place of each
newline, and the finished page is gone over once (pages are rendered once and kept): in the
page's text a mark becomes a line break; where markup cannot go (attributes, which also carry the
texts JavaScript shows, and the title, options, text areas, scripts and styles) it becomes a
space. Texts that leave the page another way (manifests, JSON) get spaces (``spaced``).
"""

from __future__ import annotations

import json
import re
from typing import Any, Callable

from babel.support import NullTranslations

# A Unicode noncharacter: set aside for a program's own use, so no text or template contains it.
LINE = "\ufdd0"
BREAK = "<br>\n"  # the newline after it keeps the sentences apart in textContent
# Elements whose content is text only: a line break there would show as "<br>" or be dropped.
_TEXT_ONLY = {"title", "option", "textarea", "script", "style"}
# A comment, or a tag with its attributes (quoted values may hold ">").
_MARKUP = re.compile(r"<!--.*?-->|<(/?)([a-zA-Z][a-zA-Z0-9-]*)(?:[^>\"']|\"[^\"]*\"|'[^']*')*>", re.S)


def spaced(text: str) -> str:
    """A translation for a place without lines: its sentences one after another."""
    return text.replace("\n", " ")


def marked_callables(translations: NullTranslations) -> dict[str, Callable[..., str]]:
    """The gettext functions of a catalogue, for Jinja, with each newline marked as LINE."""

    def mark(text: str) -> str:
        return text.replace("\n", LINE)

    return {
        "gettext": lambda message: mark(translations.gettext(message)),
        "ngettext": lambda singular, plural, n: mark(translations.ngettext(singular, plural, n)),
        "pgettext": lambda context, message: mark(translations.pgettext(context, message)),
        "npgettext": lambda context, singular, plural, n: mark(translations.npgettext(context, singular, plural, n)),
    }


def dumps(obj: Any, **kwargs: Any) -> str:
    """JSON for |tojson on such a page: a mark, which JSON would escape out of reach, as a space."""
    return json.dumps(obj, **kwargs).replace("\\ufdd0", " ").replace(LINE, " ")


def break_lines(html: str) -> str:
    """A rendered page with every LINE made a line break in its text and a space elsewhere."""
    if LINE not in html:
        return html
    out: list[str] = []
    text_only = ""  # the text-only element the text is in, if any
    position = 0
    for markup in _MARKUP.finditer(html):
        text = html[position:markup.start()]
        out.append(text.replace(LINE, " " if text_only else BREAK))
        out.append(markup.group().replace(LINE, " "))
        closing, name = markup.group(1), (markup.group(2) or "").lower()
        if text_only and closing and name == text_only:
            text_only = ""
        elif not text_only and not closing and name in _TEXT_ONLY:
            text_only = name
        position = markup.end()
    out.append(html[position:].replace(LINE, " " if text_only else BREAK))
    return "".join(out)
