"""Offline validation of everything under deploy/.

* every YAML document under deploy/ parses, has apiVersion/kind/metadata.name and a known kind;
* Kubernetes core objects (and the Flink pod templates) validate against the Kubernetes OpenAPI
  schemas shipped with ``kubernetes_validate``, strictly (unknown fields fail);
* the CRDs carry the fields their operators need (FlinkDeployment: image, flinkVersion,
  jobManager, taskManager with the Beam worker-pool sidecar on port 50000, checkpointing on
  RocksDB; KafkaTopic: strimzi.io/cluster label, partitions, replicas, compacted event topics);
* the pieces agree with each other and with pyproject.toml: Beam version of the SDK-harness
  image, Flink version of cluster / job-server jar / runner flag, parallelism = partitions of
  `articles`, checkpoint interval, slots = SDK workers, the submit Job's flags (Dateline, Beam or
  Flink-runner flags only), the flex-template parameters, ConfigMap/Secret references;
* the checks themselves fail on broken input (the ``*_can_fail`` tests).

No network, no docker, no cluster.
"""
from __future__ import annotations

import copy
import importlib.util
import json
import re
import shlex
import subprocess
import tomllib
from pathlib import Path

import kubernetes_validate  # test extra in pyproject.toml; a missing package must fail, not skip
import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
DEPLOY = ROOT / "deploy"
#: Oldest Kubernetes minor the manifests are written for.
K8S_VERSION = "1.30"
NAMESPACE = "dateline"

#: The streaming CLI's Kafka-mode flags (pipeline/options.py, DatelineOptions), dashed as on the
#: command line. File-mode flags (--input, --output, ...) are deliberately absent: a deployment
#: using them is a mistake. test_cli_defines_the_dateline_flags keeps this list honest.
DATELINE_FLAGS = {
    "bootstrap-servers",
    "input-topic",
    "group-id",
    "meetings-topic",
    "contributions-topic",
    "dlq-topic",
    "schema-registry",
    "security-protocol",
    "sasl-mechanism",
    "sasl-username",
    "ssl-cafile",
    "ssl-certfile",
    "ssl-keyfile",
    "auto-offset-reset",
    "bounded",
    "stop-after-idle",
    "registry-dir",
    "no-restore-state",
    "max-article-bytes",
    "dedup-retention-days",
    "extract-batch-size",
}
#: Flags every cluster deployment sets explicitly (a shared schema registry included: without
#: --schema-registry each worker would keep its own local file registry).
REQUIRED_DATELINE_FLAGS = {
    "bootstrap-servers",
    "input-topic",
    "group-id",
    "meetings-topic",
    "contributions-topic",
    "dlq-topic",
    "schema-registry",
}
#: Dateline flags a Dataflow template does not expose: file paths inside a pod, credentials
#: (from the environment only), and one-shot/local modes.
NOT_TEMPLATE_PARAMETERS = {
    "sasl-username", "ssl-cafile", "ssl-certfile", "ssl-keyfile", "bounded", "stop-after-idle",
    "registry-dir", "no-restore-state",
}
#: Java FlinkPipelineOptions (snake_case, as passed from Python) that the Python SDK does not
#: parse itself but carries to the job server / uber jar as retained unknown options.
FLINK_JAVA_FLAGS = {
    "checkpointing_interval",
    "checkpointing_mode",
    "checkpoint_timeout_millis",
    "min_pause_between_checkpoints",
    "num_concurrent_checkpoints",
    "fail_on_checkpointing_errors",
    "finish_bundle_before_checkpointing",
    "unaligned_checkpoint_enabled",
    "shutdown_sources_after_idle_ms",
    "number_of_execution_retries",
    "execution_retry_delay",
    "object_reuse",
    "operator_chaining",
    "state_backend",
    "state_backend_storage_path",
    "disable_metrics",
    "externalized_checkpoints_enabled",
    "retain_externalized_checkpoints_on_cancellation",
    "max_bundle_size",
    "max_bundle_time_mills",
    "latency_tracking_interval",
    "auto_watermark_interval",
    "savepoint_path",
    "allow_non_restored_state",
    "faster_copy",
    "enable_stable_input_drain",
    "attached_mode",
}

CORE_KINDS = {
    ("v1", "Namespace"),
    ("v1", "ServiceAccount"),
    ("v1", "Secret"),
    ("v1", "ConfigMap"),
    ("v1", "Service"),
    ("rbac.authorization.k8s.io/v1", "Role"),
    ("rbac.authorization.k8s.io/v1", "RoleBinding"),
    ("batch/v1", "Job"),
    ("apps/v1", "Deployment"),
}
CRD_KINDS = {
    ("flink.apache.org/v1beta1", "FlinkDeployment"),
    ("kafka.strimzi.io/v1beta2", "KafkaTopic"),
}
#: Values of the FlinkDeployment's spec.flinkVersion the operator knows.
OPERATOR_FLINK_VERSIONS = {"v1_16", "v1_17", "v1_18", "v1_19", "v1_20", "v2_0", "v2_1", "v2_2"}

EXPECTED_FILES = [
    "README.md",
    "image/Dockerfile",
    "flink/flinkdeployment.yaml",
    "flink/submit-job.yaml",
    "kafka/topics.yaml",
    "k8s/namespace.yaml",
    "k8s/rbac.yaml",
    "k8s/secret.example.yaml",
    "k8s/configmap.yaml",
    "dataflow/metadata.json",
    "dataflow/Dockerfile",
    "dataflow/build.sh",
    "dataflow/launch.py",
]

