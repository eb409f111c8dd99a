"""Security: Kafka credentials reach the clients and nothing else; input never runs code; work per message
is bounded.

- TLS and SASL (PLAIN, SCRAM-SHA-256/512) settings, given as pipeline options or DATELINE_KAFKA_*
  environment variables, end up in the keyword arguments of every Kafka client, and kafka-python accepts
  them. (The embedded broker, tansu 0.6, cannot take part: with --authentication it refuses
  kafka-python's pre-authentication ApiVersions request, and its TLS flags conflict with each other.)
- The SASL password (only ever from DATELINE_KAFKA_SASL_PASSWORD) never appears in a repr, a log line
  (kafka-python's DEBUG logging included), a metric, a dead letter, the pickled DoFns of the real graph or
  the job's own log; a pickled config re-reads it from the environment of the process that unpickles it.
- No eval/exec/pickle/yaml.load/marshal on anything in pipeline/, connectors/ or schemas/ outside the
  few places listed with their reasons, and none at all while parsing messages.
- The caps that bound the work one message can cause.
"""
from __future__ import annotations

import ast
import base64
import builtins
import bz2
import json
import logging
import os
import pickle
import re
import signal
import subprocess
import sys
import textwrap
import time
import zlib

import apache_beam as beam
import pytest
from apache_beam.options.pipeline_options import PipelineOptions
from apache_beam.portability import common_urns
from apache_beam.portability.api import beam_runner_api_pb2

from conftest import kafka_config, unique
from connectors import kafka_admin
from connectors.kafka_config import KafkaConfig
from connectors.records import RawRecord
from pipeline import articles, io
from pipeline.options import DatelineOptions

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SECRET = "canary-Pw-7f3c91d2"
SSL_SECRET = "canary-KeyPw-55aa01"
USER = "dateline-svc-canary-user"


@pytest.fixture
def tls_files(tmp_path):
    """Files for the ssl_* options (KafkaConfig checks they exist; their content is not read here)."""
    paths = {}
    for name in ("ca.pem", "client.pem", "client.key"):
        (tmp_path / name).write_text("-----BEGIN PLACEHOLDER-----\n")
        paths[name] = str(tmp_path / name)
    return paths


@pytest.fixture
def clean_env(monkeypatch):
    for key in list(os.environ):
        if key.startswith("DATELINE_KAFKA_"):
            monkeypatch.delenv(key)
    return monkeypatch


def options_config(argv) -> KafkaConfig:
    """The KafkaConfig the job builds from its command line (pipeline.io.kafka_config)."""
    return io.kafka_config(PipelineOptions(argv).view_as(DatelineOptions))


# --- settings reach the clients ------------------------------------------------------------------------

@pytest.mark.parametrize("protocol,mechanism", [
    ("SASL_SSL", "PLAIN"), ("SASL_SSL", "SCRAM-SHA-256"), ("SASL_SSL", "SCRAM-SHA-512"),
    ("SASL_PLAINTEXT", "SCRAM-SHA-512"), ("SSL", None)])
def test_tls_and_sasl_options_reach_the_client_kwargs(clean_env, tls_files, protocol, mechanism):
    clean_env.setenv("DATELINE_KAFKA_SASL_PASSWORD", SECRET)
    clean_env.setenv("DATELINE_KAFKA_SSL_PASSWORD", SSL_SECRET)
    argv = ["--bootstrap-servers", "k1.example:9093,k2.example:9093", "--security-protocol", protocol,
            "--ssl-cafile", tls_files["ca.pem"], "--ssl-certfile", tls_files["client.pem"],
            "--ssl-keyfile", tls_files["client.key"]]
    if mechanism:
        argv += ["--sasl-mechanism", mechanism, "--sasl-username", USER]
    kwargs = options_config(argv).client_kwargs()

    assert kwargs["bootstrap_servers"] == ["k1.example:9093", "k2.example:9093"]
    assert kwargs["security_protocol"] == protocol
    if mechanism:
        assert (kwargs["sasl_mechanism"], kwargs["sasl_plain_username"], kwargs["sasl_plain_password"]) == (
            mechanism, USER, SECRET)
    else:
        assert not any(k.startswith("sasl") for k in kwargs)
    if protocol.endswith("SSL"):
        assert (kwargs["ssl_cafile"], kwargs["ssl_certfile"], kwargs["ssl_keyfile"], kwargs["ssl_password"]) == (
            tls_files["ca.pem"], tls_files["client.pem"], tls_files["client.key"], SSL_SECRET)
    else:
        assert not any(k.startswith("ssl") for k in kwargs)


