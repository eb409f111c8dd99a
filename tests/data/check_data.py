"""Sanity check for the hand-written test data under tests/data (run: python3 tests/data/check_data.py).

Checks that every line parses, article ids are unique, every gold line points at an article in the
matching articles file, evidence occurs verbatim in title + "\n\n" + body, dates are valid, DATELINE
dates equal the publication date, a weekday named in a RELATIVE evidence matches the gold date, and
dedup gold lines all carry a cluster.  Prints counts; exits 1 on any problem.
"""
import datetime as dt
import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent
MEETING_STATUS = {"HELD", "PLANNED", "CANCELLED"}
CONTRIB_STATUS = {"ANNOUNCED", "PLEDGED", "APPROVED", "DELIVERED", "OFFERED", "REQUESTED"}
BASIS = {"EXPLICIT", "RELATIVE", "DATELINE"}
CATS = {"NAVAL", "AIR", "ISR", "REFUELING", "GROUND_FORCES", "WEAPONS", "TRAINING", "BASING", "FUNDING", "OTHER"}
ARTICLE_FIELDS = ["article_id", "source", "url", "published_at", "title", "body", "language"]
ALPHA3 = re.compile(r"^[A-Z]{3}$")
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

errors = []


def err(where, msg):
    errors.append(f"{where}: {msg}")