EVENT_TOPICS = {"events.meetings", "events.military-contributions"}
DAY_MS = 24 * 3600 * 1000


# --------------------------------------------------------------------------------------------
# loading
# --------------------------------------------------------------------------------------------


def _load_documents() -> list[tuple[str, dict]]:
    docs = []
    for path in sorted(DEPLOY.rglob("*.y*ml")):
        if path.suffix not in (".yaml", ".yml"):
            continue
        rel = str(path.relative_to(ROOT))
        for i, doc in enumerate(yaml.safe_load_all(path.read_text())):
            if doc is None:
                continue
            assert isinstance(doc, dict), f"{rel} document {i} is not a mapping"
            docs.append((f"{rel}#{i}", doc))
    return docs


DOCS = _load_documents()


def _of_kind(kind: str) -> list[dict]:
    return [d for _, d in DOCS if d.get("kind") == kind]


def _one(kind: str, name: str | None = None) -> dict:
    found = [d for d in _of_kind(kind) if name is None or d["metadata"]["name"] == name]
    assert len(found) == 1, f"expected exactly one {kind} {name or ''}, found {len(found)}"
    return found[0]


def _pyproject() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text())


def _pinned_beam_version() -> str:
    for dep in _pyproject()["project"]["dependencies"]:
        m = re.fullmatch(r"\s*apache-beam(?:\[[^\]]*\])?\s*==\s*([0-9][0-9A-Za-z.]*)\s*", dep)
        if m:
            return m.group(1)
    raise AssertionError("pyproject.toml does not pin apache-beam with ==")


def _python_minor() -> str:
    spec = _pyproject()["project"]["requires-python"]
    m = re.search(r">=\s*(3\.\d+)", spec)
    assert m, spec
    return m.group(1)


def _flink_minor_of(flink_version: str) -> str:
    """'v1_20' -> '1.20'."""
    m = re.fullmatch(r"v(\d+)_(\d+)", flink_version)
    assert m, flink_version
    return f"{m.group(1)}.{m.group(2)}"


def _duration_ms(value) -> int:
    """Flink duration ('60s', '1 min', '60000', '500 ms') in milliseconds."""
    if isinstance(value, int):
        return value
    m = re.fullmatch(r"\s*(\d+)\s*(ms|milli|millis|s|sec|secs|second|seconds|m|min|minute|minutes|h|hour|hours)?\s*", str(value))
    assert m, f"not a Flink duration: {value!r}"
    n, unit = int(m.group(1)), (m.group(2) or "ms")
    factor = {"ms": 1, "milli": 1, "millis": 1, "s": 1000, "sec": 1000, "secs": 1000, "second": 1000,
              "seconds": 1000, "m": 60000, "min": 60000, "minute": 60000, "minutes": 60000,
              "h": 3600000, "hour": 3600000, "hours": 3600000}[unit]
    return n * factor


# --------------------------------------------------------------------------------------------
# Dockerfile parsing
# --------------------------------------------------------------------------------------------


def parse_dockerfile(text: str) -> dict:
    """Instructions of a Dockerfile with ARG defaults substituted.

    Returns {"stages": [{"image", "alias", "instructions": [(INSTR, args)]}], "args": {...}}.
    """
    lines, buf = [], ""
    for raw in text.splitlines():
        stripped = raw.strip()
        if not buf and (not stripped or stripped.startswith("#")):
            continue
        if buf and stripped.startswith("#"):
            continue
        if stripped.endswith("\\"):
            buf += stripped[:-1] + " "
            continue
        lines.append(buf + stripped)
        buf = ""
    if buf:
        lines.append(buf)

    args: dict[str, str] = {}

    def subst(s: str) -> str:
        return re.sub(r"\$\{(\w+)\}|\$(\w+)", lambda m: args.get(m.group(1) or m.group(2), m.group(0)), s)

    stages: list[dict] = []
    for line in lines:
        instr, _, rest = line.partition(" ")
        instr = instr.upper()
        rest = rest.strip()
        if instr == "ARG":
            name, eq, default = rest.partition("=")
            if eq:
                args[name.strip()] = subst(default.strip().strip('"'))
            else:
                args.setdefault(name.strip(), "")
            continue
        if instr == "FROM":
            parts = subst(rest).split()
            parts = [p for p in parts if not p.startswith("--")]
            alias = parts[2] if len(parts) >= 3 and parts[1].upper() == "AS" else None
            stages.append({"image": parts[0], "alias": alias, "instructions": []})
            continue
        assert stages, f"instruction before FROM: {line}"
        stages[-1]["instructions"].append((instr, subst(rest)))
    return {"stages": stages, "args": args}


def _copy_args(rest: str) -> tuple[dict, list[str]]:
    tokens = shlex.split(rest)
    flags = {}
    paths = []
    for t in tokens:
        if t.startswith("--"):
            k, _, v = t[2:].partition("=")
            flags[k] = v
        else:
            paths.append(t)
    return flags, paths


