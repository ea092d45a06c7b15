"""OpenAI and Anthropic through their official clients, on the clients' real request paths, against fake
APIs on 127.0.0.1: success, the glossary in the instructions, a refused key, rate limits (the shared
back-off, with and without Retry-After), an exhausted quota, server errors, time-outs, answers that
are no translation, an echoed key, and a run killed outright (SIGKILL) that resumes."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

import polib
import pytest

from benchmark import simulate
from edition.drafting import providers
from edition.drafting import terms as edition_terms
from edition.drafting.cache import DraftCache, cache_path, entry_key
from edition.drafting.errors import EngineUnavailable
from edition.drafting.llm import INSTRUCTIONS, PLATFORM_HEADERS, TEXTS, instructions
from edition.drafting.run import SECRET_IN_ANSWER, DraftResult, RunStopped, draft_missing
from edition.drafting.transport import probe
from edition.paths import Paths
from edition.translate import po as pofile
from tests.conftest import catalog
from tests.http_fakes import (
    ANTHROPIC_MODEL,
    OPENAI_MODEL,
    Reply,
    Request,
    Respond,
    Server,
    anthropic_api,
    anthropic_message,
    llm_english,
    openai_api,
    openai_response,
)

REPOSITORY = Paths().root

TODAY = "2026-12-02"

# The clients word an HTTP error their own way and change it between releases ("Error code: 401 - {…}" in
# openai and older anthropic, "401 invalid x-api-key (path: …)" in anthropic 2.17): what a message must
# give is the client's exception class and the status, which is what these tests check.
STATUS_PREFIX = "(?:Error code: )?"


def reports(name: str, status: int, message: str) -> bool:
    """Whether a failure message names the client's exception `name` and the HTTP `status`."""
    return re.match(rf"{name}: {STATUS_PREFIX}{status}\b", message) is not None
GLOSSARY = edition_terms.load(REPOSITORY / "glossary.yaml")


@dataclass(frozen=True)
class Api:
    """One provider's API as its fake serves it, and how its requests and answers look."""

    provider: str
    key: str  # in the provider's own shape
    fake: Callable[..., Respond]
    path: str  # the base URL's path: the clients add /responses or /v1/messages
    reported: str  # the model the fake says answered
    requested: str  # the provider's default model
    prompt_field: str  # where the instructions go in the request body
    answer: Callable[..., dict]  # a successful answer's body, for a text

    @property
    def env_key(self) -> str:
        return providers.PROVIDERS[self.provider].key_env or ""

    def env(self, server: Server, **extra: str) -> dict[str, str]:
        url_variable = providers.PROVIDERS[self.provider].settings_env["base_url"]
        return {self.env_key: self.key, url_variable: server.url + self.path, **extra}

    def library(self, count: int | None = None) -> str:
        glossary = "" if count is None else f", {edition_terms.label(count)}"
        return f"(official client {self.provider} {version(self.provider).split('.')[0]}.x{glossary})"

    def error(self, status: int, kind: str, message: str, code: str | None = None, **headers: str) -> Reply:
        """An error in the shape of the provider's API."""
        if self.provider == "openai":
            return Reply(status, {"error": {"message": message, "type": kind, "code": code}}, headers)
        return Reply(status, {"type": "error", "error": {"type": kind, "message": message}}, headers)


APIS = {
    "openai": Api("openai", "sk-proj-Qm9vQmFyQmF6X3Rlc3Rfa2V5XzAxMjM0NTY3ODk-_abcdefghij", openai_api, "/v1",
                  OPENAI_MODEL, "gpt-5.5", "instructions", openai_response),
    "anthropic": Api("anthropic", "sk-ant-api03-c2VjcmV0LXRlc3Qta2V5LTAxMjM0NTY3ODk-_abcdefghijklmnop-AA",
                     anthropic_api, "", ANTHROPIC_MODEL, "claude-sonnet-5-5", "system", anthropic_message),
}


@pytest.fixture(params=list(APIS))
def api(request: pytest.FixtureRequest) -> Api:
    return APIS[request.param]


def engine(api: Api, server: Server, terms: dict[str, str] | None = None, **env: str) -> providers.Engine:
    return providers.make_engine(api.provider, "en", env=api.env(server, **env), terms=terms)


