"""How a report is cited: one CSL-JSON record made from the catalog, and from it everything else that
cites it: the BibTeX (bibtexparser) and RIS (rispy) downloads, the Highwire Press ``citation_*`` tags and
the schema.org JSON-LD of its page (written into the page's front matter; ``overrides/main.html`` prints
them), and the reference the Cite button starts from (Chicago author-date, plain text).

One record for all of them, so that a reference manager, a search engine and a reader copying the Cite
text get the same author, date, outlet and titles. What the catalog does not state is left out, never
guessed (an undated report has no publication date, and its reference says "n.d.").
"""

from __future__ import annotations

import json
import os
import re
from typing import Any

import bibtexparser
import rispy
import yaml
from bibtexparser.model import Entry, Field
from markupsafe import Markup

from edition.model import Report
from edition.write import theme

# Catalog roles that make a person an author of the text (a "responsible editor" or an "instructing
# official" did not write it); an issuing office is the author only of a text no person signed.
PERSONAL_ROLES = ("author", "reporter", "staff reporter", "correspondent")
INSTITUTIONAL_ROLES = ("issuing office",)
CSL_TYPES = {True: "article-journal", False: "document"}  # has an outlet (a bulletin or a news site) or not
BIBTEX_TYPES = {"article-journal": "article", "document": "misc"}
RIS_TYPES = {"article-journal": "JOUR", "document": "GEN"}
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")


def site_url() -> str | None:
    """Where the site is published (``SITE_URL``, as mkdocs.yml reads it), for the downloads' stable URLs."""
    url = os.environ.get("SITE_URL", "").strip()
    return url.rstrip("/") + "/" if url else None


def report_url(slug: str, base: str | None) -> str | None:
    return f"{base}reports/{slug}/" if base else None


def quoted(text: str) -> str:
    """Text in double quotation marks, the quotation marks inside it turned to single ones (“…‘…’…”).
    Only double marks are turned: a single closing mark inside is an apostrophe (County’s)."""
    inner = re.sub(r'"([^"]*)"', "‘\\1’", text)
    return "“" + inner.replace("“", "‘").replace("”", "’") + "”"


def _names(meta: dict[str, Any]) -> list[dict[str, str]]:
    """The authors as CSL names: a person's romanised name is family name first (pinyin: one word)."""
    authors = [a for a in meta.get("authors") or [] if isinstance(a, dict) and a.get("en")]
    people = [a for a in authors if a.get("role") in PERSONAL_ROLES]
    if people:
        return [_person(a["en"]) for a in people]
    return [{"literal": a["en"]} for a in authors if a.get("role") in INSTITUTIONAL_ROLES]


def _person(name: str) -> dict[str, str]:
    family, _, given = name.partition(" ")
    return {"family": family, "given": given} if given else {"literal": name}


def _named(value: Any) -> tuple[str, str]:
    """A catalog value {zh, en} (or a string) as (en, zh)."""
    if isinstance(value, dict):
        return value.get("en") or "", value.get("zh") or ""
    return (str(value), "") if value else ("", "")


def csl_record(report: Report, edition: dict[str, Any], url: str | None = None) -> dict[str, Any]:
    """The report as its edition publishes it: the English title (the Chinese as ``original-title``), the
    original's authors, date and outlet, the edition as publisher, with its version."""
    meta = report.meta
    title = meta.get("title") or {}
    outlet_en, outlet_zh = _named(meta.get("outlet"))
    kind = CSL_TYPES[bool(outlet_en or outlet_zh)]
    record: dict[str, Any] = {"id": report.slug, "type": kind,
                              "title": title.get("en") or title.get("zh") or report.slug}
    if title.get("en") and title.get("zh"):
        record["original-title"] = title["zh"]
    if names := _names(meta):
        record["author"] = names
    date = (meta.get("date") or {}).get("value")
    if date:
        record["issued"] = {"date-parts": [[int(part) for part in str(date).split("-")]]}
    if outlet_en or outlet_zh:
        record["container-title"] = outlet_en or outlet_zh
        if outlet_en and outlet_zh:
            record["original-publisher"] = outlet_zh
    edition_title = (edition.get("title") or {}).get("en") or ""
    if edition_title:
        record["publisher"] = edition_title
    if edition.get("version"):
        record["version"] = str(edition["version"])
    record["language"] = "en"
    record["note"] = "English translation with the Chinese original, block by block" + (
        f", in {edition_title}" if edition_title else "") + "."
    if url:
        record["URL"] = url
    return record