def check_image_dockerfile(text: str, beam_version: str, python_minor: str, flink_minor: str,
                           packages: list[str]) -> list[str]:
    """Problems with deploy/image/Dockerfile (empty list = fine)."""
    problems = []
    df = parse_dockerfile(text)
    stages = df["stages"]
    if not stages:
        return ["no FROM"]
    final = stages[-1]
    by_alias = {s["alias"]: s for s in stages if s["alias"]}

    if final["image"] != f"python:{python_minor}-slim":
        problems.append(f"final stage is {final['image']}, expected python:{python_minor}-slim")

    sdk_image = f"apache/beam_python{python_minor}_sdk:{beam_version}"
    jobserver_image = f"apache/beam_flink{flink_minor}_job_server:{beam_version}"

    def source_image(frm: str) -> str:
        return by_alias[frm]["image"] if frm in by_alias else frm

    copies = [_copy_args(rest) for instr, rest in final["instructions"] if instr == "COPY"]
    boot_copies = [(f, p) for f, p in copies if "from" in f and p[:1] == ["/opt/apache/beam"]]
    if not boot_copies:
        problems.append("final stage does not COPY --from=<SDK image> /opt/apache/beam")
    for flags, paths in boot_copies:
        if source_image(flags["from"]) != sdk_image:
            problems.append(f"/opt/apache/beam comes from {source_image(flags['from'])}, expected {sdk_image}")
        if paths[-1].rstrip("/") != "/opt/apache/beam":
            problems.append(f"/opt/apache/beam copied to {paths[-1]}")
    jar_copies = [(f, p) for f, p in copies if "from" in f and p and p[0].endswith(".jar")]
    if not jar_copies:
        problems.append("final stage does not copy Beam's Flink job-server jar")
    for flags, _ in jar_copies:
        if source_image(flags["from"]) != jobserver_image:
            problems.append(f"job-server jar comes from {source_image(flags['from'])}, expected {jobserver_image}")

    entrypoints = [rest for instr, rest in final["instructions"] if instr == "ENTRYPOINT"]
    if not entrypoints or json.loads(entrypoints[-1]) != ["/opt/apache/beam/boot"]:
        problems.append(f"ENTRYPOINT is {entrypoints[-1:] or None}, expected [\"/opt/apache/beam/boot\"]")

    users = [rest for instr, rest in final["instructions"] if instr == "USER"]
    if not users or users[-1].split(":")[0] in ("root", "0"):
        problems.append("final stage does not switch to a non-root USER")
    else:
        last_user = max(i for i, (instr, _) in enumerate(final["instructions"]) if instr == "USER")
        if any(instr == "RUN" for instr, _ in final["instructions"][last_user + 1:]):
            problems.append("RUN after the final USER: the image would run build steps as the app user")

    env_text = " ".join(rest for instr, rest in final["instructions"] if instr == "ENV")
    if "RUN_PYTHON_SDK_IN_DEFAULT_ENVIRONMENT" not in env_text:
        problems.append("RUN_PYTHON_SDK_IN_DEFAULT_ENVIRONMENT not set: boot would build a venv at start-up")

    installs = " ".join(rest for s in stages for instr, rest in s["instructions"] if instr == "RUN")
    if "pip" not in installs or not re.search(r"pip (wheel|install)[^&]*\s\.(\s|$)", installs):
        problems.append("the project itself is not installed (pip install . / pip wheel .)")
    if re.search(r"spacy\s+download|\bcurl\b|\bwget\b", text):
        problems.append("downloads outside pip (spacy download/curl/wget)")

    copied = set()
    for s in stages:
        for instr, rest in s["instructions"]:
            if instr == "COPY":
                flags, paths = _copy_args(rest)
                if "from" not in flags:
                    copied |= {src.rstrip("/") for src in paths[:-1]}
    for pkg in packages:
        if pkg not in copied:
            problems.append(f"package {pkg}/ (pyproject packages.find) is not copied into the build")
    if "pyproject.toml" not in copied:
        problems.append("pyproject.toml is not copied into the build")
    return problems


def _packages() -> list[str]:
    include = _pyproject()["tool"]["setuptools"]["packages"]["find"]["include"]
    return sorted({p.rstrip("*").rstrip(".") for p in include})


# --------------------------------------------------------------------------------------------
# command-line flags
# --------------------------------------------------------------------------------------------


def _beam_python_flags() -> set[str]:
    """Every option the installed Beam Python SDK's PipelineOptions classes define."""
    from apache_beam.options import pipeline_options

    parser = pipeline_options._BeamArgumentParser(allow_abbrev=False)
    seen = {}
    for cls in pipeline_options.PipelineOptions.__subclasses__():
        if cls.__module__.startswith("apache_beam."):  # not DatelineOptions, when imported
            seen.setdefault(str(cls), cls)
    for cls in seen.values():
        cls._add_argparse_args(parser)  # pylint: disable=protected-access
    return {s[2:] for s in parser._option_string_actions if s.startswith("--")}


BEAM_PYTHON_FLAGS = _beam_python_flags()


def parse_flags(args: list[str]) -> dict[str, str | None]:
    """{'flag-name': value or None} of a --flag[=value] argument list (positionals ignored)."""
    flags: dict[str, str | None] = {}
    for i, a in enumerate(args):
        if not a.startswith("--"):
            continue
        name, eq, value = a[2:].partition("=")
        if not eq and i + 1 < len(args) and not args[i + 1].startswith("-"):
            value, eq = args[i + 1], "="
        assert name not in flags, f"flag --{name} given twice"
        flags[name] = value if eq else None
    return flags


