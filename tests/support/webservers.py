"""Debian's nginx and Apache serving a build under /ita/ with the settings of deploy/ (the blocks of
maintainers/hosting.md), in the foreground, on a free port of 127.0.0.1, with everything they write in a
temporary folder."""

from __future__ import annotations

import ctypes
import os
import shutil
import signal
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from support.build import PROJECT
from support.http import fetch, wait_for

DEPLOY = PROJECT / "deploy"
SERVERS = {"nginx": "/usr/sbin/nginx", "apache": "/usr/sbin/apache2"}
# What the settings say to replace: the folder site/ was copied to (as /var/www/muangpan/ita/) and the policy
DOCUMENT_ROOT = "/var/www/muangpan"
POLICY = "<policy>"
APACHE_MODULES = ["mpm_event", "authz_core", "alias", "dir", "mime", "headers", "deflate", "filter"]


def settings(server: str, root: Path, policy: str) -> str:
    """deploy/<server>.conf with the site's folder (`root` holds ita/) and its policy put in."""
    text = (DEPLOY / f"{server}.conf").read_text(encoding="utf-8")
    assert DOCUMENT_ROOT in text and POLICY in text, f"deploy/{server}.conf lost its placeholders"
    return text.replace(POLICY, policy).replace(DOCUMENT_ROOT, str(root))


_PRCTL = ctypes.CDLL(None).prctl  # looked up here: the child process only calls it


def _end_with_parent() -> None:
    """In the server's process before it starts: stop it when the process that started it ends, even killed."""
    _PRCTL(1, int(signal.SIGTERM))  # PR_SET_PDEATHSIG


def free_port() -> int:
    """A TCP port of 127.0.0.1 that nothing listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _nginx_config(folder: Path, port: int, snippet: str) -> list[str]:
    """A whole nginx.conf around the snippet (the http settings of Debian's own nginx.conf); the command."""
    user = "user nobody nogroup;\n" if os.geteuid() == 0 else ""
    kinds = ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    temp = "".join(f"    {kind}_temp_path {folder}/{kind};\n" for kind in kinds)
    (folder / "nginx.conf").write_text(
        f"{user}daemon off;\nworker_processes 1;\npid {folder}/nginx.pid;\nerror_log {folder}/error.log;\n"
        "events { worker_connections 256; }\nhttp {\n"
        "    include /etc/nginx/mime.types;\n    default_type application/octet-stream;\n"
        f"    access_log off;\n{temp}"
        f"    server {{\n        listen 127.0.0.1:{port};\n        server_name localhost;\n{snippet}\n    }}\n}}\n",
        encoding="utf-8",
    )
    return [SERVERS["nginx"], "-p", str(folder), "-c", str(folder / "nginx.conf"), "-e", str(folder / "error.log")]


def _apache_config(folder: Path, port: int, snippet: str) -> list[str]:
    """A whole apache2.conf around the snippet (Debian's modules and MIME types); the command."""
    modules = "".join(f"LoadModule {name}_module /usr/lib/apache2/modules/mod_{name}.so\n" for name in APACHE_MODULES)
    user = "User nobody\nGroup nogroup\n" if os.geteuid() == 0 else ""
    (folder / "apache2.conf").write_text(
        f"ServerRoot {folder}\nServerName localhost\nListen 127.0.0.1:{port}\n{modules}{user}"
        f"PidFile {folder}/apache2.pid\nDefaultRuntimeDir {folder}\nMutex file:{folder} default\n"
        f"ErrorLog {folder}/error.log\nLogLevel warn\nTypesConfig /etc/mime.types\n"
        "StartServers 1\nServerLimit 1\nThreadsPerChild 25\nMaxRequestWorkers 25\n"
        f"DocumentRoot {folder}/empty\n\n{snippet}\n",
        encoding="utf-8",
    )
    (folder / "empty").mkdir()
    return [SERVERS["apache"], "-f", str(folder / "apache2.conf"), "-DFOREGROUND"]


@contextmanager
def web_server(server: str, root: Path, policy: str) -> Iterator[str]:
    """Run `server` ("nginx" or "apache") with deploy/'s settings over `root` (which holds ita/) until the
    block ends; give its base URL (the site is at <url>/ita/)."""
    program = SERVERS[server]
    assert Path(program).is_file(), f"no {program}; `make test` installs Debian's nginx-light and apache2"
    folder = Path(tempfile.mkdtemp(prefix=f"ita-{server}-"))
    os.chmod(folder, 0o755)
    port = free_port()
    write = _nginx_config if server == "nginx" else _apache_config
    command = write(folder, port, settings(server, root, policy))
    with (folder / "stderr.log").open("wb") as stderr:
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=stderr, preexec_fn=_end_with_parent)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_for(lambda: process.poll() is not None or fetch(f"{url}/ita/", timeout=2)[0] == 200, 20)
        if process.poll() is not None or fetch(f"{url}/ita/", timeout=2)[0] != 200:
            logs = [folder / "stderr.log", folder / "error.log"]
            said = "".join(log.read_text(errors="replace") for log in logs if log.exists())
            raise RuntimeError(f"{server} did not start:\n{said}")
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        shutil.rmtree(folder, ignore_errors=True)


def site_root() -> Path:
    """A new folder that the servers' unprivileged workers can read (pytest's own are private to the user)."""
    folder = Path(tempfile.mkdtemp(prefix="ita-www-"))
    os.chmod(folder, 0o755)
    return folder