def csl_json(record: dict[str, Any]) -> str:
    """CSL-JSON: a list of items (what Zotero, citeproc-js and pandoc read)."""
    return json.dumps([record], ensure_ascii=False, indent=1) + "\n"


def _person_name(name: dict[str, str]) -> str:
    return f"{name['family']}, {name['given']}" if "family" in name else name["literal"]


def bibtex(record: dict[str, Any]) -> str:
    """A BibLaTeX entry (UTF-8; ``origtitle`` holds the Chinese title); an institution is braced whole."""
    fields = [("title", record["title"])]
    if "original-title" in record:
        fields.append(("origtitle", record["original-title"]))
    if "author" in record:
        fields.append(("author", " and ".join(
            _person_name(n) if "family" in n else "{" + n["literal"] + "}" for n in record["author"])))
    if "container-title" in record:
        fields.append(("journaltitle", record["container-title"]))
    if "issued" in record:
        fields.append(("date", "-".join(f"{p:02d}" for p in record["issued"]["date-parts"][0])))
    for key, name in (("publisher", "publisher"), ("version", "version"), ("URL", "url"),
                      ("language", "langid"), ("note", "note")):
        if key in record:
            fields.append((name, record[key]))
    library = bibtexparser.Library([Entry(BIBTEX_TYPES[record["type"]], record["id"],
                                          [Field(k, v) for k, v in fields])])
    return bibtexparser.write_string(library)


class _RisWriter(rispy.RisWriter):
    """rispy's writer without its numbered header line ("1."), which RIS itself does not have."""

    def set_header(self, count: int) -> str:
        return ""


def ris(record: dict[str, Any]) -> str:
    """An RIS record: TI the English title, OP the Chinese original's, T2 the outlet, PB the edition."""
    entry: dict[str, Any] = {"type_of_reference": RIS_TYPES[record["type"]], "title": record["title"]}
    if "original-title" in record:
        entry["original_publication"] = record["original-title"]
    if "author" in record:
        entry["authors"] = [_person_name(n) for n in record["author"]]
    if "container-title" in record:
        entry["secondary_title"] = record["container-title"]
    if "issued" in record:
        parts = record["issued"]["date-parts"][0]
        entry["year"] = str(parts[0])
        entry["date"] = "/".join(f"{p:02d}" for p in parts)
    for key, name in (("publisher", "publisher"), ("version", "edition"), ("URL", "urls"),
                      ("language", "language"), ("note", "notes")):
        if key in record:
            entry[name] = [record[key]] if name in ("urls", "notes") else record[key]
    return rispy.dumps([entry], implementation=_RisWriter)


def _date_text(parts: list[int]) -> str:
    if len(parts) == 3:
        return f"{MONTHS[parts[1] - 1]} {parts[2]}, {parts[0]}"
    return f"{MONTHS[parts[1] - 1]} {parts[0]}" if len(parts) == 2 else str(parts[0])


def reference(record: dict[str, Any]) -> str:
    """The report's reference in Chicago author-date style, up to the edition and its version; the Cite
    button adds the block (¶ number, anchor), its stable URL and the access date. Chinese names are not
    inverted (Chicago 17th ed.); the Chinese title follows the English in brackets."""
    title = quoted(record["title"])
    if "original-title" in record:
        title += f" [{record['original-title']}]"
    parts = record.get("issued", {}).get("date-parts", [[]])[0]
    year = f"{parts[0]}." if parts else "n.d."
    names = [" ".join(filter(None, (n.get("family"), n.get("given")))) or n.get("literal", "")
             for n in record.get("author", [])]
    authors = " and ".join(names) if len(names) < 3 else ", ".join(names[:-1]) + ", and " + names[-1]
    text = f"{authors}. {year} {title}." if authors else f"{title}. {year}"
    if "container-title" in record:
        text += f" {record['container-title']}" + (f", {_date_text(parts)}" if len(parts) > 1 else "") + "."
    if "publisher" in record:
        version = f"version {record['version']}" if "version" in record else "unreleased version"
        text += f" Translated in {record['publisher']}, {version}"
    return text


