"""How to reach Kafka: one picklable value that every client in the project is built from.

Beam pickles DoFns together with this object and ships them to workers, and people paste ``repr``s into
tickets; so secrets live here but are never rendered: ``repr``, ``str`` and :meth:`KafkaConfig.masked`
show ``***`` instead.

Secrets never travel in a pickle either. A pickled KafkaConfig holds every setting but the passwords
(``sasl_password``, ``ssl_password``) and a random token; unpickled in the process that pickled it (the
FnApiRunner, tests, ``copy.deepcopy``), the token finds the passwords again in that process's memory.
Unpickled anywhere else (a Flink task manager, a Dataflow worker) they are read from the worker's own
environment, ``DATELINE_KAFKA_SASL_PASSWORD`` and ``DATELINE_KAFKA_SSL_PASSWORD``: mount the same Secret
into the workers' environment as into the launcher's. A worker without them fails at its first Kafka client
with an error naming the variable (never with the secret). The pipeline graph, which runners store, show in
UIs and send over the network, therefore never contains a password.
"""
from __future__ import annotations

import dataclasses
import os
import uuid
from dataclasses import dataclass, field
from typing import Any, Mapping, Optional

SECURITY_PROTOCOLS = ("PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL")
SASL_MECHANISMS = ("PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512")
ENV_PREFIX = "DATELINE_KAFKA_"
MASK = "***"

_SECRET_FIELDS = frozenset({"sasl_password", "ssl_password"})

#: Passwords of the configs pickled by this process, by the random token their pickles carry instead.
_LOCAL_SECRETS: dict[str, dict[str, str]] = {}
_TOKEN = "_secrets_token"


