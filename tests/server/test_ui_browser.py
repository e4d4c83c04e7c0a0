"""The web UI end to end in headless Debian Chromium (Playwright), on the seeds and on hostile text.

Each view is saved as a screenshot under tests/artifacts/. Skipped, with the reason, when
/usr/bin/chromium, the playwright package or the built UI is missing.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from nwserver_support import ARTIFACTS, STATIC, LiveServer, build_db

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--disable-gpu"]

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="/usr/bin/chromium is absent (apt-get install -y chromium)"),
    pytest.mark.skipif(not (STATIC / "app.js").exists(), reason="web UI not built (make install, or npm ci && npm run build in web/)"),
]


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture()
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 860})
    page = context.new_page()
    page.dialogs = []
    page.console_errors = []
    page.on("dialog", lambda d: (page.dialogs.append(d.message), d.dismiss()))
    page.on("console", lambda m: m.type == "error" and page.console_errors.append(m.text))
    page.on("pageerror", lambda e: page.console_errors.append(str(e)))
    yield page
    context.close()


@pytest.fixture(scope="module")
def seeds_server(seeds_db):
    server = LiveServer(seeds_db)
    yield server
    server.stop()


def shot(page, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=False)


def sign_in(page, server) -> None:
    """Open the address `newsweave serve` printed, as a user does: it carries the token once."""
    page.goto(server.open_url)
    ready(page)


def ready(page) -> None:
    page.wait_for_selector("body[data-ready=yes]", timeout=20_000)


def open_graph(page, server) -> None:
    sign_in(page, server)
    page.goto(f"{server.url}/#/graph")
    ready(page)
    page.wait_for_function("window.__newsweave && window.__newsweave.cy.nodes().length > 0", timeout=20_000)
    page.wait_for_timeout(300)


def click_edge(page, a_pattern: str, b_pattern: str) -> bool:
    """Tap the edge between nodes whose labels match the patterns; else the strongest edge.

    The tap goes to the edge itself through Cytoscape's event (the handler the UI registers for a
    click), not to pixel coordinates: with the force layout another edge may cross the midpoint,
    and a mouse click there opened that edge's evidence instead."""
    found = page.evaluate(
        """([a, b]) => {
            const cy = window.__newsweave.cy, ra = new RegExp(a, 'i'), rb = new RegExp(b, 'i');
            let edge = cy.edges().filter(e => {
                const s = e.source().data('label'), t = e.target().data('label');
                return (ra.test(s) && rb.test(t)) || (rb.test(s) && ra.test(t)); })[0];
            const wanted = !!edge;
            if (!edge) edge = cy.edges().sort((x, y) => y.data('width') - x.data('width'))[0];
            cy.fit(edge.connectedNodes(), 120);
            edge.emit('tap');
            return wanted;
        }""", [a_pattern, b_pattern])
    return found


def test_graph_shows_actors_and_relations(page, seeds_server):
    open_graph(page, seeds_server)
    counts = page.evaluate("[window.__newsweave.cy.nodes().length, window.__newsweave.cy.edges().length]")
    assert counts[0] >= 3 and counts[1] >= 1
    labels = page.evaluate("window.__newsweave.cy.nodes().map(n => n.data('label'))")
    assert any("Russia" in label for label in labels)
    shot(page, "graph")
    assert not page.console_errors


def test_russia_haftar_edge_opens_its_evidence_and_document(page, seeds_server):
    open_graph(page, seeds_server)
    wanted = click_edge(page, "^Russia$", "Haft|Hafter")
    page.wait_for_selector("#evidence-list .card", timeout=20_000)
    ready(page)
    sentences = page.locator("#evidence-list .sentence").all_text_contents()
    assert sentences
    shot(page, "evidence")
    page.locator("#evidence-list a.open-evidence").first.click()
    page.wait_for_selector("#doctext mark.hl", timeout=20_000)
    ready(page)
    highlighted = page.locator("#doctext mark.hl").first.text_content()
    assert highlighted.strip() and highlighted.strip()[:20] in sentences[0]
    assert page.locator("#doctext .r-body").count() >= 1
    shot(page, "document")
    if not wanted:
        pytest.xfail("no Russia–Haftar edge in this build's events; clicked the strongest edge instead")
    assert any(re.search(r"Haft|Hafter", s) for s in sentences) or page.locator("h2").first.text_content().count("Haf")


