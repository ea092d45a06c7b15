"""The search index's structure for reports and the clean titles (edition/search_index.py)."""

from __future__ import annotations

from edition.search_index import ZERO_WIDTH, blocks_of, clean_title, page_entries, segment_chinese


def cut(text: str) -> list[str]:
    """Two characters a word: enough to see where the index's separators go."""
    return [text[i:i + 2] for i in range(0, len(text), 2)]


PAGE = """<h1 id="top"><span lang="zh-Hans">台江</span></h1>
<div class="edition-report">
<div class="block block--paragraph" id="b2" data-kind="paragraph" data-mark="¶1"><a class="block-mark" href="#b2">¶1</a>\
<div class="block-zh" lang="zh-Hans">征收<a class="term" href="x">签约率</a>高</div>\
<div class="block-en block-en--draft" lang="en"><span class="translation-status">draft</span> The signing rate was high.</div>\
<div class="block-info"><code>#b2</code> · <button>Cite</button></div></div>
<div class="block block--heading" id="b3" data-kind="heading" data-mark="heading"><a class="block-mark" href="#b3">heading</a>\
<div class="block-zh" lang="zh-Hans">标题</div><div class="block-en block-en--missing" lang="en">Translation missing.</div></div>
</div>"""
REPORT = {"title_zh": "台江区旧改", "title_en": "Taijiang's Redevelopment", "label": "Taijiang",
          "keywords": ["Fuzhou", "福州市"], "summary": "Southeast Net · 2023"}


def test_chinese_is_cut_into_words_joined_by_zero_width_spaces():
    assert segment_chinese("Taijiang 台江区旧改", cut) == f"Taijiang {ZERO_WIDTH}台江{ZERO_WIDTH}区旧{ZERO_WIDTH}改"


def test_a_clean_title_keeps_its_words_as_keywords():
    entry = clean_title({"location": "x/", "title": f"临时{ZERO_WIDTH}党支部 · temporary", "text": ""})
    assert entry["title"] == "临时党支部 · temporary"
    assert entry["keywords"] == f"临时{ZERO_WIDTH}党支部 · temporary"
    plain = {"location": "y/", "title": "Home", "text": ""}
    assert clean_title(plain) is plain


def test_blocks_give_their_anchor_mark_and_both_languages_without_badges():
    assert blocks_of(PAGE) == [("b2", "¶1", "征收签约率高", "The signing rate was high."), ("b3", "heading", "标题", "")]


def test_a_report_is_one_entry_titled_in_both_languages_and_one_per_block():
    old = [{"location": "reports/t/", "title": "台江", "text": "everything"}]
    entries = page_entries(old, "reports/t/", {"search": {"report": REPORT}}, PAGE, cut)
    page, *blocks = entries
    assert page["location"] == "reports/t/"
    assert page["title"] == "Taijiang's Redevelopment · 台江区旧改"
    assert ZERO_WIDTH not in page["title"]
    assert all(word in page["keywords"] for word in ("Taijiang", "Fuzhou", f"福州{ZERO_WIDTH}市")), page["keywords"]
    assert [(b["location"], b["title"]) for b in blocks] == [("reports/t/#b2", "Taijiang ¶1"),
                                                             ("reports/t/#b3", "Taijiang heading")]
    assert "The signing rate was high." in blocks[0]["text"] and "draft" not in blocks[0]["text"]
    assert "Cite" not in blocks[0]["text"]


def test_other_pages_keep_their_entries_with_clean_titles_keywords_and_boost():
    old = [{"location": "glossary/t/", "title": f"签约{ZERO_WIDTH}率 · signing rate", "text": "def"}]
    meta = {"search": {"keywords": ["signing rates"], "boost": 0.5}}
    [entry] = page_entries(old, "glossary/t/", meta, "", cut)
    assert entry["title"] == "签约率 · signing rate" and "signing rates" in entry["keywords"]
    assert entry["boost"] == 0.5
