"""The built site read in a real browser (headless Debian Chromium, driven by Playwright): the
parallel view, the view switch remembered across instant navigation, glossary links and the
concordance, Cite, search in both languages, retired anchors, screenshots at desktop and phone
widths; and nothing is fetched from any host but the site's own.

No browser is ever downloaded: without Debian's chromium these tests skip, saying why."""

from __future__ import annotations

import functools
import re
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, BrowserContext, Error, Locator, Page, expect, sync_playwright

from edition.model import Report
from edition.paths import Paths

pytestmark = pytest.mark.browser

SLUG = "qujiang-project-party-building"
REPORT = f"reports/{SLUG}/"
DESKTOP = {"width": 1400, "height": 900}
PHONE = {"width": 390, "height": 844}
SCREENSHOTS = Paths().build / "screenshots"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
# When the page last scrolled (or loaded): see click_link.
SCROLL_CLOCK = """
addEventListener("scroll", () => { window.lastScroll = performance.now(); }, { passive: true });
addEventListener("load", () => { window.lastScroll = performance.now(); });
"""
# Material's result count: "1 matching document", "12 matching documents" (not "No matching documents").
RESULTS_SHOWN = re.compile(r"^\d+ matching documents?$")


def chromium_executable() -> str | None:
    """Debian's Chromium, if installed."""
    for candidate in ("/usr/bin/chromium", shutil.which("chromium"), shutil.which("chromium-browser")):
        if candidate and Path(candidate).exists():
            return candidate
    return None


class _SiteHandler(SimpleHTTPRequestHandler):
    """Serves the built site quietly, with a sitemap that lists its pages at the server's address."""

    def log_message(self, format: str, *args: object) -> None:  # no log line per request
        pass

    def do_GET(self) -> None:
        if urlsplit(self.path).path != "/sitemap.xml":
            return super().do_GET()
        body = self.server.sitemap  # type: ignore[attr-defined]
        self.send_response(200)
        self.send_header("Content-Type", "application/xml")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        return None


def sitemap(site: Path, origin: str) -> bytes:
    """The sitemap ``mkdocs build`` writes when site_url is the server's address.

    Material's instant navigation only intercepts links to pages listed in sitemap.xml, and the
    test build has no site_url (so an empty sitemap): without this, every click would be a full
    page load, and the set-up edition.js runs after an instant page swap would go untested."""
    folders = sorted(page.parent.relative_to(site).as_posix() for page in site.rglob("index.html"))
    urls = "".join(f"<url><loc>{origin}/{'' if f == '.' else f + '/'}</loc></url>" for f in folders)
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>\n').encode()


