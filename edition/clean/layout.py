"""Tell a PDF text extraction from a web-page extraction by the shape of its lines.

A PDF extraction is hard-wrapped: most of its lines are about as wide as the printed page
(at most ~100 columns) and most of them stop in the middle of a sentence. A web extraction
keeps a paragraph on one (often very long) line that ends with the sentence.
"""

from __future__ import annotations

from edition.clean.text import display_width, ends_mid_sentence

PDF, WEB = "pdf", "web"
_MAX_PDF_WIDTH = 100  # columns; wider lines are not hard-wrapped
_MIN_MID_SENTENCE_SHARE = 0.4
_MIN_EVEN_SHARE = 0.6
_MIN_PDF_LINES = 5  # too few lines to show hard wrapping: read as a web page


def detect_layout(lines: list[str]) -> str:
    texts = [line.strip() for line in lines if line.strip()]
    widths = sorted(display_width(t) for t in texts)
    if not widths:
        return WEB
    p90 = widths[min(len(widths) - 1, int(len(widths) * 0.9))]
    wide = [t for t in texts if display_width(t) >= 30]
    if len(wide) < _MIN_PDF_LINES or p90 > _MAX_PDF_WIDTH:
        return WEB
    mid_share = sum(map(ends_mid_sentence, wide)) / len(wide)
    # Hard-wrapped lines are nearly all about as wide as the page.
    page = typical_line_width(lines)
    even_share = sum(page * 0.8 <= display_width(t) <= page + 6 for t in wide) / len(wide)
    return PDF if mid_share >= _MIN_MID_SENTENCE_SHARE and even_share >= _MIN_EVEN_SHARE else WEB


def typical_line_width(lines: list[str]) -> int:
    """The full width of a hard-wrapped page: the 90th percentile of text-line widths."""
    widths = sorted(display_width(line.rstrip()) for line in lines if display_width(line.strip()) >= 20)
    if not widths:
        return 0
    return widths[min(len(widths) - 1, int(len(widths) * 0.9))]
