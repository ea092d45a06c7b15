"""Local HTTP servers on 127.0.0.1 for the drafting tests: a fake DeepL API and misbehaving servers.

Nothing here leaves the machine. A :class:`Server` runs in daemon threads, records every request
(method, path, query, headers, body) and answers what its ``respond`` function returns; a reply
with ``hang`` answers nothing until the server is closed (a time-out for the client).
"""

from __future__ import annotations

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

            do_POST = do_GET

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


def deepl_api(key: str, script: Callable[[Request, list[str]], Reply | None] | None = None) -> Respond:
    """DeepL's ``POST /v2/translate`` as the official client uses it: the key in the Authorization header
    (403 otherwise), JSON in and out. ``script`` may answer instead (a fault), or return None to let
    the request through."""

    def respond(request: Request) -> Reply:
        if request.path != "/v2/translate" or request.method != "POST":
            return Reply(404, {"message": "Not found"})
        texts = request.json().get("text", [])
        if script is not None and (fault := script(request, texts)) is not None:
            return fault
        if request.headers.get("Authorization") != f"DeepL-Auth-Key {key}":
            return Reply(403, {"message": "Invalid authentication key"})
        return Reply(200, {"translations": [
            {"detected_source_language": "ZH", "text": english(t), "billed_characters": len(t)} for t in texts
        ]})

    return respond
