"""Local HTTP servers on 127.0.0.1 for the drafting tests: fake DeepL, OpenAI and Anthropic APIs,
and misbehaving servers.

Nothing here leaves the machine. A :class:`Server` runs in daemon threads, records every request
(method, path, query, headers, body) and answers what its ``respond`` function returns; a reply
with ``hang`` answers nothing until the server is closed (a time-out for the client).
"""

from __future__ import annotations

import hashlib
import itertools
import json
import socket
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

HANG_AT_MOST = 20.0  # seconds a hanging reply waits for the server to close


@dataclass(frozen=True)
class Request:
    method: str
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]
    body: bytes

    def json(self) -> dict:
        return json.loads(self.body or b"{}")

    def header(self, name: str) -> str | None:
        """A header's value, whatever the case of its name."""
        return next((value for key, value in self.headers.items() if key.lower() == name.lower()), None)


@dataclass(frozen=True)
class Reply:
    status: int = 200
    body: bytes | str | dict | list = b""
    headers: dict[str, str] = field(default_factory=dict)
    hang: bool = False

    def payload(self) -> tuple[bytes, str]:
        if isinstance(self.body, dict | list):
            return json.dumps(self.body).encode(), "application/json"
        if isinstance(self.body, str):
            return self.body.encode("utf-8"), "text/plain; charset=utf-8"
        return self.body, "application/octet-stream"


Respond = Callable[[Request], Reply]


class Server:
    """``with Server(respond) as server: ... server.url ...``"""

    def __init__(self, respond: Respond) -> None:
        self.respond = respond
        self.requests: list[Request] = []
        self.closed = threading.Event()
        self._lock = threading.Lock()
        outer = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:
                outer._handle(self)

            do_POST = do_DELETE = do_GET

            def log_message(self, *args: object) -> None:  # quiet
                pass

        self._http = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._http.daemon_threads = True
        self.url = f"http://127.0.0.1:{self._http.server_address[1]}"

    def _handle(self, handler: BaseHTTPRequestHandler) -> None:
        length = int(handler.headers.get("Content-Length") or 0)
        body = handler.rfile.read(length) if length else b""
        parts = urlsplit(handler.path)
        request = Request(handler.command, parts.path, parse_qs(parts.query), dict(handler.headers), body)
        with self._lock:
            self.requests.append(request)
        reply = self.respond(request)
        if reply.hang:
            self.closed.wait(HANG_AT_MOST)
            handler.close_connection = True
            return
        data, kind = reply.payload()
        handler.send_response(reply.status)
        handler.send_header("Content-Type", reply.headers.get("Content-Type", kind))
        handler.send_header("Content-Length", str(len(data)))
        for name, value in reply.headers.items():
            if name != "Content-Type":
                handler.send_header(name, value)
        handler.end_headers()
        handler.wfile.write(data)

    def __enter__(self) -> Server:
        threading.Thread(target=self._http.serve_forever, kwargs={"poll_interval": 0.005}, daemon=True).start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.closed.set()
        self._http.shutdown()
        self._http.server_close()


