"""Avro schemas of Dateline (every published version under avro/vN/) and the one codec for them."""
