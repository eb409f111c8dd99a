"""Gazetteers loaded from the data files beside this module: leaders, countries, organisations, titles,
asset words and trigger words. Code elsewhere asks questions of these; it never lists names itself.
"""
from __future__ import annotations

import datetime as dt
import json
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Optional

import pycountry

DATA = Path(__file__).resolve().parent / "data"


def fold(text: str) -> str:
    """Lower case without accents or curly quotes: 'François' and 'Francois' are one key."""
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u2013", "-").replace("\u2014", "-")
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)).lower().strip()


@dataclass(frozen=True)
class Office:
    name: str
    country: Optional[str]
    org: Optional[str]
    role: str
    sector: str
    start: dt.date
    end: Optional[dt.date]

    def holds_on(self, day: Optional[dt.date]) -> bool:
        if day is None:
            return True
        return self.start - dt.timedelta(days=31) <= day and (self.end is None or day <= self.end + dt.timedelta(days=31))


@dataclass
class Gazetteer:
    offices_by_alias: dict[str, list[Office]] = field(default_factory=dict)
    offices_by_post: dict[tuple, list[Office]] = field(default_factory=dict)
    #: folded surface form -> (alpha-3, kind) where kind is name, demonym, capital, city or a metonym sector
    places: dict[str, tuple[str, str]] = field(default_factory=dict)
    country_names: dict[str, str] = field(default_factory=dict)
    orgs: dict[str, str] = field(default_factory=dict)
    adversaries: dict[str, str] = field(default_factory=dict)
    campaigns: dict[str, str] = field(default_factory=dict)
    titles: dict[str, dict] = field(default_factory=dict)
    assets: dict[str, str] = field(default_factory=dict)
    triggers: dict = field(default_factory=dict)

    # -- questions -------------------------------------------------------------------------------------
    def leader(self, surface: str, day: Optional[dt.date], country: Optional[str] = None) -> Optional[Office]:
        """The office holder a name denotes on a date ('Putin' in 2015 is Russia's president)."""
        offices = self.offices_by_alias.get(fold(surface), [])
        if country:
            offices = [o for o in offices if o.country == country] or offices
        current = [o for o in offices if o.holds_on(day)]
        pool = current or offices
        if not pool:
            return None
        rank = {"GOV": 0, "MIL": 1}
        return sorted(pool, key=lambda o: (not o.holds_on(day), _role_rank(o.role), rank.get(o.sector, 2)))[0]

    def holder(self, country: Optional[str], role: str, day: Optional[dt.date], org: Optional[str] = None) -> Optional[Office]:
        """Who held an office on a date ('the French president' on 2015-11-26)."""
        offices = self.offices_by_post.get((country or org, role), [])
        current = [o for o in offices if o.holds_on(day)] if day else []
        if len(current) == 1:
            return current[0]
        if len(current) > 1:  # handovers: the holder whose term is most inside the date wins
            return max(current, key=lambda o: o.start)
        return None

    def country_of(self, surface: str) -> Optional[tuple[str, str]]:
        return self.places.get(fold(surface).removeprefix("the "))

    def country_name(self, alpha3: str) -> str:
        return self.country_names.get(alpha3, alpha3)

    def title(self, surface: str) -> Optional[dict]:
        return self.titles.get(fold(surface))


def _role_rank(role: str) -> int:
    order = ["President", "Prime Minister", "Chancellor", "King", "Queen", "Emir", "Supreme Leader"]
    return order.index(role) if role in order else len(order)


def _date(text: Optional[str]) -> Optional[dt.date]:
    return dt.date.fromisoformat(text) if text else None


def _load_json(name: str) -> dict:
    path = DATA / name
    if not path.exists():
        return {}
    data = json.loads(path.read_text(encoding="utf-8"))
    return {k: v for k, v in data.items() if not k.startswith("_")}


@lru_cache(maxsize=1)
def load() -> Gazetteer:
    g = Gazetteer()
    _load_countries(g)
    _load_leaders(g)
    _load_orgs(g)
    for surface, info in _load_json("titles.json").items():
        g.titles[fold(surface)] = info
    for category, words in _load_json("assets.json").items():
        for word in words:
            g.assets[fold(word)] = category
    g.triggers = _load_json("triggers.json")
    return g


def _load_countries(g: Gazetteer) -> None:
    for country in pycountry.countries:
        a3 = country.alpha_3
        g.country_names[a3] = getattr(country, "common_name", None) or country.name
        for name in {country.name, getattr(country, "common_name", None), getattr(country, "official_name", None)} - {None}:
            g.places.setdefault(fold(name), (a3, "name"))
    for a3, info in _load_json("countries.json").items():
        names = info.get("names") or []
        if names:
            g.country_names[a3] = names[0]
        for kind in ("names", "demonyms", "capitals", "cities"):
            for surface in info.get(kind) or []:
                g.places[fold(surface)] = (a3, kind[:-1] if kind != "cities" else "city")
        for surface, sector in (info.get("metonyms") or {}).items():
            g.places[fold(surface)] = (a3, f"metonym:{sector}")


def _load_leaders(g: Gazetteer) -> None:
    path = DATA / "leaders.jsonl"
    if not path.exists():
        return
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("//"):
            continue
        rec = json.loads(line)
        if "name" not in rec:
            continue
        office = Office(rec["name"], rec.get("country"), rec.get("org"), rec["role"], rec.get("sector", "GOV"),
                        _date(rec.get("start")) or dt.date(1900, 1, 1), _date(rec.get("end")))
        for alias in {rec["name"], *rec.get("aliases", [])}:
            g.offices_by_alias.setdefault(fold(alias), []).append(office)
        g.offices_by_post.setdefault((office.country or office.org, office.role), []).append(office)


def _load_orgs(g: Gazetteer) -> None:
    data = _load_json("organizations.json")
    for key, value in data.items():
        if key in ("adversaries", "campaigns"):
            continue
        if isinstance(value, dict):
            for surface in [key, *(value.get("names") or [])]:
                g.orgs[fold(surface)] = value.get("code", key)
    for canonical, surfaces in (data.get("adversaries") or {}).items():
        for surface in [canonical, *(surfaces if isinstance(surfaces, list) else surfaces.get("names", []))]:
            g.adversaries[fold(surface)] = canonical
    for canonical, surfaces in (data.get("campaigns") or {}).items():
        for surface in [canonical, *(surfaces if isinstance(surfaces, list) else surfaces.get("names", []))]:
            g.campaigns[fold(surface)] = canonical


def prefilter_stems() -> list[str]:
    return _load_json("prefilter.json").get("stems", [])
