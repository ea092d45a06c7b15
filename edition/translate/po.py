"""One gettext PO file per report: ``translations/<lang>/<slug>.po``.

One entry per translatable block, in reading order: ``msgctxt`` is the block's anchor id, ``msgid``
its Chinese, ``msgstr`` the English. Files are written without line wrapping, without ``#:``
locations and with a fixed header, so that loading and saving an unchanged file gives the same bytes
(and a translator's diff shows only what they changed).

Translator comments (``# key: value``) carry what the build needs to know about an entry, and
nothing else may stand there (a typo must not pass silently):

* ``provenance: <what produced the English>, <YYYY-MM-DD>`` (optionally followed by ``; <revisions>``);
* ``note: <text>``, a translator's note (one line each; several lines make one note);
* ``qa-ok: <check>: <why>``, an accepted QA finding, explained;
* ``reviewed-by: <name>`` or ``reviewed-by: <name>, <YYYY-MM-DD>``, written by the reviewer who
  removes the fuzzy flag (shown on the block; never invented).

The only flag is ``fuzzy``: an entry is a draft while it has it, reviewed once a person removed it.
Any other flag (``#, fuzy``) is an error naming the file and line; ``#,fuzzy`` (no space) is gettext's
too, and read as ``#, fuzzy``. The extracted comment (``#. kind: paragraph ¶3``) is for translators
only and is rewritten by the build; any other ``#.`` line, and any ``#:`` line (the build writes
none), is an error naming the line, so that ``#. fuzzy`` or ``#: fuzzy`` never passes for the flag.
"""

from __future__ import annotations

import datetime
import difflib
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

import polib

from edition.atomic import write_text
from edition.errors import EditionError
from edition.model import BLOCK_KINDS
from edition.textfile import decode_utf8

LANGUAGE = "en"
MISSING, DRAFT, REVIEWED = "missing", "draft", "reviewed"
STATUSES = (MISSING, DRAFT, REVIEWED)
FUZZY = "fuzzy"

PROJECT = "bilingual-edition"  # Project-Id-Version when the edition names none (translation.project_id)
HEADER = (
    "English translation of the report '{slug}'.\n"
    "Edit msgstr only; remove the '#, fuzzy' line when you have reviewed an entry.\n"
    "See docs/translators.md."
)

_LINE_IN_MESSAGE = re.compile(r"\(line (\d+)\)")
_QUOTED = r'"(?:[^"\\]|\\.)*"'
_PO_LINE = re.compile(rf"(?:(?:msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)[ \t]+)?{_QUOTED}")
_MSGCTXT_LINE = re.compile(r'^msgctxt "(.*)"$')
_OBSOLETE_MSGCTXT_LINE = re.compile(r'^#~ msgctxt "(.*)"$')
FLAGS = (FUZZY,)
COMMENT_KEYS = ("provenance", "note", "qa-ok", "reviewed-by")
QA_CHECKS = ("empty", "untranslated", "cjk", "length", "numbers", "glossary", "glossary-variant",
             "glossary-consistency")  # what qa-ok may accept
_DATE = r"\d{4}-\d{2}-\d{2}"
_COMMENT_FORMS = {
    "provenance": (re.compile(rf"^[^,;\s].*, {_DATE}(?:; .+)?$"), "provenance: <what produced it>, <YYYY-MM-DD>"),
    "note": (re.compile(r"^.*$"), "note: <text>"),
    "qa-ok": (re.compile(r"^[a-z-]+: \S.*$"), "qa-ok: <check>: <why>"),
    "reviewed-by": (re.compile(rf"^[^,\s][^,]*(?:, {_DATE})?$"), "reviewed-by: <name>[, <YYYY-MM-DD>]"),
}
_LETTER = re.compile(r"[^\W\d_]")  # a name has at least one letter (of any script)
_EXTRACTED = re.compile(rf"^kind: (?:{'|'.join(BLOCK_KINDS)})(?: ¶[1-9][0-9]*)?$")  # what the build writes
_FLAG_LINE_WITHOUT_SPACE = re.compile(r"^([ \t]*#,)(?=\S)", re.MULTILINE)


def po_path(translations: Path, slug: str, language: str = LANGUAGE) -> Path:
    return translations / language / f"{slug}.po"


def metadata(language: str = LANGUAGE, project: str = PROJECT) -> dict[str, str]:
    """The fixed header: nothing in it changes from one run to the next."""
    return {
        "Project-Id-Version": project,
        "Language": language,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
    }


