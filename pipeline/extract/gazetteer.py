"""Gazetteers loaded from the data files beside this module: leaders, countries, organisations, titles,
asset words and trigger words. Code elsewhere asks questions of these; it never lists names itself.
"""
from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Optional

import pycountry

from pipeline.extract.prefilter import dateline_end

DATA = Path(__file__).resolve().parent / "data"


def fold(text: str) -> str:
    """Lower case without accents or curly quotes: 'François' and 'Francois' are one key."""
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u2013", "-").replace("\u2014", "-")
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)).lower()
    return " ".join(text.replace(" - ", "-").replace("-", " ").split())  # 'Kim Jong-un' is 'Kim Jong Un' 


#: Crowned heads: of the heads of state, the ones a title names only among themselves.
MONARCHS = {"King", "Queen", "Monarch", "Emperor", "Emir", "Sultan", "Grand Duke"}

#: Offices whose holders a story still calls by surname alone long after they left ('Thatcher', 'Gorbachev');
#: a minister's surname alone names him only within SURNAME_YEARS of his term, a leader's within
#: LEADER_SURNAME_YEARS, else it is some namesake's (a story told of an earlier era is read at that era's date).
LASTING_NAMES = {"President", "Prime Minister", "Chancellor", "Premier", "General Secretary", "Chairman",
                 "Supreme Leader", "Head of State", "Secretary-General"} | MONARCHS
SURNAME_YEARS = 12
LEADER_SURNAME_YEARS = 40


#: Letters that do not decompose into a base letter and an accent.
UNDECOMPOSED = str.maketrans({"Đ": "D", "đ": "d", "Ł": "L", "ł": "l", "Ø": "O", "ø": "o", "ı": "i", "ß": "ss",
                              "Ð": "D", "ð": "d", "Æ": "Ae", "æ": "ae", "Þ": "Th", "þ": "th", "Œ": "Oe", "œ": "oe"})


def ascii_name(name: str) -> str:
    """The canonical spelling of a name is ASCII ('Felix Tshisekedi', 'Dusko Markovic'); the written one is an
    alias."""
    text = unicodedata.normalize("NFKD", name.translate(UNDECOMPOSED))
    return "".join(c for c in text if not unicodedata.combining(c))


def fold_letters(text: str) -> str:
    """``fold`` letter by letter, keeping every character's offset ('Orbán' reads 'Orban'): for matching
    gazetteer names over a whole article, whose offsets must stay the article's."""
    if text.isascii():
        return text  # (most articles: nothing to fold)
    out = []
    for c in text.replace("\u2019", "'").replace("\u2018", "'"):
        base = "".join(k for k in unicodedata.normalize("NFKD", c) if not unicodedata.combining(k))
        out.append(base if len(base) == 1 else c)
    return "".join(out)


@dataclass(frozen=True)
class Office:
    name: str
    country: Optional[str]
    org: Optional[str]
    role: str
    sector: str
    start: dt.date
    end: Optional[dt.date]
    aliases: tuple = ()

    def holds_on(self, day: Optional[dt.date], slack: int = 31) -> bool:
        if day is None:
            return True
        margin = dt.timedelta(days=slack)
        return self.start - margin <= day and (self.end is None or day <= self.end + margin)


#: Country-code domains used as brands, saying nothing of where an outlet is.
BRAND_DOMAINS = {"tv", "io", "co", "me", "fm", "ly", "ai", "am", "cc", "ws", "to", "gg", "la"}
#: Second-level labels under which a country code names its country again ('gov.la', 'com.co', 'org.ly').
PUBLIC_SECOND_LEVEL = {"gov", "gob", "gouv", "go", "govt", "mil", "com", "co", "org", "net", "edu", "ac", "or", "ne"}


