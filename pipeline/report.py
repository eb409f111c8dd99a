"""A readable table of events, for people at a terminal (``make run``, ``dateline show``)."""
from __future__ import annotations

import argparse
from typing import Iterable

from schemas import codec


def _who(a: dict | None) -> str:
    if not a:
        return "-"
    return f"{a['name']} ({a['country']})" if a.get("country") and a.get("role") else a["name"]


def rows(events: Iterable[dict]) -> list[list[str]]:
    out = []
    for e in sorted(events, key=lambda e: (e["event_type"], str(e.get("date")), e["event_id"])):
        place = (e.get("location") or {}).get("name") or "-"
        when = f"{e.get('date')} ({e['date_basis'].lower()}{': ' + e['date_text'] if e.get('date_text') else ''})"
        if e["event_type"] == "meeting":
            who = " + ".join(_who(p) for p in e["participants"])
            what = f"host: {_who(e.get('host'))}"
        else:
            who = f"{_who(e['contributor'])} -> {_who(e.get('recipient')) if e.get('recipient') else e.get('purpose') or '-'}"
            what = ", ".join(f"{a['quantity'] or ''} {a['description']} [{a['category']}]".strip() for a in e["assets"])
        out.append([e["event_type"], e["status"], who, place, when, what, f"{e['confidence']:.2f}",
                    str(e["num_sources"]), f"v{e['version']}"])
    return out


def table(events: Iterable[dict]) -> str:
    header = ["type", "status", "who", "where", "when", "details", "conf", "srcs", "ver"]
    body = rows(events)
    widths = [min(60, max(len(r[i]) for r in [header] + body)) for i in range(len(header))]
    line = lambda r: "  ".join(c[:w].ljust(w) for c, w in zip(r, widths))
    return "\n".join([line(header), line(["-" * w for w in widths])] + [line(r) for r in body])


def main(argv=None) -> int:
    from connectors.files import read_avro_dir

    parser = argparse.ArgumentParser(prog="dateline show", description="Print file-mode output as a table.")
    parser.add_argument("output", help="folder written by `dateline run --output`")
    args = parser.parse_args(argv)
    events = read_avro_dir(args.output, "meetings", codec.MEETING) + read_avro_dir(
        args.output, "military_contributions", codec.MILITARY_CONTRIBUTION)
    dead = read_avro_dir(args.output, "dead_letters", codec.DEAD_LETTER)
    print(table(events))
    print(f"\n{len(events)} events, {len(dead)} dead letters")
    for d in dead:
        print(f"  dead letter [{d['stage']}/{d['error_type']}] {d.get('source_path') or d.get('source_topic')}: {d['error_message']}")
    return 0
