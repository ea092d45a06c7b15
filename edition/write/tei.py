"""TEI P5 export: each report as one TEI document (``build/tei/<slug>.xml``, published as ``data/tei/``).

Why: TEI is the interchange format of digital editions (TEI Publisher, EVT, ediarum read it), so a
scholar can take a report, its anchors and the state of its translation into their own tools.

The tree is built with lxml, never by joining strings (so ``<script>&`` in a text stays text), and
written deterministically: nothing in it depends on the clock or on the machine. The mapping is
documented in ``docs/data-schema.md`` ("TEI export"); in short:

* ``teiHeader`` from the catalog: titles in both languages, the release in ``editionStmt``, the
  original's bibliographic data and the source file (with its SHA-256) in ``sourceDesc``, the
  normalisation rules (``RULES``) in ``editorialDecl``, the translation's review state in
  ``revisionDesc`` (counted from the blocks: a review is never claimed that did not happen);
* ``body`` holds two ``div``: ``type="original"`` (Chinese) and ``type="translation"`` (English), the
  layout TEI Publisher's parallel-text demos use; headings open nested ``div type="section"``;
* block ``bN`` is ``xml:id="zh-bN"`` in the Chinese and ``en-bN`` in the English, linked both ways
  by ``@corresp``; ``@source`` points at its lines in the source file (RFC 5147 ``#line=``);
* each English block carries ``@ana`` naming its state (``#translation-draft`` …) from a taxonomy
  in the header; a reviewed one also ``@resp``, the reviewers who signed;
* omitted site chrome is a ``gap`` at its place (``@reason`` the rule); paratext goes to
  ``front``/``back``; a retired anchor is an ``anchor`` where its citations now land.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any
from urllib.parse import quote

from lxml import etree

from edition.clean.normalise import RULES
from edition.model import Block, Omission, Paratext, Report, SourceEdition

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"
ZH, EN = "zh-Hans", "en"
SCHEMA_URL = "http://www.tei-c.org/release/xml/tei/custom/schema/relaxng/tei_all.rng"
SEEDS = "../seeds/"  # the source files, relative to data/tei/ on the site (Downloads)
PO = "../po/"  # the PO files, likewise

STATES: dict[str, str] = {
    "missing": "No English yet: the element holds a gap.",
    "draft": "A draft (machine or editorial), not reviewed by a person: do not quote it as a checked translation.",
    "reviewed": "Reviewed by a person, who removed the draft flag; @resp names the reviewers who signed.",
}
SEGMENTATION = (
    "Each report is cut into blocks (title, kicker, subtitle, heading, paragraph, caption, byline, editor's "
    "note). A block keeps the anchor it has on the site for good: anchor bN is xml:id zh-bN in the Chinese and "
    "en-bN in the English, paragraphs carry their ¶ number in @n, and @source points at the lines of the source "
    "file each block came from (RFC 5147 line positions, counted from 0: #line=9,12 is lines 10 to 12)."
)
SAMPLING = (
    "Site chrome of web pages (menus, breadcrumbs, share buttons, related articles, sidebars, footers, "
    "repeated titles) is left out of the reading text; each omission is a gap at its place, naming the rule "
    "that removed it (@reason) and its lines (@source). Paratext (masthead, contents, distribution list, "
    "colophon, dateline, credits) is kept, untranslated, in front and back. Nothing else is left out."
)
PROJECT = (
    "A bilingual edition: the Chinese text is cleaned from the source file by the normalisation rules below "
    "and nothing else; the English is the edition's translation, block by block, with its review state."
)

_ILLEGAL = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_DATE = re.compile(r", (\d{4}-\d{2}-\d{2})(?=;|$)")
_PLACE_LEVELS = (("province", "region"), ("city", "settlement"), ("county", "district"), ("street", "district"))
_TOP = {"head", "byline", "dateline"}  # allowed only before a div's running text (TEI model.divTop)
_BOTTOM = {"byline", "dateline"}  # ... or after all of it (model.divBottom)
_FLOATING = {"note", "figure", "gap", "anchor"}  # model.global: allowed anywhere in a div
_HEADS = {"title": "main", "kicker": "kicker", "subtitle": "sub"}


# --- small pieces -------------------------------------------------------------------------------


def zh_id(anchor: str) -> str:
    """The Chinese element of block ``anchor`` (an NCName: an id like b12 alone would be one too, but
    the two languages need two)."""
    return f"zh-{anchor}"


def en_id(anchor: str) -> str:
    return f"en-{anchor}"


def xml_text(text: str) -> str:
    """Text XML 1.0 can hold: a character it cannot (a form feed a PDF extraction left) becomes U+FFFD,
    visibly, rather than failing the build or vanishing."""
    return _ILLEGAL.sub("\ufffd", text)


def line_pointer(folder: str, file: str, lines: tuple[int, int]) -> str:
    """A URI for lines ``first``–``last`` (1-based) of a plain-text file: RFC 5147 counts positions
    between lines from 0, so lines 10–12 are ``#line=9,12``."""
    first, last = lines
    return f"{folder}{quote(file)}#line={first - 1},{last}"