@dataclass
class Gazetteer:
    offices_by_alias: dict[str, list[Office]] = field(default_factory=dict)
    #: bare surnames that are also ordinary words ('May', 'Rice'): only used next to a title or nationality
    offices_by_weak_alias: dict[str, list[Office]] = field(default_factory=dict)
    offices_by_post: dict[tuple, list[Office]] = field(default_factory=dict)
    #: folded surface form -> (alpha-3, kind) where kind is name, demonym, capital, city or metonym:SECTOR
    places: dict[str, tuple[str, str]] = field(default_factory=dict)
    #: forms that only count written exactly so ('US' but not 'us', 'Turkey' but not 'turkey')
    places_exact: dict[str, tuple[str, str]] = field(default_factory=dict)
    country_names: dict[str, str] = field(default_factory=dict)
    orgs: dict[str, str] = field(default_factory=dict)
    orgs_exact: dict[str, str] = field(default_factory=dict)
    org_kinds: dict[str, str] = field(default_factory=dict)  # an organisation's code -> its kind ('UN agency')
    adversaries: dict[str, str] = field(default_factory=dict)
    adversaries_exact: dict[str, str] = field(default_factory=dict)
    adversary_regions: dict[str, frozenset] = field(default_factory=dict)  # an ambiguous name: the states it fights in
    campaigns: dict[str, dict] = field(default_factory=dict)
    titles: dict[str, dict] = field(default_factory=dict)
    titles_exact: dict[str, dict] = field(default_factory=dict)
    role_families: dict[str, list[str]] = field(default_factory=dict)
    leader_roles: dict[str, list[str]] = field(default_factory=dict)
    predecessors: dict[str, list[tuple[str, dt.date]]] = field(default_factory=dict)  # 'RUS' -> [('SUN', 1991-12-26)]
    head_of_state_roles: list[str] = field(default_factory=list)  # who receives a state visit, in order
    institutions: dict[str, str] = field(default_factory=dict)
    honorifics: set[str] = field(default_factory=set)
    #: honorifics written with a full stop ('Smt.', 'H.E.'), which must not end a sentence
    abbreviations: list[str] = field(default_factory=list)
    qualifiers: dict[str, list[str]] = field(default_factory=dict)
    assets: dict[str, str] = field(default_factory=dict)
    #: prefixes of warships' names ('HMS', 'USS', 'INS'): a name after one is a warship
    ship_prefixes: set[str] = field(default_factory=set)
    #: national outlets on generic domains -> the country they report from ('sky.com' is GBR)
    outlets: dict[str, str] = field(default_factory=dict)
    #: a government's own press offices and archives -> its country ('whitehouse.gov' is USA)
    official: dict[str, str] = field(default_factory=dict)
    #: a ministry's own press office -> the role of its head ('defense.gov' is the Defence Minister's)
    ministry: dict[str, str] = field(default_factory=dict)
    triggers: dict = field(default_factory=dict)

    # -- questions -------------------------------------------------------------------------------------
    def leader(self, surface: str, day: Optional[dt.date], country: Optional[str] = None,
               weak_ok: bool = False) -> Optional[Office]:
        """The office holder a name denotes on a date ('Putin' in 2015 is Russia's president)."""
        key = fold(surface)
        strong = list(self.offices_by_alias.get(key, []))
        weak = self.offices_by_weak_alias.get(key, []) if (weak_ok or country) else []
        offices = strong + weak
        if country:  # a written nationality picks among namesakes; it never overrules a full name
            offices = [o for o in offices if o.country == country] or strong
        current = [o for o in offices if o.holds_on(day)]
        if not current and day is not None and " " not in key:  # 'Nielsen' in 2025 is not Canada's defence
            offices = [o for o in offices if o.end is None or o.end >= day - dt.timedelta(days=366 * (  # minister of
                LEADER_SURNAME_YEARS if o.role in LASTING_NAMES else SURNAME_YEARS))]  # 1985; 'Thatcher' in 2013
            # is still hers, and of two namesakes out of office the later ('Raab' in 2023 is Dominic, not Julius)
            offices = sorted(offices, key=lambda o: -(o.end or day).toordinal())[:1] if len(
                {o.name for o in offices}) > 1 else offices
        pool = current or [o for o in offices if day is None or o.start <= day + dt.timedelta(days=366 * 8)]
        if not pool:
            return None
        rank = {"GOV": 0, "MIL": 1}
        # in office that very day rather than within a month of it: 'King Abdullah' a week after the Saudi king's
        # death is Jordan's
        return sorted(pool, key=lambda o: (not o.holds_on(day), not o.holds_on(day, slack=0), _role_rank(o.role),
                                           rank.get(o.sector, 2), -o.start.toordinal()))[0]

    def holder(self, country: Optional[str], role: str, day: Optional[dt.date], org: Optional[str] = None) -> Optional[Office]:
        """Who held an office on a date ('the French president' on 2015-11-26); a visit to Moscow in 1973 is
        received by the Soviet Union's leader."""
        country = next((code for code, until in self.predecessors.get(country or "", []) if day and day < until), country)
        roles = self.equivalent_roles(role)
        if role.lower() == "leader" and country:
            roles = self.leader_roles.get(country) or self.leader_roles.get("_default", ["President"])
        for r in roles:
            offices = self.offices_by_post.get((country or org, r), [])
            current = [o for o in offices if o.holds_on(day)] if day else []
            if current:
                return max(current, key=lambda o: (not getattr(o, "acting", False), o.start))
        return None

    def equivalent_roles(self, role: str) -> list[str]:
        for family in self.role_families.values():
            if role in family and role not in ("President",):
                return [role] + [r for r in family if r != role]
        return [role]

    def roles_close(self, asked: str, held: str) -> bool:
        """Stricter than roles_fit: the same office or one of its narrow family ('King' and 'Sultan'), not
        any leader ('King' is not 'Prime Minister')."""
        return held == asked or any(asked in family and held in family for name, family in self.role_families.items()
                                    if name != "LEADER")

    def roles_fit(self, asked: str, held: str) -> bool:
        if asked.lower() in ("leader", "head of state", "head of government", "official"):
            return True
        if asked in MONARCHS:
            return held in MONARCHS  # 'the King' is no president, though both head a state
        return held == asked or held in self.equivalent_roles(asked)

    def home_of(self, source: Optional[str], url: Optional[str] = None) -> Optional[str]:
        """The country an outlet's domain names ('rnz.co.nz', 'www3.nhk.or.jp'; 'bbc.co.uk' is GBR), or that a
        national outlet on a generic domain reports from, or whose government's press office it is (outlets.json);
        None for other generic domains and country codes sold as brands ('.tv', '.io', '.co')."""
        host = _host(source, url)
        labels = host.rstrip(".").split(".")
        outlet = next((self.outlets[".".join(labels[k:])] for k in range(len(labels))
                       if ".".join(labels[k:]) in self.outlets), None) or self.official_of(source, url)
        if outlet:  # ('news.sky.com' is 'sky.com'; 'centcom.mil' is the US's '.mil')
            return outlet
        code = host.rstrip(".").rsplit(".", 1)[-1] if "." in host else ""
        if len(code) != 2 or code in BRAND_DOMAINS and not (len(labels) > 2 and labels[-2] in PUBLIC_SECOND_LEVEL):
            return None  # (a brand's '.la', but the state's 'kpl.gov.la')
        country = pycountry.countries.get(alpha_2="GB" if code == "uk" else code.upper())
        return country.alpha_3 if country else None

    def country_of(self, surface: str) -> Optional[tuple[str, str]]:
        text = surface.strip()
        if text.lower().startswith("the "):
            text = text[4:]
        return self.places_exact.get(text) or self.places.get(fold(text))

    def dateline_country(self, body: str) -> Optional[str]:
        """The state of the place a story is filed from ('PUSAN, Korea, Nov. 7 (AP) --', 'SEOUL, Aug. 13 (UPI) -')."""
        end = dateline_end(body[:body.find("\n") if "\n" in body else len(body)])
        for part in re.split(r",|\(", body[:end]):
            hit = self.country_of(part.strip(" -\u2014\u2013:"))
            if hit and hit[1] in ("name", "capital", "city"):
                return hit[0]
        return None

    def org_of(self, surface: str) -> Optional[str]:
        text = surface.strip()
        if text.lower().startswith("the "):
            text = text[4:]
        return self.orgs_exact.get(text) or self.orgs.get(fold(text))

    def country_name(self, alpha3: str) -> str:
        return self.country_names.get(alpha3, alpha3)

    def official_of(self, source: Optional[str], url: Optional[str] = None) -> Optional[str]:
        """The government whose own press office or archive publishes on this domain ('en.kremlin.ru' is RUS)."""
        return _listed(self.official, source, url)

    def ministry_of(self, source: Optional[str], url: Optional[str] = None) -> Optional[str]:
        """The role of the minister whose own ministry publishes on this domain ('www.defense.gov')."""
        return _listed(self.ministry, source, url)

    def title(self, surface: str) -> Optional[dict]:
        return self.titles_exact.get(surface.strip()) or self.titles.get(fold(surface))


