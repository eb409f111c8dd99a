"""Schema registries: where the 4-byte id in a Confluent-framed message comes from and leads back to.

Two backends behind one small interface (``register`` / ``schema_by_id``):

- :class:`FileRegistry`, the default: a JSON file in a directory, for a laptop or a single host. Ids are
  derived from the schema text (a hash), so the same schema gets the same id in every process, on every
  machine, after every restart, without coordination; the file only remembers subjects and texts so that
  ids can be resolved back. Writers take an exclusive lock file and replace the JSON atomically, so two
  processes on one machine never lose each other's registrations and readers never see half a file.
- :class:`HttpRegistry`: any registry speaking the Confluent REST API (Confluent, Apicurio's ccompat,
  Redpanda, Karapace), with the stdlib's urllib so that no extra dependency is needed on workers.

Subjects follow the TopicNameStrategy: ``<topic>-value``.
"""
from __future__ import annotations

import base64
import fcntl
import hashlib
import json
import logging
import os
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path
from typing import Optional, Protocol

_LOGGER = logging.getLogger(__name__)

DEFAULT_DIRECTORY = Path(".dateline") / "registry"
REGISTRY_FILE = "schemas.json"
USER_INFO_ENV = "DATELINE_REGISTRY_USER_INFO"  # "user:password", as Confluent clients spell it
USERNAME_ENV = "DATELINE_REGISTRY_USERNAME"
PASSWORD_ENV = "DATELINE_REGISTRY_PASSWORD"
CONTENT_TYPE = "application/vnd.schemaregistry.v1+json"


class RegistryError(RuntimeError):
    """A registry refused, failed or could not be reached; the message says which and where."""


class SchemaNotFound(RegistryError, KeyError):
    """No schema has this id. Also a KeyError, so that a lookup miss reads like a dict miss to callers
    that turn unknown ids into dead letters rather than failures."""

    def __str__(self) -> str:  # KeyError would quote the message
        return RuntimeError.__str__(self)


def subject_for(topic: str) -> str:
    """TopicNameStrategy: the value schema of ``topic``."""
    return f"{topic}-value"


def normalise(schema_text: str) -> str:
    """Whitespace-free JSON of a schema, so formatting alone never yields a second id.

    Key order and every attribute (defaults, docs) are kept: schemas that differ in a default resolve
    differently and must stay distinct.
    """
    try:
        return json.dumps(json.loads(schema_text), separators=(",", ":"), ensure_ascii=False)
    except (TypeError, ValueError) as exc:
        raise RegistryError(f"schema is not valid JSON: {exc}") from exc


def schema_id_for(text: str, salt: int = 0) -> int:
    """A positive 31-bit id derived from a normalised schema (``salt`` steps past a collision)."""
    digest = hashlib.sha256(f"{salt}:{text}".encode()).digest() if salt else hashlib.sha256(text.encode()).digest()
    return (int.from_bytes(digest[:4], "big") & 0x7FFFFFFF) or 1


class SchemaRegistry(Protocol):
    def register(self, subject: str, schema_text: str) -> int: ...

    def schema_by_id(self, schema_id: int) -> str: ...


