"""The web UI end to end in headless Debian Chromium (Playwright), on the seeds and on hostile text.

Each view is saved as a screenshot under tests/artifacts/. Skipped, with the reason, when
/usr/bin/chromium, the playwright package or the built UI is missing.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from nwserver_support import ARTIFACTS, STATIC, XSS_SCRIPT, LiveServer, build_db

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


# --- issue 14: the Situation page, worked tables, graph, map and timeline -------------------------

def api(page, path: str):
    return page.evaluate("p => fetch(p).then(r => r.json())", path)


def goto(page, server, route: str, wait: str) -> None:
    page.goto(f"{server.url}/{route}")
    page.wait_for_selector(wait, timeout=20_000)
    ready(page)


def visible_rows(page) -> list[list[str]]:
    return page.evaluate("[...document.querySelectorAll('#data-table tbody tr')].map(tr => [...tr.cells].map(td => td.textContent))")


def test_situation_page_is_the_landing_view_with_sides_and_the_dispute(page, seeds_server):
    sign_in(page, seeds_server)
    page.wait_for_selector("#situation-disputes", timeout=20_000)
    disputes = api(page, "/api/contradictions")["items"]
    sides = api(page, "/api/sides")["items"]
    assert disputes and sides, "the seeds have a dispute and sides"
    assert any("Qatar" in d["about"] for d in disputes)
    shown = page.locator("#situation-disputes .dispute")
    assert shown.count() == len(disputes)
    for i, d in enumerate(disputes):
        card = shown.nth(i)
        assert d["about"][1:] in card.locator("h4").text_content()
        # both sides' sentences: every event the dispute cites, with its sentence
        sentences = set()
        for doc in d["documents"]:
            sentences |= {e["sentence"] for e in api(page, f"/api/documents/{doc}")["events"] if e["id"] in d["events"]}
        assert len(sentences) >= 2
        card_text = card.text_content()
        assert all(s in card_text for s in sentences)
    for label in {m["label"] for m in sides}:
        members = {m["name"] for m in sides if m["label"] == label}
        box = page.locator(f"#situation-sides .side[data-side='{label}'] ul.members > li > a")
        assert members <= set(box.all_text_contents())
    assert page.locator("#situation-relations tr td").count() > 0
    assert page.locator("#situation-latest .card").count() > 0
    shot(page, "situation")
    # the disputed actor carries the badge on its own page, and in the graph with a legend entry
    qatar = next(d for d in disputes if "Qatar" in d["about"])["entities"][0]
    goto(page, seeds_server, f"#/actor/{qatar}", "#actor-name")
    assert page.locator("#actor-disputes .badge.disputed").count() >= 1
    open_graph(page, seeds_server)
    assert page.evaluate(f"window.__newsweave.cy.getElementById({qatar!r}).data('disputed')")
    legend = page.locator("#graph-legend").text_content()
    assert "no side" in legend and "in a dispute" in legend
    assert all(label in legend for label in {m["label"] for m in sides})
    assert not page.console_errors


def test_sorting_and_facets_change_rows_and_survive_a_reload(page, seeds_server):
    sign_in(page, seeds_server)
    goto(page, seeds_server, "#/events", "#data-table tbody tr")
    everything = visible_rows(page)
    page.locator(".facet[data-facet=type] .facet-value[data-value=SUPPORT]").click()
    supports = visible_rows(page)
    col = page.evaluate("[...document.querySelectorAll('#data-table th')].map(th => th.dataset.key)")
    assert 0 < len(supports) < len(everything)
    assert all(r[col.index("type")] == "SUPPORT" for r in supports)
    page.locator("#data-table th[data-key=date]").click()
    page.locator("#data-table th[data-key=date]").click()  # descending
    dates = [r[col.index("date")] for r in visible_rows(page) if r[col.index("date")]]
    assert dates == sorted(dates, reverse=True)
    page.fill("#table-filter", "Qatar")
    filtered = visible_rows(page)
    assert filtered and all(any("Qatar" in cell for cell in r) for r in filtered) and len(filtered) < len(supports)
    assert "type=SUPPORT" in page.url and "sort=-date" in page.url and "q=Qatar" in page.url
    page.reload()
    page.wait_for_selector("#data-table tbody tr", timeout=20_000)
    ready(page)
    assert visible_rows(page) == filtered
    assert page.locator("#table-filter").input_value() == "Qatar"
    shot(page, "events-table")
    # reader-comment events only when asked; the region facet then tells them apart
    page.locator("#clear-filters").click()
    assert visible_rows(page) == everything and "type=" not in page.url
    assert page.locator(".facet[data-facet=region] .facet-value[data-value=comment]").count() == 0
    page.locator("#with-comments").check()
    page.wait_for_selector(".facet[data-facet=region] .facet-value[data-value=comment]", timeout=20_000)
    ready(page)
    page.locator(".facet[data-facet=region] .facet-value[data-value=comment]").click()
    regions = [r[col.index("region")] for r in visible_rows(page)]
    assert regions and set(regions) == {"comment"} and "comments=1" in page.url


@pytest.mark.parametrize("table", ["events", "actors", "relations", "documents", "disputes"])
def test_csv_and_json_downloads_hold_the_visible_rows(page, seeds_server, table):
    import csv
    import io
    import json

    sign_in(page, seeds_server)
    goto(page, seeds_server, f"#/{table}", "#data-table")
    page.wait_for_selector("#data-table tbody tr", timeout=20_000)
    facet = page.locator(".facet .facet-value")
    if facet.count():
        facet.first.click()  # a narrowed view, not just the whole table
    rows = visible_rows(page)
    assert rows
    with page.expect_download() as got:
        page.locator("#download-csv").click()
    lines = list(csv.reader(io.StringIO(Path(got.value.path()).read_text(encoding="utf-8"), newline="")))
    keys = page.evaluate("[...document.querySelectorAll('#data-table th')].map(th => th.dataset.key)")
    assert lines[0] == keys
    assert lines[1:] == rows
    with page.expect_download() as got:
        page.locator("#download-json").click()
    assert len(json.loads(Path(got.value.path()).read_text(encoding="utf-8"))) == len(rows)


def graph_positions(page, server) -> dict:
    open_graph(page, server)
    return page.evaluate("Object.fromEntries(window.__newsweave.cy.nodes().map(n => [n.id(), n.position()]))")


def test_graph_layout_is_the_same_on_every_visit_with_arrows_search_and_collapse(browser, page, seeds_server):
    first = graph_positions(page, seeds_server)
    other = browser.new_context(viewport={"width": 1280, "height": 860}).new_page()
    try:
        second = graph_positions(other, seeds_server)
    finally:
        other.context.close()
    assert len(first) >= 3 and first == second
    # relations are directed: arrows where /api/relations has that direction
    arrows = page.evaluate("window.__newsweave.cy.edges().filter(e => e.style('target-arrow-shape') === 'triangle' || e.style('source-arrow-shape') === 'triangle').length")
    assert arrows >= 1
    # labels of different nodes do not overlap
    overlaps = page.evaluate("""(() => { const cy = window.__newsweave.cy, boxes = cy.nodes().map(n => n.boundingBox({includeLabels: true, includeOverlays: false}));
        let n = 0; for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
          const a = boxes[i], b = boxes[j]; if (a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2) n++; } return n; })()""")
    assert overlaps == 0
    page.fill("#graph-search", "Qatar")
    assert page.evaluate("window.__newsweave.cy.nodes('.found').map(n => n.data('label'))") == ["Qatar"]
    # collapse the neighbours that hang on the best-connected node alone, then expand them again
    hub = page.evaluate("window.__newsweave.cy.nodes().max(n => n.degree()).ele.id()")
    visible = "window.__newsweave.cy.nodes(':visible').length"
    before = page.evaluate(visible)
    page.evaluate(f"window.__newsweave.cy.getElementById({hub!r}).emit('tap')")
    page.locator("#toggle-neighbours").click()
    assert page.evaluate(visible) < before
    page.locator("#toggle-neighbours").click()
    assert page.evaluate(visible) == before
    shot(page, "graph-search")
    assert not page.console_errors


def test_map_draws_countries_as_areas_zooms_and_follows_the_date_range(page, seeds_server):
    sign_in(page, seeds_server)
    goto(page, seeds_server, "#/map", "#mapsvg")
    places = api(page, "/api/places")["items"]
    assert "Libya" in {p["name"] for p in places}
    assert page.locator("#mapsvg path.place-area[data-place=Libya]").count() == 1
    assert page.locator("#mapsvg circle[data-place=Libya]").count() == 0  # an area, not the capital's circle
    assert page.locator("#mapsvg text.place-label").count() >= 2
    # no country outline runs across the frame (the old projection drew Russia and Fiji as lines)
    widths = page.evaluate("[...document.querySelectorAll('#mapsvg path.country')].map(p => p.getBBox().width)")
    assert max(widths) <= 960 + 1
    page.locator("#mapsvg").hover()
    page.mouse.wheel(0, -400)
    page.wait_for_function("document.querySelector('#mapsvg > g').getAttribute('transform')", timeout=10_000)
    shot(page, "map-areas")
    page.fill("#map-since", "2024")
    page.locator("#map-filters button").click()
    page.wait_for_function("location.hash.includes('since=2024')", timeout=10_000)
    page.wait_for_function(f"document.querySelectorAll('#places-table tr').length - 1 === {len(api(page, '/api/places?since=2024')['items'])}", timeout=20_000)
    assert len(api(page, "/api/places?since=2024")["items"]) < len(places)
    page.reload()
    page.wait_for_selector("#mapsvg", timeout=20_000)
    ready(page)
    assert page.locator("#map-since").input_value() == "2024"


def test_timeline_counts_every_matching_event_on_a_time_axis(page, seeds_server):
    sign_in(page, seeds_server)
    goto(page, seeds_server, "#/timeline", "#timeline-chart rect.month")
    every = api(page, "/api/timeline?limit=1000")["items"]
    by_month = {}
    for e in every:
        if e["date"] and len(e["date"]) >= 7:
            by_month[e["date"][:7]] = by_month.get(e["date"][:7], 0) + 1
    bars = page.evaluate("[...document.querySelectorAll('#timeline-chart rect.month')].map(r => [r.dataset.month, +r.dataset.count, +r.getAttribute('x')])")
    assert {m: n for m, n, _ in bars} == by_month
    # a time axis: the distance between bars is proportional to the time between their months
    xs = {m: x for m, _, x in bars}
    months = sorted(xs)
    span = lambda a, b: (int(b[:4]) - int(a[:4])) * 12 + int(b[5:7]) - int(a[5:7])  # noqa: E731
    per_month = (xs[months[-1]] - xs[months[0]]) / span(months[0], months[-1])
    for a, b in zip(months, months[1:]):
        assert xs[b] - xs[a] == pytest.approx(span(a, b) * per_month, rel=0.05)
    # the filter narrows the counts and is kept in the address
    page.fill("#timeline-type", "SUPPORT")
    page.press("#timeline-type", "Enter")
    page.wait_for_function("location.hash.includes('type=SUPPORT')", timeout=10_000)
    page.wait_for_function("document.body.dataset.ready === 'yes' && document.querySelector('#timeline-type').value === 'SUPPORT'", timeout=20_000)
    supports = api(page, "/api/timeline?limit=1000&type=SUPPORT")["items"]
    counted = page.evaluate("[...document.querySelectorAll('#timeline-chart rect.month')].reduce((s, r) => s + +r.dataset.count, 0)")
    assert counted == sum(1 for e in supports if e["date"] and len(e["date"]) >= 7) < sum(by_month.values())
    shot(page, "timeline-axis")


def test_hostile_text_stays_text_in_the_situation_page_tables_and_map(page, hostile_server):
    sign_in(page, hostile_server)
    for route, wait in (("#/", "#situation-latest"), ("#/events", "#data-table tbody tr"), ("#/documents", "#data-table tbody tr"),
                        ("#/actors", "#data-table tbody tr"), ("#/relations", "#data-table"), ("#/disputes", "#data-table"),
                        ("#/map", "#mapsvg"), ("#/timeline", "#timeline-list .card")):
        goto(page, hostile_server, route, wait)
        page.wait_for_timeout(200)
        assert_no_payload_ran(page)
    goto(page, hostile_server, "#/documents?q=Hostile", "#data-table tbody tr")
    assert XSS_SCRIPT in page.locator("#data-table tbody").text_content()
    with page.expect_download() as got:
        page.locator("#download-csv").click()
    assert XSS_SCRIPT in Path(got.value.path()).read_text(encoding="utf-8")
    assert_no_payload_ran(page)


@pytest.fixture(scope="module")
def languages_server(tmp_path_factory):
    """An English and a French article: the French one is stored but not analysed."""
    import newsweave
    from bad_inputs import ARTICLE_ONE
    from input_formats import FRENCH

    folder = tmp_path_factory.mktemp("languages")
    (folder / "english.txt").write_text(ARTICLE_ONE, "utf-8")
    (folder / "french.txt").write_text(FRENCH, "utf-8")
    db = folder / "languages.db"
    newsweave.run([folder], db=db).close()
    server = LiveServer(db)
    yield server
    server.stop()


def test_documents_not_analysed_are_flagged_on_the_situation_page_and_in_the_table(page, languages_server):
    sign_in(page, languages_server)
    notice = page.locator("#situation-not-analysed")
    notice.wait_for(timeout=20_000)
    assert notice.text_content() == "1 document not analysed (no model for their language): fr 1"
    notice.locator("a").click()
    page.wait_for_selector("#data-table tbody tr", timeout=20_000)
    ready(page)
    rows = visible_rows(page)
    assert len(rows) == 1 and rows[0][0] == "french.txt" and "no: no model for its language" in rows[0]
    assert "language=fr" in page.url
    shot(page, "documents-not-analysed")