def _host(source: Optional[str], url: Optional[str]) -> str:
    host = (source or "").lower()
    return url.split("//", 1)[-1].split("/", 1)[0].lower() if "." not in host and url else host


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
    return {k: v for k, v in data.items() if not k.startswith("_") or k in ("_case_sensitive", "_extra_territories",
                                                                          "_shared_ship_prefixes")}


@lru_cache(maxsize=1)
def load() -> Gazetteer:
    g = Gazetteer()
    _load_countries(g)
    _load_leaders(g)
    _load_orgs(g)
    _load_titles(g)
    for category, words in _load_json("assets.json").items():
        for word in words:
            g.assets[fold(word)] = category
    g.triggers = _load_json("triggers.json")
    g.outlets = dict(_load_json("outlets.json").get("outlets") or {})
    g.official = dict(_load_json("outlets.json").get("official") or {})
    g.ministry = dict(_load_json("outlets.json").get("ministry") or {})
    return g


def _listed(table: dict[str, str], source: Optional[str], url: Optional[str]) -> Optional[str]:
    """A domain's entry in ``table``, a subdomain counting as its domain."""
    labels = _host(source, url).rstrip(".").split(".")
    return next((table[".".join(labels[k:])] for k in range(len(labels) - 1) if ".".join(labels[k:]) in table), None)


