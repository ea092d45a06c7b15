"""The reading layout in the real browser (issue 14): axe-core on every page type, the parallel
columns balanced, block labels clear of the text on phones, the tab order, and screenshots at
1400, 768 and 390 px in build/screenshots/ (look at them). axe-core's script comes from the PyPI
package axe-playwright-python (the README promises only Python and git: no npm)."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect

from tests import test_site_browser
from tests.test_site_browser import SCREENSHOTS, reading

pytestmark = pytest.mark.browser
browser, origin = test_site_browser.browser, test_site_browser.origin  # the browser test's fixtures

REPORT = "reports/taijiang-hundred-day-assault/"
PAGE_TYPES = {
    "home": "", "report": REPORT, "source": "sources/004_19eb9f66d22e3d78/", "glossary": "glossary/",
    "term": "glossary/temporary-party-branch/", "translation": "translation/", "downloads": "data/",
    "changelog": "changelog/", "method": "method/", "reports": "reports/", "sources": "sources/",
}
WIDTHS = {"desktop": 1400, "tablet": 768, "phone": 390}


def axe_script() -> Path:
    import axe_playwright_python

    return Path(axe_playwright_python.__file__).parent / "axe.min.js"


@pytest.mark.parametrize("kind", list(PAGE_TYPES))
def test_no_serious_or_critical_accessibility_violation(browser: Browser, origin: str, kind: str):
    with reading(browser, origin, {"width": 1400, "height": 900}) as reader:
        page = reader.open(PAGE_TYPES[kind])
        page.add_script_tag(path=str(axe_script()))
        result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    serious = [(v["id"], v["impact"], len(v["nodes"]), v["nodes"][0]["target"]) for v in result["violations"]
               if v["impact"] in ("serious", "critical")]
    assert not serious, f"{kind}: {serious}"


def test_chinese_and_english_columns_balance_and_fill_the_width(browser: Browser, origin: str):
    with reading(browser, origin, {"width": 1400, "height": 900}) as reader:
        page = reader.open(REPORT)
        zh, en = page.locator(".block-zh"), page.locator(".block-en")
        expect(en.first).to_be_visible()
        assert page.locator(".md-sidebar--secondary").is_hidden() or \
            page.locator(".md-sidebar--secondary").bounding_box()["width"] == 0  # type: ignore[index]
        width = zh.first.bounding_box()["width"] + en.first.bounding_box()["width"]  # type: ignore[index]
        assert width > 800, f"the columns are {width} px together"
        heights = page.evaluate("""() => [...document.querySelectorAll('.block--paragraph')].map(b =>
            [b.querySelector('.block-zh').offsetHeight, b.querySelector('.block-en').offsetHeight])""")
        ratio = sum(e for _, e in heights) / sum(z for z, _ in heights)
        assert 0.7 < ratio < 1.5, f"the English is {ratio:.2f} times as tall as the Chinese"


@pytest.mark.parametrize("width", [320, 390, 430])
def test_block_labels_never_overlap_the_text_on_phones(browser: Browser, origin: str, width: int):
    with reading(browser, origin, {"width": width, "height": 800}) as reader:
        page = reader.open(REPORT)
        overlaps = page.evaluate("""() => [...document.querySelectorAll('.block')].filter(b => {
            const m = b.querySelector('.block-mark').getBoundingClientRect();
            const z = b.querySelector('.block-zh').getBoundingClientRect();
            return m.bottom > z.top + 1 && m.right > z.left + 1; }).map(b => b.id)""")
        assert not overlaps, overlaps
        assert page.evaluate("document.documentElement.scrollWidth") <= width


def test_no_faux_italic_chinese(browser: Browser, origin: str):
    with reading(browser, origin, {"width": 1400, "height": 900}) as reader:
        page = reader.open(REPORT)
        italic = page.evaluate("""() => [...document.querySelectorAll('[lang="zh-Hans"]')]
            .filter(e => getComputedStyle(e).fontStyle === 'italic').length""")
        assert italic == 0


def test_tab_stops_are_the_paragraph_link_and_cite_and_the_rest_joins_on_focus(browser: Browser, origin: str):
    with reading(browser, origin, {"width": 1400, "height": 900}) as reader:
        page = reader.open(REPORT)
        block = page.locator("#b4")
        tabbable = block.evaluate("""b => [...b.querySelectorAll('a, button, [tabindex]')]
            .filter(e => e.tabIndex >= 0).map(e => e.className || e.tagName)""")
        assert tabbable == ["block-mark", "block-cite"], tabbable
        block.locator(".block-mark").focus()
        secondary = block.locator(".block-info a").first
        expect(secondary).to_have_attribute("tabindex", "0")


def test_screenshots_at_three_widths(browser: Browser, origin: str):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for name, width in WIDTHS.items():
        with reading(browser, origin, {"width": width, "height": 900}) as reader:
            for kind in ("report", "term", "translation", "home"):
                page = reader.open(PAGE_TYPES[kind])
                page.wait_for_load_state("networkidle")
                path = SCREENSHOTS / f"{kind}-{name}-{width}.png"
                page.screenshot(path=path, full_page=kind != "report")
                assert path.stat().st_size > 10_000, path
                if kind != "translation":  # see the test below
                    assert page.evaluate("document.documentElement.scrollWidth") <= width, f"{kind} scrolls sideways at {width}"


def test_the_translation_page_fits_a_phone(browser: Browser, origin: str):
    with reading(browser, origin, {"width": 390, "height": 900}) as reader:
        page = reader.open(PAGE_TYPES["translation"])
        assert page.evaluate("document.documentElement.scrollWidth") <= 390


def test_with_a_repository_named_no_page_asks_another_host(browser: Browser, _small_edition_made: Path,
                                                           tmp_path: Path):
    """With REPO_URL set, Material's repository box would ask api.github.com for the stars on every page:
    the edition's override shows the link without it. Every request a page makes stays on the site."""
    import os
    import shutil
    import subprocess
    import sys

    from tests.test_site_browser import serving

    root = tmp_path / "edition"
    shutil.copytree(_small_edition_made, root, symlinks=True)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "REPO_URL": "https://github.com/example/edition"}
    for command in (["-m", "edition.cli", "build", "--force"], ["-m", "mkdocs", "build", "--strict", "--quiet",
                                                                 "--site-dir", "build/site"]):
        result = subprocess.run([sys.executable, *command], cwd=root, capture_output=True, text=True, env=env)
        assert result.returncode == 0, result.stderr
    site = root / "build" / "site"
    assert "github.com/example/edition" in (site / "index.html").read_text(encoding="utf-8")
    hosts: set[str] = set()
    with serving(site) as address:
        page = browser.new_page()
        page.on("request", lambda request: hosts.add(request.url.split("/")[2]))
        for path in ("", "reports/", "glossary/"):
            page.goto(f"{address}/{path}")
            page.wait_for_load_state("networkidle")
        page.close()
    assert hosts == {address.split("/")[2]}
