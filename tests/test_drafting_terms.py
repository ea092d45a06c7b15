"""The edition's terms as engines are given them, and what tells one setup's drafts from another's:
the term list from glossary.yaml, the entries in a text, their digest, cache keys, Retry-After."""

from __future__ import annotations

import email.utils
from types import SimpleNamespace

import pytest

from edition.drafting import errors, providers
from edition.drafting import terms as edition_terms
from edition.drafting.cache import entry_key
from edition.paths import Paths
from edition.read.glossary import load_glossary

REPOSITORY = Paths().root

GLOSSARY = load_glossary(REPOSITORY / "glossary.yaml")


def test_one_entry_per_chinese_form_with_the_terms_preferred_english() -> None:
    renderings = edition_terms.preferred_renderings(GLOSSARY)
    assert len(renderings) == sum(len(term.zh_forms) for term in GLOSSARY) > len(GLOSSARY)
    shantytown = next(term for term in GLOSSARY if "棚改" in term.variants)
    assert renderings[shantytown.zh] == renderings["棚改"] == shantytown.en  # a variant gets the headword's English
    assert all(renderings[term.zh] == term.en for term in GLOSSARY)
    assert edition_terms.load(REPOSITORY / "glossary.yaml") == renderings


def test_only_the_entries_that_occur_in_the_text() -> None:
    renderings = edition_terms.preferred_renderings(GLOSSARY)
    found = edition_terms.occurring("坚持党建引领，实施“四带头”。", renderings)
    assert found == {zh: renderings[zh] for zh in ("党建引领", "党建", "四带头")}
    assert list(found) == [zh for zh in renderings if zh in found]  # in the glossary's order
    assert edition_terms.occurring("第1段。", renderings) == {}


def test_the_digest_changes_with_any_entry_and_only_then() -> None:
    entries = {"党建引领": "Party-building leadership", "四带头": "Four Take-the-Leads"}
    digest = edition_terms.digest(entries)
    assert len(digest) == 12 and digest == edition_terms.digest(dict(reversed(entries.items())))
    assert digest != edition_terms.digest({**entries, "四带头": "Four Take the Leads"})
    assert digest != edition_terms.digest({"党建引领": "Party-building leadership"})
    assert edition_terms.label(1) == "edition glossary 1 term" and edition_terms.label(3) == "edition glossary 3 terms"


def test_cache_keys_hold_what_changes_the_answer() -> None:
    entries = {"党建引领": "Party-building leadership", "四带头": "Four Take-the-Leads"}
    openai, deepl = providers.PROVIDERS["openai"], providers.PROVIDERS["deepl"]
    env = {"OPENAI_API_KEY": "sk-0123456789abcdef", "DEEPL_API_KEY": "0123456789abcdef:fx"}
    text = "坚持党建引领。"
    with_terms = openai.connection("en", env, terms=entries)
    assert openai.cache_key(with_terms, text) == entry_key(text, model="gpt-5.5", terms={"党建引领": entries["党建引领"]})
    assert openai.cache_key(openai.connection("en", env), text) == f"[model=gpt-5.5] {text}"
    other_model = openai.connection("en", {**env, "OPENAI_MODEL": "gpt-5.4-mini"}, terms=entries)
    keys = {openai.cache_key(c, text) for c in (with_terms, other_model, openai.connection("en", env))}
    assert len(keys) == 3
    assert openai.cache_key(with_terms, "第1段。") == "[model=gpt-5.5 terms=" + edition_terms.digest({}) + "] 第1段。"
    # DeepL is given the whole glossary: every text's key holds its digest; without terms, the text alone.
    assert deepl.cache_key(deepl.connection("en", env, terms=entries), "第1段。") == (
        f"[terms={edition_terms.digest(entries)}] 第1段。")
    assert deepl.cache_key(deepl.connection("en", env), "第1段。") == "第1段。"
    assert deepl.connection("de", env, terms=entries).terms is None  # no Chinese -> German glossary
    assert providers.PROVIDERS["google"].connection("en", {}, terms=entries).terms is None  # google takes none
    with pytest.raises(errors.EngineUnavailable, match="OPENAI_API_KEY"):
        openai.connection("en", {}, terms=entries)
    assert openai.connection("en", {}, terms=entries, key_needed=False).key is None  # enough for a cache key


def _limited(**headers: str) -> Exception:
    err = Exception("429")
    err.response = SimpleNamespace(headers=headers)  # as openai and anthropic keep the response
    return err


def test_retry_after_in_seconds_milliseconds_or_as_a_date() -> None:
    assert errors.retry_after(_limited(**{"retry-after": "7"})) == 7.0
    assert errors.retry_after(_limited(**{"retry-after-ms": "2500", "retry-after": "9"})) == 2.5
    assert errors.retry_after(_limited(**{"retry-after": email.utils.formatdate(1_000_030, usegmt=True)}),
                              now=1_000_000) == pytest.approx(30.0)
    assert errors.retry_after(_limited(**{"retry-after": "100000"})) == errors.MAX_RETRY_AFTER
    for useless in ({"retry-after": "soon"}, {"retry-after": "-5"}, {}):
        assert errors.retry_after(_limited(**useless)) is None
    assert errors.retry_after(Exception("no response kept")) is None
