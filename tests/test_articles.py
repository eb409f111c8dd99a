"""Parsing raw input into Articles: good input in every format, and bad input rejected with a reason."""
import datetime as dt
import json

import pytest

from connectors.records import RawRecord
from pipeline import articles
from pipeline.deadletters import Rejected
from schemas import codec

GOOD = {"article_id": "a1", "source": "example.org", "url": "https://example.org/a1",
        "published_at": "2019-03-14T09:30:00Z", "title": "Leaders meet", "body": "Macron met Merkel in Paris.",
        "language": "en"}


def raw_json(fields, **kw):
    return RawRecord(payload=json.dumps(fields).encode(), format="json", **kw)


def test_json_article_is_parsed_with_an_aware_utc_timestamp():
    a = articles.parse_raw(raw_json(GOOD))
    assert a["published_at"] == dt.datetime(2019, 3, 14, 9, 30, tzinfo=dt.timezone.utc)
    assert articles.article_text(a) == "Leaders meet\n\nMacron met Merkel in Paris."


def test_date_only_and_offset_datetimes_normalise_to_utc():
    assert articles.parse_published_at("2015-11-26") == dt.datetime(2015, 11, 26, tzinfo=dt.timezone.utc)
    assert articles.parse_published_at("2015-11-26T01:00:00+02:00").hour == 23


def test_text_article_takes_headline_from_first_line_and_metadata_from_hints():
    raw = RawRecord(payload="Headline here\nBody line one.\nBody two.\n".encode(), format="text",
                    hints={"article_id": "x", "source": "s.com", "published_at": "2020-01-02"})
    a = articles.parse_raw(raw)
    assert a["title"] == "Headline here" and a["body"].startswith("Body line one.")


def test_avro_body_and_confluent_frame_decode_to_the_same_article():
    a = articles.validate(GOOD)
    body = codec.encode(codec.ARTICLE, a)
    assert articles.parse_raw(RawRecord(payload=body, format="avro")) == a
    schema = codec.schema(codec.ARTICLE)
    framed = codec.frame(7, body)
    assert articles.parse_raw(RawRecord(payload=framed, format="auto"), lambda i: schema if i == 7 else None) == a
    with pytest.raises(Rejected) as err:
        articles.parse_raw(RawRecord(payload=codec.frame(8, body), format="auto"), lambda i: schema if i == 7 else None)
    assert err.value.error_type == "unknown_schema_id"


@pytest.mark.parametrize("payload,error_type", [
    (b"", "empty"),
    (b"{not json", "invalid_json"),
    (b"\xff\xfe\x00garbage", "invalid_utf8"),
    (b"[1, 2]", "not_an_object"),
    (json.dumps({**GOOD, "body": ""}).encode(), "empty_field"),
    (json.dumps({k: v for k, v in GOOD.items() if k != "source"}).encode(), "missing_field"),
    (json.dumps({**GOOD, "article_id": 5}).encode(), "wrong_type"),
    (json.dumps({**GOOD, "published_at": "yesterday-ish"}).encode(), "invalid_date"),
    (json.dumps({**GOOD, "published_at": "9999-01-01"}).encode(), "invalid_date"),
    (json.dumps({**GOOD, "language": "fr"}).encode(), "unsupported_language"),
])
def test_bad_payloads_are_rejected_with_a_type_and_a_message(payload, error_type):
    with pytest.raises(Rejected) as err:
        articles.parse_raw(RawRecord(payload=payload, format="auto"))
    assert err.value.error_type == error_type
    assert str(err.value)


def test_size_cap_is_configurable():
    big = {**GOOD, "body": "word " * 1000}
    articles.parse_raw(raw_json(big), max_bytes=10_000)
    with pytest.raises(Rejected) as err:
        articles.parse_raw(raw_json(big), max_bytes=1_000)
    assert err.value.error_type == "too_large"