def new_catalog(slug: str, language: str = LANGUAGE, project: str = PROJECT) -> polib.POFile:
    po = polib.POFile(wrapwidth=0)
    po.header = HEADER.format(slug=slug)
    po.metadata = metadata(language, project)
    return po


def check_lines(text: str, path: Path | str) -> None:
    """Every line is blank, a comment, a keyword with a quoted string, or a quoted continuation.

    polib is lenient: an unterminated string at the end of a file, for one, makes it drop the header
    without a word, and the build would then save the damage. So the lines are checked first.
    """
    first: list[tuple[int, str]] | None = []  # comments before the first entry: the header's are free text
    for number, line in enumerate(text.split("\n"), start=1):  # as polib reads lines (not splitlines)
        stripped = line.strip()
        if stripped.startswith("#,"):
            _check_flags(stripped[2:], path, number)
        elif stripped.startswith("#"):
            if first is not None:
                first.append((number, stripped))
            else:
                _check_comment(stripped, path, number)
        if not stripped or stripped.startswith("#"):
            continue
        if first is not None:
            if stripped != 'msgid ""':  # the first entry is no header: its comments are an entry's
                for at, comment in first:
                    _check_comment(comment, path, at)
            first = None
        if not _PO_LINE.fullmatch(stripped):
            shown = stripped if len(stripped) <= 40 else stripped[:40] + "…"
            raise EditionError(
                path,
                f"PO syntax error: expected msgctxt, msgid or msgstr and a string in double quotes "
                f"(closed, with inner quotes escaped as \\\"), found {shown!r}",
                number,
            )


def _check_flags(flags: str, path: Path | str, number: int) -> None:
    for flag in (f.strip() for f in flags.split(",")):
        if flag not in FLAGS:
            hint = " (did you mean fuzzy?)" if difflib.SequenceMatcher(None, flag, FUZZY).ratio() >= 0.6 else ""
            raise EditionError(path, f"unknown flag {flag!r}{hint}: the only flag is 'fuzzy' (a draft); remove the "
                               "whole '#, fuzzy' line when the entry is reviewed", number)


def _check_comment(line: str, path: Path | str, number: int) -> None:
    """A translator comment (``# key: value``) of a known key in its form, or one of gettext's ``#`` lines
    in the form the build writes (``#.``: the block's kind; ``#|``, ``#~``: previous and obsolete entries)."""
    marker = line[1:2]
    if marker in ("~", ","):  # obsolete entries (their lines are checked as entries'), flags (checked apart)
        return
    body = line[2:].strip() if marker in (".", ":", "|") else line[1:].strip()
    if marker == "|":
        if not _PO_LINE.fullmatch(body):
            raise EditionError(path, f"'#|' holds the previous msgid as gettext writes it ('#| msgid \"…\"'), not "
                               f"{body[:40]!r}", number)
        return
    if marker in (".", ":"):
        if marker == "." and _EXTRACTED.match(body):
            return
        what = ("an extracted comment, which the build writes itself ('#. kind: paragraph ¶3')" if marker == "."
                else "a reference, which the edition does not use (a block's place is its msgctxt)")
        fix = 'did you mean "#, fuzzy" (a draft)?' if _fuzzy_hint(body) else "remove the line"
        raise EditionError(path, f"'#{marker} {body[:40]}' is not a line of this file: '#{marker}' marks {what}; "
                           f"{fix}", number)
    if not body:
        return
    key, colon, value = body.partition(":")
    if not colon or key not in _COMMENT_FORMS:
        raise EditionError(path, f"unknown translator comment {body[:40]!r}{_fuzzy_hint(body)}: a comment is one of "
                           f"{', '.join(k + ':' for k in COMMENT_KEYS)} (a note is written '# note: …')", number)
    pattern, form = _COMMENT_FORMS[key]
    if not pattern.match(value.strip()):
        raise EditionError(path, f"malformed {key} comment {body[:60]!r}: write it '# {form}'", number)
    if key == "reviewed-by" and not _LETTER.search(value.split(",")[0]):
        raise EditionError(path, f"reviewed-by names no reviewer ({value.strip()!r}): write it '# {form}' (a reviewer "
                           "is never left out or invented)", number)
    if key == "qa-ok":
        check = value.strip().split(":", 1)[0]
        if check not in QA_CHECKS:
            raise EditionError(path, f"qa-ok names no QA check {check!r} (checks: {', '.join(QA_CHECKS)})", number)
    for date in re.findall(_DATE, value):
        try:
            datetime.date.fromisoformat(date)
        except ValueError:
            raise EditionError(path, f"{key}: {date} is not a date", number) from None


