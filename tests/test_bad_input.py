"""Every row of docs/bad-input.md, tried as a careless editor would: what the user sees, and what is kept.

Each case damages a built copy of the edition, runs the command a user would run, and checks the
exit status, that the output is one clear line per problem (never a traceback), and either that no
file changed (hashes of every file before and after) or, where the build mends the damage, that it
mended it without moving an id or a translation.
"""

from __future__ import annotations

import codecs
import contextlib
import io
import json
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from hashlib import sha256
from pathlib import Path

import pytest
import yaml

from edition import cli, lock
from edition.paths import Paths
from edition.pipeline import build
from edition.translate import po as pofile
from tests.documents import blank_pdf

KECHENG = "kecheng-four-take-the-leads"
QUJIANG = "qujiang-project-party-building"
TAIJIANG = "taijiang-hundred-day-assault"
DOCS = Path(__file__).parent.parent / "docs" / "bad-input.md"


@dataclass(frozen=True)
class Case:
    id: str  # the row's name in docs/bad-input.md
    damage: Callable[[Paths], None]
    says: str  # a regular expression the output must match
    status: int = 1
    command: tuple[str, ...] = ("build",)
    unchanged: bool = True  # no file may change (besides the damage itself)
    then: Callable[[Paths, dict], None] | None = None  # what must hold afterwards (given the state before)
    env: tuple[tuple[str, str], ...] = ()  # environment variables for the command


# --- helpers -------------------------------------------------------------------------------------


def ledger(paths: Paths, slug: str) -> Path:
    return paths.anchors / f"{slug}.yaml"


def po(paths: Paths, slug: str) -> Path:
    return pofile.po_path(paths.translations, slug)


def catalog(paths: Paths) -> str:
    return paths.catalog.read_text(encoding="utf-8")


