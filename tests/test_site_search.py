"""Search as readers use it, in the real browser against the built site: a table of queries in
both languages (titles, labels, place names, glossary terms, phrases cut from mid-sentence), each
expecting its report or glossary term among the first three pages listed; paragraph results that
open at the paragraph; no zero-width characters in what the results show.

The ranks before and after the search-only index structure (edition/search_index.py) are in
docs/site-engine.md; ``python -m tests.test_site_search build/site`` prints them for any build."""

from __future__ import annotations

import re
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page, expect

from tests import test_site_browser
from tests.test_site_browser import DESKTOP, RESULTS_SHOWN, reading, serving

pytestmark = pytest.mark.browser
browser, origin = test_site_browser.browser, test_site_browser.origin  # the browser test's fixtures

TAIJIANG = "reports/taijiang-hundred-day-assault/"
PINGHU = "reports/pinghu-river-expropriation/"
KAIHUA = "reports/kaihua-task-force-super-speed/"
QIANXI = "reports/qianxi-shantytown-fast-and-furious/"
KECHENG = "reports/kecheng-four-take-the-leads/"
QUJIANG = "reports/qujiang-project-party-building/"

# (query, the page expected among the first three pages of results)
QUERIES: list[tuple[str, str]] = [
    # English: labels, title words, place names, glossary terms
    ("Taijiang", TAIJIANG),
    ("Pinghu", PINGHU),
    ("Kaihua", KAIHUA),
    ("Qianxi", QIANXI),
    ("Kecheng", KECHENG),
    ("Qujiang", QUJIANG),
    ("Fuzhou", TAIJIANG),                      # the city, in the catalogue's place
    ("Xiaoqiaotou", KAIHUA),                   # the area, in the catalogue's place
    ("Zhangtan", QUJIANG),                     # the subdistrict
    ("Hundred-Day Assault", TAIJIANG),         # words of the English title
    ("Fast and Furious", QIANXI),
    ("signing rate", "glossary/signing-rate/"),
    ("demolition rate", "glossary/demolition-rate/"),  # the single word "demolition": see docs/site-engine.md
    ("temporary Party branch", "glossary/temporary-party-branch/"),
    # Chinese: titles, places, terms, and phrases cut from the middle of sentences
    ("台江区", TAIJIANG),
    ("平湖精神", PINGHU),
    ("开化县", KAIHUA),
    ("迁西县", QIANXI),
    ("柯城区", KECHENG),
    ("城中村改造", QUJIANG),
    ("签约率", "glossary/signing-rate/"),
    ("临时党支部", "glossary/temporary-party-branch/"),
    ("清退各类商户", PINGHU),                  # mid-sentence
    ("逐人编号", KECHENG),                     # mid-sentence
    ("勇作急先锋", KAIHUA),                    # mid-sentence
    ("苍霞一带旧貌", TAIJIANG),                # mid-sentence, a caption
    ("抽调镇村干部", QIANXI),                  # mid-sentence
]


def results(page: Page, query: str) -> list[str]:
    """Type a query into Material's search and return the links of every result shown, in order."""
    box = page.locator("input.md-search__input")
    box.click()
    box.fill("")  # first empty: the results of the previous query are gone before the next is read
    box.press("End")
    expect(page.locator(".md-search-result__meta")).not_to_have_text(RESULTS_SHOWN)
    box.fill(query)
    box.press("End")  # Material reads the query on keyup; fill() alone sends none
    expect(page.locator(".md-search-result__meta")).to_have_text(RESULTS_SHOWN)
    return page.locator(".md-search-result__link").evaluate_all("links => links.map(a => a.href)")


def pages_in(links: list[str]) -> list[str]:
    """The pages of the results, in order, each once (a page's paragraphs are listed under it)."""
    pages: list[str] = []
    for link in links:
        path = urlsplit(link).path.lstrip("/")
        if path not in pages:
            pages.append(path)
    return pages


def rank(pages: list[str], expected: str) -> int | None:
    return pages.index(expected) + 1 if expected in pages else None


@pytest.fixture(scope="module")
def search_page(browser: Browser, origin: str):
    with reading(browser, origin, DESKTOP) as reader:
        yield reader.open("")


@pytest.mark.parametrize(("query", "expected"), QUERIES, ids=[q for q, _ in QUERIES])
def test_query_finds_its_page_among_the_first_three(search_page: Page, query: str, expected: str):
    pages = pages_in(results(search_page, query))
    assert rank(pages, expected) is not None and rank(pages, expected) <= 3, \
        f"{query!r}: {expected} ranks {rank(pages, expected)} in {pages[:6]}"


def test_the_table_has_ten_queries_in_each_language():
    chinese = [q for q, _ in QUERIES if re.search(r"[\u4e00-\u9fff]", q)]
    assert len(chinese) >= 10 and len(QUERIES) - len(chinese) >= 10


def test_a_paragraph_result_opens_at_the_paragraph(search_page: Page, origin: str):
    links = results(search_page, "清退各类商户")
    paragraph = next((link for link in links
                      if urlsplit(link).path == f"/{PINGHU}" and re.fullmatch(r"b\d+", urlsplit(link).fragment)), None)
    assert paragraph, f"no paragraph of {PINGHU} among {links}"
    anchor = urlsplit(paragraph).fragment
    search_page.locator(f".md-search-result__link[href$='#{anchor}']").first.click()
    expect(search_page).to_have_url(re.compile(rf"/{PINGHU}(\?[^#]*)?#{anchor}$"))
    expect(search_page.locator(f"#{anchor}")).to_be_in_viewport()
    expect(search_page.locator(f"#{anchor} .block-zh")).to_contain_text("清退各类商户")
    search_page.goto(f"{origin}/")


def test_result_titles_show_no_zero_width_characters(search_page: Page):
    for query in ("台江区", "Taijiang", "签约率"):
        results(search_page, query)
        shown = "\n".join(search_page.locator(".md-search-result__article h1, .md-search-result__article h2")
                          .all_inner_texts())
        assert "\u200b" not in shown, f"{query!r}: zero-width spaces in {shown[:200]!r}"


def test_concordance_lines_are_not_indexed(built_site):
    """A term page is indexed by its entry (term, pinyin, English, definition), never by the
    concordance's lines: those are the reports' text, which the reports' own entries index."""
    import json

    docs = json.loads((built_site.site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    term = [d for d in docs if d["location"].startswith("glossary/temporary-party-branch/")]
    assert term and all("#in-" not in d["location"] and "concordance" not in d["location"] for d in term), \
        [d["location"] for d in term]
    assert not any("动态吸纳" in d["text"].replace("\u200b", "") for d in term), "a concordance line is indexed"


def table(site: Path) -> list[tuple[str, str, int | None]]:
    """The rank of each query's page on a built site (for docs/site-engine.md)."""
    from playwright.sync_api import sync_playwright

    from tests.test_site_browser import CHROMIUM_ARGS, chromium_executable

    rows = []
    with serving(site) as origin, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_executable(), args=CHROMIUM_ARGS)
        with reading(browser, origin, DESKTOP) as reader:
            page = reader.open("")
            for query, expected in QUERIES:
                rows.append((query, expected, rank(pages_in(results(page, query)), expected)))
        browser.close()
    return rows


if __name__ == "__main__":
    for query, expected, found in table(Path(sys.argv[1])):
        print(f"| {query} | `{expected}` | {found or '—'} |")
