"""Deploying to a Beam cluster, proven locally through Beam's portable job API.

The job is submitted with ``--runner=PortableRunner`` to a job service (Beam's embedded Python one,
``--job_endpoint=embed``, and the same service as a separate process, ``local_job_service_main``) and
executed by SDK workers that Beam's worker pool (``worker_pool_main``, a separate process, what the
Flink TaskManager sidecar runs) starts on request: ``--environment_type=EXTERNAL``. Nothing is
downloaded: no Java, no Docker. The events must be the same as a direct FnApiRunner run's, in file mode
and on a bounded Kafka read against the embedded broker.

What this proves: the pipeline translates to the portable proto (transforms, coders, pickled DoFns with
the options they captured, the SDF, the stateful DoFn) and runs on workers in another process that share
nothing with the submitting one but the installed packages, the file system and the network. What it
does not: Flink's own runtime (checkpoints, its bundle-finalization and state backends) and the
container's boot/provisioning path; the pool here starts bare ``SdkHarness`` processes.
"""
from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import apache_beam as beam
import pytest
from apache_beam.internal import pickler
from apache_beam.portability.api import beam_runner_api_pb2
from apache_beam.runners.portability.portable_runner import PortableRunner

import pipeline.main
import test_pipeline_kafka as pk
from conftest import kafka_config, unique
from connectors import kafka_admin
from connectors.broker import free_port
from connectors.files import read_avro_dir
from pipeline.dedup.keys import actor_key
from pipeline.options import DatelineOptions
from schemas import codec

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
VENV_BIN = os.path.dirname(sys.executable)

#: Options whose values the workers must see (they travel pickled inside the DoFns of the proto).
MAX_ARTICLE_BYTES = 3500  # the seed is 2815 bytes; the filler article below is larger
RETENTION_DAYS = 3.5
OPTION_ARGS = ["--max-article-bytes", str(MAX_ARTICLE_BYTES), "--dedup-retention-days", str(RETENTION_DAYS)]


# --- processes this module starts ------------------------------------------------------------------------

def _port_open(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5):
            return True
    except OSError:
        return False


def _group_members(pgid: int) -> list[int]:
    """Live processes of process group ``pgid`` (zombies are dead already)."""
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as fh:
                fields = fh.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) == pgid and fields[0] != "Z":
            found.append(int(entry))
    return found


