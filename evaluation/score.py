"""Score the pipeline's cleaning of a rendered case against the blocks it was rendered from.

* **block F1**: a block found matches an expected block when their normalised texts (whitespace
  removed, half- and full-width punctuation folded, as N4 does) are at least 97 % similar
  (``difflib`` ratio); each expected block is matched at most once, in reading order. Precision is
  matched / found, recall matched / expected, summed over the cases of a family;
* **kind accuracy**: the share of matched blocks that have the expected kind;
* **titles found**: the report's first title block matches the expected title;
* **leaks**: a line the renderer wrote as page furniture or site chrome that ended up in the
  reading text: either its line lies inside a block and is not recorded as an omission or paratext,
  or its text occurs in the reading text more often than in the expected reading text (for a web
  page, Word document or PDF, whose lines the reader makes, only the second).

The pipeline is run as ``edition build`` runs it on an uncatalogued source (decode, detect the
layout, segment), on the case's bytes; its warnings are kept (an ambiguity it reports).
"""

from __future__ import annotations

import difflib
import logging
from collections.abc import Iterable
from dataclasses import dataclass, field

from edition.clean.segment import clean_source
from edition.errors import EditionError
from edition.model import SourceEdition
from edition.read.document import document_from_bytes
from evaluation.corpus import Case
from evaluation.layouts import CHROME, FURNITURE

MATCH = 0.97
_FOLD = str.maketrans(",:;()!?", "，：；（）！？")
_UNCATALOGUED = "built with inferred metadata: please catalogue it"  # every case is uncatalogued: not a doubt


def normalised(text: str) -> str:
    return "".join(text.split()).translate(_FOLD)


def similarity(a: str, b: str) -> float:
    if a == b:
        return 1.0
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


@dataclass
class Result:
    case: Case
    expected: list[tuple[str, str]]  # (kind, text)
    found: list[tuple[str, str]]
    pairs: list[tuple[int, int]]  # (index in found, index in expected)
    title_found: bool
    leaks: list[tuple[int, str]]  # (line, text)
    warnings: list[str]
    error: str | None = None
    layout: str = ""
    edition: SourceEdition | None = None  # what the cleaning made of the case

    @property
    def matched(self) -> int:
        return len(self.pairs)

    @property
    def kinds_right(self) -> int:
        return sum(self.found[i][0] == self.expected[j][0] for i, j in self.pairs)

    @property
    def perfect(self) -> bool:
        return (self.matched == len(self.expected) == len(self.found) and self.kinds_right == self.matched
                and self.title_found and not self.leaks)


def run(case: Case) -> tuple[SourceEdition | None, list[str], str | None]:
    """The pipeline's cleaning stage on the case's bytes: (what it made, its warnings, its error)."""
    data = case.data()
    records: list[logging.LogRecord] = []
    handler = _Collect(records)
    logger = logging.getLogger("edition")
    saved = (logger.handlers[:], logger.level, logger.propagate)
    logger.handlers[:] = [handler]
    logger.setLevel(logging.WARNING)
    logger.propagate = False
    try:
        source = document_from_bytes(data, case.file)
        edition = clean_source(source, None, case.file)
        records += [logging.makeLogRecord({"msg": f"{case.file}:{d.lines[0]}-{d.lines[1]}: {d.message}"})
                    for d in edition.doubts]  # what the build prints of a new source's doubts
        error = None
    except EditionError as err:
        edition, error = None, str(err)
    finally:
        logger.handlers[:], logger.level, logger.propagate = saved
    warnings = [r.getMessage() for r in records if _UNCATALOGUED not in r.getMessage()]
    return edition, warnings, error