def classify_flags(flags) -> dict[str, str]:
    """flag -> 'dateline' | 'beam' | 'flink' | 'unknown'."""
    out = {}
    for name in flags:
        if name in DATELINE_FLAGS:
            out[name] = "dateline"
        elif name in BEAM_PYTHON_FLAGS:
            out[name] = "beam"
        elif name in FLINK_JAVA_FLAGS:
            out[name] = "flink"
        else:
            out[name] = "unknown"
    return out


# --------------------------------------------------------------------------------------------
# files and documents
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("rel", EXPECTED_FILES)
def test_expected_file_exists(rel):
    assert (DEPLOY / rel).is_file(), f"deploy/{rel} missing"


def test_yaml_documents_found():
    files = {ref.split("#")[0] for ref, _ in DOCS}
    assert {"deploy/flink/flinkdeployment.yaml", "deploy/flink/submit-job.yaml",
            "deploy/kafka/topics.yaml", "deploy/k8s/rbac.yaml"} <= files
    assert len(DOCS) >= 12


@pytest.mark.parametrize("ref,doc", DOCS, ids=[r for r, _ in DOCS])
def test_document_header(ref, doc):
    assert isinstance(doc.get("apiVersion"), str), ref
    assert isinstance(doc.get("kind"), str), ref
    name = doc.get("metadata", {}).get("name")
    assert isinstance(name, str) and name, f"{ref}: metadata.name"
    assert re.fullmatch(r"[a-z0-9]([-a-z0-9.]*[a-z0-9])?", name) and len(name) <= 253, f"{ref}: bad name {name}"
    assert (doc["apiVersion"], doc["kind"]) in CORE_KINDS | CRD_KINDS, (
        f"{ref}: {doc['apiVersion']}/{doc['kind']} is neither a validated core kind nor a known CRD")


def test_object_identities_unique():
    keys = [(d["kind"], d["metadata"].get("namespace"), d["metadata"]["name"]) for _, d in DOCS]
    assert len(keys) == len(set(keys)), sorted(k for k in keys if keys.count(k) > 1)


def test_namespaces():
    namespaces = {d["metadata"]["name"] for d in _of_kind("Namespace")}
    assert NAMESPACE in namespaces
    for ref, d in DOCS:
        if d["kind"] in ("Namespace", "KafkaTopic"):
            continue
        assert d["metadata"].get("namespace") == NAMESPACE, f"{ref} not in namespace {NAMESPACE}"


# --------------------------------------------------------------------------------------------
# Kubernetes schemas
# --------------------------------------------------------------------------------------------

CORE_DOCS = [(ref, d) for ref, d in DOCS if (d["apiVersion"], d["kind"]) in CORE_KINDS]


@pytest.mark.parametrize("ref,doc", CORE_DOCS, ids=[r for r, _ in CORE_DOCS])
def test_core_object_validates(ref, doc):
    kubernetes_validate.validate(doc, K8S_VERSION, strict=True)


def _pod_templates() -> list[tuple[str, dict]]:
    out = []
    for fd in _of_kind("FlinkDeployment"):
        spec = fd["spec"]
        for where, tmpl in (("podTemplate", spec.get("podTemplate")),
                            ("jobManager.podTemplate", spec.get("jobManager", {}).get("podTemplate")),
                            ("taskManager.podTemplate", spec.get("taskManager", {}).get("podTemplate"))):
            if tmpl:
                pod = {"apiVersion": "v1", "kind": "Pod",
                       "metadata": tmpl.get("metadata", {"name": "template"}), "spec": tmpl["spec"]}
                out.append((f"{fd['metadata']['name']}.{where}", pod))
    return out


@pytest.mark.parametrize("ref,pod", _pod_templates(), ids=[r for r, _ in _pod_templates()])
def test_flink_pod_template_validates_as_pod(ref, pod):
    kubernetes_validate.validate(pod, K8S_VERSION, strict=True)


def test_schema_validation_can_fail():
    job = copy.deepcopy(_one("Job"))
    job["spec"]["template"]["spec"]["containers"][0]["imagePullPolcy"] = "Always"  # typo
    with pytest.raises(kubernetes_validate.ValidationError):
        kubernetes_validate.validate(job, K8S_VERSION, strict=True)
    job = copy.deepcopy(_one("Job"))
    job["spec"]["backoffLimit"] = "zero"
    with pytest.raises(kubernetes_validate.ValidationError):
        kubernetes_validate.validate(job, K8S_VERSION, strict=True)


# --------------------------------------------------------------------------------------------
# FlinkDeployment
# --------------------------------------------------------------------------------------------


def _flinkdeployment() -> dict:
    return _one("FlinkDeployment")


def _worker_pool_sidecar(fd: dict) -> dict:
    containers = fd["spec"]["taskManager"]["podTemplate"]["spec"]["containers"]
    pools = [c for c in containers if c.get("args") == ["--worker_pool"]]
    assert len(pools) == 1, "TaskManager pod template needs exactly one container with args ['--worker_pool']"
    return pools[0]


def test_flinkdeployment_required_fields():
    spec = _flinkdeployment()["spec"]
    assert isinstance(spec.get("image"), str) and spec["image"]
    assert spec.get("flinkVersion") in OPERATOR_FLINK_VERSIONS
    for role in ("jobManager", "taskManager"):
        res = spec[role]["resource"]
        assert float(res["cpu"]) > 0, role
        assert re.fullmatch(r"\d+(m|g|Mi|Gi|M|G)?", str(res["memory"])), role
    assert spec.get("serviceAccount")