def highwire(record: dict[str, Any]) -> list[list[str]]:
    """Highwire Press tags, as Google Scholar's inclusion guidelines name them: [name, content, lang].
    The outlet (a bulletin or a news site) is the ``citation_journal_title``, the one container the
    tags know; the edition, which publishes the translation, is the ``citation_publisher``."""
    tags = [["citation_title", record["title"], "en"]]
    if "original-title" in record:
        tags.append(["citation_title", record["original-title"], theme.current().source_lang])
    tags += [["citation_author", _person_name(n), ""] for n in record.get("author", [])]
    if "issued" in record:
        tags.append(["citation_publication_date", "/".join(f"{p:02d}" for p in record["issued"]["date-parts"][0]), ""])
    if "container-title" in record:
        tags.append(["citation_journal_title", record["container-title"], "en"])
    if "publisher" in record:
        tags.append(["citation_publisher", record["publisher"], "en"])
    tags += [["citation_language", "zh", ""], ["citation_language", "en", ""]]
    return tags


def json_ld(record: dict[str, Any], report: Report, marks: list[tuple[str, str]]) -> dict[str, Any]:
    """schema.org: the page is a Report, the English translation of the original (``translationOfWork``,
    also ``isBasedOn``), with a part per block at its anchor. The page's own URL is added by the theme
    (it knows the canonical address); ``@id``s are relative to it."""
    people = [{"@type": "Person", "name": n.get("literal") or f"{n['family']} {n['given']}"}
              if "family" in n else {"@type": "Organization", "name": n["literal"]} for n in record.get("author", [])]
    authors_zh = {a.get("en"): a.get("zh") for a in report.meta.get("authors") or [] if isinstance(a, dict)}
    original: dict[str, Any] = {"@type": "Report", "@id": "#original", "inLanguage": theme.current().source_lang,
                                "name": record.get("original-title", record["title"])}
    if people:
        original["author"] = [{**p, "alternateName": authors_zh[p["name"]]} if authors_zh.get(p["name"]) else p
                              for p in people]
    if "issued" in record:
        original["datePublished"] = "-".join(f"{p:02d}" for p in record["issued"]["date-parts"][0])
    if "container-title" in record:
        original["isPartOf"] = {"@type": "Periodical", "name": record["container-title"],
                                **({"alternateName": record["original-publisher"]}
                                   if "original-publisher" in record else {})}
    data: dict[str, Any] = {"@context": "https://schema.org", "@type": "Report", "@id": "#top",
                            "name": record["title"], "inLanguage": ["en", theme.current().source_lang],
                            "isBasedOn": {"@id": "#original"}, "translationOfWork": original}
    if people:
        data["author"] = people
    if "publisher" in record:
        data["publisher"] = {"@type": "Organization", "name": record["publisher"]}
        data["isPartOf"] = {"@type": "Collection", "name": record["publisher"],
                            **({"version": record["version"]} if "version" in record else {})}
    if "version" in record:
        data["version"] = record["version"]
    data["hasPart"] = [{"@type": "CreativeWork", "@id": f"#{block_id}", "name": mark} for block_id, mark in marks]
    return data


def front_matter(record: dict[str, Any], report: Report, marks: list[tuple[str, str]]) -> Markup:
    """The page's ``citation`` front matter (YAML): its tags and JSON-LD, which ``overrides/main.html``
    prints in the page's head (MkDocs reads front matter into ``page.meta``)."""
    data = {"citation": {"tags": highwire(record), "json_ld": json_ld(record, report, marks)}}
    return Markup(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10**6))


DOWNLOADS = {"json": csl_json, "bib": bibtex, "ris": ris}  # extension -> format, as data/cite/<slug>.<ext>


def downloads(report: Report, edition: dict[str, Any], base: str | None) -> dict[str, str]:
    """The report's citation files for the Downloads page: {"cite/<slug>.json": CSL-JSON, .bib, .ris}."""
    record = csl_record(report, edition, report_url(report.slug, base))
    return {f"cite/{report.slug}.{ext}": write(record) for ext, write in DOWNLOADS.items()}