class _Collect(logging.Handler):
    def __init__(self, records: list[logging.LogRecord]) -> None:
        super().__init__(logging.WARNING)
        self.records = records

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def score(case: Case) -> Result:
    expected = [(b.kind, b.zh) for b in case.rendering.expected]
    edition, warnings, error = run(case)
    if edition is None:
        return Result(case, expected, [], [], False, [], warnings, error)
    blocks = [b for report in edition.reports for b in report.blocks]
    found = [(b.kind, b.zh) for b in blocks]
    pairs = match([normalised(t) for _, t in found], [normalised(t) for _, t in expected])
    title = next((normalised(t) for k, t in expected if k == "title"), None)
    first = next((normalised(t) for k, t in found if k == "title"), None)
    title_found = title is not None and first is not None and similarity(first, title) >= MATCH
    leaks = find_leaks(case, edition, [t for _, t in expected])
    return Result(case, expected, found, pairs, title_found, leaks, warnings, None, edition.source.layout, edition)


def match(found: list[str], expected: list[str]) -> list[tuple[int, int]]:
    """Pairs (found, expected) of blocks whose texts are at least MATCH similar, in reading order:
    each found block takes the first unmatched expected block equal to it, else the most similar one."""
    pairs: list[tuple[int, int]] = []
    free = set(range(len(expected)))
    for i, text in enumerate(found):
        j = next((j for j in sorted(free) if expected[j] == text), None)
        if j is None:
            candidates = [j for j in free if _close_in_length(text, expected[j])]
            scored = [(similarity(text, expected[j]), -j) for j in candidates]
            best = max(scored, default=(0.0, 0))
            j = -best[1] if best[0] >= MATCH else None
        if j is not None:
            pairs.append((i, j))
            free.discard(j)
    return pairs


def _close_in_length(a: str, b: str) -> bool:
    """Texts of very different lengths cannot be 97 % similar (ratio <= 2 min / (len a + len b))."""
    return 2 * min(len(a), len(b)) >= MATCH * (len(a) + len(b))


def find_leaks(case: Case, edition: SourceEdition, expected_texts: list[str]) -> list[tuple[int, str]]:
    in_blocks = {n for r in edition.reports for b in r.blocks for n in range(b.lines[0], b.lines[1] + 1)}
    set_apart = {n for p in [*edition.paratext, *edition.omissions] for n in range(p.lines[0], p.lines[1] + 1)}
    reading = "\x00".join(normalised(b.zh) for r in edition.reports for b in r.blocks)
    reference = "\x00".join(normalised(t) for t in expected_texts)
    leaks = []
    if case.document is not None:
        for text in case.document.chrome:
            needle = normalised(text)
            if len(needle) >= 3 and not needle.isdigit() and reading.count(needle) > reference.count(needle):
                leaks.append((0, text))
        return leaks
    for number, text, _role in case.rendering.marked(FURNITURE, CHROME):
        needle = normalised(text)
        if not needle:
            continue
        inside = number in in_blocks and number not in set_apart
        repeated = len(needle) >= 3 and not needle.isdigit() and reading.count(needle) > reference.count(needle)
        if inside or repeated:
            leaks.append((number, text))
    return leaks


# --- totals -------------------------------------------------------------------------------------------


@dataclass
class Totals:
    cases: int = 0
    expected: int = 0
    found: int = 0
    matched: int = 0
    kinds_right: int = 0
    titles: int = 0
    leaks: int = 0
    warned: int = 0
    perfect: int = 0
    errors: int = 0
    failures: list[Result] = field(default_factory=list)

    def add(self, result: Result) -> None:
        self.cases += 1
        self.expected += len(result.expected)
        self.found += len(result.found)
        self.matched += result.matched
        self.kinds_right += result.kinds_right
        self.titles += result.title_found
        self.leaks += len(result.leaks)
        self.warned += bool(result.warnings)
        self.perfect += result.perfect
        self.errors += result.error is not None
        if not result.perfect:
            self.failures.append(result)

    @property
    def precision(self) -> float:
        return self.matched / self.found if self.found else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.expected if self.expected else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def kind_accuracy(self) -> float:
        return self.kinds_right / self.matched if self.matched else 0.0

    def meets_targets(self) -> bool:
        return self.f1 >= TARGET_F1 and self.titles == self.cases and self.leaks == 0


TARGET_F1 = 0.98


def totals(results: Iterable[Result]) -> Totals:
    out = Totals()
    for result in results:
        out.add(result)
    return out
