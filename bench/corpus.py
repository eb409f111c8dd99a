"""The benchmark corpus: several hundred varied articles made deterministically from the test articles.

Two kinds of article, shuffled together as in a real feed:

- **Event articles** (about 70%): a test article that has gold events (tests/data/articles/*.jsonl and
  tests/data/dedup/articles.jsonl), moved to another era and re-attributed. The publication date is
  shifted by a whole number of weeks close to a whole number of years (so "on Monday" keeps its meaning),
  four-digit years in the text move with it, and every office holder the article names is swapped for
  whoever held the same office (same role, same country or organisation, from
  pipeline/extract/data/leaders.jsonl) on the new date. Outlet, URL and article_id change; some get
  background paragraphs appended, some are cut down to a flash (title and first paragraphs).
- **Filler articles** (about 30%): long articles of 600-1200 words with no event at all (economy,
  sports, weather, elections...), recombined from the paragraphs of the no-event trap articles in
  tests/data/articles/traps.jsonl.

Articles come in publication order, as in a feed. The same seed and size give byte-identical output on
any machine (no clock, no set order).

    python -m bench.corpus --articles 400 --seed 7 --out corpus.jsonl
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import re
import statistics
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from pipeline.extract.gazetteer import leader_records

ROOT = Path(__file__).resolve().parent.parent
TEST_DATA = ROOT / "tests" / "data"
LEADERS = ROOT / "pipeline" / "extract" / "data" / "leaders.jsonl"

DEFAULT_ARTICLES = 400
DEFAULT_SEED = 7
FILLER_SHARE = 0.30
FILLER_WORDS = (600, 1200)
#: Eras event articles are moved to (publication years); the leaders data covers them.
YEARS = (2004, 2025)
#: Publication dates of filler articles: the era of the trap articles their paragraphs come from (their
#: opposition leaders are not yet in office, their companies are companies).
FILLER_DATES = (dt.datetime(2020, 1, 1, tzinfo=dt.timezone.utc), dt.datetime(2023, 10, 31, tzinfo=dt.timezone.utc))
#: Latest publication date handed out: fixed, so the corpus does not depend on today's date.
LATEST = dt.datetime(2025, 6, 30, tzinfo=dt.timezone.utc)

EXTRA_OUTLETS = ("reuters.com", "apnews.com", "afp.com", "bbc.co.uk", "dw.com", "aljazeera.com",
                 "theguardian.com", "france24.com", "nhk.or.jp", "scmp.com", "thehindu.com", "ft.com")
_YEAR = re.compile(r"(?<![\d,.])(19[89]\d|20[0-3]\d)(?![\d,])")


@dataclass(frozen=True)
class Office:
    name: str
    aliases: tuple[str, ...]
    post: tuple            # (country, org, role): the same office across holders
    start: dt.date
    end: Optional[dt.date]

    def holds(self, day: dt.date, slack_days: int = 0) -> bool:
        slack = dt.timedelta(days=slack_days)
        return self.start - slack <= day and (self.end is None or day <= self.end + slack)

    @property
    def surname(self) -> str:
        single = [a for a in self.aliases if " " not in a and len(a) > 2]
        return single[0] if single else self.name.split()[-1]


def _read_jsonl(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def load_offices(path: Path = LEADERS) -> list[Office]:
    offices = []
    for row in leader_records(path):
        offices.append(Office(
            name=row["name"],
            aliases=tuple(a for a in row.get("aliases", []) if len(a) > 2),
            post=(row.get("country"), row.get("org"), row["role"]),
            start=dt.date.fromisoformat(row["start"]),
            end=dt.date.fromisoformat(row["end"]) if row.get("end") else None,
        ))
    return offices


def load_sources() -> tuple[list[dict], list[dict]]:
    """(event templates, no-event trap articles) from the test data."""
    gold_ids = set()
    for path in sorted((TEST_DATA / "gold").glob("*.jsonl")):
        gold_ids.update(row["article_id"] for row in _read_jsonl(path))
    main = [a for path in sorted((TEST_DATA / "articles").glob("*.jsonl")) for a in _read_jsonl(path)]
    dedup = _read_jsonl(TEST_DATA / "dedup" / "articles.jsonl")
    templates = [a for a in main if a["article_id"] in gold_ids] + dedup
    traps = [a for a in _read_jsonl(TEST_DATA / "articles" / "traps.jsonl") if a["article_id"] not in gold_ids]
    return templates, traps


def _parse_when(value: str) -> dt.datetime:
    when = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    return when if when.tzinfo else when.replace(tzinfo=dt.timezone.utc)


def _iso(when: dt.datetime) -> str:
    return when.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def _paragraphs(body: str) -> list[str]:
    return [p.strip() for p in body.split("\n\n") if p.strip()]


def words(article: dict) -> int:
    return len(f"{article.get('title', '')}\n\n{article['body']}".split())


class LeaderSwap:
    """Renames the office holders an article names to those holding the same offices on another date."""

    def __init__(self, offices: list[Office]):
        self.offices = offices
        self._forms: list[tuple[str, Office]] = []
        for o in offices:
            for form in (o.name, *o.aliases):
                self._forms.append((form, o))
        self._forms.sort(key=lambda f: (-len(f[0]), f[0], f[1].name))

    def named(self, text: str, day: dt.date) -> dict[Office, set[str]]:
        """Office holders (on ``day``) the text names, with the surface forms used."""
        found: dict[Office, set[str]] = {}
        for form, office in self._forms:
            if form in text and office.holds(day, 31) and re.search(
                    rf"(?<![\w-]){re.escape(form)}(?![\w-])", text):
                found.setdefault(office, set()).add(form)
        return found

    def successor(self, office: Office, day: dt.date) -> Optional[Office]:
        holders = sorted((o for o in self.offices if o.post == office.post and o.holds(day)),
                         key=lambda o: (o.start, o.name))
        return holders[0] if holders else None

    def mapping(self, text: str, old_day: dt.date, new_day: dt.date) -> dict[str, str]:
        mapping: dict[str, str] = {}
        for office, forms in sorted(self.named(text, old_day).items(), key=lambda kv: kv[0].name):
            new = self.successor(office, new_day)
            if new is None or new.name == office.name:
                continue
            for form in forms:
                if form == office.name or " " in form:
                    mapping.setdefault(form, new.name)
                else:
                    mapping.setdefault(form, new.surname)
        return mapping

    @staticmethod
    def apply(text: str, mapping: dict[str, str]) -> str:
        if not mapping:
            return text
        pattern = re.compile(r"(?<![\w-])(" + "|".join(re.escape(f) for f in sorted(mapping, key=len, reverse=True))
                             + r")(?![\w-])")
        return pattern.sub(lambda m: mapping[m.group(1)], text)


def _shift_years(text: str, years: int) -> str:
    if not years:
        return text
    return _YEAR.sub(lambda m: str(int(m.group(1)) + years), text)


def _filler_article(rng: random.Random, traps: list[dict], pool: list[str], n: int, outlets: list[str]) -> dict:
    target = rng.randint(*FILLER_WORDS)
    paragraphs: list[str] = []
    count = 0
    order = list(range(len(pool)))
    rng.shuffle(order)
    i = 0
    while count < target:
        paragraph = pool[order[i % len(order)]]
        i += 1
        paragraphs.append(paragraph)
        count += len(paragraph.split())
    title_from = traps[rng.randrange(len(traps))]
    first, last = FILLER_DATES
    published = first + dt.timedelta(days=rng.randrange((last - first).days), minutes=rng.randrange(24 * 60))
    source = outlets[rng.randrange(len(outlets))]
    article_id = f"bench-{n:05d}-filler"
    return {
        "article_id": article_id,
        "source": source,
        "url": f"https://www.{source}/news/{article_id}",
        "published_at": _iso(published),
        "title": title_from["title"],
        "body": "\n\n".join(paragraphs) + "\n",
        "language": "en",
        "bench_kind": "filler",
        "bench_template": None,
    }


def _event_article(rng: random.Random, template: dict, swap: LeaderSwap, pool: list[str], n: int,
                   outlets: list[str]) -> dict:
    published = _parse_when(template["published_at"])
    if rng.random() < 0.25:
        years = 0  # kept in its own era: only outlet, id and length change
    else:
        years = rng.randint(*YEARS) - published.year
    shifted = published + dt.timedelta(days=7 * round(years * 365.2425 / 7))
    while shifted > LATEST:
        shifted -= dt.timedelta(days=364)
    years = round((shifted - published).days / 365.2425)
    title, body = template.get("title") or "", template["body"]
    mapping = swap.mapping(f"{title}\n\n{body}", published.date(), shifted.date())
    title = LeaderSwap.apply(_shift_years(title, years), mapping)
    body = LeaderSwap.apply(_shift_years(body, years), mapping)
    paragraphs = _paragraphs(body)
    shape = rng.random()
    if shape < 0.10 and len(paragraphs) > 2:
        paragraphs = paragraphs[:rng.randint(1, 2)]          # a flash: headline and lead only
    elif shape < 0.45:
        paragraphs += [pool[rng.randrange(len(pool))] for _ in range(rng.randint(1, 3))]  # background
    source = outlets[rng.randrange(len(outlets))]
    article_id = f"bench-{n:05d}-{template['article_id']}"
    return {
        "article_id": article_id,
        "source": source,
        "url": f"https://www.{source}/news/{article_id}",
        "published_at": _iso(shifted),
        "title": title,
        "body": "\n\n".join(paragraphs) + "\n",
        "language": "en",
        "bench_kind": "event",
        "bench_template": template["article_id"],
        "bench_swapped": sorted(f"{k} -> {v}" for k, v in mapping.items()),
    }


def build(n_articles: int = DEFAULT_ARTICLES, seed: int = DEFAULT_SEED,
          filler_share: float = FILLER_SHARE) -> list[dict]:
    """The corpus: article dicts as the pipeline reads them, plus ``bench_*`` fields it ignores."""
    rng = random.Random(seed)
    templates, traps = load_sources()
    swap = LeaderSwap(load_offices())
    pool = [p for t in traps for p in _paragraphs(t["body"])]
    outlets = sorted({a["source"] for a in templates} | set(EXTRA_OUTLETS))
    n_filler = round(n_articles * filler_share)
    kinds = ["filler"] * n_filler + ["event"] * (n_articles - n_filler)
    rng.shuffle(kinds)
    order: list[dict] = []
    corpus = []
    for n, kind in enumerate(kinds):
        if kind == "filler":
            corpus.append(_filler_article(rng, traps, pool, n, outlets))
            continue
        if not order:  # every template once before any twice
            order = list(templates)
            rng.shuffle(order)
        corpus.append(_event_article(rng, order.pop(), swap, pool, n, outlets))
    # A feed arrives roughly in publication order; so does this corpus. (It matters to the streaming job,
    # whose deduplication window follows the newest event date it has seen.)
    corpus.sort(key=lambda a: (a["published_at"], a["article_id"]))
    for i, article in enumerate(corpus):
        article["article_id"] = f"bench-{i:05d}-{article['bench_template'] or 'filler'}"
        article["url"] = f"https://www.{article['source']}/news/{article['article_id']}"
    return corpus


def pipeline_fields(article: dict) -> dict:
    """The article without the benchmark's own bookkeeping fields."""
    return {k: v for k, v in article.items() if not k.startswith("bench_")}


