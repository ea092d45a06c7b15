"""The reading aids in a real browser (headless Debian Chromium): the switch to traditional characters,
remembered across a reload and instant navigation; word lookup, off by default, fetched only when
turned on, showing pinyin and CC-CEDICT definitions on hover, tap and keyboard focus; Esc closes it;
no request to any other host (``reading`` checks that on leaving).

No browser is ever downloaded: without Debian's chromium these tests skip, saying why."""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import Browser, expect

from edition.write.reading_aids import traditional
from tests import test_site_browser
from tests.test_site_browser import (
    DESKTOP,
    PHONE,
    REPORT,
    SLUG,
    reading,
)

pytestmark = pytest.mark.browser

WORDS = f"data/words/{SLUG}.json"


browser, origin = test_site_browser.browser, test_site_browser.origin  # the browser test's fixtures


@pytest.fixture(scope="module")
def words(built_site) -> dict:
    return json.loads((built_site.site / WORDS).read_text(encoding="utf-8"))


def test_switch_to_traditional_is_remembered_across_a_reload(browser: Browser, origin: str, built_site):
    report = next(r for r in built_site.edition.reports if r.slug == SLUG)
    b2 = next(b for b in report.blocks if b.id == "b2")
    with reading(browser, origin, DESKTOP) as reader:
        page = reader.open(REPORT)
        hans, hant = page.locator("#b2 > .block-zh"), page.locator("#b2 > .block-zh-hant")
        expect(hans).to_be_visible()
        expect(hant).to_be_hidden()
        page.locator(".reading-aids button[data-script='hant']").click()
        expect(hant).to_be_visible()
        expect(hans).to_be_hidden()
        expect(hant).to_have_attribute("lang", "zh-Hant")
        expect(hant).to_have_text(traditional(b2.zh))
        assert page.evaluate("localStorage.getItem('edition.script')") == "hant"
        z, e = hant.bounding_box(), page.locator("#b2 > .block-en").bounding_box()
        assert z and e and z["x"] + z["width"] <= e["x"] and abs(z["y"] - e["y"]) < 2, (z, e)  # in the simplified's place

        page.reload()
        expect(page.locator("#b2 > .block-zh-hant")).to_be_visible()
        expect(page.locator(".reading-aids button[data-script='hant']")).to_have_attribute("aria-pressed", "true")

        # The 中文 view shows the traditional too; the English view neither script.
        page.locator(".view-switch button[data-view='en']").click()
        expect(page.locator("#b2 > .block-zh-hant")).to_be_hidden()
        page.locator(".view-switch button[data-view='zh']").click()
        expect(page.locator("#b2 > .block-zh-hant")).to_be_visible()

        # The anchors and Cite are those of the block, whichever script is shown.
        page.locator("#b3 .block-cite").click()
        expect(page.locator("#b3 .cite-box .cite-text")).to_contain_text("(#b3)")

        page.locator(".reading-aids button[data-script='hans']").click()
        expect(page.locator("#b2 > .block-zh")).to_be_visible()
        assert page.evaluate("localStorage.getItem('edition.script')") == "hans"


def test_word_lookup_is_off_and_unfetched_until_turned_on_then_shows_pinyin_and_definitions(
        browser: Browser, origin: str, words: dict):
    with reading(browser, origin, DESKTOP) as reader:
        page = reader.open(REPORT)
        button = page.locator(".reading-aids .word-lookup")
        expect(button).to_have_attribute("aria-pressed", "false")
        expect(page.locator("#b3 .word")).to_have_count(0)
        assert not [url for url in reader.requests if url.endswith(WORDS)], "the word list was fetched before use"

        with page.expect_response(lambda response: response.url.endswith(WORDS)):
            button.click()
        expect(button).to_have_attribute("aria-pressed", "true")
        word = page.locator("#b3 .block-zh .word[data-word='项目']").first
        expect(word).to_be_visible()
        # The Chinese reads the same with its words marked: nothing added, nothing lost.
        assert page.locator("#b3 .block-zh").inner_text() == page.evaluate(
            "document.querySelector('#b3 .block-zh').textContent")
        # Glossary terms keep their own link and tooltip, not cut into words.
        expect(page.locator("#b3 .block-zh a.term .word")).to_have_count(0)

        word.hover()
        popover = page.locator("#word-popover")
        expect(popover).to_be_visible()
        expect(popover).to_contain_text("xiàng mù")
        expect(popover).to_contain_text("project")
        expect(popover).to_contain_text("CC-CEDICT")  # the credit the licence asks for, with the licence
        expect(popover.get_by_role("link", name="CC BY-SA 4.0")).to_have_attribute(
            "href", "https://creativecommons.org/licenses/by-sa/4.0/")
        assert words["words"]["项目"][0][0] == "xiàng mù"

        page.keyboard.press("Escape")
        expect(popover).to_be_hidden()

        # Keyboard: the word takes focus, the arrow keys go to the next word, which shows its entry.
        word.focus()
        expect(popover).to_be_visible()
        page.keyboard.press("ArrowRight")
        following = page.locator(":focus")
        expect(following).to_have_class(re.compile(r"\bword\b"))
        expect(popover).to_contain_text(following.inner_text())
        page.keyboard.press("Escape")
        expect(popover).to_be_hidden()

        page.reload()  # remembered
        expect(page.locator(".reading-aids .word-lookup")).to_have_attribute("aria-pressed", "true")
        expect(page.locator("#b3 .block-zh .word").first).to_be_attached()
        page.locator(".reading-aids .word-lookup").click()  # off: the text is as built again
        expect(page.locator("#b3 .word")).to_have_count(0)


def test_word_lookup_in_traditional_and_by_tap_on_a_phone(browser: Browser, origin: str):
    context = browser.new_context(viewport=PHONE, has_touch=True, is_mobile=True)
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    try:
        page = context.new_page()
        page.goto(f"{origin}/{REPORT}")
        page.evaluate("localStorage.setItem('edition.script', 'hant'); localStorage.setItem('edition.wordLookup', 'on')")
        page.reload()
        word = page.locator("#b3 .block-zh-hant .word[data-word='项目']").first
        expect(word).to_be_visible()
        expect(word).to_have_text("項目")
        word.tap()
        popover = page.locator("#word-popover")
        expect(popover).to_be_visible()
        expect(popover).to_contain_text("xiàng mù")
        expect(popover.locator(".word-popover__word").first).to_have_attribute("lang", "zh-Hant")
        box = popover.bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], box  # on the screen
        page.locator("h1").tap()  # a tap elsewhere closes it
        expect(popover).to_be_hidden()
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], "page scrolls sideways"
    finally:
        context.close()
    foreign = [url for url in requests if not url.startswith((f"{origin}/", "data:", "blob:"))]
    assert not foreign, f"requests to other hosts: {foreign}"
