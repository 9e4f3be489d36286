"""One walk per language through every page in a real browser, for every check that looks at
every page: each page is loaded once, at a phone's width (390 px), then narrowed to 320 px and
its text enlarged, and every per-page check runs on that load. The tests that read a check's results stay with their concept
(test_locales_browser, test_neutral_traces_browser, test_privacy_screen_browser,
test_reflow_browser, test_info_browser); each says which check failed on
which page, and that the check ran on every page it covers.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from pwa import info
from tests.conftest import PHONE
from tests.helpers import axe_violations
from tests.neutral_words import telling_words
from tests.page_scripts import (
    HIDE_LOOK_SHOW, MEASURE, NARROW, OVERFLOW_SCRIPT, PLAN_OPEN, QUICK_EXIT_SCRIPT, TYPE_EVERYWHERE)

# Not under test-results/, which pytest-playwright empties at the start of every run.
ARTEFACTS = Path(__file__).resolve().parent.parent / "test-artifacts" / "rtl"
SCREENSHOTS = ("", "services", "plan")
# The pages whose links the crawl from /info and /about follows (test_info_browser).
CRAWLED = ("about", *info.family.paths)
TYPED = "Zq-geheim"

# The checks, by the name a failure reports.
STATUS = "status"
KEPT_TITLE = "title the browser keeps"
MANIFEST = "manifest the browser reads"
LANG_DIR = "lang and dir"
OVERFLOW = "overflow at 390 px"
QUICK_EXIT = "quick exit visible and first"
AXE = "axe-core at 390 px"
LINKS = "links"
PRIVACY_SCREEN = "privacy screen"
PLAN_COVERED = "plan with her text covered"
REFLOW = "reflow at 320 px"
REFLOW_TEXT = "reflow with 200 % text"


@dataclass
class Walk:
    """What every check found on the pages of one language: ``paths`` are its pages and its
    page for an unknown address, in the site's order."""

    code: str
    paths: list[str]
    checked: dict[str, list[str]] = field(default_factory=dict)  # check -> the pages it ran on
    found: dict[str, dict[str, Any]] = field(default_factory=dict)  # check -> page -> what was wrong
    typed: int = 0  # text fields the privacy screen had to cover, over all pages
    screens: dict[str, dict] = field(default_factory=dict)  # page -> what the privacy screen covered
    links: dict[str, dict[str, list[str]]] = field(default_factory=dict)  # page -> "all" / "main" -> hrefs

    @property
    def not_found(self) -> str:
        return f"/{self.code}/no-such-page"

    def run(self, check: str, path: str, look: Callable[[], Any]) -> None:
        """Runs one check on the loaded page; anything it returns, or raises, is a failure."""
        self.checked.setdefault(check, []).append(path)
        try:
            problem = look()
        except Exception as error:  # a check that breaks fails on this page, the walk goes on
            problem = f"{type(error).__name__}: {error}"
        if problem:
            self.found.setdefault(check, {})[path] = problem

    def problems(self, check: str, on: list[str] | None = None) -> list[str]:
        """Every failure of one check, by page, and every page it should have run on and did not."""
        expected = self.paths if on is None else on
        missed = [path for path in expected if path not in self.checked.get(check, [])]
        return [f"{check}: not checked on {path}" for path in missed] + [
            f"{check} on {path}: {problem}" for path, problem in self.found.get(check, {}).items() if path in expected]


def assert_passes(walk: Walk, check: str, on: list[str] | None = None) -> None:
    """Fails with every page the check failed on, or did not run on."""
    problems = walk.problems(check, on)
    assert not problems, "\n".join(problems)


def _status(response, path: str, not_found: str) -> str | None:
    expected = 404 if path == not_found else 200
    return None if response is not None and response.status == expected else f"{response and response.status} (not {expected})"


def _kept_title(page, cdp, app_name: str, code: str) -> Any:
    """The title the browser shows in its tabs and list of open apps and keeps in its history."""
    kept = cdp.send("Target.getTargetInfo")["targetInfo"]["title"]
    if kept != page.title() or not kept.startswith(app_name + " · "):
        return f"{kept!r} is not {page.title()!r} or does not start with {app_name!r}"
    return telling_words(kept, code) and f"{kept!r} says {telling_words(kept, code)}"