def draft(api: Api, po_files: dict[Path, polib.POFile], server: Server, terms: dict[str, str] | None = None,
          **options: object) -> DraftResult:
    options = {"provider": api.provider, "today": TODAY, "progress": False, "secrets": [api.key], **options}
    return draft_missing(po_files, engine(api, server, terms), **options)


def texts(count: int) -> list[str]:
    return [f"第{n}段。" for n in range(1, count + 1)]


def asked(server: Server) -> list[str]:
    """The texts the engine was asked to translate, in the order the requests came."""
    found = []
    for request in server.requests:
        body = request.json()
        found.append(body["input"] if "input" in body else body["messages"][0]["content"])
    return found


def failures(result: DraftResult) -> list[tuple[str, str]]:
    return [(anchor, message) for _, anchor, message in result.failed]


def test_the_instructions_say_what_a_draft_must_be(api: Api) -> None:
    text = instructions("British English", {"四带头": "Four Take-the-Leads"})
    for phrase in ("Simplified Chinese", "into British English", "faithfully and completely", "Keep every number",
                   "the paragraph's structure", "the translation alone", "\n- 四带头 → Four Take-the-Leads\n"):
        assert phrase in text, phrase
    assert "Render these terms" not in instructions("British English", {}) + instructions("British English", None)
    american = providers.make_engine(api.provider, "en-US", env={api.env_key: api.key})
    assert american.language == "American English"  # the instructions follow the target


def test_the_instructions_name_the_texts_the_edition_says_it_has(api: Api) -> None:
    """drafting.texts of edition.yml, not this edition's wording, says what the texts are."""
    assert instructions("British English", None).startswith(f"You translate {TEXTS}, written in")
    with Server(api.fake(api.key)) as server:
        made = providers.make_engine(api.provider, "en", env=api.env(server), texts="entries of parish registers")
        made.translate("第1段。")
    [request] = server.requests
    assert request.json()[api.prompt_field].startswith("You translate entries of parish registers, written in")
    assert "local-government" not in INSTRUCTIONS


def test_drafts_through_the_official_client_with_the_key_in_its_header_only(api: Api, tmp_path: Path) -> None:
    path, po = catalog(tmp_path, texts(5))
    cache = DraftCache(cache_path(tmp_path, api.provider, "en-GB"))
    with Server(api.fake(api.key)) as server:
        result = draft(api, {path: po}, server, cache=cache, concurrency=2)
    assert result.drafted == [("r", f"b{n}") for n in range(1, 6)] and not result.failed
    saved = pofile.by_context(pofile.load_po(path))
    assert saved["b1"].msgstr == llm_english("第1段。") and pofile.status(saved["b1"]) == pofile.DRAFT
    # The model the API said answered (not only the one asked for), the library; no glossary was given.
    assert pofile.provenance(saved["b1"]) == f"{api.provider} {api.reported} {api.library()}, {TODAY}"
    entry = json.loads(cache.path.read_text(encoding="utf-8"))[entry_key("第2段。", model=api.requested)]
    assert entry == {"english": llm_english("第2段。"), "by": f"{api.provider} {api.reported} {api.library()}"}
    for request in server.requests:
        body = request.json()
        assert body["model"] == api.requested and instructions("British English", None).splitlines()[0] in body[api.prompt_field]
        assert "British English" in body[api.prompt_field] and "Render these terms" not in body[api.prompt_field]
        headers = {name.lower(): value for name, value in request.headers.items()}
        assert api.key in headers.get("authorization", "") + headers.get("x-api-key", "")
        assert api.key not in request.path + json.dumps(request.query) + request.body.decode()
        assert not {h.lower() for h in PLATFORM_HEADERS} & set(headers)  # nothing about this machine
        if api.provider == "openai":
            assert body["store"] is False  # the answer is not kept on OpenAI's servers
        else:
            assert body["max_tokens"] == 4096 and body["messages"][0]["role"] == "user"


