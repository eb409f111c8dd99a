"""What a valid Article is, and the one text layout that mention offsets refer to."""
from __future__ import annotations

import datetime as dt
import json
from typing import Any, Callable, Optional

from connectors.records import RawRecord
from pipeline.deadletters import Rejected
from schemas import codec

#: Default cap on title + body, in bytes of UTF-8 (configurable with --max-article-bytes).
DEFAULT_MAX_ARTICLE_BYTES = 1024 * 1024

#: Cap on the text the extractor sees (title, blank line, body), in characters: spaCy's default
#: ``nlp.max_length``, above which it refuses a text. Checked here so that such an article is refused as
#: too large when it is read, not failed later by the extractor.
MAX_ARTICLE_CHARS = 1_000_000

#: Caps on the metadata fields, in characters: they are copied into every mention of every event.
MAX_FIELD_CHARS = {"article_id": 1024, "source": 1024, "url": 8192, "language": 64}

#: Earliest and latest publication dates accepted; outside them a date is a producer's bug, not news.
EARLIEST = dt.datetime(1900, 1, 1, tzinfo=dt.timezone.utc)
LATEST_AHEAD = dt.timedelta(days=2)


def article_text(article: dict) -> str:
    """Title, a blank line, then the body: character offsets in mentions index this string."""
    title = (article.get("title") or "").strip()
    return f"{title}\n\n{article['body']}" if title else article["body"]


def parse_published_at(value: Any) -> dt.datetime:
    """ISO-8601 date or datetime (or epoch milliseconds) to an aware UTC datetime."""
    if isinstance(value, dt.datetime):
        parsed = value
    elif isinstance(value, dt.date):
        parsed = dt.datetime(value.year, value.month, value.day)
    elif isinstance(value, (int, float)) and not isinstance(value, bool):
        try:
            parsed = dt.datetime.fromtimestamp(value / 1000, dt.timezone.utc)
        except (ValueError, OverflowError, OSError):  # NaN, infinity, years before 1 or after 9999
            raise Rejected("invalid_date", f"published_at {str(value)[:40]} is not a time in epoch milliseconds "
                                           "between 1900 and now") from None
    elif isinstance(value, str) and value.strip():
        text = value.strip()
        if text.endswith("Z"):
            text = text[:-1] + "+00:00"
        try:
            parsed = dt.datetime.fromisoformat(text)
        except ValueError:
            raise Rejected("invalid_date", f"published_at {value[:80]!r} is not an ISO-8601 date or datetime") from None
    else:
        raise Rejected("invalid_date", f"published_at must be an ISO-8601 string, got {type(value).__name__}")
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=dt.timezone.utc)
    try:
        parsed = parsed.astimezone(dt.timezone.utc)
    except OverflowError:  # e.g. 9999-12-31T23:59-23:59, which is in the year 10000 in UTC
        raise Rejected("invalid_date", f"published_at {str(value)[:80]!r} is outside 1900 to now") from None
    if not EARLIEST <= parsed <= dt.datetime.now(dt.timezone.utc) + LATEST_AHEAD:
        raise Rejected("invalid_date", f"published_at {parsed.isoformat()} is outside 1900 to now")
    return parsed


def validate(fields: dict, max_bytes: int = DEFAULT_MAX_ARTICLE_BYTES) -> dict:
    """An Article record from loosely typed fields, or Rejected saying exactly what is wrong."""
    if not isinstance(fields, dict):
        raise Rejected("not_an_object", f"an article must be a JSON object, got {type(fields).__name__}")
    for name in ("article_id", "source", "body"):
        value = fields.get(name)
        if value is None:
            raise Rejected("missing_field", f"required field {name!r} is missing")
        if not isinstance(value, str):
            raise Rejected("wrong_type", f"field {name!r} must be a string, got {type(value).__name__}")
        if not value.strip():
            raise Rejected("empty_field", f"field {name!r} is empty")
    for name in ("title", "url", "language"):
        if fields.get(name) is not None and not isinstance(fields[name], str):
            raise Rejected("wrong_type", f"field {name!r} must be a string, got {type(fields[name]).__name__}")
    if "published_at" not in fields or fields["published_at"] is None or (
            isinstance(fields["published_at"], str) and not fields["published_at"].strip()):
        raise Rejected("missing_field", "required field 'published_at' is missing")
    for name, cap in MAX_FIELD_CHARS.items():
        value = fields.get(name)
        if value is not None and len(value) > cap:
            raise Rejected("too_large", f"field {name!r} is {len(value)} characters, over the cap of {cap}")
    title = fields.get("title") or ""
    size = len(fields["body"].encode("utf-8", "surrogatepass")) + len(title.encode("utf-8", "surrogatepass"))
    if size > max_bytes:
        raise Rejected("too_large", f"article is {size} bytes, over the cap of {max_bytes} bytes")
    chars = len(fields["body"]) + len(title.strip()) + 2
    if chars > MAX_ARTICLE_CHARS:
        raise Rejected("too_large", f"article is {chars} characters, over the extractor's limit of "
                                    f"{MAX_ARTICLE_CHARS} characters")
    for name in ("article_id", "source", "url", "title", "body", "language"):
        value = fields.get(name)
        if value is not None and _has_surrogate(value):
            raise Rejected("invalid_text", f"field {name!r} contains an unpaired UTF-16 surrogate (such as a lone "
                                           "\\ud800 escape in JSON), which cannot be stored as UTF-8")
    language = (fields.get("language") or "").strip().lower() or None
    if language and not language.startswith("en"):
        raise Rejected("unsupported_language", f"language {language!r} is not extracted (English only)")
    return {
        "article_id": fields["article_id"].strip(),
        "source": fields["source"].strip(),
        "url": fields.get("url") or None,
        "published_at": parse_published_at(fields["published_at"]),
        "title": (fields.get("title") or "").strip(),
        "body": fields["body"],
        "language": language,
    }