def edit(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def texts_and_english(paths: Paths) -> dict[tuple[str, str], tuple[str, str | None]]:
    """(slug, id) -> (Chinese, English) as the last build published them."""
    data = json.loads((paths.build / "edition.json").read_text(encoding="utf-8"))
    return {(r["slug"], b["id"]): (b["zh"], b["en"]) for r in data["reports"] for b in r["blocks"]}


def remove_paragraph(paths: Paths, number: int = 3) -> None:
    """Blank out the lines of Taijiang's ¶``number`` in its source."""
    source = paths.seeds / "004_19eb9f66d22e3d78.txt"
    data = json.loads((paths.build / "edition.json").read_text(encoding="utf-8"))
    report = next(r for r in data["reports"] if r["slug"] == TAIJIANG)
    first, last = next(b for b in report["blocks"] if b["number"] == number)["lines"]
    lines = source.read_text(encoding="utf-8").split("\n")
    source.write_text("\n".join(lines[: first - 1] + [""] * (last - first + 1) + lines[last:]), encoding="utf-8")


def merge_paragraphs(paths: Paths, number: int = 3) -> None:
    """Join Taijiang's ¶``number`` to the paragraph before it, in its source (one paragraph a line)."""
    source = paths.seeds / "004_19eb9f66d22e3d78.txt"
    data = json.loads((paths.build / "edition.json").read_text(encoding="utf-8"))
    blocks = next(r for r in data["reports"] if r["slug"] == TAIJIANG)["blocks"]
    (before,), (line,) = ({b["lines"][1] for b in blocks if b["number"] == number - 1},
                          {b["lines"][0] for b in blocks if b["number"] == number})
    lines = source.read_text(encoding="utf-8").split("\n")
    lines[before - 1] += lines[line - 1].strip()
    lines[line - 1] = ""
    source.write_text("\n".join(lines), encoding="utf-8")


def retire_a_paragraph(paths: Paths) -> None:
    """Merge a paragraph of Taijiang's into the one before and build: its id retires, landing on the
    merged paragraph (what any later damage meets)."""
    merge_paragraphs(paths)
    build(paths)


def same_ids_and_english(paths: Paths, before: dict) -> None:
    assert texts_and_english(paths) == before["published"]


# --- damages -------------------------------------------------------------------------------------


def lose_ledger_with_retired_anchor(paths: Paths) -> None:
    retire_a_paragraph(paths)
    ledger(paths, TAIJIANG).unlink()


def cut_ledger_short(paths: Paths) -> None:
    retire_a_paragraph(paths)
    path = ledger(paths, TAIJIANG)
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["anchors"], data["next"] = data["anchors"][:10], 11
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def rename_id_in_ledger(paths: Paths) -> None:
    edit(ledger(paths, QUJIANG), "- id: b3\n", "- id: b30\n")


def list_id_twice(paths: Paths) -> None:
    path = ledger(paths, QUJIANG)
    path.write_text(path.read_text(encoding="utf-8") + "- id: b2\n  zh: 重复的一条。\n", encoding="utf-8")


def break_ledger_yaml(paths: Paths) -> None:
    edit(ledger(paths, QUJIANG), "- id: b3\n", "- id: [b3\n")


def swap_ledger_texts(paths: Paths) -> None:
    """Two entries' texts swapped by hand in the ledger."""
    path = ledger(paths, QUJIANG)
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    a, b = data["anchors"][2], data["anchors"][3]
    a["zh"], b["zh"] = b["zh"], a["zh"]
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def swap_ledger_texts_without_last_build(paths: Paths) -> None:
    """The same, and no build/edition.json to tell which record is right."""
    swap_ledger_texts(paths)
    shutil.rmtree(paths.build)


def swap_msgctxt(path: Path, first: str, second: str) -> None:
    """Two entries' msgctxt swapped by hand (as a careless merge or copy would)."""
    text = path.read_text(encoding="utf-8")
    a, b = f'msgctxt "{first}"\n', f'msgctxt "{second}"\n'
    assert a in text and b in text
    path.write_text(text.replace(a, "\0").replace(b, a).replace("\0", b), encoding="utf-8")


def lose_ledger_and_swap_msgctxt(paths: Paths) -> None:
    """A ledger lost (of a report with a retired anchor), and two msgctxt of its PO file swapped."""
    retire_a_paragraph(paths)
    ledger(paths, TAIJIANG).unlink()
    swap_msgctxt(po(paths, TAIJIANG), "b9", "b10")


def swap_msgctxt_in_po(paths: Paths) -> None:
    swap_msgctxt(po(paths, QUJIANG), "b3", "b4")


def lose_ledger_and_po(paths: Paths) -> None:
    """Ledger and PO file deleted, and no release manifest: only the last build knows the ids."""
    ledger(paths, QUJIANG).unlink()
    po(paths, QUJIANG).unlink()
    shutil.rmtree(paths.releases)


def lose_ledger_and_po_with_retired_anchor(paths: Paths) -> None:
    retire_a_paragraph(paths)
    ledger(paths, TAIJIANG).unlink()
    po(paths, TAIJIANG).unlink()
    shutil.rmtree(paths.releases)


def rename_id_in_po(paths: Paths) -> None:
    edit(po(paths, QUJIANG), 'msgctxt "b3"\n', 'msgctxt "b30"\n')


def fuzzy_as_extracted_comment(paths: Paths) -> None:
    edit(po(paths, QUJIANG), "#, fuzzy\n", "#. fuzzy\n")


def reviewer_without_name(paths: Paths) -> None:
    edit(po(paths, QUJIANG), "#, fuzzy\n", "# reviewed-by: 2026-12-03\n")


def fuzzy_without_space(paths: Paths) -> None:
    edit(po(paths, QUJIANG), "#, fuzzy\n", "#,fuzzy\n")


def header_less_po_with_reviewed_first_entry(paths: Paths) -> None:
    """The header cut away, and the first entry reviewed, with its reviewer."""
    path = po(paths, QUJIANG)
    text = path.read_text(encoding="utf-8")
    text = text[text.index("# provenance:"):].replace("#, fuzzy\n", "# reviewed-by: Li Ming, 2026-12-03\n", 1)
    path.write_text(text, encoding="utf-8")


def change_source_after_release(paths: Paths) -> None:
    """One character of a published paragraph corrected in its source, after release 0.2."""
    edit(paths.seeds / "004_19eb9f66d22e3d78.txt", "圆了40多万群众的安居梦", "圆了四十多万群众的安居梦")


def misspell_catalog_file_name(paths: Paths) -> None:
    edit(paths.catalog, "- file: 002_5613ba838e384774.txt", "- file: 002_5613ba838e384744.txt")


def change_slug(paths: Paths) -> None:
    edit(paths.catalog, f"slug: {QUJIANG}", "slug: qujiang-renamed")


def rename_slug_on_purpose(paths: Paths) -> None:
    edit(paths.catalog, f"slug: {QUJIANG}", f"slug: qujiang-renamed\n        previous_slugs: [{QUJIANG}]")


def delete_published_source(paths: Paths) -> None:
    (paths.seeds / "003_7443305932bb8f72.txt").unlink()
    remove_catalog_entry(paths, "003_7443305932bb8f72.txt", "004_19eb9f66d22e3d78.txt")


def remove_catalog_entry(paths: Paths, file: str, next_file: str) -> None:
    text = catalog(paths)
    start, end = text.index(f"  - file: {file}"), text.index(f"  - file: {next_file}")
    paths.catalog.write_text(text[:start] + text[end:], encoding="utf-8")


def withdraw_report(paths: Paths) -> None:
    delete_published_source(paths)
    paths.catalog.write_text(catalog(paths) + "\nwithdrawn:\n  - slug: qianxi-shantytown-fast-and-furious\n"
                             "    reason: the source was found to be a copy of another report.\n", encoding="utf-8")


def mistype_fuzzy(paths: Paths) -> None:
    edit(po(paths, QUJIANG), "#, fuzzy\n", "#, fuzy\n")


def malformed_provenance(paths: Paths) -> None:
    edit(po(paths, QUJIANG), "# provenance: editorial draft, 2026-11-21\n", "# provenance: editorial draft\n")


def malformed_qa_ok(paths: Paths) -> None:
    edit(po(paths, QUJIANG), "# provenance: editorial draft, 2026-11-21\n",
         "# provenance: editorial draft, 2026-11-21\n# qa-ok: numbrs: the count is spelt out\n")


def free_comment(paths: Paths) -> None:
    edit(po(paths, QUJIANG), "# provenance: editorial draft, 2026-11-21\n",
         "# provenance: editorial draft, 2026-11-21\n# check this with Li\n")


def reviewed_but_fuzzy(paths: Paths) -> None:
    edit(po(paths, QUJIANG), "# provenance: editorial draft, 2026-11-21\n",
         "# provenance: editorial draft, 2026-11-21\n# reviewed-by: Li Ming, 2026-12-03\n")


def empty_po(paths: Paths) -> None:
    po(paths, QUJIANG).write_bytes(b"")


def po_with_bom(paths: Paths) -> None:
    path = po(paths, QUJIANG)
    path.write_bytes(codecs.BOM_UTF8 + path.read_bytes())


def latin1_po(paths: Paths) -> None:
    path = po(paths, QUJIANG)
    path.write_bytes(path.read_bytes().replace(b"Edit msgstr only", "Edit msgstr only (caf\xe9)".encode("latin-1")))


def unterminated_po_string(paths: Paths) -> None:
    path = po(paths, QUJIANG)
    path.write_text(path.read_text(encoding="utf-8") + 'msgid "x\n', encoding="utf-8")


def unquoted_catalog_date(paths: Paths) -> None:
    edit(paths.catalog, 'date: {value: "2018-09-18"', "date: {value: 2018-09-18")


def unquoted_catalog_year(paths: Paths) -> None:
    edit(paths.catalog, 'date: {value: "2018-09-18", note: "Bulletin', 'date: {value: 2018, note: "Bulletin')


def label_not_text(paths: Paths) -> None:
    edit(paths.catalog, "label: Kecheng\n", "label: yes\n")


def cut_block_from_release_manifest(paths: Paths) -> None:
    """A block deleted by hand from release 0.2's manifest (still valid JSON; every other block matches its SHA-256)."""
    path = paths.releases / "0.2.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    report = next(r for r in data["reports"] if r["slug"] == QUJIANG)
    report["blocks"] = [b for b in report["blocks"] if b["id"] != "b3"]
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def malformed_catalog_date(paths: Paths) -> None:
    edit(paths.catalog, 'date: {value: "2018-09-18"', 'date: {value: "18.9.2018"')


def undecodable_source(paths: Paths) -> None:
    (paths.seeds / "005_bad.txt").write_bytes("一行。\n".encode() + b"\xff\xfe\xfa bad \x80\n")




def encrypted_pdf(paths: Paths) -> None:
    (paths.seeds / "005_locked.pdf").write_bytes(blank_pdf(encrypt=True))


def damaged_pdf(paths: Paths) -> None:
    (paths.seeds / "005_cut.pdf").write_bytes(blank_pdf()[:200])


def scanned_pdf(paths: Paths) -> None:
    (paths.seeds / "005_scan.pdf").write_bytes(blank_pdf())


def misnamed_source(paths: Paths) -> None:
    (paths.seeds / "005_report.txt").write_bytes(blank_pdf())


def unsupported_source(paths: Paths) -> None:
    (paths.seeds / "005_report.odt").write_bytes(b"PK\x03\x04" + bytes(40))


def unsupported_extension(paths: Paths) -> None:
    (paths.seeds / "005_report.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(40))


def page_without_article(paths: Paths) -> None:
    (paths.seeds / "005_page.html").write_text(
        '<html><head><meta charset="utf-8"></head><body><nav><a href="/">首页</a><a href="/n">新闻动态</a></nav>'
        "<footer>版权所有 某某网 ICP备12345号</footer></body></html>", encoding="utf-8")


def damaged_word_document(paths: Paths) -> None:
    (paths.seeds / "005_report.docx").write_bytes(bytes(range(256)) * 8)


def same_name_other_extension(paths: Paths) -> None:
    first = sorted(paths.seeds.glob("*.txt"))[0]
    (paths.seeds / f"{first.stem}.html").write_text("<html><body><p>一段。</p></body></html>", encoding="utf-8")


def bad_glossary(paths: Paths) -> None:
    edit(paths.glossary, "category: ", "category: nonsense", 1)


def leftover_temporary_files(paths: Paths) -> None:
    (paths.anchors / f".{QUJIANG}.yaml.abc123.tmp").write_text("half", encoding="utf-8")
    (paths.translations / "en" / f".{QUJIANG}.po.def456.tmp").write_text("half", encoding="utf-8")
    (paths.root / ".CITATION.cff.ghi789.tmp").write_text("half", encoding="utf-8")  # (edition release)
    (paths.seeds / ".SHA256SUMS.jkl012.tmp").write_text("half", encoding="utf-8")


def drop_published_text(paths: Paths) -> None:
    """After a release, a paragraph leaves the reading text (as a changed cleaning rule could make it)."""
    from edition.commands.release import release

    release(paths, "1.0", date="2026-12-01")
    remove_paragraph(paths)


def release_twice(paths: Paths) -> None:
    from edition.commands.release import release

    release(paths, "1.0", date="2026-12-01")


def edit_release_manifest(paths: Paths) -> None:
    from edition.commands.release import release

    release(paths, "1.0", date="2026-12-01")
    edit(paths.releases / "1.0.json", "衢江区在城改四期项目中", "衢江区在城改五期项目中")


def nothing(paths: Paths) -> None:
    pass


def clear_a_translation(paths: Paths) -> None:
    """One entry without English, so that drafting needs an engine."""
    path = po(paths, QUJIANG)
    catalog_ = pofile.load_po(path)
    entry = pofile.by_context(catalog_)["b6"]
    entry.msgstr, entry.flags = "", []
    pofile.save_po(catalog_, path)


KEY = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d:fx"


def key_never_shown(paths: Paths, before: dict) -> None:
    from base64 import b64encode
    from urllib.parse import quote, quote_plus

    output = before["output"]
    forms = [KEY, quote(KEY), quote_plus(KEY), quote(KEY).lower(), b64encode(KEY.encode()).decode()[:20]]
    assert not [form for form in forms if form in output], output


# --- afterwards ------------------------------------------------------------------------------------


def ledger_restored(paths: Paths, before: dict) -> None:
    same_ids_and_english(paths, before)
    assert "retired: true" in ledger(paths, TAIJIANG).read_text(encoding="utf-8")


def qujiang_moved(paths: Paths, before: dict) -> None:
    assert not ledger(paths, QUJIANG).exists() and not po(paths, QUJIANG).exists()
    moved = ledger(paths, "qujiang-renamed").read_text(encoding="utf-8")
    assert f"previous_slugs:\n- {QUJIANG}\n" in moved
    page = (paths.docs / "reports" / f"{QUJIANG}.md").read_text(encoding="utf-8")
    assert 'data-target="../qujiang-renamed/"' in page and "has moved" in page
    after = texts_and_english(paths)
    assert {i: v for (s, i), v in after.items() if s == "qujiang-renamed"} == {
        i: v for (s, i), v in before["published"].items() if s == QUJIANG}


def withdrawn_page(paths: Paths, before: dict) -> None:
    page = (paths.docs / "reports" / "qianxi-shantytown-fast-and-furious.md").read_text(encoding="utf-8")
    assert "was withdrawn" in page and "a copy of another report" in page


def still_draft(paths: Paths, before: dict) -> None:
    data = json.loads((paths.build / "edition.json").read_text(encoding="utf-8"))
    block = next(b for r in data["reports"] if r["slug"] == QUJIANG for b in r["blocks"] if b["id"] == "b1")
    assert block["status"] == "draft" and block["reviewed_by"] == []


def msgfmt_clean(paths: Paths, before: dict) -> None:
    path = po(paths, QUJIANG)
    assert pofile.has_header(pofile.load_po(path))
    if shutil.which("msgfmt"):
        assert subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(path)]).returncode == 0