def test_flink_version_supported_by_beam_and_matches_image():
    from apache_beam.options.pipeline_options import FlinkRunnerOptions

    spec = _flinkdeployment()["spec"]
    minor = _flink_minor_of(spec["flinkVersion"])
    assert minor in FlinkRunnerOptions.PUBLISHED_FLINK_VERSIONS, (
        f"Flink {minor} is not supported by the installed Beam's FlinkRunner "
        f"({FlinkRunnerOptions.PUBLISHED_FLINK_VERSIONS})")
    repo, _, tag = spec["image"].rpartition(":")
    assert repo.endswith("flink"), spec["image"]
    assert tag == minor or tag.startswith(minor + "."), f"image {spec['image']} is not Flink {minor}"
    # Built-in plugin jars named with a version must be that image's version.
    image_version = tag.split("-")[0]
    for c in spec["podTemplate"]["spec"]["containers"]:
        for e in c.get("env", []):
            if e["name"] == "ENABLE_BUILT_IN_PLUGINS":
                for jar in e["value"].split(";"):
                    m = re.search(r"-(\d+\.\d+\.\d+)\.jar$", jar)
                    assert m and m.group(1) == image_version, f"plugin {jar} vs image {spec['image']}"


def test_taskmanager_has_worker_pool_sidecar():
    fd = _flinkdeployment()
    pool = _worker_pool_sidecar(fd)
    ports = [p["containerPort"] for p in pool.get("ports", [])]
    assert ports == [50000], f"worker pool must listen on 50000, has {ports}"
    assert pool["image"] == _submit_container()["image"], "worker pool and launcher must run the same image"
    # Kafka connectors run in the SDK workers: they need the credentials from the Secret.
    secrets = {e["secretRef"]["name"] for e in pool.get("envFrom", []) if "secretRef" in e}
    assert secrets and secrets <= {s["metadata"]["name"] for s in _of_kind("Secret")}
    assert pool.get("securityContext", {}).get("runAsNonRoot") is True


def test_checkpointing_configured():
    conf = _flinkdeployment()["spec"]["flinkConfiguration"]
    assert _duration_ms(conf["execution.checkpointing.interval"]) > 0
    assert conf.get("state.backend.type", conf.get("state.backend")) == "rocksdb"
    assert conf.get("state.checkpoints.dir", conf.get("execution.checkpointing.dir"))
    assert conf.get("state.savepoints.dir", conf.get("execution.checkpointing.savepoint-dir"))
    assert conf.get("execution.checkpointing.externalized-checkpoint-retention") == "RETAIN_ON_CANCELLATION"
    assert all(isinstance(v, str) for v in conf.values()), "flinkConfiguration values must be strings"


def test_flink_service_account_has_role():
    sa = _flinkdeployment()["spec"]["serviceAccount"]
    assert sa in {s["metadata"]["name"] for s in _of_kind("ServiceAccount")}
    bindings = [b for b in _of_kind("RoleBinding")
                if any(s["kind"] == "ServiceAccount" and s["name"] == sa for s in b["subjects"])]
    assert bindings, f"no RoleBinding for {sa}"
    roles = {r["metadata"]["name"]: r for r in _of_kind("Role")}
    granted = set()
    for b in bindings:
        assert b["roleRef"]["kind"] == "Role" and b["roleRef"]["name"] in roles
        for rule in roles[b["roleRef"]["name"]]["rules"]:
            for res in rule["resources"]:
                for verb in rule["verbs"]:
                    granted.add((res, verb))
    # Native Kubernetes mode: the JobManager creates/deletes TaskManager pods, HA uses ConfigMaps.
    for res in ("pods", "configmaps"):
        for verb in ("create", "delete", "get", "list", "watch"):
            assert (res, verb) in granted or (res, "*") in granted, (res, verb)


def test_metrics_service_selects_flink_pods():
    fd = _flinkdeployment()
    labels = fd["spec"]["podTemplate"]["metadata"]["labels"]
    port = int(fd["spec"]["flinkConfiguration"]["metrics.reporter.prom.port"])
    svcs = [s for s in _of_kind("Service") if s["metadata"]["name"] == "dateline-flink-metrics"]
    assert svcs
    sel = svcs[0]["spec"]["selector"]
    assert all(labels.get(k) == v for k, v in sel.items()), (sel, labels)
    assert port in [p["port"] for p in svcs[0]["spec"]["ports"]]


# --------------------------------------------------------------------------------------------
# submit Job
# --------------------------------------------------------------------------------------------


def _submit_job() -> dict:
    return _one("Job", "dateline-submit")


def _submit_container() -> dict:
    containers = _submit_job()["spec"]["template"]["spec"]["containers"]
    assert len(containers) == 1
    return containers[0]


def _submit_flags() -> dict[str, str | None]:
    return parse_flags(_submit_container()["args"])


def _configmap_values() -> dict[str, str]:
    c = _submit_container()
    values: dict[str, str] = {}
    for src in c.get("envFrom", []):
        if "configMapRef" in src:
            values.update(_one("ConfigMap", src["configMapRef"]["name"])["data"])
    for e in c.get("env", []):
        if "value" in e:
            values[e["name"]] = e["value"]
    return values


def _resolved(value: str | None) -> str | None:
    if value is None:
        return None
    values = _configmap_values()
    return re.sub(r"\$\((\w+)\)", lambda m: values[m.group(1)], value)