def _text(value: Any) -> str | None:
    """A catalog value as text (the catalog holds plain data; a number is written as it reads)."""
    if value is None or isinstance(value, dict | list):
        return None
    return str(value).strip() or None


def _pair(value: Any) -> tuple[str | None, str | None]:
    """A catalog ``{zh, en}`` mapping (or nothing) as two texts."""
    if not isinstance(value, dict):
        return None, None
    return _text(value.get("zh")), _text(value.get("en"))


def _local(element: etree._Element) -> str:
    return etree.QName(element).localname


def _add(parent: etree._Element | None, name: str, text: str | None = None,
         attrs: Mapping[str, str | None] | None = None) -> etree._Element:
    """A TEI element (``xml:id``/``xml:lang`` spelled as such), appended to ``parent`` if given;
    attributes whose value is None are left out."""
    tag = f"{{{TEI_NS}}}{name}"
    element = etree.Element(tag, nsmap={None: TEI_NS}) if parent is None else etree.SubElement(parent, tag)
    for key, value in (attrs or {}).items():
        if value is not None:
            element.set(f"{{{XML_NS}}}{key[4:]}" if key.startswith("xml:") else key, xml_text(value))
    if text is not None:
        element.text = xml_text(text)
    return element


def _append_text(element: etree._Element, text: str) -> None:
    """Text after the element's last child (or as its text): mixed content, built node by node."""
    text = xml_text(text)
    if len(element):
        element[-1].tail = (element[-1].tail or "") + text
    else:
        element.text = (element.text or "") + text


def _pointers(ids: Iterable[str]) -> str:
    return " ".join(f"#{i}" for i in ids)


def provenance_date(provenance: str | None) -> str | None:
    """The date of a provenance (``<what>, YYYY-MM-DD[; revisions]``), for ``change/@when``."""
    match = _DATE.search(provenance or "")
    return match.group(1) if match else None


def split_reviewer(signature: str) -> tuple[str, str | None]:
    """``Name`` or ``Name, YYYY-MM-DD`` (as a reviewer signed) -> name, date."""
    name, _, date = signature.partition(", ")
    return name.strip(), (date.strip() or None)


def reviewers(blocks: Sequence[Block]) -> dict[str, str]:
    """Every reviewer who signed a reviewed block, in order of first signature -> their xml:id."""
    names: dict[str, str] = {}
    for block in blocks:
        if block.status != "reviewed":
            continue
        for signature in block.reviewed_by:
            name, _ = split_reviewer(signature)
            names.setdefault(name, f"reviewer-{len(names) + 1}")
    return names


# --- the header ---------------------------------------------------------------------------------


def tei_header(report: Report, source: SourceEdition, edition: Mapping[str, Any],
               source_meta: Mapping[str, Any] | None) -> etree._Element:
    header = _add(None, "teiHeader", attrs={"xml:lang": EN})
    signed = reviewers(report.blocks)
    file_desc = _add(header, "fileDesc")
    file_desc.append(_title_stmt(report, edition, signed))
    file_desc.append(_edition_stmt(edition))
    file_desc.append(_publication_stmt(report, edition))
    file_desc.append(_source_desc(report, source, source_meta or {}))
    header.append(_encoding_desc())
    profile = _add(header, "profileDesc")
    languages = _add(profile, "langUsage")
    _add(languages, "language", "Chinese in simplified characters: the original.", {"ident": ZH})
    _add(languages, "language", "English: the edition's translation.", {"ident": EN})
    header.append(_revision_desc(report.blocks, signed, edition))
    return header