class FileRegistry:
    """An embedded registry kept in ``<directory>/schemas.json`` (see the module docstring)."""

    def __init__(self, directory: Optional[os.PathLike | str] = None):
        # Resolved now: a pipeline built in one directory may run its workers in another.
        self.directory = (Path(directory) if directory else DEFAULT_DIRECTORY).expanduser().resolve()
        self._cache_ids: dict[str, int] = {}  # (subject + text) key -> id
        self._cache_texts: dict[int, str] = {}
        self._mutex = threading.Lock()

    @property
    def path(self) -> Path:
        return self.directory / REGISTRY_FILE

    def __getstate__(self):
        return {"directory": str(self.directory)}

    def __setstate__(self, state):
        self.__init__(state["directory"])

    def __repr__(self) -> str:
        return f"FileRegistry({str(self.directory)!r})"

    def _read(self) -> dict:
        try:
            with open(self.path, encoding="utf-8") as fh:
                data = json.load(fh)
        except FileNotFoundError:
            return {"schemas": {}, "subjects": {}}
        except ValueError as exc:
            raise RegistryError(f"schema registry file {self.path} is corrupt: {exc}") from exc
        data.setdefault("schemas", {})
        data.setdefault("subjects", {})
        return data

    def _write(self, data: dict) -> None:
        fd, tmp = tempfile.mkstemp(prefix=".schemas-", suffix=".json", dir=self.directory)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(data, fh, indent=1, sort_keys=True, ensure_ascii=False)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, self.path)
        except BaseException:
            try:
                os.unlink(tmp)
            except OSError:
                pass
            raise

    def register(self, subject: str, schema_text: str) -> int:
        text = normalise(schema_text)
        key = f"{subject}\n{text}"
        with self._mutex:
            cached = self._cache_ids.get(key)
            if cached is not None:
                return cached
            try:
                self.directory.mkdir(parents=True, exist_ok=True)
                with open(self.directory / ".lock", "a+") as lock:
                    fcntl.flock(lock, fcntl.LOCK_EX)
                    try:
                        data = self._read()
                        schema_id = self._id_in(data, text)
                        versions = data["subjects"].setdefault(subject, [])
                        changed = False
                        if str(schema_id) not in data["schemas"]:
                            data["schemas"][str(schema_id)] = text
                            changed = True
                        if schema_id not in versions:
                            versions.append(schema_id)
                            changed = True
                        if changed:
                            self._write(data)
                    finally:
                        fcntl.flock(lock, fcntl.LOCK_UN)
            except OSError as exc:
                raise RegistryError(f"cannot write schema registry in {self.directory}: {exc}") from exc
            self._cache_ids[key] = schema_id
            self._cache_texts[schema_id] = text
            return schema_id

    @staticmethod
    def _id_in(data: dict, text: str) -> int:
        salt = 0
        while True:
            candidate = schema_id_for(text, salt)
            stored = data["schemas"].get(str(candidate))
            if stored is None or stored == text:
                return candidate
            salt += 1  # a different schema already owns this hash: step deterministically

    def schema_by_id(self, schema_id: int) -> str:
        schema_id = int(schema_id)
        with self._mutex:
            cached = self._cache_texts.get(schema_id)
            if cached is not None:
                return cached
            text = self._read()["schemas"].get(str(schema_id))
            if text is None:
                raise SchemaNotFound(f"schema id {schema_id} is not in the schema registry file {self.path}")
            self._cache_texts[schema_id] = text
            return text

    def subjects(self) -> dict[str, list[int]]:
        return {k: list(v) for k, v in self._read()["subjects"].items()}