@contextmanager
def serving(site: Path) -> Iterator[str]:
    """A built site served over HTTP (search fetches its index and runs a web worker)."""
    handler = functools.partial(_SiteHandler, directory=str(site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    address = f"http://127.0.0.1:{server.server_address[1]}"
    server.sitemap = sitemap(site, address)  # type: ignore[attr-defined]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield address
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


@pytest.fixture(scope="module")
def origin(built_site) -> Iterator[str]:
    with serving(built_site.site) as address:
        yield address


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    executable = chromium_executable()
    if executable is None:
        pytest.skip("Debian's chromium is not installed (apt-get install chromium); no browser is downloaded")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@dataclass
class Reader:
    """One browser context (its own storage) and its page, recording every URL requested."""

    origin: str
    context: BrowserContext
    page: Page
    requests: list[str] = field(default_factory=list)

    def open(self, path: str) -> Page:
        self.page.goto(f"{self.origin}/{path}")
        return self.page


@contextmanager
def reading(browser: Browser, origin: str, viewport: dict[str, int]) -> Iterator[Reader]:
    """A fresh reader; on leaving, checks that no request went to a host but the local server."""
    context = browser.new_context(viewport=viewport)
    context.add_init_script(SCROLL_CLOCK)
    reader = Reader(origin, context, context.new_page())
    context.on("request", lambda request: reader.requests.append(request.url))
    try:
        yield reader
    finally:
        context.close()
    foreign = [url for url in reader.requests if not url.startswith((f"{origin}/", "data:", "blob:"))]
    assert not foreign, f"requests to other hosts: {foreign}"


@pytest.fixture
def reader(browser: Browser, origin: str) -> Iterator[Reader]:
    with reading(browser, origin, DESKTOP) as reader:
        yield reader


@pytest.fixture(scope="module")
def report(built_site) -> Report:
    return next(r for r in built_site.edition.reports if r.slug == SLUG)


def href_of(link: Locator) -> str:
    """A link's address, resolved (instant navigation rewrites relative hrefs to absolute ones)."""
    return link.evaluate("a => a.href")


def click_link(page: Page, link: Locator) -> None:
    """Click a link as a reader does: once the page has stopped scrolling.

    Material records the scroll offset in history.state 100 ms after the last scroll (or the page
    load). A link clicked sooner, as Playwright clicks, has that stale offset recorded on the new
    history entry, and instant navigation then restores it instead of going to the link's anchor."""
    link.scroll_into_view_if_needed()
    page.wait_for_function("() => window.lastScroll !== undefined && performance.now() - window.lastScroll > 200")
    link.click()


def title_en(report: Report) -> str:
    return report.meta["title"]["en"]


# --- reading a report ----------------------------------------------------------------------------


def test_parallel_view_shows_chinese_left_of_english_with_translation_state(reader: Reader, report: Report):
    page = reader.open(REPORT)
    zh, en = page.locator("#b2 > .block-zh"), page.locator("#b2 > .block-en")
    expect(zh).to_be_visible()
    expect(en).to_be_visible()
    z, e = zh.bounding_box(), en.bounding_box()
    assert z and e
    assert z["x"] + z["width"] <= e["x"], (z, e)  # side by side: the Chinese on the left
    assert abs(z["y"] - e["y"]) < 2, (z, e)  # on the same row

    # Its translation state is shown: a draft is visibly a draft (so is a reviewed translation).
    status = next(b.status for b in report.blocks if b.id == "b2")
    if status == "missing":
        expect(en).to_have_text("Translation missing.")
    else:
        badge = en.locator(f".translation-status--{status}")
        expect(badge).to_be_visible()
        expect(badge).to_have_text(status)


def test_view_switch_is_remembered_across_instant_navigation(reader: Reader):
    page = reader.open(REPORT)
    edition_report = page.locator(".edition-report")
    page.locator(".view-switch button[data-view='zh']").click()
    expect(edition_report).to_have_attribute("data-view", "zh")
    expect(page.locator(".view-switch button[data-view='zh']")).to_have_attribute("aria-pressed", "true")
    expect(page.locator("#b2 > .block-en")).to_be_hidden()
    expect(page.locator("#b2 > .block-zh")).to_be_visible()
    assert page.evaluate("localStorage.getItem('edition.view')") == "zh"

    # A see-also link to another report: navigation.instant swaps the page without reloading it.
    page.evaluate("window.sameDocument = true")
    see_also = page.locator(".see-also a").first
    target = re.fullmatch(rf"{reader.origin}/reports/([^/]+)/#(b\d+)", href_of(see_also))
    assert target, href_of(see_also)
    other, block = target.groups()
    assert other != SLUG
    click_link(page, see_also)
    expect(page).to_have_url(f"{reader.origin}/reports/{other}/#{block}")
    expect(page.locator(f".edition-report #{block}")).to_be_attached()  # the new page is in place
    expect(edition_report).to_have_attribute("data-view", "zh")
    expect(page.locator(f"#{block} > .block-en")).to_be_hidden()
    expect(page.locator(f"#{block} > .block-zh")).to_be_visible()
    assert page.evaluate("window.sameDocument === true"), "the page was reloaded, not swapped"

    page.reload()  # a full page load applies the remembered view too
    expect(edition_report).to_have_attribute("data-view", "zh")
    expect(page.locator(f"#{block} > .block-en")).to_be_hidden()

    page.locator(".view-switch button[data-view='parallel']").click()
    expect(edition_report).to_have_attribute("data-view", "parallel")
    expect(page.locator(f"#{block} > .block-en")).to_be_visible()
    assert page.evaluate("localStorage.getItem('edition.view')") == "parallel"


def test_glossary_link_leads_to_the_entry_whose_concordance_links_back(reader: Reader):
    page = reader.open(REPORT)
    term = page.locator("#b2 a.term").first
    chinese = term.inner_text()
    entry = href_of(term)
    assert re.fullmatch(rf"{reader.origin}/glossary/[^/]+/", entry), entry
    tooltip = term.get_attribute("title") or ""
    assert re.fullmatch(r"\S.* · \S.*", tooltip), f"tooltip is not 'pinyin · English': {tooltip!r}"

    click_link(page, term)
    expect(page).to_have_url(entry)
    expect(page.locator("h1")).to_contain_text(chinese)
    expect(page.locator("#concordance")).to_be_visible()
    back = page.locator(f"table.kwic a[href$='/reports/{SLUG}/#b2']").first
    expect(back).to_be_visible()
    click_link(page, back)
    expect(page).to_have_url(f"{reader.origin}/{REPORT}#b2")
    expect(page.locator("#b2")).to_be_in_viewport()


def test_cite_shows_and_copies_a_citation_of_the_block(reader: Reader, report: Report):
    reader.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=reader.origin)
    page = reader.open(REPORT)
    page.locator("#b3 .block-cite").click()
    text = page.locator("#b3 .cite-box .cite-text")
    # the title's own quotation marks nested inside the citation's: “…through ‘Project Party Building’”
    expect(text).to_contain_text("“" + title_en(report).replace("“", "‘").replace("”", "’") + "”")
    expect(page.locator("#b3 .cite-box .cite-note")).to_have_text("Copied to the clipboard.")
    citation = text.inner_text()
    mark = page.locator("#b3").get_attribute("data-mark") or ""
    assert mark.startswith("¶") and f", {mark} (#b3). " in citation, citation
    for part in ("Rao Xin. n.d. ", f"[{report.meta['title']['zh']}]", "Special Issue on Serving the Central Work",
                 "Translated in Party-Building and Demolition: A Bilingual Edition", "version 0.2"):
        assert part in citation, (part, citation)
    url = re.search(r"(\S+)\. Accessed [A-Z][a-z]+ \d{1,2}, \d{4}\.$", citation)
    assert url and url.group(1) == f"{reader.origin}/{REPORT}#b3", citation

    try:
        clipboard = page.evaluate("navigator.clipboard.readText()")
    except Error:  # the clipboard is not readable here: what is shown was checked
        return
    assert clipboard == citation


def test_a_report_prints_as_the_parallel_text_with_its_citation_and_no_navigation(reader: Reader, report: Report,
                                                                                tmp_path: Path):
    page = reader.open(REPORT)
    page.locator("#b3 .block-cite").wait_for()
    page.locator(".view-switch button[data-view='en']").click()  # the print is parallel whatever the view
    page.emulate_media(media="print")
    for hidden in (".md-header", ".md-sidebar--primary", ".md-footer", ".view-switch", "#b3 .block-cite"):
        expect(page.locator(hidden).first).to_be_hidden()
    citation = page.locator(".print-citation")
    expect(citation).to_be_visible()
    expect(citation).to_contain_text(f"Cite as: Rao Xin. n.d. “{title_en(report)[:20]}")
    expect(citation.locator(".print-url")).to_have_text(f"{reader.origin}/{REPORT}")
    zh, en = page.locator("#b3 .block-zh").bounding_box(), page.locator("#b3 .block-en").bounding_box()
    assert zh and en and zh["x"] + zh["width"] <= en["x"] and abs(zh["y"] - en["y"]) < 2, (zh, en)
    expect(page.locator("#b3 .block-mark")).to_be_visible()
    expect(page.locator("#b3 .block-info code")).to_have_text("#b3")
    pdf = tmp_path / "report.pdf"
    page.pdf(path=str(pdf), format="A4", print_background=True)
    assert pdf.read_bytes().startswith(b"%PDF-") and pdf.stat().st_size > 20_000


# --- search --------------------------------------------------------------------------------------


def search(reader: Reader, query: str) -> list[str]:
    """Type a query into Material's search (on a freshly opened page) and return the paths of the
    result links shown, in order."""
    page = reader.open(REPORT)
    box = page.locator("input.md-search__input")
    box.click()
    box.fill(query)
    box.press("End")  # Material reads the query on keyup; fill() alone sends none
    expect(page.locator(".md-search-result__meta")).to_have_text(RESULTS_SHOWN)
    hrefs = page.locator(".md-search-result__link").evaluate_all("links => links.map(a => a.href)")
    return [urlsplit(href).path for href in hrefs]


def reports_in(paths: list[str]) -> set[str]:
    return {m.group(1) for p in paths if (m := re.fullmatch(r"/reports/([^/]+)/", p))}


def reports_with(built_site, text: str, language: str) -> set[str]:
    return {
        r.slug for r in built_site.edition.reports
        if any(text in (getattr(b, language) or "") for b in r.blocks)
    }


CHINESE_TERM = "临时党支部"  # a glossary term, mid-sentence, in some reports only
ENGLISH_WORD = "Xiaoqiaotou"  # a place name in the English of one report only


def test_search_finds_a_chinese_term_in_the_reports_that_contain_it(built_site, reader: Reader):
    expected = reports_with(built_site, CHINESE_TERM, "zh")
    assert expected and len(expected) < len(built_site.edition.reports), expected
    found = reports_in(search(reader, CHINESE_TERM))
    assert found & expected, f"searching {CHINESE_TERM} found the reports {found}, none of {expected}"


def test_search_for_a_chinese_term_lists_only_reports_that_contain_it(built_site, reader: Reader):
    expected = reports_with(built_site, CHINESE_TERM, "zh")
    found = reports_in(search(reader, CHINESE_TERM))
    assert found and found <= expected, f"searching {CHINESE_TERM} found {found}; only {expected} contain it"


def test_search_finds_an_english_word_in_the_one_report_that_has_it(built_site, reader: Reader):
    expected = reports_with(built_site, ENGLISH_WORD, "en")
    assert len(expected) == 1, expected
    assert reports_in(search(reader, ENGLISH_WORD)) == expected


# --- anchors and screenshots ---------------------------------------------------------------------


def test_retired_anchor_lands_on_its_successor(built_site, reader: Reader):
    retired = [
        (slug, old, new)
        for slug, redirects in sorted(built_site.edition.redirects().items())
        for old, new in sorted(redirects.items()) if new
    ]
    if retired:
        slug, old, new = retired[0]
        page = reader.open(f"reports/{slug}/#{old}")
    else:
        # No anchor of the edition has been retired yet: serve the page with the marker the
        # generator writes for one (tests/test_write_pages.py checks the generator), and follow it.
        slug, old, new = "qujiang-project-party-building", "b90", "b4"
        marker = f'<span class="retired-anchor" id="{old}" data-successor="{new}"></span>'

        def with_marker(route):
            response = route.fetch()
            body = response.text().replace(f'<div class="block block--paragraph" id="{new}"',
                                           marker + f'<div class="block block--paragraph" id="{new}"', 1)
            assert marker in body
            route.fulfill(response=response, body=body)

        reader.page.route(f"**/reports/{slug}/", with_marker)
        page = reader.open(f"reports/{slug}/#{old}")
    expect(page.locator(f"#{new}")).to_have_class(re.compile(r"\bblock--landed\b"))
    expect(page.locator(f"#{new}")).to_be_in_viewport()


def test_the_old_address_of_a_renamed_report_lands_on_the_same_paragraph(browser: Browser, tmp_path: Path):
    """Rename a report on purpose (previous_slugs), build the site, and follow a citation of the old URL."""
    import subprocess
    import sys

    from edition.pipeline import build
    from tests.conftest import copy_repository

    paths = copy_repository(tmp_path / "repo")
    text = paths.catalog.read_text(encoding="utf-8")
    paths.catalog.write_text(text.replace(f"slug: {SLUG}", f"slug: qujiang-renamed\n        previous_slugs: [{SLUG}]"),
                             encoding="utf-8")
    build(paths)
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", "build/site"],
                            cwd=paths.root, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    with serving(paths.build / "site") as address, reading(browser, address, DESKTOP) as reader:
        page = reader.open(f"{REPORT}#b4")
        page.wait_for_url(f"{address}/reports/qujiang-renamed/#b4")
        expect(page.locator("#b4")).to_be_in_viewport()


def test_screenshots_at_desktop_and_phone_width(browser: Browser, origin: str):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    with reading(browser, origin, DESKTOP) as reader:
        page = reader.open(REPORT)
        expect(page.locator("#b2 > .block-en")).to_be_visible()
        page.screenshot(path=SCREENSHOTS / "report-desktop.png", full_page=True)

    with reading(browser, origin, PHONE) as reader:
        page = reader.open(REPORT)
        zh, en = page.locator("#b2 > .block-zh"), page.locator("#b2 > .block-en")
        expect(en).to_be_visible()
        z, e = zh.bounding_box(), en.bounding_box()
        assert z and e
        assert e["y"] >= z["y"] + z["height"] - 1, (z, e)  # stacked: the English below the Chinese
        assert abs(e["x"] - z["x"]) < 2, (z, e)
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], "page scrolls sideways"
        page.screenshot(path=SCREENSHOTS / "report-phone.png", full_page=True)

    for name in ("report-desktop.png", "report-phone.png"):
        assert (SCREENSHOTS / name).stat().st_size > 10_000, name
