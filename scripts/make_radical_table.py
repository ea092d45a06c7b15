"""Write edition/clean/radicals.py: which ideograph each CJK radical character stands for in a PDF's text.

PDF producers that embed a CJK font often map a glyph to the first code point the font's cmap gives
it; Noto CJK (and many others) give the same glyph to an ideograph and to its radical character, so
the text layer reads 工 as ⼯ (KANGXI RADICAL WORK) and 民 as ⺠ (CJK RADICAL CIVILIAN). The table maps
each radical character to the ideograph sharing its glyph in the simplified-Chinese faces of Debian's
fonts-noto-cjk (Sans and Serif; the glyph is what the reader saw), and where no face shares one, to
Unicode's compatibility decomposition (NFKC, defined for the Kangxi radicals only).

    python scripts/make_radical_table.py     # needs fontTools and fonts-noto-cjk
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

from fontTools.ttLib import TTCollection

FONTS = ("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc")
RADICALS = [*range(0x2E80, 0x2EF4), *range(0x2F00, 0x2FD6)]
OUT = Path(__file__).resolve().parent.parent / "edition" / "clean" / "radicals.py"


def ideograph(cp: int) -> bool:
    return 0x4E00 <= cp <= 0x9FFF or 0x3400 <= cp <= 0x4DBF or 0x20000 <= cp <= 0x323AF or 0xF900 <= cp <= 0xFAFF


def table() -> dict[int, int]:
    mapping: dict[int, int] = {}
    for path in FONTS:
        face = next(f for f in TTCollection(path).fonts if f["name"].getDebugName(1).endswith(" SC"))
        cmap = face.getBestCmap()
        by_glyph: dict[str, list[int]] = {}
        for cp, glyph in cmap.items():
            by_glyph.setdefault(glyph, []).append(cp)
        for cp in RADICALS:
            shared = [c for c in by_glyph.get(cmap.get(cp, ""), []) if ideograph(c)]
            if cp not in mapping and len(shared) == 1:
                mapping[cp] = shared[0]
    for cp in RADICALS:
        decomposed = unicodedata.normalize("NFKC", chr(cp))
        if cp not in mapping and len(decomposed) == 1 and ideograph(ord(decomposed)):
            mapping[cp] = ord(decomposed)
    return mapping


def main() -> None:
    rows = "\n".join(f"    0x{cp:04X}: 0x{target:04X},  # {chr(cp)} -> {chr(target)}" for cp, target in sorted(table().items()))
    OUT.write_text(
        '"""CJK radical characters -> the ideograph each stands for in a PDF\'s text layer (N6, docs/method.md).\n\n'
        "Written by scripts/make_radical_table.py from the glyphs Debian's fonts-noto-cjk shares between the two\n"
        '(and Unicode\'s NFKC where no face does): never edit it by hand.\n"""\n\n'
        f"TABLE: dict[int, int] = {{\n{rows}\n}}\n",
        encoding="utf-8",
    )


if __name__ == "__main__":
    main()
