"""Candidate glossary terms for the editors: frequent, distinctive words not yet in the glossary.

The corpus is segmented with jieba (a private tokenizer that knows the glossary's forms, so a
glossary term is never broken into "new" pieces). Tokens of two or more characters containing
Chinese, not stop words, not place or person names, numbers or times (by jieba's part-of-speech
tag) and not already glossary forms, are counted; they are ranked by
``count x idf`` (jieba's general-language IDF, so that everyday words sink), then by count and
the word itself.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

import jieba
import jieba.analyse
import jieba.posseg

from edition.annotate.jieba_dict import FREQUENCY, TAG
from edition.read.glossary import Term, match_key

_HAN_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")

# Function words and the general vocabulary of official reports: never terminology by themselves.
_STOP_WORD_TEXT = """
    一个 一些 一是 二是 三是 四是 五是 六是 一批 一定 一起 一次 不断 不是 两个 为了 主要 之后 之前 也是
    了解 什么 今年 以上 以下 以及 以来 作为 其中 具体 其他 其它 切实 到位 前期 加强 加快 即将 去年 及时
    取得 同时 同志 因此 在于 坚持 大力 如何 实现 工作 开展 形成 很多 所有 持续 推动 推进 提供 提升 提高
    效果 方面 方式 时间 有效 有关 期间 根据 此次 每天 没有 深入 然后 目前 相关 确保 积极 第一 等等
    组织 结合 给予 统筹 落实 要求 认真 进一步 进行 这个 这些 这样 通过 问题 需要 全面 充分 共同 各类
    全体 目标 任务 情况 部分 单位 人员 我们 他们 自己 已经 可以 能够 就是 还是 但是 并且 而且 或者
"""
STOP_WORDS = frozenset(_STOP_WORD_TEXT.split())


# Part-of-speech tags (jieba/ICTCLAS) that are names, numbers or times, not terminology.
SKIPPED_TAGS = frozenset({"ns", "nr", "nrt", "nrfg", "m", "mq", "t", "x", "eng"})


@dataclass(frozen=True)
class Candidate:
    word: str
    count: int
    score: float


def candidate_terms(
    texts: Iterable[str],
    terms: Iterable[Term],
    *,
    top: int | None = 50,
    min_count: int = 2,
    stop_words: frozenset[str] = STOP_WORDS,
) -> list[Candidate]:
    """The ``top`` best candidates among the words of ``texts`` that are not glossary forms."""
    terms = list(terms)
    known = {match_key(form) for term in terms for form in term.zh_forms}
    tokenizer = _tokenizer(tuple(sorted(f for t in terms for f in t.zh_forms)))
    counts: Counter[str] = Counter()
    for text in texts:
        for pair in tokenizer.lcut(text):
            token, tag = pair.word.strip(), pair.flag
            if len(token) < 2 or not _HAN_RE.search(token) or tag in SKIPPED_TAGS:
                continue
            if token in stop_words or match_key(token) in known:
                continue
            counts[token] += 1
    idf = _idf()
    median = jieba.analyse.default_tfidf.median_idf
    ranked = [
        Candidate(word, count, round(count * idf.get(word, median), 2))
        for word, count in counts.items()
        if count >= min_count
    ]
    ranked.sort(key=lambda c: (-c.score, -c.count, c.word))
    return ranked[:top] if top is not None else ranked


def format_candidates(candidates: Iterable[Candidate]) -> str:
    """One line per candidate: word, count, score, tab-separated, with a header."""
    lines = ["word\tcount\tscore"]
    lines += [f"{c.word}\t{c.count}\t{c.score:g}" for c in candidates]
    return "\n".join(lines) + "\n"


@cache
def _tokenizer(forms: tuple[str, ...]) -> jieba.posseg.POSTokenizer:
    tokenizer = jieba.Tokenizer()
    for form in forms:
        if not any(c.isspace() for c in form):
            tokenizer.add_word(form, FREQUENCY, TAG)
    return jieba.posseg.POSTokenizer(tokenizer)


def _idf() -> dict[str, float]:
    idf: dict[str, float] = jieba.analyse.default_tfidf.idf_freq
    return idf

