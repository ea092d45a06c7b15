"""translations/<lang>/<slug>.po: format, round trip, states, errors."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import polib
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from edition.errors import EditionError
from edition.model import Block
from edition.paths import Paths
from edition.translate import po as pofile
from edition.translate.sync import sync_catalog


def blocks() -> list[Block]:
    out = [
        Block("title", "柯城区党员干部“四带头”", (1, 1), id="b1"),
        Block("paragraph", "一是带头宣传。共开展讨论1000余次。", (3, 4), id="b2", number=1),
        Block("paragraph", "二是带头公示\t受监督，“点赞榜”。", (5, 5), id="b3", number=2),
    ]
    return out


def sample_catalog() -> polib.POFile:
    po = pofile.new_catalog("kecheng")
    sync_catalog(po, blocks())
    entries = pofile.by_context(po)
    pofile.set_draft(entries["b1"], "Kecheng’s “Four Take-the-Leads”", "editorial draft, 2024-05-01",
                     notes=["a note"])
    entries["b2"].msgstr = "First, take the lead in publicity. Over 1,000 discussions were held."
    return po


def test_layout(tmp_path: Path) -> None:
    path = pofile.po_path(tmp_path / "translations", "kecheng")
    assert path == tmp_path / "translations" / "en" / "kecheng.po"
    pofile.save_po(sample_catalog(), path)
    text = path.read_text(encoding="utf-8")
    assert "#:" not in text
    assert "POT-Creation-Date" not in text and "PO-Revision-Date" not in text
    for field in ("Project-Id-Version", "Language: en", "Content-Type: text/plain; charset=UTF-8",
                  "MIME-Version: 1.0", "Content-Transfer-Encoding: 8bit"):
        assert field in text
    assert '#. kind: paragraph ¶1\nmsgctxt "b2"' in text
    assert "# provenance: editorial draft, 2024-05-01\n# note: a note\n#. kind: title\n#, fuzzy\n" in text
    # no wrapping, reading order
    assert text.index('msgctxt "b1"') < text.index('msgctxt "b2"') < text.index('msgctxt "b3"')
    assert all(len(line) < 200 or line.startswith(("msgid", "msgstr")) for line in text.splitlines())


def test_load_and_save_unchanged_is_byte_identical(tmp_path: Path) -> None:
    path = tmp_path / "en" / "kecheng.po"
    pofile.save_po(sample_catalog(), path)
    before = path.read_bytes()
    po = pofile.load_po(path)
    copy = tmp_path / "copy.po"
    pofile.save_po(po, copy)
    assert copy.read_bytes() == before
    assert pofile.save_po(po, path) is False  # nothing to write


# what a block or a translation can hold: no control characters (the sources are checked for them)
TEXT = st.text(st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp"), whitelist_characters="\n\t"),
               max_size=80)


@settings(max_examples=100, deadline=None)
@given(TEXT.filter(lambda s: s.strip()), TEXT)
def test_round_trip_any_text(zh: str, en: str) -> None:
    po = pofile.new_catalog("x")
    po.append(polib.POEntry(msgctxt="b1", msgid=zh, msgstr=en))
    text = pofile.dumps(po)
    again = pofile.parse_po(text, "x.po")
    assert pofile.by_context(again)["b1"].msgid == zh
    assert pofile.by_context(again)["b1"].msgstr == en
    assert pofile.dumps(again) == text


def test_states_and_provenance() -> None:
    po = sample_catalog()
    entries = pofile.by_context(po)
    assert pofile.status(entries["b1"]) == pofile.DRAFT
    assert pofile.provenance(entries["b1"]) == "editorial draft, 2024-05-01"
    assert pofile.status(entries["b2"]) == pofile.REVIEWED
    assert pofile.status(entries["b3"]) == pofile.MISSING


def test_a_reviewed_entry_is_never_overwritten() -> None:
    entry = pofile.by_context(sample_catalog())["b2"]
    with pytest.raises(pofile.ReviewedEntryError):
        pofile.set_draft(entry, "machine text", "google via deep-translator, 2024-05-01")
    assert entry.msgstr.startswith("First, take the lead")


def test_syntax_error_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.po"
    path.write_text('msgid ""\nmsgstr ""\n\nmsgctxt "b1"\nmsgid "a" x\nmsgstr "b"\n', encoding="utf-8")
    with pytest.raises(EditionError) as caught:
        pofile.load_po(path)
    assert caught.value.path == str(path)
    assert caught.value.line == 5
    assert str(caught.value).startswith(f"{path}:5: PO syntax error")


def test_duplicate_msgctxt_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "dup.po"
    path.write_text('msgid ""\nmsgstr ""\n\nmsgctxt "b1"\nmsgid "甲"\nmsgstr ""\n\n'
                    'msgctxt "b1"\nmsgid "乙"\nmsgstr ""\n', encoding="utf-8")
    with pytest.raises(EditionError) as caught:
        pofile.load_po(path)
    assert caught.value.line == 8
    assert "b1" in caught.value.message


def test_comments_helpers() -> None:
    entry = polib.POEntry(msgctxt="b1", msgid="甲", msgstr="A")
    pofile.add_comment(entry, "qa-ok", "numbers: 十二五 is the name of a plan")
    pofile.set_comment(entry, "provenance", "editorial draft, 2024-05-01")
    assert entry.tcomment.split("\n")[0] == "provenance: editorial draft, 2024-05-01"
    assert pofile.qa_ok(entry) == {"numbers": "十二五 is the name of a plan"}


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="msgfmt (Debian package gettext) is not installed")
def test_msgfmt_accepts_the_file(tmp_path: Path) -> None:
    po = sample_catalog()
    sync_catalog(po, blocks()[:2])  # with an obsolete entry too
    path = tmp_path / "kecheng.po"
    pofile.save_po(po, path)
    done = subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(path)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "error" not in done.stderr.lower()


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="msgfmt (Debian package gettext) is not installed")
@pytest.mark.parametrize("path", sorted((Paths().translations / pofile.LANGUAGE).glob("*.po")), ids=lambda p: p.name)
def test_msgfmt_accepts_every_committed_po_file(path: Path) -> None:
    """What translators commit is valid gettext, checked by gettext itself (stricter than polib)."""
    done = subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(path)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


HEADER = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'


@pytest.mark.parametrize(("line", "says"), [
    ("#: fuzzy", r"f\.po:5: '#: fuzzy' is not a line of this file: '#:' marks a reference.*did you mean \"#, fuzzy\""),
    ("#. fuzzy", r"f\.po:5: '#\. fuzzy' is not a line of this file: '#\.' marks an extracted comment.*did you mean "
                 r"\"#, fuzzy\""),
    ("#: report.txt:12", r"f\.po:5: '#: report\.txt:12' is not a line of this file.*remove the line"),
    ("#. kind: paragrph ¶2", r"f\.po:5: '#\. kind: paragrph ¶2' is not a line of this file"),
    ("# fuzzy", r"f\.po:5: unknown translator comment 'fuzzy' \(did you mean \"#, fuzzy\"\?\)"),
    ("#| the old text", r"f\.po:5: '#\|' holds the previous msgid as gettext writes it"),
    ("# reviewed-by: 2026-12-03", r"f\.po:5: reviewed-by names no reviewer \('2026-12-03'\)"),
])
def test_a_comment_line_the_edition_does_not_write_is_an_error(line: str, says: str) -> None:
    """Only the '#.' and '#|' forms the edition writes pass: '#. fuzzy' must never pass for the flag (the
    draft would be published as reviewed and the line dropped)."""
    with pytest.raises(EditionError, match=says):
        pofile.parse_po(f'{HEADER}{line}\nmsgctxt "b1"\nmsgid "甲"\nmsgstr "A"\n', "f.po")


def test_the_forms_the_edition_writes_are_accepted() -> None:
    po = pofile.parse_po(f'{HEADER}# reviewed-by: 李明, 2026-12-03\n#. kind: paragraph ¶12\n#| msgid "乙"\n'
                         'msgctxt "b1"\nmsgid "甲"\nmsgstr "A"\n', "f.po")
    assert pofile.reviewed_by(po[0]) == ["李明, 2026-12-03"] and po[0].previous_msgid == "乙"


def test_fuzzy_flag_without_a_space_is_the_fuzzy_flag() -> None:
    """'#,fuzzy' is valid gettext (msgfmt reads it): a draft, never a syntax error."""
    po = pofile.parse_po(f'{HEADER}#,fuzzy\nmsgctxt "b1"\nmsgid "甲"\nmsgstr "A"\n', "f.po")
    assert pofile.status(po[0]) == pofile.DRAFT


def test_a_header_less_file_keeps_the_first_entry_s_comments() -> None:
    """polib takes the comments of a file without header for a header's: they are the first entry's (its
    reviewer and provenance), and the header the build adds is the standard one."""
    text = ('# provenance: editorial draft, 2026-11-21\n# reviewed-by: Li Ming, 2026-12-03\n#. kind: title\n'
            'msgctxt "b1"\nmsgid "甲"\nmsgstr "A"\n')
    po = pofile.parse_po(text, "f.po")
    assert pofile.reviewed_by(po[0]) == ["Li Ming, 2026-12-03"]
    assert pofile.provenance(po[0]) == "editorial draft, 2026-11-21"
    pofile.repair_header(po, "r")
    assert po.header == pofile.HEADER.format(slug="r") and pofile.status(po[0]) == pofile.REVIEWED
