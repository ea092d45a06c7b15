"""``edition translate``: every problem is one line on stderr, with no key in it, and changes nothing
it should not (DeepL against a fake API on 127.0.0.1; a copy of the repository)."""

from __future__ import annotations

import io
import json
import logging
import shutil
import sys
from importlib.metadata import version
from pathlib import Path
from urllib.parse import quote

import pytest

from edition import cli
from edition.commands import translation as commands
from edition.drafting import providers, terms
from edition.drafting.cache import entry_key
from edition.drafting.secrets import MASK
from edition.paths import Paths
from edition.pipeline import build
from edition.translate import po as pofile
from tests.http_fakes import (
    ANTHROPIC_MODEL,
    OPENAI_MODEL,
    Reply,
    Request,
    Server,
    anthropic_api,
    deepl_api,
    english,
    llm_english,
    openai_api,
    refused_url,
)

KEY = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d:fx"
SLUG = "kecheng-four-take-the-leads"
CLEARED = ("b3", "b4", "b5")


@pytest.fixture
def edition(repo_copy: Paths) -> Paths:
    """A built copy of the repository with three entries of one report missing."""
    build(repo_copy)
    path = pofile.po_path(repo_copy.translations, SLUG)
    po = pofile.load_po(path)
    for anchor in CLEARED:
        entry = pofile.by_context(po)[anchor]
        entry.msgstr = ""
        entry.flags = []
    pofile.save_po(po, path)
    return repo_copy


@pytest.fixture
def cli_logging() -> object:
    """``cli.main`` sets up the ``edition`` logger for a terminal: put it back afterwards."""
    logger = logging.getLogger("edition")
    saved = (logger.handlers[:], logger.level, logger.propagate)
    yield
    logger.handlers[:] = saved[0]
    logger.setLevel(saved[1])
    logger.propagate = saved[2]


def snapshot(root: Path) -> dict[str, bytes]:
    return {str(p): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file() and "edition" not in p.parts}


def translate(paths: Paths, env: dict[str, str], **options: object) -> int:
    return commands.run_translate(paths, provider="deepl", env=env, progress=False, today="2026-12-02",
                                  **options)


def one_line(err: str) -> str:
    lines = err.splitlines()
    assert len(lines) == 1, lines
    assert KEY not in err and quote(KEY, safe="") not in err
    return lines[0]


def test_an_unknown_provider_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        cli.main(["translate", "--provider", "unknown"])
    assert exited.value.code == 2
    assert one_line(capsys.readouterr().err) == (
        "error: argument --provider: invalid choice: 'unknown' "
        "(choose from 'anthropic', 'deepl', 'google', 'mymemory', 'openai')")


@pytest.mark.parametrize(("provider", "message"), [
    ("mymemory", "error: mymemory: target language 'xx' is not supported (try en, en-GB, en-US, …)"),
    ("google", "error: google: target language 'xx' is not supported (try en, …)"),
])
def test_an_unsupported_target_is_one_line_before_anything_is_read(
    provider: str, message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], cli_logging: object
) -> None:
    assert commands.run_translate(Paths(tmp_path), provider=provider, target="xx") == 2  # an empty folder: not read
    assert one_line(capsys.readouterr().err) == message
    assert cli.main(["translate", "--provider", provider, "--target", "xx"]) == 2
    assert one_line(capsys.readouterr().err) == message


def test_no_key(edition: Paths, capsys: pytest.CaptureFixture[str]) -> None:
    before = snapshot(edition.root)
    assert translate(edition, {}) == 1
    assert one_line(capsys.readouterr().err) == (
        "error: deepl: no API key: set the environment variable DEEPL_API_KEY; no file was changed")
    assert snapshot(edition.root) == before


def test_an_unreachable_engine(edition: Paths, capsys: pytest.CaptureFixture[str]) -> None:
    before = snapshot(edition.root)
    assert translate(edition, {"DEEPL_API_KEY": KEY, "DEEPL_SERVER_URL": refused_url()}) == 1
    line = one_line(capsys.readouterr().err)
    assert line.startswith("error: deepl: cannot reach the translation engine (ConnectionException: Connection "
                           "failed: HTTPConnectionPool(host='127.0.0.1', port=")
    assert line.endswith("[Errno 111] Connection refused\"))); no file was changed")
    assert snapshot(edition.root) == before