def _texts(value: object) -> list[str]:
    """Every string in a manifest, wherever it sits (names, descriptions, and any added later)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [text for item in value.values() for text in _texts(item)]
    if isinstance(value, list):
        return [text for item in value for text in _texts(item)]
    return []


def _manifest(cdp, server: str, code: str, tag: str) -> list[str]:
    found = cdp.send("Page.getAppManifest")
    if found["url"] != server + f"/{code}/manifest.json" or found["errors"] != []:
        return [f"{found['url']}: {found['errors']}"]
    manifest = json.loads(found["data"])
    problems = [] if manifest["lang"] == tag else [f"lang {manifest['lang']!r}, not {tag!r}"]
    problems += [f"no {key}" for key in ("name", "short_name", "description") if not manifest.get(key)]
    texts = _texts(manifest)
    problems += [] if manifest.get("name") in texts else ["its name is not among its texts"]
    problems += [f"{text!r} says {telling_words(text, code)}" for text in texts if telling_words(text, code)]
    # What the browser made of it: the name in the list of installed apps and in its details.
    parsed = found["manifest"]
    if (parsed.get("name"), parsed.get("description")) != (manifest.get("name"), manifest.get("description")):
        problems.append(f"the browser read {parsed}")
    return problems


def _lang_dir(page, tag: str, direction: str) -> Any:
    seen = (page.get_attribute("html", "lang"), page.get_attribute("html", "dir"))
    return seen != (tag, direction) and seen


def _overflow(page) -> Any:
    found = page.evaluate(OVERFLOW_SCRIPT)
    return (found["scroll"] > found["width"] or found["out"]) and found


def _quick_exit(page) -> Any:
    found = page.evaluate(QUICK_EXIT_SCRIPT)
    return found != {"first": ["#main", "quick-exit"], "visible": True} and found


def _links(walk: Walk, page, path: str) -> None:
    walk.links[path] = {
        "all": page.eval_on_selector_all("a[href], link[href]", "els => els.map(e => e.href)"),
        "main": page.eval_on_selector_all("main a[href]", "els => els.map(e => e.getAttribute('href'))"),
    }


def screen_problems(page, text: str = TYPED) -> tuple[dict, list[str]]:
    """Types into every text field she can see, hides the page and looks: what the screen did."""
    typed = page.evaluate(TYPE_EVERYWHERE, text)
    state = page.evaluate(HIDE_LOOK_SHOW)
    problems = [] if state["centre"] and state["bar"] else ["the centre or the quick exit is not covered"]
    problems += [] if state["fields"] == typed and state["uncovered"] == [] else [f"typed into {typed} fields"]
    problems += [] if state["gone"] else ["still there when she comes back"]
    return state, [f"{problem}: {state}" for problem in problems]


def _privacy_screen(walk: Walk, page, path: str) -> list[str]:
    state, problems = screen_problems(page)
    walk.typed += state["fields"]
    walk.screens[path] = state
    return problems


def _plan_covered(page, state: dict) -> list[str]:
    """Her words in the plan, as the privacy screen left it: all its fields were covered, and
    the plan stays open (its own lock waits for a longer time away), still free of axe-core
    violations."""
    problems = [] if state["fields"] >= 10 else [f"only {state['fields']} fields: {state}"]
    if not (page.is_visible("[data-plan-sections]") and page.is_hidden("[data-plan-unlock]")):
        problems.append("the plan closed")
    if page.input_value("textarea") != TYPED:
        problems.append(f"its text is {page.input_value('textarea')!r}")
    return problems + [f"axe: {violations}" for violations in [axe_violations(page)] if violations]


def reflows(page) -> str | None:
    found = page.evaluate(MEASURE)
    return None if found["wide"] <= found["screen"] else f"{found['wide']}px > {found['screen']}px: {found['out']}"


def _at_phone_width(walk: Walk, browser, server: str, app) -> None:
    code = walk.code
    language = app.state.templates.by_code[code]
    app_name = app.state.templates.gettext(code, "Wegweiser")
    context = browser.new_context(viewport=PHONE, service_workers="block")
    context.route("https://example.org/**", lambda route: route.fulfill(body="ok"))
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    try:
        for path in walk.paths:
            try:
                response = page.goto(server + path)
                if page.locator("[data-module=plan]").count():
                    page.wait_for_function(PLAN_OPEN)
            except Exception as error:  # the page's checks say they did not run on it
                walk.run(STATUS, path, lambda: f"{type(error).__name__}: {error}")
                continue
            walk.run(STATUS, path, lambda: _status(response, path, walk.not_found))
            walk.run(KEPT_TITLE, path, lambda: _kept_title(page, cdp, app_name, code))
            if path == f"/{code}/":
                walk.run(MANIFEST, path, lambda: _manifest(cdp, server, code, language.tag))
            walk.run(LANG_DIR, path, lambda: _lang_dir(page, language.tag, language.dir))
            walk.run(OVERFLOW, path, lambda: _overflow(page))
            walk.run(QUICK_EXIT, path, lambda: _quick_exit(page))
            if path[len(code) + 2:] in CRAWLED:
                walk.run(LINKS, path, lambda: _links(walk, page, path))
            walk.run(AXE, path, lambda: axe_violations(page))
            if language.dir == "rtl" and path[len(code) + 2:] in SCREENSHOTS:
                ARTEFACTS.mkdir(parents=True, exist_ok=True)
                page.screenshot(path=str(ARTEFACTS / f"{path.strip('/').replace('/', '-') or code}.png"), full_page=True)
            _at_320_px(walk, page, path)
            # Last: it types into the page's fields.
            walk.run(PRIVACY_SCREEN, path, lambda: _privacy_screen(walk, page, path))
            if path == f"/{code}/plan":
                walk.run(PLAN_COVERED, path, lambda: _plan_covered(page, walk.screens[path]))
    finally:
        context.close()


def _at_320_px(walk: Walk, page, path: str) -> None:
    """The same page narrowed to 320 px, as a phone's zoom does (reflow: WCAG 1.4.10), then with
    text enlarged (the styles are in rem and em, so a root font size of 200 % enlarges all text),
    then as it was: one load serves every width."""
    try:
        page.set_viewport_size(NARROW)
        walk.run(REFLOW, path, lambda: reflows(page))
        page.evaluate("document.documentElement.style.fontSize = '200%'")
        walk.run(REFLOW_TEXT, path, lambda: reflows(page))
    finally:
        page.evaluate("document.documentElement.style.fontSize = ''")
        page.set_viewport_size(PHONE)


def walk_language(browser, server: str, app, code: str) -> Walk:
    walk = Walk(code, [*app.state.site.page_paths(code), f"/{code}/no-such-page"])
    _at_phone_width(walk, browser, server, app)
    return walk
