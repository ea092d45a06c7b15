"""Quality gates on the built site: links and anchors resolve, every block is on its page, no
markup gets through, nothing is fetched from a third-party host, search finds both languages."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urldefrag, urlparse

import pytest
import yaml

from edition.pipeline import build
from edition.translate import po as pofile

HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")


class _Page(HTMLParser):
    """Collects ids, links and resource references of one HTML page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.resources: list[str] = []  # what the browser fetches by itself (scripts, styles, images)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(values["id"])
        if tag == "a" and values.get("name"):
            self.ids.add(values["name"])
        if tag == "a" and values.get("href"):
            self.links.append(values["href"])
        if tag == "link" and values.get("href"):
            rel = values.get("rel") or ""
            (self.resources if "stylesheet" in rel or "preload" in rel or "icon" in rel else self.links).append(
                values["href"])
        if tag in ("script", "img", "iframe", "source") and values.get("src"):
            self.resources.append(values["src"])


def parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


@pytest.fixture(scope="module")
def pages(built_site) -> dict[Path, _Page]:
    return {path: parse(path) for path in sorted(built_site.site.rglob("*.html"))}


def _target(site: Path, page: Path, href: str) -> tuple[Path, str]:
    url, fragment = urldefrag(href)
    if not url:
        return page, unquote(fragment)
    target = (page.parent / unquote(url)).resolve()
    if url.endswith("/") or target.is_dir():
        target = target / "index.html"
    return target, unquote(fragment)


def _internal(href: str) -> bool:
    return not urlparse(href).scheme and not href.startswith("//")


def broken_links(site: Path, pages: dict[Path, _Page]) -> tuple[int, list[str]]:
    """(links checked, those that lead nowhere) among the internal links of the site's pages."""
    site = site.resolve()
    broken = []
    checked = 0
    for path, page in pages.items():
        if path.name == "404.html":
            continue  # its links are absolute (it is served at any address)
        for href in page.links:
            if not _internal(href):
                continue
            target, fragment = _target(site, path.resolve(), href)
            checked += 1
            if not target.exists():
                broken.append(f"{path.relative_to(site)}: {href} (no file)")
            elif fragment and target.suffix == ".html":
                ids = pages[target].ids if target in pages else parse(target).ids
                if fragment not in ids:
                    broken.append(f"{path.relative_to(site)}: {href} (no anchor)")
    return checked, broken


def test_every_internal_link_and_anchor_resolves(built_site, pages) -> None:
    checked, broken = broken_links(built_site.site, pages)
    assert checked > 5000
    assert not broken, "\n".join(broken[:30])


def test_a_small_editions_strict_site_has_no_broken_link(small_site) -> None:
    """The engine on an edition the tests make themselves (tests/small_edition.py): `mkdocs build --strict`
    passes (the fixture checks) and every internal link and anchor of every page resolves."""
    pages = {path: parse(path) for path in sorted(small_site.site.rglob("*.html"))}
    checked, broken = broken_links(small_site.site, pages)
    slugs = {r.slug for r in small_site.edition.reports}
    assert len(slugs) == 2 and all((small_site.site / "reports" / s / "index.html").exists() for s in slugs)
    assert checked > 500
    assert not broken, "\n".join(broken[:30])


def test_every_block_is_on_its_page_with_its_id(built_site, pages) -> None:
    data = json.loads((built_site.paths.build / "edition.json").read_text(encoding="utf-8"))
    for report in data["reports"]:
        page = pages[(built_site.site / "reports" / report["slug"] / "index.html")]
        for block in report["blocks"]:
            assert block["id"] in page.ids, (report["slug"], block["id"])
        for old in report["retired_anchors"]:
            assert old in page.ids  # a retired anchor still lands on the page


def test_no_chinese_left_in_an_english_cell(built_site) -> None:
    for report in built_site.edition.reports:
        html = (built_site.site / "reports" / report.slug / "index.html").read_text(encoding="utf-8")
        cells = re.findall(r'<div class="block-en[^"]*" lang="en">(.*?)</div>', html, re.S)
        assert len(cells) == len(report.blocks)
        for cell in cells:
            assert not HAN.search(re.sub(r"<[^>]+>", "", cell)), cell[:200]


def test_headings_have_explicit_ids_not_position_dependent_ones(pages) -> None:
    # Material's default slugify turns a Chinese heading into _1, _2 …: a citation would break
    for path, page in pages.items():
        assert not [i for i in page.ids if re.fullmatch(r"_\d+", i)], path


