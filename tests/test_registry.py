"""Schema registry clients: the embedded file registry, and the HTTP client against a fake Confluent API.

The fake is a real ``http.server`` on a socket implementing the two endpoints the client uses, so the
test covers URL building, JSON bodies, headers, basic auth, timeouts and error handling for real.
"""
from __future__ import annotations

import base64
import json
import multiprocessing
import pickle
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from connectors.registry import (FileRegistry, HttpRegistry, RegistryError, SchemaNotFound, normalise,
                                 registry_for, subject_for)
from schemas import codec

MEETING_TEXT = codec.schema_text(codec.MEETING)
DEAD_LETTER_TEXT = codec.schema_text(codec.DEAD_LETTER)


# --- file registry ------------------------------------------------------------------------------------

def test_file_registry_ids_are_idempotent_and_stable_across_instances(tmp_path):
    first = FileRegistry(tmp_path)
    meeting = first.register("events.meetings-value", MEETING_TEXT)
    assert first.register("events.meetings-value", MEETING_TEXT) == meeting
    dead = first.register("articles.dlq-value", DEAD_LETTER_TEXT)
    assert dead != meeting

    again = FileRegistry(tmp_path)  # a restart: nothing cached, only the file
    assert again.schema_by_id(meeting) == normalise(MEETING_TEXT)
    assert again.register("events.meetings-value", MEETING_TEXT) == meeting
    # The same schema under another subject keeps its id; formatting does not make a new schema.
    pretty = json.dumps(json.loads(MEETING_TEXT), indent=2)
    assert again.register("other-value", pretty) == meeting
    # Ids come from the text, so an unrelated registry (another host) agrees.
    assert FileRegistry(tmp_path / "elsewhere").register("x-value", MEETING_TEXT) == meeting
    assert again.subjects() == {"events.meetings-value": [meeting], "articles.dlq-value": [dead],
                                "other-value": [meeting]}
    assert 0 < meeting < 2 ** 31


def test_file_registry_keeps_every_version_of_a_subject(tmp_path):
    registry = FileRegistry(tmp_path)
    v1 = registry.register("t-value", '{"type":"record","name":"R","fields":[{"name":"a","type":"int"}]}')
    v2 = registry.register("t-value", '{"type":"record","name":"R","fields":[{"name":"a","type":"int"},'
                                      '{"name":"b","type":"string","default":""}]}')
    assert v1 != v2
    assert FileRegistry(tmp_path).subjects()["t-value"] == [v1, v2]


def test_file_registry_unknown_id_and_corrupt_file_are_clear_errors(tmp_path):
    registry = FileRegistry(tmp_path)
    with pytest.raises(KeyError) as missing:  # SchemaNotFound: both a RegistryError and a KeyError
        registry.schema_by_id(42)
    assert isinstance(missing.value, RegistryError) and str(missing.value).startswith("schema id 42 ")
    (tmp_path / "schemas.json").write_text("{not json")
    with pytest.raises(RegistryError, match="corrupt"):
        FileRegistry(tmp_path).register("t-value", MEETING_TEXT)
    with pytest.raises(RegistryError, match="not valid JSON"):
        registry.register("t-value", "not a schema")


def _register_many(directory: str, worker: int, count: int) -> None:
    registry = FileRegistry(directory)
    for i in range(count):
        registry.register(f"w{worker}-{i}-value",
                          json.dumps({"type": "record", "name": f"R{worker}_{i}", "fields": []}))


def test_file_registry_two_processes_lose_nothing(tmp_path):
    ctx = multiprocessing.get_context("fork")
    workers = [ctx.Process(target=_register_many, args=(str(tmp_path), w, 15)) for w in range(2)]
    for w in workers:
        w.start()
    for w in workers:
        w.join(timeout=30)
        assert w.exitcode == 0
    subjects = FileRegistry(tmp_path).subjects()
    assert len(subjects) == 30
    assert not list(tmp_path.glob(".schemas-*"))  # no temp files left behind


def test_file_registry_pickles_without_its_cache(tmp_path):
    registry = FileRegistry(tmp_path)
    schema_id = registry.register("t-value", MEETING_TEXT)
    copy = pickle.loads(pickle.dumps(registry))
    assert copy.directory == registry.directory and copy.schema_by_id(schema_id) == normalise(MEETING_TEXT)


def test_registry_for_picks_the_backend(tmp_path):
    assert isinstance(registry_for(None, tmp_path), FileRegistry)
    assert registry_for(None, tmp_path).directory == tmp_path.resolve()
    assert isinstance(registry_for(f"file://{tmp_path}"), FileRegistry)
    assert isinstance(registry_for("http://registry:8081"), HttpRegistry)
    assert FileRegistry().directory.parts[-2:] == (".dateline", "registry")
    assert subject_for("events.meetings") == "events.meetings-value"


# --- HTTP registry against a fake Confluent API -------------------------------------------------------