def no_bom_and_same_english(paths: Paths, before: dict) -> None:
    assert not po(paths, QUJIANG).read_bytes().startswith(codecs.BOM_UTF8)
    same_ids_and_english(paths, before)


def date_is_text(paths: Paths, before: dict) -> None:
    data = json.loads((paths.build / "edition.json").read_text(encoding="utf-8"))
    assert next(r for r in data["reports"] if r["slug"] == "kaihua-task-force-super-speed")["meta"]["date"][
        "value"] == "2018-09-18"


def rest_built(paths: Paths, before: dict) -> None:
    assert len(json.loads((paths.build / "edition.json").read_text(encoding="utf-8"))["reports"]) == 6


def leftovers_gone(paths: Paths, before: dict) -> None:
    assert not list(paths.anchors.glob(".*.tmp")) and not list(paths.translations.rglob(".*.tmp"))
    assert not list(paths.root.glob(".*.tmp")) and not list(paths.seeds.glob(".*.tmp"))


def ledger_restored_and_not_new(paths: Paths, before: dict) -> None:
    """Mended, and the recovered report is not reviewed as a new source (its anchors were published)."""
    ledger_restored(paths, before)
    assert "is new" not in before["output"], before["output"]


def same_ids_english_lost(paths: Paths, before: dict) -> None:
    """Every id names the text it named (the English went with the PO file, as the warning says)."""
    after = texts_and_english(paths)
    assert {k: zh for k, (zh, _) in after.items()} == {k: zh for k, (zh, _) in before["published"].items()}
    assert "is new" not in before["output"]