def test_nothing_is_fetched_from_a_third_party_host(built_site, pages) -> None:
    for path, page in pages.items():
        external = [r for r in page.resources if not _internal(r)]
        assert not external, (path, external)
    for css in built_site.site.rglob("*.css"):
        assert not re.search(r"@import\s+url\(\s*['\"]?(https?:)?//|fonts\.googleapis", css.read_text("utf-8")), css


def test_report_header_states_the_translation_honestly(built_site) -> None:
    for report in built_site.edition.reports:
        html = (built_site.site / "reports" / report.slug / "index.html").read_text(encoding="utf-8")
        reviewed = sum(b.status == "reviewed" for b in report.blocks)
        drafts = sum(b.status == "draft" for b in report.blocks)
        assert f"{reviewed} of {len(report.blocks)} blocks reviewed" in html
        assert html.count('class="translation-status translation-status--draft"') == drafts + 1  # + legend
        assert html.count("translation-status--reviewed") == reviewed


def _search_docs(built_site) -> list[dict]:
    return json.loads((built_site.site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]


def _found(docs: list[dict], separator: str, word: str) -> set[str]:
    """Pages whose indexed text holds ``word`` as a token, split the way the search splits it."""
    tokens = re.compile(separator)
    return {d["location"].split("#")[0] for d in docs if word.lower() in tokens.split(d["text"].lower())}


def test_search_finds_a_chinese_term_from_mid_sentence_and_an_english_word(built_site) -> None:
    config = yaml.safe_load(re.sub(r"!ENV \[(\w+), [^\]]*\]", r"null", (built_site.paths.root / "mkdocs.yml")
                                   .read_text(encoding="utf-8")))
    search = next(p["search"] for p in config["plugins"] if isinstance(p, dict) and "search" in p)
    assert search["lang"] == ["en", "zh"] and "\\u200b" in search["separator"]
    separator = search["separator"].replace("\\u200b", "\u200b")
    docs = _search_docs(built_site)
    # 挂图作战 stands in the middle of a Qujiang sentence (…自我加压、挂图作战、比学赶超…)
    found = _found(docs, separator, "挂图作战")
    assert "reports/qujiang-project-party-building/" in found
    assert "reports/kecheng-four-take-the-leads/" not in found  # the term is not in that report
    # an English word of one report's translation
    assert "reports/qujiang-project-party-building/" in _found(docs, separator, "shenjia")
    assert "reports/kecheng-four-take-the-leads/" not in _found(docs, separator, "shenjia")


def test_a_404_page_and_a_pages_workflow_exist(built_site) -> None:
    assert "Page not found" in (built_site.site / "404.html").read_text(encoding="utf-8")
    workflow = yaml.safe_load((Path(__file__).parent.parent / ".github" / "workflows" / "pages.yml")
                              .read_text(encoding="utf-8"))
    steps = [s.get("run", "") for job in workflow["jobs"].values() for s in job.get("steps", [])]
    assert any("make site" in s for s in steps)


def test_markup_in_a_source_or_a_translation_shows_as_text(repo_copy) -> None:
    seed = repo_copy.seeds / "005_injection.txt"
    seed.write_text(
        "某区党建引领推进征收工作<script>alert('title')</script>\n\n"
        "2023-05-01 09:00 来源:某某网\n\n"
        "这是第一段，正文里有<img src=x onerror=alert(1)>标记，也有&amp;实体和<b>粗体</b>。\n\n"
        "这是第二段，党员干部带头签约，临时党支部发挥作用。\n",
        encoding="utf-8",
    )
    edition = build(repo_copy)
    report = next(r for r in edition.reports if r.source == seed.name)
    po_path = repo_copy.translations / "en" / f"{report.slug}.po"
    catalog = pofile.load_po(po_path)
    for entry in pofile.active_entries(catalog):
        pofile.set_draft(entry, "<script>alert('en')</script> & <i>italic</i>", "editorial draft, 2026-11-21")
    pofile.save_po(catalog, po_path)
    build(repo_copy)
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", "site"],
                            cwd=repo_copy.root, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    html = (repo_copy.root / "site" / "reports" / report.slug / "index.html").read_text(encoding="utf-8")
    for markup in ("<script>alert(", "<img src=x", "<b>粗体", "<i>italic"):
        assert markup not in html, markup
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "&lt;script&gt;alert(&#x27;en&#x27;)&lt;/script&gt; &amp; &lt;i&gt;" in html
    assert "&amp;amp;实体" in html  # the source's literal "&amp;" is text, not an entity
