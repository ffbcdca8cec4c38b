"""The running dashboard for benchmarks and load tests: start it on loopback, watch its memory and CPU, always stop it."""
from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def process_tree(pid: int) -> list[int]:
    """A process and all its descendants, from /proc (psutil is not installed here)."""
    found, queue = [], [pid]
    while queue:
        current = queue.pop()
        found.append(current)
        for children in Path(f"/proc/{current}/task").glob("*/children"):
            try:
                queue.extend(int(c) for c in children.read_text().split())
            except OSError:  # the thread or process ended meanwhile
                pass
    return found


def tree_rss_mb(pid: int) -> float:
    """Resident memory of a process and all its descendants."""
    total_kb = 0
    for current in process_tree(pid):
        try:
            total_kb += int(re.search(r"^VmRSS:\s+(\d+)", Path(f"/proc/{current}/status").read_text(), re.M).group(1))
        except (OSError, AttributeError):  # gone meanwhile, or a zombie without VmRSS
            continue
    return total_kb / 1024


def tree_cpu_s(pid: int) -> float:
    """CPU seconds (user + system) used so far by a process and its living descendants."""
    ticks = 0
    for current in process_tree(pid):
        try:
            fields = Path(f"/proc/{current}/stat").read_text().rsplit(")", 1)[1].split()
            ticks += int(fields[11]) + int(fields[12])  # utime, stime (fields 14 and 15 of proc(5))
        except (OSError, IndexError, ValueError):
            continue
    return ticks / os.sysconf("SC_CLK_TCK")


class MemorySampler(threading.Thread):
    """Samples a process tree's RSS every `interval` s; `take_peak()` returns the peak since the last call."""

    def __init__(self, pid: int, interval: float = 0.25):
        super().__init__(daemon=True)
        self.pid, self.interval = pid, interval
        self.peak_mb = self.window_peak_mb = self.last_mb = 0.0
        self.samples: list[tuple[float, float]] = []
        self._stopped = threading.Event()
        self._t0 = time.monotonic()

    def run(self) -> None:
        while not self._stopped.is_set():
            self.sample()
            self._stopped.wait(self.interval)

    def sample(self) -> float:
        self.last_mb = tree_rss_mb(self.pid)
        self.peak_mb = max(self.peak_mb, self.last_mb)
        self.window_peak_mb = max(self.window_peak_mb, self.last_mb)
        self.samples.append((round(time.monotonic() - self._t0, 2), round(self.last_mb, 1)))
        return self.last_mb

    def take_peak(self) -> float:
        peak, self.window_peak_mb = self.window_peak_mb, self.last_mb
        return peak

    def stop(self) -> None:
        self._stopped.set()
        self.join(timeout=5)


@contextmanager
def running_app(catalogue_dir: Path | None, log_path: Path, timeout: float, extra_env: dict[str, str] | None = None,
                serve_args: list[str] | None = None) -> Iterator[tuple[str, subprocess.Popen]]:
    """`python -m dashboard serve --catalogue DIR` (or, with no DIR, on the articles DASHBOARD_SEEDS names) and
    `serve_args`, on a free loopback port; its process group is always killed."""
    port = free_port()
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
               **(extra_env or {}))
    with open(log_path, "wb") as log:
        source = ["--catalogue", str(catalogue_dir)] if catalogue_dir is not None else []
        server = subprocess.Popen([sys.executable, "-m", "dashboard", "serve", *source, *(serve_args or []),
                                   "--port", str(port), "--address", "127.0.0.1"], cwd=ROOT, env=env,
                                  stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        try:
            url = f"http://127.0.0.1:{port}/"
            wait_until_healthy(url, server, timeout)
            yield url, server
        finally:
            stop_group(server)


def wait_until_healthy(url: str, server: subprocess.Popen, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"the app exited with code {server.returncode} before answering")
        try:
            with urllib.request.urlopen(url + "_stcore/health", timeout=2) as answer:
                if answer.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise TimeoutError(f"the app did not answer at {url} within {timeout:.0f} s")


def wait_for_log(log: Path, text: str, server, timeout: float) -> None:
    """Until `text` is in the server's log; the server exiting (message: the log's end) or the timeout raises."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if text in log.read_text(encoding="utf-8", errors="replace"):
            return
        if server.poll() is not None:
            raise RuntimeError(f"the app exited with code {server.returncode}: {log.read_text(errors='replace')[-500:]}")
        time.sleep(0.05)
    raise TimeoutError(f"no {text!r} in the server log within {timeout:.0f} s")


def stop_group(server: subprocess.Popen) -> None:
    """SIGTERM to the server's own process group (streamlit runs as its child), then SIGKILL if need be."""
    if server.poll() is not None:
        return
    try:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=10)
    except subprocess.TimeoutExpired:
        os.killpg(server.pid, signal.SIGKILL)
        server.wait(timeout=10)
    except ProcessLookupError:
        pass