def _fuzzy_hint(body: str) -> str:
    word = body.strip(" ,:").lower()
    return ' (did you mean "#, fuzzy"?)' if difflib.SequenceMatcher(None, word, FUZZY).ratio() >= 0.6 else ""


def _starts_with_header(text: str) -> bool:
    """Whether the first entry is gettext's header (``msgid ""``); polib takes the comments of a file
    without one for a header's."""
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped and not stripped.startswith("#"):
            return stripped == 'msgid ""'
    return False


def parse_po(text: str, path: Path | str) -> polib.POFile:
    """Parse PO text; a syntax error or a repeated msgctxt is an :class:`EditionError` naming file, line."""
    check_lines(text, path)
    text = _FLAG_LINE_WITHOUT_SPACE.sub(r"\1 ", text)  # '#,fuzzy' is gettext's too; polib wants the space
    try:
        po = polib.pofile(text, wrapwidth=0, encoding="utf-8")
    except (OSError, ValueError, UnicodeError) as err:
        message = str(err)
        found = _LINE_IN_MESSAGE.search(message)
        detail = message.split("):", 1)[1].strip() if "):" in message else ""
        raise EditionError(
            path, f"PO syntax error{': ' + detail if detail else ''}", int(found.group(1)) if found else None
        ) from None
    po.wrapwidth = 0
    if po.header and not _starts_with_header(text) and len(po):  # a header-less file: the comments are the
        first = po[0]                                              # first entry's (its reviewer, its provenance)
        first.tcomment = "\n".join(filter(None, (po.header, first.tcomment)))
        po.header = ""
    lines = msgctxt_lines(text)
    seen: set[str] = set()
    for entry in po:
        if entry.obsolete or entry.msgctxt is None:
            continue
        if entry.msgctxt in seen:
            duplicates = lines.get(entry.msgctxt, [])
            raise EditionError(
                path,
                f"msgctxt {entry.msgctxt!r} appears more than once in the file (each block has one entry)",
                duplicates[1] if len(duplicates) > 1 else entry.linenum,
            )
        seen.add(entry.msgctxt)
    return po


def load_po(path: Path, shown: str | Path | None = None) -> polib.POFile:
    """A PO file as UTF-8 (a byte-order mark is dropped); errors name the file (as ``shown``) and line."""
    try:
        data = path.read_bytes()
    except OSError as err:
        raise EditionError(shown or path, f"cannot be read: {err.strerror or err}") from None
    return parse_po(decode_utf8(data, shown or path), shown or path)


def has_header(po: polib.POFile) -> bool:
    """Whether the file has gettext's header entry with a charset (msgfmt rejects a file without)."""
    return "charset=" in po.metadata.get("Content-Type", "")


def repair_header(po: polib.POFile, slug: str, language: str = LANGUAGE, project: str = PROJECT) -> None:
    """Give a header-less file (an empty one, say) the standard header; keep any fields it has."""
    if not po.header:
        po.header = HEADER.format(slug=slug)
    po.metadata = {**metadata(language, project), **po.metadata} if po.metadata else metadata(language, project)
    po.metadata["Content-Type"] = "text/plain; charset=UTF-8"


def dumps(po: polib.POFile) -> str:
    po.wrapwidth = 0
    for entry in po:
        entry.occurrences = []  # no '#:' lines: a block's place is its msgctxt
    return str(po)


def save_po(po: polib.POFile, path: Path) -> bool:
    """Write atomically; False (and nothing written) if the file already holds exactly this."""
    return write_text(path, dumps(po))


def obsolete_lines(text: str) -> dict[str, int]:
    """Every obsolete entry's msgctxt -> the line of its ``#~ msgctxt``."""
    found: dict[str, int] = {}
    for number, line in enumerate(text.split("\n"), start=1):
        match = _OBSOLETE_MSGCTXT_LINE.match(line)
        if match:
            found.setdefault(_unescape(match.group(1)), number)
    return found


def msgctxt_lines(text: str) -> dict[str, list[int]]:
    """Every active entry's msgctxt -> the 1-based lines it is on (obsolete ``#~`` entries excluded)."""
    found: dict[str, list[int]] = {}
    for number, line in enumerate(text.split("\n"), start=1):
        match = _MSGCTXT_LINE.match(line)
        if match:
            found.setdefault(_unescape(match.group(1)), []).append(number)
    return found


