"""The one actor normaliser: a noun phrase in context to an Actor (name, role, country, CAMEO code).

"Russian President Vladimir Putin", "Putin" and "the Russian leader" in one article are one actor. Names
resolve through the leaders gazetteer with the date of the article (offices change hands); titles with a
demonym ("the French president") resolve to the person the article already named for that country, or
else to whoever held that office on that date.
"""
from __future__ import annotations

import bisect
import itertools
import re
from collections import Counter
import datetime as dt
from dataclasses import dataclass
from typing import Iterable, Optional

from spacy.matcher import PhraseMatcher
from spacy.tokens import Span, Token

from pipeline.extract import dates
from pipeline.extract.gazetteer import MONARCHS, Gazetteer, Office, fold, fold_letters

#: Offices that 'the President' alone names: the one the article has already named (one per state).
BARE_TITLES = {"President", "Prime Minister", "Chancellor", "King", "Queen", "Emir", "Premier", "Crown Prince",
               "Head of State", "Secretary-General", "Vice President"}
#: Ministers' titles that stand for the one the story named, alone only ('The EAM is scheduled to meet'; not 'The
#: Minister of Defence, Mr Dominic Nitiwul').
BARE_MINISTERS = {"External Affairs Minister", "Foreign Minister", "Defence Minister", "Foreign Secretary",
                  "Defence Secretary"}
#: A ministry's own head named by the bare title ('the Secretary', not 'the Secretary of the Navy' or 'the
#: Secretary-General').
OWN_MINISTER = re.compile(r"\b[Tt]he (?:Secretary|Minister)\b(?![- ](?:of|General|[A-Z]))")
#: A transcript's or interview's speaker label at the start of a paragraph: a name (and title), then a colon.
SPEAKER_LABEL = re.compile(r"([A-Z][A-Za-z.'’\- ]{1,40})(?:, [^:\n]{1,60})?: ")
#: A question or an answer in an interview's transcript; how many paragraphs a speaker's turn may run.
QUESTION_LABEL = re.compile(r"(?:Q|QUESTION|Question)(?:[:.]| (?=[A-Z]))")
ANSWER_LABEL = re.compile(r"(?:A|ANSWER|Answer)[:.] ")
TURN_PARAGRAPHS = 12
#: Kin of a person named by the possessive ("Kim's father"): someone else.
KIN = {"father", "mother", "son", "daughter", "wife", "husband", "brother", "sister", "widow", "grandfather",
       "grandson", "uncle", "nephew", "cousin", "child", "predecessor", "successor"}
#: A factbox entry's label: a state's name, then a dash or a colon.
STATE_LABEL = re.compile(r"(?:[-–•*] )?([A-Z][A-Za-z.' ]{2,40}?)(?: (?:--|[-–—]) |: )")  # ('TURKEY -- A brigade')
#: Labels of a page's furniture, not of a speaker ('From: Ministry of Defence', 'Subjects: Iraq').
NOT_SPEAKERS = {"from", "published", "updated", "subjects", "subject", "source", "sources", "related", "read more",
                "see also", "transcript", "photo", "caption", "note", "editor's note", "location", "date", "time",
                "watch", "listen", "tags", "topics", "by", "contact", "media contact", "place"}
#: Quotation marks, straight and curly; and a quotation put to a pronoun ('"...," he said').
QUOTE_MARK = re.compile(r'["“”]')
SINGLE_OPEN = re.compile(r"(?:^|(?<=\s))['‘](?=[A-Za-z])", re.M)
SINGLE_CLOSE = re.compile(r"(?<=[A-Za-z.,!?])['’](?=[\s.,;:!?)]|$)", re.M)
FIRST_PERSON = re.compile(r"\bI\b")
SAID_PRONOUN = re.compile(r"\b(?:he|she) (?:said|says|added|told)\b|\b(?:said|says|added) (?:he|she)\b")
PARAGRAPH_BREAK = re.compile(r"\n+")
#: Short words of names that are no name alone.
NAME_PARTICLES = {"Al", "El", "Le", "La", "De", "Da", "Di", "Du", "Do", "Dos", "Bin", "Ibn", "Van", "Von", "Mc", "St"}
#: A government's own leader by the bare title, on its own site ('the President will travel to Brussels'), and
#: the US president's initials.
OWN_LEADER = re.compile(r"\b[Tt]he (President|Prime Minister|Chancellor)\b(?! of\b)|\bPOTUS\b")
#: Legislatures that several states name alike: in a national outlet, its own ('Congress' in a Brazilian
#: paper, 'the House of Commons' in a Canadian one).
SHARED_LEGISLATURES = {"congress", "house of commons"}
#: Words that put a titled person out of office ('former President Obama', 'the late King Hussein').
FORMER = {"former", "ex", "ex-", "late", "then", "erstwhile", "onetime", "one-time", "past", "previous"}
#: Words that mark someone who speaks for no government: the opposition, the exiled, a former leader, and
#: leaders of business or faith ('Japanese business leaders').
OUT_OF_POWER = {"opposition", "exiled", "dissident", "business", "industry", "religious", "tribal", "student"} | (
    FORMER - {"then"})
#: Words of an armed movement against a government: its figures speak for no state.
REBELS = {"rebel", "insurgent", "militia"}
PRONOUNS = {"he", "she", "they", "it", "we", "his", "her", "their", "its", "him", "them"}
#: 'he', 'she' or 'him' before the names of a sentence: the one the sentence before told of goes on ('Saudi
#: officials also briefed him on ..., when President Donald Trump visits the kingdom').
PRONOUN_BEFORE_NAMES = re.compile(r"\b(?:he|she|He|She|him)\b")
PERSON_LABELS = {"PERSON"}
#: Prefixes that make a leader's name a time or a side: 'post-Gaddafi', 'anti-Assad'.
ERA_PREFIXES = {"post", "pre", "anti", "pro", "ex"}
#: Nouns that name a state by what follows them: 'the Republic of Azerbaijan', 'the Kingdom of Morocco'.
STATE_NOUNS = {"republic", "kingdom", "sultanate", "emirate", "federation", "state", "principality", "commonwealth"}
#: Courtesy titles that make a bare surname a person ('Mr Sharif', 'Mr. Xi'), folded.
COURTESY = ("mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.")
PLACE_LABELS = {"GPE", "LOC", "FAC", "NORP"}
#: Words a long title is written with before its holder's name ('Minister of State for External Affairs').
TITLE_LINKS = {"of", "for", "to", "on", "the", "and", "&", "'s", "’s"}  # ("the People's Republic of China")
#: The small words that join a compound place name ('Port-au-Prince', 'Saint-Jean-de-Luz').
PLACE_LINKS = {"au", "aux", "de", "du", "des", "la", "le", "les", "en", "sur", "sous", "del", "do", "da"}
#: Title words that head a long title but name no office of their own ('Adviser to the Prime Minister').
TITLE_HEADS = {"adviser", "advisor", "secretary", "envoy", "representative", "minister", "president", "chairman",
               "head", "chief", "commander"}
#: Dependency labels that belong to a noun phrase's own description (title, nationality, name).
NP_DEPS = {"compound", "amod", "poss", "det", "nmod", "appos", "case", "punct", "flat", "nummod", "cc", "conj"}


def _titled(text: str, start: int, role: str) -> bool:
    """Whether a name at an offset has the title written by it: just before ('Saudi Crown Prince Mohammed bin
    Salman', 'Crown Prince and Prime Minister Mohammed bin Salman', the name read from 'Prince Mohammed'), or in
    an apposition after it ('Mohammed bin Salman bin Abdulaziz Al Saud, Crown Prince and Prime Minister'); not
    'the Crown Prince met with the Ukrainian President', a title of someone else."""
    low = max(0, start - 30)
    for hit in re.finditer(re.escape(role), text[low:start + len(role)], re.I):
        if not re.search(r"\b(?!(?:and|of|the|bin|al)\b)[a-z]+\b", text[low + hit.end():start]):
            return True
    return re.match(r"[^,.;\n]{0,60},\s+(?:the\s+)?" + re.escape(role) + r"\b", text[start:start + 120], re.I) is not None


@dataclass(frozen=True)
class Mention:
    """An actor seen at a character offset of the article (for 'he', 'they', 'the Russian leader')."""
    start: int
    actor: dict


def actor_from_office(office: Office, day: Optional[dt.date] = None) -> dict:
    """An office holder as an Actor; out of office on that date, the person has no role and no code
    (an opposition leader or a former president does not act for the state)."""
    who = office.country or office.org
    if day is not None and not office.holds_on(day):
        return {"name": office.name, "role": None, "country": office.country, "actor_code": None}
    return {"name": office.name, "role": office.role, "country": office.country,
            "actor_code": f"{who}{office.sector}" if office.country else who}


def _consistent(office: Office, written: Optional[str]) -> bool:
    """'Tim Cook' is not Robin Cook: every word of the written full name must be in the leader's name."""
    if not written:
        return True
    words = [w for w in fold(written).replace("'s", "").split() if w]
    if len(words) < 2:
        return True
    first_names = {fold(n).split()[0] for n in (office.name, *office.aliases) if n.strip()}
    full = [fold(n).split() for n in (office.name, *office.aliases) if len(n.split()) > 1]
    return words[0] in first_names or any(words[-len(f):] == f or f[-len(words):] == words for f in full)
    # ('Muhammad Shehbaz Sharif'; "Mu'adzam Shah", the tagger's tail of 'Tuanku Abdul Halim Mu'adzam Shah')


def state_actor(g: Gazetteer, alpha3: str, sector: Optional[str] = None) -> dict:
    return {"name": g.country_name(alpha3), "role": None, "country": alpha3,
            "actor_code": f"{alpha3}{sector}" if sector else alpha3}


def org_actor(code: str, name: Optional[str] = None) -> dict:
    return {"name": name or code, "role": None, "country": None, "actor_code": code}


def is_person(actor: Optional[dict]) -> bool:
    return bool(actor and actor.get("role"))


def _former(actor: Optional[dict]) -> bool:
    """A leader named out of office (``actor_from_office``): a person, though he acts for no state."""
    return bool(actor and actor.get("name") and not actor.get("role") and not actor.get("actor_code")
                and actor.get("country"))


#: The offices that head an international organisation, for 'the U.N. chief' and 'the IAEA chief'.
ORG_HEADS = ("Secretary-General", "Director General", "President", "Chairperson")

#: Offices whose holder's counterpart is the other country's leader ('Kishida ... his South Korean counterpart').
LEADING = {"President", "Prime Minister", "Chancellor", "Premier", "Leader"}


