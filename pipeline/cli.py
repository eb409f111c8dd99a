"""The ``dateline`` command: run the pipeline, evaluate it, and work with the local broker and topics."""
from __future__ import annotations

import logging
import sys

USAGE = """dateline <command> [options]

commands:
  run       run the pipeline (file mode: --input/--output; Kafka mode: --bootstrap-servers)
  show      print the events of a file-mode output folder as a table
  eval      score extracted events against a gold file
  devset    score the extractor on the public dev set (../shared/eval)
  broker    start the embedded Kafka broker (tansu)
  publish   publish an article file to a topic
  tail      print the decoded records of a topic as JSON lines
  demo      the whole mission on embedded defaults: broker, topics, seeds, job, events
"""


def main(argv=None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    for noisy in ("kafka", "apache_beam"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    if not argv or argv[0] in ("-h", "--help"):
        print(USAGE)
        return 0
    command, rest = argv[0], argv[1:]
    if command == "run":
        from pipeline.main import run
        run(rest)
        return 0
    if command == "show":
        from pipeline.report import main as show
        return show(rest)
    if command == "eval":
        from pipeline.evaluate import main as evaluate
        return evaluate(rest)
    if command == "devset":
        from pipeline.devset import main as devset
        return devset(rest)
    if command == "demo":
        from pipeline.demo import main as demo
        return demo(rest)
    if command in ("broker", "publish", "tail"):
        from pipeline import kafka_commands
        return getattr(kafka_commands, command)(rest)
    print(f"unknown command {command!r}\n\n{USAGE}", file=sys.stderr)
    return 2
