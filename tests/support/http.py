"""Serving a folder on 127.0.0.1, fetching from it, and waiting for something to happen."""

from __future__ import annotations

import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


class QuietHandler(SimpleHTTPRequestHandler):
    """Serve files without a log line per request in the test output."""

    def log_message(self, format: str, *args: object) -> None:
        """Say nothing."""


class QuietServer(ThreadingHTTPServer):
    """A threaded server that says nothing when a client closes its connection mid-answer, as a browser does
    when a test moves on. socketserver prints such a traceback to sys.stderr from the request's thread, and a
    test of the same worker that was reading sys.stderr at that moment (a command run in-process) read it as
    the command's own output (CI, 2026-12-07). Any other error is still printed."""

    def handle_error(self, request, client_address) -> None:
        """Ignore a closed connection; report anything else as socketserver does."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextmanager
def serving(folder: Path, handler: type[SimpleHTTPRequestHandler] = QuietHandler) -> Iterator[str]:
    """Serve `folder` over HTTP on a free port of 127.0.0.1 until the block ends; give its base URL."""
    server = QuietServer(("127.0.0.1", 0), partial(handler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def serving_with_policy(folder: Path, policy: str):
    """Serve `folder` as `serving` does, with `policy` as its Content-Security-Policy and `nosniff` on every
    response, as the published site is served."""

    class WithPolicy(QuietHandler):
        def end_headers(self) -> None:
            """Add the policy's headers."""
            self.send_header("Content-Security-Policy", policy)
            self.send_header("X-Content-Type-Options", "nosniff")
            super().end_headers()

    return serving(folder, WithPolicy)


def fetch(url: str, timeout: float = 10) -> tuple[int, bytes, str]:
    """Status, body and content type of `url`; an HTTP error gives its status, no answer at all gives 0."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status, response.read(), response.headers.get_content_type()
    except urllib.error.HTTPError as error:
        return error.code, b"", ""
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return 0, b"", ""


def wait_for(
    condition: Callable[[], bool], seconds: float, pause: float = 0.25, sleep: Callable[[float], object] = time.sleep
) -> bool:
    """Whether `condition` became true within `seconds`, checked every `pause` seconds (slept with `sleep`,
    which a browser page replaces by its own wait so its events keep arriving)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        sleep(pause)
    return False