def _titles(report: Report) -> tuple[str | None, str | None]:
    zh, en = _pair(report.meta.get("title"))
    return zh or (report.title.zh if report.title else None), en


def _title_stmt(report: Report, edition: Mapping[str, Any], signed: Mapping[str, str]) -> etree._Element:
    statement = _add(None, "titleStmt")
    zh, en = _titles(report)
    _add(statement, "title", zh or report.slug, {"type": "main", "xml:lang": ZH if zh else None})
    if en:
        _add(statement, "title", en, {"type": "main", "xml:lang": EN})
    _, edition_en = _pair(edition.get("title"))
    responsible = _add(statement, "respStmt")
    _add(responsible, "resp", "Cleaned, anchored and translated by")
    _add(responsible, "name", f"the editors of {edition_en}" if edition_en else "the editors of the edition")
    for name, identifier in signed.items():
        reviewer = _add(statement, "respStmt", attrs={"xml:id": identifier})
        _add(reviewer, "resp", "Reviewed the English translation (as signed in the PO file)")
        _add(reviewer, "name", name)
    return statement


def _edition_stmt(edition: Mapping[str, Any]) -> etree._Element:
    statement = _add(None, "editionStmt")
    version, released = _text(edition.get("version")), _text(edition.get("released"))
    _, title = _pair(edition.get("title"))
    entry = _add(statement, "edition", attrs={"n": version})
    since = _text(edition.get("changed_since"))
    _append_text(entry, f"An unreleased build (changed since release {since}) of " if since
                 else f"Release {version} of " if version else "An unreleased build of ")
    _add(entry, "title", title or "the edition", {"xml:lang": EN})
    if released:
        _append_text(entry, ", ")
        _add(entry, "date", released, {"when": released})
    return statement


def _publication_stmt(report: Report, edition: Mapping[str, Any]) -> etree._Element:
    statement = _add(None, "publicationStmt")
    zh, en = _pair(edition.get("title"))
    _add(statement, "publisher", en or zh or "The edition", {"xml:lang": EN if en else ZH if zh else None})
    released = _text(edition.get("released"))
    if released:
        _add(statement, "date", released, {"when": released})
    _add(statement, "idno", report.slug, {"type": "slug"})
    _add(statement, "ptr", attrs={"type": "report-page", "target": f"../../reports/{report.slug}/"})
    return statement


def _source_desc(report: Report, source: SourceEdition, source_meta: Mapping[str, Any]) -> etree._Element:
    description = _add(None, "sourceDesc")
    description.append(_original(report, source_meta))
    description.append(_source_file(report, source))
    return description


def _original(report: Report, source_meta: Mapping[str, Any]) -> etree._Element:
    """The original publication as the catalog records it (nothing the catalog lacks is invented)."""
    meta = report.meta
    bibl = _add(None, "biblStruct", attrs={"xml:id": "original"})
    analytic = _add(bibl, "analytic")
    zh, en = _titles(report)
    if zh:
        _add(analytic, "title", zh, {"level": "a", "xml:lang": ZH})
    if en:
        _add(analytic, "title", en, {"level": "a", "type": "translated", "xml:lang": EN})
    for person in meta.get("authors") or []:
        if isinstance(person, dict):
            analytic.append(_responsible(person))
    monogr = _add(bibl, "monogr")
    outlet_zh, outlet_en = _pair(meta.get("outlet"))
    if outlet_zh:
        _add(monogr, "title", outlet_zh, {"xml:lang": ZH})
    if outlet_en:
        _add(monogr, "title", outlet_en, {"type": "translated" if outlet_zh else None, "xml:lang": EN})
    imprint = _add(monogr, "imprint")
    issuer_zh, issuer_en = _pair(source_meta.get("issuer"))
    if issuer_zh:
        _add(imprint, "publisher", issuer_zh, {"xml:lang": ZH})
    if issuer_en:
        _add(imprint, "publisher", issuer_en, {"xml:lang": EN})
    date = meta.get("date") if isinstance(meta.get("date"), dict) else {}
    when, note = _text(date.get("value")), _text(date.get("note"))
    _add(imprint, "date", note or when or "Not stated.", {"when": when})
    place = meta.get("place")
    if isinstance(place, dict) and any(place.values()):
        bibl.append(_place_note(place))
    for kind, value in (("genre", meta.get("genre")), ("byline", meta.get("byline"))):
        if _text(value):
            _add(bibl, "note", _text(value), {"type": kind, "xml:lang": ZH if kind == "byline" else None})
    for key in ("publication", "issuer", "date"):
        value = source_meta.get(key)
        if isinstance(value, dict) and _text(value.get("note")):
            _add(bibl, "note", _text(value.get("note")), {"type": f"source-{key}"})
    if _text(source_meta.get("genre")):
        _add(bibl, "note", _text(source_meta.get("genre")), {"type": "source-genre"})
    if not report.catalogued:
        _add(bibl, "note", "Not catalogued yet: the title is taken from the text, and nothing else is known.",
             {"type": "uncatalogued"})
    return bibl