class ArticleContext:
    """Who an article has named so far, found cheaply over the whole text (tokeniser only).

    Candidate sentences alone are parsed; the context lets them resolve 'the Russian leader' or 'they'
    against names used in sentences that were never parsed.
    """

    def __init__(self, mentions: list[Mention], roles_fit=None, sentence_starts: Optional[list[int]] = None):
        self.mentions = sorted(mentions, key=lambda m: m.start)
        self._fits = roles_fit or _role_fits
        self.capital_starts: list[int] = []
        self._starts = sentence_starts or [0]
        self.text = ""  # the article text the offsets index
        self.home: Optional[str] = None  # the outlet's country, when its domain tells (``Gazetteer.home_of``)
        self.dateline: Optional[str] = None  # the state of the place the body's dateline names ('SEOUL, Aug. 13')
        self.official = False  # the outlet is that government's own press office (``Gazetteer.official_of``)
        self.ministry: Optional[str] = None  # the role of the minister whose ministry it is (``Gazetteer.ministry_of``)
        self.country_name = lambda alpha3: alpha3  # the gazetteer's name for a country, once the resolver sets it
        self.met: list[dict] = []  # the people of the last meeting found, in reading order: 'the two leaders'
        self.eras: list[tuple[int, dt.date]] = []  # past dates the text names, by offset (``era``)
        self._paragraphs: Optional[list[int]] = None  # paragraph starts, read once when an era needs them
        self._speaks: Optional[bool] = None  # the text speaks in the first person (``_first_person``)
        self.title_end = 0  # where the body starts, after the title and its blank line
        self.in_office_then = None  # a former official as he was on a past date, once the resolver sets it
        self._named_in_full: Optional[dict[str, int]] = None  # where each person is first named in full (``_in_full``)

    def past_years(self, at: int) -> list[int]:
        """The past years the article has named before an offset, the latest first."""
        return list(dict.fromkeys(d.year for o, d in reversed(self.eras) if o < at))

    def era(self, at: int) -> Optional[dt.date]:
        """The past time a passage is set in: a date with a year earlier than the dateline's, named in the
        sentence at ``at``, else before it in its paragraph or the one before ('On October 29, 1997, Bill
        Clinton welcomed him to the White House'). Obituaries, archives and retrospectives tell of leaders
        in offices they have long left."""
        if not self.eras:
            return None  # (most news names no past year: no work on the hot path)
        k = bisect.bisect_right(self._starts, at) - 1
        start = self._starts[k] if k >= 0 else 0
        end = self._starts[k + 1] if k + 1 < len(self._starts) else len(self.text)
        inside = [d for o, d in self.eras if start <= o < end]
        if inside:
            return inside[0]
        if self._paragraphs is None:
            self._paragraphs = [0] + [m.end() for m in re.finditer(r"\n\s*\n", self.text)]
        paragraphs = self._paragraphs
        p = bisect.bisect_right(paragraphs, at) - 1
        before = [d for o, d in self.eras if paragraphs[max(p - 1, 0)] <= o < start]
        return before[-1] if before else None

    def text_before(self, at: int, sentences: int) -> str:
        """Up to ``sentences`` sentences of raw text before the offset ``at``, within its paragraph."""
        paragraph = self.text.rfind("\n", 0, at) + 1
        starts = [b for b in self._starts if paragraph <= b < at]
        return self.text[starts[-sentences:][0]:at] if starts else ""

    def sentence_after(self, at: int) -> str:
        """The sentence after the one at offset ``at``, within its paragraph ('' at a paragraph's end)."""
        k = bisect.bisect_right(self._starts, at)
        if k >= len(self._starts):
            return ""
        start = self._starts[k]
        end = self._starts[k + 1] if k + 1 < len(self._starts) else len(self.text)
        return "" if "\n" in self.text[at:start] else self.text[start:end]

    def person_for(self, country: Optional[str], role: Optional[str], before: int) -> Optional[dict]:
        """The person a title means: the last one named before with that office or with that title written
        by the name ('Crown Prince Mohammed bin Salman' for 'the crown prince', though his office is now
        Prime Minister), else the last with an office of its family."""
        best = None
        rank = -1
        for m in self.mentions:
            if m.start >= before and best is not None:
                break
            a = m.actor
            if is_person(a) and (country is None or a["country"] == country) and (role is None or self._fits(role, a["role"])):
                titled = role is not None and _titled(getattr(self, "text", ""), m.start, role)
                r = 1 if titled or role is None or a["role"] == role else 0
                if r >= rank:
                    best, rank = a, r
        if best is None:  # cataphora: 'the French leader ... Hollande' later in the same article
            for m in self.mentions:
                a = m.actor
                if is_person(a) and a["country"] == country and (role is None or self._fits(role, a["role"])):
                    return a
        return best

    def antecedent(self, at: int) -> Optional[dict]:
        """Whom 'he' or 'she' at a character offset means: the first person named earlier in the same
        sentence, else the first person of the nearest sentence before that names one (news puts the
        subject first), else the person the article has named most."""
        found = self._antecedent(at)
        return self._then(found, at) if found else found

    def _antecedent(self, at: int, depth: int = 0) -> Optional[dict]:
        k = bisect.bisect_right(self._starts, at) - 1
        for sentence in range(k, max(k - 3, -1), -1):
            start = self._starts[sentence]
            end = self._starts[sentence + 1] if sentence + 1 < len(self._starts) else at
            here = [m for m in self.mentions if start <= m.start < min(end, at)]
            serving = {m.start for m in here if is_person(m.actor)}
            here = [m for m in here if is_person(m.actor) or _former(m.actor) and m.start not in serving
                    and self._in_full(m.actor, at)]
            # ('Goñi' the defence minister, not 'Goni' the Bolivian president of long ago)
            people = [m.actor for m in here]
            first = here[0].start if here else None
            subject = PRONOUN_BEFORE_NAMES.search(self.text, start, first) if people and sentence < k and first else None
            if subject is not None and subject.start() > start - 1 and depth < 3:
                # 'On the margins he held a meeting with Luxon. He had breakfasted with Albanese': the 'he' before
                # goes on, not the one he met
                return self._antecedent(subject.start(), depth + 1)
            if people:
                if sentence < k:  # a sentence before: its protagonist, if it names him ('Macron, Meloni and
                    named = Counter(m.actor["name"] for m in self.mentions if m.start < at and is_person(m.actor))
                    hero = self.protagonist(at)  # Trudeau are expected, along with Mr Zelensky. Afterwards he')
                    if hero is not None and hero["name"] in {p["name"] for p in people} and \
                            named[hero["name"]] > named[people[0]["name"]]:
                        return hero
                return people[0]
        return self.protagonist(at, formers=True)

    def _then(self, actor: dict, at: int) -> dict:
        """A former official that 'he' goes back to ('Mandela spent 27 years in prison. ... On 4 July 1990 he
        met Thatcher' in his obituary) is himself, not the president named before him: in the office he held in
        the time the passage is set in, else in none (no state's participant)."""
        if not _former(actor) or self.in_office_then is None:
            return actor
        return self.in_office_then(actor, self.era(at)) or actor

    def last_pair(self, before: int, count: Optional[int] = 2, office: Optional[str] = None,
                  sentence: Optional[int] = None) -> list[dict]:
        """Whom 'the two leaders' ('the four leaders'; ``count`` None: 'the leaders') at an offset means: those
        its own sentence (starting at ``sentence``) has just named ('Pashinyan and Aliyev had met in Abu Dhabi, in
        the first meeting between the leaders of the two countries'), else those who met in the last meeting read,
        else the last two people of different countries named in its paragraph. 'The two presidents'
        (``office``) are people who hold that office, whoever met last."""
        offices = (office, "secretary") if office == "minister" else (office,)  # 'the two ministers': a Defense
        # Secretary and a Defence Minister
        holds = lambda a: office is None or any(o in (a.get("role") or "").lower() for o in offices)  # noqa: E731
        if sentence is not None and count:
            named: list[dict] = []
            for m in [m for m in self.mentions if sentence <= m.start < before]:
                side = m.actor.get("country")
                if is_person(m.actor) and side and holds(m.actor) and all(p.get("country") != side for p in named):
                    named.append(m.actor)
            if len(named) == count:
                return named
        if self.met and count == 2 and sentence is not None and office is None:
            newcomer = self._newcomer(sentence)
            if newcomer is not None:
                return newcomer
        if self.met and count in (None, len(self.met)) and all(map(holds, self.met)):
            return list(self.met)
        if count is None:
            return []
        if count > 2:  # 'Trudeau arrived ... with Meloni, De Croo and Von der Leyen. The four were met by Zelensky'
            since = self.text.rfind("\n", 0, max(0, self.text.rfind("\n", 0, before) - 1)) + 1  # this and the
            named: list[dict] = []  # paragraph before
            for m in [m for m in self.mentions if since <= m.start < before]:
                if is_person(m.actor) and m.actor["name"] not in {p["name"] for p in named}:
                    named.append(m.actor)
            return named[-count:] if len(named) >= count else []
        here = self.text.rfind("\n", 0, before) + 1
        above = self.text.rfind("\n", 0, max(0, here - 2)) + 1  # the paragraph before: the lead's pair, told on
        for since in ((here, above) if office is None else (0,)):  # else named anywhere before
            pair: list[dict] = []
            for m in reversed([m for m in self.mentions if since <= m.start < before]):
                side = m.actor.get("country") or m.actor.get("actor_code")  # ('Pande discussed the deployment with
                # UN Under-Secretary-General Lacroix when the two met': a state's and an organisation's)
                if is_person(m.actor) and side and holds(m.actor) \
                        and all((p.get("country") or p.get("actor_code")) != side for p in pair):
                    pair.append(m.actor)
                    if len(pair) == 2:
                        return pair
        return []

    def _in_full(self, actor: dict, before: int) -> bool:
        """A leader out of office counts as someone the text speaks of only once it has named him in full
        ('Donald H. Rumsfeld', then 'Mr. Rumsfeld'); a bare 'Carter' in 2016 is no former president."""
        if self._named_in_full is None:  # each name's first mention in full, read once
            self._named_in_full = {}
            for m in self.mentions:
                if m.actor.get("name") and (is_person(m.actor) or _former(m.actor)) and _written_in_full(self.text, m):
                    self._named_in_full.setdefault(m.actor["name"], m.start)
        return self._named_in_full.get(actor["name"], before) < before

    def _newcomer(self, sentence: int) -> Optional[list[dict]]:
        """'Ronald Reagan took longer. When the two men finally met, ...' after his meeting with Thatcher: the
        one person the sentence before brings in, with the one the story is about, not the last pair met."""
        k = bisect.bisect_right(self._starts, sentence) - 1
        if k < 1 or "\n" in self.text[self._starts[k - 1]:sentence].rstrip():
            return None  # (the sentence before, in the same paragraph)
        named = {m.actor["name"]: self._then(m.actor, sentence) for m in self.mentions
                 if self._starts[k - 1] <= m.start < sentence and (
                     is_person(m.actor) or _former(m.actor) and self._in_full(m.actor, sentence))}
        hero = self.protagonist(sentence, formers=True)
        if len(named) != 1 or hero is None or hero["name"] not in {p["name"] for p in self.met}:
            return None
        (newcomer,) = named.values()
        if newcomer["name"] in {p["name"] for p in self.met} or newcomer.get("country") == hero.get("country"):
            return None
        return [self._then(hero, sentence), newcomer]

    def protagonist(self, before: int, formers: bool = False) -> Optional[dict]:
        """The person the article has named most before an offset (``formers``: counting leaders named out of
        office, as an obituary names its subject)."""
        counts: dict[str, list] = {}
        serving = {m.start for m in self.mentions if m.start < before and is_person(m.actor)} if formers else set()
        for m in self.mentions:
            if m.start >= before:
                break
            if is_person(m.actor) or formers and _former(m.actor) and m.start not in serving \
                    and self._in_full(m.actor, before):
                entry = counts.setdefault(m.actor["name"], [0, 0, m.actor])
                entry[0] += 1
                entry[1] = m.start
                entry[2] = m.actor if is_person(m.actor) or not is_person(entry[2]) else entry[2]
        if not counts:
            return None
        return max(counts.values(), key=lambda e: (e[0], e[1]))[2]

    def speaker(self, at: int) -> Optional[dict]:
        """Who says 'I' at an offset. Inside quotation marks, the one the quote is put to ('"When I met Mikati in
        Beirut ...," the Tanaiste said'). Else the person of the speaker label that opens its turn in a transcript
        or interview ('ANTONY BLINKEN, U.S. SECRETARY OF STATE: Yesterday I ... met', 'Pistorius: I met my
        counterpart'), which runs until the next label or question; an answer ('A:') is the interviewee's. Else,
        in a text that speaks in the first person throughout (a speech, a statement, a leader's op-ed), the one
        its title or opening names ('Speech by Federal Chancellor Olaf Scholz', 'Anthony Albanese: Why I am going
        to Beijing')."""
        starts = [0] + [m.end() for m in PARAGRAPH_BREAK.finditer(self.text, 0, at)]
        quoted = self._quoted_speaker(starts[-1], at)
        if quoted is not None:
            return quoted[0]
        for start in reversed(starts[-TURN_PARAGRAPHS:]):
            if QUESTION_LABEL.match(self.text, start):
                return None  # a question's 'I' is the interviewer's; an answer follows under its own label
            if ANSWER_LABEL.match(self.text, start):
                return self._opening_person(at)
            label = SPEAKER_LABEL.match(self.text, start)
            if label is not None and label.end() <= at and label.group(1).strip().lower() not in NOT_SPEAKERS:
                people = [m.actor for m in self.mentions if start <= m.start < label.end() and is_person(m.actor)]
                return people[0] if people else self._titled_person(label.group(1), at)
        return self._opening_person(at) if self._first_person() else None

    def _paragraph_end(self, at: int) -> int:
        end = self.text.find("\n", at)
        return len(self.text) if end < 0 else end

    def _quotes(self, paragraph: int, end: int) -> list[tuple[int, int]]:
        """The quotations of a paragraph as spans, double marks paired in turn and single ones opening before a
        word and closing after one ('It was good news,' he said); a quotation left open runs to the end (news
        opens each paragraph of a long quotation and closes only the last)."""
        spans, marks = [], [m.start() for m in QUOTE_MARK.finditer(self.text, paragraph, end)]
        spans += list(zip(marks[::2], marks[1::2] + [end]))
        for m in SINGLE_OPEN.finditer(self.text, paragraph, end):
            close = SINGLE_CLOSE.search(self.text, m.end(), end)
            spans.append((m.start(), close.end() if close else end))
        return spans

    def _quoted_speaker(self, paragraph: int, at: int) -> Optional[tuple[Optional[dict]]]:
        """The one a quotation around an offset is put to, as a 1-tuple (None when the offset is not quoted): a
        person named outside the quotation marks of its paragraph, the nearest first ('"When I met Mikati in
        Beirut ...," Martin said'); the one a pronoun stands for ('he said'); or the one the paragraph before
        names when it ends in a colon or the quotation goes on from it."""
        end = self._paragraph_end(at)
        spans = self._quotes(paragraph, end)
        if not any(a <= at < b for a, b in spans):
            return None
        inside = lambda o: any(a <= o < b for a, b in spans)  # noqa: E731
        people = [m for m in self.mentions if paragraph <= m.start < end and is_person(m.actor) and not inside(m.start)]
        if people:
            return (min(people, key=lambda m: abs(m.start - at)).actor,)
        said = next((m for m in SAID_PRONOUN.finditer(self.text, paragraph, end) if not inside(m.start())), None)
        if said is not None:
            return (self.antecedent(paragraph),)  # '"I met him in Beirut," he said'
        gap = len(self.text[:paragraph]) - len(self.text[:paragraph].rstrip("\n"))
        previous = self.text.rfind("\n", 0, paragraph - gap) + 1
        if self.text[previous:paragraph].rstrip().endswith(":") or min(a for a, _ in spans) == paragraph:
            people = [m for m in self.mentions if previous <= m.start < paragraph and is_person(m.actor)]
            return (people[-1].actor if people else None,)
        return (None,)

    def _first_person(self) -> bool:
        """Whether the text speaks in the first person itself: 'I' outside quotations, at least twice."""
        if self._speaks is None:
            count = 0
            for m in FIRST_PERSON.finditer(self.text):
                paragraph = self.text.rfind("\n", 0, m.start()) + 1
                count += not any(a <= m.start() < b for a, b in self._quotes(paragraph, self._paragraph_end(m.start())))
            self._speaks = count >= 2
        return self._speaks

    def _titled_person(self, title: str, at: int) -> Optional[dict]:
        """The person a label of bare title means ('PRIME MINISTER:', 'Prime Minister:'): the first one the text
        named before with that role."""
        role = title.strip().lower()
        return next((m.actor for m in self.mentions if m.start < at and is_person(m.actor)
                     and (m.actor.get("role") or "").lower() == role), None)

    def _opening_person(self, at: int) -> Optional[dict]:
        """The person a first-person text is by: the first one its title names, else its opening paragraph."""
        body = self.title_end
        opening = self.text.find("\n\n", body)
        for start, end in ((0, body), (body, len(self.text) if opening < 0 else opening)):
            people = [m.actor for m in self.mentions if start <= m.start < min(end, at) and is_person(m.actor)]
            if people:
                return people[0]
        return None

    def other_person(self, at: int, sentence_start: int, not_name: str, not_country: Optional[str] = None
                     ) -> Optional[dict]:
        """Whom 'him' or 'her' means when the nearest reading is the subject itself ('Abe explained the plan
        to Rouhani when he hosted him', 'Kim Jong Il received her') or the subject's compatriot ('Vice President
        Harris hosted him' after 'Biden welcomed him'): the last other person named earlier in the sentence,
        else the one the sentences before were about, else the nearest other they named, else the one the
        article is about."""
        def fits(a: Optional[dict]) -> bool:
            return a is not None and a["name"] != not_name and (not_country is None or a.get("country") != not_country)
        people = [m.actor for m in self.mentions if sentence_start <= m.start < at and is_person(m.actor)]
        k = bisect.bisect_right(self._starts, sentence_start) - 1
        before = [m.actor for m in reversed(self.mentions)
                  if self._starts[max(k - 3, 0)] <= m.start < sentence_start and is_person(m.actor)]
        for found in [*reversed(people), self.antecedent(sentence_start - 1), *before, self.protagonist(at)]:
            if fits(found):
                return found
        return None

    def person_named(self, name: str, country: Optional[str] = None, before: Optional[int] = None) -> Optional[dict]:
        """The person of this article a short name refers to ('Kim' after 'Kim Jong Un'; with ``before``, named
        before that offset)."""
        words = set(fold(name).split())
        for m in self.mentions:
            if before is not None and m.start >= before:
                break
            a = m.actor
            if is_person(a) and words <= set(fold(a["name"]).split()) and (country is None or a["country"] == country):
                return a
        return None

    def focus(self, exclude: Optional[str]) -> Optional[dict]:
        """The country an article is about, besides ``exclude``: named at least twice, most often."""
        counts: dict[str, int] = {}
        first: dict[str, dict] = {}
        for m in self.mentions:
            c = m.actor.get("country")
            if c and c != exclude:
                counts[c] = counts.get(c, 0) + 1
                first.setdefault(c, m.actor)
        if not counts:
            return None
        best = max(counts, key=lambda c: (counts[c], -self.mentions.index(next(m for m in self.mentions if m.actor.get("country") == c))))
        if counts[best] < 2:
            return None
        a = first[best]
        return {"name": self.country_name(best), "role": None, "country": best, "actor_code": best} if is_person(a) else a

    def label_state(self, at: int) -> Optional[dict]:
        """The state a factbox's entry opens with ('DENMARK - Said on Friday it would send seven F-16s', '- Norway:
        About 10 naval officers'): the one the entry's sentences tell of when they name no one else. A capital
        opening a paragraph is a dateline, not a label."""
        start = self.text.rfind("\n", 0, at) + 1
        label = STATE_LABEL.match(self.text, start) if start >= self.title_end else None  # (a title's 'Mali:
        if label is None or label.start(1) in self.capital_starts:  # Senate approves ...' names its subject)
            return None
        return next((m.actor for m in self.mentions if m.start == label.start(1) and not is_person(m.actor)
                     and m.actor.get("country") and m.actor.get("actor_code") == m.actor["country"]), None)

    def recent_state(self, at: int, it: bool = False) -> Optional[dict]:
        """The country or organisation a pronoun stands for: the last one named in the sentence of ``at`` or
        the one before it. For 'it', one named earlier in its own sentence, else the first the sentence before
        names, its subject as a rule ('Sweden has been one of Ukraine's biggest backers. It pledged': Sweden)."""
        k = bisect.bisect_right(self._starts, at) - 1
        start, own = self._starts[max(0, k - 1)], self._starts[max(0, k)]
        named = [m for m in self.mentions if start <= m.start < at and not is_person(m.actor)
                 and m.actor.get("actor_code")]
        if it and named and named[-1].start < own:
            return named[0].actor
        return named[-1].actor if named else None