def test_submit_job_runs_the_cli():
    c = _submit_container()
    assert c["command"] == ["python", "-m", "pipeline"]
    assert c["args"][0] == "run"
    job = _submit_job()
    assert job["spec"]["backoffLimit"] == 0, "a retried submission would start the pipeline twice"
    assert job["spec"]["template"]["spec"]["restartPolicy"] == "Never"


def test_submit_job_flags_are_known():
    kinds = classify_flags(_submit_flags())
    unknown = sorted(f for f, k in kinds.items() if k == "unknown")
    assert not unknown, f"neither Dateline, Beam nor Flink-runner flags: {unknown}"
    missing = REQUIRED_DATELINE_FLAGS - set(kinds)
    assert not missing, f"submit Job lacks {sorted(missing)}"


def test_flag_classification_can_fail():
    kinds = classify_flags(parse_flags(["run", "--enviroment_type=EXTERNAL", "--bootstrap-server=x:1",
                                        "--input=seeds/", "--runner=FlinkRunner", "--checkpointing_interval=1",
                                        "--group-id=dateline"]))
    assert kinds == {"enviroment_type": "unknown", "bootstrap-server": "unknown", "input": "unknown",
                     "runner": "beam", "checkpointing_interval": "flink", "group-id": "dateline"}


def test_submit_job_portable_flink_settings():
    flags = _submit_flags()
    fd = _flinkdeployment()
    conf = fd["spec"]["flinkConfiguration"]
    assert flags["runner"] == "FlinkRunner"
    master = re.sub(r"^https?://", "", flags["flink_master"])
    assert master == f"{fd['metadata']['name']}-rest:8081", master
    assert flags["flink_version"] == _flink_minor_of(fd["spec"]["flinkVersion"])
    assert flags["environment_type"] == "EXTERNAL"
    pool_port = _worker_pool_sidecar(fd)["ports"][0]["containerPort"]
    assert flags["environment_config"] == f"localhost:{pool_port}"
    assert "streaming" in flags and flags["streaming"] is None
    # Submission without Java or Maven: uber jar with the jar baked into the image.
    assert "flink_submit_uber_jar" in flags
    df = parse_dockerfile((DEPLOY / "image/Dockerfile").read_text())
    copied_to = [p[-1] for instr, rest in df["stages"][-1]["instructions"] if instr == "COPY"
                 for f, p in [_copy_args(rest)] if p and p[0].endswith(".jar")]
    assert flags["flink_job_server_jar"] in copied_to
    # One Python worker per slot, checkpoint interval agreed with the cluster.
    assert int(flags["sdk_worker_parallelism"]) == int(conf["taskmanager.numberOfTaskSlots"])
    assert int(flags["checkpointing_interval"]) == _duration_ms(conf["execution.checkpointing.interval"])
    assert int(flags["max_parallelism"]) >= int(flags["parallelism"])


def test_parallelism_equals_input_partitions():
    flags = _submit_flags()
    input_topic = _resolved(flags["input-topic"])
    topic = [t for t in _of_kind("KafkaTopic") if t["spec"].get("topicName", t["metadata"]["name"]) == input_topic]
    assert len(topic) == 1, f"no KafkaTopic for input topic {input_topic}"
    assert int(flags["parallelism"]) == topic[0]["spec"]["partitions"]
    conf = _flinkdeployment()["spec"]["flinkConfiguration"]
    assert int(conf["parallelism.default"]) == int(flags["parallelism"])


def test_submit_job_references_resolve():
    c = _submit_container()
    values = _configmap_values()
    for a in c["args"]:
        for var in re.findall(r"\$\((\w+)\)", a):
            assert var in values, f"{a}: ${var} is not defined by the ConfigMap/env"
    secret_names = {s["metadata"]["name"] for s in _of_kind("Secret")}
    refs = [e["secretRef"]["name"] for e in c.get("envFrom", []) if "secretRef" in e]
    assert refs and set(refs) <= secret_names
    sa = _submit_job()["spec"]["template"]["spec"]["serviceAccountName"]
    assert sa in {s["metadata"]["name"] for s in _of_kind("ServiceAccount")}


def test_topics_in_configmap_exist():
    flags = _submit_flags()
    topics = {t["spec"].get("topicName", t["metadata"]["name"]) for t in _of_kind("KafkaTopic")}
    for flag in ("input-topic", "meetings-topic", "contributions-topic", "dlq-topic"):
        assert _resolved(flags[flag]) in topics, flag
    assert {_resolved(flags["meetings-topic"]), _resolved(flags["contributions-topic"])} == EVENT_TOPICS


def test_no_secrets_in_args_or_configmaps():
    pattern = re.compile(r"passw|secret|sasl-username|sasl_username|api[-_]?key|token", re.I)
    for d in _of_kind("Job") + _of_kind("FlinkDeployment"):
        text = json.dumps(d.get("spec", {}))
        for args in re.findall(r'"args": \[(.*?)\]', text):
            assert not pattern.search(args), args
    for cm in _of_kind("ConfigMap"):
        for k, v in cm.get("data", {}).items():
            assert not pattern.search(k) and not pattern.search(v), k


def test_secret_is_a_template():
    secrets = _of_kind("Secret")
    assert secrets
    for s in secrets:
        assert "data" not in s, "keep the template in stringData with placeholders"
        for k, v in s["stringData"].items():
            assert v == "REPLACE_ME", f"{s['metadata']['name']}.{k} must be the REPLACE_ME placeholder"
    keys = set(_one("Secret", "dateline-kafka-credentials")["stringData"])
    assert keys == {"DATELINE_KAFKA_SASL_USERNAME", "DATELINE_KAFKA_SASL_PASSWORD"}