def _responsible(person: Mapping[str, Any]) -> etree._Element:
    """An author (role "author") or another responsibility, with the catalog's role as written."""
    zh, en = _text(person.get("zh")), _text(person.get("en"))
    role = _text(person.get("role"))
    if role == "author":
        element = _add(None, "author")
        holder = element
    else:
        element = _add(None, "respStmt")
        _add(element, "resp", role or "named in the catalog")
        holder = element
    if zh:
        _add(holder, "name", zh, {"xml:lang": ZH})
    if en:
        _add(holder, "name", en, {"xml:lang": EN})
    if not zh and not en:
        _add(holder, "name", "unnamed")
    return element


def _place_note(place: Mapping[str, Any]) -> etree._Element:
    note = _add(None, "note", attrs={"type": "place"})
    name = _add(note, "placeName")
    parts = [(level, element, *_pair(place.get(level))) for level, element in _PLACE_LEVELS]
    named = [p for p in parts if p[2] or p[3]]
    for index, (level, element, zh, en) in enumerate(named):
        if index:
            _append_text(name, ", ")
        if zh:
            _add(name, element, zh, {"type": level, "xml:lang": ZH})
        if zh and en:
            _append_text(name, " (")
        if en:
            _add(name, element, en, {"type": level, "xml:lang": EN})
        if zh and en:
            _append_text(name, ")")
    if not named:
        note.remove(name)
    if _text(place.get("note")):
        _append_text(note, (". " if named else "") + str(_text(place.get("note"))))
    return note


def _source_file(report: Report, source: SourceEdition) -> etree._Element:
    file = source.source
    bibl = _add(None, "bibl", attrs={"xml:id": "source-file", "type": "digital-source"})
    _add(bibl, "title", file.file, {"type": "file"})
    _add(bibl, "ptr", attrs={"target": f"{SEEDS}{quote(file.file)}"})
    _add(bibl, "idno", file.sha256, {"type": "SHA-256"})
    layout = {"pdf": "a text extraction of a PDF", "web": "a text extraction of a web page"}.get(file.layout, "text")
    first, last = report.lines
    _add(bibl, "note", f"The file as received ({layout}, {file.encoding}, {len(file.lines)} lines): this report "
         f"is lines {first}–{last}. The Chinese text of this document is cleaned from it.")
    return bibl


def _encoding_desc() -> etree._Element:
    encoding = _add(None, "encodingDesc")
    project = _add(encoding, "projectDesc")
    _add(project, "p", PROJECT)
    sampling = _add(encoding, "samplingDecl")
    _add(sampling, "p", SAMPLING)
    declaration = _add(encoding, "editorialDecl")
    normalisation = _add(declaration, "normalization", attrs={"method": "silent"})
    for code, rule in RULES.items():
        _add(normalisation, "p", rule, {"n": code})
    segmentation = _add(declaration, "segmentation")
    _add(segmentation, "p", SEGMENTATION)
    classes = _add(encoding, "classDecl")
    taxonomy = _add(classes, "taxonomy", attrs={"xml:id": "translation-state"})
    _add(taxonomy, "desc", "The state of each English block (named by its @ana).")
    for state, meaning in STATES.items():
        category = _add(taxonomy, "category", attrs={"xml:id": f"translation-{state}"})
        _add(category, "catDesc", f"{state}: {meaning}")
    return encoding


def translation_counts(blocks: Sequence[Block]) -> dict[str, int]:
    return {state: sum(1 for b in blocks if b.status == state) for state in STATES}


