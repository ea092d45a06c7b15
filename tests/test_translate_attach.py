"""The "attach translations" stage: PO files -> blocks -> edition.json and pages; the commands."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from deep_translator.exceptions import RequestError

from edition.commands import translation as commands
from edition.errors import EditionError
from edition.model import Block, Report
from edition.paths import Paths
from edition.pipeline import build
from edition.translate import po as pofile
from edition.translate.attach import TranslationFile, attach_report, sync_report
from edition.write import edition_json, pages


def report_with(entries: dict[str, tuple[str, bool, str | None]]) -> tuple[Report, TranslationFile]:
    blocks = [Block("paragraph", f"中文{n}。", (n, n), id=anchor, number=n)
              for n, anchor in enumerate(["b1", "b2", "b3"], start=1)]
    report = Report("r", "000.txt", {}, blocks)
    catalog = TranslationFile("r", Path("translations/en/r.po"), pofile.new_catalog("r"), existed=False)
    sync_report(catalog, report)
    for anchor, (english, fuzzy, provenance) in entries.items():
        entry = pofile.by_context(catalog.po)[anchor]
        entry.msgstr = english
        pofile.set_fuzzy(entry, fuzzy)
        if provenance:
            pofile.set_comment(entry, "provenance", provenance)
    attach_report(report, catalog)
    return report, catalog


def test_blocks_get_english_status_provenance_and_po_line() -> None:
    report, catalog = report_with({
        "b1": ("<script>alert(1)</script> & more", True, "google via deep-translator, 2024-05-01"),
        "b2": ("Reviewed text.", False, "editorial draft, 2024-04-01"),
    })
    b1, b2, b3 = report.blocks
    assert (b1.en, b1.status, b1.provenance) == ("<script>alert(1)</script> & more", "draft",
                                                 "google via deep-translator, 2024-05-01")
    assert (b2.status, b3.status, b3.en, b3.provenance) == ("reviewed", "missing", None, None)
    lines = catalog.text().split("\n")
    assert lines[b2.po_line - 1] == 'msgctxt "b2"'
    record = edition_json.block_record(b1)
    assert (record["en"], record["status"], record["provenance"], record["po_line"]) == (
        b1.en, "draft", b1.provenance, b1.po_line)

    html = pages._block_html(report, b1)
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt; &amp; more" in html
    assert 'title="Unreviewed draft: google via deep-translator, 2024-05-01"' in html and ">draft<" in html
    assert '>reviewed</span>' in pages._block_html(report, b2)
    assert 'title="Reviewed (the reviewer did not sign); first editorial draft, 2024-04-01"' in pages._block_html(
        report, b2)
    assert "Translation missing." in pages._block_html(report, b3)


def test_build_attaches_translations(repo_copy: Paths) -> None:
    edition = build(repo_copy)
    data = json.loads((repo_copy.build / "edition.json").read_text(encoding="utf-8"))
    block = data["reports"][0]["blocks"][0]
    assert block["status"] in ("draft", "reviewed", "missing")
    assert set(block) >= {"en", "status", "provenance", "po_line"}
    for report in edition.reports:
        text = pofile.po_path(repo_copy.translations, report.slug).read_text(encoding="utf-8").split("\n")
        for b in report.blocks:
            assert text[b.po_line - 1] == f'msgctxt "{b.id}"'


def test_a_reviewer_removes_fuzzy_and_the_site_shows_the_block_reviewed(repo_copy: Paths) -> None:
    """The review workflow end to end: edit the English, delete the '#, fuzzy' line, rebuild."""
    slug = "qujiang-project-party-building"
    path = pofile.po_path(repo_copy.translations, slug)
    text = path.read_text(encoding="utf-8")
    entry = text.index('msgctxt "b2"')
    head, tail = text[:entry], text[entry:]
    assert head.endswith("#, fuzzy\n")
    english = "Qujiang District has carried out Party-building work (reviewed)."
    tail = tail.replace(tail.split("\n")[2], f'msgstr "{english}"', 1)
    signed = head.removesuffix("#, fuzzy\n").replace("#. kind: paragraph ¶1",
                                                     "# reviewed-by: Li Ming, 2026-12-03\n#. kind: paragraph ¶1")
    path.write_text(signed + tail, encoding="utf-8")

    edition = build(repo_copy)
    block = next(b for r in edition.reports if r.slug == slug for b in r.blocks if b.id == "b2")
    assert (block.status, block.en, block.reviewed_by) == ("reviewed", english, ["Li Ming, 2026-12-03"])
    page = (repo_copy.docs / "reports" / f"{slug}.md").read_text(encoding="utf-8")
    html = page[page.index('id="b2"'):page.index('id="b3"')]
    assert ('<span class="translation-status translation-status--reviewed" title="Reviewed by Li Ming, '
            '2026-12-03; first editorial draft, 2026-11-21">reviewed by Li Ming, 2026-12-03</span>') in html
    assert "translation-status--draft" not in html
    assert f"1 of {len(edition.reports[1].blocks)} blocks reviewed" in page
    assert path.read_text(encoding="utf-8").count("#, fuzzy") == text.count("#, fuzzy") - 1  # the build kept it


def _snapshot(root: Path) -> dict[str, bytes]:
    files = (p for p in sorted(root.rglob("*")) if p.is_file() and "edition" not in p.parts)
    return {str(p): p.read_bytes() for p in files}


def _break_context(text: str) -> str:
    return text.replace('msgctxt "b2"', 'msgctxt "b2" oops', 1)


def _unterminated_at_the_end(text: str) -> str:
    return text + 'msgid "x\n'  # polib alone would drop the header and the build would save that


def _unescaped_quote(text: str) -> str:
    start = text.index('msgstr "', text.index('msgctxt "b2"'))
    return text[:start] + 'msgstr "the “four” said "yes" to it"' + text[text.index("\n", start) :]


def _misspelt_keyword(text: str) -> str:
    return text.replace('msgstr "', 'msgstrr "', 2)


def _first_changed_line(before: str, after: str) -> int:
    old, new = before.split("\n"), after.split("\n")
    return next(n for n in range(1, len(new) + 1) if n > len(old) or old[n - 1] != new[n - 1])


@pytest.mark.parametrize("damage", [_break_context, _unterminated_at_the_end, _unescaped_quote, _misspelt_keyword])
def test_a_po_syntax_error_stops_the_build_and_nothing_is_rewritten(repo_copy: Paths, damage) -> None:
    build(repo_copy)
    slug = "kecheng-four-take-the-leads"
    path = pofile.po_path(repo_copy.translations, slug)
    original = path.read_text(encoding="utf-8")
    text = damage(original)
    path.write_text(text, encoding="utf-8")
    broken_line = _first_changed_line(original, text)
    # a change that would otherwise be written: a ledger and the pages
    (repo_copy.anchors / f"{slug}.yaml").write_text(
        (repo_copy.anchors / f"{slug}.yaml").read_text(encoding="utf-8") + "\n", encoding="utf-8")
    before = _snapshot(repo_copy.root)
    with pytest.raises(EditionError) as caught:
        build(repo_copy)
    assert caught.value.path == repo_copy.relative(path) and caught.value.line == broken_line
    assert _snapshot(repo_copy.root) == before


class FakeEngine:
    def __init__(self, error: BaseException | None = None) -> None:
        self.error = error
        self.calls: list[str] = []

    def translate(self, text: str) -> str:
        self.calls.append(text)
        if self.error:
            raise self.error
        return f"EN {len(text)}"


def _clear(paths: Paths, slug: str, anchor: str) -> None:
    path = pofile.po_path(paths.translations, slug)
    po = pofile.load_po(path)
    entry = pofile.by_context(po)[anchor]
    entry.msgstr = ""
    entry.flags = []
    pofile.save_po(po, path)


def test_translate_without_an_engine_changes_nothing(repo_copy: Paths, capsys) -> None:
    build(repo_copy)
    _clear(repo_copy, "kecheng-four-take-the-leads", "b3")
    before = _snapshot(repo_copy.root)
    status = commands.run_translate(repo_copy, engine=FakeEngine(RequestError()), progress=False)
    assert status == 1
    errors = [line for line in capsys.readouterr().err.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and "cannot reach" in errors[0] and "no file was changed" in errors[0]
    assert _snapshot(repo_copy.root) == before


def test_translate_drafts_what_is_missing(repo_copy: Paths) -> None:
    build(repo_copy)
    _clear(repo_copy, "kecheng-four-take-the-leads", "b3")
    engine = FakeEngine()
    out = io.StringIO()
    status = commands.run_translate(repo_copy, engine=engine, progress=False, today="2024-05-01", out=out)
    assert status == 0 and len(engine.calls) == 2  # the probe, then the block
    entry = pofile.by_context(pofile.load_po(pofile.po_path(repo_copy.translations,
                                                            "kecheng-four-take-the-leads")))["b3"]
    assert pofile.provenance(entry) == "google via deep-translator, 2024-05-01"
    assert (repo_copy.translations / ".cache" / "google-en.json").exists()
    assert "1 machine drafts" in out.getvalue()


def test_check_and_status(repo_copy: Paths) -> None:
    build(repo_copy)
    out = io.StringIO()
    assert commands.run_check(repo_copy, out=out) == 0
    assert out.getvalue().strip().splitlines()[-1].endswith("report(s)")
    out = io.StringIO()
    assert commands.run_status(repo_copy, out=out) == 0
    lines = out.getvalue().splitlines()
    assert lines[0].split() == ["report", "missing", "draft", "reviewed", "qa"]
    assert lines[-1].startswith("total")