def refused_url() -> str:
    """A URL on 127.0.0.1 where nothing listens (the connection is refused)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}"


def english(text: str) -> str:
    return f"EN({text})"


def deepl_api(
    key: str,
    script: Callable[[Request, list[str]], Reply | None] | None = None,
    glossaries: dict[str, dict] | None = None,
) -> Respond:
    """DeepL's API as the official client uses it: the key in the Authorization header (403 otherwise),
    JSON in and out. ``POST /v2/translate`` translates (with a ``glossary_id``, one of ``glossaries``:
    404 otherwise); ``GET``/``POST /v3/glossaries`` list and make glossaries, kept in ``glossaries``
    (id -> name, dictionaries with their entries parsed from the TSV the client sends). ``script``
    may answer a translation request instead (a fault), or return None to let it through."""
    store = {} if glossaries is None else glossaries
    numbers = itertools.count(len(store) + 1)
    lock = threading.Lock()

    def info(glossary_id: str) -> dict:
        glossary = store[glossary_id]
        return {"glossary_id": glossary_id, "name": glossary["name"], "creation_time": "2026-12-02T10:00:00.000000Z",
                "dictionaries": [{"source_lang": d["source_lang"], "target_lang": d["target_lang"],
                                  "entry_count": len(d["entries"])} for d in glossary["dictionaries"]]}

    def respond(request: Request) -> Reply:
        if request.headers.get("Authorization") != f"DeepL-Auth-Key {key}" and request.path != "/v2/translate":
            return Reply(403, {"message": "Invalid authentication key"})
        if request.path == "/v3/glossaries" and request.method == "GET":
            with lock:
                return Reply(200, {"glossaries": [info(g) for g in store]})
        if request.path == "/v3/glossaries" and request.method == "POST":
            body = request.json()
            dictionaries = [{"source_lang": d["source_lang"], "target_lang": d["target_lang"],
                             "entries": dict(line.split("\t") for line in d["entries"].split("\n"))}
                            for d in body["dictionaries"]]
            with lock:
                glossary_id = f"g-{next(numbers)}"
                store[glossary_id] = {"name": body["name"], "dictionaries": dictionaries}
                return Reply(201, info(glossary_id))
        if request.path != "/v2/translate" or request.method != "POST":
            return Reply(404, {"message": "Not found"})
        body = request.json()
        texts = body.get("text", [])
        if script is not None and (fault := script(request, texts)) is not None:
            return fault
        if request.headers.get("Authorization") != f"DeepL-Auth-Key {key}":
            return Reply(403, {"message": "Invalid authentication key"})
        if "glossary_id" in body and body["glossary_id"] not in store:
            return Reply(404, {"message": "Glossary not found"})
        return Reply(200, {"translations": [
            {"detected_source_language": "ZH", "text": english(t), "billed_characters": len(t)} for t in texts
        ]})

    return respond


# --- language models ---------------------------------------------------------------------------

OPENAI_MODEL = "gpt-5.5-2026-04-23"  # what the fake OpenAI API says answered (the model asked for was gpt-5.5)
ANTHROPIC_MODEL = "claude-sonnet-5-5-20261101"


def llm_english(text: str) -> str:
    """The fake models' translation of ``text``: English words, one per text (the real checks of an
    answer reject one that is mostly Chinese)."""
    return f"The translation of paragraph {hashlib.sha1(text.encode()).hexdigest()[:8]}."


LlmScript = Callable[[Request, str], "Reply | None"]


def openai_api(key: str, script: LlmScript | None = None, model: str | None = OPENAI_MODEL) -> Respond:
    """OpenAI's ``POST /v1/responses`` (the Responses API) as the official client uses it: the key as a
    Bearer token (401 otherwise), the text in ``input``, the instructions in ``instructions``; the
    answer names ``model``. ``script(request, text)`` may answer instead (a fault)."""

    def respond(request: Request) -> Reply:
        if request.path != "/v1/responses" or request.method != "POST":
            return Reply(404, {"error": {"message": "Not found", "type": "invalid_request_error"}})
        text = request.json().get("input", "")
        if script is not None and (fault := script(request, text)) is not None:
            return fault
        if request.header("authorization") != f"Bearer {key}":
            return Reply(401, {"error": {"message": "Incorrect API key provided.", "type": "invalid_request_error",
                                         "code": "invalid_api_key"}})
        return Reply(200, openai_response(llm_english(text), model))

    return respond


def openai_response(text: str, model: str | None = OPENAI_MODEL, status: str = "completed", **extra: object) -> dict:
    body = {"id": "resp_1", "object": "response", "created_at": 1790000000, "status": status,
            "output": [{"type": "message", "id": "msg_1", "role": "assistant", "status": "completed",
                        "content": [{"type": "output_text", "text": text, "annotations": []}]}], **extra}
    return {**body, "model": model} if model else body


def anthropic_api(key: str, script: LlmScript | None = None, model: str | None = ANTHROPIC_MODEL) -> Respond:
    """Anthropic's ``POST /v1/messages`` as the official client uses it: the key in ``x-api-key`` or as
    a Bearer token (401 otherwise), the text as the user's message, the instructions in ``system``;
    the answer names ``model``. ``script(request, text)`` may answer instead (a fault)."""

    def respond(request: Request) -> Reply:
        if request.path != "/v1/messages" or request.method != "POST":
            return Reply(404, {"type": "error", "error": {"type": "not_found_error", "message": "Not found"}})
        messages = request.json().get("messages") or [{}]
        text = messages[0].get("content", "")
        if script is not None and (fault := script(request, text)) is not None:
            return fault
        if key not in (request.header("x-api-key"), (request.header("authorization") or "").removeprefix("Bearer ")):
            return Reply(401, {"type": "error", "error": {"type": "authentication_error", "message": "invalid x-api-key"}})
        return Reply(200, anthropic_message(llm_english(text), model))

    return respond


def anthropic_message(text: str, model: str | None = ANTHROPIC_MODEL, stop_reason: str = "end_turn") -> dict:
    body = {"id": "msg_1", "type": "message", "role": "assistant", "content": [{"type": "text", "text": text}],
            "stop_reason": stop_reason, "stop_sequence": None, "usage": {"input_tokens": 10, "output_tokens": 10}}
    return {**body, "model": model} if model else body