def _revision_desc(blocks: Sequence[Block], signed: Mapping[str, str], edition: Mapping[str, Any]) -> etree._Element:
    """The translation's state, counted from the blocks: one summary ``change``, then one per group of
    blocks that share a state, a provenance and their reviewers."""
    counts = translation_counts(blocks)
    everything_reviewed = counts["reviewed"] == len(blocks) and bool(blocks)
    status = "reviewed" if everything_reviewed else "unfinished" if counts["missing"] else "draft"
    revisions = _add(None, "revisionDesc", attrs={"status": status})
    version, released = _text(edition.get("version")), _text(edition.get("released"))
    since = _text(edition.get("changed_since"))
    where = f" since release {since} (unreleased)" if since else f" in release {version}" if version else ""
    summary = (f"Translation state{where}: {len(blocks)} blocks; "
               f"{counts['reviewed']} reviewed, {counts['draft']} draft (not reviewed), {counts['missing']} "
               "without English.")
    _add(revisions, "change", summary, {"type": "translation-state", "status": status,
                                        "when": released, "n": version})
    for (state, provenance, signatures), group in _groups(blocks).items():
        revisions.append(_change(state, provenance, signatures, group, signed))
    return revisions


def _groups(blocks: Sequence[Block]) -> dict[tuple[str, str | None, tuple[str, ...]], list[Block]]:
    groups: dict[tuple[str, str | None, tuple[str, ...]], list[Block]] = {}
    for block in blocks:
        if block.id is None:
            continue
        signatures = tuple(block.reviewed_by) if block.status == "reviewed" else ()
        groups.setdefault((block.status, block.provenance, signatures), []).append(block)
    return groups


def _change(state: str, provenance: str | None, signatures: tuple[str, ...], group: Sequence[Block],
            signed: Mapping[str, str]) -> etree._Element:
    target = _pointers(en_id(b.id) for b in group if b.id)
    count = f"{len(group)} block{'s' if len(group) != 1 else ''}"
    if state == "missing":
        return _add(None, "change", f"No English yet for {count}.", {"status": state, "target": target})
    drafted = f"English from: {provenance}" if provenance else "provenance not recorded"
    if state == "draft":
        return _add(None, "change", f"{count} drafted ({drafted}); not reviewed.",
                    {"status": state, "when": provenance_date(provenance), "target": target})
    names = [split_reviewer(s) for s in signatures]
    who = _pointers(dict.fromkeys(signed[name] for name, _ in names)) or None
    dates = sorted({date for _, date in names if date})
    if names:
        by = "; ".join(f"{name}, {date}" if date else name for name, date in names)
        text = f"{count} reviewed by {by} ({drafted})."
    else:
        text = f"{count} reviewed (the draft flag was removed) but no reviewer signed ({drafted})."
    return _add(None, "change", text, {"status": state, "who": who, "when": dates[-1] if dates else None,
                                       "target": target})


# --- the text -----------------------------------------------------------------------------------


def _block_element(block: Block, lang: str, source: SourceEdition, report: Report,
                   signed: Mapping[str, str]) -> etree._Element:
    """One block in one language: its element, ids, links and (in English) state and notes."""
    anchor = block.id or ""
    own, other = (zh_id(anchor), en_id(anchor)) if lang == ZH else (en_id(anchor), zh_id(anchor))
    attrs: dict[str, str | None] = {"xml:id": own, "corresp": f"#{other}"}
    if lang == ZH:
        attrs["source"] = line_pointer(SEEDS, source.source.file, block.lines)
    else:
        attrs["ana"] = f"#translation-{block.status}"
        names = [split_reviewer(s)[0] for s in block.reviewed_by] if block.status == "reviewed" else []
        attrs["resp"] = _pointers(dict.fromkeys(signed[n] for n in names)) or None
        if block.po_line:
            attrs["source"] = line_pointer(PO, f"{report.slug}.po", (block.po_line, block.po_line))
    if block.kind == "paragraph":
        attrs["n"] = str(block.number) if block.number is not None else None
    if block.kind == "caption":
        element = _add(None, "figure", attrs=attrs)
        holder = _add(element, "head")
    elif block.kind in _HEADS or block.kind == "heading":
        element = holder = _add(None, "head", attrs={**attrs, "type": _HEADS.get(block.kind)})
    elif block.kind == "byline":
        element = holder = _add(None, "byline", attrs=attrs)
    elif block.kind == "note":
        element = holder = _add(None, "note", attrs={**attrs, "type": "editorial", "place": "inline"})
    else:
        element = holder = _add(None, "p", attrs=attrs)
    if lang == ZH:
        holder.text = xml_text(block.zh)
    elif block.en is None or block.status == "missing":
        holder.text = ""  # mixed content: kept on one line by the pretty-printer (no whitespace added)
        _add(holder, "gap", attrs={"reason": "untranslated"})
    else:
        holder.text = xml_text(block.en)
        if block.translator_note:
            _add(holder, "note", block.translator_note, {"type": "translator", "resp": attrs["resp"]})
    return element