def first_entry_reviewed_by_li(paths: Paths, before: dict) -> None:
    data = json.loads((paths.build / "edition.json").read_text(encoding="utf-8"))
    block = next(b for r in data["reports"] if r["slug"] == QUJIANG for b in r["blocks"] if b["id"] == "b1")
    assert block["status"] == "reviewed" and block["reviewed_by"] == ["Li Ming, 2026-12-03"]
    assert block["provenance"] == "editorial draft, 2026-11-21"
    msgfmt_clean(paths, before)


def year_is_text(paths: Paths, before: dict) -> None:
    data = json.loads((paths.build / "edition.json").read_text(encoding="utf-8"))
    assert next(r for r in data["reports"] if r["slug"] == "kaihua-task-force-super-speed")["meta"]["date"][
        "value"] == "2018"


def version_says_unreleased(paths: Paths, before: dict) -> None:
    meta = json.loads((paths.build / "edition.json").read_text(encoding="utf-8"))["edition"]
    assert (meta["version"], meta["released"], meta["changed_since"]) == ("0.2+", None, "0.2")
    page = (paths.docs / "reports" / f"{TAIJIANG}.md").read_text(encoding="utf-8")
    assert 'data-edition-version="0.2 with unreleased changes"' in page
    tei = (paths.build / "tei" / f"{TAIJIANG}.xml").read_text(encoding="utf-8")
    assert "An unreleased build (changed since release 0.2) of" in tei


