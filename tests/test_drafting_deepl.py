"""DeepL through its official client, on its real request path, against a fake DeepL API on 127.0.0.1:
success, a refused key, rate limits (the shared back-off), an exhausted quota, server errors,
time-outs, an echoed key, and a run killed outright (SIGKILL) that resumes."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
from importlib.metadata import version
from pathlib import Path

import polib
import pytest

from benchmark import simulate
from edition.drafting import providers, terms
from edition.drafting.cache import DraftCache, cache_path
from edition.drafting.errors import EngineUnavailable
from edition.drafting.run import SECRET_IN_ANSWER, DraftResult, RunStopped, draft_missing
from edition.drafting.transport import probe
from edition.translate import po as pofile
from tests.conftest import catalog
from tests.http_fakes import Reply, Request, Server, deepl_api, english

KEY = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d:fx"
TODAY = "2026-12-02"
REPOSITORY = Path(__file__).resolve().parents[1]
PROVENANCE = f"deepl (official client deepl {version('deepl').split('.')[0]}.x), {TODAY}"


def engine(server: Server, key: str = KEY) -> providers.Engine:
    return providers.make_engine("deepl", "en", env={"DEEPL_API_KEY": key, "DEEPL_SERVER_URL": server.url})


def draft(po_files: dict[Path, polib.POFile], server: Server, **options: object) -> DraftResult:
    options = {"provider": "deepl", "today": TODAY, "progress": False, "secrets": [KEY], **options}
    return draft_missing(po_files, engine(server), **options)


def texts(count: int) -> list[str]:
    return [f"第{n}段。" for n in range(1, count + 1)]


def sent(server: Server) -> list[str]:
    return [t for request in server.requests for t in request.json().get("text", [])]


def test_drafts_with_the_key_in_the_authorization_header_only(tmp_path: Path) -> None:
    path, po = catalog(tmp_path, texts(5))
    cache = DraftCache(cache_path(tmp_path, "deepl-client", "EN-GB"))
    with Server(deepl_api(KEY)) as server:
        result = draft({path: po}, server, cache=cache, concurrency=2)
    assert result.drafted == [("r", f"b{n}") for n in range(1, 6)] and not result.failed
    saved = pofile.by_context(pofile.load_po(path))
    assert saved["b1"].msgstr == english("第1段。") and pofile.status(saved["b1"]) == pofile.DRAFT
    assert pofile.provenance(saved["b1"]) == PROVENANCE
    assert json.loads(cache.path.read_text(encoding="utf-8"))["第2段。"] == english("第2段。")
    for request in server.requests:
        assert request.headers["Authorization"] == f"DeepL-Auth-Key {KEY}"
        assert KEY not in request.path + json.dumps(request.query) + request.body.decode()
        body = request.json()
        assert (body["source_lang"], body["target_lang"]) == ("ZH", "EN-GB")


def test_a_refused_key_fails_the_probe_and_stops_a_run(tmp_path: Path) -> None:
    path, po = catalog(tmp_path, texts(20))
    with Server(deepl_api("another key")) as server:
        with pytest.raises(EngineUnavailable) as caught:
            probe(engine(server), secrets=[KEY])
        assert str(caught.value) == ("the translation engine failed (AuthorizationException: Authorization failure, "
                                     "check auth_key, message: Invalid authentication key)")
        with pytest.raises(RunStopped, match=rf"^{path}:\d+: r#b\d+: AuthorizationException: "):
            draft({path: po}, server, concurrency=2)
        assert len(server.requests) <= 3 + 2  # the probe's, then it stopped: not one request per block
    assert all(pofile.status(e) == pofile.MISSING for e in pofile.load_po(path))


def test_rate_limits_engage_the_shared_back_off_not_the_clients_own(tmp_path: Path) -> None:
    refusals = {"第2段。": 2, "第5段。": 1}
    lock = threading.Lock()

    def throttled(request: Request, batch: list[str]) -> Reply | None:
        with lock:
            if refusals.get(batch[0]):
                refusals[batch[0]] -= 1
                return Reply(429, {"message": "Too many requests"})
        return None

    path, po = catalog(tmp_path, texts(8))
    waits: list[float] = []
    with Server(deepl_api(KEY, throttled)) as server:
        result = draft({path: po}, server, concurrency=3, sleep=waits.append, backoff=1.0)
    assert len(result.drafted) == 8 and not result.failed
    assert sorted(waits) == [1.0, 1.0, 2.0]  # TooManyRequestsException, through the Throttle
    assert sent(server).count("第2段。") == 3 and len(sent(server)) == 8 + 3  # the client retried nothing itself


def test_rate_limits_without_end_fail_the_block_after_the_retries(tmp_path: Path) -> None:
    path, po = catalog(tmp_path, texts(2))
    always = deepl_api(KEY, lambda request, batch: Reply(429, {}) if batch == ["第1段。"] else None)
    with Server(always) as server:
        result = draft({path: po}, server, retries=2, sleep=lambda s: None)
    assert [(anchor, message) for _, anchor, message in result.failed] == [
        ("b1", "TooManyRequestsException: Too many requests, DeepL servers are currently experiencing high load")
    ]
    assert result.drafted == [("r", "b2")] and sent(server).count("第1段。") == 3


def test_an_exhausted_quota_stops_the_run_keeps_the_answers_and_a_second_run_resumes(tmp_path: Path) -> None:
    path, po = catalog(tmp_path, texts(12))
    cache = DraftCache(cache_path(tmp_path, "deepl-client", "EN-GB"))
    answered = 0
    lock = threading.Lock()

    def quota(request: Request, batch: list[str]) -> Reply | None:
        nonlocal answered
        with lock:
            answered += 1
            return Reply(456, {"message": "Quota exceeded"}) if answered > 5 else None

    with Server(deepl_api(KEY, quota)) as server, pytest.raises(RunStopped, match="QuotaExceededException"):
        draft({path: po}, server, cache=cache)
    first = {e.msgid for e in pofile.load_po(path) if e.msgstr}
    assert first == set(texts(5)) and set(DraftCache.load(cache.path).entries) == first  # saved, both

    again = pofile.load_po(path)
    with Server(deepl_api(KEY)) as server:
        result = draft({path: again}, server, cache=DraftCache.load(cache.path))
    assert sorted(sent(server)) == sorted(set(texts(12)) - first) and len(result.drafted) == 7
    assert all(e.msgstr for e in pofile.load_po(path))


@pytest.mark.parametrize(("status", "message"), [
    (500, "DeepLException: Unexpected status code: 500 Internal Server Error, content: {\"message\": \"boom\"}."),
    (503, "DeepLException: Service unavailable, message: boom"),
    (400, "DeepLException: Bad request, message: boom"),
])
def test_a_server_error_fails_that_block_only(tmp_path: Path, status: int, message: str) -> None:
    path, po = catalog(tmp_path, texts(4))
    failing = deepl_api(KEY, lambda request, batch: Reply(status, {"message": "boom"}) if batch == ["第3段。"] else None)
    with Server(failing) as server:
        result = draft({path: po}, server, concurrency=2)
    assert [(anchor, m) for _, anchor, m in result.failed] == [("b3", message)]
    assert result.failed[0][0].startswith(f"{path}:") and len(result.drafted) == 3
    assert sent(server).count("第3段。") == 1  # not retried behind our back


def test_garbage_from_the_server_fails_that_block(tmp_path: Path) -> None:
    path, po = catalog(tmp_path, texts(2))
    garbage = deepl_api(KEY, lambda request, batch: Reply(200, "<html>") if batch == ["第1段。"] else None)
    with Server(garbage) as server:
        result = draft({path: po}, server)
    assert [(a, m) for _, a, m in result.failed] == [("b1", "IndexError: list index out of range")]
    assert result.drafted == [("r", "b2")]


def test_a_hanging_server_times_out_that_block(tmp_path: Path) -> None:
    path, po = catalog(tmp_path, texts(3))
    hanging = deepl_api(KEY, lambda request, batch: Reply(hang=True) if batch == ["第1段。"] else None)
    with Server(hanging) as server:
        result = draft({path: po}, server, timeout=0.3, concurrency=2)
    assert [(a, m) for _, a, m in result.failed] == [("b1", "TimeoutError: no answer within 0.3 s")]
    assert result.drafted == [("r", "b2"), ("r", "b3")]


def test_an_answer_that_echoes_the_key_is_neither_saved_nor_reported(tmp_path: Path, caplog) -> None:
    path, po = catalog(tmp_path, texts(2))
    cache = DraftCache(cache_path(tmp_path, "deepl-client", "EN-GB"))

    def echo(request: Request, batch: list[str]) -> Reply | None:
        if batch != ["第1段。"]:
            return None
        text = f"Hello {request.headers['Authorization']}"
        return Reply(200, {"translations": [{"text": text, "detected_source_language": "ZH", "billed_characters": 3}]})

    with Server(deepl_api(KEY, echo)) as server:
        result = draft({path: po}, server, cache=cache)
    assert [(a, m) for _, a, m in result.failed] == [("b1", SECRET_IN_ANSWER)]
    for saved in (path, cache.path):
        assert KEY not in saved.read_text(encoding="utf-8")
    assert KEY not in caplog.text and "not drafted" in caplog.text


def test_a_run_killed_outright_mid_way_resumes_asking_only_for_what_is_missing(tmp_path: Path) -> None:
    """SIGKILL while requests are in flight: no chance to save anything on the way out."""
    simulate.build_workload(tmp_path, blocks=160, reports=2)
    child: subprocess.Popen | None = None
    started = threading.Event()
    count = 0
    lock = threading.Lock()

    def kill_at_the_40th(request: Request, batch: list[str]) -> Reply | None:
        nonlocal count
        with lock:
            count += 1
            number = count
        if number == 40:
            started.wait(30)
            assert child is not None
            os.kill(child.pid, signal.SIGKILL)
        return Reply(hang=True) if number >= 40 else None

    script = (
        "import sys; from pathlib import Path; "
        "from edition.drafting import providers; from edition.drafting.cache import DraftCache, cache_path; "
        "from edition.drafting.run import draft_missing; from benchmark import simulate; "
        "root = Path(sys.argv[1]); "
        "engine = providers.make_engine('deepl', 'en', env={'DEEPL_API_KEY': sys.argv[2], 'DEEPL_SERVER_URL': sys.argv[3]}); "
        "draft_missing(simulate.load_workload(root), engine, provider='deepl', progress=False, concurrency=4, "
        "cache=DraftCache.load(cache_path(root, 'deepl-client', 'EN-GB')))"
    )
    with Server(deepl_api(KEY, kill_at_the_40th)) as server:
        child = subprocess.Popen([sys.executable, "-c", script, str(tmp_path), KEY, server.url], cwd=REPOSITORY)
        started.set()
        assert child.wait(timeout=120) == -signal.SIGKILL
    on_disk = simulate.load_workload(tmp_path)  # every file parses
    drafted = {e.msgid for po in on_disk.values() for e in po if e.msgstr}
    cache_file = cache_path(tmp_path, "deepl-client", "EN-GB")
    cached = json.loads(cache_file.read_text(encoding="utf-8")) if cache_file.exists() else {}
    assert drafted <= set(cached) and len(cached) < 40  # the cache is saved first; the kill was mid-way

    with Server(deepl_api(KEY)) as server:
        result = draft(on_disk, server, cache=DraftCache.load(cache_file), concurrency=4)
    asked = sent(server)
    everything = {e.msgid for po in on_disk.values() for e in po}
    assert set(asked) == everything - set(cached) and len(asked) == len(set(asked))  # only what is missing, once
    assert len(result.drafted) == 160 - len(drafted) and not result.failed
    assert all(e.msgstr for po in simulate.load_workload(tmp_path).values() for e in po)


# --- the edition's glossary, as a DeepL glossary ------------------------------------------------

TERMS = {"党建引领": "Party-building leadership", "四带头": "Four Take-the-Leads", "棚改": "shantytown redevelopment"}


def test_the_glossary_is_made_once_and_given_with_every_text(tmp_path: Path) -> None:
    path, po = catalog(tmp_path, texts(8))
    glossaries: dict[str, dict] = {}
    cache = DraftCache(cache_path(tmp_path, "deepl-client", "EN-GB"))
    with Server(deepl_api(KEY, glossaries=glossaries)) as server:
        engine = providers.make_engine("deepl", "en", env={"DEEPL_API_KEY": KEY, "DEEPL_SERVER_URL": server.url},
                                       terms=TERMS)
        result = draft_missing({path: po}, engine, provider="deepl", today=TODAY, progress=False, cache=cache,
                               concurrency=4)
    assert len(result.drafted) == 8
    [(glossary_id, glossary)] = glossaries.items()  # made once, though four workers wanted it at once
    assert glossary == {"name": f"edition zh-en {terms.digest(TERMS)}",
                        "dictionaries": [{"source_lang": "ZH", "target_lang": "EN", "entries": TERMS}]}
    translations = [r.json() for r in server.requests if r.path == "/v2/translate"]
    assert len(translations) == 8 and all(t["glossary_id"] == glossary_id for t in translations)
    assert [r.method for r in server.requests if r.path == "/v3/glossaries"] == ["GET", "POST"]
    saved = pofile.by_context(pofile.load_po(path))
    expected = f"deepl (official client deepl {version('deepl').split('.')[0]}.x, edition glossary 3 terms), {TODAY}"
    assert all(pofile.provenance(e) == expected for e in saved.values())
    assert set(json.loads(cache.path.read_text(encoding="utf-8"))) == {
        f"[terms={terms.digest(TERMS)}] {t}" for t in texts(8)}


def test_a_glossary_deepl_refuses_fails_the_engine_and_nothing_is_drafted_without_it(tmp_path: Path) -> None:
    def respond(request: Request) -> Reply:
        if request.path == "/v3/glossaries" and request.method == "POST":
            return Reply(400, {"message": "Unsupported glossary source and target language pair"})
        return deepl_api(KEY)(request)

    path, po = catalog(tmp_path, texts(3))
    with Server(respond) as server:
        engine = providers.make_engine("deepl", "en", env={"DEEPL_API_KEY": KEY, "DEEPL_SERVER_URL": server.url},
                                       terms=TERMS)
        with pytest.raises(EngineUnavailable, match=r"failed \(DeepLException: Bad request, message: Unsupported glossary"):
            probe(engine, secrets=[KEY])
        result = draft_missing({path: po}, engine, provider="deepl", today=TODAY, progress=False)
    assert len(result.failed) == 3 and not result.drafted  # never a draft that claims a glossary it lacked
    assert not [r for r in server.requests if r.path == "/v2/translate"]


def test_no_glossary_for_a_target_the_glossary_is_not_in(tmp_path: Path) -> None:
    """The glossary is Chinese -> English: a German draft gets none, and its provenance claims none."""
    path, po = catalog(tmp_path, texts(2))
    with Server(deepl_api(KEY)) as server:
        engine = providers.make_engine("deepl", "de", env={"DEEPL_API_KEY": KEY, "DEEPL_SERVER_URL": server.url},
                                       terms=TERMS)
        draft_missing({path: po}, engine, provider="deepl", today=TODAY, progress=False)
    assert {r.path for r in server.requests} == {"/v2/translate"}
    assert "glossary_id" not in server.requests[0].json() and server.requests[0].json()["target_lang"] == "DE"
    assert pofile.provenance(pofile.load_po(path)[0]) == PROVENANCE


def test_a_retry_after_from_deepl_is_not_passed_on_by_its_client_so_the_back_off_is_exponential(tmp_path: Path) -> None:
    """DeepL's client keeps no headers on its TooManyRequestsException: the shared back-off's own times apply."""
    refusals = {"第1段。": 2}

    def throttled(request: Request, batch: list[str]) -> Reply | None:
        if refusals.get(batch[0]):
            refusals[batch[0]] -= 1
            return Reply(429, {"message": "Too many requests"}, {"Retry-After": "30"})
        return None

    path, po = catalog(tmp_path, texts(2))
    waits: list[float] = []
    with Server(deepl_api(KEY, throttled)) as server:
        result = draft({path: po}, server, sleep=waits.append, backoff=1.0)
    assert waits == [1.0, 2.0] and len(result.drafted) == 2 and sent(server).count("第1段。") == 3