def test_environment_alone_configures_sasl_and_options_win_over_it(clean_env, tls_files):
    clean_env.setenv("DATELINE_KAFKA_BOOTSTRAP_SERVERS", "env.example:9094")
    clean_env.setenv("DATELINE_KAFKA_SECURITY_PROTOCOL", "sasl_ssl")
    clean_env.setenv("DATELINE_KAFKA_SASL_MECHANISM", "scram-sha-256")
    clean_env.setenv("DATELINE_KAFKA_SASL_USERNAME", "from-env")
    clean_env.setenv("DATELINE_KAFKA_SASL_PASSWORD", SECRET)
    clean_env.setenv("DATELINE_KAFKA_SSL_CAFILE", tls_files["ca.pem"])
    # Kafka mode needs --bootstrap-servers on the command line; everything else may come from the env.
    env_only = options_config(["--bootstrap-servers", "env.example:9094"]).client_kwargs()
    assert (env_only["security_protocol"], env_only["sasl_mechanism"], env_only["sasl_plain_username"],
            env_only["sasl_plain_password"], env_only["ssl_cafile"]) == (
        "SASL_SSL", "SCRAM-SHA-256", "from-env", SECRET, tls_files["ca.pem"])
    overridden = options_config(["--bootstrap-servers", "cli.example:9092", "--sasl-username", USER,
                                 "--sasl-mechanism", "PLAIN"]).client_kwargs()
    assert (overridden["bootstrap_servers"], overridden["sasl_plain_username"], overridden["sasl_mechanism"]) == (
        ["cli.example:9092"], USER, "PLAIN")


def test_there_is_no_command_line_option_for_the_password():
    """Pipeline options are stored in the job graph and shown by runner UIs: the password is not one."""
    import argparse

    parser = argparse.ArgumentParser()
    DatelineOptions._add_argparse_args(parser)  # Dateline's own flags, not Beam's
    names = {action.dest for action in parser._actions}
    assert "sasl_username" in names
    assert not {n for n in names if "password" in n or "secret" in n}


def test_kafka_python_accepts_the_kwargs(clean_env, tls_files):
    """The real client classes take every setting (api_version is given so that nothing connects)."""
    from kafka import KafkaConsumer, KafkaProducer

    clean_env.setenv("DATELINE_KAFKA_SASL_PASSWORD", SECRET)
    for mechanism in ("PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512"):
        kwargs = options_config(["--bootstrap-servers", "127.0.0.1:9", "--security-protocol", "SASL_SSL",
                                 "--sasl-mechanism", mechanism, "--sasl-username", USER,
                                 "--ssl-cafile", tls_files["ca.pem"]]).client_kwargs()
        consumer = KafkaConsumer(**kwargs, api_version=(2, 6), enable_auto_commit=False)
        consumer.close()
        producer = KafkaProducer(**kwargs, api_version=(2, 6))
        producer.close(timeout=1)


# --- the password is never shown ----------------------------------------------------------------------

def sasl_config(**changes) -> KafkaConfig:
    return KafkaConfig(**{"bootstrap_servers": "127.0.0.1:9", "security_protocol": "SASL_PLAINTEXT",
                          "sasl_mechanism": "SCRAM-SHA-512", "sasl_username": USER, "sasl_password": SECRET,
                          **changes})