CASES = [
    Case("ledger-lost", lose_ledger_with_retired_anchor, r"warning: anchors/taijiang-hundred-day-assault\.yaml: no "
         r"ledger: ids recovered from translations/en/taijiang-hundred-day-assault\.po", status=0, unchanged=False,
         then=ledger_restored_and_not_new),
    Case("ledger-lost-po-swapped", lose_ledger_and_swap_msgctxt, r"error: anchors/taijiang-hundred-day-assault\.yaml: "
         r"report 'taijiang-hundred-day-assault': no ledger; translations/en/taijiang-hundred-day-assault\.po and "
         r"build/edition\.json, anchors/releases/0\.2\.json disagree on the text of b9 \(translations/en/taijiang-"
         r"hundred-day-assault\.po:\d+\), b10 \(translations/en/taijiang-hundred-day-assault\.po:\d+\), and which of "
         r"them is right decides which block gets which id; nothing was written"),
    Case("ledger-and-po-lost", lose_ledger_and_po, r"warning: anchors/qujiang-project-party-building\.yaml: no "
         r"ledger: ids recovered from build/edition\.json \(6 ids; each keeps the text it named\)", status=0,
         unchanged=False, then=same_ids_english_lost),
    Case("ledger-and-po-lost-retired", lose_ledger_and_po_with_retired_anchor, r"error: anchors/taijiang-hundred-day-"
         r"assault\.yaml: report 'taijiang-hundred-day-assault': no ledger and no PO file; build/edition\.json gives "
         r"the text of every block but not of the retired b7 \(b7 → b4\), and no other record does; it must keep "
         r"resolving: restore the ledger \(git checkout anchors/taijiang-hundred-day-assault\.yaml\)"),
    Case("ledger-cut-short", cut_ledger_short, r"warning: anchors/taijiang-hundred-day-assault\.yaml: the ledger "
         r"lacked b11–b53: ids recovered from translations/en/taijiang", status=0, unchanged=False,
         then=ledger_restored),
    Case("ledger-id-renamed", rename_id_in_ledger, r"error: anchors/qujiang-project-party-building\.yaml:\d+: b30 "
         r"names the text of b3 \(translations/en/qujiang-project-party-building\.po:\d+\).*never renamed"),
    Case("po-id-renamed", rename_id_in_po, r"error: translations/en/qujiang-project-party-building\.po:\d+: b30 names "
         r"the text of b3 \(anchors/qujiang-project-party-building\.yaml:\d+\), and no other record knows b30: an id is "
         r"never renamed; put b3 back in its msgctxt"),
    Case("po-msgctxt-swapped", swap_msgctxt_in_po, r"error: translations/en/qujiang-project-party-building\.po:\d+: "
         r"the entry b4 holds the Chinese of b3 \(whose entry is at line \d+\), not its own: its English would be "
         r"published under text it does not translate"),
    Case("ledger-id-twice", list_id_twice, r"error: anchors/qujiang-project-party-building\.yaml:\d+: id b2 is "
         r"listed twice \(first at line \d+\)"),
    Case("ledger-yaml-syntax", break_ledger_yaml, r"error: anchors/qujiang-project-party-building\.yaml:\d+: YAML "
         "syntax error"),
    Case("ledger-po-disagree", swap_ledger_texts_without_last_build, r"error: anchors/qujiang-project-party-building"
         r"\.yaml: report 'qujiang-project-party-building': the ledger and translations/en/qujiang-project-party-"
         r"building\.po disagree on the text of b\d \(line \d+ / translations/en/qujiang-project-party-building\.po:"
         r"\d+\).*nothing was written"),
    Case("ledger-edited", swap_ledger_texts, r"warning: anchors/qujiang-project-party-building\.yaml: the text of "
         r"b3, b4 differed from translations/en/qujiang-project-party-building\.po and build/edition\.json, which "
         r"agree: restored", status=0, unchanged=False, then=same_ids_and_english),
    Case("catalog-file-typo", misspell_catalog_file_name, r"error: seeds/catalog\.yaml:\d+: report "
         r"'pinghu-river-expropriation' is published \(anchors/pinghu-river-expropriation\.yaml\), but its entry "
         r"names '002_5613ba838e384744\.txt', which is not in seeds/ \(a misspelt file name, or a deleted source\?\)"),
    Case("slug-changed", change_slug, r"error: seeds/catalog\.yaml: report 'qujiang-project-party-building' "
         r"\(anchors/qujiang-project-party-building\.yaml\) is now built as 'qujiang-renamed': a published slug "
         r"never changes; if you renamed it on purpose, add previous_slugs"),
    Case("slug-renamed", rename_slug_on_purpose, r"warning: report 'qujiang-project-party-building' is now "
         r"'qujiang-renamed' \(renamed in the catalog\)", status=0, unchanged=False, then=qujiang_moved),
    Case("source-deleted", delete_published_source, r"error: anchors/qianxi-shantytown-fast-and-furious\.yaml: "
         r"report 'qianxi-shantytown-fast-and-furious' is published, but its source seeds/003_7443305932bb8f72\.txt "
         r"is gone: restore the file, or withdraw the report"),
    Case("report-withdrawn", withdraw_report, r"^built 5 reports", status=0, unchanged=False, then=withdrawn_page),
    Case("fuzzy-typo", mistype_fuzzy, r"error: translations/en/qujiang-project-party-building\.po:\d+: unknown flag "
         r"'fuzy' \(did you mean fuzzy\?\)"),
    Case("fuzzy-as-comment", fuzzy_as_extracted_comment, r"error: translations/en/qujiang-project-party-building\.po:"
         r"\d+: '#\. fuzzy' is not a line of this file: '#\.' marks an extracted comment, which the build writes itself "
         r".*did you mean \"#, fuzzy\" \(a draft\)\?"),
    Case("fuzzy-without-space", fuzzy_without_space, r"^built 6 reports", status=0, unchanged=False, then=still_draft),
    Case("reviewed-by-no-name", reviewer_without_name, r"error: translations/en/qujiang-project-party-building\.po:"
         r"\d+: reviewed-by names no reviewer \('2026-12-03'\)"),
    Case("provenance-malformed", malformed_provenance, r"error: translations/en/qujiang-project-party-building\.po:"
         r"\d+: malformed provenance comment 'provenance: editorial draft': write it '# provenance: <what produced "
         r"it>, <YYYY-MM-DD>'"),
    Case("qa-ok-unknown-check", malformed_qa_ok, r"error: translations/en/qujiang-project-party-building\.po:\d+: "
         r"qa-ok names no QA check 'numbrs'"),
    Case("comment-unknown", free_comment, r"error: translations/en/qujiang-project-party-building\.po:\d+: unknown "
         r"translator comment 'check this with Li'"),
    Case("reviewed-but-fuzzy", reviewed_but_fuzzy, r"warning: translations/en/qujiang-project-party-building\.po:\d+: "
         r"b1 has a reviewed-by comment but is still fuzzy", status=0, unchanged=False, then=still_draft),
    Case("po-empty", empty_po, r"warning: translations/en/qujiang-project-party-building\.po: no header \(an empty "
         r"file\?\): it gets the standard header", status=0, unchanged=False, then=msgfmt_clean),
    Case("po-header-less", header_less_po_with_reviewed_first_entry, r"warning: translations/en/qujiang-project-party-"
         r"building\.po: no header \(an empty file\?\): it gets the standard header", status=0, unchanged=False,
         then=first_entry_reviewed_by_li),
    Case("po-bom", po_with_bom, r"^built 6 reports", status=0, unchanged=False, then=no_bom_and_same_english),
    Case("po-latin-1", latin1_po, r"error: translations/en/qujiang-project-party-building\.po:2: is not UTF-8: byte "
         r"0xe9 \(invalid continuation byte\) at byte \d+ of the file, column \d+ of the line"),
    Case("po-syntax", unterminated_po_string, r"error: translations/en/qujiang-project-party-building\.po:\d+: PO "
         r"syntax error"),
    Case("catalog-date-unquoted", unquoted_catalog_date, r"^built 6 reports", status=0, unchanged=False,
         then=date_is_text),
    Case("catalog-year-unquoted", unquoted_catalog_year, r"^built 6 reports", status=0, unchanged=False,
         then=year_is_text),
    Case("catalog-label-not-text", label_not_text, r"error: seeds/catalog\.yaml:\d+: 000_ea51707ddd65a5b2\.txt: report "
         r"'kecheng-four-take-the-leads': 'label' must be text, not true/false \(True; put it in quotes\)"),
    Case("catalog-date-malformed", malformed_catalog_date, r"error: seeds/catalog\.yaml:\d+: "
         r"001_e0f659c2e1d8b06c\.txt(: report 'kaihua-task-force-super-speed')?: date value '18\.9\.2018' must be "
         "YYYY, YYYY-MM or YYYY-MM-DD"),
    Case("source-undecodable", undecodable_source, r"error: seeds/005_bad\.txt:2: cannot be decoded as UTF-8",
         unchanged=False, then=rest_built),
    Case("source-pdf-encrypted", encrypted_pdf, r"error: seeds/005_locked\.pdf: is an encrypted \(password-protected\) "
         r"PDF: save an unprotected copy of it \(source left out of the edition\)", unchanged=False, then=rest_built),
    Case("source-pdf-damaged", damaged_pdf, r"error: seeds/005_cut\.pdf: is not a readable PDF \(damaged or "
         r"truncated\?\): PSEOF: Unexpected EOF", unchanged=False, then=rest_built),
    Case("source-pdf-scan", scanned_pdf, r"error: seeds/005_scan\.pdf: is a PDF of 1 page\(s\) with no text layer "
         r"\(a scan\?\): OCR it first", unchanged=False, then=rest_built),
    Case("source-misnamed", misnamed_source, r"error: seeds/005_report\.txt: is named \.txt but holds a PDF: rename "
         r"it \(\.pdf\)", unchanged=False, then=rest_built),
    Case("source-zip-not-word", unsupported_source, r"error: seeds/005_report\.odt: is a zip archive but not a Word "
         r"document", unchanged=False, then=rest_built),
    Case("source-html-no-article", page_without_article, r"error: seeds/005_page\.html: holds no article: every line "
         r"of the page is navigation, footer or other chrome \(source left out", unchanged=False, then=rest_built),
    Case("source-docx-damaged", damaged_word_document, r"error: seeds/005_report\.docx: is named \.docx but is not a "
         r"Word document \(\.docx\) \(a \.docx file is a zip archive and this file is not one\)", unchanged=False,
         then=rest_built),
    Case("source-unsupported", unsupported_extension, r"error: seeds/005_report\.doc: is a \.doc file, which the "
         r"edition does not read", unchanged=False, then=rest_built),
    Case("source-same-name", same_name_other_extension, r"error: seeds/000_ea51707ddd65a5b2\.html: has the same name "
         r"as seeds/000_ea51707ddd65a5b2\.txt but for its extension", unchanged=False, then=rest_built),
    Case("glossary-bad", bad_glossary, r"error: glossary\.yaml:\d+: .*unknown category 'nonsense"),
    Case("leftover-temporary-files", leftover_temporary_files, r"^built 6 reports", status=0, unchanged=False,
         then=leftovers_gone),
    Case("release-text-removed", drop_published_text, r"error: anchors/releases/[\d.]+\.json: taijiang-hundred-"
         r"day-assault#b\d+ \(¶3, published in release [\d.]+\) was retired with no successor"),
    Case("release-manifest-cut", cut_block_from_release_manifest, r"error: anchors/releases/0\.2\.json: "
         r"qujiang-project-party-building: b3 \(in anchors/qujiang-project-party-building\.yaml\) was issued before "
         r"release 0\.2 but is not in it: a release manifest is never edited"),
    Case("release-then-changed", change_source_after_release, r"^built 6 reports", status=0, unchanged=False,
         then=version_says_unreleased),
    Case("release-again", release_twice, r"error: anchors/releases/1\.0\.json: release 1\.0 exists already",
         command=("release", "1.0")),
    Case("release-manifest-edited", edit_release_manifest, r"error: anchors/releases/1\.0\.json: "
         r"qujiang-project-party-building#b2: its text does not match its SHA-256"),
    Case("status-piped", nothing, r"^report", status=0, command=("status",)),
    Case("translate-target-unsupported", clear_a_translation, r"error: mymemory: target language 'xx' is not "
         r"supported \(try en", status=2, command=("translate", "--provider", "mymemory", "--target", "xx")),
    Case("translate-no-key", clear_a_translation, r"error: deepl: no API key: set the environment variable "
         r"DEEPL_API_KEY; no file was changed", command=("translate", "--provider", "deepl")),
    Case("translate-unreachable", clear_a_translation, r"error: deepl: cannot reach the translation engine \(.*\); "
         "no file was changed", command=("translate", "--provider", "deepl"), then=key_never_shown,
         env=(("DEEPL_API_KEY", KEY), ("DEEPL_SERVER_URL", f"http://127.0.0.1:9/{KEY}?auth_key={KEY}"))),
]