@dataclass(frozen=True)
class KafkaConfig:
    bootstrap_servers: str = "localhost:9092"
    security_protocol: str = "PLAINTEXT"
    sasl_mechanism: Optional[str] = None
    sasl_username: Optional[str] = None
    sasl_password: Optional[str] = field(default=None, repr=False)
    ssl_cafile: Optional[str] = None
    ssl_certfile: Optional[str] = None
    ssl_keyfile: Optional[str] = None
    #: Password of an encrypted ``ssl_keyfile``.
    ssl_password: Optional[str] = field(default=None, repr=False)
    client_id: str = "dateline"

    def __post_init__(self) -> None:
        # Normalise before validating so that env values like "sasl_ssl" or "scram-sha-512" work.
        object.__setattr__(self, "security_protocol", (self.security_protocol or "PLAINTEXT").strip().upper())
        if self.sasl_mechanism:
            object.__setattr__(self, "sasl_mechanism", self.sasl_mechanism.strip().upper())
        servers = ",".join(s.strip() for s in str(self.bootstrap_servers or "").split(",") if s.strip())
        object.__setattr__(self, "bootstrap_servers", servers)
        self._validate()

    def _validate(self) -> None:
        # Messages name fields, never values of secret fields.
        if not self.bootstrap_servers:
            raise ValueError("Kafka bootstrap_servers is empty (set DATELINE_KAFKA_BOOTSTRAP_SERVERS, "
                             "e.g. 'broker1:9092,broker2:9092')")
        if self.security_protocol not in SECURITY_PROTOCOLS:
            raise ValueError(f"Kafka security_protocol {self.security_protocol!r} is not one of "
                             f"{', '.join(SECURITY_PROTOCOLS)}")
        uses_sasl = self.security_protocol.startswith("SASL_")
        if uses_sasl:
            if not self.sasl_mechanism:
                object.__setattr__(self, "sasl_mechanism", "PLAIN")
            if self.sasl_mechanism not in SASL_MECHANISMS:
                raise ValueError(f"Kafka sasl_mechanism {self.sasl_mechanism!r} is not one of "
                                 f"{', '.join(SASL_MECHANISMS)}")
            if not self.sasl_username or self.sasl_password is None:
                raise ValueError(f"Kafka security_protocol {self.security_protocol} needs sasl_username and "
                                 "sasl_password (DATELINE_KAFKA_SASL_USERNAME / DATELINE_KAFKA_SASL_PASSWORD)")
        elif self.sasl_mechanism and self.sasl_mechanism not in SASL_MECHANISMS:
            raise ValueError(f"Kafka sasl_mechanism {self.sasl_mechanism!r} is not one of {', '.join(SASL_MECHANISMS)}")
        for name in ("ssl_cafile", "ssl_certfile", "ssl_keyfile"):
            path = getattr(self, name)
            if path and not os.path.isfile(path):
                raise ValueError(f"Kafka {name} {path!r} does not exist or is not a file")

    @property
    def uses_ssl(self) -> bool:
        return self.security_protocol in ("SSL", "SASL_SSL")

    @classmethod
    def from_env(cls, overrides: Optional[Mapping[str, Any]] = None,
                 environ: Optional[Mapping[str, str]] = None) -> "KafkaConfig":
        """Defaults < ``DATELINE_KAFKA_<FIELD>`` environment variables < ``overrides`` (``None`` values skipped).

        Skipping ``None`` lets command-line options be passed straight through: an option the user did
        not give does not hide the environment.
        """
        env = os.environ if environ is None else environ
        names = [f.name for f in dataclasses.fields(cls)]
        values: dict[str, Any] = {}
        for name in names:
            raw = env.get(ENV_PREFIX + name.upper())
            if raw is not None and raw != "":
                values[name] = raw
        for key, value in (overrides or {}).items():
            if key not in names:
                raise TypeError(f"unknown Kafka setting {key!r}; known: {', '.join(names)}")
            if value is not None:
                values[key] = value
        return cls(**values)

    def replace(self, **changes: Any) -> "KafkaConfig":
        return dataclasses.replace(self, **changes)

    # --- pickling: never the secrets (see the module docstring) ------------------------------------------
    def __getstate__(self) -> dict[str, Any]:
        state = {f.name: getattr(self, f.name) for f in dataclasses.fields(self) if f.name not in _SECRET_FIELDS}
        secrets = {name: getattr(self, name) for name in _SECRET_FIELDS if getattr(self, name) is not None}
        if secrets:
            token = self.__dict__.get(_TOKEN)
            if token is None:
                token = uuid.uuid4().hex
                object.__setattr__(self, _TOKEN, token)
            _LOCAL_SECRETS[token] = secrets
            state[_TOKEN] = token
            state["_secret_fields"] = sorted(secrets)
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        state = dict(state)
        token = state.pop(_TOKEN, None)
        wanted = state.pop("_secret_fields", [])
        for name, value in state.items():
            object.__setattr__(self, name, value)
        local = _LOCAL_SECRETS.get(token, {}) if token else {}
        for name in _SECRET_FIELDS:
            value = None
            if name in wanted:
                value = local.get(name)
                if value is None:
                    value = os.environ.get(ENV_PREFIX + name.upper()) or None
            object.__setattr__(self, name, value)
        if token:
            object.__setattr__(self, _TOKEN, token)

    def client_kwargs(self) -> dict[str, Any]:
        """Keyword arguments shared by KafkaConsumer, KafkaProducer and KafkaAdminClient."""
        if self.security_protocol.startswith("SASL_") and self.sasl_password is None:
            raise ValueError(f"Kafka security_protocol {self.security_protocol} needs a SASL password, and "
                             f"{ENV_PREFIX}SASL_PASSWORD is not set in this process (pickled Kafka settings never "
                             "carry passwords: give workers the same Secret as the launcher)")
        kwargs: dict[str, Any] = {
            "bootstrap_servers": self.bootstrap_servers.split(","),
            "security_protocol": self.security_protocol,
            "client_id": self.client_id,
        }
        if self.security_protocol.startswith("SASL_"):
            kwargs.update(sasl_mechanism=self.sasl_mechanism, sasl_plain_username=self.sasl_username,
                          sasl_plain_password=self.sasl_password)
        if self.uses_ssl:
            for name in ("ssl_cafile", "ssl_certfile", "ssl_keyfile", "ssl_password"):
                if getattr(self, name):
                    kwargs[name] = getattr(self, name)
        return kwargs

    def masked(self) -> dict[str, Any]:
        """Every setting, secrets replaced by ``***`` (``None`` stays ``None`` so "unset" is still visible)."""
        out = {}
        for f in dataclasses.fields(self):
            value = getattr(self, f.name)
            out[f.name] = MASK if (f.name in _SECRET_FIELDS and value is not None) else value
        return out

    def __repr__(self) -> str:
        shown = ", ".join(f"{k}={v!r}" for k, v in self.masked().items() if v is not None)
        return f"KafkaConfig({shown})"

    __str__ = __repr__
