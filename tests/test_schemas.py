"""Schemas: every published version parses, round-trips real Avro bytes, and new versions read old data."""
import io
import itertools

import fastavro
import pytest
from fastavro.utils import generate_many

from schemas import codec

TOP_LEVEL = [codec.ARTICLE, codec.MEETING, codec.MILITARY_CONTRIBUTION, codec.DEAD_LETTER]


@pytest.mark.parametrize("name", TOP_LEVEL)
def test_random_records_round_trip_as_bytes_and_container(name):
    schema = codec.schema(name)
    records = list(generate_many(schema, 25))
    for record in records:
        body = codec.encode(name, record)
        decoded = codec.decode(name, body)
        assert codec.encode(name, decoded) == body  # logical types come back as dates, the bytes agree
        framed = codec.frame(42, body)
        assert codec.unframe(framed) == (42, body)
    buf = io.BytesIO()
    codec.write_container(buf, name, records)
    buf.seek(0)
    assert [codec.encode(name, r) for r in codec.read_container(buf, name)] == [codec.encode(name, r) for r in records]


@pytest.mark.parametrize("name", TOP_LEVEL)
def test_every_field_is_documented_and_optional_fields_default_to_null(name):
    def walk(schema):
        if isinstance(schema, dict) and schema.get("type") == "record":
            for f in schema["fields"]:
                assert f.get("doc"), f"{schema['name']}.{f['name']} has no doc"
                t = f["type"]
                if isinstance(t, list) and t[0] == "null":
                    assert "default" in f and f["default"] is None, f"{f['name']} must default to null"
                yield from walk(t)
        elif isinstance(schema, list):
            for s in schema:
                yield from walk(s)
        elif isinstance(schema, dict) and schema.get("type") == "enum":
            assert "default" in schema, f"enum {schema['name']} needs a default symbol"
        elif isinstance(schema, dict) and schema.get("type") == "array":
            yield from walk(schema["items"])
        yield None
    list(walk(codec.schema(name)))


def test_unframe_rejects_bytes_without_the_magic_byte():
    with pytest.raises(codec.WireFormatError):
        codec.unframe(b"{\"article_id\": 1}")
    with pytest.raises(codec.WireFormatError):
        codec.unframe(b"\x00\x00")


def test_encode_refuses_an_invalid_record_instead_of_writing_half_of_it():
    with pytest.raises(Exception):
        codec.encode(codec.ARTICLE, {"article_id": "a"})


@pytest.mark.parametrize("name", TOP_LEVEL)
def test_backward_transitive_every_version_reads_data_of_all_earlier_versions(name):
    """BACKWARD_TRANSITIVE: a reader with version N decodes what any writer of version < N wrote."""
    versions = [v for v in codec.versions() if name in codec.names(v)]
    assert versions, f"{name} was never published"
    for old, new in itertools.combinations_with_replacement(versions, 2):
        writer, reader = codec.schema(name, old), codec.schema(name, new)
        for record in generate_many(writer, 20):
            buf = io.BytesIO()
            fastavro.schemaless_writer(buf, writer, record)
            buf.seek(0)
            fastavro.schemaless_reader(buf, writer, reader)  # raises on an incompatible change


def test_schema_text_is_self_contained_for_a_registry():
    text = codec.schema_text(codec.MEETING)
    parsed = fastavro.parse_schema(__import__("json").loads(text))
    assert parsed["name"] == codec.MEETING
    assert "dateline.Actor" in text