class HttpRegistry:
    """A client for a Confluent-API schema registry.

    Credentials come from the URL (``https://user:pass@host``) or from ``DATELINE_REGISTRY_USER_INFO``
    (``user:password``) / ``DATELINE_REGISTRY_USERNAME`` + ``DATELINE_REGISTRY_PASSWORD``; they are never
    shown in ``repr`` or errors. Transient failures (connection errors, 5xx, 429) are retried with backoff;
    4xx answers are raised at once with the registry's own error code and message.
    """

    def __init__(self, url: str, timeout_s: float = 10.0, retries: int = 3, backoff_s: float = 0.5,
                 username: Optional[str] = None, password: Optional[str] = None):
        parts = urllib.parse.urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError(f"schema registry URL must be http(s)://host[:port][/path], got {_mask_url(url)!r}")
        if parts.username and username is None:
            username, password = urllib.parse.unquote(parts.username), urllib.parse.unquote(parts.password or "")
        if username is None:
            user_info = os.environ.get(USER_INFO_ENV)
            if user_info:
                username, _, password = user_info.partition(":")
            elif os.environ.get(USERNAME_ENV):
                username, password = os.environ[USERNAME_ENV], os.environ.get(PASSWORD_ENV, "")
        netloc = parts.hostname + (f":{parts.port}" if parts.port else "")
        self.url = urllib.parse.urlunsplit((parts.scheme, netloc, parts.path.rstrip("/"), "", ""))
        self.timeout_s = timeout_s
        self.retries = retries
        self.backoff_s = backoff_s
        self._auth = (username, password or "") if username else None
        self._ids: dict[tuple[str, str], int] = {}
        self._texts: dict[int, str] = {}

    def __repr__(self) -> str:
        return f"HttpRegistry({self.url!r}{', auth=***' if self._auth else ''})"

    def register(self, subject: str, schema_text: str) -> int:
        text = normalise(schema_text)
        cached = self._ids.get((subject, text))
        if cached is not None:
            return cached
        path = f"/subjects/{urllib.parse.quote(subject, safe='')}/versions"
        answer = self._request("POST", path, {"schema": text})
        try:
            schema_id = int(answer["id"])
        except (KeyError, TypeError, ValueError) as exc:
            raise RegistryError(f"POST {self.url}{path} answered without a schema id: {answer!r}") from exc
        self._ids[(subject, text)] = schema_id
        self._texts.setdefault(schema_id, text)
        return schema_id

    def schema_by_id(self, schema_id: int) -> str:
        schema_id = int(schema_id)
        cached = self._texts.get(schema_id)
        if cached is not None:
            return cached
        answer = self._request("GET", f"/schemas/ids/{schema_id}", None)
        if not isinstance(answer, dict) or "schema" not in answer:
            raise RegistryError(f"GET {self.url}/schemas/ids/{schema_id} answered without a schema: {answer!r}")
        self._texts[schema_id] = answer["schema"]
        return answer["schema"]

    def _request(self, method: str, path: str, body: Optional[dict]):
        url = self.url + path
        data = json.dumps(body).encode() if body is not None else None
        headers = {"Accept": CONTENT_TYPE + ", application/json"}
        if data is not None:
            headers["Content-Type"] = CONTENT_TYPE
        if self._auth:
            token = base64.b64encode(f"{self._auth[0]}:{self._auth[1]}".encode()).decode()
            headers["Authorization"] = f"Basic {token}"
        last_error = ""
        for attempt in range(self.retries + 1):
            if attempt:
                time.sleep(self.backoff_s * (2 ** (attempt - 1)))
            request = urllib.request.Request(url, data=data, method=method, headers=headers)
            try:
                with urllib.request.urlopen(request, timeout=self.timeout_s) as response:
                    return json.loads(response.read() or b"null")
            except urllib.error.HTTPError as exc:
                detail = _error_detail(exc)
                last_error = f"HTTP {exc.code}{detail}"
                if exc.code < 500 and exc.code != 429:
                    hint = " (check DATELINE_REGISTRY_USER_INFO)" if exc.code in (401, 403) else ""
                    error = SchemaNotFound if (exc.code == 404 and "/schemas/ids/" in path) else RegistryError
                    raise error(f"schema registry {method} {url} failed: {last_error}{hint}") from None
            except (urllib.error.URLError, TimeoutError, ConnectionError, OSError) as exc:
                reason = getattr(exc, "reason", exc)
                last_error = f"{type(reason).__name__}: {reason}"
            except ValueError as exc:
                raise RegistryError(f"schema registry {method} {url} answered with invalid JSON: {exc}") from None
            _LOGGER.debug("schema registry %s %s attempt %d failed: %s", method, url, attempt + 1, last_error)
        raise RegistryError(f"schema registry {method} {url} failed after {self.retries + 1} attempts "
                            f"(timeout {self.timeout_s:g}s each): {last_error}")


def _error_detail(exc: urllib.error.HTTPError) -> str:
    try:
        payload = json.loads(exc.read() or b"{}")
    except (ValueError, OSError):
        return f" {exc.reason}"
    if isinstance(payload, dict) and ("error_code" in payload or "message" in payload):
        return f" (error_code {payload.get('error_code')}: {payload.get('message')})"
    return f" {exc.reason}"


def _mask_url(url: str) -> str:
    parts = urllib.parse.urlsplit(url)
    if parts.password:
        netloc = f"{parts.username}:***@{parts.hostname}" + (f":{parts.port}" if parts.port else "")
        return urllib.parse.urlunsplit(parts._replace(netloc=netloc))
    return url


def registry_for(url: Optional[str] = None, directory: Optional[os.PathLike | str] = None) -> SchemaRegistry:
    """An HTTP registry when a URL is given (``file://<dir>`` also names a FileRegistry), else the file one."""
    if url:
        if url.startswith("file://"):
            return FileRegistry(url[len("file://"):] or directory)
        return HttpRegistry(url)
    return FileRegistry(directory)