def test_the_glossary_terms_in_the_text_reach_the_instructions_and_no_others(api: Api, tmp_path: Path) -> None:
    with_terms = "坚持党建引领，做到“四带头”，五加二、白加黑。"
    without = "第1段。"
    given = edition_terms.occurring(with_terms, GLOSSARY)
    assert {"党建引领", "四带头", "五加二", "白加黑"} <= set(given) and len(given) < len(GLOSSARY)
    path, po = catalog(tmp_path, [with_terms, without])
    cache = DraftCache(cache_path(tmp_path, api.provider, "en-GB"))
    with Server(api.fake(api.key)) as server:
        result = draft(api, {path: po}, server, terms=GLOSSARY, cache=cache)
    assert len(result.drafted) == 2
    prompts = {text: request.json()[api.prompt_field] for text, request in zip(asked(server), server.requests,
                                                                              strict=True)}
    for zh, en in GLOSSARY.items():  # the preferred rendering of each term in the text, and of no other
        assert (f"- {zh} → {en}" in prompts[with_terms]) == (zh in given), zh
    assert "- 党建引领 → Party-building leadership" in prompts[with_terms]
    assert "Render these terms" not in prompts[without]
    saved = pofile.by_context(pofile.load_po(path))
    assert pofile.provenance(saved["b1"]) == f"{api.provider} {api.reported} {api.library(len(given))}, {TODAY}"
    assert pofile.provenance(saved["b2"]) == f"{api.provider} {api.reported} {api.library(0)}, {TODAY}"
    # The cache key holds the digest of the entries given: a draft made without them is not reused.
    cached = json.loads(cache.path.read_text(encoding="utf-8"))
    assert entry_key(with_terms, model=api.requested, terms=given) in cached
    assert entry_key(with_terms, model=api.requested) not in cached


def test_a_draft_cached_without_the_glossary_is_not_served_as_one_made_with_it(api: Api, tmp_path: Path) -> None:
    text = "坚持党建引领。"
    path, po = catalog(tmp_path, [text])
    cache = DraftCache(cache_path(tmp_path, api.provider, "en-GB"))
    with Server(api.fake(api.key)) as server:
        draft(api, {path: po}, server, cache=cache)  # no glossary
        assert len(server.requests) == 1
        again = pofile.load_po(path)
        draft(api, {path: again}, server, terms=GLOSSARY, cache=DraftCache.load(cache.path), redraft_fuzzy=True)
        assert len(server.requests) == 2  # asked again, with the glossary
        third = pofile.load_po(path)
        result = draft(api, {path: third}, server, terms=GLOSSARY, cache=DraftCache.load(cache.path),
                       redraft_fuzzy=True)
        assert len(server.requests) == 2 and result.from_cache == 1  # now it is in the cache, glossary and all
    given = edition_terms.occurring(text, GLOSSARY)
    assert set(given) == {"党建引领", "党建"}  # a term and the shorter one inside it
    assert pofile.provenance(pofile.load_po(path)[0]).endswith(f"{api.library(len(given))}, {TODAY}")


def test_the_model_comes_from_the_environment_and_the_provenance_from_the_answer(api: Api, tmp_path: Path) -> None:
    answers = {"第1段。": "some-other-model-2026", "第2段。": None, "第3段。": "evil, 2026-01-01\nname"}

    def reporting(request: Request, text: str) -> Reply:
        return Reply(200, api.answer(llm_english(text), answers[text]))

    path, po = catalog(tmp_path, list(answers))
    model_variable = providers.PROVIDERS[api.provider].settings_env["model"]
    with Server(api.fake(api.key, reporting)) as server:
        draft_missing({path: po}, engine(api, server, **{model_variable: "my-model"}), provider=api.provider,
                      today=TODAY, progress=False)
    assert {request.json()["model"] for request in server.requests} == {"my-model"}
    saved = pofile.by_context(pofile.load_po(path))
    assert pofile.provenance(saved["b1"]) == f"{api.provider} some-other-model-2026 {api.library()}, {TODAY}"
    assert pofile.provenance(saved["b2"]) == (
        f"{api.provider} my-model (requested, not named in the answer) {api.library()}, {TODAY}")
    assert pofile.provenance(saved["b3"]) == f"{api.provider} evil2026-01-01name {api.library()}, {TODAY}"
    pofile.parse_po(pofile.dumps(pofile.load_po(path)), path)  # the PO checker accepts every provenance


