"""Dataflow Flex Template entry point (FLEX_TEMPLATE_PYTHON_PY_FILE in deploy/dataflow/Dockerfile).

Dataflow's template launcher runs ``python launch.py --name=value ...`` with the template
parameters (names as in metadata.json, with underscores) followed by Dataflow's own options
(--runner, --project, --region, --job_name, --temp_location, --staging_location, ...).
This maps the Dateline parameters back onto the CLI's dashed flags (``bootstrap_servers`` ->
``--bootstrap-servers``), adds what every Dateline Dataflow job needs (--streaming, and the
worker image baked in at build time as --sdk_container_image with --sdk_location=container so
that nothing is staged or pip-installed on workers), and runs ``python -m pipeline run ...``.
"""
from __future__ import annotations

import os
import runpy
import sys

#: Template parameters that are Dateline CLI flags (metadata.json "parameters" names).
DATELINE_PARAMETERS = (
    "bootstrap_servers",
    "input_topic",
    "group_id",
    "meetings_topic",
    "contributions_topic",
    "dlq_topic",
    "schema_registry",
    "security_protocol",
    "sasl_mechanism",
    "auto_offset_reset",
    "dedup_retention_days",
    "max_article_bytes",
    "extract_batch_size",
)


def _has_flag(args: list[str], name: str) -> bool:
    return any(a == f"--{name}" or a.startswith(f"--{name}=") for a in args)


def to_cli_args(argv: list[str], environ: dict[str, str] | None = None) -> list[str]:
    """The ``python -m pipeline`` argv (without the program name) for a template launch."""
    environ = os.environ if environ is None else environ
    out: list[str] = []
    for arg in argv:
        if arg.startswith("--"):
            name, sep, value = arg[2:].partition("=")
            if name in DATELINE_PARAMETERS:
                arg = "--" + name.replace("_", "-") + sep + value
        out.append(arg)
    if not _has_flag(out, "streaming"):
        out.append("--streaming")
    worker_image = environ.get("DATELINE_WORKER_IMAGE", "")
    if worker_image and not _has_flag(out, "sdk_container_image"):
        out.append(f"--sdk_container_image={worker_image}")
        if not _has_flag(out, "sdk_location"):
            out.append("--sdk_location=container")
    return ["run", *out]


def main() -> None:
    sys.argv = ["pipeline", *to_cli_args(sys.argv[1:])]
    runpy.run_module("pipeline", run_name="__main__", alter_sys=True)


if __name__ == "__main__":
    main()
