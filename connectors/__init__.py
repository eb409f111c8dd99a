"""Everything that touches the outside world: files, Kafka, schema registries, the embedded broker.

Connectors know bytes, offsets and schemas; they know nothing of meetings.
"""