def _load_countries(g: Gazetteer) -> None:
    data = _load_json("countries.json")
    exact_only = set(data.pop("_case_sensitive", []))
    g.ship_prefixes = set(data.pop("_shared_ship_prefixes", []))
    data.update(data.pop("_extra_territories", {}))
    for country in pycountry.countries:
        a3 = country.alpha_3
        g.country_names[a3] = getattr(country, "common_name", None) or country.name
        for name in {country.name, getattr(country, "common_name", None)} - {None}:
            g.places.setdefault(fold(name), (a3, "name"))

    def put(surface: str, value: tuple[str, str], exact: bool = False) -> None:
        if exact or surface in exact_only:
            g.places_exact[surface] = value
        else:
            g.places[fold(surface)] = value

    for a3, info in data.items():
        if not isinstance(info, dict):
            continue
        names = info.get("names") or []
        if names or info.get("display"):
            g.country_names[a3] = info.get("display") or names[0]  # 'Jordan', though only its long name is unambiguous
        for kind in ("names", "demonyms", "capitals", "cities"):
            for surface in info.get(kind) or []:
                put(surface, (a3, "city" if kind == "cities" else kind[:-1]))
        for surface in info.get("abbreviations") or []:
            put(surface, (a3, "name"), exact=True)
        for kind in ("ambiguous_names", "ambiguous_demonyms"):
            for surface in info.get(kind) or []:
                put(surface, (a3, kind.split("_")[1][:-1]), exact=True)
        for surface, sector in (info.get("metonyms") or {}).items():
            put(surface, (a3, f"metonym:{sector}"))
        g.predecessors[a3] = [(code, _date(until)) for code, until in info.get("predecessors") or []]
        for surface in info.get("ship_prefixes") or []:  # 'HMS Diamond' is the Royal Navy's
            put(surface, (a3, "metonym:MIL"), exact=True)
            g.ship_prefixes.add(surface)
    for surface in exact_only:  # case-sensitive forms never match in lower case
        g.places.pop(fold(surface), None)


def leader_records(path: Path = DATA / "leaders.jsonl") -> list[dict]:
    """The rows of the leaders file (its '//' lines are comments): the gazetteer's, and the benchmark
    corpus's when it swaps office holders."""
    if not path.exists():
        return []
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("//"):
            rec = json.loads(line)
            if "name" in rec:
                rows.append(rec)
    return rows


#: A middle initial with its stop, which house styles without stops drop.
INITIAL = re.compile(r"\b([A-Z])\. (?=[A-Z])")


def _load_leaders(g: Gazetteer) -> None:
    for rec in leader_records():
        office = Office(ascii_name(rec["name"]), rec.get("country"), rec.get("org"), rec["role"], rec.get("sector", "GOV"),
                        _date(rec.get("start")) or dt.date(1900, 1, 1), _date(rec.get("end")),
                        tuple(rec.get("aliases", [])))
        for alias in {rec["name"], *rec.get("aliases", [])}:
            for written in {alias, INITIAL.sub(r"\1 ", alias)}:  # 'Lloyd J. Austin III' also as 'Lloyd J Austin III'
                g.offices_by_alias.setdefault(fold(written), []).append(office)
        for alias in rec.get("weak_aliases", []):
            g.offices_by_weak_alias.setdefault(fold(alias), []).append(office)
        g.offices_by_post.setdefault((office.country or office.org, office.role), []).append(office)
    # a name is one person's in all his offices: 'Dahal' written as an alias of one term finds the others
    held: dict[tuple, list[Office]] = {}
    for offices in g.offices_by_post.values():
        for o in offices:
            held.setdefault((o.name, o.country), []).append(o)
    for index in (g.offices_by_alias, g.offices_by_weak_alias):
        for alias, offices in index.items():
            people = {(o.name, o.country) for o in offices}
            index[alias] = list(dict.fromkeys(o for p in people for o in held.get(p, ())))


