"""``dateline demo`` (what ``make run`` calls): the whole mission on embedded defaults.

Starts the embedded broker, creates the topics, publishes the seed articles, runs the streaming job
until it has been idle for a few seconds, reads the events back from the sink topics, prints them as a
table, and stops the broker. ``--files`` runs the same job in file mode instead.
"""
from __future__ import annotations

import argparse
import logging
import os
import sys
import tempfile


log = logging.getLogger(__name__)


def latest_versions(events):
    latest = {}
    for e in events:
        if e["event_id"] not in latest or latest[e["event_id"]]["version"] < e["version"]:
            latest[e["event_id"]] = e
    return list(latest.values())


def kafka_demo(seeds: str, idle: float, extra: list[str]) -> int:
    from connectors.broker import EmbeddedBroker
    from connectors.kafka_admin import ensure_topics, publish, read_topic
    from connectors.kafka_config import KafkaConfig
    from connectors.restore import decode_value
    from connectors.registry import registry_for
    from pipeline.kafka_commands import article_messages
    from pipeline.main import run
    from pipeline.report import table

    topics = ["articles", "events.meetings", "events.military-contributions", "articles.dlq"]
    with tempfile.TemporaryDirectory(prefix="dateline-registry-") as registry_dir, EmbeddedBroker() as broker:
        config = KafkaConfig(bootstrap_servers=broker.bootstrap_servers)
        print(f"embedded broker (tansu) at {broker.bootstrap_servers}", file=sys.stderr)
        ensure_topics(config, topics)
        messages = list(article_messages(seeds, "json"))
        publish(config, "articles", messages)
        print(f"published {len(messages)} seed articles to 'articles'; running the streaming job until idle "
              f"for {idle:g} s ...", file=sys.stderr)
        run(["--bootstrap-servers", broker.bootstrap_servers, "--stop-after-idle", str(idle),
             "--registry-dir", registry_dir, *extra])
        registry = registry_for(None, registry_dir)
        cache: dict = {}
        events, dead = [], []
        for topic in topics[1:3]:
            events += [decode_value(r.value, registry, cache)[1] for r in read_topic(config, topic)]
        dead += [decode_value(r.value, registry, cache)[1] for r in read_topic(config, topics[3])]
        latest = latest_versions(events)
        print(f"\nevents read back from the sink topics ({len(events)} messages, {len(latest)} events):\n")
        print(table(latest))
        print(f"\n{len(dead)} dead letters on {topics[3]}")
        for d in dead:
            print(f"  [{d['stage']}/{d['error_type']}] {d['error_message']}")
    return 0


def file_demo(seeds: str, output: str, extra: list[str]) -> int:
    from pipeline.main import run
    from pipeline.report import main as show

    run(["--input", seeds, "--output", output, *extra])
    return show([output])


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="dateline demo", description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", default="seeds", help="article file, folder or glob to publish")
    parser.add_argument("--files", action="store_true", help="run in file mode instead of through Kafka")
    parser.add_argument("--output", default="out", help="file mode: output folder")
    parser.add_argument("--idle", type=float, default=5.0, help="stop the streaming job after this many idle seconds")
    args, extra = parser.parse_known_args(argv)
    if not os.path.exists(args.seeds):
        parser.error(f"no seeds at {args.seeds}")
    if args.files:
        return file_demo(args.seeds, args.output, extra)
    return kafka_demo(args.seeds, args.idle, extra)
