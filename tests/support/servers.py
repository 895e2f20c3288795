"""Local stand-ins for what the product talks to outside its own process.

An SMTP server, a Redis server of its own, HTTP hosts (PDOK, a client's media host, a tile server) and the
app itself served over real HTTP. All listen on 127.0.0.1 only, so no test reaches the outside world; each
is a context manager, and the ones several modules need are fixtures too (registered in tests/conftest.py).
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from aiosmtpd.controller import Controller
from redis import Redis
from waitress.server import create_server

from tests.support.skipping import unavailable

REDIS_SERVER = shutil.which("redis-server") or "/usr/bin/redis-server"


def free_port() -> int:
    """A port nothing listens on right now: for a server of our own, or to find nobody there."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def serve_in_thread(server) -> threading.Thread:
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return thread


class SmtpServer:
    """A real SMTP server (aiosmtpd) that keeps every message it receives, to read what residents were sent."""

    def __init__(self) -> None:
        self.port = free_port()
        self.messages: list[tuple[list[str], str]] = []
        self._controller = Controller(self, hostname="127.0.0.1", port=self.port)

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's hook name)
        self.messages.append((envelope.rcpt_tos, envelope.content.decode("utf-8", "replace")))
        return "250 OK"

    @property
    def recipients(self) -> list[list[str]]:
        return [recipients for recipients, _ in self.messages]

    def __enter__(self) -> SmtpServer:
        self._controller.start()
        return self

    def __exit__(self, *exc) -> None:
        self._controller.stop()


class RedisServer:
    """A redis-server process of its own on a free port, so stopping it (Redis is down) disturbs nothing else."""

    def __init__(self) -> None:
        self.port, self.process = free_port(), None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        self.process = subprocess.Popen(
            [REDIS_SERVER, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
            stdout=subprocess.DEVNULL,
        )
        client = Redis(port=self.port)
        for _ in range(100):
            try:
                client.ping()
                return
            except Exception:
                time.sleep(0.05)
        raise RuntimeError("redis-server did not start")

    def stop(self) -> None:
        if self.process:
            self.process.terminate()
            self.process.wait(timeout=10)
            self.process = None

    def __enter__(self) -> RedisServer:
        self.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stop()


@dataclass(frozen=True)
class Answer:
    """What a stand-in host answers on one path; a delay makes it a slow host."""

    status: int
    content_type: str
    body: bytes = b""
    headers: tuple[tuple[str, str], ...] = ()
    delay: float = 0.0


NOT_HERE = Answer(404, "text/plain", b"not here")


class _StandInHandler(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 (http.server naming)
        stand_in = self.server.stand_in
        stand_in.seen.append(self.path)
        answer = stand_in.routes.get(self.path.split("?")[0], stand_in.fallback)
        time.sleep(answer.delay)
        self.send_response(answer.status)
        self.send_header("Content-Type", answer.content_type)
        self.send_header("Content-Length", str(len(answer.body)))
        for name, value in answer.headers:
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(answer.body)

    def log_message(self, *args):
        pass


class HttpStandIn:
    """An outside HTTP host on 127.0.0.1: fixed answers per path, every request path remembered in `seen`."""

    def __init__(self, routes: dict[str, Answer], fallback: Answer = NOT_HERE) -> None:
        self.routes, self.fallback = routes, fallback
        self.seen: list[str] = []
        self._server = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_port}"

    def __enter__(self) -> HttpStandIn:
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _StandInHandler)
        self._server.stand_in = self
        serve_in_thread(self._server)
        return self

    def __exit__(self, *exc) -> None:
        self._server.shutdown()
        self._server.server_close()


class WsgiServer:
    """The app served over real HTTP on a free port by waitress, as `make run` serves it, for a browser or a client.

    waitress closes a response's body (a photo, a static file) also when the browser drops the connection half-way;
    werkzeug's development server can leave the file to the garbage collector then (a ResourceWarning, which fails
    a test at random).
    """

    def __init__(self, app) -> None:
        self._server = create_server(app, host="127.0.0.1", port=0, threads=4)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.effective_port}"

    def __enter__(self) -> WsgiServer:
        threading.Thread(target=self._server.run, daemon=True).start()
        return self

    def __exit__(self, *exc) -> None:
        self._server.close()


@pytest.fixture
def smtp_server():
    with SmtpServer() as server:
        yield server


@pytest.fixture
def redis_server():
    if not os.path.exists(REDIS_SERVER):
        unavailable("redis-server (Debian package: redis-server)")
    with RedisServer() as server:
        yield server