def write_jsonl(articles: list[dict], path: str | Path) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        for article in articles:
            fh.write(json.dumps(pipeline_fields(article), ensure_ascii=False) + "\n")


def describe(corpus: list[dict]) -> dict:
    counts = [words(a) for a in corpus]
    filler = [words(a) for a in corpus if a.get("bench_kind") == "filler"]
    event = [words(a) for a in corpus if a.get("bench_kind") != "filler"]
    return {
        "articles": len(corpus),
        "event_articles": len(event),
        "filler_articles": len(filler),
        "words": sum(counts),
        "words_median": statistics.median(counts) if counts else 0,
        "words_max": max(counts) if counts else 0,
        "words_event_median": statistics.median(event) if event else 0,
        "words_filler_median": statistics.median(filler) if filler else 0,
        "templates_used": len({a["bench_template"] for a in corpus if a.get("bench_template")}),
        "articles_with_swapped_leaders": sum(1 for a in corpus if a.get("bench_swapped")),
        "outlets": len({a["source"] for a in corpus}),
    }


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.corpus", description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=DEFAULT_ARTICLES)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--out", default="-", help="JSON lines file ('-': standard output)")
    args = parser.parse_args(argv)
    corpus = build(args.articles, args.seed)
    if args.out == "-":
        for article in corpus:
            print(json.dumps(pipeline_fields(article), ensure_ascii=False))
    else:
        write_jsonl(corpus, args.out)
    print(json.dumps(describe(corpus)), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