def _has_surrogate(text: str) -> bool:
    if text.isascii():
        return False
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _decode_utf8(data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise Rejected("invalid_utf8", f"payload is not UTF-8 (byte {exc.start}: {exc.reason})") from None


def from_json(data: bytes) -> dict:
    text = _decode_utf8(data)
    try:
        fields = json.loads(text)
    except RecursionError:
        raise Rejected("invalid_json", "payload is not JSON we read: nested too deeply") from None
    except ValueError as exc:  # JSONDecodeError, and integers over Python's 4300-digit limit
        raise Rejected("invalid_json", f"payload is not JSON: {exc}") from None
    return fields


def from_text(data: bytes, hints: dict) -> dict:
    """A plain-text article: the first line is the headline, the rest the body; metadata from hints."""
    text = _decode_utf8(data)
    title, _, body = text.lstrip("\ufeff").partition("\n")
    return {**hints, "title": title.strip(), "body": body.strip() + "\n" if body.strip() else ""}


SchemaLookup = Callable[[int], Optional[dict]]


def from_confluent_avro(data: bytes, writer_schema: SchemaLookup) -> dict:
    try:
        schema_id, body = codec.unframe(data)
    except codec.WireFormatError:
        raise Rejected("invalid_avro", f"payload starts with byte 0 (Confluent-framed Avro) but is only "
                                       f"{len(data)} bytes, too short for the 5-byte header") from None
    schema = writer_schema(schema_id)
    if schema is None:
        raise Rejected("unknown_schema_id", f"schema id {schema_id} is not in the schema registry")
    try:
        return codec.decode(codec.ARTICLE, body, writer=schema)
    except Exception as exc:
        raise Rejected("invalid_avro", f"Avro body does not match schema id {schema_id} as an Article: {exc}") from None


def parse_raw(raw: RawRecord, writer_schema: SchemaLookup | None = None,
              max_bytes: int = DEFAULT_MAX_ARTICLE_BYTES) -> dict:
    """A RawRecord to a valid Article, whatever road it came by; Rejected otherwise."""
    if not raw.payload:
        raise Rejected("empty", "payload is empty")
    if len(raw.payload) > 4 * max_bytes:
        raise Rejected("too_large", f"payload is {len(raw.payload)} bytes, far over the cap of {max_bytes} bytes")
    fmt = raw.format
    if fmt == "auto":
        fmt = "confluent" if raw.payload[:1] == b"\x00" else "json"
    if fmt == "json":
        fields = from_json(raw.payload)
    elif fmt == "text":
        fields = from_text(raw.payload, raw.hints or {})
    elif fmt == "avro":
        try:
            fields = codec.decode(codec.ARTICLE, raw.payload)
        except Exception as exc:
            raise Rejected("invalid_avro", f"Avro body is not an Article: {exc}") from None
    elif fmt == "confluent":
        if writer_schema is None:
            raise Rejected("unknown_schema_id", "Confluent-framed Avro arrived but no schema registry is configured")
        fields = from_confluent_avro(raw.payload, writer_schema)
    else:
        raise Rejected("unsupported_format", (raw.hints or {}).get("reason", f"unsupported input format {fmt!r}"))
    return validate(fields, max_bytes)