def test_a_refused_key_fails_the_probe_and_stops_a_run(api: Api, tmp_path: Path) -> None:
    path, po = catalog(tmp_path, texts(20))
    with Server(api.fake("another key")) as server:
        with pytest.raises(EngineUnavailable) as caught:
            probe(engine(api, server), secrets=[api.key])
        assert str(caught.value).startswith("the translation engine failed (AuthenticationError: ")
        assert reports("AuthenticationError", 401, str(caught.value).split("(", 1)[1])
        with pytest.raises(RunStopped, match=rf"^{path}:\d+: r#b\d+: AuthenticationError: {STATUS_PREFIX}401"):
            draft(api, {path: po}, server, concurrency=2)
        assert len(server.requests) <= 1 + 2  # the probe's, then it stopped: not one request per block
    assert all(pofile.status(e) == pofile.MISSING for e in pofile.load_po(path))


def test_rate_limits_engage_the_shared_back_off_not_the_clients_own(api: Api, tmp_path: Path) -> None:
    refusals = {"第2段。": 2, "第5段。": 1}
    lock = threading.Lock()

    def throttled(request: Request, text: str) -> Reply | None:
        with lock:
            if refusals.get(text):
                refusals[text] -= 1
                return api.error(429, "rate_limit_error", "Rate limit reached")
        return None

    path, po = catalog(tmp_path, texts(8))
    waits: list[float] = []
    with Server(api.fake(api.key, throttled)) as server:
        result = draft(api, {path: po}, server, concurrency=3, sleep=waits.append, backoff=1.0)
    assert len(result.drafted) == 8 and not result.failed
    assert sorted(waits) == [1.0, 1.0, 2.0]  # RateLimitError, through the Throttle
    assert asked(server).count("第2段。") == 3 and len(asked(server)) == 8 + 3  # the client retried nothing itself


@pytest.mark.parametrize(("header", "value", "wait"), [("Retry-After", "7", 7.0), ("retry-after-ms", "2500", 2.5),
                                                       ("Retry-After", "100000", 120.0)])
def test_a_retry_after_is_waited_for(api: Api, tmp_path: Path, header: str, value: str, wait: float) -> None:
    refused: list[str] = []

    def once(request: Request, text: str) -> Reply | None:
        if refused:
            return None
        refused.append(text)
        return api.error(429, "rate_limit_error", "Rate limit reached", **{header: value})

    path, po = catalog(tmp_path, texts(2))
    waits: list[float] = []
    with Server(api.fake(api.key, once)) as server:
        result = draft(api, {path: po}, server, sleep=waits.append, backoff=1.0)
    assert waits == [wait] and len(result.drafted) == 2  # as long as the server asked (at most 120 s)


def test_rate_limits_without_end_fail_the_block_after_the_retries(api: Api, tmp_path: Path) -> None:
    always = api.fake(api.key, lambda r, text: api.error(429, "rate_limit_error", "slow down") if text == "第1段。" else None)
    path, po = catalog(tmp_path, texts(2))
    with Server(always) as server:
        result = draft(api, {path: po}, server, retries=2, sleep=lambda s: None)
    [(anchor, message)] = failures(result)
    assert anchor == "b1" and reports("RateLimitError", 429, message) and "slow down" in message
    assert result.drafted == [("r", "b2")] and asked(server).count("第1段。") == 3


QUOTA = {
    "openai": (429, "insufficient_quota", "You exceeded your current quota", "insufficient_quota", "RateLimitError"),
    "anthropic": (402, "billing_error", "Your credit balance is too low", None, "PaymentRequiredError"),
}


def test_an_exhausted_quota_stops_the_run_keeps_the_answers_and_a_second_run_resumes(api: Api, tmp_path: Path) -> None:
    status, kind, message, code, error = QUOTA[api.provider]
    path, po = catalog(tmp_path, texts(12))
    cache = DraftCache(cache_path(tmp_path, api.provider, "en-GB"))
    answered = 0
    lock = threading.Lock()

    def quota(request: Request, text: str) -> Reply | None:
        nonlocal answered
        with lock:
            answered += 1
            return api.error(status, kind, message, code) if answered > 5 else None

    waits: list[float] = []
    with Server(api.fake(api.key, quota)) as server, pytest.raises(RunStopped, match=f"{error}: {STATUS_PREFIX}{status}"):
        draft(api, {path: po}, server, cache=cache, sleep=waits.append)
    assert waits == []  # a used-up quota is not waited out
    first = {e.msgid for e in pofile.load_po(path) if e.msgstr}
    assert first == set(texts(5)) and {k.split("] ")[1] for k in DraftCache.load(cache.path).entries} == first

    again = pofile.load_po(path)
    with Server(api.fake(api.key)) as server:
        result = draft(api, {path: again}, server, cache=DraftCache.load(cache.path))
    assert sorted(asked(server)) == sorted(set(texts(12)) - first) and len(result.drafted) == 7


