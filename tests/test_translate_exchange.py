"""The PO files as translation tools read them: translate-toolkit's pofilter with the checks that make
sense for Chinese -> English (each shown able to fail), and Weblate's PO conventions (Weblate reads
and writes PO files through translate-toolkit): msgctxt, fuzzy, the previous msgid, the header, no
wrapping."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from translate.storage import pypo

from edition.model import Block
from edition.paths import Paths
from edition.translate import po as pofile
from edition.translate.sync import sync_catalog
from tests.conftest import catalog

REPOSITORY = Paths().root

TRANSLATIONS = REPOSITORY / "translations" / "en"
PO_FILES = sorted(TRANSLATIONS.glob("*.po"))

# The pofilter checks that fit Chinese -> English prose (docs/translators.md says why each other is left out).
CHECKS = ("acronyms", "blank", "doublespacing", "doublewords", "emails", "endwhitespace", "escapes", "newlines",
          "simpleplurals", "startwhitespace", "tabs", "urls", "xmltags")
EXCLUDED = ("accelerators", "brackets", "compendiumconflicts", "credits", "doublequoting", "endpunc", "filepaths",
            "functions", "hassuggestion", "isfuzzy", "isreview", "kdecomments", "long", "musttranslatewords",
            "notranslatewords", "nplurals", "numbers", "options", "printf", "puncspacing", "purepunc",
            "pythonbraceformat", "sentencecount", "short", "simplecaps", "singlequoting", "spellcheck", "startcaps",
            "startpunc", "unchanged", "untranslated", "validchars", "variables")


def pofilter(source: Path, output: Path) -> dict[str, list[tuple[str, str]]]:
    """Run the pofilter command over ``source`` (a file or folder); file name -> (msgctxt, finding) per finding."""
    tests = [arg for check in CHECKS for arg in ("-t", check)]
    result = subprocess.run(
        [sys.executable, "-m", "translate.filters.pofilter", "--progress=none", "--language=en", *tests,
         str(source), str(output)],
        capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == 0, result.stderr
    found: dict[str, list[tuple[str, str]]] = {}
    for path in sorted(output.rglob("*.po")) if output.is_dir() else [output] if output.exists() else []:
        for unit in pypo.pofile.parsefile(str(path)).units:
            for note in unit.getnotes("translator").splitlines():
                if note.startswith("(pofilter) "):
                    found.setdefault(path.name, []).append((unit.getcontext(), note.removeprefix("(pofilter) ")))
    return found


def test_every_check_is_chosen_or_left_out_and_the_docs_say_which() -> None:
    listed = subprocess.run([sys.executable, "-m", "translate.filters.pofilter", "--listfilters"],
                            capture_output=True, text=True, timeout=60).stdout
    available = {line.split("\t")[0] for line in listed.splitlines() if "\t" in line}
    assert available == set(CHECKS) | set(EXCLUDED) and not set(CHECKS) & set(EXCLUDED)
    docs = (REPOSITORY / "docs" / "translators.md").read_text(encoding="utf-8")
    section = docs[docs.index("### pofilter"):]
    assert all(f"`{check}`" in section for check in (*CHECKS, *EXCLUDED))


def test_the_committed_po_files_pass_pofilter(tmp_path: Path) -> None:
    assert len(PO_FILES) >= 6
    findings = pofilter(TRANSLATIONS, tmp_path / "findings")
    assert findings == {}, findings


BAD = {  # msgid, msgstr -> the check it must fail
    "acronyms": ("采用PPP模式。", "Using the model."),
    "blank": ("你好。", "   "),
    "doublespacing": ("你好。", "Hello  there."),
    "doublewords": ("你好。", "Hello the the world."),
    "emails": ("联系 a@example.org。", "Contact us."),
    "endwhitespace": ("你好。", "Hello. "),
    "escapes": ("你好。", "Hello.\\n"),
    "newlines": ("你好。", "Hello.\nThere."),
    "simpleplurals": ("户数。", "The number of household(s)."),
    "startwhitespace": ("你好。", " Hello."),
    "tabs": ("你好。", "Hello\tthere."),
    "urls": ("见 http://www.gov.cn/a.html。", "See the site."),
    "xmltags": ("你好。", "Hello <b>there</b>."),
}


def test_every_chosen_check_finds_what_it_is_for(tmp_path: Path) -> None:
    """So that the test above can fail: each check, on an entry made to fail it."""
    assert set(BAD) == set(CHECKS)
    path, po = catalog(tmp_path, [zh for zh, _ in BAD.values()])
    for entry, (_, english) in zip(po, BAD.values(), strict=True):
        entry.msgstr = english
    pofile.save_po(po, path)
    findings = pofilter(path, tmp_path / "findings.po")["findings.po"]
    for number, check in enumerate(BAD, start=1):
        assert any(ctxt == f"b{number}" and note.startswith(f"{check}:") for ctxt, note in findings), check


# --- Weblate -----------------------------------------------------------------------------------


@pytest.mark.parametrize("path", PO_FILES, ids=[p.stem for p in PO_FILES])
def test_weblate_reads_each_entry_by_its_anchor_with_its_state(path: Path) -> None:
    store = pypo.pofile.parsefile(str(path))
    header = store.parseheader()
    assert header["Language"] == "en" and "charset=UTF-8" in header["Content-Type"]
    ours = {e.msgctxt: e for e in pofile.active_entries(pofile.load_po(path))}
    units = [u for u in store.units if not u.isheader() and not u.isobsolete()]
    assert [u.getcontext() for u in units] == list(ours)  # msgctxt, the anchor: Weblate's key with the msgid
    for unit in units:
        entry = ours[unit.getcontext()]
        assert (unit.source, unit.target) == (entry.msgid, entry.msgstr)
        assert unit.isfuzzy() == (pofile.status(entry) == pofile.DRAFT)  # fuzzy: Weblate's "Needs editing"
        assert not unit.hasplural()  # no plurals: Weblate needs no Plural-Forms (it takes the language's)


@pytest.mark.parametrize("path", PO_FILES, ids=[p.stem for p in PO_FILES])
def test_weblate_writes_the_files_back_unchanged_when_it_does_not_wrap(path: Path) -> None:
    """Weblate's po_line_wrap 65535 ("only at newlines") or -1 ("no wrapping"): an entry saved again is
    written as it was; its default, 77, would rewrap every long line."""
    data = path.read_bytes()
    for width, same in ((65535, True), (-1, True), (77, False)):
        store = pypo.pofile(width=width)
        store.parse(data)
        for unit in store.units:
            if not unit.isheader():
                unit.target = unit.target  # as Weblate saves an edited unit
        out = io.BytesIO()
        store.serialize(out)
        assert (out.getvalue() == data) == same, width


def test_weblate_sees_the_previous_chinese_of_a_changed_block(tmp_path: Path) -> None:
    """The build keeps a changed block's translation as a draft with the Chinese it translated as
    ``#| msgid``: what Weblate shows as the difference to review."""
    path, po = catalog(tmp_path, ["旧的中文。"])
    po[0].msgstr = "The old Chinese."
    sync_catalog(po, [Block("paragraph", "新的中文。", (1, 1), id="b1")])
    pofile.save_po(po, path)
    assert '#| msgid "旧的中文。"' in path.read_text(encoding="utf-8")
    [unit] = [u for u in pypo.pofile.parsefile(str(path)).units if not u.isheader()]
    assert unit.isfuzzy() and unit.prev_source == "旧的中文。" and unit.source == "新的中文。"
    assert unit.getcontext() == "b1" and unit.target == "The old Chinese."
    assert polib.pofile(str(path))[0].previous_msgid == "旧的中文。"