def _role_fits(asked: str, held: str) -> bool:
    asked, held = asked.lower(), held.lower()
    if asked in ("leader", "head of state", "head of government", "official"):
        return True
    return asked in held or held in asked


class ActorResolver:
    def __init__(self, nlp, gazetteer: Gazetteer):
        self.g = gazetteer
        self._matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        leaders = [a for a in gazetteer.offices_by_alias if len(a) > 2]
        self._matcher.add("LEADER", [nlp.make_doc(a) for a in leaders + _hyphenated(leaders)])
        # 'Mr. Xi', 'Mr Sharif': a short or ambiguous surname after a courtesy title is the leader
        courtesy = [f"{h.capitalize()} {a}" for h in COURTESY for a in list(gazetteer.offices_by_weak_alias) +
                    [a for a in gazetteer.offices_by_alias if len(a) <= 2]]
        self._matcher.add("LEADER", [nlp.make_doc(c) for c in courtesy])  # 'Mr.' capitalised to tokenise as one
        names = [s for s, (_, kind) in gazetteer.places.items() if kind in ("name", "demonym") or kind.startswith("metonym")]
        self._matcher.add("PLACE", [nlp.make_doc(s) for s in names if len(s) > 1])
        self._exact.add("PLACE", [nlp.make_doc(s) for s, (_, kind) in gazetteer.places_exact.items() if kind in ("name", "demonym")])
        self._matcher.add("ORG", [nlp.make_doc(s) for s in gazetteer.orgs])
        capitals = [s for s, (_, kind) in gazetteer.places.items() if kind == "capital"]
        self._matcher.add("CAPITAL", [nlp.make_doc(s) for s in capitals if len(s) > 2])
        self._exact.add("ORG", [nlp.make_doc(s) for s in gazetteer.orgs_exact])
        self._nlp = nlp

    # -- article level -----------------------------------------------------------------------------------
    def context(self, text: str, day: Optional[dt.date], home: Optional[str] = None) -> ArticleContext:
        doc = self._nlp.make_doc(fold_letters(text))  # 'Orbán' and 'Erdoğan' are the gazetteer's 'orban', 'erdogan'
        mentions: list[Mention] = []
        capitals: list[int] = []
        matches = _longest(list(self._matcher(doc)) + list(self._exact(doc)))
        leader_at = {start for match_id, start, _ in matches if self._nlp.vocab.strings[match_id] == "LEADER"}
        from pipeline.extract.prefilter import sentences

        ctx = ArticleContext([], self.g.roles_fit, [start for start, _ in sentences(text)])
        ctx.home = home
        ctx.text = text
        ctx.eras = dates.past_dates(text, day)
        for match_id, start, end in matches:
            span = doc[start:end]
            label = self._nlp.vocab.strings[match_id]
            if label == "CAPITAL":  # 'Berlin will send': enough to parse the sentence, not a mention
                capitals.append(span.start_char)
                continue
            if label == "LEADER" and span.text.islower():
                continue  # 'the crews will begin their training': a word, not Menachem Begin
            if label == "LEADER" and start > 1 and doc[start - 1].text == "-" and doc[start - 2].lower_ in ERA_PREFIXES:
                continue  # 'post-Gaddafi Libya', 'the pro-Putin camp': a time or a side, not the man
            actor = self._match_actor(label, span.text, day, ctx.era(span.start_char) if label == "LEADER" else None)
            if actor:
                mentions.append(Mention(span.start_char, actor))
                if label == "PLACE" and not is_person(actor) and not leader_at & set(range(end, end + 4)) \
                        and not (start and doc[start - 1].lower_ in OUT_OF_POWER) \
                        and not (start > 1 and doc[start - 2].lower_ == "of" and actor["actor_code"] != actor["country"]):
                    # ('Former Taiwanese president Ma'; 'Chairman of the Joint Chiefs of Staff Gen. Mashal Al Zaben'
                    # ends a title many states' officers hold, and names no state)
                    described = self._described_person(doc, end, actor)  # no gazetteer name follows
                    if described:
                        mentions.append(Mention(doc[end].idx, described))
        mentions += self._nominal_mentions(doc, mentions, home)
        mentions += _surname_mentions(doc, mentions)
        ctx.mentions = sorted(_full_names(mentions), key=lambda m: m.start)
        ctx.capital_starts = capitals
        ctx.country_name = self.g.country_name
        ctx.in_office_then = self._former_then
        return ctx

    def _former_then(self, actor: dict, then: Optional[dt.date]) -> Optional[dict]:
        """A leader named out of office, as he was on a past date: in the office he then held, else None."""
        office = self._in_office_then(actor["name"], then, actor.get("country"), False)
        return actor_from_office(office) if office else None

    def mention_own_minister(self, ctx: ArticleContext, day: Optional[dt.date]) -> None:
        """On a ministry's own site ('the Secretary met with ...' in a Pentagon readout), each bare 'the
        Secretary' or 'the Minister' is a mention of its head, so that 'he' in the next sentence finds him. On a
        government's own site, 'the President' is its own president, whoever else the briefing named; and
        'POTUS' anywhere is the US president of the day."""
        office = self.g.holder(ctx.home, ctx.ministry, day) if ctx.ministry and ctx.home else None
        own = [Mention(m.start(), actor_from_office(office)) for m in OWN_MINISTER.finditer(ctx.text)] if office else []
        for m in OWN_LEADER.finditer(ctx.text):
            home, role = ("USA", "President") if m.group(0) == "POTUS" else (
                ctx.home if ctx.official else None, m.group(1).title())
            leader = self.g.holder(home, role, day) if home else None
            if leader is not None:
                own.append(Mention(m.start(), actor_from_office(leader)))
        if own:
            at = {m.start for m in own}
            ctx.mentions = sorted([m for m in ctx.mentions if m.start not in at] + own, key=lambda m: m.start)

    def _nominal_mentions(self, doc, mentions: list[Mention], home: Optional[str] = None) -> list[Mention]:
        """'The Chinese minister began his trip in Egypt': a person named before, mentioned again by
        nationality and title, so that 'he' in the next sentence finds him."""
        out = []
        for i in range(len(doc) - 2):
            if doc[i + 1].text in ("'s", "’s") and doc[i].text[:1].isupper():  # "Iran's foreign minister will fly"
                who = self._possessed_title(doc, i, mentions)
                if who is not None:
                    out.append(Mention(doc[i].idx, who))
                continue
            if doc[i].lower_ != "the":
                continue
            n, bare = next(((n, self.g.title(doc[i + 1:i + 1 + n].text)) for n in (3, 2, 1) if i + 1 + n <= len(doc)
                            and (self.g.title(doc[i + 1:i + 1 + n].text) or {}).get("role") in BARE_TITLES), (0, None))
            # ('the Secretary-General', three words to the tokeniser)
            if bare and not (i + 1 + n < len(doc) and doc[i + 1 + n].lower_ == "of"):  # 'The prime minister will leave
                earlier = [m for m in mentions + out if m.start < doc[i].idx and is_person(m.actor)  # for Tehran
                           and m.actor.get("role") == bare["role"]]  # today': the one the story named most so
                if earlier:
                    count = Counter(m.actor["name"] for m in earlier)
                    out.append(Mention(doc[i].idx, max(earlier, key=lambda m: (  # of two named as often, the
                        count[m.actor["name"]], m.actor.get("country") == home, m.start)).actor))  # outlet's own
                    # ('the prime minister called on President Murmu' in a Dhaka paper after Hasina and Modi)
                continue
            hit = self.g.country_of(doc[i + 1].text)
            title = self.g.title(doc[i + 2].text) if hit and hit[1] == "demonym" else None
            if not title:
                continue
            earlier = [m.actor for m in mentions if m.start < doc[i].idx and is_person(m.actor)
                       and m.actor.get("country") == hit[0] and (self.g.roles_fit(title["role"], m.actor["role"])
                                                                  or title["role"].lower() in m.actor["role"].lower())]
            if earlier:
                out.append(Mention(doc[i].idx, earlier[-1]))
        return out

    def _possessed_title(self, doc, i: int, mentions: list[Mention]) -> Optional[dict]:
        """"Iran's foreign minister" after 'Araghchi': the person named before who holds that country's office."""
        hit = self.g.country_of(doc[i].text)
        if not hit or hit[1] != "name":
            return None
        title = next((self.g.title(doc[i + 2:i + 2 + n].text) for n in (2, 1) if i + 2 + n <= len(doc)
                      and self.g.title(doc[i + 2:i + 2 + n].text)), None)
        if not title or not title.get("role") or (i + 4 < len(doc) and doc[i + 4].ent_type_ == "PERSON"):
            return None
        earlier = [m.actor for m in mentions if m.start < doc[i].idx and is_person(m.actor)
                   and m.actor.get("country") == hit[0] and m.actor.get("role")
                   and self.g.roles_fit(title["role"], m.actor["role"])]
        return earlier[-1] if earlier else None

    def _described_person(self, doc, i: int, state: dict) -> Optional[dict]:
        """'Tunisian President Kais Saied': a nationality, a title and a capitalised name, though the name
        is in no gazetteer; later sentences that say only 'Saied' then know who he is."""
        title = None
        if i < len(doc) and doc[i].text in ("'s", "’s"):
            i += 1  # "Greenland's Premier Jens-Frederik Nielsen"
        service = next((n for n in (2, 1) if i + n <= len(doc) and doc[i].is_title
                        and self.g.institutions.get(fold(doc[i:i + n].text)) == "MIL"), 0)
        i += service  # 'U.S. Army Gen. Erik Kurilla', 'U.S. Marine Corps Gen. Michael Langley': the state's service
        if i < len(doc) and doc[i].lower_ in self.g.qualifiers.get("acting", ()) + self.g.qualifiers.get("outgoing", ()):
            i += 1  # 'Malian transitional President Assimi Goita', 'the acting Prime Minister'
        for n in (3, 2, 1):
            if i + n <= len(doc) and self.g.title(doc[i:i + n].text):
                title = self.g.title(doc[i:i + n].text)
                i += n
                break
        if title is None:
            return None
        name = []
        while i < len(doc) and len(name) < 4 and doc[i].is_title and not self.g.title(doc[i].text):
            name.append(doc[i].text)
            i += 1
            if i + 1 < len(doc) and doc[i].text == "-" and not doc[i - 1].whitespace_ and not doc[i].whitespace_ \
                    and doc[i + 1].is_alpha:  # 'Kim Myung-soo', 'Jens-Frederik Nielsen': one name
                name[-1] += "-" + doc[i + 1].text
                i += 2
        if not name or self.g.country_of(" ".join(name)) or len(name) > 1 and self.g.country_of(name[-1]):
            return None  # ('Meets Ukrainian President' in a headline, then the dateline's 'Jeddah'; 'as Chinese
            # Leader Courts Belgrade': a headline's verb and place)
        return {"name": " ".join(name), "role": title["role"], "country": state["country"],
                "actor_code": f"{state['country']}{title['sector']}"}

    def _in_office_then(self, surface: str, then: Optional[dt.date], country: Optional[str], weak_ok: bool
                        ) -> Optional[Office]:
        """The office a name held in the past time its passage is set in (``ArticleContext.era``): a role
        only a past date gives, for leaders out of office by the dateline."""
        office = self.g.leader(surface, then, country, weak_ok=weak_ok) if then else None
        return office if office and office.holds_on(then) else None

    def _match_actor(self, label: str, surface: str, day: Optional[dt.date], then: Optional[dt.date] = None
                     ) -> Optional[dict]:
        if label == "LEADER":
            first, _, rest = surface.partition(" ")
            courtesy = fold(first) in COURTESY and rest
            office = self.g.leader(rest, day, weak_ok=True) if courtesy else self.g.leader(surface, day)
            past = self._in_office_then(rest if courtesy else surface, then, None, bool(courtesy)) \
                if office and not office.holds_on(day) else None
            return actor_from_office(past) if past else actor_from_office(office, day) if office else None
        if label == "ORG":
            code = self.g.org_of(surface)
            return org_actor(code) if code else None
        hit = self.g.country_of(surface)
        if not hit:
            return None
        a3, kind = hit
        return state_actor(self.g, a3, kind.split(":")[1] if kind.startswith("metonym:") else None)

    # -- phrase level ------------------------------------------------------------------------------------
    def resolve_token(self, token: Token, day: Optional[dt.date], ctx: ArticleContext, offset: int) -> Optional[dict]:
        """The actor a noun-phrase head stands for, or None when it is not a political actor."""
        if token.lower_ in PRONOUNS:
            return None
        if token.lemma_.lower() in KIN and token.pos_ == "NOUN":  # "Kim's father, Kim Jong Il": the father, by
            named = next((c for c in token.children if c.dep_ == "appos"), None)  # his own name or none
            return self.resolve_token(named, day, ctx, offset) if named is not None else None
        np = _noun_phrase(token)
        body = next((e for e in token.doc.ents if e.label_ == "ORG" and e.end == token.i), None) \
            if token.i and token.doc[token.i - 1].ent_type_ == "ORG" and self.g.title(token.text) else None
        if body is not None and self.g.title(token.doc[token.i - 1].text + " " + token.text):
            body = None  # 'HRH the Crown Prince', 'Crown' tagged as a body: the words are one title
        if body is not None and body[-1].tag_ == "POS":
            body = body[:-1]  # "DR Congo's Minister of Defence", the owner tagged a body with its 's
        if body is not None and not (
                self.g.country_of(body.text) or self.g.org_of(body.text) or any(
                    self.g.org_of(body[k:].text) or self.g.country_of(body[k:].text) for k in range(1, len(body)))):
            return None  # 'Turkish Aerospace president', 'Korea Football Association president': a company's
        described = [t for t in np if token.ent_type_ != "GPE" or not any(  # 'Portugal, the former colonial
            a.dep_ == "appos" and a.head == token for a in [t, *t.ancestors])]  # power' is still Portugal
        if any(t.lower_ == "ethnic" for t in described) or token.i and token.doc[token.i - 1].lower_ == "ethnic":
            return None  # 'ethnic Albanian negotiators' speak for a people, not for Albania
        if any(t.lower_ in OUT_OF_POWER for t in described) or any(
                w.lemma_.lower() in REBELS or self._armed_group(w) for c in token.children if c.dep_ == "appos"
                for w in c.subtree) or (token.pos_ == "NOUN" and any(map(self._armed_group, token.subtree))):
            return None  # 'exiled Belarusian opposition leader Sviatlana Tsikhanouskaya' speaks for no state, nor
            # 'Mahmoud Jibril, a senior figure in the rebels' council', nor 'Safieddine, the representative of
            # Lebanon's Hezbollah in Tehran'
        if token.dep_ == "conj" and token.head.dep_ in ("amod", "compound") and \
                token.head.head.lemma_.lower() == "counterpart":  # 'his Armenian and Azerbaijani counterparts'
            hit = self.g.country_of(token.text)
            if hit and hit[1] in ("demonym", "name"):
                return self._counterpart(hit[0], list(token.head.head.subtree), ctx, offset, day)
        if token.pos_ == "PROPN":
            compounds = [c for c in token.children if c.dep_ in ("compound", "flat") and c.i < token.i]
            name = " ".join(t.text for t in compounds + [token]) if all(c.pos_ == "PROPN" for c in compounds) else None
            hit = self.g.country_of(name) if name else None
            for k in (2, 1):  # "Côte d'Ivoire" parsed as two words of two clauses
                if hit is None and token.i >= k and all(w.pos_ == "PROPN" for w in token.doc[token.i - k:token.i]):
                    hit = self.g.country_of(token.doc[token.i - k:token.i + 1].text)
            if hit is None and token.ent_type_ == "GPE":  # 'the Republic of China', a name with its 'of'
                place = next(e for e in token.doc.ents if e.start <= token.i < e.end)
                hit = self.g.country_of(place.text) if place.end > token.i + 1 else None
            if hit is None and any(w.lower_ in ERA_PREFIXES and w.nbor(1).text == "-" for w in token.doc[
                    token.left_edge.i:token.i]):  # 'post-Gaddafi Libya': the country, in its time
                hit = self.g.country_of(token.text)
            if hit and hit[1] == "name":  # 'Mali', 'Sri Lanka' tagged as a person are still the country
                return state_actor(self.g, hit[0])
        elif token.pos_ == "ADJ" and token.ent_type_ in PERSON_LABELS:
            hit = self.g.country_of(token.text)  # 'Indian and Bangladeshi/PERSON leaders': a nationality
            if hit and hit[1] == "demonym":
                return state_actor(self.g, hit[0])
        person = _entity_covering(np, token, PERSON_LABELS)
        if person is not None and person.start > token.i + 3:
            person = None  # a name the parser hung far off ('Saudi Crown Prince ... and Pakistani Prime Minister
            # Muhammad Shehbaz Sharif'): not this title's
        if person is not None and ((self.g.title(person.text) or {}).get("country") or not _strip_title(person, self.g)
                                   and not self.g.country_of(person.text)
                                   or _strip_title(person, self.g)[:1].islower()):
            person = None  # 'Raksha Mantri called on', a title the tagger took for a name; 'the Amir Sheikh Sabah
            # Al-Ahmad', the title and honorific tagged as a name of their own; 'the King at Sandringham'
        if token.lower_ in ("majesty", "highness") and (person is None or len(person) == 1) and any(
                c.lower_ in ("his", "her") for c in token.children):  # 'His Majesty called on President Murmu'
            return self._styled_royal(token, day, ctx, offset)
        if person is None and token.pos_ == "NOUN" and token.i + 1 < len(token.doc):
            after = token.doc[token.i + 1]  # 'his Turkish counterpart Hakan Fidan', the name parsed apart
            if after.ent_iob_ == "B" and after.ent_type_ in PERSON_LABELS and (
                    token.lower_ in ("counterpart", "counterparts") or self.g.title(token.text)):
                person = next(e for e in token.doc.ents if e.start == after.i)
                np = np + [w for w in person if w not in np]
            elif token.lower_ == "counterpart":  # 'his Maldivian counterpart Ameen Faisal', the name tagged a product
                named = next((c for c in token.children if c.dep_ == "appos" and c.i == token.i + len(
                    [w for w in c.lefts]) + 1 and c.pos_ == "PROPN" and c.ent_type_ not in PLACE_LABELS | {"DATE", "TIME"}
                    and all(w.pos_ == "PROPN" for w in c.subtree)), None)
                if named is not None:
                    person = token.doc[named.left_edge.i:named.i + 1]
                    np = np + [w for w in person if w not in np]
        if person is None and token.pos_ == "PROPN" and self.g.title(token.text):
            named = self._title_of_state_name(token, day)  # 'President of Turkiye Recep Tayyip Erdogan'
            if named is not None:
                return named
        country, title, org = self._describe(np)
        if person is None and title and token.pos_ == "PROPN":  # 'the Minister of Defence, Juvenal Marizamunda,'
            named = next((c for c in token.children if c.dep_ == "appos" and c.i > token.i and c.pos_ == "PROPN"
                          and c.ent_type_ not in ("DATE", "TIME") and not any(
                              self.g.country_of(w.text) or self.g.title(w.text) and not (
                                  c.ent_type_ == "PERSON" and w.i < c.i and w.ent_type_ != "PERSON")
                              or w.lower_ == "the" for w in c.subtree)), None)  # (a rank before a name:
            # "Germany's Inspector General of the Bundeswehr, General Carsten Breuer")
            of = {w.i for c in token.children if (c.dep_ == "prep" and c.lower_ == "of") or c.dep_ == "cc" or (
                  c.dep_ == "conj" and self._titled(c)) for w in c.subtree}  # '... and head of UNFICYP, Name'
            if named is not None and (named.left_edge.i < 2 or token.doc[named.left_edge.i - 1].text != "," or any(
                    k not in of for k in range(token.i + 1, named.left_edge.i - 1))):
                named = None  # only the title's own ', Name' ('the Minister of Defence, Juvenal Marizamunda')
            if named is not None:  # (the name taken for a place by the tagger)
                person = token.doc[named.left_edge.i:named.i + 1]
                field_ = next((" ".join(w.text for w in o.subtree) for c in token.children if c.dep_ == "prep"
                               and c.lower_ == "of" for o in c.children if o.dep_ == "pobj"), None)
                title = (self.g.title(f"{token.text} of {field_}") if field_ else None) or title
        if person is None:
            person = self.title_holder(token)
            country = country or (self._country_in(token, person) if person is not None else None)
        if not (country or org) and (title or self.g.title(token.text) or token.lower_ in STATE_NOUNS or (
                token.tag_ == "NNS" and self.g.title(token.lemma_))):  # 'the leaders of the OTS'
            country, org = self._of_whom(token)  # 'the Prime Minister of Nepal', 'the Republic of Azerbaijan'
            for also in (c for c in token.children if c.dep_ == "conj" and not (country or org) and self._titled(c)):
                country, org = self._of_whom(also)  # 'the Special Representative ... and Head of MONUSCO'
            if country and token.lower_ in STATE_NOUNS:
                return state_actor(self.g, country)
            for c in (c for c in token.children if c.dep_ in ("nmod", "compound") and c.i < token.i
                      and not (country or org) and self.g.title(c.text)):
                country, org = self._of_whom(c)  # 'Prime Minister of the Islamic Republic of Pakistan HE Mian
                # Muhammad Shehbaz Sharif', the title parsed as a modifier of the name
        if person is not None and not (country or org) and person.start <= token.i < person.end:
            for appos in (c for c in token.children if c.dep_ == "appos" and c.i > token.i):
                country, org = self._of_whom(appos)  # 'Edgard Leblanc Fils, the president of Haiti's Council'
                title = title or self.g.title(appos.text)
                if country or org:
                    break
        described = bool(country or title)
        titled = [t.text for t in np if t.pos_ == "PROPN" and t.tag_ != "POS" and t.i <= token.i
                  and not self.g.country_of(t.text)]
        names = [n for n in (person.text if person is not None else None,
                             _strip_title(person, self.g) if person is not None else None,
                             *(" ".join(titled[k:]) for k in range(len(titled) - 1)),  # 'Sultan Ibrahim' as written
                             " ".join(c.text for c in token.children if c.dep_ == "compound" and c.is_title
                                      and c.i < token.i) if self.g.institutions.get(fold(token.text)) else None,
                             # 'the Albanese Government' capitalised: the leader's name before it
                             self._proper_name(np), token.text if token.pos_ == "PROPN" or token.is_title or (
                                 token.is_upper and len(token) > 2) else None) if n]  # ('AMLO', tagged a noun)
        if person is not None and len(person) == 1 and not title:  # 'Blair' after 'Defence Minister Bill Blair':
            known = ctx.person_named(person.text, country, before=offset + token.idx)  # the one the article named,
            listed = self.g.leader(person.text, day, country)  # not the gazetteer's other Blair, out of office
            if known and known.get("country") and len(known["name"].split()) > 1 and (
                    listed is None or not listed.holds_on(day)):
                return known
        for cand in sorted(dict.fromkeys(names), key=lambda n: -len(n.split())):  # the fullest name first:
            office = self.g.leader(cand, day, country, weak_ok=described)  # 'Seyed Abbas Araghchi', not 'Abbas'
            if office and title and fold(cand) not in self.g.offices_by_alias and \
                    not self.g.roles_close(title["role"], office.role):
                continue  # "Malaysia's King, Sultan Ibrahim" is not Prime Minister Anwar Ibrahim
            if office and _consistent(office, _strip_title(person, self.g) if person is not None else None):
                if title and title.get("status") == "future" and office.country and country in (None, office.country) \
                        and self.g.roles_fit(title["role"], office.role) and not office.holds_on(day):
                    return {"name": office.name, "role": title["role"] + "-elect", "country": office.country,
                            "actor_code": office.country + title["sector"]}  # 'President-elect Donald Trump' meets
                    # for the state he is about to lead (Trump Tower, Mar-a-Lago)
                if self._asserted(token, title, office, country):
                    return actor_from_office(office)  # the text names the office: it wins over our term dates
                if title and office.country and not office.holds_on(day) and title["role"] != "Leader" and \
                        not self.g.roles_fit(title["role"], office.role):
                    # 'Deputy Prime Minister Lawrence Wong' in 2023, 'Prime Minister Sheikh Sabah' in 2004: in
                    # the office the text gives, not the one we list for a later (or earlier) time
                    return {"name": office.name, "role": title["role"], "country": office.country,
                            "actor_code": office.country + title["sector"]}
                past = self._in_office_then(cand, ctx.era(offset + token.idx), country, described) \
                    if not office.holds_on(day) else None  # 'On October 29, 1997, Bill Clinton welcomed him'
                return actor_from_office(past) if past else actor_from_office(office, day)
        if title and person is not None:  # 'President Obama' in a story our terms of office do not cover
            for cand in dict.fromkeys(names):
                office = self.g.leader(cand, None, country)
                if office and self.g.roles_fit(title["role"], office.role) and \
                        _consistent(office, _strip_title(person, self.g)):
                    return actor_from_office(office)
        proper = self._proper_name(np)
        if person is None and proper and token.pos_ == "PROPN" and not self.g.country_of(proper):
            known = ctx.person_named(proper, country)
            if known and (title is None or self.g.roles_close(title["role"], known.get("role") or "")):
                return known
        if person is not None:
            name = _strip_title(person, self.g) or person.text
            known = ctx.person_named(name, country)
            if known:
                return known
            if not described:
                return None  # a name with no office and no country is nobody we can place
            if title is None and country and any(t.lower_ in ("counterpart", "counterparts") for t in np):
                title = self._counterpart_of(np, ctx, offset)  # 'his Lithuanian counterpart Arvydas Anusauskas'
            if title and not (country or org) and ctx.home and title["role"] not in BARE_TITLES and \
                    any(w in title["role"] for w in ("Minister", "Secretary")):
                country = ctx.home  # 'Foreign Minister Yoriko Kawaguchi' in a story of NHK (nhk.or.jp); not a
                # party's 'Conservative Leader', nor a 'President' whose office our terms would know
            if title and not (country or org):
                country = self._principal_country(np, token, day, ctx, offset)  # "Trump's special envoy Steve Witkoff"
            return {"name": name, "role": title["role"] if title else None, "country": country,
                    "actor_code": country + (title["sector"] if title else "") if country else org}
        if person is None and token.lemma_.lower() == "counterpart" and country:
            run = list(itertools.takewhile(_names_next, token.doc[token.i + 1:token.i + 5]))
            if not run:
                return self._counterpart(country, np, ctx, offset, day)  # 'met her Chinese counterpart in Beijing'
            if run[0].pos_ != "PROPN" and self._counterpart(country, np, ctx, offset, day) is not None:
                name = " ".join(w.text for w in run)  # 'his Congolese counterpart Thérèse Kayikwamba Wagner', the
                title = self._counterpart_of(np, ctx, offset)  # name the tagger missed: that person, in that office
                return ctx.person_named(name, country) or {"name": name, "role": title["role"], "country": country,
                                                           "actor_code": country + title["sector"]}
        if token.lower_ == "chief" and org and not country and person is None:  # 'the U.N. chief', 'the NATO chief'
            office = next((o for o in (self.g.holder(None, role, day, org) for role in ORG_HEADS) if o), None)
            if office is not None:
                return actor_from_office(office)
        head_title = None if token.i > 1 and token.nbor(-1).text == "-" and token.nbor(-2).lower_ in PLACE_LINKS else (
            self._compound_title(token) or self.g.title(token.text) or self.g.title(token.lemma_) or (
                self.g.title(token.doc[token.i:token.i + 3].text) if token.i + 3 <= len(token.doc) else None))
        # ('Head of State'; not the 'Prince' of 'Port-au-Prince')
        if head_title and head_title.get("country") and not (country or org):
            country = head_title["country"]  # 'POTUS'
        if head_title and not (country or org) and token.text.isupper() and len(token.text) > 2 and ctx.home:
            country = ctx.home  # 'COAS called on General Zhang Youxia' in ISPR's release: its own army chief
        if ctx.ministry and ctx.home and not (country or org) and token.text in ("Secretary", "Minister") and [
                c.lower_ for c in token.children] == ["the"]:  # a Pentagon readout's 'the Secretary met with': its own
            office = self.g.holder(ctx.home, ctx.ministry, day)
            if office is not None:
                return actor_from_office(office)
        unmarked = token.dep_ in ("nsubj", "nsubjpass") and token.is_title and token.sent[-1].is_punct and all(
            c.dep_ == "compound" and c.is_title for c in token.children)  # a release's 'Prime Minister also met'
        # (not a headline's, whose titles are all bare)
        named = next((c for c in token.children if c.dep_ == "appos" and c.i > token.i and c.ent_type_ in PERSON_LABELS),
                     None) if head_title and not (country or org) else None
        after = token.doc[token.i + 2] if head_title and not (country or org) and token.i + 2 < len(token.doc) else None
        if named is None and after is not None and token.nbor(1).text == "," and after.ent_iob_ == "B" \
                and after.ent_type_ in PERSON_LABELS:  # (the name hung elsewhere by the parser)
            named = next(e.root for e in token.doc.ents if e.start == after.i)
        if named is not None:  # 'to meet the emir, Sheikh Tamim bin Hamad Al Thani': named at once, whoever held
            return self.resolve_token(named, day, ctx, offset)  # the title before in the story
        if head_title and not (country or org) and (any(c.lower_ == "the" for c in token.children) or unmarked) and (
                head_title["role"] in BARE_TITLES or head_title["role"] in BARE_MINISTERS and all(
                    c.dep_ == "det" for c in token.children)):
            if head_title["role"] == "Head of State":  # Kazinform's 'the Head of State': the outlet's own
                office = self.g.holder(ctx.home, "Leader", day) if ctx.home else None
                return actor_from_office(office) if office else None
            own = self.g.holder(ctx.home, head_title["role"], day) if ctx.official and ctx.home else None
            if own is not None:  # a White House schedule's 'the President will meet with ...': its own
                return actor_from_office(own)
            found = ctx.person_for(None, head_title["role"], offset + token.idx)  # 'The President' of the story
            if found and ctx.home and found.get("country") != ctx.home and \
                    found["name"].split()[-1] in token.sent.text:  # 'The Prime Minister welcomed Prime Minister
                office = self.g.holder(ctx.home, head_title["role"], day)  # Narendra Modi of India to Chequers'
                found = actor_from_office(office) if office else found  # in a gov.uk readout: the UK's
            if found:
                return found
            if head_title["role"] in MONARCHS | {"Crown Prince"} and ctx.home:  # the BBC's 'the King' met no one
                # named before, SPA's 'HRH the Crown Prince'
                office = self.g.holder(ctx.home, head_title["role"], day)
                return actor_from_office(office) if office else None
        if head_title and org and not country and token.tag_ == "NNS":
            return org_actor(org)  # 'the leaders of the Organization of Turkic States' meet as their body
        if head_title and (country or org):
            role = head_title["role"]
            found = ctx.person_for(country, role, offset + token.idx)
            if found is None:
                office = self.g.holder(country, role, day, org) or (
                    self.g.holder(country, "President", day) if role in ("Leader",) else None)
                found = actor_from_office(office) if office else None
            if found:
                return found
            return {"name": f"{self.g.country_name(country) if country else org} {role}", "role": role,
                    "country": country, "actor_code": f"{country}{head_title['sector']}" if country else org}
        named = next((e for e in token.doc.ents if e.start <= token.i < e.end), None) \
            if token.ent_type_ in ("ORG", "FAC") else None
        whole = next((h for k in range(len(named) - 1) for h in [self.g.country_of(named[k:].text)] if h), None) \
            if named is not None else None  # "the Standing Committee of the National People's Congress", not 'Congress'
        hit = whole or self.g.country_of(_span_text(np, token)) or self.g.country_of(token.text)  # "South Sudan" first
        if hit and (token.ent_type_ in PLACE_LABELS or token.pos_ == "PROPN" or hit[1].startswith("metonym")):
            a3, kind = hit
            if kind in ("capital", "city") and token.dep_ not in ("nsubj", "nsubjpass"):
                return None
            sector = kind.split(":")[1] if kind.startswith("metonym:") else None
            if kind == "capital":
                sector = "GOV"
            own_name = whole and named is not None and \
                fold(named.text).removeprefix("the ") not in SHARED_LEGISLATURES  # 'the Congress of Deputies'
            if sector == "LEG" and (ctx.dateline or ctx.home) and not own_name and \
                    self._shared_legislature(np, token, named):
                a3 = ctx.dateline or ctx.home  # 'Congress approves sending 1,300 more troops to Haiti' in Agência
                # Brasil: Brazil's; 'SEOUL, Aug. 13 (UPI) - The National Assembly voted': the Korean one
            elif sector == "LEG" and not whole and country and country != a3 and \
                    self._shared_legislature_name(np, token, named):
                a3 = country  # "Brazil's Congress", 'the Brazilian Congress': whose, as the text says
            return state_actor(self.g, a3, sector)
        code = self.g.org_of(_span_text(np, token)) or self.g.org_of(token.text)
        if code:
            return org_actor(code)
        sector = self.g.institutions.get(fold(token.text)) or self.g.institutions.get(fold(_span_text(np, token)))
        if sector and not country:  # 'lawmakers in Bucharest', 'officials in Canberra'
            places = [p for c in token.children if c.dep_ == "prep" and c.lower_ == "in" for p in c.children if p.dep_ == "pobj"]
            hit = self.g.country_of(places[0].text) if places else None
            country = hit[0] if hit and hit[1] in ("capital", "name") else None
        if sector and country:  # 'the German government', "Russia's military"
            return state_actor(self.g, country, sector)
        owner = next((c for c in token.children if c.dep_ == "poss" and c.lower_ in ("his", "her")), None)
        if sector and owner is not None:  # 'his cabinet approved': the cabinet of the person meant
            person = ctx.antecedent(offset + owner.idx)
            if person and person.get("country"):
                return state_actor(self.g, person["country"], sector)
        return None

    def _principal_country(self, np: list[Token], token: Token, day, ctx, offset: int) -> Optional[str]:
        """'Trump's special envoy Steve Witkoff', "Putin's aide Yuri Ushakov": an envoy or aide of a leader
        serves the leader's country."""
        for w in np:
            if w.dep_ == "poss" and w.pos_ == "PROPN" and w.i != token.i:
                principal = self.resolve_token(w, day, ctx, offset)
                if principal and principal.get("role") and principal.get("country"):
                    return principal["country"]
        return None

    def _titled(self, token: Token) -> bool:
        return token.lower_ in TITLE_HEADS or self.g.title(token.text) is not None

    def title_holder(self, token: Token) -> Optional[Span]:
        """'Minister for Foreign Affairs and Trade Penny Wong', 'Adviser to the Prime Minister on Foreign
        Affairs Sartaj Aziz': a long title written before the name. The parser hangs the name somewhere
        inside the title, so the noun phrase we are given is the title's first word; its holder is the
        first name after it, when only the title's own words lie between."""
        if not token.is_title or token.ent_type_ in PERSON_LABELS or not (
                token.lower_ in TITLE_HEADS or self.g.title(token.text)):
            return None
        doc, linked = token.doc, False
        end = min(token.sent.end, next((t.i for t in doc[token.i + 1:token.i + 16]
                                         if not t.is_title and t.lower_ not in TITLE_LINKS), token.i + 16))
        for t in doc[token.i + 1:token.i + 13]:
            if t.ent_type_ in PERSON_LABELS and t.ent_iob_ == "B":
                return next((e for e in doc.ents if e.start == t.i), None) if linked else None
            if linked and t.i < end - 1 and fold(doc[t.i:end].text) in self.g.offices_by_alias:
                return doc[t.i:end]  # 'President of the Islamic Republic of Iran Ebrahim Raisi', the whole run
                # tagged a place: a listed name ends it
            if t.lower_ == "and" and (self.g.country_of(t.nbor(-1).text) or self.g.title(t.nbor(1).text)
                                      or t.nbor(1).ent_type_ in PERSON_LABELS):
                return None  # 'the President of France and Chancellor Scholz': two people
            if t.text == "," and linked:  # 'the President of the Council of Ministers, Giuseppe Conte,': a listed
                stop = next((w.i for w in doc[t.i + 1:t.i + 6] if not w.is_title), min(len(doc), t.i + 6))  # name
                return doc[t.i + 1:stop] if stop > t.i + 1 and fold(doc[t.i + 1:stop].text) in self.g.offices_by_alias \
                    else None
            if t.lower_ in TITLE_LINKS:
                linked = linked or t.pos_ == "ADP"
            elif not t.is_title:
                return None
        return None

    def _country_in(self, token: Token, holder: Span) -> Optional[str]:
        """The state a long title names ('Special Envoy of the President of Kenya')."""
        words = [t.text for t in token.doc[token.i + 1:holder.start]]
        for n in (3, 2, 1):
            for i in range(len(words) - n + 1):
                hit = self.g.country_of(" ".join(words[i:i + n]))
                if hit and hit[1] in ("name", "demonym"):
                    return hit[0]
        return None

    def _of_whom(self, token: Token) -> tuple[Optional[str], Optional[str]]:
        for prep in token.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                for obj in prep.children:
                    if obj.dep_ != "pobj":
                        continue
                    if obj.lower_ in STATE_NOUNS and obj.i != token.i:  # 'of the Islamic Republic of Pakistan'
                        country, org = self._of_whom(obj)
                        if country or org:
                            return country, org
                    text = " ".join(t.text for t in obj.subtree if t.dep_ not in ("det", "punct") and t.i <= obj.i)
                    owner = next((c for c in obj.children if c.dep_ == "poss"), None)  # "of Haiti's Council"
                    hit = self.g.country_of(text) or self.g.country_of(obj.text) or (
                        self.g.country_of(owner.text) if owner is not None else None)
                    if hit is None and fold(obj.text).rstrip(".") in self.g.honorifics:  # 'of the Republic of
                        hit = next((h for c in obj.children if c.dep_ == "compound" and c.pos_ == "PROPN"  # Maldives
                                    for h in [self.g.country_of(c.text)] if h and h[1] == "name"), None)  # Smt ...'
                        # the honorific before the name parsed as the object of 'of'
                    if hit and (hit[1] in ("name", "demonym") or hit[1].startswith("metonym")):
                        return hit[0], None  # ('Chief of the Kenya Defence Forces': the state whose forces they are)
                    named = next((e.text for e in obj.doc.ents if e.start <= obj.i < e.end and e.label_ == "ORG"), "")
                    code = self.g.org_of(text) or self.g.org_of(obj.text) or self.g.org_of(
                        re.sub(r"^the ", "", named, flags=re.I)) or next(  # 'the Organization of Turkic States',
                        (self.g.org_of(c.text) for c in obj.subtree  # 'the Bucharest Nine (B9) countries'
                         if c.i < obj.i and c.pos_ == "PROPN" and self.g.org_of(c.text)), None)
                    if code:
                        return None, code
                    mission = self.g.campaigns.get(fold(obj.text))
                    lead = self.g.org_of(mission["lead"]) if mission and mission.get("lead") else None
                    if lead:
                        return None, lead  # 'the head of MONUSCO' is a UN official
        return None, None

    def _title_of_state_name(self, token: Token, day: Optional[dt.date]) -> Optional[dict]:
        """'President of Turkiye Recep Tayyip Erdogan': a title, its state and the holder's name in one 'of';
        'President of the Republic Sauli Niinistö', the state left unnamed."""
        for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"):
            for obj in (o for o in prep.children if o.dep_ == "pobj" and o.pos_ == "PROPN"):
                words = [w for w in obj.subtree if w.i <= obj.i]
                if len(words) > 2 and words[0].lower_ == "the" and words[1].lower_ in STATE_NOUNS and all(
                        w.pos_ == "PROPN" for w in words[2:]):
                    office = self.g.leader(" ".join(w.text for w in words[2:]), day, None)
                    title = self.g.title(token.text)
                    return actor_from_office(office, day) if office and title and self.g.roles_fit(
                        title["role"], office.role) else None
                for k in range(1, min(4, len(words))):
                    hit = self.g.country_of(" ".join(w.text for w in words[:k]))
                    name = " ".join(w.text for w in words[k:])
                    if hit and hit[1] == "name" and all(w.pos_ == "PROPN" for w in words[k:]):
                        office = self.g.leader(name, day, hit[0])
                        return actor_from_office(office, day) if office else None
        return None

    def _counterpart(self, country: str, np: list[Token], ctx: "ArticleContext", offset: int,
                     day: Optional[dt.date]) -> Optional[dict]:
        """An unnamed counterpart: the holder, on the day, of the office of the one whose counterpart he is
        ('Kamikawa met her Chinese counterpart' is China's foreign minister), else that office by name. Only
        'his' or 'her' says whose: a headline's 'Saudi FM receives Iraqi counterpart' leaves it open."""
        owner = next((t for t in np if t.lower_ in ("his", "her")), None)
        other = ctx.antecedent(offset + owner.idx) if owner is not None else None
        if other is None or not other.get("role") or not other.get("country"):
            return None
        title = self._counterpart_of(np, ctx, offset)
        leading = title["role"] in LEADING  # a head of government's counterpart leads his country, whatever
        office = self.g.holder(country, "Leader" if leading else title["role"], day)  # his title there; a prime
        if leading and title["role"] == "Prime Minister" and country not in self.g.leader_roles:  # minister's, in
            office = self.g.holder(country, title["role"], day) or office  # a state whose leader we do not list,
            # is its prime minister ('his Bangladeshi counterpart' of Nepal's Oli), not its president
        if office is not None:
            return actor_from_office(office)
        return {"name": f"{self.g.country_name(country)} {title['role']}", "role": title["role"], "country": country,
                "actor_code": country + title["sector"]}

    def _counterpart_of(self, np: list[Token], ctx: "ArticleContext", offset: int) -> dict:
        """A counterpart holds the office of the one whose counterpart he is ('his', the story's last person)."""
        owner = next((t for t in np if t.lower_ in ("his", "her")), None)
        other = ctx.antecedent(offset + (owner.idx if owner is not None else np[0].idx))
        office = self.g.title(other["role"]) if other and other.get("role") else None
        return {"role": other["role"], "sector": (office or {}).get("sector", "GOV")} if office else \
            {"role": "Minister", "sector": "GOV"}

    def _styled_royal(self, token: Token, day, ctx: ArticleContext, offset: int) -> Optional[dict]:
        """'His Majesty', 'His Royal Highness the Crown Prince', 'His Highness the Amir': the crowned head or
        heir the story is about, else the outlet's own (a Court Circular's 'His Majesty received', SPA's 'HRH
        the Crown Prince', WAM's 'His Highness', its head of state). A crown prince who is also prime minister
        ('Crown Prince and Prime Minister Mohammed bin Salman') is still the one meant."""
        after = token.doc[token.i + 1:token.i + 4].text.lower()
        if token.lower_ == "majesty":
            roles = ("King", "Crown Prince")
        elif "crown prince" in after or any(c.lower_ == "royal" for c in token.children):
            roles = ("Crown Prince", "King")
        else:
            roles = ("Emir", "Crown Prince", "King")
        for role in roles:
            found = ctx.person_for(None, role, offset + token.idx)
            held = self.g.holder(found.get("country"), role, day) if found and found.get("country") else None
            if found and (found.get("role") in MONARCHS | {"Crown Prince"}
                          or held is not None and held.role == role and held.name == found["name"]):
                return found
        if not ctx.home:
            return None
        office = next((o for o in (self.g.holder(ctx.home, role, day) for role in roles) if o and o.role in roles),
                      None) or self.g.holder(ctx.home, roles[0], day)
        return actor_from_office(office) if office else None

    def _asserted(self, token: Token, title: Optional[dict], office: Office, country: Optional[str]) -> bool:
        """'Palestinian leader Yasser Arafat', 'President Obama': the article says the person holds the office
        now, whatever our terms of office say (a gazetteer lags behind elections and may lack old terms)."""
        if not title or title.get("status") == "future" or (country and country != office.country):
            return False
        if any(t.lower_ in FORMER - {"then"} or t.lower_ in ("opposition", "party") for t in token.subtree):
            return False  # the appositions count too: 'Merz, leader of the opposition Christian Democrats'; but
            # 'then-Prime Minister Naoto Kan' held the office when the event took place
        if token.dep_ == "appos" and any(t.lower_ in FORMER - {"then"} for t in token.head.subtree):
            return False
        if title["role"] == "Leader" and any(self._party_leader(t) for t in token.subtree):
            return False  # 'Labour leader Chris Hipkins', out of office: his party's leader, not the state's
        return self.g.roles_fit(title["role"], office.role)

    def _armed_group(self, w: Token) -> bool:
        """A word that names a non-state armed group the gazetteer lists ('Hezbollah', 'Hamas', 'Houthis')."""
        return w.pos_ == "PROPN" and w.text[:1].isupper() and bool(
            self.g.adversaries_exact.get(w.text) or self.g.adversaries.get(fold(w.text)))

    def _party_leader(self, t: Token) -> bool:
        """'Labour leader', 'Likud leader': a capitalised word before 'leader' that names no country."""
        if t.lower_ != "leader" or t.i == 0:
            return False
        before = t.doc[t.i - 1]
        if not (before.text[:1].isupper() and before.pos_ in ("PROPN", "ADJ", "NOUN")) or before.lower_ == "supreme":
            return False
        start = t.i - 1
        while start > 0 and t.doc[start - 1].text[:1].isupper() and t.doc[start - 1].pos_ in ("PROPN", "ADJ"):
            start -= 1  # 'South African leader': the whole name before it
        words = [t.doc[k:t.i].text for k in range(start, t.i)]
        return not any(self.g.country_of(w) or self.g.org_of(w) for w in words)

    @staticmethod
    def _shared_legislature_name(np: list[Token], token: Token, named) -> bool:
        """'Congress', 'the House of Commons': a name several states give their legislature."""
        written = {fold(token.text), fold(_span_text(np, token))} | ({fold(named.text)} if named is not None else set())
        return any(w.removeprefix("the ") in SHARED_LEGISLATURES for w in written)

    def _shared_legislature(self, np: list[Token], token: Token, named) -> bool:
        """A legislature's shared name, and the text does not say whose ("Britain's House of Commons")."""
        return self._shared_legislature_name(np, token, named) and not any(
            (self.g.country_of(c.text) or ("", ""))[1] in ("name", "demonym")
            for c in token.lefts if c.dep_ in ("poss", "amod", "compound"))

    def _proper_name(self, np: list[Token]) -> Optional[str]:
        """The run of proper nouns that is a name, without titles or nationality ('Matteo Renzi')."""
        words = [t for t in np if t.pos_ == "PROPN" and not self.g.title(t.text) and not self.g.country_of(t.text)
                 and fold(t.text).rstrip(".") not in self.g.honorifics]
        return " ".join(t.text for t in words) if words else None

    def _compound_title(self, token: Token) -> Optional[dict]:
        """Two-word titles ('prime minister', 'foreign secretary') whose head is the last word."""
        left = [t for t in token.lefts if t.dep_ in ("compound", "amod")]
        for n in (2, 1):
            if len(left) >= n:
                phrase = " ".join(t.text for t in left[-n:]) + " " + token.text
                hit = self.g.title(phrase)
                if hit:
                    return hit
        return None

    def _describe(self, np: list[Token]) -> tuple[Optional[str], Optional[dict], Optional[str]]:
        """Country, title and organisation written in a noun phrase ('German Chancellor', "Iraq's adviser")."""
        country = title = org = None
        # a possessive country counts even when the tagger took it into the name ("Senegal's President Faye")
        owners = [t.doc[t.left_edge.i:t.i + 1] for t in np if t.dep_ == "poss" and t.ent_type_ == "PERSON"]
        owned = {w.i for span in owners if self.g.country_of(span.text) for w in span}  # "Papua New Guinea's", whole
        words = [t for t in np if t.ent_type_ != "PERSON" or t.i in owned or (
            t.dep_ == "poss" and self.g.country_of(t.text))]
        spans = sorted(((i, j) for i in range(len(words)) for j in range(i + 1, min(len(words), i + 4) + 1)),
                       key=lambda ij: ij[0] - ij[1])  # longest first: 'North Korean' before 'Korean'
        for i, j in spans:
            hit = self.g.country_of(" ".join(t.text for t in words[i:j]))
            if hit and hit[1] in ("name", "demonym", "capital") or (hit and hit[1].startswith("metonym")):
                country = hit[0]
                break
        # title words the tagger took into a name still count before its head ('King Abdullah'), never the
        # head itself ('Tom King')
        head = max(t.i for t in np) if np else -1
        lowered = [t.lower_ for t in np if t.ent_type_ != "PERSON" or (t.i < head and t.is_title)]
        for n in (3, 2, 1):
            for i in range(len(lowered) - n + 1):
                hit = self.g.title(" ".join(lowered[i:i + n]))
                if hit:
                    title = hit
                    break
            if title:
                break
        for n in (3, 2, 1):
            for i in range(len(words) - n + 1):
                code = self.g.org_of(" ".join(t.text for t in words[i:i + n]))
                if code:
                    org = code
                    break
            if org:
                break
        if country is None and org is None and title and title.get("country"):
            country = title["country"]  # 'Brexit Secretary David Davis', 'the Taoiseach': a title of one state
        return country, title, org