def _gap(omission: Omission, file: str) -> etree._Element:
    first, last = omission.lines
    gap = _add(None, "gap", attrs={"reason": omission.rule, "unit": "line", "quantity": str(last - first + 1),
                                   "source": line_pointer(SEEDS, file, omission.lines)})
    _add(gap, "desc", omission.reason, {"xml:lang": EN})
    return gap


def _retired_anchor(old: str, successor: str) -> etree._Element:
    return _add(None, "anchor", attrs={"xml:id": zh_id(old), "type": "retired", "corresp": f"#{zh_id(successor)}"})


def _own_omissions(report: Report, source: SourceEdition) -> list[Omission]:
    """The source's omissions but those inside another report's lines (they belong to that report)."""
    others = [r.lines for r in source.reports if r is not report and r.blocks]
    return [o for o in source.omissions if not any(a <= o.lines[0] <= b for a, b in others)]


def _text_div(report: Report, source: SourceEdition, lang: str, retired: Mapping[str, str | None],
              signed: Mapping[str, str]) -> etree._Element:
    """The report in one language: its blocks in reading order, a ``div type="section"`` under each
    heading (nested by level), and in the Chinese its gaps and retired anchors at their places."""
    kind = "original" if lang == ZH else "translation"
    other = "en" if lang == ZH else "zh"
    root = _add(None, "div", attrs={"type": kind, "xml:lang": lang, "xml:id": lang.split("-")[0],
                                    "corresp": f"#{other}"})
    first, last = report.lines
    omissions = _own_omissions(report, source) if lang == ZH else []
    landing: dict[str, list[str]] = {}
    for old, new in retired.items():
        if new is not None and lang == ZH:
            landing.setdefault(new, []).append(old)
    for omission in (o for o in omissions if o.lines[0] < first):
        root.append(_gap(omission, source.source.file))
    inside = sorted((o for o in omissions if first <= o.lines[0] <= last), key=lambda o: o.lines)
    stack: list[tuple[int, etree._Element]] = [(1, root)]
    for block in report.blocks:
        while inside and inside[0].lines[0] < block.lines[0]:
            stack[-1][1].append(_gap(inside.pop(0), source.source.file))
        if block.kind == "heading":
            level = block.level or 2
            while stack[-1][0] >= level:
                stack.pop()
            stack.append((level, _add(stack[-1][1], "div", attrs={"type": "section"})))
        for old in sorted(landing.get(block.id or "", []), key=_id_order):
            stack[-1][1].append(_retired_anchor(old, block.id or ""))
        stack[-1][1].append(_block_element(block, lang, source, report, signed))
    for omission in [*inside, *(o for o in omissions if o.lines[0] > last)]:
        root.append(_gap(omission, source.source.file))
    settle(root)
    return root


def _id_order(anchor: str) -> tuple[int, str]:
    digits = anchor.lstrip("b")
    return (int(digits) if digits.isdigit() else 0, anchor)


def settle(div: etree._Element) -> None:
    """Make a div's order one TEI allows: a title, byline or dateline may stand before the running
    text or (byline, dateline) after all of it; one in the middle becomes ``ab`` (its @type says what
    it was). Nested divs likewise."""
    children = list(div)
    started = False
    for index, child in enumerate(children):
        name = _local(child)
        if name == "div":
            settle(child)
        if name in ("div", "p", "ab"):
            started = True
        elif name in _TOP and started:
            rest = [_local(c) for c in children[index + 1:]]
            if name in _BOTTOM and all(r in _FLOATING | _BOTTOM for r in rest):
                continue
            if child.get("type") is None:
                child.set("type", name)
            child.tag = f"{{{TEI_NS}}}ab"
            started = True