def test_repr_str_masked_and_errors_never_show_the_password(caplog):
    config = sasl_config(ssl_password=SSL_SECRET)
    shown = [repr(config), str(config), f"{config!r} {config!s}", json.dumps(config.masked()), repr([config]),
             repr({"config": config})]
    with caplog.at_level(logging.INFO):
        logging.getLogger("dateline.test").info("settings %s / %r / %s", config, config, config.masked())
    shown.append(caplog.text)
    for text in shown:
        assert SECRET not in text and SSL_SECRET not in text
    assert config.masked()["sasl_password"] == config.masked()["ssl_password"] == "***"
    assert config.masked()["sasl_username"] == USER  # everything else stays readable
    for bad in ({"security_protocol": "SASL_SOMETHING"}, {"sasl_mechanism": "GSSAPI"},
                {"ssl_cafile": "/nonexistent/ca.pem"}):
        with pytest.raises(ValueError) as error:
            sasl_config(**bad)
        assert SECRET not in str(error.value)


def test_pickled_config_carries_no_password_and_round_trips_in_process():
    config = sasl_config(ssl_password=SSL_SECRET)
    for protocol in (0, 2, pickle.HIGHEST_PROTOCOL):
        data = pickle.dumps(config, protocol=protocol)
        assert SECRET.encode() not in data and SSL_SECRET.encode() not in data
        assert pickle.loads(data) == config  # the same process finds its passwords again
    import copy

    assert copy.deepcopy(config).client_kwargs()["sasl_plain_password"] == SECRET


def _unpickle_in_a_worker(data: bytes, env: dict) -> subprocess.CompletedProcess:
    code = textwrap.dedent("""
        import pickle, sys
        config = pickle.loads(sys.stdin.buffer.read())
        try:
            print("password:" + str(config.client_kwargs().get("sasl_plain_password")))
        except ValueError as exc:
            print("refused:" + str(exc))
        print("repr:" + repr(config))
    """)
    env = {**{k: v for k, v in os.environ.items() if not k.startswith("DATELINE_KAFKA_")}, **env,
           "PYTHONPATH": ROOT}
    return subprocess.run([sys.executable, "-c", code], input=data, capture_output=True, env=env, timeout=60)


def test_a_worker_process_reads_the_password_from_its_own_environment():
    """What a Flink task manager or a Dataflow worker does with the DoFns Beam ships to it."""
    data = pickle.dumps(sasl_config())
    with_secret = _unpickle_in_a_worker(data, {"DATELINE_KAFKA_SASL_PASSWORD": "the-workers-own-secret"})
    assert "password:the-workers-own-secret" in with_secret.stdout.decode(), with_secret.stderr.decode()[-2000:]
    without = _unpickle_in_a_worker(data, {})
    out = without.stdout.decode()
    assert "refused:" in out and "DATELINE_KAFKA_SASL_PASSWORD" in out, without.stderr.decode()[-2000:]
    assert SECRET not in out + with_secret.stdout.decode()


def _pickled_payloads(proto: beam_runner_api_pb2.Pipeline):
    """Every pickled DoFn (and other pickled function) of a pipeline proto, as raw pickle bytes."""
    for transform in proto.components.transforms.values():
        if transform.spec.urn != common_urns.primitives.PAR_DO.urn:
            continue
        payload = beam_runner_api_pb2.ParDoPayload.FromString(transform.spec.payload).do_fn.payload
        raw = base64.b64decode(payload)
        if raw.startswith(b"BZh"):  # Beam bz2-compresses pickled DoFns
            raw = bz2.decompress(raw)
        else:
            try:
                raw = zlib.decompress(raw)
            except zlib.error:
                pass
        yield transform.unique_name, raw


def test_the_real_graph_carries_no_password(clean_env, tls_files):
    """Beam pickles every DoFn into the pipeline proto that runners store, display and ship to workers."""
    from pipeline.main import build, pipeline_options

    clean_env.setenv("DATELINE_KAFKA_SASL_PASSWORD", SECRET)
    clean_env.setenv("DATELINE_KAFKA_SSL_PASSWORD", SSL_SECRET)
    options = pipeline_options(["--bootstrap-servers", "k1.example:9093", "--security-protocol", "SASL_SSL",
                                "--sasl-mechanism", "SCRAM-SHA-512", "--sasl-username", USER,
                                "--ssl-cafile", tls_files["ca.pem"], "--stop-after-idle", "1"])
    opts = options.view_as(DatelineOptions)
    from connectors.restore import EventTopicSnapshot

    restore = EventTopicSnapshot(io.kafka_config(opts), [opts.meetings_topic, opts.contributions_topic],
                                 opts.schema_registry, opts.registry_dir)
    p = beam.Pipeline(options=options)
    build(p, opts, restore)
    proto = p.to_runner_api()
    payloads = dict(_pickled_payloads(proto))
    with_config = [name for name, raw in payloads.items() if USER.encode() in raw]
    assert any("ReadFromKafka" in n for n in with_config) and any("WriteToKafka" in n for n in with_config), (
        "sanity: the Kafka DoFns (which hold the settings) are among the payloads searched")
    assert any("Deduplicate" in n for n in with_config), "sanity: the restore callable holds the settings too"
    for name, raw in payloads.items():
        assert SECRET.encode() not in raw and SSL_SECRET.encode() not in raw, f"{name} pickles a password"
    whole = proto.SerializeToString()
    assert SECRET.encode() not in whole and SSL_SECRET.encode() not in whole
    assert SECRET not in json.dumps(options.get_all_options(), default=str)


