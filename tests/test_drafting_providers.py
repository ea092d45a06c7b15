"""Providers: language codes checked and mapped before any request, keys, engines, provenance, the
terms seam; google through deep-translator's real request path against a local server."""

from __future__ import annotations

import dataclasses
from importlib.metadata import version
from pathlib import Path

import deepl
import pytest
from deep_translator import GoogleTranslator

from edition.drafting import providers
from edition.drafting.errors import EngineUnavailable
from edition.drafting.providers import PROVIDERS, Connection, DeeplEngine, LanguageNotSupported
from edition.drafting.run import draft_missing
from edition.drafting.transport import translate_piece
from edition.translate import po as pofile
from tests.conftest import catalog
from tests.http_fakes import Reply, Request, Server

KEY = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d:fx"


@pytest.mark.parametrize(
    ("provider", "target", "code"),
    [
        ("google", "en", "en"),
        ("google", "zh-tw", "zh-TW"),
        ("mymemory", "en", "en-GB"),  # MyMemory has no plain "en": it was a traceback
        ("mymemory", "EN-us", "en-US"),
        ("deepl", "en", "EN-GB"),  # the client refuses a plain EN
        ("deepl", "en-us", "EN-US"),
        ("deepl", "zh-hant", "ZH-HANT"),
        ("deepl", "de", "DE"),
    ],
)
def test_target_languages_are_mapped_to_the_providers_codes(provider: str, target: str, code: str) -> None:
    assert PROVIDERS[provider].target_code(target) == code


@pytest.mark.parametrize(
    ("provider", "target", "message"),
    [
        ("google", "xx", "target language 'xx' is not supported (try en, …)"),
        ("mymemory", "xx", "target language 'xx' is not supported (try en, en-GB, en-US, …)"),
        ("deepl", "xx", "target language 'xx' is not supported (try en, en-GB, en-US, …)"),
        ("google", "en-GB", "target language 'en-GB' is not supported (try en, …)"),
        ("deepl", "pt", "target language 'pt' is not supported (try pt-BR, pt-PT, en, en-GB, …)"),
    ],
)
def test_an_unsupported_target_is_one_short_line_with_suggestions(provider: str, target: str, message: str) -> None:
    with pytest.raises(LanguageNotSupported) as caught:
        PROVIDERS[provider].target_code(target)
    assert str(caught.value) == message


def test_every_code_a_provider_takes_is_listed_and_taken() -> None:
    for provider in PROVIDERS.values():
        codes = provider.codes()
        assert "en" in codes and len(codes) > (20 if provider.name in ("google", "mymemory", "deepl") else 2)
        assert all(provider.target_code(code) for code in codes)
    assert "pt" not in PROVIDERS["deepl"].codes()  # the client refuses a plain PT as a target
    for name in ("openai", "anthropic"):  # the instructions are written for English, British or American
        assert PROVIDERS[name].codes() == ["en", "en-GB", "en-US"] and PROVIDERS[name].target_code("en") == "en-GB"


def test_engines_are_made_with_the_providers_codes() -> None:
    google = providers.make_engine("google", "en", env={})
    assert (google._source, google._target) == ("zh-CN", "en")
    mymemory = providers.make_engine("mymemory", "en", env={"MYMEMORY_EMAIL": "me@example.org"})
    assert (mymemory._source, mymemory._target, mymemory.email) == ("zh-CN", "en-GB", "me@example.org")
    with pytest.raises(LanguageNotSupported):
        providers.make_engine("google", "xx", env={})
    with pytest.raises(EngineUnavailable, match="unknown provider 'nope'"):
        providers.make_engine("nope")


def test_deepl_uses_its_official_client_with_the_key_from_the_environment() -> None:
    for env in ({}, {"DEEPL_API_KEY": "  \n"}):
        with pytest.raises(EngineUnavailable, match="DEEPL_API_KEY"):
            providers.make_engine("deepl", "en", env=env)
    engine = providers.make_engine("deepl", "en", env={"DEEPL_API_KEY": f" {KEY}\n"})
    assert isinstance(engine, DeeplEngine) and isinstance(engine.client, deepl.DeepLClient)
    assert engine.client.headers == {"Authorization": f"DeepL-Auth-Key {KEY}"}  # stripped; a header, not the URL
    assert (engine.source, engine.target) == ("ZH", "EN-GB")
    assert KEY not in repr(engine) and deepl.http_client.max_network_retries == 0  # our back-off, not its own
    assert providers.secrets_from_env({"DEEPL_API_KEY": f" {KEY}\n", "OTHER": "x"}) == {"DEEPL_API_KEY": KEY}
    assert providers.secrets_from_env({"DEEPL_API_KEY": " "}) == {}