def test_date_slider_filters_the_graph(page, seeds_server):
    open_graph(page, seeds_server)
    before = page.evaluate("window.__newsweave.graph.edges.length")
    label_before = page.locator("#date-label").text_content()
    top = int(page.locator("#since-slider").get_attribute("max"))
    page.locator("#since-slider").fill(str(top // 2))
    page.wait_for_function("window.__newsweave && document.querySelector('#date-label') && "
                           f"document.querySelector('#date-label').textContent !== {label_before!r}", timeout=20_000)
    ready(page)
    page.wait_for_timeout(300)
    after = page.evaluate("window.__newsweave.graph.edges.length")
    assert after <= before
    assert page.locator("#date-label").text_content() != label_before
    shot(page, "graph-date-window")


def test_search_sidi_barrani_finds_document_003(page, seeds_server):
    sign_in(page, seeds_server)
    page.fill("#search-box", "Sidi Barrani")
    page.press("#search-box", "Enter")
    page.wait_for_selector("#search-results .search-hit", timeout=20_000)
    ready(page)
    names = page.locator("#search-results .doc-name").all_text_contents()
    assert any(name.startswith("003_") for name in names)
    assert page.locator("#search-results mark").count() >= 1
    shot(page, "search")


def test_timeline_map_and_actor_page(page, seeds_server):
    sign_in(page, seeds_server)
    page.goto(f"{seeds_server.url}/#/timeline")
    page.wait_for_selector("#timeline-list .card", timeout=20_000)
    ready(page)
    shot(page, "timeline")
    page.goto(f"{seeds_server.url}/#/map")
    page.wait_for_selector("#mapsvg circle", timeout=20_000)
    ready(page)
    assert page.locator("#mapsvg path.country").count() > 100
    page.locator("#mapsvg circle").first.dispatch_event("click")
    page.wait_for_selector("#place-events .card", timeout=20_000)
    shot(page, "map")
    page.goto(f"{seeds_server.url}/#/actor/RUS")
    page.wait_for_selector("#actor-relations tr td", timeout=20_000)
    ready(page)
    assert page.locator("#actor-name").text_content() == "Russia"
    assert page.locator("form.correction").count() == 3
    shot(page, "actor")
    page.goto(f"{seeds_server.url}/#/documents")
    page.wait_for_selector("table tr td a", timeout=20_000)
    shot(page, "documents")


@pytest.fixture(scope="module")
def hostile_server(tmp_path_factory):
    server = LiveServer(build_db(tmp_path_factory.mktemp("hostile") / "hostile.db"))
    yield server
    server.stop()


def assert_no_payload_ran(page):
    assert page.dialogs == [], page.dialogs
    assert page.locator("#pwned-img").count() == 0
    assert page.locator("#pwned-link").count() == 0
    assert page.locator("#view img, #view script, #view iframe").count() == 0
    scripts = page.evaluate("[...document.scripts].map(s => s.src)")
    assert len(scripts) == 1 and scripts[0].endswith("/static/app.js")


def test_hostile_document_text_is_shown_as_text_and_never_runs(page, hostile_server):
    sign_in(page, hostile_server)
    url = hostile_server.url
    for route, wait in (("#/doc/doc3", "#doctext"), ("#/graph", "#graph canvas"), ("#/actor/EGY", "#actor-name"),
                        ("#/edge/EGY/RUS", "#evidence-list .card"), ("#/search/Egypt%20threatened", ".search-hit"),
                        ("#/timeline", "#timeline-list .card"), ("#/documents", "table td")):
        page.goto(f"{url}/{route}")
        page.wait_for_selector(wait, timeout=20_000)
        ready(page)
        page.wait_for_timeout(200)
        assert_no_payload_ran(page)
    page.goto(f"{url}/#/doc/doc3")
    page.wait_for_selector("#doctext")
    ready(page)
    text = page.locator("#doctext").text_content()
    assert "<script>alert('xss-script')</script>" in text and "onerror=" in text and "javascript:alert" in text
    # the javascript: URL of the page is shown as text, never as a link
    assert page.locator("a[href^='javascript']").count() == 0
    page.wait_for_timeout(500)
    assert_no_payload_ran(page)
    shot(page, "hostile-document")


def test_the_printed_address_signs_in_and_leaves_no_token_behind(page, browser, hostile_server):
    # issue 12, items 3 and 9: a token on loopback too, kept out of the address bar and the cookie
    sign_in(page, hostile_server)
    assert "token" not in page.url and page.url.rstrip("/") == hostile_server.url
    assert page.evaluate("document.cookie") == ""  # HttpOnly: no script reads the session
    cookies = page.context.cookies()
    assert len(cookies) == 1 and cookies[0]["httpOnly"] and cookies[0]["sameSite"] == "Strict"
    assert hostile_server.token not in cookies[0]["value"]
    page.goto(f"{hostile_server.url}/#/actor/RUS")
    page.wait_for_selector("#actor-name", timeout=20_000)
    assert page.locator("#actor-name").text_content() == "Russia"
    # the page's own writes pass the cookie and the Origin check (422: the empty body, not 401/403)
    status = page.evaluate("""fetch('/api/corrections/rename', {method: 'POST',
        headers: {'Content-Type': 'application/json'}, body: '{}'}).then(r => r.status)""")
    assert status == 422
    stranger = browser.new_context()
    try:
        assert stranger.new_page().goto(f"{hostile_server.url}/").status == 401
    finally:
        stranger.close()