@pytest.mark.parametrize(("status", "name"), [(500, "InternalServerError"), (503, "InternalServerError"),
                                              (400, "BadRequestError")])
def test_a_server_error_fails_that_block_only(api: Api, tmp_path: Path, status: int, name: str) -> None:
    failing = api.fake(api.key, lambda r, text: api.error(status, "api_error", "boom") if text == "第3段。" else None)
    path, po = catalog(tmp_path, texts(4))
    with Server(failing) as server:
        result = draft(api, {path: po}, server, concurrency=2)
    [(anchor, message)] = failures(result)
    expected = "ServiceUnavailableError" if (api.provider, status) == ("anthropic", 503) else name
    assert anchor == "b3" and reports(expected, status, message) and "boom" in message
    assert result.failed[0][0].startswith(f"{path}:") and len(result.drafted) == 3
    assert asked(server).count("第3段。") == 1  # not retried behind our back


def test_anthropics_overloaded_is_waited_out_like_a_rate_limit(tmp_path: Path) -> None:
    api = APIS["anthropic"]
    overloaded = ["第1段。"]

    def busy(request: Request, text: str) -> Reply | None:
        if text in overloaded:
            overloaded.remove(text)
            return api.error(529, "overloaded_error", "Overloaded")
        return None

    path, po = catalog(tmp_path, texts(2))
    waits: list[float] = []
    with Server(api.fake(api.key, busy)) as server:
        result = draft(api, {path: po}, server, sleep=waits.append, backoff=1.0)
    assert waits == [1.0] and len(result.drafted) == 2 and asked(server).count("第1段。") == 2


def malformed(api: Api) -> dict[str, tuple[Reply, str]]:
    """Answers that are no translation -> the failure each becomes."""
    openai = api.provider == "openai"
    kind = "response" if openai else "message"
    return {
        "garbage": (Reply(200, "<html>not json</html>"), f"MalformedAnswer: the answer is not a {kind} of the API (str)"),
        "no text": (Reply(200, api.answer("")), "MalformedAnswer: the answer holds no translation"),
        "no content": (Reply(200, {"id": "x"}), "MalformedAnswer: the answer holds no translation"),
        "Chinese": (Reply(200, api.answer("第一段。这是翻译。")),
                    "MalformedAnswer: the answer is not English (mostly Chinese characters)"),
        "cut off": (
            Reply(200, openai_response("The trans", status="incomplete",
                                       incomplete_details={"reason": "max_output_tokens"}) if openai
                  else anthropic_message("The trans", stop_reason="max_tokens")),
            "MalformedAnswer: the answer is incomplete (" + ("max_output_tokens)" if openai else "cut off at 4096 tokens)")),
        "refused": (
            Reply(200, {**openai_response(""), "output": [{"type": "message", "id": "m", "role": "assistant",
                                                           "status": "completed",
                                                           "content": [{"type": "refusal", "refusal": "I can't."}]}]})
            if openai else Reply(200, anthropic_message("", stop_reason="refusal")),
            "MalformedAnswer: the model refused" + (": I can't." if openai else " to translate")),
    }


@pytest.mark.parametrize("case", ["garbage", "no text", "no content", "Chinese", "cut off", "refused"])
def test_an_answer_that_is_no_translation_fails_that_block(api: Api, tmp_path: Path, case: str) -> None:
    reply, message = malformed(api)[case]
    path, po = catalog(tmp_path, texts(2))
    with Server(api.fake(api.key, lambda r, text: reply if text == "第1段。" else None)) as server:
        result = draft(api, {path: po}, server)
    assert failures(result) == [("b1", message)] and result.drafted == [("r", "b2")]
    assert asked(server).count("第1段。") == 1