def test_image_tag_is_project_version():
    version = _pyproject()["project"]["version"]
    image = _submit_container()["image"]
    assert image.rsplit(":", 1)[1] == version, f"{image} is not tagged {version}"


# --------------------------------------------------------------------------------------------
# KafkaTopics
# --------------------------------------------------------------------------------------------


def _topics() -> dict[str, dict]:
    return {t["spec"].get("topicName", t["metadata"]["name"]): t for t in _of_kind("KafkaTopic")}


def test_kafka_topics():
    topics = _topics()
    assert set(topics) == {"articles", "articles.dlq"} | EVENT_TOPICS
    clusters = {t["metadata"].get("labels", {}).get("strimzi.io/cluster") for t in topics.values()}
    assert len(clusters) == 1 and None not in clusters, clusters
    for name, t in topics.items():
        spec = t["spec"]
        assert isinstance(spec["partitions"], int) and spec["partitions"] >= 1, name
        assert isinstance(spec["replicas"], int) and spec["replicas"] >= 3, name
        isr = int(spec["config"]["min.insync.replicas"])
        assert 2 <= isr < spec["replicas"], name
        assert all(isinstance(v, str) for v in spec["config"].values()), f"{name}: config values as strings"


def test_articles_topic():
    spec = _topics()["articles"]["spec"]
    assert spec["partitions"] == 12 and spec["replicas"] == 3
    assert int(spec["config"]["retention.ms"]) == 7 * DAY_MS


def test_event_topics_compacted():
    for name in EVENT_TOPICS:
        conf = _topics()[name]["spec"]["config"]
        assert conf["cleanup.policy"] == "compact", name
        assert conf["min.insync.replicas"] == "2", name
        assert "retention.ms" not in conf or int(conf["retention.ms"]) < 0, f"{name}: compaction only"


def test_dlq_retention():
    conf = _topics()["articles.dlq"]["spec"]["config"]
    assert conf.get("cleanup.policy", "delete") == "delete"
    assert int(conf["retention.ms"]) >= 30 * DAY_MS


# --------------------------------------------------------------------------------------------
# Dockerfiles and versions
# --------------------------------------------------------------------------------------------


def _image_check_inputs() -> dict:
    return dict(beam_version=_pinned_beam_version(), python_minor=_python_minor(),
                flink_minor=_flink_minor_of(_flinkdeployment()["spec"]["flinkVersion"]),
                packages=_packages())


def test_image_dockerfile():
    problems = check_image_dockerfile((DEPLOY / "image/Dockerfile").read_text(), **_image_check_inputs())
    assert not problems, problems


def test_image_dockerfile_check_can_fail():
    text = (DEPLOY / "image/Dockerfile").read_text()
    inputs = _image_check_inputs()
    beam = inputs["beam_version"]
    drifted = re.sub(r"(ARG BEAM_VERSION=)\S+", r"\g<1>2.0.0", text)
    assert drifted != text
    assert any(beam in p or "2.0.0" in p for p in check_image_dockerfile(drifted, **inputs))
    assert check_image_dockerfile(text, **{**inputs, "beam_version": "9.99.0"})
    assert check_image_dockerfile(text, **{**inputs, "flink_minor": "1.18"})
    rooted = text.replace('ENTRYPOINT ["/opt/apache/beam/boot"]', 'USER root\nENTRYPOINT ["/opt/apache/beam/boot"]')
    assert any("non-root" in p for p in check_image_dockerfile(rooted, **inputs))
    assert any("newpkg" in p for p in check_image_dockerfile(text, **{**inputs, "packages": inputs["packages"] + ["newpkg"]}))


def test_dataflow_dockerfile():
    df = parse_dockerfile((DEPLOY / "dataflow/Dockerfile").read_text())
    final = df["stages"][-1]
    assert final["image"].startswith("gcr.io/dataflow-templates-base/python311-template-launcher-base")
    assert f"python{_python_minor().replace('.', '')}" in final["image"]
    assert df["args"]["BEAM_VERSION"] == _pinned_beam_version()
    env = " ".join(rest for instr, rest in final["instructions"] if instr == "ENV")
    m = re.search(r"FLEX_TEMPLATE_PYTHON_PY_FILE=(\S+)", env)
    assert m, "FLEX_TEMPLATE_PYTHON_PY_FILE not set"
    copies = [_copy_args(rest)[1] for instr, rest in final["instructions"] if instr == "COPY"]
    assert ["deploy/dataflow/launch.py", m.group(1)] in copies
    runs = " ".join(rest for instr, rest in final["instructions"] if instr == "RUN")
    assert "apache-beam[gcp]==${BEAM_VERSION}" in runs or f"apache-beam[gcp]=={_pinned_beam_version()}" in runs


def test_dataflow_build_script():
    text = (DEPLOY / "dataflow/build.sh").read_text()
    m = re.search(r"^BEAM_VERSION=(\S+)$", text, re.M)
    assert m and m.group(1) == _pinned_beam_version(), "build.sh BEAM_VERSION drifted from pyproject.toml"
    assert "gcloud dataflow flex-template build" in text
    assert "--metadata-file" in text and "deploy/dataflow/metadata.json" in text
    subprocess.run(["bash", "-n", str(DEPLOY / "dataflow/build.sh")], check=True)


# --------------------------------------------------------------------------------------------
# Dataflow flex template
# --------------------------------------------------------------------------------------------