def run(paths: Paths, monkeypatch: pytest.MonkeyPatch, args: tuple[str, ...]) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = cli.main(["-C", str(paths.root), *args])
    return status, out.getvalue() + err.getvalue()


def snapshot(root: Path) -> dict[str, str]:
    return {str(p.relative_to(root)): sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file() and p.name != ".lock" and "__pycache__" not in p.parts}


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_bad_input(repo_copy: Paths, monkeypatch: pytest.MonkeyPatch, case: Case) -> None:
    build(repo_copy)
    case.damage(repo_copy)
    before = {"files": snapshot(repo_copy.root),
              "published": texts_and_english(repo_copy) if (repo_copy.build / "edition.json").exists() else {}}
    monkeypatch.delenv("DEEPL_API_KEY", raising=False)
    for name, value in case.env:
        monkeypatch.setenv(name, value)
    status, output = run(repo_copy, monkeypatch, case.command)
    before["output"] = output
    assert status == case.status, output
    assert "Traceback" not in output and re.search(case.says, output, re.MULTILINE), output
    errors = [line for line in output.splitlines() if line.startswith("error:")]
    assert len(errors) <= 1, output
    if case.unchanged:
        assert snapshot(repo_copy.root) == before["files"]
    if case.then is not None:
        case.then(repo_copy, before)