def test_kafka_python_debug_logging_is_redacted(clean_env, caplog):
    """kafka-python's KafkaAdminClient logs its whole configuration at DEBUG, password included."""
    clean_env.setenv(kafka_admin.CLIENT_LOG_LEVEL_ENV, "DEBUG")
    config = sasl_config(bootstrap_servers="127.0.0.1:9")
    options = kafka_admin._client_options(config)  # what every client of the project is built from
    assert options["sasl_plain_password"] == SECRET
    with caplog.at_level(logging.DEBUG):
        logging.getLogger("kafka.admin.client").debug("Starting KafkaAdminClient with configuration: %s", options)
        logging.getLogger("kafka.net.connection").debug("auth failed for %s with %s", USER, SECRET)
        logging.getLogger("kafka").warning("password in the message itself: " + SECRET)
    assert "Starting KafkaAdminClient" in caplog.text and USER in caplog.text
    assert SECRET not in caplog.text
    for record in caplog.records:
        assert SECRET not in record.getMessage()


@pytest.mark.kafka
def test_metrics_dead_letters_and_logs_of_a_pipeline_with_secrets_show_none(broker, tmp_path, caplog):
    """A real Kafka read, parse and dead-letter write, with a config that carries passwords: none of them
    shows in the metrics, the dead letters or the logs."""
    from apache_beam.metrics.metric import MetricsFilter

    from connectors.kafka_sink import SinkRecord, WriteToKafka
    from connectors.kafka_source import ReadFromKafka
    from pipeline.parse import ParseArticles
    from schemas import codec

    # PLAINTEXT, so the passwords are carried but not sent (the embedded broker has no SASL).
    config = kafka_config(broker).replace(sasl_username=USER, sasl_password=SECRET, ssl_password=SSL_SECRET)
    topic, dlq = unique("sec-in"), unique("sec-dlq")
    kafka_admin.ensure_topics(config, [topic, dlq])
    kafka_admin.publish(config, topic, [(None, b"not json"), (None, b'{"article_id": 1}'),
                                        (None, json.dumps({"article_id": "a", "source": "s", "body": "b",
                                                           "published_at": "2020-01-01"}).encode())])
    p = beam.Pipeline(runner="FnApiRunner", options=PipelineOptions([]))
    parsed = (p | ReadFromKafka(config, [topic], unique("g"), bounded=True)
              | ParseArticles(registry_dir=str(tmp_path / "registry")))
    _ = (parsed.dead_letters | beam.Map(lambda d: SinkRecord(dlq, None, codec.DEAD_LETTER, d))
         | WriteToKafka(config, registry_dir=str(tmp_path / "registry")))
    with caplog.at_level(logging.DEBUG):
        result = p.run()
        result.wait_until_finish()
    metrics = result.metrics().query(MetricsFilter())
    shown = json.dumps([[str(m.key), str(m.committed)] for kind in metrics.values() for m in kind])
    assert "articles_parsed" in shown or "records_read" in shown
    dead = [r.value for r in kafka_admin.read_topic(config, dlq)]
    assert len(dead) == 2
    for text in (shown, caplog.text, *[d.decode("utf-8", "replace") for d in dead]):
        assert SECRET not in text and SSL_SECRET not in text


