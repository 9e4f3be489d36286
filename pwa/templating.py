"""Jinja2 rendering: one environment per enabled language, translations and formatting installed once."""

from __future__ import annotations

from typing import Any

from jinja2 import BytecodeCache, Environment, FileSystemLoader, StrictUndefined, select_autoescape
from jinja2.bccache import Bucket
from starlette.requests import Request
from starlette.responses import HTMLResponse

from pwa import i18n, sentence_lines
from pwa.formatting import Formatting
from pwa.settings import Settings
from pwa.static import StaticAssets
from pwa.statements import backed

# The main navigation: (path inside the locale, label). Labels are German source strings.
NAVIGATION = [
    ("", i18n.N_("Start")),
    ("emergency", i18n.N_("Notruf")),
    ("services", i18n.N_("Hilfe finden")),
    ("plan", i18n.N_("Sicherheitsplan")),
    ("info", i18n.N_("Informationen")),
    ("safety", i18n.N_("Sicher nutzen")),
    ("about", i18n.N_("Über uns")),
]


class _CompiledOnce(BytecodeCache):
    """Every language's environment compiles a template to the same code (translations are
    globals, not compiled in): compile it once, for all of them. Kept by file and source, so
    an edited template is compiled again."""

    def __init__(self) -> None:
        self.compiled: dict[tuple[str, str], bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self.compiled.get((bucket.key, bucket.checksum))
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.compiled[(bucket.key, bucket.checksum)] = bucket.bytecode_to_string()


class Templates:
    def __init__(self, settings: Settings, assets: StaticAssets) -> None:
        self.settings = settings
        self.assets = assets
        self.codes = i18n.enabled_codes(settings.locales_dir)
        self.languages = [i18n.language(settings.locales_dir, code) for code in self.codes]
        self.by_code = {lang.code: lang for lang in self.languages}
        self.translations = {
            code: i18n.load_translations(settings.locales_dir, code) for code in self.codes
        }
        self._compiled = _CompiledOnce()
        self.envs = {code: self._environment(code) for code in self.codes}

    def _environment(self, code: str) -> Environment:
        env = Environment(
            loader=FileSystemLoader(self.settings.templates_dir),
            autoescape=select_autoescape(["html", "xml", "svg"]),
            extensions=["jinja2.ext.i18n"],
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            bytecode_cache=self._compiled,
        )
        env.policies["ext.i18n.trimmed"] = True
        gettext = self.translations[code].gettext
        if i18n.sentence_lines(code):  # its newlines are marked, for break_lines (pwa/sentence_lines.py)
            callables = sentence_lines.marked_callables(self.translations[code])
            env.install_gettext_callables(**callables, newstyle=True)  # type: ignore[attr-defined]
            env.policies["json.dumps_function"] = sentence_lines.dumps
            gettext = callables["gettext"]
        else:
            env.install_gettext_translations(self.translations[code], newstyle=True)  # type: ignore[attr-defined]
        env.globals.update(
            lang=self.by_code[code],
            languages=self.languages,
            navigation=NAVIGATION,
            static=self.assets.url,
            quick_exit_url=self.settings.quick_exit_url,
            backed=backed,  # the sources of a statement, as data attributes (pwa/statements.py)
        )
        # Dates, numbers, lists, language names and opening hours in this language.
        env.filters.update(Formatting(i18n.cldr_code(code), gettext).filters())
        return env

    def gettext(self, code: str, message: str) -> str:
        """A translation for outside the pages (manifests, JSON): one line."""
        text = self.translations[code].gettext(message)
        return sentence_lines.spaced(text) if i18n.sentence_lines(code) else text

    def render_string(self, code: str, name: str, context: dict[str, Any]) -> str:
        html = self.envs[code].get_template(name).render(context)
        return sentence_lines.break_lines(html) if i18n.sentence_lines(code) else html

    def response(
        self,
        request: Request,
        code: str,
        name: str,
        context: dict[str, Any] | None = None,
        status_code: int = 200,
        page: str = "",
    ) -> HTMLResponse:
        """Render a page of the app. `page` is its path inside the locale (for the navigation
        and the language switch)."""
        full = {"request": request, "page": page, **(context or {})}
        html = self.render_string(code, name, full)
        return HTMLResponse(
            html, status_code=status_code, headers={"Cache-Control": "no-cache", "Content-Language": self.by_code[code].tag}
        )


def render(
    request: Request, name: str, context: dict[str, Any] | None = None, status_code: int = 200
) -> HTMLResponse:
    """Render a template in the request's language (see pwa/request_state.py)."""
    templates: Templates = request.app.state.templates
    code = request.state.locale
    prefix = f"/{code}/"
    path = request.url.path
    page = path[len(prefix):] if path.startswith(prefix) and status_code < 400 else ""
    response = templates.response(request, code, name, context, status_code=status_code, page=page)
    if request.state.negotiated:  # another browser language gets another page here
        response.headers["Vary"] = "Accept-Language"
    return response