def test_every_case_is_in_the_documented_table() -> None:
    documented = set(re.findall(r"^\| `([a-z0-9-]+)` \|", DOCS.read_text(encoding="utf-8"), re.MULTILINE))
    assert {c.id for c in CASES} <= documented, sorted({c.id for c in CASES} - documented)


def test_a_closed_pipe_ends_the_command_quietly(repo_copy: Paths) -> None:
    """`edition status | head -1`: no BrokenPipeError, in a real pipe."""
    build(repo_copy)
    result = subprocess.run(["bash", "-o", "pipefail", "-c", f"{sys.executable} -m edition.cli status | head -1"],
                            capture_output=True, text=True, cwd=repo_copy.root)
    assert result.stdout.startswith("report") and result.stderr == "", result.stderr


def test_a_second_build_waits_for_the_first(repo_copy: Paths) -> None:
    """Two builds of one folder never run at once: the second waits, saying so, then builds."""
    shutil.rmtree(repo_copy.build, ignore_errors=True)
    with lock.writing(repo_copy.build):
        second = subprocess.Popen(
            [sys.executable, "-c", "from pathlib import Path; from edition.pipeline import build; "
                                   f"from edition.paths import Paths; build(Paths(Path({str(repo_copy.root)!r})))"],
            stderr=subprocess.PIPE, text=True)
        assert "waiting for another command" in second.stderr.readline()
        assert not (repo_copy.build / "edition.json").exists()  # nothing written while the lock is held
    assert second.wait(timeout=120) == 0
    assert (repo_copy.build / "edition.json").exists()


