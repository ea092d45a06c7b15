"""Redaction: keys of every shape, in every encoding, and in the real exception texts of requests,
deep-translator, deepl, openai and anthropic, provoked against local servers (127.0.0.1 only)."""

from __future__ import annotations

import base64
import html
import json
import logging
import re
import threading
import traceback
from collections.abc import Callable
from urllib.parse import quote, quote_plus, urlencode

import deepl
import pytest
import requests
from deep_translator import DeeplTranslator
from hypothesis import given, settings
from hypothesis import strategies as st

from edition.drafting.errors import describe
from edition.drafting.llm import AnthropicEngine, OpenAIEngine
from edition.drafting.providers import PROVIDERS, Connection, DeeplEngine, secrets_from_env
from edition.drafting.secrets import MASK, RedactingFilter, Redactor, redact, redacting, short_secret_warning
from tests.http_fakes import Reply, Request, Server, refused_url

KEYS = {
    "deepl free": "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d:fx",
    "uuid": "123e4567-e89b-12d3-a456-426614174000",
    "base64-like": "Zm9v+YmFy/YmF6=Qux+/==",
    "with spaces": "my secret key 42 with spaces",
    "quotes and slashes": 'k"e\\y\'<&>/x1234567',
    "unicode": "clé-secrète-ü-密钥-0123",
    "short": "ab12",
    "openai project": "sk-proj-Zm9vYmFyYmF6cXV4LXRlc3Qta2V5LTAxMjM0NTY3ODlhYmNkZWY_Zm9vYmFyYmF6-T3BlbkFJ",
    "anthropic": "sk-ant-api03-dGhpcy1pcy1hLXRlc3Qta2V5LW9mLWEtZmFrZS1zZXJ2ZXItMDEyMzQ1Njc4OQ-_AbCdEfGhIjKl-AA",
}


def _lower_hex(text: str) -> str:
    return re.sub(r"%[0-9A-F]{2}", lambda m: m.group().lower(), text)


def _b64(data: str, urlsafe: bool = False, padded: bool = True) -> str:
    encoded = (base64.urlsafe_b64encode if urlsafe else base64.b64encode)(data.encode("utf-8")).decode()
    return encoded if padded else encoded.rstrip("=")


def forms(key: str) -> dict[str, str]:
    """The key as libraries and servers write it (computed here independently of the module)."""
    found = {
        "raw": key,
        "quote": quote(key),
        "quote, nothing safe": quote(key, safe=""),
        "quote, lower-case hex": _lower_hex(quote(key, safe="")),
        "quote_plus": quote_plus(key),
        "quote_plus, lower-case hex": _lower_hex(quote_plus(key)),
        "quoted twice": quote(quote(key, safe=""), safe=""),
        "query string": urlencode({"auth_key": key}),
        "json": json.dumps(key)[1:-1],  # as it stands inside a longer string
        "json, not ascii": json.dumps(key, ensure_ascii=False)[1:-1],
        "json in json": json.dumps(json.dumps(key)[1:-1])[1:-1],
        "repr": repr(key)[1:-1],
        "repr of bytes": repr(key.encode("utf-8"))[2:-1],
        "html": html.escape(key),
        "html, all numeric": "".join(f"&#{ord(c)};" for c in key),
    }
    for prefix in ("", "a:", "ab:", "api:", "user:"):  # every alignment of base64
        for urlsafe in (False, True):
            for padded in (True, False):
                name = f"base64 of {prefix!r}+key{', url-safe' if urlsafe else ''}{'' if padded else ', unpadded'}"
                found[name] = _b64(prefix + key, urlsafe, padded)
    found["Basic auth header"] = "Authorization: Basic " + _b64("api:" + key)
    return found


