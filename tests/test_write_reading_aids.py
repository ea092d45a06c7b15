"""edition.write.reading_aids: traditional characters at build time, CC-CEDICT as shipped, the
segmentation, and the per-report word data the built site carries."""

from __future__ import annotations

import html
import json
import re

from edition.annotate.jieba_dict import user_dictionary_lines
from edition.write import pages, reading_aids

SLUG = "qujiang-project-party-building"


def test_traditional_converts_characters_and_keeps_the_words() -> None:
    assert reading_aids.traditional("党建引领征收拆迁工作，签约率达到百分之百。") == "黨建引領徵收拆遷工作，簽約率達到百分之百。"
    # s2t, not s2twp: the source's words stay (信息 is not made Taiwan's 資訊, 软件 not 軟體).
    assert reading_aids.traditional("信息和软件") == "信息和軟件"
    assert reading_aids.traditional("") == ""


def test_pinyin_gets_tone_marks() -> None:
    assert reading_aids.pinyin_marks("zheng1 shou1") == "zhēng shōu"
    assert reading_aids.pinyin_marks("lu:4 se4") == "lǜ sè"
    assert reading_aids.pinyin_marks("de5") == "de"


def test_parse_cedict_keeps_every_reading_of_a_headword() -> None:
    lines = ["# CC-CEDICT", "#! date=2023-11-07", "行 行 [hang2] /row/line/", "行 行 [xing2] /to walk/to go/",
             "個 个 [ge4] /individual/see also 個|个[ge4]/", "not an entry"]
    parsed = reading_aids.parse_cedict(lines)
    assert set(parsed) == {"行", "个"}
    assert reading_aids.entries(parsed["行"]) == [("háng", ["row", "line"]), ("xíng", ["to walk", "to go"])]
    assert reading_aids.entries(parsed["个"]) == [("gè", ["individual", "see also 個|个[gè]"])]


def test_the_shipped_cc_cedict_is_read_offline_with_its_licence() -> None:
    dictionary = reading_aids.cedict()
    assert len(dictionary) > 100_000
    assert reading_aids.entries(dictionary["拆迁"]) == [("chāi qiān", ["to demolish a building and relocate the inhabitants"])]
    header = reading_aids.cedict_header()
    assert header["license"] == reading_aids.CEDICT_LICENCE_URL


def test_segmentation_gives_back_the_text_in_dictionary_words_and_keeps_glossary_terms_whole() -> None:
    dictionary = reading_aids.cedict()
    tokenizer = reading_aids.segmenter(["一户一策 1000000 nz"])
    text = "坚持一户一策，签约率达到98.5%。"
    assert "一户一策" in list(tokenizer.cut(text, HMM=False))  # the glossary's term is one token
    words = reading_aids.segment(text, tokenizer, dictionary)
    rebuilt = "".join(item if isinstance(item, str) else "?" * item for item in words)
    assert len(rebuilt) == len(text)
    assert all(item in dictionary for item in words if isinstance(item, str))
    assert "坚持" in words and "签约" in words
    assert reading_aids.run_lengths(["坚持", 1, "签约"]) == [2, -1, 2]


def test_report_words_hold_each_word_once_with_the_credit() -> None:
    data = reading_aids.report_words({"b1": ["项目工作", ""], "b2": ["项目"]}, reading_aids.segmenter([]),
                                     reading_aids.cedict())
    assert data["blocks"] == {"b1": [[2, 2]], "b2": [[2]]}  # the empty run is left out, as on the page
    assert set(data["words"]) == {"项目", "工作"}
    assert data["words"]["项目"][0][0] == "xiàng mù" and "project" in data["words"]["项目"][0][1]
    assert data["licence"] == "CC BY-SA 4.0" and data["dictionary"].startswith("CC-CEDICT")


def test_the_built_report_carries_its_traditional_text_and_its_word_data(built_site) -> None:
    report = next(r for r in built_site.edition.reports if r.slug == SLUG)
    page = (built_site.paths.docs / "reports" / f"{SLUG}.md").read_text(encoding="utf-8")
    title = next(b for b in report.blocks if b.kind == "title")
    assert '<div class="block-zh-hant" lang="zh-Hant" data-search-exclude>' in page
    shown = re.search(rf'id="{title.id}".*?<div class="block-zh-hant"[^>]*>(.*?)</div>', page)
    assert shown and html.unescape(re.sub(r"<[^>]+>", "", shown.group(1))) == reading_aids.traditional(title.zh)
    assert title.zh == "衢江区以“项目党建”强力推进城中村改造"  # a known sentence, and what it becomes
    assert reading_aids.traditional(title.zh) == "衢江區以“項目黨建”強力推進城中村改造"
    assert f'data-words="../../data/words/{SLUG}.json"' in page

    data = json.loads((built_site.site / "data" / "words" / f"{SLUG}.json").read_text(encoding="utf-8"))
    assert data["words"]["项目"][0] == ["xiàng mù", ["item", "project", "(sports) event", "CL:個|个[gè]"]]
    runs = pages.word_runs(report, built_site.edition.annotations)
    for block in report.blocks:  # the lengths cover the page's runs exactly (the browser checks them too)
        texts = [text for text in runs[block.id] if text]
        assert [sum(abs(n) for n in lengths) for lengths in data["blocks"][block.id]] == [len(t) for t in texts]
    # 签约 is a CC-CEDICT word and a glossary term, linked wherever it stands: it keeps its own tooltip.
    assert "签约" in reading_aids.cedict() and '>签约</a>' in page and "签约" not in data["words"]

    # Search indexes the edition's text, not the reading aid.
    index = json.loads((built_site.site / "search" / "search_index.json").read_text(encoding="utf-8"))
    indexed = "".join(doc["title"] + doc["text"] for doc in index["docs"]).replace("\u200b", "")
    assert "党建" in indexed and "黨建" not in indexed


def test_the_user_dictionary_lines_make_a_segmenter(built_site) -> None:
    lines = user_dictionary_lines(built_site.edition.annotations.terms)
    tokenizer = reading_aids.segmenter(lines)
    form = lines[0].split(" ")[0]
    assert form in list(tokenizer.cut(f"我们{form}了", HMM=False))