def _names(entry: dict, canonical: str, exact: dict, folded: dict, value) -> None:
    """An acronym key ('WHO', 'UN', 'NATO') matches as written, never as the word 'who' or 'un'; from four
    letters on, also as British outlets write it ('Nato', 'Isis')."""
    if canonical.isupper():
        exact[canonical] = value
        if len(canonical) >= 4 and canonical.isalpha():
            exact[canonical.capitalize()] = value
    else:
        folded[fold(canonical)] = value
    for surface in entry.get("names") or []:
        folded[fold(surface)] = value
    for surface in entry.get("abbreviations") or []:
        exact[surface] = value


def _load_orgs(g: Gazetteer) -> None:
    data = _load_json("organizations.json")
    for code, entry in (data.get("organizations") or {}).items():
        _names(entry, code, g.orgs_exact, g.orgs, entry.get("code", code))
        g.org_kinds[entry.get("code", code)] = entry.get("kind") or ""
        for surface, sector in (entry.get("metonyms") or {}).items():
            g.orgs[fold(surface)] = entry.get("code", code)
    for canonical, entry in (data.get("adversaries") or {}).items():
        _names(entry, canonical, g.adversaries_exact, g.adversaries, canonical)
        for surface in entry.get("ambiguous_names") or []:  # 'ADF', also Australia's Defence Force: the rebels'
            g.adversary_regions[surface] = frozenset(entry.get("region") or ())  # only where they fight
    for canonical, entry in (data.get("campaigns") or {}).items():
        info = {"name": canonical, "lead": entry.get("lead"), "target": entry.get("target")}
        for surface in [canonical, *(entry.get("names") or [])]:
            g.campaigns[fold(surface)] = info


def _load_titles(g: Gazetteer) -> None:
    data = _load_json("titles.json")
    for surface, info in (data.get("titles") or {}).items():
        g.titles[fold(surface)] = info
        if info.get("case_sensitive"):
            g.titles_exact[info["case_sensitive"]] = info
            g.titles.pop(fold(info["case_sensitive"]), None)
    g.role_families = data.get("role_families") or {}
    g.leader_roles = data.get("leader_roles_by_country") or {}
    g.head_of_state_roles = data.get("head_of_state_roles") or []
    g.institutions = {fold(k): v for k, v in (data.get("institution_nouns") or {}).items()}
    g.honorifics = {fold(h).rstrip(".") for h in data.get("honorifics") or []}
    g.abbreviations = sorted(h for h in data.get("honorifics") or [] if h.endswith(".") and " " not in h)
    g.qualifiers = data.get("qualifiers") or {}


def lemma_fixes() -> dict[str, str]:
    """Word forms whose lemma the model gets wrong ('dined' read as 'din'), to the lemma the triggers use."""
    return dict(_load_json("lemmas.json")["lemmas"])


def prefilter_words() -> dict[str, list[str]]:
    """What lets a sentence through to the parser, per event type: the listed stems (irregular forms
    such as 'met', 'sent'), a stem of every single-word trigger, so a trigger added to the data is never
    screened out, and for contributions the asset vocabulary and the names of armed forces."""
    data = _load_json("prefilter.json")
    triggers = _load_json("triggers.json")

    def stems(words) -> list[str]:
        return [w[:-1] if w.endswith("e") and len(w) > 4 else w for w in words
                if " " not in w and w.replace("-", "").replace("+", "").isalnum() and len(w) > 2]
        # ('go' would let 'government' through: listed; 'one-on-one' and '2+2' are single words too)

    assets = [w for words in _load_json("assets.json").values() for w in words]
    forces = [surface for info in _load_json("countries.json").values() if isinstance(info, dict)
              for surface, sector in (info.get("metonyms") or {}).items() if sector == "MIL"]  # 'members of the SANDF'
    return {
        "meeting": list(data.get("meeting_stems", [])) + stems(list(triggers.get("meeting_verbs", {}))) + [
            w + " " if len(w) == 3 else w for w in stems(triggers.get("meeting_nouns", []))],  # ('tea ', not 'team')
        "contribution": list(data.get("contribution_stems", [])) + stems(list(triggers.get("contribution_verbs", {}))),
        "asset": list(data.get("asset_extra", [])) + assets + forces,
    }