def load(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as e:
                err(f"{path.name}:{n}", f"invalid JSON ({e})")
    return rows


def check_articles(path, seen_ids):
    arts = {}
    for a in load(path):
        aid = a.get("article_id", "?")
        where = f"{path.relative_to(ROOT)}[{aid}]"
        for k in ARTICLE_FIELDS:
            if k not in a:
                err(where, f"missing field {k}")
        if aid in seen_ids:
            err(where, "duplicate article_id")
        seen_ids.add(aid)
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z", a.get("published_at", "")):
            err(where, "published_at not ISO-8601 with Z")
        else:
            dt.datetime.strptime(a["published_at"], "%Y-%m-%dT%H:%M:%SZ")
        if a.get("language") != "en":
            err(where, "language must be 'en'")
        if not a.get("body"):
            err(where, "empty body")
        arts[aid] = a
    return arts


def check_gold(path, arts, need_cluster):
    rows = load(path)
    for g in rows:
        aid = g.get("article_id")
        where = f"{path.relative_to(ROOT)}[{aid} / {g.get('evidence', '')[:40]!r}]"
        a = arts.get(aid)
        if a is None:
            err(where, "article_id not in matching articles file")
            continue
        text = a["title"] + "\n\n" + a["body"]
        ev = g.get("evidence", "")
        if not ev or ev not in text:
            err(where, "evidence is not a verbatim substring of title+body")
        try:
            d = dt.date.fromisoformat(g.get("date", ""))
        except ValueError:
            err(where, f"bad date {g.get('date')!r}")
            continue
        pub = dt.date.fromisoformat(a["published_at"][:10])
        basis = g.get("date_basis")
        if basis not in BASIS:
            err(where, f"bad date_basis {basis!r}")
        if basis == "DATELINE" and d != pub:
            err(where, "DATELINE date must equal publication date")
        if basis == "RELATIVE":
            named = [w for w in WEEKDAYS if re.search(rf"\b{w}\b", ev.lower())]
            if len(named) == 1 and WEEKDAYS[d.weekday()] != named[0] and "after" not in ev.lower():
                err(where, f"evidence names {named[0]} but date {d} is a {WEEKDAYS[d.weekday()]}")
        if need_cluster and not g.get("cluster"):
            err(where, "dedup gold line without cluster")
        et = g.get("event_type")
        if et == "meeting":
            if g.get("status") not in MEETING_STATUS:
                err(where, f"bad meeting status {g.get('status')!r}")
            parts = g.get("participants") or []
            if len(parts) < 2:
                err(where, "meeting needs at least two participants")
            names = set()
            for p in parts:
                names.add(p.get("name"))
                c = p.get("country")
                if c is None and not p.get("org"):
                    err(where, f"participant {p.get('name')} has neither country nor org")
                if c is not None and not ALPHA3.match(c):
                    err(where, f"bad country code {c!r}")
            if g.get("host") is not None and g["host"] not in names:
                err(where, f"host {g['host']!r} is not a participant")
            loc = g.get("location")
            if loc is not None and (not loc.get("name") or (loc.get("country") and not ALPHA3.match(loc["country"]))):
                err(where, f"bad location {loc!r}")
        elif et == "military_contribution":
            if g.get("status") not in CONTRIB_STATUS:
                err(where, f"bad contribution status {g.get('status')!r}")
            if not ALPHA3.match(g.get("contributor") or ""):
                err(where, f"bad contributor {g.get('contributor')!r}")
            if g.get("recipient") == g.get("contributor"):
                err(where, "recipient equals contributor")
            assets = g.get("assets") or []
            if not assets:
                err(where, "contribution without assets")
            for s in assets:
                if s.get("category") not in CATS:
                    err(where, f"bad asset category {s.get('category')!r}")
                q = s.get("quantity")
                if q is not None and (not isinstance(q, int) or q <= 0):
                    err(where, f"bad quantity {q!r}")
                if not s.get("description"):
                    err(where, "asset without description")
        else:
            err(where, f"bad event_type {et!r}")
    return rows


def main():
    seen = set()
    total_a, total = 0, Counter()
    art_with = Counter()
    no_event = 0
    for apath in sorted((ROOT / "articles").glob("*.jsonl")):
        arts = check_articles(apath, seen)
        gpath = ROOT / "gold" / apath.name
        if not gpath.exists():
            err(apath.name, "no matching gold file")
            continue
        gold = check_gold(gpath, arts, need_cluster=False)
        types_by_article = {}
        for g in gold:
            types_by_article.setdefault(g["article_id"], set()).add(g["event_type"])
            total[g["event_type"]] += 1
        for t in ("meeting", "military_contribution"):
            art_with[t] += sum(1 for s in types_by_article.values() if t in s)
        no_event += sum(1 for aid in arts if aid not in types_by_article)
        total_a += len(arts)
        print(f"{apath.name:24s} articles={len(arts):3d} meetings={sum(g['event_type']=='meeting' for g in gold):3d} "
              f"contributions={sum(g['event_type']=='military_contribution' for g in gold):3d} "
              f"no-event articles={sum(1 for aid in arts if aid not in types_by_article):3d}")
    print(f"{'TOTAL':24s} articles={total_a:3d} meetings={total['meeting']:3d} contributions={total['military_contribution']:3d} "
          f"no-event articles={no_event:3d}; articles with meetings={art_with['meeting']}, with contributions={art_with['military_contribution']}")

    h_arts = check_articles(ROOT / "heldout" / "articles.jsonl", seen)
    h_gold = check_gold(ROOT / "heldout" / "gold.jsonl", h_arts, need_cluster=False)
    print(f"heldout: articles={len(h_arts)} meetings={sum(g['event_type'] == 'meeting' for g in h_gold)} "
          f"contributions={sum(g['event_type'] == 'military_contribution' for g in h_gold)}")

    d_arts = check_articles(ROOT / "dedup" / "articles.jsonl", seen)
    d_gold = check_gold(ROOT / "dedup" / "gold.jsonl", d_arts, need_cluster=True)
    clusters = {}
    for g in d_gold:
        src = d_arts[g["article_id"]]["source"] if g["article_id"] in d_arts else "?"
        c = clusters.setdefault(g["cluster"], {"type": g["event_type"], "sources": [], "articles": []})
        c["sources"].append(src)
        c["articles"].append(g["article_id"])
        if c["type"] != g["event_type"]:
            err(g["cluster"], "cluster mixes event types")
    for name, c in clusters.items():
        if len(c["articles"]) != len(set(c["articles"])):
            err(name, "cluster appears twice in one article")
    multi = sum(1 for c in clusters.values() if len(set(c["sources"])) >= 3)
    print(f"dedup: articles={len(d_arts)} gold lines={len(d_gold)} clusters={len(clusters)} "
          f"clusters reported by >=3 outlets={multi}")
    for name, c in sorted(clusters.items()):
        print(f"  {name:45s} {c['type']:22s} outlets={len(set(c['sources']))}")

    if errors:
        print(f"\n{len(errors)} problem(s):")
        for e in errors:
            print("  " + e)
        sys.exit(1)
    print("\nOK")


if __name__ == "__main__":
    main()
