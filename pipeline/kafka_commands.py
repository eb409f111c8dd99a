"""``dateline broker``, ``dateline publish`` and ``dateline tail``: the topics, for people and downstream teams."""
from __future__ import annotations

import argparse
import json
import sys

from schemas import codec


def _kafka_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--bootstrap-servers", default="127.0.0.1:9092")
    parser.add_argument("--schema-registry", default=None, help="Confluent-API registry URL (default: embedded)")
    parser.add_argument("--registry-dir", default=".dateline/registry")


def _config(args):
    from connectors.kafka_config import KafkaConfig
    return KafkaConfig.from_env({"bootstrap_servers": args.bootstrap_servers})


def broker(argv) -> int:
    from connectors.broker import serve

    parser = argparse.ArgumentParser(prog="dateline broker", description="Embedded Kafka broker (tansu, in memory).")
    parser.add_argument("--port", type=int, default=9092)
    args = parser.parse_args(argv)
    return serve(args.port)


def article_messages(path: str, fmt: str, registry=None, topic: str = "articles", text_hints=None):
    """(key, value) messages for every article of a file, folder or glob; unparsable lines are sent as they are."""
    from connectors.files import expand_input, read_file
    from pipeline import articles
    from pipeline.deadletters import Rejected

    schema_id = registry.register(f"{topic}-value", codec.schema_text(codec.ARTICLE)) if fmt == "avro" else None
    for file in expand_input(path):
        for raw in read_file(file, text_hints):
            try:
                article = articles.parse_raw(raw)
            except Rejected:
                yield None, raw.payload  # bad input is published as-is: it is the pipeline's job to dead-letter it
                continue
            key = article["article_id"].encode()
            if fmt == "avro":
                yield key, codec.frame(schema_id, codec.encode(codec.ARTICLE, article))
            else:
                yield key, codec.to_json(article).encode()


def publish(argv) -> int:
    from connectors.kafka_admin import ensure_topics, publish as send
    from connectors.registry import registry_for

    parser = argparse.ArgumentParser(prog="dateline publish", description="Publish articles to a topic.")
    parser.add_argument("path", help="article file, folder or glob (.jsonl, .avro, .txt)")
    parser.add_argument("--topic", default="articles")
    parser.add_argument("--format", choices=["json", "avro"], default="json",
                        help="message format: JSON articles or Confluent-framed Avro")
    parser.add_argument("--source", default=None, help="outlet of .txt articles")
    parser.add_argument("--published-at", default=None, help="publication date of .txt articles")
    _kafka_args(parser)
    args = parser.parse_args(argv)
    config = _config(args)
    registry = registry_for(args.schema_registry, args.registry_dir) if args.format == "avro" else None
    hints = {k: v for k, v in (("source", args.source), ("published_at", args.published_at)) if v}
    ensure_topics(config, [args.topic])
    messages = list(article_messages(args.path, args.format, registry, args.topic, hints))
    send(config, args.topic, messages)
    print(f"published {len(messages)} messages to {args.topic}", file=sys.stderr)
    return 0


def decode_message(value: bytes, registry, cache: dict) -> dict:
    from connectors.restore import decode_value

    if value[:1] == b"\x00":
        return decode_value(value, registry, cache)[1]
    return json.loads(value)


def tail(argv) -> int:
    from connectors.kafka_admin import read_topic
    from connectors.registry import registry_for

    parser = argparse.ArgumentParser(prog="dateline tail", description="Print a topic's records as JSON lines.")
    parser.add_argument("topic")
    parser.add_argument("--from-beginning", action="store_true")
    parser.add_argument("--until-end", action="store_true", help="stop at the current end of the topic")
    parser.add_argument("--idle-timeout", type=float, default=None, help="stop after this many idle seconds")
    _kafka_args(parser)
    args = parser.parse_args(argv)
    registry = registry_for(args.schema_registry, args.registry_dir)
    cache: dict = {}
    try:
        for record in read_topic(_config(args), args.topic, from_beginning=args.from_beginning,
                                 until_end=args.until_end, timeout_s=args.idle_timeout):
            try:
                print(codec.to_json(decode_message(record.value, registry, cache)), flush=True)
            except Exception as exc:
                print(json.dumps({"undecodable": str(exc), "partition": record.partition, "offset": record.offset}),
                      flush=True)
    except KeyboardInterrupt:
        pass
    return 0