def entry_lines(text: str) -> dict[str, int]:
    """msgctxt -> the line of its (first) ``msgctxt`` line: where "edit this paragraph" links point."""
    return {ctxt: lines[0] for ctxt, lines in msgctxt_lines(text).items()}


def _unescape(value: str) -> str:
    return value.replace('\\"', '"').replace("\\\\", "\\")


def active_entries(po: polib.POFile) -> Iterator[polib.POEntry]:
    return (e for e in po if not e.obsolete)


def by_context(po: polib.POFile) -> dict[str, polib.POEntry]:
    return {e.msgctxt: e for e in active_entries(po) if e.msgctxt is not None}


# --- states -----------------------------------------------------------------------------------


def status(entry: polib.POEntry) -> str:
    """``missing`` (no English), ``draft`` (``#, fuzzy``) or ``reviewed`` (neither)."""
    if not entry.msgstr.strip():
        return MISSING
    return DRAFT if FUZZY in entry.flags else REVIEWED


def is_reviewed(entry: polib.POEntry) -> bool:
    return status(entry) == REVIEWED


def set_fuzzy(entry: polib.POEntry, fuzzy: bool = True) -> None:
    if fuzzy and FUZZY not in entry.flags:
        entry.flags.append(FUZZY)
    elif not fuzzy and FUZZY in entry.flags:
        entry.flags.remove(FUZZY)


class ReviewedEntryError(RuntimeError):
    """Raised when code tries to replace a reviewed translation (a programming error, never data)."""


def set_draft(entry: polib.POEntry, english: str, provenance: str, *, notes: Iterable[str] = ()) -> None:
    """Put a draft in an entry: fuzzy, with its provenance. Refuses to touch a reviewed entry."""
    if is_reviewed(entry):
        raise ReviewedEntryError(f"refusing to overwrite the reviewed translation of {entry.msgctxt}")
    entry.msgstr = english
    set_fuzzy(entry)
    entry.previous_msgid = None  # the draft translates the current Chinese
    set_comment(entry, "provenance", provenance)
    remove_comment(entry, "qa-ok")  # an explanation of a finding in the old text does not carry over
    remove_comment(entry, "note")
    for note in notes:
        add_comment(entry, "note", note)


# --- translator comments ----------------------------------------------------------------------


def _comment_lines(entry: polib.POEntry) -> list[str]:
    return entry.tcomment.split("\n") if entry.tcomment else []


def comments(entry: polib.POEntry, key: str) -> list[str]:
    """The values of every ``# key: value`` translator comment of an entry."""
    prefix = f"{key}:"
    return [line[len(prefix) :].strip() for line in _comment_lines(entry) if line.startswith(prefix)]


def comment(entry: polib.POEntry, key: str) -> str | None:
    values = comments(entry, key)
    return values[0] if values else None


def remove_comment(entry: polib.POEntry, key: str) -> None:
    prefix = f"{key}:"
    entry.tcomment = "\n".join(line for line in _comment_lines(entry) if not line.startswith(prefix))


def set_comment(entry: polib.POEntry, key: str, value: str) -> None:
    """Replace the ``# key:`` line (or add it first: provenance leads the comments)."""
    prefix = f"{key}:"
    lines = [line for line in _comment_lines(entry) if not line.startswith(prefix)]
    entry.tcomment = "\n".join([f"{prefix} {value}", *lines])


def add_comment(entry: polib.POEntry, key: str, value: str) -> None:
    lines = _comment_lines(entry)
    for part in value.splitlines() or [""]:
        lines.append(f"{key}: {part}".rstrip())
    entry.tcomment = "\n".join(lines)


def provenance(entry: polib.POEntry) -> str | None:
    return comment(entry, "provenance")


def reviewed_by(entry: polib.POEntry) -> list[str]:
    """Who reviewed the entry, as the reviewers wrote it (``Name`` or ``Name, YYYY-MM-DD``)."""
    return comments(entry, "reviewed-by")


def qa_ok(entry: polib.POEntry) -> dict[str, str]:
    """Accepted QA findings: check name -> the translator's explanation."""
    accepted: dict[str, str] = {}
    for value in comments(entry, "qa-ok"):
        name, _, why = value.partition(":")
        accepted[name.strip()] = why.strip()
    return accepted