#: Words that join a name to a father's or a house's name.
PATRONYMIC = {"bin", "bint", "ibn", "al", "al-", "el", "ben"}


def _written_in_full(text: str, m: Mention) -> bool:
    """The mention opens with the first of the person's names ('Donald H. Rumsfeld', not 'Carter')."""
    first = fold(m.actor["name"].split()[0])
    return fold(text[m.start:m.start + len(first)]) == first


def _surname_mentions(doc, mentions: list[Mention]) -> list[Mention]:
    """'Zhao is in Pyongyang on a goodwill visit' after 'Zhao Leji': a person named in full, named again by one
    of his names, so that 'he' in the next sentence finds him. A name two people share stays unread."""
    first: dict[str, tuple[int, dict]] = {}
    owners: dict[str, set[str]] = {}
    for m in sorted(mentions, key=lambda m: m.start):
        # ('Mr. Rumsfeld' in his obituary: the man named in full, though long out of office)
        if (is_person(m.actor) or _former(m.actor) and _written_in_full(doc.text, m)) \
                and len(m.actor["name"].split()) > 1:
            for word in m.actor["name"].split():
                if (len(word) > 2 or len(word) == 2 and word not in NAME_PARTICLES) and word[0].isupper():
                    # ('Xi', 'Hu' and 'Li' too; not the 'Al' of 'Al Thani')
                    owners.setdefault(word, set()).add(m.actor["name"])
                    first.setdefault(word, (m.start, m.actor))
    starts = {}
    for m in mentions:
        starts.setdefault(m.actor["name"], []).append(m.start)
    out = []
    for t in doc:
        hit = first.get(t.text)
        if hit is None or len(owners[t.text]) != 1 or t.idx <= hit[0]:
            continue
        if t.i and doc[t.i - 1].lower_ in PATRONYMIC:
            continue  # 'Mohammed bin Salman bin Abdulaziz Al Saud': his father's and his house's names, not King Salman
        near = doc[max(0, t.i - 3)].idx  # not a word of a full name just read ('Sir Keir Starmer')
        if not any(near <= at <= t.idx for at in starts.get(hit[1]["name"], ())):
            out.append(Mention(t.idx, hit[1]))
    return out