@pytest.mark.kafka
@pytest.mark.slow
def test_the_job_logs_its_settings_masked_and_never_the_password(broker, tmp_path):
    """The real job, with SASL settings and the client's DEBUG logging on, trying to reach a broker that
    speaks no SASL: it logs its Kafka settings once, masked, and the password nowhere."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("DATELINE_KAFKA_")}
    env.update({"DATELINE_KAFKA_SASL_PASSWORD": SECRET, "DATELINE_KAFKA_SSL_PASSWORD": SSL_SECRET,
                kafka_admin.CLIENT_LOG_LEVEL_ENV: "DEBUG", "PYTHONUNBUFFERED": "1"})
    log_path = tmp_path / "job.log"
    cmd = [sys.executable, "-m", "pipeline", "run", "--bootstrap-servers", broker.bootstrap_servers,
           "--security-protocol", "SASL_PLAINTEXT", "--sasl-mechanism", "SCRAM-SHA-256", "--sasl-username", USER,
           "--stop-after-idle", "2", "--registry-dir", str(tmp_path / "registry"), "--group-id", unique("sec"),
           "--input-topic", unique("sec-in")]
    with open(log_path, "wb") as log:
        job = subprocess.Popen(cmd, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, env=env)
    try:
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline and job.poll() is None and "settings {" not in log_path.read_text():
            time.sleep(0.2)
        time.sleep(8)  # let the clients try (and log at DEBUG) for a while
    finally:
        if job.poll() is None:
            job.send_signal(signal.SIGKILL)  # it would retry for a minute; the log is all we need
        job.wait(timeout=30)
    text = log_path.read_text(errors="replace")
    settings = [line for line in text.splitlines() if "Kafka source: topics" in line]
    assert len(settings) == 1, text[-3000:]
    assert "'sasl_password': '***'" in settings[0] and f"'sasl_username': '{USER}'" in settings[0]
    assert "kafka." in text, "sanity: kafka-python's DEBUG logging was on"
    assert SECRET not in text and SSL_SECRET not in text


# --- no code from input --------------------------------------------------------------------------------

SCANNED = ("pipeline", "connectors", "schemas")

#: Calls that can run code or build arbitrary objects from bytes; none may touch message content.
DANGEROUS_CALLS = {"eval", "exec", "compile", "__import__", "pickle.loads", "pickle.load", "pickle.Unpickler",
                   "cPickle.loads", "dill.loads", "dill.load", "cloudpickle.loads", "marshal.loads", "marshal.load",
                   "yaml.load", "yaml.unsafe_load", "yaml.full_load", "yaml.load_all", "jsonpickle.decode",
                   "shelve.open", "os.system", "os.popen", "importlib.import_module",
                   "apache_beam.internal.pickler.loads", "pickler.loads"}
DANGEROUS_TEXT = re.compile(r"pickle\.loads?\(|(?<![\w.])eval\(|(?<![\w.])exec\(|yaml\.(?:unsafe_|full_)?load\(|"
                            r"marshal\.loads?\(|shell\s*=\s*True|PickleCoder")

#: (file, what) -> why it is not input: every entry is reviewed; anything new fails the test.
ALLOWED = {
    ("pipeline/extract/extractor.py", "importlib.import_module"): "loads the spaCy model by its fixed package name",
    ("pipeline/dedup/transform.py", "PickleCoder"): "the pipeline's own dedup state, written and read by the "
                                                    "runner, never bytes from a message",
}


def _call_name(node: ast.Call) -> str:
    parts, func = [], node.func
    while isinstance(func, ast.Attribute):
        parts.append(func.attr)
        func = func.value
    if isinstance(func, ast.Name):
        parts.append(func.id)
    return ".".join(reversed(parts))


def _sources():
    for top in SCANNED:
        for folder, _, files in os.walk(os.path.join(ROOT, top)):
            for name in files:
                if name.endswith(".py"):
                    path = os.path.join(folder, name)
                    yield os.path.relpath(path, ROOT), open(path, encoding="utf-8").read()


def scan(rel: str, text: str) -> dict:
    """(file, primitive) -> line of every code-execution primitive in one source file."""
    found = {}
    for node in ast.walk(ast.parse(text, rel)):
        if isinstance(node, ast.Call):
            name = _call_name(node)
            if name in DANGEROUS_CALLS or name.rsplit(".", 1)[-1] in {"loads", "load"} and name.split(".")[0] in {
                    "pickle", "cPickle", "dill", "cloudpickle", "marshal", "yaml", "pickler"}:
                found[(rel, name)] = node.lineno
            if any(k.arg == "shell" and isinstance(k.value, ast.Constant) and k.value.value for k in node.keywords):
                found[(rel, "shell=True")] = node.lineno
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            modules = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module or ""]
            for module in modules:
                if module.split(".")[0] in {"pickle", "cPickle", "dill", "cloudpickle", "marshal", "shelve",
                                            "jsonpickle"}:
                    found[(rel, f"import {module}")] = node.lineno
    # The plain-text pass also catches what the AST pass cannot name (aliases, getattr tricks, coders).
    for match in DANGEROUS_TEXT.finditer(text):
        what = match.group().rstrip("(")
        if not any(k[0] == rel and what in k[1] for k in found):
            found[(rel, what)] = text[:match.start()].count("\n") + 1
    return found


def test_the_scanner_finds_what_it_looks_for():
    snippet = textwrap.dedent("""
        import pickle, yaml, subprocess
        from marshal import loads
        def handle(payload):
            pickle.loads(payload)
            yaml.load(payload)
            eval(payload.decode())
            exec("x = 1")
            subprocess.run(payload, shell=True)
            coder = beam.coders.PickleCoder()
    """)
    found = {what for _, what in scan("x.py", snippet)}
    assert {"import pickle", "import marshal", "pickle.loads", "yaml.load", "eval", "exec", "shell=True",
            "PickleCoder"} <= found, found
    assert not scan("y.py", "import json, re\njson.loads(b)\nre.compile('x')\nyaml.safe_load(s)\n")


def test_no_code_execution_primitives_outside_reviewed_places():
    found = {}
    for rel, text in _sources():
        found.update(scan(rel, text))
    unexpected = {k: v for k, v in found.items() if k not in ALLOWED}
    assert not unexpected, (f"code-execution primitives outside the reviewed places (file, call): line): "
                            f"{unexpected}; if one is safe, add it to ALLOWED with the reason")
    assert set(ALLOWED) <= set(found), f"stale ALLOWED entries: {set(ALLOWED) - set(found)}"


def test_parsing_messages_calls_none_of_them(monkeypatch, tmp_path):
    """Spies on the primitives while every parse path (JSON, text, Avro, Confluent Avro, each failure) runs."""
    import marshal

    import fastavro
    import yaml

    from connectors.registry import FileRegistry, subject_for
    from schemas import codec

    registry = FileRegistry(tmp_path)
    schema_id = registry.register(subject_for("articles"), codec.schema_text(codec.ARTICLE))
    writer = fastavro.parse_schema(json.loads(registry.schema_by_id(schema_id)))
    lookup = lambda i: writer if i == schema_id else None  # noqa: E731
    good = {"article_id": "a", "source": "s", "published_at": "2020-01-01", "body": "Putin met Macron."}
    record = articles.validate(good)
    evil = b"cos\nsystem\n(S'echo pwned'\ntR."  # a pickle that would run a shell command
    payloads = [
        RawRecord(json.dumps(good).encode()), RawRecord(b"Title\nBody text.", "text", hints={**good}),
        RawRecord(codec.encode(codec.ARTICLE, record), "avro"),
        RawRecord(codec.frame(schema_id, codec.encode(codec.ARTICLE, record))),
        RawRecord(evil), RawRecord(b"\x80\x04" + evil), RawRecord(b"!!python/object/apply:os.system ['x']"),
        RawRecord(b'{"article_id": "__import__(\'os\').system(\'x\')", "source": "eval(1)", "body": "exec(1)", '
                  b'"published_at": "2020-01-01"}'),
        RawRecord(b"\x00\x00\x00\x00\x07" + evil), RawRecord(b""), RawRecord(b"[" * 5000),
    ]

    def parse_all():
        out = []
        for raw in payloads:
            try:
                out.append(articles.parse_raw(raw, lookup))
            except articles.Rejected as exc:
                out.append(exc.error_type)
        return out

    warm = parse_all()  # imports done lazily on the first call (which may use exec) happen here
    calls = []

    def spy(name, original):
        def wrapper(*args, **kwargs):
            calls.append(name)
            return original(*args, **kwargs)
        return wrapper

    for name in ("eval", "exec", "compile"):
        monkeypatch.setattr(builtins, name, spy(name, getattr(builtins, name)))
    monkeypatch.setattr(pickle, "loads", spy("pickle.loads", pickle.loads))
    monkeypatch.setattr(pickle, "load", spy("pickle.load", pickle.load))
    monkeypatch.setattr(marshal, "loads", spy("marshal.loads", marshal.loads))
    monkeypatch.setattr(yaml, "load", spy("yaml.load", yaml.load))
    monkeypatch.setattr(yaml, "unsafe_load", spy("yaml.unsafe_load", yaml.unsafe_load))
    monkeypatch.setattr(os, "system", spy("os.system", os.system))
    again = parse_all()
    assert not calls, f"parsing called {sorted(set(calls))}"
    assert again == warm
    assert again[4:7] == ["invalid_json", "invalid_utf8", "invalid_json"]
    assert again[7]["article_id"] == "__import__('os').system('x')"  # text that looks like code stays text
    assert again[8:] == ["unknown_schema_id", "empty", "invalid_json"]
    assert all(isinstance(a, dict) for a in again[:4])


# --- bounded work per message --------------------------------------------------------------------------

def test_size_caps_are_wired_and_consistent():
    from connectors.kafka_sink import DEFAULT_DELIVERY_TIMEOUT_MS  # noqa: F401 - the sink module loads
    from pipeline.deadletters import MAX_PAYLOAD_BYTES, dead_letter
    from pipeline.main import build, pipeline_options
    from schemas import codec

    # --max-article-bytes reaches ParseArticles in the real graph.
    options = pipeline_options(["--bootstrap-servers", "127.0.0.1:9", "--stop-after-idle", "1",
                                "--max-article-bytes", "12345"])
    p = beam.Pipeline(options=options)
    build(p, options.view_as(DatelineOptions))
    parse_fns = [fn for fn in _applied(p) if type(fn).__name__ == "_ParseFn"]
    assert [fn._max_bytes for fn in parse_fns] == [12345]
    # The extractor's limit (spaCy's max_length) is the parse cap in characters.
    assert articles.MAX_ARTICLE_CHARS <= 1_000_000
    with pytest.raises(articles.Rejected, match="characters"):
        articles.validate({"article_id": "a", "source": "s", "published_at": "2020-01-01",
                           "body": "x" * articles.MAX_ARTICLE_CHARS})
    # A dead letter of the largest payload still fits in one Kafka message (1 MiB by default).
    letter = dead_letter("parse", "too_large", "x" * 10_000, RawRecord(b"y" * (8 * 1024 * 1024), offset=1))
    assert letter["payload_truncated"] and len(letter["payload"]) == MAX_PAYLOAD_BYTES
    assert len(codec.encode(codec.DEAD_LETTER, letter)) < 1024 * 1024 - 4096
    assert len(letter["error_message"]) <= 2000


def _applied(p: beam.Pipeline):
    """Every DoFn of a built pipeline."""
    found = []

    class Visitor(beam.pipeline.PipelineVisitor):
        def visit_transform(self, node):
            fn = getattr(node.transform, "fn", None)
            if fn is not None:
                found.append(fn)

    p.visit(Visitor())
    return found


def test_extractor_clips_candidate_sentences():
    """A text without sentence ends is one 'sentence'; the parser sees at most MAX_SENTENCE_CHARS of it."""
    import spacy

    from pipeline.extract.extractor import MAX_SENTENCE_CHARS, Extractor

    extractor = Extractor(nlp=spacy.blank("en"))
    text = "Putin met Macron and France sent frigates " * 25_000  # ~1 MB, no sentence end, triggers everywhere
    spans = extractor.candidate_spans(text)
    assert spans and all(e - s <= MAX_SENTENCE_CHARS for s, e in spans)
    assert sum(e - s for s, e in spans) <= MAX_SENTENCE_CHARS * len(spans)