def test_ctrl_c_while_the_command_starts_is_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    """Ctrl-C in the first seconds (while the parser imports the drafting engines): one line, status 130."""
    def interrupted(commands: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(cli, "_add_translation_commands", interrupted)
    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        status = cli.main(["status"])
    assert status == 130 and err.getvalue().startswith("interrupted:") and err.getvalue().count("\n") == 1


def test_two_releases_of_one_version_at_once_release_it_once(repo_copy: Paths) -> None:
    """The second `edition release 1.0` waits for the first (the lock is taken before any check), then finds
    its manifest: release 1.0 exists already."""
    from edition.commands.release import release

    build(repo_copy)
    with lock.writing(repo_copy.build):
        second = subprocess.Popen([sys.executable, "-m", "edition.cli", "-C", str(repo_copy.root), "release", "1.0",
                                   "--date", "2026-12-01"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        assert "waiting for another command" in second.stderr.readline()
        release(repo_copy, "1.0", date="2026-12-01")  # the first, while the second waits
    out, err = second.communicate(timeout=300)
    assert second.returncode == 1 and "released" not in out, out
    assert re.search(r"^error: anchors/releases/1\.0\.json: release 1\.0 exists already", err, re.MULTILINE), err


# --- messages name the folders edition.yml names (folders.sources: texts), never seeds/ ---------------


def sources_in_texts(paths: Paths) -> Paths:
    """The small edition with its sources and catalog moved to texts/ (and edition.yml saying so)."""
    (paths.root / "seeds").rename(paths.root / "texts")
    file = paths.root / "edition.yml"
    settings = yaml.safe_load(file.read_text(encoding="utf-8"))
    settings["folders"] = {"sources": "texts", "catalog": "texts/catalog.yaml"}
    file.write_text(yaml.safe_dump(settings, allow_unicode=True), encoding="utf-8")
    return Paths(paths.root)


def rewrite(file: Path, old: str, new: str) -> None:
    text = file.read_text(encoding="utf-8")
    assert old in text
    file.write_text(text.replace(old, new), encoding="utf-8")


def forget(paths: Paths, file: str) -> None:
    """The source deleted, and its catalog entry with it."""
    (paths.seeds / file).unlink()
    catalog = yaml.safe_load(paths.catalog.read_text(encoding="utf-8"))
    catalog["sources"] = [s for s in catalog["sources"] if s["file"] != file]
    paths.catalog.write_text(yaml.safe_dump(catalog, allow_unicode=True), encoding="utf-8")


EXTRA = "示例村推进人居环境整治\n\n今年以来，示例村党支部带领党员清理村道两侧杂物，共清运垃圾30余吨，村容村貌明显改善。\n"


@pytest.mark.parametrize(("damage", "says", "status"), [
    (lambda p: (p.seeds / "extra.txt").write_text(EXTRA, encoding="utf-8"),
     r"warning: texts/extra\.txt: not in texts/catalog\.yaml; built with inferred metadata", 0),
    (lambda p: rewrite(p.catalog, "file: second.txt", "file: secnd.txt"),
     r"error: texts/catalog\.yaml:\d+: report 'example-waste-sorting' is published .*'secnd\.txt', which is not in "
     r"texts/ ", 1),
    (lambda p: forget(p, "second.txt"),
     r"report 'example-waste-sorting' is published, but its source texts/second\.txt is gone", 1),
    (lambda p: rewrite(p.catalog, "file: second.txt", "file: sub/second.txt"),
     r"error: texts/catalog\.yaml:\d+: source entry needs 'file': a plain file name in texts/ ", 1),
], ids=["uncatalogued", "misspelt-entry", "source-gone", "file-in-a-folder"])
def test_messages_name_the_configured_sources_folder(small_edition: Paths, monkeypatch: pytest.MonkeyPatch,
                                                     damage: Callable[[Paths], None], says: str, status: int) -> None:
    paths = sources_in_texts(small_edition)
    assert run(paths, monkeypatch, ("build",))[0] == 0
    damage(paths)
    code, output = run(paths, monkeypatch, ("build",))
    assert code == status and re.search(says, output, re.MULTILINE), output
    assert "seeds" not in output, output
