"""Static files as served: JavaScript without its comment lines and CSS without its comments,
and still the same program and the same rules."""

from __future__ import annotations

from pwa.static import css_without_comments, without_comments
from tests.node import run

SOURCE = '''// @ts-check
/**
 * A module.
 * @param {string} text
 */
export function f(text) {
  // why, briefly
  const url = "https://example.org/"; // kept: after code
  /** @type {HTMLElement} */ (document.body).hidden = false;
  const slashes = /\\/\\/|\\/\\*/g;
  /* one */ const after = 1;
  return text.replace(slashes, url) + after;
}
'''


def test_comment_lines_are_blank_and_code_stays_line_for_line():
    served = without_comments(SOURCE)
    lines = served.split("\n")
    assert len(lines) == len(SOURCE.split("\n"))
    assert lines[:5] == ["", "", "", "", ""]
    assert lines[5] == "export function f(text) {"
    assert lines[6] == ""
    assert lines[7] == '  const url = "https://example.org/"; // kept: after code'
    assert lines[8] == "  (document.body).hidden = false;"
    assert lines[9] == SOURCE.split("\n")[9]
    assert lines[10] == "  const after = 1;"
    assert "why" not in served and "A module" not in served


def test_a_file_with_a_string_over_several_lines_is_served_as_written():
    for source in ("const t = `a\n// not a comment\n`;\n", 'const s = "a\\\n// not a comment";\n'):
        assert without_comments(source) == source


def test_every_served_module_is_still_valid_javascript(app, tmp_path):
    (tmp_path / "package.json").write_text('{"type": "module"}', encoding="utf-8")
    served = {key: asset for key, asset in app.state.assets.assets.items() if key.endswith(".js")}
    assert len(served) > 10
    for key, asset in served.items():
        source = (app.state.settings.static_dir / key).read_text(encoding="utf-8")
        body = asset.body.decode("utf-8")
        assert len(body) < len(source) and body.count("\n") == source.count("\n"), key
        path = tmp_path / key.replace("/", "_")
        path.write_text(body, encoding="utf-8")
        result = run("--check", str(path))
        assert result.returncode == 0, (key, result.stderr)


def test_css_comments_go_line_for_line_and_rules_stay():
    source = "/* the brand\n   colour */\n:root { --brand: #1d4ed8; } /* after */\n.a::before { content: \"›\"; }\n"
    served = css_without_comments(source)
    assert served.split("\n") == ["", "", ":root { --brand: #1d4ed8; } ", '.a::before { content: "›"; }', ""]
    # "/*" inside a string could start no comment: such a file is served as written.
    tricky = '.a::after { content: "/*"; } /* x */\n'
    assert css_without_comments(tricky) == tricky


def test_every_stylesheet_is_served_without_comments(app):
    sheets = [key for key in app.state.assets.assets if key.endswith(".css")]
    assert sheets
    for key in sheets:
        assert "/*" not in app.state.assets.assets[key].body.decode("utf-8"), key