def test_a_refused_key_that_the_server_echoes(edition: Paths, capsys: pytest.CaptureFixture[str]) -> None:
    before = snapshot(edition.root)

    def echo(request: Request) -> Reply:
        return Reply(403, {"message": f"bad key {request.headers['Authorization']}"})

    with Server(echo) as server:
        assert translate(edition, {"DEEPL_API_KEY": KEY, "DEEPL_SERVER_URL": server.url}) == 1
    assert one_line(capsys.readouterr().err) == (
        "error: deepl: the translation engine failed (AuthorizationException: Authorization failure, check auth_key,"
        f" message: bad key DeepL-Auth-Key {MASK}); no file was changed")
    assert snapshot(edition.root) == before


def test_drafts_through_deepl_with_the_editions_glossary(edition: Paths, capsys: pytest.CaptureFixture[str]) -> None:
    out = io.StringIO()
    glossaries: dict[str, dict] = {}
    with Server(deepl_api(KEY, glossaries=glossaries)) as server:
        assert translate(edition, {"DEEPL_API_KEY": KEY, "DEEPL_SERVER_URL": server.url}, out=out) == 0
    assert capsys.readouterr().err == ""
    entries = pofile.by_context(pofile.load_po(pofile.po_path(edition.translations, SLUG)))
    drafted = [a for a in CLEARED if entries[a].msgstr == english(entries[a].msgid)]
    renderings = terms.load(edition.glossary)
    assert len(renderings) > 100
    assert drafted and all(pofile.provenance(entries[a]) == (
        f"deepl (official client deepl 1.x, edition glossary {len(renderings)} terms), 2026-12-02") for a in drafted)
    # One glossary, made of the edition's terms and named after them, given with every text (the probe's too).
    [(glossary_id, glossary)] = glossaries.items()
    assert glossary["name"] == f"edition zh-en {terms.digest(renderings)}"
    assert [(d["source_lang"], d["target_lang"], d["entries"]) for d in glossary["dictionaries"]] == [
        ("ZH", "EN", renderings)]
    translations = [r.json() for r in server.requests if r.path == "/v2/translate"]
    assert translations and all(body["glossary_id"] == glossary_id for body in translations)
    # The cache key names the glossary: a draft made without it is not taken for one made with it.
    cache = json.loads((edition.translations / ".cache" / "deepl-client-EN-GB.json").read_text(encoding="utf-8"))
    prefix = f"[terms={terms.digest(renderings)}] "
    assert all(cache[prefix + entries[a].msgid]["english"] == entries[a].msgstr for a in drafted)
    assert not any(entries[a].msgid in cache for a in drafted)
    assert f"{len(drafted)} machine drafts (0 from the cache), 0 failed" in out.getvalue()


def test_the_deepl_glossary_is_reused_while_the_terms_are_unchanged(edition: Paths) -> None:
    glossaries: dict[str, dict] = {}
    env = {"DEEPL_API_KEY": KEY}
    with Server(deepl_api(KEY, glossaries=glossaries)) as server:
        assert translate(edition, {**env, "DEEPL_SERVER_URL": server.url}, redraft_fuzzy=True, report=SLUG) == 0
        shutil.rmtree(edition.translations / ".cache")  # so that the second run asks again
        assert translate(edition, {**env, "DEEPL_SERVER_URL": server.url}, redraft_fuzzy=True, report=SLUG) == 0
    assert len(glossaries) == 1  # found by its name the second time, not made again
    assert [r.method for r in server.requests if r.path == "/v3/glossaries"] == ["GET", "POST", "GET"]


def test_a_quota_exhausted_mid_run(edition: Paths, capsys: pytest.CaptureFixture[str]) -> None:
    calls = 0

    def quota(request: Request, batch: list[str]) -> Reply | None:
        nonlocal calls
        calls += 1
        return Reply(456, {"message": "Quota exceeded"}) if calls > 1 else None  # the probe passes

    with Server(deepl_api(KEY, quota)) as server:
        assert translate(edition, {"DEEPL_API_KEY": KEY, "DEEPL_SERVER_URL": server.url}, concurrency=1) == 1
    line = one_line(capsys.readouterr().err)
    path = pofile.po_path(edition.translations, SLUG)
    assert line.startswith(f"error: deepl: {path}:")
    assert line.endswith(": QuotaExceededException: Quota for this billing period has been exceeded, message: "
                         "Quota exceeded; every answer received before was saved: run again to resume")