def _metadata() -> dict:
    return json.loads((DEPLOY / "dataflow/metadata.json").read_text())


def test_flex_template_metadata():
    meta = _metadata()
    assert meta["name"] and meta["description"]
    assert meta["streaming"] is True
    names = [p["name"] for p in meta["parameters"]]
    assert len(names) == len(set(names))
    for p in meta["parameters"]:
        assert re.fullmatch(r"[a-z][a-z0-9_]*", p["name"]), p["name"]
        assert p["label"] and p["helpText"], p["name"]
        assert p["regexes"], f"{p['name']} has no regexes"
        for rx in p["regexes"]:
            re.compile(rx)
        assert p["name"].replace("_", "-") in DATELINE_FLAGS, f"{p['name']} is not a Dateline flag"
        required = p["name"].replace("_", "-") in REQUIRED_DATELINE_FLAGS
        assert p.get("isOptional", False) is (not required), p["name"]


def test_flex_template_and_submit_job_expose_the_same_flags():
    meta_flags = {p["name"].replace("_", "-") for p in _metadata()["parameters"]}
    job_dateline = {f for f, k in classify_flags(_submit_flags()).items() if k == "dateline"}
    missing = job_dateline - meta_flags - NOT_TEMPLATE_PARAMETERS
    assert not missing, f"Dateline flags of the submit Job missing from metadata.json: {sorted(missing)}"
    assert not meta_flags & NOT_TEMPLATE_PARAMETERS, sorted(meta_flags & NOT_TEMPLATE_PARAMETERS)
    assert REQUIRED_DATELINE_FLAGS <= meta_flags


def test_configmap_values_satisfy_metadata_regexes():
    flags = _submit_flags()
    for p in _metadata()["parameters"]:
        flag = p["name"].replace("_", "-")
        if flag not in flags:
            continue
        value = _resolved(flags[flag])
        for rx in p["regexes"]:
            assert re.search(rx, value), f"{flag}={value!r} does not match {rx}"


def _launch_module():
    spec = importlib.util.spec_from_file_location("dateline_flex_launch", DEPLOY / "dataflow/launch.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_flex_launcher_maps_parameters_to_cli_flags():
    launch = _launch_module()
    assert set(launch.DATELINE_PARAMETERS) == {p["name"] for p in _metadata()["parameters"]}
    argv = ["--bootstrap_servers=b1:9092,b2:9092", "--input_topic=articles", "--runner=DataflowRunner",
            "--temp_location=gs://b/tmp", "--group_id", "dateline"]
    out = launch.to_cli_args(argv, {"DATELINE_WORKER_IMAGE": "europe-docker.pkg.dev/p/r/dateline:0.1.0"})
    assert out[0] == "run"
    flags = parse_flags(out[1:])
    assert flags["bootstrap-servers"] == "b1:9092,b2:9092"
    assert flags["input-topic"] == "articles" and flags["group-id"] == "dateline"
    assert flags["runner"] == "DataflowRunner" and flags["temp_location"] == "gs://b/tmp"
    assert "streaming" in flags
    assert flags["sdk_container_image"] == "europe-docker.pkg.dev/p/r/dateline:0.1.0"
    assert flags["sdk_location"] == "container"
    assert all(k != "unknown" for k in classify_flags(flags).values()), classify_flags(flags)
    # No worker image configured: nothing invented.
    assert "--sdk_container_image" not in " ".join(launch.to_cli_args(argv, {}))


# --------------------------------------------------------------------------------------------
# README and the CLI itself
# --------------------------------------------------------------------------------------------


def test_readme_references_exist():
    text = (DEPLOY / "README.md").read_text()
    for ref in sorted(set(re.findall(r"deploy/[A-Za-z0-9_./-]+[A-Za-z0-9_-]", text))):
        assert (ROOT / ref).exists(), f"deploy/README.md mentions {ref}, which does not exist"
    assert "python -m bench" in text, "sizing placeholder must point at bench/"
    for metric in ("articles_read", "articles_parsed", "dead_letters", "events_meetings",
                   "events_military_contributions", "dedup_hits", "dedup_new_events", "consumer_lag"):
        assert metric in text, f"README does not document metric {metric}"


def _cli_flags() -> set[str]:
    """Long flags of the CLI's DatelineOptions (skips the test while pipeline/options.py is absent)."""
    if not (ROOT / "pipeline" / "options.py").exists():
        pytest.skip("pipeline/options.py not written yet")
    from apache_beam.options import pipeline_options
    from pipeline.options import DatelineOptions

    parser = pipeline_options._BeamArgumentParser(allow_abbrev=False)
    DatelineOptions._add_argparse_args(parser)  # pylint: disable=protected-access
    return {s[2:] for s in parser._option_string_actions if s.startswith("--")}


def test_cli_defines_the_dateline_flags():
    """Every flag this file treats as Dateline's is one the CLI really defines."""
    cli = _cli_flags()
    assert DATELINE_FLAGS <= cli, f"not (or no longer) CLI flags: {sorted(DATELINE_FLAGS - cli)}"
    # A new Kafka-mode flag must be classified here (and considered for metadata.json).
    file_mode = {"input", "output", "source", "published-at", "extract-processes"}  # local runs only
    unclassified = cli - DATELINE_FLAGS - file_mode - {"help"}
    assert not unclassified, f"CLI flags unknown to the deploy tests: {sorted(unclassified)}"