def leaks(text: str, key: str) -> list[str]:
    """The names of the forms of ``key`` found in ``text``; for base64, any run of 8 characters (fewer
    for a short key) that encodes the key's bits alone, so that a half-redacted base64 still counts."""
    found = [name for name, form in forms(key).items() if not name.startswith("base64") and form in text]
    for prefix in ("", "a", "ab"):  # the three alignments
        for urlsafe in (False, True):
            encoded = _b64(prefix + key, urlsafe)
            start = -(-len(prefix.encode()) * 8 // 6)
            end = len(f"{prefix}{key}".encode()) * 8 // 6
            window = min(8, end - start)
            if any(encoded[i : i + window] in text for i in range(start, end - window + 1)):
                found.append(f"base64 of {prefix!r}+key")
    return found


@pytest.mark.parametrize("shape", KEYS)
def test_every_encoding_of_every_key_shape_is_redacted(shape: str) -> None:
    key = KEYS[shape]
    redactor = Redactor((key,))
    for name, form in forms(key).items():
        text = f"error: at {form} (end)"
        assert leaks(text, key), name  # the check sees it: this test can fail
        out = redactor.redact(text)
        assert not leaks(out, key), (name, out)
        assert MASK in out and out.startswith("error: at ") and out.endswith(" (end)")


@settings(max_examples=25)  # each example compiles its own patterns (tens of ms)
@given(
    key=st.text(st.characters(min_codepoint=33, max_codepoint=0x2FFF), min_size=12, max_size=48),
    user=st.text(st.characters(min_codepoint=97, max_codepoint=122), max_size=7),
)
def test_any_key_in_a_basic_auth_header_at_any_alignment(key: str, user: str) -> None:
    header = _b64(f"{user}:{key}")
    out = redact(f"Authorization: Basic {header}, url-safe {_b64(user + key, urlsafe=True, padded=False)}", [key])
    assert not leaks(out, key), out


def test_text_without_a_secret_is_left_alone() -> None:
    redactor = Redactor((KEYS["deepl free"], KEYS["with spaces"]))
    plain = "ConnectionError: HTTPConnectionPool(host='127.0.0.1', port=9): Max retries exceeded with url: /v2/translate"
    assert redactor.redact(plain) == plain
    assert Redactor().redact(plain) == plain and not Redactor() and redactor
    assert KEYS["deepl free"] not in repr(redactor) and "2 secret(s)" in repr(redactor)
    assert KEYS["deepl free"] not in repr(Connection("ZH", "EN-GB", KEYS["deepl free"]))


def test_a_short_key_is_redacted_all_the_same_and_warned_about() -> None:
    short = KEYS["short"]
    assert redact(f"key={short}&x={quote(short)}", [short]) == f"key={MASK}&x={MASK}"
    warning = short_secret_warning("DEEPL_API_KEY", short)
    assert warning and "DEEPL_API_KEY" in warning and "4 characters" in warning and short not in warning
    assert short_secret_warning("DEEPL_API_KEY", KEYS["deepl free"]) is None


# --- the real exception texts ------------------------------------------------------------------


def _deep_translator_deepl(url: str, key: str) -> str:
    """deep-translator's DeeplTranslator (no longer used by the edition: it sends the key in the URL)."""
    translator = DeeplTranslator(api_key=key, source="zh", target="en")
    translator._base_url = url + "/v2/"
    return translator.translate("你好")


def _deepl(url: str, key: str) -> str:
    """The edition's DeepL engine: the official client, through its real request path."""
    return DeeplEngine(Connection("ZH", "EN-GB", key, {"server_url": url})).translate("你好")


def _openai(url: str, key: str) -> str:
    """The edition's OpenAI engine: the official client, through its real request path."""
    return OpenAIEngine(Connection("zh-Hans", "en-GB", key, {"base_url": url + "/v1", "model": "gpt-5.5"})).translate("你好")


def _anthropic(url: str, key: str) -> str:
    """The edition's Anthropic engine: the official client, through its real request path."""
    connection = Connection("zh-Hans", "en-GB", key, {"base_url": url, "model": "claude-sonnet-5-5"})
    return AnthropicEngine(connection).translate("你好")


def _sent_key(request: Request) -> str:
    """The key as the client sent it: DeepL's and OpenAI's in the Authorization header, Anthropic's there
    or in x-api-key."""
    authorization = request.header("authorization") or ""
    return request.header("x-api-key") or authorization.removeprefix("DeepL-Auth-Key ").removeprefix("Bearer ")


def _echo(status: int, encode: Callable[[str], str], field: str = "message") -> Callable[[Request], Reply]:
    """A server that answers ``status`` and echoes the key it got, encoded somehow."""

    def respond(request: Request) -> Reply:
        echoed = encode(_sent_key(request))
        return Reply(status, {field: f"bad key {echoed}"} if field else f"<p>bad key {echoed}</p>")

    return respond


def _error_echo(status: int, encode: Callable[[str], str]) -> Callable[[Request], Reply]:
    """The key echoed inside an error object of the OpenAI and Anthropic APIs' shape."""

    def respond(request: Request) -> Reply:
        return Reply(status, {"type": "error", "error": {"type": "x", "message": f"bad key {encode(_sent_key(request))}"}})

    return respond


def _raw(key: str) -> str:
    return key


# name -> (server or None for a refused connection, the call); True if the library's text holds the key
SCENARIOS: dict[str, tuple[Callable[[Request], Reply] | None, Callable[[str, str], object], bool]] = {
    "requests, refused, key in the query": (
        None, lambda url, key: requests.get(url + "/v2/translate", params={"auth_key": key}, timeout=5), True),
    "requests, 403 and raise_for_status, key in the query": (
        lambda r: Reply(403, "Forbidden"),
        lambda url, key: requests.get(url + "/v2/translate", params={"auth_key": key}, timeout=5).raise_for_status(),
        True),
    "requests, a newline after the key in a header": (
        None, lambda url, key: requests.get(url, headers={"Authorization": f"DeepL-Auth-Key {key}\n"}, timeout=5),
        True),
    "deep-translator DeepL, refused": (None, _deep_translator_deepl, True),
    "deep-translator DeepL, 403": (lambda r: Reply(403, {"message": "Forbidden"}), _deep_translator_deepl, True),
    "deep-translator DeepL, 429": (lambda r: Reply(429, {"message": "Too many"}), _deep_translator_deepl, False),
    "deep-translator DeepL, 500": (lambda r: Reply(500, "oops"), _deep_translator_deepl, False),
    "deep-translator DeepL, garbage": (lambda r: Reply(200, "<html>"), _deep_translator_deepl, False),
    "deepl, refused": (None, _deepl, False),
    "deepl, 403 echoing the key": (_echo(403, _raw), _deepl, True),
    "deepl, 429 echoing it percent-encoded in lower case": (
        _echo(429, lambda k: _lower_hex(quote(k, safe=""))), _deepl, True),
    "deepl, 456 echoing it as a query string": (_echo(456, lambda k: urlencode({"auth_key": k})), _deepl, True),
    "deepl, 500 echoing it JSON-escaped in the body": (
        _echo(500, lambda k: json.dumps(k)[1:-1], field=""), _deepl, True),
    "deepl, 500 echoing a Basic-auth header": (
        _echo(500, lambda k: "Basic " + _b64("api:" + k), field=""), _deepl, True),
    "deepl, 503 echoing url-safe base64 without padding": (
        _echo(503, lambda k: _b64(k, urlsafe=True, padded=False)), _deepl, True),
    "deepl, 502 echoing it HTML-escaped": (_echo(502, html.escape, field=""), _deepl, True),
    "deepl, garbage": (lambda r: Reply(200, "<html>not json</html>"), _deepl, False),
    "deepl, a translation without its fields": (lambda r: Reply(200, {"translations": [{}]}), _deepl, False),
    "openai, refused": (None, _openai, False),
    "openai, 401 echoing the key in an error object": (_error_echo(401, _raw), _openai, True),
    "openai, 403 echoing it percent-encoded": (_echo(403, lambda k: quote(k, safe="")), _openai, True),
    "openai, 429 echoing it as a query string": (_error_echo(429, lambda k: urlencode({"key": k})), _openai, True),
    "openai, 500 echoing it in a text body (which its message leaves out)": (
        _echo(500, lambda k: json.dumps(k)[1:-1], field=""), _openai, False),
    "openai, 503 echoing a Basic-auth header": (_echo(503, lambda k: "Basic " + _b64("api:" + k)), _openai, True),
    "openai, garbage": (lambda r: Reply(200, "<html>not json</html>"), _openai, False),
    "openai, an answer without its fields": (lambda r: Reply(200, {"output": [{}]}), _openai, False),
    "anthropic, refused": (None, _anthropic, False),
    "anthropic, 401 echoing the key in an error object": (_error_echo(401, _raw), _anthropic, True),
    "anthropic, 402 echoing it HTML-escaped": (_echo(402, html.escape, field=""), _anthropic, True),
    "anthropic, 429 echoing it in lower-case percent-encoding": (
        _error_echo(429, lambda k: _lower_hex(quote(k, safe=""))), _anthropic, True),
    "anthropic, 529 echoing url-safe base64 without padding": (
        _error_echo(529, lambda k: _b64(k, urlsafe=True, padded=False)), _anthropic, True),
    "anthropic, 500 echoing it JSON-escaped in a text body": (_echo(500, lambda k: json.dumps(k)[1:-1], field=""),
                                                              _anthropic, True),
    "anthropic, garbage": (lambda r: Reply(200, "<html>not json</html>"), _anthropic, False),
    "anthropic, a message without its fields": (lambda r: Reply(200, {"content": [{}]}), _anthropic, False),
}


def _provoke(server: Callable[[Request], Reply] | None, call: Callable[[str, str], object], key: str) -> BaseException:
    def attempt(url: str) -> BaseException:
        try:
            call(url, key)
        except Exception as err:
            return err
        raise AssertionError("no error")

    if server is None:
        return attempt(refused_url())
    with Server(server) as running:
        return attempt(running.url)


def _texts(err: BaseException) -> dict[str, str]:
    """Every way an exception may be printed: str, repr, one line, the traceback with its causes."""
    return {"str": str(err), "repr": repr(err), "one line": describe(err),
            "traceback": "".join(traceback.format_exception(err))}


@pytest.mark.parametrize("shape", ["deepl free", "openai project", "anthropic", "base64-like", "with spaces",
                                   "quotes and slashes", "short"])
def test_the_real_exception_texts_of_the_libraries_hold_no_key_once_redacted(shape: str) -> None:
    key = KEYS[shape]
    redactor = Redactor((key,))
    leaking = set()
    for name, (server, call, _) in SCENARIOS.items():
        err = _provoke(server, call, key)
        for how, text in _texts(err).items():
            if leaks(text, key):
                leaking.add(name)
            assert not leaks(redactor.redact(text), key), (name, how, redactor.redact(text))
    # The scenarios really put the key into the libraries' texts (else this test could not fail).
    expected = {name for name, (_, _, holds_key) in SCENARIOS.items() if holds_key}
    assert leaking == expected, sorted(leaking ^ expected)


def test_chained_exceptions_and_a_time_out_of_the_deepl_client(monkeypatch: pytest.MonkeyPatch) -> None:
    key = KEYS["deepl free"]
    redactor = Redactor((key,))
    monkeypatch.setattr(deepl.http_client, "min_connection_timeout", 0.2)  # its read time-out
    err = _provoke(lambda r: Reply(hang=True), _deepl, key)
    assert isinstance(err, deepl.ConnectionException) and "timed out" in str(err)
    assert isinstance(err.__cause__, requests.exceptions.ReadTimeout)
    # A DeepL exception whose cause holds the key in its URL: both are in the traceback, neither leaks.
    try:
        try:
            requests.get(refused_url() + "/v2/translate", params={"auth_key": key}, timeout=5)
        except requests.RequestException as cause:
            raise deepl.ConnectionException(f"Connection failed: {cause}") from cause
    except deepl.ConnectionException as chained:
        text = redactor.exception(chained)
    assert "The above exception was the direct cause" in text and text.count(MASK) >= 2
    assert not leaks(text, key)


@pytest.mark.parametrize(("call", "library"), [(_openai, "openai"), (_anthropic, "anthropic")])
def test_a_time_out_of_the_language_models_clients(call: Callable[[str, str], str], library: str,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """The client's own time-out (APITimeoutError, its cause httpx2's): the key in neither."""
    from edition.drafting import llm

    monkeypatch.setattr(llm, "CLIENT_TIMEOUT", 0.2)
    key = KEYS["openai project"]
    err = _provoke(lambda r: Reply(hang=True), call, key)
    assert type(err).__name__ == "APITimeoutError" and type(err).__module__.startswith(library)
    assert err.__cause__ is not None and not leaks(Redactor((key,)).exception(err), key)


def test_every_providers_key_is_a_secret_to_redact() -> None:
    """The key list is the providers': a new provider's key variable is redacted without more ado."""
    env = {provider.key_env: f"  {KEYS['uuid']}-{provider.name}\n" for provider in PROVIDERS.values() if provider.key_env}
    assert set(env) == {"DEEPL_API_KEY", "OPENAI_API_KEY", "ANTHROPIC_API_KEY"}
    found = secrets_from_env({**env, "OPENAI_MODEL": "gpt-5.5", "OPENAI_BASE_URL": "http://127.0.0.1:9/v1"})
    assert found == {name: value.strip() for name, value in env.items()}  # keys only, not the settings


def test_a_newline_inside_a_key_reaches_the_deepl_client_as_repr() -> None:
    key = "0a1b2c3d-4e5f\n4a6b-8c7d-9e0f1a2b3c4d:fx"
    err = _provoke(None, _deepl, key)
    assert repr(key)[1:-1] in str(err)  # requests refuses the header, quoting it
    assert not leaks(redact(describe(err), [key]), key)


# --- logs and threads ---------------------------------------------------------------------------


def test_log_records_are_redacted_message_arguments_and_traceback(caplog: pytest.LogCaptureFixture) -> None:
    key = KEYS["deepl free"]
    logger = logging.getLogger("edition")
    caplog.set_level(logging.INFO, logger="edition")
    with redacting(Redactor((key,))):
        logger.warning("request to %s failed", f"http://x/?auth_key={quote_plus(key)}")
        try:
            raise RuntimeError(f"with {key}")
        except RuntimeError:
            logger.exception("it failed")
        logging.getLogger("edition.drafting").warning("child logger: %s", key)  # through the handlers
    assert caplog.records and not leaks(caplog.text, key), caplog.text
    assert "request to http://x/?auth_key=***" in caplog.text
    logger.warning("after: %s", "no filter any more")
    assert not any(isinstance(f, RedactingFilter) for f in logger.filters)


def test_a_thread_that_dies_prints_a_redacted_traceback(capsys: pytest.CaptureFixture[str]) -> None:
    key = KEYS["with spaces"]

    def die() -> None:
        raise ValueError(f"key={quote_plus(key)}")

    with redacting(Redactor((key,))):
        thread = threading.Thread(target=die, name="worker")
        thread.start()
        thread.join(10)
    err = capsys.readouterr().err
    assert "ValueError: key=***" in err and not leaks(err, key)