def test_server_errors_fail_their_blocks_with_file_and_line(edition: Paths, caplog: pytest.LogCaptureFixture,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    def unavailable(request: Request, batch: list[str]) -> Reply | None:
        if batch == ["你好。"]:
            return None  # the probe
        return Reply(503, {"message": f"busy, {request.headers['Authorization']}"})

    out = io.StringIO()
    with Server(deepl_api(KEY, unavailable)) as server:
        assert translate(edition, {"DEEPL_API_KEY": KEY, "DEEPL_SERVER_URL": server.url}, out=out) == 1
    warnings = [r.getMessage() for r in caplog.records if "not drafted" in r.getMessage()]
    path = pofile.po_path(edition.translations, SLUG)
    assert warnings and all(w.startswith(f"{path}:") for w in warnings)
    assert all(w.endswith(f"not drafted: DeepLException: Service unavailable, message: busy, DeepL-Auth-Key {MASK}")
               for w in warnings)
    assert KEY not in caplog.text and KEY not in capsys.readouterr().err
    assert f"{len(warnings)} failed" in out.getvalue()


def test_a_short_key_is_warned_about_without_showing_it(edition: Paths, capsys: pytest.CaptureFixture[str]) -> None:
    assert translate(edition, {"DEEPL_API_KEY": "q7Zk", "DEEPL_SERVER_URL": refused_url()}) == 1
    warning, error = capsys.readouterr().err.splitlines()
    assert warning.startswith("warning: DEEPL_API_KEY holds only 4 characters") and error.startswith("error: deepl:")
    assert "q7Zk" not in warning + error


class Interrupting:
    def translate(self, text: str) -> str:
        if text == "你好。":
            return "Hello."
        raise KeyboardInterrupt


def test_ctrl_c_is_one_line(edition: Paths, capsys: pytest.CaptureFixture[str]) -> None:
    status = commands.run_translate(edition, engine=Interrupting(), progress=False)
    assert status == 130
    assert one_line(capsys.readouterr().err) == "interrupted: every answer received was saved: run again to resume"


def test_any_other_library_error_is_one_redacted_line(edition: Paths, monkeypatch: pytest.MonkeyPatch,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError(f"unexpected, auth_key={quote(KEY, safe='')}")

    monkeypatch.setattr(commands, "draft_missing", broken)
    with Server(deepl_api(KEY)) as server:
        assert translate(edition, {"DEEPL_API_KEY": KEY, "DEEPL_SERVER_URL": server.url}) == 1
    assert one_line(capsys.readouterr().err) == f"error: deepl: RuntimeError: unexpected, auth_key={MASK}"


LANGUAGE_MODELS = {
    "openai": ("sk-proj-Y29tbWFuZC10ZXN0LWtleS0wMTIzNDU2Nzg5YWJjZGVm", openai_api, "/v1", OPENAI_MODEL, "gpt-5.5"),
    "anthropic": ("sk-ant-api03-Y29tbWFuZC10ZXN0LWtleS0wMTIzNDU2Nzg5-AA", anthropic_api, "", ANTHROPIC_MODEL,
                  "claude-sonnet-5-5"),
}


def llm_env(provider: str, server: Server) -> dict[str, str]:
    key, _, path, _, _ = LANGUAGE_MODELS[provider]
    spec = providers.PROVIDERS[provider]
    return {spec.key_env or "": key, spec.settings_env["base_url"]: server.url + path}


@pytest.mark.parametrize("provider", list(LANGUAGE_MODELS))
def test_drafts_through_a_language_model_with_the_glossary_terms_of_each_text(
    provider: str, edition: Paths, capsys: pytest.CaptureFixture[str]
) -> None:
    key, fake, _, reported, requested = LANGUAGE_MODELS[provider]
    out = io.StringIO()
    with Server(fake(key)) as server:
        assert commands.run_translate(edition, provider=provider, env=llm_env(provider, server), progress=False,
                                      today="2026-12-02", out=out) == 0
    assert capsys.readouterr().err == ""
    entries = pofile.by_context(pofile.load_po(pofile.po_path(edition.translations, SLUG)))
    renderings = terms.load(edition.glossary)
    major = version(provider).split(".")[0]
    cache = json.loads((edition.translations / ".cache" / f"{provider}-en-GB.json").read_text(encoding="utf-8"))
    drafted = [a for a in CLEARED if entries[a].msgstr == llm_english(entries[a].msgid)]
    assert drafted
    for anchor in drafted:
        given = terms.occurring(entries[anchor].msgid, renderings)
        assert given, anchor  # these paragraphs have glossary terms: each is named in the instructions
        assert pofile.provenance(entries[anchor]) == (
            f"{provider} {reported} (official client {provider} {major}.x, edition glossary {len(given)} terms), "
            "2026-12-02")
        assert cache[entry_key(entries[anchor].msgid, model=requested, terms=given)]["english"] == entries[anchor].msgstr
    prompts = [r.json().get("instructions") or r.json().get("system") for r in server.requests]
    assert all(f"- {zh} → {en}" in "".join(prompts) for zh, en in
               terms.occurring(entries[drafted[0]].msgid, renderings).items())


def test_the_model_option_reaches_the_request_and_is_only_for_language_models(
    edition: Paths, capsys: pytest.CaptureFixture[str]
) -> None:
    key, fake, _, _, _ = LANGUAGE_MODELS["openai"]
    with Server(fake(key)) as server:
        env = {**llm_env("openai", server), "OPENAI_MODEL": "from-the-environment"}
        assert commands.run_translate(edition, provider="openai", env=env, progress=False, model="gpt-5.4-mini") == 0
    assert {r.json()["model"] for r in server.requests} == {"gpt-5.4-mini"}
    assert commands.run_translate(edition, provider="deepl", env={}, model="x") == 2
    assert one_line(capsys.readouterr().err) == "error: deepl: --model is for a language model (openai, anthropic)"


def test_a_language_model_without_its_library_is_one_line(edition: Paths, monkeypatch: pytest.MonkeyPatch,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    before = snapshot(edition.root)
    monkeypatch.setitem(sys.modules, "anthropic", None)  # as if the drafting extra were not installed
    assert commands.run_translate(edition, provider="anthropic", env={"ANTHROPIC_API_KEY": "sk-ant-0123456789"}) == 1
    assert one_line(capsys.readouterr().err) == (
        "error: anthropic: the anthropic provider needs its official client library: pip install "
        "'edition[drafting]' (make translate installs it); no file was changed")
    assert snapshot(edition.root) == before


def test_the_default_provider_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch,
                                                         capsys: pytest.CaptureFixture[str], cli_logging: object) -> None:
    monkeypatch.setenv("EDITION_PROVIDER", "mymemory")
    assert cli.main(["translate", "--target", "xx"]) == 2
    assert one_line(capsys.readouterr().err).startswith("error: mymemory: target language 'xx' is not supported")


def with_settings(paths: Paths, **sections: dict[str, object]) -> Paths:
    """The project of ``paths`` with edition.yml's ``sections`` changed (read afresh)."""
    import yaml

    file = paths.root / "edition.yml"
    data = yaml.safe_load(file.read_text(encoding="utf-8")) or {}
    for name, values in sections.items():
        data[name] = {**(data.get(name) or {}), **values}
    file.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return Paths(paths.root)


def test_the_drafting_settings_of_edition_yml_reach_the_run(edition: Paths, monkeypatch: pytest.MonkeyPatch) -> None:
    """drafting.timeout, drafting.retries and drafting.texts are what the run and the model are given."""
    paths = with_settings(edition, drafting={"timeout": 7.5, "retries": 2, "texts": "entries of parish registers"})
    given: dict[str, object] = {}
    real = commands.draft_missing

    def spy(*args: object, **options: object) -> object:
        given.update(options)
        return real(*args, **options)

    monkeypatch.setattr(commands, "draft_missing", spy)
    key, fake, _, _, _ = LANGUAGE_MODELS["openai"]
    with Server(fake(key)) as server:
        assert commands.run_translate(paths, provider="openai", env=llm_env("openai", server), progress=False) == 0
    assert (given["timeout"], given["retries"]) == (7.5, 2)
    prompts = [r.json()["instructions"] for r in server.requests]
    assert prompts and all(p.startswith("You translate entries of parish registers, written in") for p in prompts)


def test_the_target_language_comes_from_edition_yml(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                    cli_logging: object) -> None:
    """Without --target, edition translate drafts into languages.target (here one no provider takes)."""
    (tmp_path / "edition.yml").write_text("languages:\n  target: xx\n", encoding="utf-8")
    assert commands.run_translate(Paths(tmp_path), provider="mymemory") == 2
    assert one_line(capsys.readouterr().err).startswith("error: mymemory: target language 'xx' is not supported")
    assert cli.main(["-C", str(tmp_path), "translate", "--provider", "mymemory"]) == 2
    assert one_line(capsys.readouterr().err).startswith("error: mymemory: target language 'xx' is not supported")
