"""Pipeline stage "annotate with the glossary": pure functions over the glossary and the texts.

Public API (import from ``edition.annotate``)::

    terms = load_glossary(paths.glossary)            # (edition.read.glossary) list[Term]; EditionError if bad
    term.zh_forms, term.tooltip, term.record()       # ("党建引领", ...), "dǎngjiàn yǐnlǐng · Party-...", dict

    texts = report_texts(edition.reports)            # [(slug, block id, zh)] of anchored blocks
    occs = find_occurrences(terms, texts)            # [Occurrence(term_id, slug, block_id, start, end, form)]
    Matcher(terms).spans(text)                       # [(start, end, term_id)] for one text
    count_by_term(occs)                              # {term_id: n}

    related_reports(occs, slugs, top=None)           # {slug: [RelatedReport(slug, score, shared)]}
    see_also(occs, paragraph_keys(edition.reports))  # {(slug, block): [SeeAlso(slug, block_id, score, ..)]}

    user_dictionary(terms) / write_user_dictionary(path, terms)   # jieba user dictionary

    glossary_csv(terms) / write_glossary_csv(path, terms)
    glossary_tbx(terms) / write_glossary_tbx(path, terms)
    glossary_record(terms, occs)                     # list of dicts for edition.json

Occurrences are longest-first and non-overlapping (党支部 inside 临时党支部 is not counted), Latin
forms case-insensitive. Nothing here writes pages or touches the pipeline; writers go through
:func:`edition.atomic.write_text`.
"""

from edition.annotate.crosslinks import RelatedReport, SeeAlso, paragraph_keys, related_reports, see_also
from edition.annotate.export import (
    glossary_csv,
    glossary_record,
    glossary_tbx,
    write_glossary_csv,
    write_glossary_tbx,
)
from edition.annotate.jieba_dict import user_dictionary, user_dictionary_lines, write_user_dictionary
from edition.annotate.occurrences import Matcher, Occurrence, count_by_term, find_occurrences, report_texts
from edition.read.glossary import Term, generate_pinyin, load_glossary

__all__ = [
    "Matcher",
    "Occurrence",
    "RelatedReport",
    "SeeAlso",
    "Term",
    "count_by_term",
    "find_occurrences",
    "generate_pinyin",
    "glossary_csv",
    "glossary_record",
    "glossary_tbx",
    "load_glossary",
    "paragraph_keys",
    "related_reports",
    "report_texts",
    "see_also",
    "user_dictionary",
    "user_dictionary_lines",
    "write_glossary_csv",
    "write_glossary_tbx",
    "write_user_dictionary",
]