def _full_names(mentions: list[Mention]) -> list[Mention]:
    """A headline's 'Senegal's President Faye' is the body's 'President Bassirou Diomaye Faye': one person under
    the fullest name the article gives, so that his events merge."""
    full = {}
    for m in mentions:
        if is_person(m.actor) and len(m.actor["name"].split()) > 1:
            full.setdefault((m.actor.get("country"), m.actor["role"], m.actor["name"].split()[-1]), m.actor)
    return [Mention(m.start, full.get((m.actor.get("country"), m.actor["role"], m.actor["name"]), m.actor))
            if is_person(m.actor) and len(m.actor["name"].split()) == 1 else m for m in mentions]


def _hyphenated(names: list[str]) -> list[str]:
    """'moon jae in' as written ('Moon Jae-in', 'Kim Jong-un'): the keys are folded without hyphens, the
    tokeniser keeps them."""
    out = []
    for name in names:
        words = name.split()
        for i in range(1, len(words) - 1):
            out.append(" ".join(words[:i] + ["-".join(words[i:i + 2])] + words[i + 2:]))
    return out


def _longest(matches: Iterable[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    taken: set[int] = set()
    out = []
    for m in sorted(matches, key=lambda m: (m[1] - m[2], m[1])):
        if not taken.intersection(range(m[1], m[2])):
            taken.update(range(m[1], m[2]))
            out.append(m)
    return out


def _names_next(t: Token) -> bool:
    """A name the tagger missed after 'counterpart' ('his Congolese counterpart Thérèse Kayikwamba Wagner',
    'Thérèse' taken for a noun): a capitalised word that is no day or place."""
    return t.pos_ == "PROPN" or (t.text[:1].isupper() and t.is_alpha and t.ent_type_ not in (
        "DATE", "TIME", "GPE", "LOC", "FAC", "NORP"))


def _noun_phrase(token: Token) -> list[Token]:
    """The token with the modifiers that describe it, left of it (titles, names, nationality)."""
    keep = [token]
    stack = [c for c in token.children if c.dep_ in ("compound", "amod", "poss", "nmod", "det", "flat", "appos") and c.i < token.i]
    stack += [c for c in token.children if c.dep_ in ("appos", "flat", "compound") and c.i > token.i]
    while stack:
        t = stack.pop()
        keep.append(t)
        stack.extend(c for c in t.children if c.dep_ in ("compound", "amod", "poss", "nmod", "flat", "case"))
    return sorted(set(keep), key=lambda t: t.i)


def _entity_covering(np: list[Token], head: Token, labels: set[str]) -> Optional[Span]:
    if head.ent_type_ in labels:
        for ent in head.doc.ents:
            if ent.start <= head.i < ent.end:
                return ent
    for t in np:
        if t.ent_type_ in labels:
            for ent in t.doc.ents:
                if ent.start <= t.i < ent.end:
                    return ent
    return None


def _strip_title(person: Span, g: Gazetteer) -> str:
    """'President Obama' as a PERSON entity: drop leading title words (and a trailing "'s")."""
    words = [w for w in person if w.tag_ != "POS" and w.lower_ not in ("'s", "’s")]
    while words:
        if g.title(words[0].text) or fold(words[0].text).rstrip(".") in g.honorifics or g.country_of(words[0].text):
            words = words[1:]
        elif len(words) > 3 and g.title(" ".join(w.text for w in words[:2])):
            words = words[2:]  # 'Crown Prince Mohammed bin Salman'
        else:
            break
    return _as_written(words)


def _span_text(np: list[Token], head: Token) -> str:
    core = [t for t in np if t.dep_ not in ("det", "poss", "case", "punct") or t is head]
    return _as_written(core)


def _as_written(words: list[Token]) -> str:
    """Words joined as the text spaces them: 'Al-Hajraf', not 'Al - Hajraf'."""
    return "".join(w.text + (w.whitespace_ if k + 1 < len(words) and words[k + 1].i == w.i + 1 else " ")
                   for k, w in enumerate(words)).strip()