def test_provenance_names_the_provider_and_the_library_that_produced_the_text() -> None:
    major = version("deepl").split(".")[0]
    assert providers.provenance("google", "2026-12-02") == "google via deep-translator, 2026-12-02"
    assert providers.provenance("mymemory", "2026-12-02") == "mymemory via deep-translator, 2026-12-02"
    assert providers.provenance("deepl", "2026-12-02") == f"deepl (official client deepl {major}.x), 2026-12-02"
    assert providers.provenance("simulated", "2026-12-02") == "simulated, 2026-12-02"  # no library claimed
    # The DeepL cache is not the one deep-translator's DeepL wrote (deepl-<target>.json).
    assert [PROVIDERS[p].engine_id for p in ("google", "mymemory", "deepl")] == ["google", "mymemory", "deepl-client"]


def test_the_editions_terms_reach_the_engine_factory() -> None:
    """The seam for a provider that can use the glossary (a DeepL glossary, an LLM term list)."""
    seen: list[Connection] = []
    recording = dataclasses.replace(PROVIDERS["deepl"], connect=lambda c: seen.append(c) or object())
    recording.make_engine("en-US", {"DEEPL_API_KEY": KEY, "DEEPL_SERVER_URL": "http://127.0.0.1:9"},
                          terms={"四带头": "Four Take-the-Leads"})
    assert seen == [Connection("ZH", "EN-US", KEY, {"server_url": "http://127.0.0.1:9"},
                               {"四带头": "Four Take-the-Leads"})]


def test_google_through_deep_translator_backs_off_on_its_real_too_many_requests() -> None:
    answers = [Reply(429, "slow down"), Reply(429, "slow down"), Reply(200, '<div class="t0">Hello.</div>')]
    with Server(lambda request: answers.pop(0)) as server:
        engine = GoogleTranslator(source="zh-CN", target="en")
        engine._base_url = server.url + "/m"  # the real request path, to a local server
        waits: list[float] = []
        assert translate_piece(engine, "你好。", timeout=10, retries=5, backoff=1.0, sleep=waits.append) == "Hello."
    assert waits == [1.0, 2.0] and len(server.requests) == 3
    assert server.requests[0].query["tl"] == ["en"] and server.requests[0].query["sl"] == ["zh-CN"]


def _google(server: Server) -> GoogleTranslator:
    engine = providers.make_engine("google", "en", env={})
    engine._base_url = server.url + "/m"  # deep-translator's real request path, to a local server
    return engine


@pytest.mark.parametrize(("reply", "message"), [
    (Reply(500, "oops"), "RequestError: Request exception can happen due to an api connection error. "
                         "Please check your connection and try again"),
    (Reply(200, "<html>no translation here</html>"), "TranslationNotFound: 第1段。 --> No translation was found "
                                                     "using the current translator. Try another translator?"),
    (Reply(hang=True), "TimeoutError: no answer within 1 s"),
])
def test_google_through_deep_translator_fails_only_the_block_it_could_not_draft(
    tmp_path: Path, reply: Reply, message: str
) -> None:
    def respond(request: Request) -> Reply:
        if request.query.get("q") == ["第1段。"]:
            return reply
        return Reply(200, f'<div class="t0">EN {request.query["q"][0]}</div>')

    path, po = catalog(tmp_path, ["第1段。", "第2段。"])
    with Server(respond) as server:
        result = draft_missing({path: po}, _google(server), provider="google", today="2026-12-02", progress=False,
                               timeout=1.0)
    assert [(anchor, m) for _, anchor, m in result.failed] == [("b1", message)]
    assert result.drafted == [("r", "b2")]
    assert pofile.provenance(pofile.by_context(pofile.load_po(path))["b2"]) == "google via deep-translator, 2026-12-02"


def test_google_is_given_no_glossary_and_its_provenance_claims_none() -> None:
    connection = PROVIDERS["google"].connection("en", {}, terms={"四带头": "Four Take-the-Leads"})
    assert connection.terms is None and PROVIDERS["google"].cache_key(connection, "四带头。") == "四带头。"