def test_a_hanging_server_times_out_that_block(api: Api, tmp_path: Path) -> None:
    hanging = api.fake(api.key, lambda r, text: Reply(hang=True) if text == "第1段。" else None)
    path, po = catalog(tmp_path, texts(3))
    with Server(hanging) as server:
        warm = engine(api, server)
        probe(warm, secrets=[api.key])  # the client's first call builds what it builds lazily: not timed here
        result = draft_missing({path: po}, warm, provider=api.provider, today=TODAY, progress=False, timeout=1.0,
                               concurrency=2)
    assert failures(result) == [("b1", "TimeoutError: no answer within 1 s")]
    assert result.drafted == [("r", "b2"), ("r", "b3")]


def test_the_clients_own_time_out_means_unreachable(api: Api) -> None:
    with Server(api.fake(api.key, lambda r, text: Reply(hang=True))) as server:
        slow = engine(api, server)
        slow.client = slow.client.with_options(timeout=0.2)  # the client's time-out, before the transport's
        with pytest.raises(EngineUnavailable, match=r"^cannot reach the translation engine \(APITimeoutError: "):
            probe(slow, timeout=10, retries=0, secrets=[api.key])


def test_an_answer_that_echoes_the_key_is_neither_saved_nor_reported(api: Api, tmp_path: Path, caplog) -> None:
    def echo(request: Request, text: str) -> Reply | None:
        if text != "第1段。":
            return None
        return Reply(200, api.answer(f"Hello {request.header('authorization') or request.header('x-api-key')}"))

    path, po = catalog(tmp_path, texts(2))
    cache = DraftCache(cache_path(tmp_path, api.provider, "en-GB"))
    with Server(api.fake(api.key, echo)) as server:
        result = draft(api, {path: po}, server, cache=cache)
    assert failures(result) == [("b1", SECRET_IN_ANSWER)]
    for saved in (path, cache.path):
        assert api.key not in saved.read_text(encoding="utf-8")
    assert api.key not in caplog.text and "not drafted" in caplog.text


def test_a_run_killed_outright_mid_way_resumes_asking_only_for_what_is_missing(api: Api, tmp_path: Path) -> None:
    """SIGKILL while requests are in flight: no chance to save anything on the way out."""
    simulate.build_workload(tmp_path, blocks=60, reports=2)
    child: subprocess.Popen | None = None
    started = threading.Event()
    count = 0
    lock = threading.Lock()

    def kill_at_the_20th(request: Request, text: str) -> Reply | None:
        nonlocal count
        with lock:
            count += 1
            number = count
        if number == 20:
            started.wait(30)
            assert child is not None
            os.kill(child.pid, signal.SIGKILL)
        return Reply(hang=True) if number >= 20 else None

    script = (
        "import json, sys; from pathlib import Path; "
        "from edition.drafting import providers; from edition.drafting.cache import DraftCache, cache_path; "
        "from edition.drafting.run import draft_missing; from benchmark import simulate; "
        "root = Path(sys.argv[1]); provider = sys.argv[2]; "
        "engine = providers.make_engine(provider, 'en', env=json.loads(sys.argv[3])); "
        "draft_missing(simulate.load_workload(root), engine, provider=provider, progress=False, concurrency=4, "
        "cache=DraftCache.load(cache_path(root, provider, 'en-GB')))"
    )
    cache_file = cache_path(tmp_path, api.provider, "en-GB")
    with Server(api.fake(api.key, kill_at_the_20th)) as server:
        child = subprocess.Popen([sys.executable, "-c", script, str(tmp_path), api.provider,
                                  json.dumps(api.env(server))], cwd=REPOSITORY)
        started.set()
        assert child.wait(timeout=120) == -signal.SIGKILL
    on_disk = simulate.load_workload(tmp_path)  # every file parses
    drafted = {e.msgid for po in on_disk.values() for e in po if e.msgstr}
    cached = json.loads(cache_file.read_text(encoding="utf-8")) if cache_file.exists() else {}
    cached_texts = {k.split("] ", 1)[1] for k in cached}
    assert drafted <= cached_texts and len(cached) < 20  # the cache is saved first; the kill was mid-way

    with Server(api.fake(api.key)) as server:
        result = draft(api, on_disk, server, cache=DraftCache.load(cache_file), concurrency=4)
    everything = {e.msgid for po in on_disk.values() for e in po}
    assert set(asked(server)) == everything - cached_texts and len(asked(server)) == len(set(asked(server)))
    assert len(result.drafted) == 60 - len(drafted) and not result.failed
    assert all(e.msgstr for po in simulate.load_workload(tmp_path).values() for e in po)
