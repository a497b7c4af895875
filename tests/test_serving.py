"""The tests' web server (tests/support/http.py) keeps quiet when a client hangs up mid-answer, as a browser
does when a test moves on, and still reports any other error in a request's thread."""

from __future__ import annotations

import socket
import struct
import time

from support.http import QuietHandler, fetch, serving, wait_for

BIG = 8 * 1024 * 1024  # larger than the socket buffers on both sides, so the server is still writing


def hang_up_during(url: str, path: str) -> None:
    """Ask for `path` and close the connection with a reset before the answer is read."""
    host, port = url.removeprefix("http://").split(":")
    client = socket.create_connection((host, int(port)))
    client.sendall(f"GET /{path} HTTP/1.1\r\nHost: {host}\r\n\r\n".encode())
    client.recv(1024)  # the answer has started
    client.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    client.close()


def test_a_client_hanging_up_prints_nothing(tmp_path, capfd):
    (tmp_path / "big.bin").write_bytes(b"x" * BIG)
    with serving(tmp_path) as url:
        hang_up_during(url, "big.bin")
        time.sleep(0.5)  # the server's thread meets the closed connection
        assert fetch(f"{url}/big.bin")[0] == 200  # and goes on serving
    assert "Traceback" not in capfd.readouterr().err


def test_any_other_error_in_a_request_is_still_reported(tmp_path, capfd):
    class Broken(QuietHandler):
        def do_GET(self) -> None:
            """Fail as a bug in a handler would."""
            raise ValueError("a bug in the handler")

    printed: list[str] = []
    with serving(tmp_path, Broken) as url:
        fetch(f"{url}/")
        reported = wait_for(lambda: printed.append(capfd.readouterr().err) or "ValueError" in "".join(printed), 5)
    assert reported and "ValueError: a bug in the handler" in "".join(printed)