class FakeConfluentRegistry:
    """POST /subjects/{subject}/versions and GET /schemas/ids/{id}, Confluent style, optional basic auth."""

    def __init__(self, user_info: str | None = None):
        self.schemas: dict[int, str] = {}
        self.subjects: dict[str, list[int]] = {}
        self.requests: list[tuple[str, str]] = []
        self.user_info = user_info
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def _reply(self, status: int, payload: dict) -> None:
                body = json.dumps(payload).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/vnd.schemaregistry.v1+json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def _authorised(self) -> bool:
                if fake.user_info is None:
                    return True
                expected = "Basic " + base64.b64encode(fake.user_info.encode()).decode()
                if self.headers.get("Authorization") == expected:
                    return True
                self._reply(401, {"error_code": 40101, "message": "Unauthorized"})
                return False

            def do_POST(self):
                fake.requests.append(("POST", self.path))
                if not self._authorised():
                    return
                parts = self.path.strip("/").split("/")
                if len(parts) != 3 or parts[0] != "subjects" or parts[2] != "versions":
                    return self._reply(404, {"error_code": 404, "message": "HTTP 404 Not Found"})
                if self.headers.get("Content-Type") != "application/vnd.schemaregistry.v1+json":
                    return self._reply(415, {"error_code": 415, "message": "Unsupported Media Type"})
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                text = body["schema"]
                try:
                    json.loads(text)
                except ValueError:
                    return self._reply(422, {"error_code": 42201, "message": "Invalid schema"})
                schema_id = next((i for i, t in fake.schemas.items() if t == text), len(fake.schemas) + 1)
                fake.schemas[schema_id] = text
                versions = fake.subjects.setdefault(parts[1], [])
                if schema_id not in versions:
                    versions.append(schema_id)
                self._reply(200, {"id": schema_id})

            def do_GET(self):
                fake.requests.append(("GET", self.path))
                if not self._authorised():
                    return
                parts = self.path.strip("/").split("/")
                if len(parts) == 3 and parts[:2] == ["schemas", "ids"] and int(parts[2]) in fake.schemas:
                    return self._reply(200, {"schema": fake.schemas[int(parts[2])]})
                self._reply(404, {"error_code": 40403, "message": "Schema not found"})

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self._thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05},
                                        daemon=True)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()


def test_http_registry_registers_and_resolves_with_cache():
    with FakeConfluentRegistry() as fake:
        client = HttpRegistry(fake.url)
        meeting = client.register("events.meetings-value", MEETING_TEXT)
        assert client.register("events.meetings-value", MEETING_TEXT) == meeting
        assert fake.requests == [("POST", "/subjects/events.meetings-value/versions")]  # second one cached
        dead = client.register("articles.dlq-value", DEAD_LETTER_TEXT)
        assert dead != meeting

        fresh = HttpRegistry(fake.url + "/")  # another process: asks the server
        assert fresh.register("events.meetings-value", MEETING_TEXT) == meeting
        assert json.loads(fresh.schema_by_id(dead)) == json.loads(DEAD_LETTER_TEXT)
        fresh.schema_by_id(dead)
        assert fake.requests.count(("GET", f"/schemas/ids/{dead}")) == 1
        assert fake.subjects == {"events.meetings-value": [meeting], "articles.dlq-value": [dead]}


def test_http_registry_basic_auth_from_env_and_clear_errors(monkeypatch):
    with FakeConfluentRegistry(user_info="svc:t0ps3cret") as fake:
        monkeypatch.delenv("DATELINE_REGISTRY_USER_INFO", raising=False)
        with pytest.raises(RegistryError, match="HTTP 401.*40101") as denied:
            HttpRegistry(fake.url, retries=0).register("t-value", MEETING_TEXT)
        assert "DATELINE_REGISTRY_USER_INFO" in str(denied.value)

        monkeypatch.setenv("DATELINE_REGISTRY_USER_INFO", "svc:t0ps3cret")
        client = HttpRegistry(fake.url)
        schema_id = client.register("t-value", MEETING_TEXT)
        assert client.schema_by_id(schema_id) == normalise(MEETING_TEXT)
        assert "t0ps3cret" not in repr(client)

        with pytest.raises(SchemaNotFound, match="40403") as missing:
            client.schema_by_id(999)
        assert "/schemas/ids/999" in str(missing.value)

        monkeypatch.delenv("DATELINE_REGISTRY_USER_INFO")
        in_url = HttpRegistry(fake.url.replace("http://", "http://svc:t0ps3cret@"))
        assert in_url.register("t-value", MEETING_TEXT) == schema_id
        assert "t0ps3cret" not in repr(in_url) and "svc" not in in_url.url


def test_http_registry_unreachable_is_a_clear_error_after_retries():
    with FakeConfluentRegistry() as fake:
        url = fake.url
    client = HttpRegistry(url, timeout_s=0.5, retries=1, backoff_s=0.05)  # the server is gone now
    with pytest.raises(RegistryError, match=r"failed after 2 attempts \(timeout 0.5s each\)"):
        client.register("t-value", MEETING_TEXT)
    with pytest.raises(ValueError, match="http"):
        HttpRegistry("ftp://registry")


def test_http_registry_times_out_on_a_silent_server():
    with socket.socket() as silent:  # listens, never answers
        silent.bind(("127.0.0.1", 0))
        silent.listen(8)
        client = HttpRegistry(f"http://127.0.0.1:{silent.getsockname()[1]}", timeout_s=0.3, retries=0)
        with pytest.raises(RegistryError, match="timed out|Timeout"):
            client.schema_by_id(1)