@dataclass
class Service:
    """A Python service in its own process group (so its children, e.g. SDK workers, go with it)."""
    name: str
    port: int
    proc: subprocess.Popen
    log_path: Path

    @classmethod
    def start(cls, name: str, module: str, port_flag: str, log_dir: Path, timeout_s: float = 30.0) -> "Service":
        port = free_port()
        log_path = log_dir / f"{name}.log"
        # The worker pool starts its workers as plain `python`: it must be this environment's.
        env = dict(os.environ, PATH=VENV_BIN + os.pathsep + os.environ.get("PATH", ""))
        with open(log_path, "wb") as log:
            proc = subprocess.Popen([sys.executable, "-m", module, f"{port_flag}={port}"], cwd=str(log_dir),
                                    stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT, env=env,
                                    start_new_session=True)
        service = cls(name, port, proc, log_path)
        deadline = time.monotonic() + timeout_s
        while not _port_open(port):
            if proc.poll() is not None or time.monotonic() > deadline:
                service.stop()
                raise RuntimeError(f"{name} did not start on port {port}: {service.log()[-2000:]}")
            time.sleep(0.1)
        return service

    def log(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""

    def stop(self) -> list[int]:
        """SIGTERM to the whole group, SIGKILL after 10 s; returns the pids that had to be killed."""
        pgid = self.proc.pid
        try:
            os.killpg(pgid, signal.SIGTERM)
        except ProcessLookupError:
            pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            pass
        deadline = time.monotonic() + 10
        while _group_members(pgid) and time.monotonic() < deadline:
            time.sleep(0.1)
        stubborn = _group_members(pgid)
        for pid in stubborn:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait(timeout=10)
        return stubborn


@pytest.fixture(scope="module")
def worker_pool(tmp_path_factory):
    pool = Service.start("worker_pool", "apache_beam.runners.worker.worker_pool_main", "--service_port",
                         tmp_path_factory.mktemp("worker_pool"))
    yield pool
    stubborn = pool.stop()
    assert not _group_members(pool.proc.pid), "worker pool processes survived teardown"
    assert not stubborn, f"worker pool processes {stubborn} ignored SIGTERM and were killed"


@pytest.fixture(scope="module", params=["embed", "job-server"])
def job_endpoint(request, tmp_path_factory):
    """Beam's Python job service: in process (embed) or as its own process, reached over gRPC."""
    if request.param == "embed":
        yield "embed"
        return
    server = Service.start("job_server", "apache_beam.runners.portability.local_job_service_main", "--port",
                           tmp_path_factory.mktemp("job_server"))
    yield f"localhost:{server.port}"
    server.stop()
    assert not _group_members(server.proc.pid), "job server processes survived teardown"


def portable_args(job_endpoint: str, pool: Service) -> list[str]:
    return ["--runner=PortableRunner", f"--job_endpoint={job_endpoint}", "--environment_type=EXTERNAL",
            f"--environment_config=localhost:{pool.port}"]


# --- where the work ran ------------------------------------------------------------------------------

def _pid_probe(path: str):
    """An identity Map step recording the pid and parent pid of the process that runs it (a closure, so
    it is pickled by value: the workers cannot import this test module)."""
    def probe(event):
        with open(path, "a", encoding="utf-8") as fh:
            fh.write(f"{os.getpid()} {os.getppid()}\n")
        return event
    return probe


@pytest.fixture
def probed(monkeypatch, tmp_path):
    """Runs of pipeline.main.run record, per event, which process produced it; yields a reader."""
    path = tmp_path / "pids.txt"
    original = pipeline.main.build

    def build(p, opts, restore=None):
        events = original(p, opts, restore)
        _ = events | "WorkerPidProbe" >> beam.Map(_pid_probe(str(path)))
        return events

    monkeypatch.setattr(pipeline.main, "build", build)

    def pids() -> set[tuple[int, int]]:
        if not path.exists():
            return set()
        return {tuple(map(int, line.split())) for line in path.read_text().splitlines() if line.strip()}
    return pids


def assert_ran_on_the_pool(pids: set[tuple[int, int]], pool: Service) -> None:
    assert pids, "no event passed the probe"
    assert all(pid != os.getpid() for pid, _ in pids), "events were produced in the test process"
    assert {parent for _, parent in pids} == {pool.proc.pid}, f"workers {pids} are not children of the pool"
    assert "Starting worker with command" in pool.log()


# --- comparing events ---------------------------------------------------------------------------------

def summary(e: dict) -> tuple:
    if e["event_type"] == "meeting":
        who = tuple(sorted(str(actor_key(p)) for p in e["participants"]))
    else:
        who = (str(actor_key(e["contributor"])), str(actor_key(e.get("recipient"))))
    place = str((e["location"] or {}).get("name")), str((e["location"] or {}).get("country"))
    return (e["event_id"], e["version"], e["event_type"], e["status"], str(e["date"]), who, place,
            tuple(sorted({m["article_id"] for m in e["mentions"]})), len(e["mentions"]))


# --- file mode ------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def file_input(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("articles")
    shutil.copy(ROOT / "seeds" / "hollande-putin-2015-11-26.jsonl", folder / "seed.jsonl")
    filler = " ".join(["Markets were calm and the weather stayed mild across the region."] * 70)
    with open(folder / "more.jsonl", "w", encoding="utf-8") as fh:
        fh.write(json.dumps({"article_id": "filler-1", "source": "example.org", "published_at": "2015-11-26",
                             "title": "A quiet day", "body": filler}) + "\n")
    return folder


def file_outputs(folder: Path):
    events = read_avro_dir(str(folder), "meetings", codec.MEETING) + read_avro_dir(
        str(folder), "military_contributions", codec.MILITARY_CONTRIBUTION)
    return events, read_avro_dir(str(folder), "dead_letters", codec.DEAD_LETTER)


@pytest.fixture(scope="module")
def direct_file_run(file_input, tmp_path_factory):
    out = tmp_path_factory.mktemp("direct_out")
    pipeline.main.run(["--input", str(file_input), "--output", str(out), *OPTION_ARGS])
    return file_outputs(out)


def test_file_mode_on_the_portable_runner_matches_the_direct_run(
        file_input, direct_file_run, job_endpoint, worker_pool, probed, tmp_path):
    out = tmp_path / "out"
    pipeline.main.run(["--input", str(file_input), "--output", str(out), *OPTION_ARGS,
                       *portable_args(job_endpoint, worker_pool)])

    events, dead = file_outputs(out)
    direct_events, direct_dead = direct_file_run
    assert direct_events, "the direct run found no events"
    assert sorted(map(summary, events)) == sorted(map(summary, direct_events))
    assert_ran_on_the_pool(probed(), worker_pool)
    # --max-article-bytes reached the workers' ParseArticles.
    assert [(d["error_type"], d["source_path"].rsplit("/", 1)[-1]) for d in dead] == [("too_large", "more.jsonl:1")]
    assert f"cap of {MAX_ARTICLE_BYTES} bytes" in dead[0]["error_message"]
    assert [d["error_message"] for d in dead] == [d["error_message"] for d in direct_dead]


def test_options_and_coders_survive_translation_to_the_portable_proto(file_input, tmp_path):
    """The proto PortableRunner submits: every step in the EXTERNAL environment, the options captured by
    the DoFns intact after pickling, and the stateful DoFn keyed with a coder any runner understands."""
    argv = ["--input", str(file_input), "--output", str(tmp_path / "out"), *OPTION_ARGS,
            "--runner=PortableRunner", "--job_endpoint=embed", "--environment_type=EXTERNAL",
            "--environment_config=localhost:50000"]
    options = pipeline.main.pipeline_options(argv)
    p = beam.Pipeline(options=options)
    pipeline.main.build(p, options.view_as(DatelineOptions))
    proto = PortableRunner.get_proto_pipeline(p, options)
    components = proto.components

    envs = {t.environment_id for t in components.transforms.values() if t.environment_id}
    assert envs
    for env_id in envs:
        env = components.environments[env_id]
        assert env.urn == "beam:env:external:v1", env.urn
        assert b"localhost:50000" in env.payload

    def transform(prefix: str):
        return next(t for t in components.transforms.values()
                    if t.unique_name.startswith(prefix) and t.spec.urn == "beam:transform:pardo:v1")

    def dofn(t):
        payload = beam_runner_api_pb2.ParDoPayload.FromString(t.spec.payload)
        return payload, pickler.loads(payload.do_fn.payload)[0]

    dedup = transform("Deduplicate/MergeIntoCanonical")
    payload, fn = dofn(dedup)
    assert fn._retention == dt.timedelta(days=RETENTION_DAYS)
    assert set(payload.state_specs) == {"events"}
    coder = components.coders[components.pcollections[next(iter(dedup.inputs.values()))].coder_id]
    assert coder.spec.urn == "beam:coder:kv:v1"
    assert components.coders[coder.component_coder_ids[0]].spec.urn == "beam:coder:string_utf8:v1"

    _, parse = dofn(transform("ParseArticles/Parse/"))
    assert parse._max_bytes == MAX_ARTICLE_BYTES


# --- Kafka mode, bounded ------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def kafka_input(broker):
    """One input topic for every run of this module: seed, a re-report, a new event and a broken message."""
    config = kafka_config(broker)
    topic = unique("portable-articles")
    kafka_admin.ensure_topics(config, [topic], partitions=2)
    # The articles that touch the same events in one partition, so every run reads them in one order
    # (event ids and version numbers depend on it); the broken message alone in the other.
    pk.send(config, topic, [pk.ARTICLES[pk.SEED_ID], pk.ARTICLES["dd-014"], b"{not json", pk.ARTICLES["dd-016"]],
            partitions=[0, 0, 1, 0])
    return config, topic


def kafka_job(config, input_topic: str, tmp_path: Path) -> pk.Job:
    job = pk.Job(config, input_topic, unique("portable-events.meetings"),
                 unique("portable-events.military-contributions"), unique("portable-articles.dlq"),
                 str(tmp_path / unique("registry")))
    kafka_admin.ensure_topics(config, [job.meetings, job.contributions, job.dlq])
    return job


def kafka_outputs(job: pk.Job):
    events = pk.read_events(job)
    pk.assert_well_formed_events(job, events)
    dead = [(d.record["error_type"], d.record["payload"], d.record["source_partition"], d.record["source_offset"])
            for d in pk.read_messages(job, job.dlq)]
    return sorted((m.topic == job.meetings, summary(m.record)) for m in events), sorted(dead)


@pytest.fixture(scope="module")
def direct_kafka_run(kafka_input, tmp_path_factory):
    config, topic = kafka_input
    job = kafka_job(config, topic, tmp_path_factory.mktemp("direct_kafka"))
    group = unique("g")
    job.run(group, "--bounded")
    pk.assert_caught_up(job, group)
    return kafka_outputs(job)


@pytest.mark.kafka
def test_bounded_kafka_read_on_the_portable_runner_matches_the_direct_run(
        kafka_input, direct_kafka_run, job_endpoint, worker_pool, probed, tmp_path):
    config, topic = kafka_input
    job = kafka_job(config, topic, tmp_path)
    group = unique("g")
    pipeline.main.run(job.args(group, "--bounded", *portable_args(job_endpoint, worker_pool)))

    events, dead = kafka_outputs(job)
    direct_events, direct_dead = direct_kafka_run
    assert direct_events, "the direct run found no events"
    assert events == direct_events
    assert dead == direct_dead and [d[0] for d in dead] == ["invalid_json"]
    found = {a for _, s in events for a in s[7]}
    assert {pk.SEED_ID, "dd-014", "dd-016"} <= found
    # The source's bundle finalizer ran on the worker: the group is committed to the end.
    pk.assert_caught_up(job, group)
    assert_ran_on_the_pool(probed(), worker_pool)


@pytest.mark.kafka
def test_streaming_kafka_read_on_the_portable_runner_stops_when_idle_and_commits(
        kafka_input, direct_kafka_run, worker_pool, probed, tmp_path):
    """The unbounded source (what a cluster runs) on the external workers: idle stop and commits happen
    in the worker process, and the events are those of the direct run."""
    config, topic = kafka_input
    job = kafka_job(config, topic, tmp_path)
    group = unique("g")
    pipeline.main.run(job.args(group, "--stop-after-idle", pk.IDLE_S, *portable_args("embed", worker_pool)))

    events, dead = kafka_outputs(job)
    assert (events, dead) == direct_kafka_run
    pk.assert_caught_up(job, group)
    assert_ran_on_the_pool(probed(), worker_pool)