def _paratext_div(piece: Paratext, file: str) -> etree._Element:
    div = _add(None, "div", attrs={"type": piece.kind, "xml:lang": ZH,
                                   "source": line_pointer(SEEDS, file, piece.lines)})
    lines = [line for line in piece.zh.split("\n") if line.strip()]
    if piece.kind == "dateline":
        dateline = _add(div, "dateline", lines[0] if lines else "")
        for line in lines[1:]:
            _add(dateline, "lb")
            _append_text(dateline, line)
    else:
        for line in lines:
            _add(div, "ab", line)
    return div


def _front_and_back(report: Report, source: SourceEdition,
                    retired: Mapping[str, str | None]) -> tuple[etree._Element | None, etree._Element | None]:
    """Paratext that starts before the report's end goes to ``front``, the rest to ``back``; anchors
    retired with no successor are listed in ``back``."""
    front, back = _add(None, "front"), _add(None, "back")
    for piece in source.paratext:
        (front if piece.lines[0] <= report.lines[1] else back).append(_paratext_div(piece, source.source.file))
    removed = sorted((old for old, new in retired.items() if new is None), key=_id_order)
    if removed:
        div = _add(back, "div", attrs={"type": "retired-anchors", "xml:lang": EN})
        _add(div, "head", "Retired anchors whose text was removed from the edition")
        listing = _add(div, "list")
        for old in removed:
            item = _add(listing, "item")
            _add(item, "anchor", attrs={"xml:id": zh_id(old), "type": "retired"})
            _append_text(item, f"{old}: its text is no longer in the reading text; citations of it land here.")
    return (front if len(front) else None), (back if len(back) else None)


# --- the document -------------------------------------------------------------------------------


def tei_tree(report: Report, source: SourceEdition, edition: Mapping[str, Any], *,
             source_meta: Mapping[str, Any] | None = None,
             retired: Mapping[str, str | None] | None = None) -> etree._ElementTree:
    """The TEI document of one report (``edition`` as :meth:`Edition.edition_meta`, ``source_meta`` the
    catalog's entry for the source, ``retired`` the report's retired ids -> where they land)."""
    retired = retired or {}
    signed = reviewers(report.blocks)
    root = _add(None, "TEI", attrs={"xml:lang": ZH, "n": report.slug})
    root.append(tei_header(report, source, edition, source_meta))
    text = _add(root, "text")
    front, back = _front_and_back(report, source, retired)
    if front is not None:
        text.append(front)
    body = _add(text, "body")
    body.append(_text_div(report, source, ZH, retired, signed))
    body.append(_text_div(report, source, EN, retired, signed))
    if back is not None:
        text.append(back)
    model = etree.ProcessingInstruction(
        "xml-model", f'href="{SCHEMA_URL}" type="application/xml" schematypens="http://relaxng.org/ns/structure/1.0"')
    root.addprevious(model)
    etree.cleanup_namespaces(root)
    return etree.ElementTree(root)


def tei_document(report: Report, source: SourceEdition, edition: Mapping[str, Any], *,
                 source_meta: Mapping[str, Any] | None = None,
                 retired: Mapping[str, str | None] | None = None, source_lang: str = ZH) -> bytes:
    """The document as pretty-printed UTF-8 bytes (the same input gives the same bytes); the original is
    tagged ``source_lang`` (``languages.source`` in ``edition.yml``)."""
    tree = tei_tree(report, source, edition, source_meta=source_meta, retired=retired)
    if source_lang != ZH:
        relabel(tree, source_lang)
    return etree.tostring(tree, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def relabel(tree: etree._ElementTree, source_lang: str) -> None:
    """The original tagged ``source_lang`` instead of ``zh-Hans``: every ``xml:lang`` and the ``langUsage``
    entry. (The tree is built with ``ZH`` as the mark of the original, which its functions test for.)"""
    lang = f"{{{XML_NS}}}lang"
    for element in tree.iter():
        if element.get(lang) == ZH:
            element.set(lang, source_lang)
    for language in tree.iter(f"{{{TEI_NS}}}language"):
        if language.get("ident") == ZH:
            language.set("ident", source_lang)
            language.text = f"The original ({source_lang})."
