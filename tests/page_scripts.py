"""What the per-page checks measure inside the page (tests/page_walk.py runs them on every page,
and the tests of each concept on the pages they pick)."""

from __future__ import annotations

NARROW = {"width": 320, "height": 640}


# -- every page at a phone's width (test_locales_browser) ------------------------------------

OVERFLOW_SCRIPT = """() => {
  const width = document.documentElement.clientWidth;
  const out = [];
  for (const el of document.querySelectorAll('body *')) {
    const style = getComputedStyle(el);
    if (style.display === 'none' || style.visibility === 'hidden' || el.closest('[hidden], .visually-hidden, details:not([open]) > :not(summary)')) continue;
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;
    if (r.right > width + 1 || r.left < -1) out.push(el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (el.className && typeof el.className === 'string' ? '.' + el.className.split(' ')[0] : '') + ' ' + Math.round(r.left) + '..' + Math.round(r.right));
  }
  return {scroll: document.documentElement.scrollWidth, width, out: out.slice(0, 5)};
}"""


# The first two things a keyboard reaches (the skip link, then the quick exit), and whether the
# quick exit is on screen without scrolling.
QUICK_EXIT_SCRIPT = """() => {
  const focusable = [...document.querySelectorAll('a[href], button, input, select, textarea, summary, [tabindex]')]
    .filter((el) => el.tabIndex >= 0 && !el.closest('[hidden]') && getComputedStyle(el).display !== 'none');
  const exit = document.getElementById('quick-exit');
  const r = exit ? exit.getBoundingClientRect() : null;
  const style = exit ? getComputedStyle(exit) : null;
  return {
    first: focusable.slice(0, 2).map((el) => el.id || el.getAttribute('href')),
    visible: !!r && r.width >= 44 && r.height >= 44 && r.top >= 0 && r.bottom <= innerHeight
      && r.left >= 0 && r.right <= document.documentElement.clientWidth
      && style.visibility !== 'hidden' && Number(style.opacity) > 0,
  };
}"""


# -- the privacy screen (test_privacy_screen_browser) ---------------------------------------

TEXT_FIELDS = """(e) => (e.tagName === "TEXTAREA" || ["text", "search", "password", "email", "tel", "url", "number"].includes(e.type))
  && e.checkVisibility()"""


# Types into every text field she can see now, as she would have.
TYPE_EVERYWHERE = f"""(text) => {{
  const fields = [...document.querySelectorAll("input, textarea")].filter({TEXT_FIELDS});
  for (const field of fields) field.value = field.type === "number" ? "1" : text;
  return fields.length;
}}"""


# Hides the page as the browser does when she switches apps, looks at once (no await between the
# event and the look: the same task), then shows it again.
HIDE_LOOK_SHOW = f"""() => {{
  const screen = document.querySelector("[data-privacy-screen]");
  const become = (state) => {{
    Object.defineProperty(document, "visibilityState", {{ value: state, configurable: true }});
    document.dispatchEvent(new Event("visibilitychange"));
  }};
  const at = (x, y) => document.elementFromPoint(x, y);
  const centreOf = (element) => {{
    const box = element.getBoundingClientRect();
    return [box.left + box.width / 2, box.top + box.height / 2];
  }};
  const [x, y] = [scrollX, scrollY];
  become("hidden");
  const centre = at(innerWidth / 2, innerHeight / 2) === screen;
  const bar = at(...centreOf(document.querySelector("#quick-exit"))) === screen;
  const fields = [...document.querySelectorAll("input, textarea")].filter((e) => e.value && ({TEXT_FIELDS})(e));
  const uncovered = [];
  for (const field of fields) {{
    field.scrollIntoView({{ block: "center" }});
    if (at(...centreOf(field)) !== screen) uncovered.push(field.id || field.name || field.outerHTML.slice(0, 80));
  }}
  scrollTo(x, y);
  become("visible");
  delete document.visibilityState;  // the browser's own again
  const back = document.elementFromPoint(innerWidth / 2, innerHeight / 2);
  return {{ centre, bar, fields: fields.length, uncovered,
           gone: screen.hidden && back !== screen && getComputedStyle(screen).display === "none" }};
}}"""


# The plan has started: its no-script note is gone and the open plan is shown.
PLAN_OPEN = "() => !document.querySelector('[data-plan-nojs]') && !document.querySelector('[data-plan-sections]').hidden"


# -- reflow (test_reflow_browser) -----------------------------------------------------------

# The page's width beyond the screen, and what sticks out on the side one can scroll to (the
# end of the line: right, or left in right-to-left pages), so a failure says where to look.
MEASURE = """() => {
  const screen = window.innerWidth;
  const wide = document.documentElement.scrollWidth;
  const rtl = getComputedStyle(document.documentElement).direction === "rtl";
  const out = [];
  if (wide > screen) {
    for (const element of document.body.querySelectorAll("*")) {
      const box = element.getBoundingClientRect();
      if (box.width && (rtl ? box.left < -0.5 : box.right > screen + 0.5)) {
        const name = element.tagName.toLowerCase() + (element.className ? "." + String(element.className).split(" ").join(".") : "");
        out.push(`${name} ${Math.round(box.left)}..${Math.round(box.right)}`);
      }
      if (out.length >= 4) break;
    }
  }
  return { wide, screen, out };
}"""
