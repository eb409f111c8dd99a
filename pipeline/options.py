"""Dateline's pipeline options: one PipelineOptions subclass, so every runner sees the same flags.

File mode or Kafka mode is chosen by which options are set (--input or --bootstrap-servers), never by a
different program: the transforms between Read and Write are the same.
"""
from __future__ import annotations

from apache_beam.options.pipeline_options import PipelineOptions

from pipeline.articles import DEFAULT_MAX_ARTICLE_BYTES


class DatelineOptions(PipelineOptions):
    @classmethod
    def _add_argparse_args(cls, parser):
        files = parser.add_argument_group("file mode")
        files.add_argument("--input", dest="input", default=None,
                           help="Article file, folder or glob (.jsonl, .avro, .txt).")
        files.add_argument("--output", dest="output", default=None,
                           help="Folder for meetings.avro, military_contributions.avro and dead_letters.avro.")
        files.add_argument("--source", dest="txt_source", default=None,
                           help="Outlet of .txt articles (they carry no metadata).")
        files.add_argument("--published-at", dest="txt_published_at", default=None,
                           help="Publication date (ISO-8601) of .txt articles.")

        kafka = parser.add_argument_group("Kafka mode")
        kafka.add_argument("--bootstrap-servers", dest="bootstrap_servers", default=None,
                           help="Kafka bootstrap servers HOST:PORT[,HOST:PORT]; selects Kafka mode.")
        kafka.add_argument("--input-topic", dest="input_topic", default="articles")
        kafka.add_argument("--meetings-topic", dest="meetings_topic", default="events.meetings")
        kafka.add_argument("--contributions-topic", dest="contributions_topic",
                           default="events.military-contributions")
        kafka.add_argument("--dlq-topic", dest="dlq_topic", default="articles.dlq")
        kafka.add_argument("--group-id", dest="group_id", default="dateline")
        kafka.add_argument("--auto-offset-reset", dest="auto_offset_reset", default="earliest",
                           choices=["earliest", "latest"],
                           help="Where a consumer group with no committed offset starts.")
        kafka.add_argument("--bounded", dest="bounded", action="store_true", default=False,
                           help="Read to the current end of the input topic, then finish (backfills).")
        kafka.add_argument("--stop-after-idle", dest="stop_after_idle", type=float, default=None,
                           help="Stop cleanly, committing offsets, after this many seconds without input.")
        kafka.add_argument("--schema-registry", dest="schema_registry", default=None,
                           help="URL of a Confluent-API schema registry; default: the embedded file registry.")
        kafka.add_argument("--registry-dir", dest="registry_dir", default=".dateline/registry",
                           help="Folder of the embedded file-backed schema registry.")
        kafka.add_argument("--security-protocol", dest="security_protocol", default=None,
                           choices=["PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL"])
        kafka.add_argument("--sasl-mechanism", dest="sasl_mechanism", default=None,
                           choices=["PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512"])
        kafka.add_argument("--sasl-username", dest="sasl_username", default=None,
                           help="SASL user; the password comes only from DATELINE_KAFKA_SASL_PASSWORD.")
        kafka.add_argument("--ssl-cafile", dest="ssl_cafile", default=None)
        kafka.add_argument("--ssl-certfile", dest="ssl_certfile", default=None)
        kafka.add_argument("--ssl-keyfile", dest="ssl_keyfile", default=None)
        kafka.add_argument("--no-restore-state", dest="restore_state", action="store_false", default=True,
                           help="Do not rebuild deduplication state from the event topics at start.")

        proc = parser.add_argument_group("processing")
        proc.add_argument("--max-article-bytes", dest="max_article_bytes", type=int,
                          default=DEFAULT_MAX_ARTICLE_BYTES, help="Articles above this size are dead-lettered.")
        proc.add_argument("--dedup-retention-days", dest="dedup_retention_days", type=float, default=None,
                          help="Days (of publication time) in which a new mention can still join an earlier event "
                               "(default: 14 days on Kafka; unlimited in file mode, which is bounded anyway).")
        proc.add_argument("--extract-batch-size", dest="extract_batch_size", type=int, default=16,
                          help="Articles parsed together by spaCy's nlp.pipe.")
        proc.add_argument("--extract-processes", dest="extract_processes", type=int, default=None,
                          help="Processes sharing each batch's extraction: the worker and helpers forked from it "
                               "(one model in memory, copied on write). Default: 2 in file mode on the local "
                               "runner when the machine has 2 cores or more, else 1 (Kafka mode, cluster runners, "
                               "which run workers of their own).")
