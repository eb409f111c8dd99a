"""ReadArticles and WriteEvents: the only two places where file mode and Kafka mode differ."""
from __future__ import annotations

import logging
import os

import apache_beam as beam

from schemas import codec

log = logging.getLogger(__name__)

#: File-mode output names (DIR/<name>.avro) per schema.
FILE_NAMES = {codec.MEETING: "meetings", codec.MILITARY_CONTRIBUTION: "military_contributions",
              codec.DEAD_LETTER: "dead_letters"}


def kafka_config(opts):
    from connectors.kafka_config import KafkaConfig
    return KafkaConfig.from_env({
        "bootstrap_servers": opts.bootstrap_servers,
        "security_protocol": opts.security_protocol,
        "sasl_mechanism": opts.sasl_mechanism,
        "sasl_username": opts.sasl_username,
        "ssl_cafile": opts.ssl_cafile,
        "ssl_certfile": opts.ssl_certfile,
        "ssl_keyfile": opts.ssl_keyfile,
    })


def is_kafka_mode(opts) -> bool:
    return bool(opts.bootstrap_servers) and not opts.input


def validate_mode(opts) -> None:
    if opts.input and not opts.output:
        raise SystemExit("file mode needs --output DIR next to --input PATH")
    if not opts.input and not opts.bootstrap_servers:
        raise SystemExit("give --input PATH --output DIR (file mode) or --bootstrap-servers HOST:PORT (Kafka mode)")


class ReadArticles(beam.PTransform):
    """Raw articles (RawRecord) from files or from the input topic, as the options say."""

    def __init__(self, opts):
        super().__init__()
        self._opts = opts

    def expand(self, pbegin):
        opts = self._opts
        if is_kafka_mode(opts):
            from connectors.kafka_source import ReadFromKafka
            return pbegin | "ReadFromKafka" >> ReadFromKafka(
                kafka_config(opts), [opts.input_topic], opts.group_id, bounded=opts.bounded,
                stop_after_idle=opts.stop_after_idle, auto_offset_reset=opts.auto_offset_reset)
        from connectors.files import ReadArticleFiles
        hints = {k: v for k, v in (("source", opts.txt_source), ("published_at", opts.txt_published_at)) if v}
        return pbegin | "ReadFiles" >> ReadArticleFiles(opts.input, hints)


class WriteEvents(beam.PTransform):
    """Events and dead letters to their topics (Avro, Confluent framing, key event_id) or to Avro files."""

    def __init__(self, opts):
        super().__init__()
        self._opts = opts

    def expand(self, pcolls):
        """``(events, dead letters, ...)``: the events, then one or more PCollections of dead letters."""
        events, *deads = pcolls
        opts = self._opts
        if is_kafka_mode(opts):
            from connectors.kafka_sink import SinkRecord, WriteToKafka
            topics = {"meeting": opts.meetings_topic, "military_contribution": opts.contributions_topic}
            to_sink = [events | "EventsToRecords" >> beam.Map(
                lambda e: SinkRecord(topics[e["event_type"]], e["event_id"], codec.EVENT_SCHEMAS[e["event_type"]], e))]
            for n, dead in enumerate(deads):
                to_sink.append(dead | f"DeadLettersToRecords_{n}" >> beam.Map(
                    lambda d: SinkRecord(opts.dlq_topic, None, codec.DEAD_LETTER, d)))
            # One writer per PCollection and no Flatten, so that every write is fused into the Kafka read's
            # stage and its input offsets are committed only after it (connectors/kafka_sink.py).
            return tuple(to_sink) | "WriteToKafka" >> WriteToKafka(
                kafka_config(opts), registry_url=opts.schema_registry, registry_dir=opts.registry_dir)

        dead = deads[0] if len(deads) == 1 else tuple(deads) | "AllDeadLetters" >> beam.Flatten()
        from connectors.files import WriteAvroFile
        os.makedirs(opts.output, exist_ok=True)
        for event_type, schema_name in codec.EVENT_SCHEMAS.items():
            name = FILE_NAMES[schema_name]
            (events
             | f"Only_{name}" >> beam.Filter(lambda e, t=event_type: e["event_type"] == t)
             | f"Write_{name}" >> WriteAvroFile(opts.output, name, schema_name, compact=True))
        return dead | "Write_dead_letters" >> WriteAvroFile(
            opts.output, FILE_NAMES[codec.DEAD_LETTER], codec.DEAD_LETTER, compact=False)
