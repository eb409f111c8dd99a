"""Military contributions: who provides what to whom, for which campaign, at which stage."""
from __future__ import annotations

import re
from collections import Counter
from typing import Iterator, Optional

from spacy.tokens import Token

from pipeline.articles import article_text
from pipeline.extract import confidence, syntax
from pipeline.extract.actors import is_person, org_actor, state_actor
from pipeline.extract.assets import NUMBER_WORDS, PARTS_OF, AssetReader, number
from pipeline.extract.confidence import SIGNALS
from pipeline.extract.event_date import find_date
from pipeline.extract.evidence import Sentence, find_place, mention
from pipeline.extract.gazetteer import fold

#: Verbs of handing over: their recipient may be named only elsewhere in the article. Moving forces
#: (deploy, station, reinforce) needs a destination in the sentence, or it may be a domestic move.
#: Words of a story about joint drills, where forces arriving abroad are guests, not a contribution.
DRILLS = re.compile(r"\b(exercises?|drills?|war ?games|manoeuvres|maneuvers)\b", re.I)


def _for_drills(s: Sentence) -> bool:
    """'Servicemen of the Turkish and Pakistani armed forces arrived in Baku' in a story of joint exercises:
    the title or the sentence's paragraph says so."""
    text = s.ctx.text
    start = text.rfind("\n", 0, s.offset) + 1
    end = text.find("\n", s.offset)
    return bool(DRILLS.search(s.article.get("title") or "") or DRILLS.search(text[start:end if end >= 0 else len(text)]))


#: What a parliament approves that in turn allows a deployment ('a motion allowing the deployment of ...').
MOTIONS = {"motion", "bill", "mandate", "resolution", "decree", "proposal", "plan", "request"}
#: Nouns of a state's territory: 'Somali waters' is Somalia's.
PLACE_NOUNS = {"waters", "territory", "soil", "airspace", "zone", "coast", "shores"}
#: Categories of what is military by its very name, whatever its modifiers ('medical evacuation helicopters').
ARMS = {"AIR", "NAVAL", "WEAPONS", "GROUND_FORCES", "ISR", "REFUELING"}
#: Who paid for or gave what was delivered: 'patrol boats funded by Washington', 'a hospital gifted by India'.
FUNDERS = {"fund", "finance", "donate", "gift", "pay", "supply", "provide", "give", "sponsor"}
#: A giving that waits on another's permission (or is that permission: re-export) is no act of giving.
PERMISSION = re.compile(r"\b(?:permission|re-?exports?(?:ed|ing)?)\b", re.I)
#: Said after the verb, another's consent not yet given ('willing to send a company of Leopards, but only if Berlin
#: agrees'); an offer on other terms is still an offer ('only if certain conditions were met').
CONDITION = re.compile(r"\b(?:only if|only once|on (?:the )?condition that|provided that|providing that) (?:the )?"
                       r"(?:\w+ ){1,2}(?:agrees|approves|allows|permits|consents|grants|gives)\b", re.I)
#: Nouns of a giving carried out, which 'complete' finishes ('has completed the delivery of S-300 systems').
HANDOVERS = {"delivery", "transfer", "handover", "hand-over", "shipment", "deployment"}
#: Nouns of forces taken back, not given.
WITHDRAWALS = {"withdrawal", "pullout", "pull-out", "repatriation", "recall"}
#: Said before the verb, a running total rather than an act ('the UK had so far supplied 5,000 missiles').
#: Nouns of a state's reserves of kit: 'from Bundeswehr stocks' names the giver.
STOCKS = {"stock", "stocks", "stockpile", "stockpiles", "inventory", "inventories", "reserve", "reserves", "arsenal"}
TALLY = re.compile(r"\b(?:so far|to date|in total|all told)\b", re.I)
#: A span counted up to now: 'Since May, the US has sent about 14,000 extra troops' is a running total.
SINCE = re.compile(r"\bsince (?:January|February|March|April|May|June|July|August|September|October|November|"
                   r"December|the (?:start|beginning|outbreak))\b", re.I)
#: The same span written after the giving: 'has given 300 tanks since the start of the invasion'.
SINCE_AFTER = re.compile(r"\bsince (?:the (?:start|beginning|outbreak)|Russia's|\d{4}\b)", re.I)
#: A giver ranked among others: a record, not an act ('has been one of the first EU countries to send equipment').
RANKED = re.compile(r"\bone of the (?:first|few|only|largest|biggest)\b[^,;]{0,40}\bto$", re.I)
#: Verbs of forces setting off, a contribution only when they say where to ('left Almaty for the Golan Heights').
DEPARTING = {"leave", "depart", "sail"}
#: Verbs that in the present simple tell forces where they stand, a state of things and no giving.
STANDING = {"keep", "maintain"}
#: Verbs of forces moving, an arrival when they go 'into' a place ('crossed into Bahrain', 'drove into Pristina').
ENTERING = {"fly", "cross", "drive", "roll", "march", "move", "sail", "pour"}
#: Verbs whose subject, forces, moves itself ('400 soldiers will deploy to the Sinai', 'Marines would rotate
#: through Darwin').
SELF_MOVING = {"deploy", "redeploy", "rotate", "move", "go", "head"}
#: Nouns of a spell of service abroad, whose 'to' or 'in' is where ('for a nine-month deployment to Kosovo').
TOURS = {"deployment", "mission", "tour", "rotation", "posting"}
#: What aircraft fly on a mission.
SORTIES = {"patrol", "sortie", "mission", "combat mission", "strike"}
#: A list of givers told in passing ('X and Y are also contributing troops'): with no figure, not an event each.
ROLL_CALL = re.compile(r"\b(?:also|too|as well|none (?:of them )?(?:has|have) (?:yet )?(?:said|given|set|named))\b", re.I)
#: Ground a state opens to another's forces: 'access to four more sites', 'to its airfields'.
GROUNDS = {"site", "base", "facility", "airfield", "airport", "port", "airspace", "territory", "area", "location",
           "installation", "harbour", "harbor"}
#: Grounds a state opens to another's forces ('opened its airspace to French aircraft'); not 'opened an embassy'.
OPENED_GROUNDS = {"airspace", "base", "airbase", "airfield", "port", "corridor", "territory", "skies"}
#: Nouns that make a giving after them a question ('the possibility of French instructors being sent').
TOPICS = {"possibility", "prospect", "idea", "notion", "question", "debate"}
#: Nouns of asking that carry what is asked for: 'a formal request to Canberra for military assistance'.
REQUEST_NOUNS = {"request", "appeal", "plea"}
#: What a parliament approves that names the forces it sends: 'a mandate for up to 180 soldiers'.
MANDATES = {"mandate", "authorisation", "authorization"}
#: A state's armed services or security bodies, named with its name: 'the Vietnam Border Guard Command'.
SERVICES = {"command", "army", "navy", "guard", "police", "ministry", "corps", "coastguard"}
#: Capitalised words, each looked up as a place.
CAPITALISED = re.compile(r"\b[A-Z][\w'’-]+")
#: What a state calls its own government ('the Federal Government', 'the Union Government').
GOVERNMENT_STYLES = {"federal", "union", "central", "national"}
#: A state's armed services, which act for it.
ARMED_SERVICES = {"army", "navy", "force", "forces", "military", "marines", "corps"}
#: Verbs of a deployment by order, a contribution only with a destination (``_ordered_somewhere``).
ORDERS = {"order", "direct"}
#: What forces are ordered to do when the order sends them: 'ordered two warships to accompany tankers'.
ESCORTING = {"accompany", "escort", "protect", "patrol", "deploy", "move", "sail", "head", "reinforce", "defend"}
#: Verbs that keep forces somewhere, whose 'in' or 'at' is where they serve ('station 48 F-35As at Misawa').
STATIONING = {"deploy", "station", "position", "post", "base", "rotate", "maintain"}
#: What a force hands over when it leaves: 'handed over its last base'.
OWN_BASES = {"base", "camp", "airbase", "facility", "garrison", "post"}
#: Verbs that put forces somewhere, and the waters a navy is put in for a mission of its own.
POSTING = {"deploy", "dispatch", "send", "station", "position", "post", "order", "move", "direct", "maintain"}
WATERS = re.compile(r"\b(?:Sea|Gulf|Straits?|Ocean|Channel|Bay|Mediterranean|Baltic|Caribbean|Indo-Pacific|Pacific|"
                    r"Atlantic)\b")
#: Regions a state sends forces into on a mission of its own, named by no country: 'a THAAD battery to the
#: Middle East'.
REGIONS = re.compile(r"\b(?:Middle East|Horn of Africa|Sahel|Balkans|Persian Gulf|Gulf region)\b")
#: Words of a disaster or its relief: warships and aircraft that come for it are no contribution.
RELIEF = {"relief", "humanitarian", "disaster", "typhoon", "earthquake", "flood", "cyclone", "hurricane", "tsunami"}
#: Categories of assets that only armed forces give: a headline or a sentence naming one makes a package military.
ARMED = {"NAVAL", "AIR", "ISR", "REFUELING", "GROUND_FORCES", "WEAPONS"}
#: Aircraft and ships that carry people, not a force: 'a French government plane landed at Hiroshima'.
CARRIER = re.compile(r"\b(?:government|presidential|official|private|commercial|civilian|chartered|passenger)\b", re.I)


#: Words that make an institution's members a faction of it, whose backing decides nothing.
FACTIONS = {"some", "several", "few", "many", "individual", "opposition", "dissident", "rebel"}
#: Words before an amount that only round it ('about 4,000').
APPROXIMATELY = {"about", "around", "some", "nearly", "roughly", "almost", "approximately", "over", "up", "to"}
#: Bodies of people that a state trains: 'to train the new Syrian army'.
TRAINEES = {"army", "military", "force", "troop", "soldier", "pilot", "officer", "personnel", "cadet", "marine",
            "police", "guard", "recruit", "crew", "deminer", "sapper"}
#: Places on courses a state offers another's officers: 'additional slots for Nepali Army officers'.
COURSE_PLACES = {"slot", "vacancy", "place", "seat", "scholarship"}
#: Verbs of getting what was given, told from the side that gets it.
RECEIVING = {"receive", "get", "obtain", "incorporate", "induct"}  # (a navy incorporates boats donated by)
#: Words of a sale: what a state receives is then bought, not given.
BOUGHT = {"buy", "purchase", "sale", "sell", "contract", "order", "procurement", "acquisition", "deal"}
#: '-made', '-built' on an asset: where it comes from.
MADE = re.compile(r"-(?:made|built|produced|manufactured)$", re.I)
#: Words that make a country on a thing where it comes from, not who gives it ('U.S.-made', 'Soviet-era').
ORIGIN_WORDS = ("made", "built", "designed", "produced", "manufactured", "era")
#: How far back an article names the campaign that 'the operation' means.
CAMPAIGN_WINDOW = 1500
#: Nouns that stand for the campaign an article names: 'to the operation', 'for the coalition'.
CAMPAIGN_NOUNS = {"operation", "campaign", "coalition", "mission", "offensive", "effort", "intervention", "group",
                  "force", "deployment"}


def _to_the_campaign(t: Token) -> bool:
    """'deployed 30 fighter jets to the operation' (and 'while Bahrain have each deployed 15', 'Norway would send
    officers to the operation's headquarters, while Greece said it would deploy a frigate': the same giving)."""
    verbs = [t] + ([t.head] if t.dep_ in ("advcl", "conj") and t.head.lemma_ == t.lemma_ else []) + [
        g for g in syntax.governors(t, 3) if g.lemma_.lower() in POSTING]
    named = [o for v in verbs for c in v.children if c.dep_ == "prep" and c.lower_ in ("to", "for", "in")
             for o in c.children if o.dep_ == "pobj"]
    named += [w for o in named for w in o.children if w.dep_ == "poss"]  # "to the operation's headquarters"
    named += [o for v in verbs if v.lemma_.lower() in DEFENDING for o in v.children if o.dep_ == "dobj"]  # 'would
    return any(o.lemma_.lower() in CAMPAIGN_NOUNS and any(d.lower_ == "the" for d in o.children)  # join the operation'
               for o in named)


def _sent_thing(t: Token) -> bool:
    """'A Greek Patriot battery deployed to Saudi Arabia': the giving told as a participle of what was given."""
    return t.dep_ == "acl" and t.tag_ == "VBN" and t.head.pos_ in ("NOUN", "PROPN") and t.head.i < t.i and \
        t.lemma_.lower() in ("deploy", "send", "dispatch", "deliver", "transfer", "donate") and any(
            c.dep_ == "prep" and c.lower_ == "to" for c in t.children)  # not 'troops stationed in Poland'


def _patrolled_waters(t: Token, assets: list[dict]) -> Optional[str]:
    """'The Pakistan Navy has deployed two ships in the Arabian Sea and the Gulf of Aden': a national
    deployment that joins no coalition has the waters it secures as its purpose."""
    if t.lemma_.lower() not in POSTING and not _departs(t):
        return None
    places = [o for c in t.children if c.dep_ in ("prep", "dative") and c.lower_ in ("in", "to", "into", "across")
              for o in c.children if o.dep_ == "pobj"] + (_destinations(t) if _departs(t) else [])
    for obj in places:  # ('set sail ..., heading for the Gulf of Aden')
        start = next(w.i for w in obj.doc[obj.left_edge.i:obj.i + 1] if w.dep_ != "det")
        name = obj.doc[start:obj.i + 1].text  # 'Arabian Sea', 'Indo-Pacific'
        if REGIONS.search(name) and any(a["category"] in ARMS for a in assets):
            return f"{name} security"  # 'would send a THAAD battery ... to the Middle East'
        if WATERS.search(name) and any(a["category"] in ("NAVAL", "AIR", "ISR") for a in assets):
            return f"{name} maritime security"
    return None


def _departs(t: Token) -> bool:
    return t.lemma_.lower() in DEPARTING or _phrasal(t) == "set sail" or (  # 'flew out of Pope Army Airfield'
        t.lemma_.lower() in ("fly", "sail", "ship", "slip") and any(c.lower_ == "out" and c.dep_ in ("prep", "prt", "advmod")
                                                            for c in t.children))


def _course_places(objects: list[Token]) -> list[Token]:
    """Who the places offered are for: 'slots for Nepali Army officers', 'places for the training of Moldovan
    officers'."""
    out = []
    for o in objects:
        if o.lemma_.lower() not in COURSE_PLACES:
            continue
        for w in (w for p in o.children if p.dep_ == "prep" and p.lower_ == "for" for w in p.children if w.dep_ == "pobj"):
            if w.lemma_.lower() == "training":
                w = next((x for p in w.children if p.lower_ == "of" for x in p.children if x.dep_ == "pobj"), w)
            if w.lemma_.lower() in TRAINEES:
                out.append(w)
    return out


def _moves_itself(t: Token) -> bool:
    """'about 1,700 soldiers would deploy from Fort Bragg to Poland': forces as the subject of a verb that
    moves them, with no object (not 'American forces rotate through Philippine sites', a habit)."""
    return t.lemma_.lower() in SELF_MOVING and t.pos_ == "VERB" and t.tag_ not in ("VBP", "VBZ") and not any(
        c.dep_ in ("dobj", "nsubjpass", "auxpass") for c in t.children) and any(
        c.dep_ == "prep" and c.lower_ in ("to", "through", "into") for c in t.children)


def _subject_taken_as_object(t: Token) -> Optional[Token]:
    """'Zelensky visits Sunak at Chequers as UK pledges hundreds of drones': a headline's state just before a
    finite verb with no subject of its own, parsed as the object of 'as', is that verb's subject."""
    before = t.doc[t.i - 1] if t.i > 0 else None
    if before is None or t.tag_ not in ("VBZ", "VBD", "VBP") or any(
            c.dep_ in ("nsubj", "nsubjpass") for c in t.children):
        return None
    return before if before.ent_type_ in ("GPE", "NORP") and before.dep_ == "pobj" else None


def _whose(subj: Token) -> Optional[Token]:
    """'Qatar, whose Mirage jets began flying missions', 'Burundi, whose soldiers crossed into South Kivu': the
    state a relative clause's 'whose' points back to owns the forces."""
    if not any(c.tag_ == "WP$" for c in subj.children):
        return None
    clause = next((a for a in subj.ancestors if a.dep_ == "relcl"), None)
    return clause.head if clause is not None else None


def _which(subj: Token) -> Optional[Token]:
    """'New Zealand, which has pledged about 800 troops': the state a relative 'which' stands for, when the
    clause tells of now ('has pledged', 'will send') or gives its own day ('Berlin, which pledged on Jan. 25 to
    send 14 Leopard 2A6 tanks'); 'Germany, which sent a frigate last year' is background."""
    verb = subj.head
    if subj.tag_ != "WDT" or verb.dep_ != "relcl" or not (any(c.dep_ == "aux" for c in verb.children) or _own_day(verb)):
        return None
    return verb.head if verb.head.ent_type_ == "GPE" else None


def _waits_on_permission(t: Token) -> bool:
    """'ready to send Leopards, but will ask Berlin for permission': a giving that waits on another's consent; but
    in 'would send 14 Leopard 2A6 tanks and would let other countries re-export theirs', the permission is a
    clause of its own, after the giving."""
    own_later = {w.i for c in t.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") for w in c.subtree}
    return bool(PERMISSION.search("".join(w.text_with_ws for w in t.sent if w.i not in own_later)))


def _expected(t: Token) -> bool:
    """The giving is what is expected ('are expected to provide jets later', 'is expected to begin sending'), not a
    'Japan, which pledged $1 billion, is expected to ...' whose giving is its own clause."""
    while t.dep_ == "xcomp" and t.head.i != t.i:
        t = t.head
        if t.lemma_.lower() == "expect":
            return True
    return False


def _own_day(verb: Token) -> bool:
    """'pledged on Jan. 25', 'pledged about 7,500 troops last week': a day of its own, not 'last year'."""
    days = [w for c in verb.children if c.dep_ in ("npadvmod", "prep", "advmod")
            for w in ([c] if c.dep_ != "prep" else [o for o in c.children if o.dep_ == "pobj"]) if w.ent_type_ == "DATE"]
    return any(not any(x.lower_ in ("year", "years", "decade", "century") or x.shape_ == "dddd" for x in w.subtree)
               for w in days)


def _goes_anew(t: Token) -> bool:
    """'14 Challenger 2 tanks would go to Ukraine': forces or arms counted as they are first told of; 'the
    jets will go to Lithuania' and 'our officers are going' point back at a giving told before."""
    subj = syntax.subject(t)
    return subj is not None and not any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in (
        "the", "this", "that", "these", "those")) for c in subj.children)


def _ordered_somewhere(t: Token) -> bool:
    """'directed the carrier strike group to the eastern Mediterranean', 'ordered two destroyers to the waters off
    Somalia': forces sent by order to a place; not a purchase order ('from Lockheed') nor an order to act."""
    if any(c.lower_ == "from" for c in t.children):
        return False
    if any(c.dep_ == "dobj" and c.lemma_.lower() in ("deployment", "dispatch") for c in t.children):
        return True  # 'ordered the deployment of two Patriot batteries'
    moves = [c for c in t.children if c.dep_ == "xcomp"]
    moves += [g for c in moves if c.lemma_.lower() in ("begin", "start") for g in c.children if g.dep_ == "xcomp"]
    if any(c.lemma_.lower() in ESCORTING for c in moves):
        return True  # 'ordered two warships to accompany British-flagged vessels', 'to begin moving to the eastern
        # Mediterranean'; not 'ordered the troops to withdraw'
    goals = [g for c in t.children if c.dep_ in ("xcomp", "ccomp")
             for g in ([k for k in c.children if k.dep_ in ("xcomp", "ccomp")] or [c]) if c.lemma_.lower() == "help"] + [
        c for c in t.children if c.dep_ in ("xcomp", "ccomp") and c.lemma_.lower() != "help"]  # 'to help defend'
    if any(c.lemma_.lower() not in DEFENDING | DETERRING for c in goals):
        return False  # (but 'ordered the carrier strike group to the Middle East to join the USS Harry S. Truman',
        # 'to the eastern Mediterranean ... to deter Iran')
    sent = [c for c in t.children if c.dep_ == "dobj"]  # 'ordered a second carrier, the USS Eisenhower, to the
    sent += [a for o in sent for a in o.children if a.dep_ == "appos"]  # region': 'to' hung on the carrier's name
    return any(c.dep_ == "prep" and c.lower_ in ("to", "toward", "towards", "into") and any(
        o.ent_type_ in ("GPE", "LOC") or {o.lower_, o.lemma_.lower()} & (PLACE_NOUNS | {"region", "area", "gulf", "sea"})
        for o in c.subtree) for c in [*t.children, *(c for o in sent for c in o.children)])


#: Words that carry a departure on to where it goes: 'heading for the Gulf of Aden', 'a flight bound for Juba'.
HEADING = {"head", "bound", "sail", "fly", "steam"}


def _destinations(t: Token) -> list[Token]:
    """Where a departure goes: 'left Tokyo for Iraq', 'set sail ..., heading for the Gulf of Aden', 'left
    Zhengzhou aboard a chartered flight bound for Juba', 'a UK carrier strike group bound for the Indo-Pacific'."""
    words = [t] + ([t.doc[t.i + 1]] if _phrasal(t) == "set sail" else [])  # 'set sail ... for', 'sail' may head it
    words += [w for w in t.subtree if (w.lemma_.lower() in HEADING or w.lower_ in HEADING) and w.i != t.i
              and (w.dep_ in ("advcl", "xcomp", "acl") or w.dep_ == "pcomp" and w.head.lower_ == "with")
              and syntax.dep_distance(t, w) <= 5]  # ('left Portsmouth at the head of a strike group bound for';
    # 'left Halifax with two Sea Kings aboard, headed for the Arabian Sea')
    words += [c for c in t.head.children if t.dep_ == "relcl" and c.dep_ == "acl" and c.lower_ in HEADING]
    # ('a team who flew out of Pope Army Airfield on Wednesday, bound for Kuwait', 'bound' parsed on the team)
    found = [o for w in words for c in w.children
             if c.dep_ == "prep" and (c.lower_ in ("for", "toward", "towards") or (w is not t and c.lower_ == "to"))
             for o in c.children if o.dep_ == "pobj"]
    found += [o for c in t.children if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "for"
                                                                  for m in c.children)
              for o in c.children if o.dep_ == "nsubj" and o.pos_ == "PROPN"]  # 'left Komaki for Kuwait to prepare
    # the airlift', parsed as 'for Kuwait to prepare'
    origins = list(syntax.preps(t, ("from",))) + [o for c in t.children if c.lower_ == "out"
                                                   for o in syntax.preps(c, ("of",))]
    found += [o for origin in origins for w in [origin, *(c for c in origin.children if c.dep_ == "acl"
                                                          and c.lower_ in HEADING)]
              for c in w.children  # 'flew out of Tribhuvan Airport for southern Lebanon'; 'slipped out of Devonport
              if c.dep_ == "prep" and c.lower_ == "for" for o in c.children if o.dep_ == "pobj"]  # bound for the Gulf'
    return [p for o in found for p in ([q for c in o.children if c.dep_ == "prep" and c.lower_ in ("to", "in")
                                        for q in c.children if q.dep_ == "pobj"] or [o])
            if o.lemma_.lower() not in TOURS or p is not o]  # 'for a nine-month deployment to Kosovo': Kosovo


def _bound_somewhere(t: Token) -> bool:
    """A departure with a destination or a mission: 'left Tokyo for Iraq', 'sailed from Korsør to join
    Prosperity Guardian', 'set sail ..., heading for the waters off Somalia'."""
    words = [t] + ([t.doc[t.i + 1]] if _phrasal(t) == "set sail" else [])
    return bool(_destinations(t)) or any(
        c.dep_ in ("xcomp", "advcl") and (c.lemma_.lower() in ("join", "head") or c.lower_ == "bound")
        for w in words for c in w.children) or any(  # 'for a six-month deployment with a NATO naval group'
        o.lemma_.lower() in TOURS for c in t.children if c.dep_ == "prep" and c.lower_ == "for" for o in c.children)


#: Verbs that add to a giving the article tells ('would add some 500 soldiers', 'raise its contribution to 2,000
#: troops'): the force they add to is the one told elsewhere.
ADDING = {"add", "raise", "increase", "double"}
#: What such a verb adds to when it names no asset itself ('raise its contingent to 2,000 soldiers').
ADDED_TO = {"contribution", "contingent", "number", "presence", "force", "deployment", "commitment"}
GIVING = {"give", "provide", "supply", "donate", "gift", "deliver", "send", "dispatch", "pledge", "promise", "transfer", "announce",
          "assign",
          "offer", "hand", "lend", "commit", "contribute", "approve", "authorise", "authorize", "unveil", "allocate", "earmark", "fund",
          "make available", "put at the disposal", "place at the disposal", "make commitment", "make pledge",
          "make offer", "make contribution", "make donation"}
#: Verbs of sending that give as 'send' does when they are not present tense, which is how the parser reads a
#: noun ('Indian Navy ships INS Sunayna ... visited'): 'Washington said it would ship 31 M1 Abrams'.
SHIPPING = {"ship", "loan"}
#: Kinds of organisation whose staff and supplies are relief, never a military contribution.
RELIEF_BODIES = {"humanitarian organization", "UN agency"}
#: Support too vague to be a contribution unless the sentence says who receives it ('offering further
#: military support to Lebanon').
VAGUE = [["military", "support"], ["defence", "support"], ["defense", "support"], ["security", "support"]]
#: Nouns for a multinational undertaking that receives forces on behalf of the organisation leading it.
MISSIONS = {"mission", "operation", "coalition", "force", "battlegroup", "task", "taskforce", "contingent", "presence",
            "group"}
#: Verbs of a purpose clause whose object receives what is sent ('to join the coalition', 'to help defend Poland').
DEFENDING = {"join", "reinforce", "support", "bolster", "defend", "protect", "secure", "strengthen"}
#: What forces are ordered somewhere to do besides defending: 'to deter Iran and Hezbollah from widening the war'.
DETERRING = {"deter", "reassure", "counter", "guard", "shield", "dissuade"}
#: Verbs that bring a state's part in a mission to a new level, and the nouns for that part ('would raise its
#: contribution to 2,000 troops', 'will increase its contingent in Lebanon to 3,000 troops').
RAISING = {"raise", "increase", "boost", "expand", "bring", "double", "triple", "lift"}
LEVELS = {"contingent", "contribution", "commitment", "presence", "deployment", "participation", "force", "share"}
#: Verbs of keeping on, through which a promise or pledge reaches what is given.
CONTINUING = {"continue", "keep", "resume", "maintain", "increase", "expand", "extend", "step", "boost", "sustain"}


class ContributionExtractor:
    def __init__(self, g):
        self._g = g
        triggers, assets = g.triggers, g.assets
        self.verbs: dict[str, str] = triggers.get("contribution_verbs", {})
        self.requests = set(triggers.get("request_verbs", []))
        self.negation = set(triggers.get("negation_cues", []))
        self.hypothetical = {w for w in triggers.get("hypothetical_cues", []) if " " not in w} - {"would", "if"}
        self.non_military = set(triggers.get("non_military_aid", []))
        self.civil_bodies = set(triggers.get("civil_recipients", []))
        self.disaster_words = set(triggers.get("disaster_words", []))
        self.withdrawals = {w for w in triggers.get("withdrawal_cues", []) if " " in w}
        self.not_context = {w for w in triggers.get("not_contribution_context", []) if " " not in w}
        self._adversary_exact = _words_re(g.adversaries_exact, flags=0)
        self._campaign = _words_re({k: v for k, v in g.campaigns.items() if len(k) > 3})
        self._adversary = _words_re(g.adversaries)
        self._reader = AssetReader(assets, g.ship_prefixes,
                                   is_force=lambda name: (g.country_of(name) or ("", ""))[1] == "metonym:MIL")
        self._asset = self._reader.read
        self._armed = AssetReader({w: c for w, c in assets.items() if c in ARMED}).pattern

    def triggers(self, doc) -> Iterator[Token]:
        for t in doc:
            if t.pos_ in ("VERB", "AUX") and (t.lemma_.lower() in self.verbs or _phrasal(t) in self.verbs):
                yield t
            elif _headline_arms(t) or _package_contents(t) or _use_allowed(t) is not None or _taken_over(t) is not None \
                    or _opened(t) is not None:
                yield t
            elif t.pos_ == "NOUN" and t.dep_ == "ROOT" and t.lemma_.lower() in self.verbs and {"nsubj", "dobj"} <= {
                    c.dep_ for c in t.children}:
                yield t  # 'Denmark and the Netherlands pledge F-16s to Ukraine', the verb tagged as a noun
            elif t.pos_ == "NOUN" and t.lemma_.lower() in REQUEST_NOUNS and any(c.lower_ == "for" for c in t.subtree):
                yield t  # 'made a formal request to Canberra for military assistance'

    def extract(self, s: Sentence) -> list[dict]:
        out = []
        covered: set[int] = set()
        givings: set[int] = set()  # the verbs that gave
        for t in self.triggers(s.doc):
            if t.i in covered:
                continue
            event = self._event(s, t)
            events = [event] + self._co_contributors(s, t, event) + self._gapped(s, t, event) if event else []
            for event in events + [r for e in events for r in self._co_recipients(s, e)]:
                covered.update(c.i for c in t.conjuncts
                               if not any(d.dep_ in ("nsubj", "nsubjpass") for d in c.children))
                # ('will send tanks and deliver ammunition' is one giving; 'Georgia offered a battalion, and
                # Slovakia promised 250' two)
                same = next((e for e in out if e["contributor"]["country"] == event["contributor"]["country"]
                             and (e["status"] == event["status"] or e["date"] == event["date"])
                             and (None in (_country(e["recipient"]), _country(event["recipient"]))
                                  or _country(e["recipient"]) == _country(event["recipient"]))), None)
                if same is None:
                    out.append(event)
                    givings.add(t.i)
                else:  # one sentence, one contribution: 'will send tanks and deliver ammunition', 'approved the
                    # dispatch of 200 soldiers ..., making Poland one of only a handful of countries to commit troops'
                    same["assets"] += [a for a in event["assets"] if a not in same["assets"]]
                    same["recipient"] = same["recipient"] or event["recipient"]
                    same["purpose"] = same["purpose"] or event["purpose"]
                    if same["recipient"] or same["purpose"]:  # ('approved a plan to dispatch units to the
                        same.pop(NEEDS_RECIPIENT, None)  # Middle East': the second verb says where)
        if len({e["contributor"].get("country") for e in out}) > 1 and len(givings) == 1 and ROLL_CALL.search(
                s.doc.text) and not any(a["quantity"] for e in out for a in e["assets"]):
            return []  # 'Nigeria, Ghana and Malawi have also promised contingents': a roll call in passing, no one's
            # own giving (but 'Denmark said it would send a frigate, and Greece that it would deploy one as well')
        return out

    def _co_contributors(self, s: Sentence, t: Token, event: dict) -> list[dict]:
        """'The Netherlands and Denmark pledged F-16s': one contribution per giver."""
        if event["status"] == "REQUESTED":
            return []
        subj = syntax.subject(t)
        if subj is not None and subj.lower_ == "they":  # 'Niger, Burkina Faso and Senegal said Saturday they would
            subj = next((syntax.subject(g) for g in syntax.governors(t, 2) if g.lemma_ in syntax.REPORTING  # each
                         and syntax.subject(g) is not None), subj)  # send 500 troops': those who said it
        out = []
        objects = [c for c in t.children if c.dep_ in ("dobj", "nsubj", "nsubjpass")]
        origins = self._from_states(s, objects)
        if origins and origins[0].get("country") == event["contributor"].get("country"):
            return [{**event, "contributor": a, "assets": [dict(x) for x in event["assets"]],  # 'contingents from
                     "mentions": [dict(m) for m in event["mentions"]], SIGNALS: dict(event[SIGNALS])}  # Guinea,
                    for a in origins[1:] if a["country"] != (event.get("recipient") or {}).get("country")]  # Sierra
            # Leone and The Gambia came ashore': one giving each
        for c in (syntax.with_conjuncts(subj)[1:] if subj is not None else ()):  # a list parsed as an apposition
            actor = as_state(self._g, s.actor(c))
            hit = self._g.country_of(c.text) if actor is None else None
            if hit and hit[1] == "capital":  # 'Washington, Berlin, and Bucharest each promised a Patriot battery'
                actor = state_actor(self._g, hit[0], "GOV")
            if actor and actor.get("country") and actor["country"] not in (
                    event["contributor"].get("country"), (event.get("recipient") or {}).get("country")):
                out.append({**event, "contributor": actor, "assets": [dict(a) for a in event["assets"]],
                            "mentions": [dict(m) for m in event["mentions"]],
                            SIGNALS: dict(event[SIGNALS])})
        return out

    def _said_before(self, t: Token, objects: list[Token]) -> list[dict]:
        """'the UAE has deployed 30 fighter jets, while Bahrain and Kuwait have each deployed 15': a bare
        number given by the same verb as before counts what that verb gave before; so does one given by a verb
        joined to it ('Georgia offered a battalion of about 900 troops, and Slovakia promised 250')."""
        bare = [o for o in objects if o.pos_ == "NUM" and o.dep_ == "dobj" and number(o.text) is not None]
        before = [w for w in t.sent if w.i < t.i and (w.lemma_ == t.lemma_ and w.pos_ == t.pos_ or (
            t.dep_ == "conj" and w.i == t.head.i and self.verbs.get(w.lemma_.lower())))]
        if not bare or not before:
            return []
        given = [a for a in (self._asset(o) for o in self._objects(before[-1])) if a]
        return [{**given[0], "quantity": number(bare[0].text)}] if given else []

    def _gapped(self, s: Sentence, t: Token, event: dict) -> list[dict]:
        """'The United States will contribute about 8,500 troops, Britain 5,000 and France 2,500', 'Belgium
        offered two C-130s, and Denmark one C-130': the verb said once, a state and an amount after it. A
        state followed by a verb of its own is not gapped ('..., and Denmark said it would ...')."""
        if event["status"] == "REQUESTED" or not event["assets"]:
            return []
        doc, out, seen = s.doc, [], set()
        starts = {e.start: e for e in doc.ents if e.label_ in ("GPE", "NORP")}
        for w in doc:  # 'Kuwait and Bahrain 15 each', 'Bahrain 15' tagged as an event, 'Papua New Guinea 80' as a
            # person: a state by its name
            if w.pos_ != "PROPN" or any(e.start <= w.i < e.end for e in starts.values()):
                continue
            for k in (3, 2, 1):
                span = doc[w.i:w.i + k]
                if len(span) == k and all(x.pos_ == "PROPN" for x in span) and (
                        self._g.country_of(span.text) or ("", ""))[1] == "name":
                    starts[w.i] = span
                    break
        for ent in sorted(starts.values(), key=lambda e: e.start):
            if ent.start <= t.i or ent.end >= len(doc):
                continue
            before = ent.start - 1 if doc[ent.start - 1].lower_ != "the" else ent.start - 2  # ', the Bahamas 150'
            if before < 0 or doc[before].lower_ not in (",", "and", ";", "while"):
                continue
            states, after = [ent], ent.end  # 'Kuwait and Bahrain with 15 each': two states, one amount
            while after + 1 < len(doc) and doc[after].lower_ in ("and", ",") and after + 1 in starts:
                states.append(starts[after + 1])
                after = states[-1].end
            if after < len(doc) and doc[after].lower_ == "with" and _takes_part(t):
                after += 1  # 'the UAE is taking part with 30 fighter jets, Qatar with 10'
            clause = []
            for w in doc[after:]:
                if (w.is_punct or w.pos_ in ("CCONJ", "VERB", "AUX", "ADP", "SCONJ")) and not (
                        w.lower_ in APPROXIMATELY and all(c.lower_ in APPROXIMATELY for c in clause)):
                    break  # ('Jamaica up to 200')
                clause.append(w)
            end = after + len(clause)
            while len(clause) > 1 and clause[0].lower_ in APPROXIMATELY:  # 'and France about 4,000'
                clause = clause[1:]
            if not clause or not (clause[0].like_num or clause[0].lower_ in NUMBER_WORDS) or (
                    end < len(doc) and doc[end].pos_ in ("VERB", "AUX")):
                continue
            noun = next((w for w in reversed(clause) if w.pos_ in ("NOUN", "PROPN") and not w.like_num), None)
            asset = self._asset(noun) if noun is not None else None
            if asset is None and noun is None:  # 'Britain 5,000': the amount of what the verb gave
                asset = {**event["assets"][0], "quantity": number(clause[0].text)}
            for state in states:
                actor = as_state(self._g, s.actor(state.root))
                if not asset or not actor or not actor.get("country") or actor["country"] in (
                        event["contributor"].get("country"), _country(event.get("recipient"))) \
                        or actor["country"] in seen:
                    continue
                seen.add(actor["country"])
                out.append({**event, "contributor": actor, "assets": [asset],
                            "mentions": [dict(m) for m in event["mentions"]],
                            SIGNALS: dict(event[SIGNALS])})
        return out

    def _co_recipients(self, s: Sentence, event: dict) -> list[dict]:
        """'3,000 troops to Poland and Romania': one contribution per receiving country."""
        got = _country(event.get("recipient"))
        if got is None:
            return []
        named = next((tok for tok in s.doc if tok.dep_ in ("pobj", "dative", "dobj") and tok.conjuncts
                      and _country(s.actor(tok)) == got), None)
        out = []
        for c in (named.conjuncts if named is not None else ()):
            actor = as_state(self._g, s.actor(c))
            if actor and actor.get("country") and actor["country"] not in (got, event["contributor"].get("country")):
                out.append({**event, "recipient": actor, "assets": [dict(a) for a in event["assets"]],
                            "mentions": [dict(m) for m in event["mentions"]],
                            SIGNALS: dict(event[SIGNALS])})
        return out

    # -- one trigger ---------------------------------------------------------------------------------------
    def _event(self, s: Sentence, t: Token) -> Optional[dict]:
        if _headline_arms(t):  # 'Iran arms Houthis', the verb tagged as a noun between two names
            giver, taker = as_state(self._g, s.actor(t.nbor(-1))), as_state(self._g, s.actor(t.nbor(1)))
            if giver is None or not giver.get("country") or (taker or {}).get("country") == giver["country"]:
                return None
            weapons = [{"description": "weapons", "category": "WEAPONS", "quantity": None}]
            return self._record(s, t, "ANNOUNCED", giver, taker, self._purpose_in(t.sent.text), weapons, None)
        if self._blocked(t):
            return None
        if t.lemma_.lower() in ("pass", "sign") and not _enacts(t) and not (
                _phrasal(t) != t.lemma_.lower() and _phrasal(t) in self.verbs):  # (but 'signed off on two C-130s')
            return None  # a house passes a bill or a package, a president signs it; images passed to Kyiv, convoys
            # passing through, a signed agreement: not so
        if t.lemma_.lower() == "complete" and not any(c.dep_ == "dobj" and c.lemma_.lower() in HANDOVERS
                                                      for c in t.children):
            return None  # 'completed the delivery of S-300 systems', not 'completed the construction of a base'
        if _package_contents(t):
            return self._package(s, t)
        if _use_allowed(t) is not None:
            return self._use(s, t)
        if (access := _access_given(t)) is not None:
            return self._access(s, t, access)
        if (ground := _opened(t)) is not None:
            return self._opening(s, t, ground)
        if t.lemma_.lower() == "host":
            return self._hosting(s, t)
        if (taken := _taken_over(t)) is not None:
            return self._rotation(s, t, taken)
        if t.lemma_.lower() == "go" and not _goes_anew(t):
            return None  # 'The jets will go to Lithuania', after 'Denmark will send four F-16s': told already
        if any(c.dep_ in ("advmod", "prt") and f"{t.lemma_.lower()} {c.lower_}" in self.withdrawals for c in t.children):
            return None  # 'Chinese police officers embedded with the Fiji Police Force would be sent home'
        if t.lemma_.lower() in ORDERS and not _ordered_somewhere(t):
            return None  # 'ordered 250 Abrams tanks' is a purchase, 'ordered troops to withdraw' no giving
        if t.pos_ == "NOUN" and t.lemma_.lower() in REQUEST_NOUNS:
            return self._request_noun(s, t)
        if t.lemma_.lower() in self.requests or _phrasal(t) in self.requests:
            return self._direct_request(s, t)
        objects = [o for o in self._objects(t) if not any(c.dep_ == "det" and c.lower_ == "no" for c in o.children)]
        # ('offered aid but no aircraft')
        objects = [w for o in objects for w in ([o.head.head] if o.dep_ == "pobj" and o.head.lower_ == "including"
                                                and o.head.head.pos_ == "NOUN" and o.head.head not in objects else [])
                   + [o]]  # 'eight Salvadoran soldiers, including medical personnel, who arrived': the soldiers
        if _departs(t) or _sorties(t):  # 'left RNZAF Base Ohakea for East Timor': where from is no asset
            objects = [o for o in objects if o.dep_ != "dobj"]
        assets = self._assets_of(objects)
        if not assets and _defends(t):  # 'willing to send material to help defend Saudi Arabia'
            assets = [{"description": o.text, "category": "OTHER", "quantity": None} for o in objects
                      if o.lemma_.lower() in ("material", "materials", "hardware")][:1]
        counted = [o for o in objects if o.like_num and o.text.isdigit()]
        if counted and len(assets) == 1 and assets[0]["quantity"] is None:  # '13 of its own MiG-29s'
            assets = [{**assets[0], "quantity": int(counted[0].text)}]
        if not assets and t.lemma_.lower() == "arm":
            assets = [{"description": "weapons", "category": "WEAPONS", "quantity": None}]
        if not assets:
            assets = self._said_before(t, objects)
        if not assets and t.lemma_.lower() == "train" and t.dep_ != "pcomp":  # 'offered to help train the new Syrian
            # army'; not 'can do more to help by training Haitian police'
            assets = [{"description": "training of " + " ".join(
                w.text for w in o.subtree if w.i <= o.i and w.dep_ != "det"), "category": "TRAINING", "quantity": None}
                for o in objects if o.lemma_.lower() in TRAINEES][:1]
        if not assets and _course_places(objects):  # 'offered additional slots for Nepali Army officers'
            assets = [{"description": "training", "category": "TRAINING", "quantity": None}]
        told = not assets and self._approves_what_was_told(t, objects)
        if told:  # 'The Cabinet had endorsed the deployment on October 13': what the article told of before
            assets = [{"description": told.text, "category": "OTHER", "quantity": None}]
        if not assets:
            assets = self._package_told(s, objects)
        if not assets:
            assets = self._part_in_mission(t, objects)
        if not assets:
            return None
        if self._non_military(t, objects) or self._to_civil_body(t) and not any(
                a["category"] in ("WEAPONS", "AIR") for a in assets):  # (but armoured carriers for the police)
            return None
        if all(a["category"] in ("AIR", "NAVAL") and CARRIER.search(a["description"]) for a in assets):
            return None  # 'a French government plane landed at Hiroshima airport'
        if all(a["category"] == "AIR" for a in assets) and any(
                c.dep_ == "poss" and self._g.title(c.text) for o in objects for c in o.children):
            return None  # 'the Ukrainian president's plane landed at the Villacoublay military air base'
        request = self._request_governor(t)
        if request is not None:  # 'Ukraine asked Germany to supply Taurus missiles': Germany is asked
            asked = [c for c in request.children if c.dep_ in ("dobj", "dative")] or [
                o for c in request.children if c.dep_ == "prep" and c.lower_ in ("on", "upon", "to")
                for o in c.children if o.dep_ == "pobj" and o.ent_type_ not in ("DATE", "TIME")]
            # 'called on Scholz to send tanks', 'appealed on Monday to Egypt to send troops'
            contributor = as_state(self._g, s.actor(asked[0])) if asked else None
            hit = self._g.country_of(asked[0].text) if asked and contributor is None else None
            if hit and hit[1] == "capital":  # 'Washington asked Canberra to send a warship'
                contributor = state_actor(self._g, hit[0], "GOV")
            requester = syntax.subject(request)
            recipient = as_state(self._g, s.actor(requester)) if requester is not None else None
            purpose = self._purpose_in(t.sent.text)
            if contributor is None:
                return None
            named, _ = self._recipient_and_purpose(s, t)
            if _country(named) and _country(recipient) and _country(named) != _country(recipient):
                return None  # 'the Baltic states urged Germany to provide Leopards to Ukraine': not Ukraine's request
            return self._record(s, t, "REQUESTED", contributor, recipient, purpose, assets, recipient)
        if t.lemma_.lower() in RECEIVING or _phrasal(t) == "take delivery":
            return self._received(s, t, objects, assets)
        contributor = as_state(self._g, self._contributor(s, t, objects))
        origins = self._from_states(s, objects) if (
            contributor is not None and not contributor.get("country") and t.lemma_.lower() in GIVING | ORDERS | POSTING
            or contributor is None and (self._arrival(t) or _departs(t))) else []
        if origins:
            contributor = origins[0]  # 'ECOWAS deployed troops from Nigeria and Ghana', 'contingents from Guinea
            # and Sierra Leone came ashore': the states the forces come from (not 'MPs voted to extend air strikes
            # from Iraq into Syria')
        body = self._institution(s, t) if contributor is None else None
        if body is not None and body.lemma_.lower() in INSTITUTIONS and not self._marked_nationality([body]):
            contributor = self._allowed_by(s, t, body) or self._government_of_speaker(s, t, body)
            body = None if contributor is not None else body  # ('Turkey's parliament approved a motion allowing
            # the government to deploy naval forces': Turkey's)
        if contributor is None and told and syntax.agent(t) is not None:  # 'was approved by the Turkish Grand
            voter = syntax.agent(t)  # National Assembly': its nation, else the article's giver
            contributor = self._marked_nationality([voter]) if voter.lemma_.lower() in INSTITUTIONS \
                else as_state(self._g, s.actor(voter))
            body = voter if contributor is None and voter.lemma_.lower() in INSTITUTIONS else body
        if contributor is None and objects and (_departs(t) or _moves_itself(t) and self._asset(objects[0]) or (
                self._arrival(t) and (self._asset(objects[0]) or {}).get("category") == "GROUND_FORCES"
                and not any(c.dep_ == "poss" for c in objects[0].children))):
            body = objects[0]  # 'The frigate Hydra set sail ... for the Red Sea': the navy of the article's giver
        owned = next((o for o in objects if any(c.dep_ == "poss" and c.lower_ in ("its", "their") for c in o.children)),
                     None)  # 'Britain said that its destroyer HMS Diamond would join the operation': the speaker's
        speaker = next((syntax.subject(g) for g in syntax.governors(t, 3) if g.lemma_ in ("say", "announce", "confirm")
                        and syntax.subject(g) is not None), None) if contributor is None and owned is not None else None
        if speaker is not None and speaker.ent_type_ not in ("GPE", "ORG"):
            speaker = None  # (not 'Its first two Mirage jets landed ..., a French military spokesman said')
        if speaker is not None and as_state(self._g, s.actor(speaker)):
            contributor = as_state(self._g, s.actor(speaker))
        elif contributor is None and self._arrival(t) and owned is not None:  # 'Its first two Mirage 2000 jets
            body = owned  # landed': the giver just told of
        if contributor is None and t.lemma_.lower() == "join" and objects:  # 'Dedonder said that the frigate
            contributor = self._speaker_state(s, t, objects)  # Louise-Marie would also join the mission'
        if contributor is None:  # 'six Metal Shark patrol boats funded by Washington were delivered': who paid
            contributor = next((a for o in objects for c in o.children if c.dep_ == "acl" and c.tag_ == "VBN"
                                and c.lemma_.lower() in FUNDERS for g in [syntax.agent(c)] if g is not None
                                for a in [self._place_state(s, g)] if a), None)
        if contributor is None:  # 'Parliament approved Italy's participation in the mission': Italy's giving
            contributor = next((a for o in objects if o.lemma_.lower() in TOLD_GIVINGS for c in o.children
                                if c.dep_ == "poss" for a in [as_state(self._g, s.actor(c))] if a), None)
            body = None if contributor is not None else body
        if contributor is None and objects and _handed_by_nobody(t) and self._asset(objects[0]) and not any(
                c.dep_ in ("det", "poss") and c.lower_ not in ("a", "an") for c in objects[0].children):
            body = objects[0]  # 'Four A-29 aircraft were formally handed over to the Lebanese Air Force': the giver
            # the article names elsewhere (not 'The aircraft was handed over', one told before)
        if body is not None and any(c.lower_ in FACTIONS for c in body.subtree):
            return None  # 'Some lawmakers from the Greens have backed sending the missiles': not the house's decision
        if body is not None and body.lemma_.lower() in INSTITUTIONS and self._marked_nationality([body]):
            contributor, body = as_state(self._g, self._marked_nationality([body])), None  # 'The Czech Chamber
            # of Deputies approved sending up to 650 soldiers': the Czech Republic's decision
        seat = self._seat_first(t) if body is not None and body.lemma_.lower() in INSTITUTIONS else None
        if seat is not None:  # 'In Berlin, the government approved the dispatch of the frigate Hessen': Germany's,
            contributor, body = seat, None  # in a story that goes round the capitals
        if body is not None:  # 'Lawmakers voted 240 to 18 on Friday to send the fighters': the article's giver
            contributor = {"name": body.text, "role": None, "country": None, "actor_code": None}
        if contributor is None or self._g.org_kinds.get(contributor.get("actor_code") or "") in RELIEF_BODIES:
            return None  # ('The Red Cross said it had sent additional staff': relief, not forces)
        sailed_for = None
        if _departs(t) and not _for_drills(s) and not _bound_somewhere(t) and not _future(t) and all(
                a["category"] == "NAVAL" for a in assets):
            sailed_for = self._campaign_told(s)  # 'The Belgian frigate Louise-Marie left Zeebrugge on March 9' in
            # a story of the mission it sailed for
        if _departs(t) and (not _bound_somewhere(t) or _for_drills(s)) and sailed_for is None:
            return None  # 'left Almaty for the Golan Heights' goes somewhere; 'troops left Afghanistan' does not,
            # nor 'departed for Thailand to take part in the joint exercise' on a mission
        recipient, purpose = self._recipient_and_purpose(s, t)
        purpose = purpose or sailed_for
        hosted = [f for o in objects if o.lemma_.lower() in ("hosting", "host") and o.pos_ == "NOUN"
                  for f in syntax.preps(o, ("of",)) if (self._asset(f) or {}).get("category") in ARMS]
        guest = self._marked_nationality(hosted) if hosted else None
        if guest is not None and guest.get("country") != contributor.get("country"):  # 'the king approved the
            recipient = guest  # hosting of American forces in the Kingdom': ground lent to the guest's forces
            assets = [{"description": "hosting " + " ".join(w.text for w in hosted[0].subtree if w.dep_ != "det"),
                       "category": "BASING", "quantity": None}]
        trained = self._trained_there(t)
        if trained is not None and trained.get("country") not in (None, contributor.get("country")):
            recipient = trained  # 'will send 70 personnel to Britain to help train Ukrainian recruits': for Ukraine
        posted = t.lemma_.lower() in POSTING and not (self._arrival(t) or _departs(t))  # 'deployed ... to Dakar'
        if recipient is None and _departs(t) and not _for_drills(s):  # 'left Tokyo for Iraq'
            recipient = next((a for a in (self._place_state(s, o) for o in _destinations(t)) if a), None)
        if _enters(t) and not _on_a_mission(s, t):
            return None  # not 'Russian troops crossed into Ukraine': forces that enter serve a mission the article names
        if recipient is None and (self._arrival(t) or _departs(t) or posted) and not _for_drills(s):
            place = find_place(s, t, set(),  # 'arrived in Port-au-Prince', 'station 48 F-35As at Misawa Air Base'
                               preps=("to", "into") + (("in", "at") if t.lemma_.lower() in STATIONING else ())
                               if posted else ("to", "into", "for") if _departs(t) else ("in", "at", "to", "into", "for"))
            # ('left the naval base in Busan': where they left from)
            recipient = state_actor(self._g, place["country"]) if place and place.get("country") else None  # its state
        trainees = [o for o in objects if o.dep_ == "pobj" and o.head.lower_ == "of"
                    and (self._asset(o.head.head) or {}).get("category") == "TRAINING"]  # 'the training of Malian troops'
        trainees = trainees or _course_places(objects)
        if t.lemma_.lower() == "train" or trainees:  # 'offered to train Somali troops': training, for the troops' country
            assets, recipient = self._training(trainees or objects, assets, recipient)
            trained = self._marked_nationality(trainees or objects)
            if trained and trained.get("country") == contributor.get("country"):
                return None  # 'a coalition would begin training Ukrainian pilots': not Ukraine's giving
        if recipient and (recipient.get("actor_code") or "").endswith("LEG"):
            recipient = None  # 'would contribute seven F-16s, subject to a vote in the Folketing': no one's forces
            # go to a parliament
        if recipient and recipient.get("country") and recipient.get("country") == contributor.get("country"):
            recipient, purpose = None, purpose or _patrolled_waters(t, assets)  # ('to the Middle East to
            if purpose is None:  # increase protection for US forces')
                return None  # a country moving its own forces at home is not a contribution
        if self._arrival(t) and assets and all(a["category"] == "NAVAL" for a in assets) and any(
                w.pos_ == "NOUN" and (w.lemma_.lower() == "visit" or w.lemma_.lower() == "call" and any(
                    c.lower_ == "port" for c in w.children)) for w in t.sent):
            return None  # 'US aircraft carrier arrives in Da Nang in historic visit', 'arrived in Trincomalee on a
            # three-day port call': a port call, no forces given
        delivered = self._arrival(t) and t.lemma_.lower() in ("arrive", "reach") and all(
            a["category"] not in ("GROUND_FORCES", "TRAINING") for a in assets)
        moved = (self._arrival(t) or _departs(t)) and t.lemma_.lower() != "reach" and not _for_drills(s) and (any(
            a["category"] in ("AIR", "NAVAL") and not CARRIER.search(a["description"]) for a in assets) or any(
            w.lemma_.lower() == "join" and w.dep_ in ("advcl", "xcomp", "pcomp") and syntax.dep_distance(t, w) <= 2
            for w in t.subtree))  # ('landed ... to join the Multinational Security Support mission')
        # 'Six Canadian CF-18 fighters landed at Trapani', 'the frigate sailed to join ...': warplanes and warships
        # on the move are on a mission the article names (``settle_recipients``); not 'a French government plane'
        moved = moved or (
            self._arrival(t) and not _departs(t) and not _for_drills(s) and not _home_again(t)
            and t.head.lemma_.lower() != "help" and any(a["category"] == "GROUND_FORCES" for a in assets)
            and self._marked_nationality(objects) is not None and _on_a_mission(s, t))
        # ('A contingent of Turkish soldiers arrived at the Tariq bin Ziyad base', 'A Bangladeshi battalion of some
        # 850 soldiers arrived last week': troops marked foreign arrive on the mission the article names)
        if recipient is None and purpose is None:
            purpose = _patrolled_waters(t, assets) or (self._campaign_told(s) if _to_the_campaign(t) else None)
        if recipient is None and purpose is None and t.lemma_.lower() in LANDINGS and any(
                c.dep_ == "advmod" and c.lower_ == "here" for c in t.children):
            recipient = self._dateline_state(s)  # 'PUSAN, Korea, Nov. 7 (AP) -- A Thai infantry battalion of about
            # 1,200 men landed here today': where the dateline is
        joins_force = any(v.lemma_.lower() == "join" and any(  # 'will join the group', not 'the maritime phase';
            c.dep_ == "dobj" and c.lemma_.lower() in MISSIONS | CAMPAIGN_NOUNS for c in v.children)  # 'would deploy
            for v in [t] + [c for c in t.children if c.dep_ in ("xcomp", "advcl")] + [  # a frigate to join the
                c for o in t.children if o.dep_ == "dobj" for c in o.children if c.dep_ in ("relcl", "acl")  # operation'
                and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)])
        if t.lemma_.lower() == "join" and any(c.dep_ == "dobj" and (self._asset(c) or {}).get("category") ==
                                              "GROUND_FORCES" for c in t.children):
            return None  # 'The Ugandan troops join Kenyan troops who have been in Goma': told as their deployment
        if recipient is None and purpose is None and t.lemma_.lower() not in GIVING | ORDERS and not joins_force \
                and not (t.lemma_.lower() in SHIPPING and t.tag_ not in ("VBZ", "VBP")) \
                and not self._adds_to_a_force(t) and not _takes_part(t) \
                and _phrasal(t) not in GIVING \
                and not delivered and not moved:
            # forces moved with no one to receive them and no campaign: not a contribution; but equipment that
            # 'reached the country' was delivered to the one the article names
            return None
        if recipient is None and all(fold(a["description"]).split()[-2:] in VAGUE and a["category"] != "FUNDING"
                                     for a in assets):
            return None  # 'would continue to provide military support': only with whom it is for (not '3 billion
            # euros in military support', a sum given)
        if recipient is None and purpose is None and _for_drills(s):
            return None  # 'Australia and France are sending smaller contingents' to the exercise the title names
        if recipient is None and purpose is None:
            purpose = self._purpose_from_context(s)
        status = self._status(s, t)
        if _sent_thing(t) and status == "ANNOUNCED":
            status = "DELIVERED"  # 'the battery deployed to Saudi Arabia': deployed already
        event = self._record(s, t, status, contributor, recipient, purpose, assets, self._requested_by(s, t))
        if recipient is None and purpose is None:
            event[NEEDS_RECIPIENT] = True  # 'Denmark would give 19 F-16s': the article says to whom elsewhere
        if body is not None:
            event[NEEDS_CONTRIBUTOR] = "house" if body.lemma_.lower() in INSTITUTIONS else True
        if told:
            event[NEEDS_ASSETS] = True
        subj = syntax.subject(t) if status == "APPROVED" else None
        if subj is not None and subj.lemma_.lower() not in INSTITUTIONS and is_person(s.actor(subj)):
            event[BY_EXECUTIVE] = True  # 'The president has approved the deployment of U.S. forces'
        return event

    def _assets_of(self, objects: list[Token]) -> list[dict]:
        """One asset per thing given: 'an advance party of 200 soldiers' once, and 'the destroyer HMS Diamond'
        once, though the party and its soldiers, the destroyer and its name, are all objects."""
        out = []
        for o in objects:
            asset = self._asset(o)
            if not asset or asset in out:
                continue
            if asset["category"] == "FUNDING" and o.dep_ == "appos" and o.head in objects and (
                    self._asset(o.head) or {}).get("category") == "FUNDING":
                continue  # '€1bn (£830m)': one amount, in a second currency
            named = o.dep_ == "appos" and o.pos_ == "PROPN" and o.head in objects and o.head.pos_ == "NOUN"
            if named and not any(c.dep_ == "nummod" for c in o.head.children) and (
                    self._asset(o.head) or {}).get("category") == asset["category"]:
                continue
            out.append(asset)
        return out

    def _package_told(self, s: Sentence, objects: list[Token]) -> list[dict]:
        """'announced a new package worth 4.6 billion kroner. It contains two NASAMS launchers': a package that
        does not say what it holds is military when the next sentence, or the headline, names arms or forces."""
        package = next((o for o in objects if o.lemma_.lower() in PACKAGES - {"aid"} and not any(
            c.dep_ == "prep" and c.lower_ == "of" or c.lower_ == "the" for c in o.children)), None)  # ('announcing
        # the package', one told before)
        if package is None or self._armed is None:
            return []
        if not any(self._armed.search(fold(text)) for text in (
                s.ctx.sentence_after(s.offset + package.idx), s.article.get("title") or "")):
            return []
        words = [w for w in package.subtree if w.dep_ not in ("det", "poss") and w.i >= package.left_edge.i
                 and not (w.dep_ == "relcl" or any(a.dep_ == "relcl" for a in w.ancestors if a.i > package.i))]
        worth = any(w.ent_type_ == "MONEY" for w in words)
        return [{"description": " ".join(w.text for w in words), "category": "FUNDING" if worth else "OTHER",
                 "quantity": None}]

    def _part_in_mission(self, t: Token, objects: list[Token]) -> list[dict]:
        """'approved Italy's participation in the European Union's Aspides naval mission', 'will join a US-led
        mission to protect merchant shipping': a state's part in a named or led military mission is its giving,
        whatever the sentence leaves of what it sends."""
        missions = [m for o in objects if o.lemma_.lower() in ("participation", "part")
                    for m in syntax.preps(o, ("in",))]
        if t.lemma_.lower() in ("join", "participate") and t.dep_ in ("ROOT", "ccomp", "conj") and any(
                c.dep_ == "nsubj" for c in t.children):  # ('left Chattogram for Lebanon to join the task force')
            missions += [c for c in t.children if c.dep_ == "dobj"] + list(syntax.preps(t, ("in",)))
        for m in missions:
            if m.lemma_.lower() not in MISSIONS | CAMPAIGN_NOUNS:
                continue
            words = " ".join(w.text for w in m.subtree if w.i <= m.i)  # its name, not a clause after it
            if self._purpose_in(words) or any(w.lower_.endswith("led") and w.i > 0 and w.doc[w.i - 1].text == "-"
                                              or w.lower_.endswith("-led") for w in m.subtree if w.i < m.i):
                return [{"description": "participation in " + words, "category": "OTHER", "quantity": None}]
        return []

    def _approves_what_was_told(self, t: Token, objects: list[Token]) -> Optional[Token]:
        """'approved the deployment last Friday', 'had endorsed the dispatch', 'the deployment was approved by
        the Grand National Assembly', 'announced the deployment on Monday': a vote on a contribution the article
        has told of, or its announcement, named by a noun."""
        if (self.verbs.get(t.lemma_.lower()) or self.verbs.get(_phrasal(t))) != "APPROVED" and \
                t.lemma_.lower() not in ("announce", "unveil"):
            return None  # ('signed off on the mission Tuesday'; 'Hollande announced the deployment on Monday')
        return next((o for o in objects if o.lemma_.lower() in TOLD_GIVINGS and any(
            c.dep_ in ("det", "poss") and c.lower_ in ("the", "that", "this", "its", "their") for c in o.children)),
                    None)

    def _seat_first(self, t: Token, kinds: tuple = ("capital",)) -> Optional[dict]:
        """The state whose capital opens the sentence ('In Ankara, parliament ...'); a country there ('In Turkey,
        the government has deployed soldiers') tells where, not whose."""
        first = t.sent[0]
        if first.lower_ != "in" or first.head.i != t.i and first.head.i not in {g.i for g in syntax.governors(t, 3)}:
            return None
        place = next((c for c in first.children if c.dep_ == "pobj"), None)
        after = t.doc[place.i + 1] if place is not None and place.i + 1 < len(t.doc) else None
        hit = self._g.country_of(t.doc[place.left_edge.i:place.i + 1].text) if after is not None and after.text == "," else None
        return state_actor(self._g, hit[0]) if hit and hit[1] in kinds else None

    def _institution(self, s: Sentence, t: Token) -> Optional[Token]:
        """A parliament, cabinet or lawmakers that decide for a state the sentence does not name."""
        subj = syntax.subject(t)
        if subj is None or subj.lemma_.lower() not in INSTITUTIONS or s.actor(subj) is not None:
            return None
        if self._seat_first(t) is not None:
            return subj  # 'In Warsaw, the government agreed to send 130 military policemen'
        if subj.lemma_.lower() in ("government", "cabinet", "administration") and [c.lower_ for c in subj.children][:1] == ["the"] \
                and all(c.dep_ == "det" or c.dep_ == "amod" and not c.ent_type_ or c.lower_ in GOVERNMENT_STYLES
                        for c in subj.children) \
                and not any(e.label_ == "GPE" and e.end <= subj.i for e in t.sent.ents):
            return subj  # 'the government announced a new package': the state the article tells of (not 'In
            # Turkey, the government has deployed soldiers')
        return subj if self._status(s, t) == "APPROVED" else None

    def _package(self, s: Sentence, t: Token) -> Optional[dict]:
        """'Sweden said its new package would include Archer artillery systems': the owner of the package
        gives what it includes."""
        package = syntax.subject(t)
        owner = next((c for c in package.children if c.dep_ == "poss"), None) if package is not None else None
        giver = s.actor(owner) if owner is not None and owner.lower_ not in ("its", "their") else None
        if giver is None:  # 'Sweden said its package ...', 'The package includes ..., the Pentagon said'
            says = [g for g in syntax.governors(t, 3) if g.lemma_ in syntax.REPORTING] + [
                c for c in t.children if c.dep_ in ("parataxis", "ccomp") and c.lemma_ in syntax.REPORTING]
            speaker = syntax.subject(says[0]) if says else None
            giver = s.actor(speaker) if speaker is not None else None
        giver = as_state(self._g, giver)
        assets = [a for a in (self._asset(o) for o in self._objects(t)) if a]
        if not giver or not giver.get("country") or not assets:
            return None
        recipient, purpose = self._recipient_and_purpose(s, t)
        event = self._record(s, t, self._status(s, t), giver, recipient, purpose, assets, None)
        if recipient is None and purpose is None:
            event[NEEDS_RECIPIENT] = True
        return event

    def _use(self, s: Sentence, t: Token) -> Optional[dict]:
        """'Iran has allowed Russia to use its facilities': bases, airfields or airspace lent to another country."""
        use = _use_allowed(t)
        subj, user = syntax.subject(t), next((c for c in t.children if c.dep_ in ("dobj", "nsubj") and c.i > t.i), None)
        if subj is None or user is None:
            user = next((c for c in use.children if c.dep_ == "nsubj"), user)
        giver = self._granting_state(s, t)
        taker = as_state(self._g, s.actor(user) or self._marked_nationality([user]) or next(
            (s.actor(c) for c in user.children if c.dep_ == "compound" and s.actor(c)), None)) \
            if user is not None else None  # ('let NATO aircraft use', the alliance's)
        assets = [a for a in (self._asset(o) for o in self._objects(use)) if a] or [
            {"description": o.text, "category": "BASING", "quantity": None} for o in self._objects(use)
            if o.lemma_.lower() in ("facility", "facilities", "airspace", "territory", "port", "airfield")][:1]
        if not giver or not taker or not assets or giver.get("country") == taker.get("country"):
            return None
        return self._record(s, t, self._status(s, t), giver, taker, self._purpose_in(t.sent.text), assets, None)

    def _access(self, s: Sentence, t: Token, access: Token) -> Optional[dict]:
        """'Manila would grant US forces access to four more sites': a state opening its ground to another's
        forces (basing), for the state whose forces they are."""
        users = [c for c in t.children if c.dep_ == "dative"] + [c for c in access.children if c.dep_ == "compound"]
        # ('give the United States access to four more bases' parses the state as the access's modifier)
        subj = syntax.subject(t)
        giver = as_state(self._g, s.actor(subj)) if subj is not None else None
        taker = next(filter(None, (as_state(self._g, s.actor(u) or self._marked_nationality([u])) for u in users)),
                     None)
        places = list(syntax.preps(access, ("to",))) or list(syntax.preps(t, ("to",)))
        places = [p for p in places if p.lemma_.lower() in GROUNDS or (self._asset(p) or {}).get("category") == "BASING"]
        if not giver or not taker or not places or giver.get("country") == taker.get("country"):
            return None  # (not 'an agreement giving the US access to Ukraine's rare earth minerals')
        place = places[0]
        count = next((number(c.text) for c in place.children if c.dep_ == "nummod" and c.like_num), None)
        words = [w for w in place.subtree if w.dep_ not in ("det", "poss")]
        description = "access to " + place.doc[words[0].i:place.right_edge.i + 1].text  # 'Karshi-Khanabad air base'
        assets = [{"description": description, "category": "BASING", "quantity": count}]
        return self._record(s, t, self._status(s, t), giver, taker, self._purpose_in(t.sent.text), assets, None)

    def _opening(self, s: Sentence, t: Token, ground: Token) -> Optional[dict]:
        """'Turkey's parliament voted to open the country's airspace to U.S. warplanes', 'Algeria has opened its
        airspace to French aircraft': overflight or basing given to the state whose forces use it."""
        users = [o for p in syntax.preps(t, ("to", "for")) for o in [p] if o.ent_type_ not in ("DATE", "TIME")]
        taker = next(filter(None, (as_state(self._g, s.actor(u)) or self._marked_nationality([u]) for u in users)),
                     None)
        if taker is None or not (self._asset(users[0]) or s.actor(users[0])):
            return None  # (not 'opened its airspace to commercial flights')
        giver = self._granting_state(s, t)
        if not giver or not giver.get("country") or giver.get("country") == taker.get("country"):
            return None
        words = [w for w in ground.subtree if w.i <= ground.i and w.dep_ not in ("det", "poss", "case")]
        assets = [{"description": " ".join(w.text for w in words), "category": "BASING", "quantity": None}]
        status = "APPROVED" if any(g.lemma_.lower() in ("vote", "approve", "authorise", "authorize")
                                   for g in syntax.governors(t, 3)) else self._status(s, t)
        return self._record(s, t, status, giver, taker, self._purpose_in(t.sent.text), assets, None)

    def _granting_state(self, s: Sentence, t: Token) -> Optional[dict]:
        """The state that lets or opens: the verb's subject, or that of the verb it hangs on ("Bulgaria's parliament
        voted to let NATO aircraft use ..."), a house of its parliament acting for it."""
        subj = syntax.subject(t) or next((syntax.subject(g) for g in syntax.governors(t, 2) if syntax.subject(g)
                                          is not None), None)
        if subj is None:
            return None
        giver = as_state(self._g, s.actor(subj))
        if giver is None and subj.lemma_.lower() in INSTITUTIONS:
            giver = as_state(self._g, next((s.actor(c) for c in subj.children if c.dep_ == "poss"), None)) or \
                self._marked_nationality([subj])  # 'the Bulgarian parliament'
        if giver is None and subj.lower_ in ("it", "they"):
            giver = s.ctx.recent_state(s.offset + subj.idx, it=True)
        return giver

    def _hosting(self, s: Sentence, t: Token) -> Optional[dict]:
        """'offered to host a permanent U.S. armored brigade', 'to host the Australian contingent at Al Minhad':
        a state lending its ground to another's forces (basing); hosting people is a meeting, not this."""
        if t.tag_ in ("VBZ", "VBP") and not any(c.dep_ == "aux" for c in t.children):
            return None  # 'Poland already hosts about 4,500 U.S. troops': a state of things, no giving
        objects = [g for c in t.children if c.dep_ == "dobj" for g in syntax.with_conjuncts(c)]
        forces = [o for o in objects if (self._asset(o) or {}).get("category") in ARMS and o.ent_type_ != "PERSON"]
        giver = as_state(self._g, self._contributor(s, t, objects)) if forces else None
        guest = self._marked_nationality(forces)
        if not giver or not guest or giver.get("country") == guest.get("country"):
            return None
        hosted = " ".join(w.text for w in forces[0].subtree if w.dep_ != "det")
        assets = [{"description": f"hosting {hosted}", "category": "BASING", "quantity": None}]
        return self._record(s, t, self._status(s, t), giver, guest, self._purpose_in(t.sent.text), assets, None)

    def _rotation(self, s: Sentence, t: Token, taken: Token) -> Optional[dict]:
        """'British troops have formally taken charge of Nato's battlegroup in Estonia', 'Poland took over the
        lead at Siauliai with four MiG-29s': a contingent relieving the last one is delivered to the mission
        it takes over, abroad or under an alliance's flag; not a minister taking charge of his ministry."""
        if t.dep_ in ("advcl", "xcomp") and t.head.lemma_.lower() in self.verbs:
            return None  # 'arrived in south Lebanon on Saturday to take over duties': the arrival tells it
        subj = syntax.subject(t)
        if subj is None or subj.ent_type_ == "PERSON":
            return None
        forces = ([subj] if self._asset(subj) else []) + list(syntax.preps(t, ("with",))) + list(
            syntax.preps(taken, ("with",)))
        assets = [a for a in self._assets_of(forces) if a["category"] in ARMED]
        giver = as_state(self._g, s.actor(subj)) or as_state(self._g, self._marked_nationality([subj]))
        if not assets or not giver or not giver.get("country"):
            return None
        flag = next((a for w in taken.subtree for a in [s.actor(w)] if a and not a.get("country")
                     and a.get("actor_code")), None)  # 'Nato's battlegroup', 'NATO's Regional Command-East'
        place = find_place(s, t, set(), preps=("in", "at"))
        there = state_actor(self._g, place["country"]) if place and place.get("country") else None
        if flag is None and (there is None or there.get("country") == giver["country"]):
            return None  # 'took charge of the border', at home
        recipient = flag or there
        return self._record(s, t, "DELIVERED", giver, recipient, self._purpose_in(t.sent.text), assets, None)

    def _received(self, s: Sentence, t: Token, objects: list[Token], assets: list[dict]) -> Optional[dict]:
        """'Ukraine has received its first Archer howitzers from Sweden', 'Ukraine will also receive 3,000
        Lithuanian-made FPV drones': told from the side that gets them; the giver is 'from' whom, else whose
        make they are."""
        if {w.lemma_.lower() for w in t.sent} & BOUGHT:
            return None  # 'Poland received 250 Abrams tanks from the United States under a purchase deal'
        subj = syntax.subject(t)
        recipient = as_state(self._g, s.actor(subj)) if subj is not None else None
        if recipient is None and subj is not None and subj.lemma_.lower() in SERVICES | ARMED_SERVICES and not {
                w.lower_ for w in subj.subtree} & self.civil_bodies:
            recipient = self._marked_nationality([subj])  # 'The Belize Coast Guard took delivery of', 'the
            # Lebanese Air Force received'
        donors = [by for o in objects for c in o.children if c.dep_ == "acl" and c.lemma_.lower() in GIVING
                  for by in [syntax.agent(c)] if by is not None]  # 'received seven carriers donated by Germany'
        if not donors and (_phrasal(t) == "take delivery" or t.lemma_.lower() in ("induct", "incorporate")):
            return None  # 'took delivery of two submarines from China', 'inducted the Chinese-made J-10C fighter
            # jets': most often bought
        givers = [p for h in [t] + objects for p in syntax.preps(h, ("from",))] + donors
        contributor = next((a for a in (as_state(self._g, s.actor(g)) for g in givers) if a and a.get("country")), None)
        if contributor is None and not givers:
            for o in objects:  # 'Lithuanian-made', 'German-built', tokenised in one or in three
                made = [MADE.sub("", w.text) for w in o.subtree if w.i < o.i and MADE.search(w.text)] + [
                    w.doc[w.i - 2].text for w in o.subtree if w.i < o.i and w.i >= 2 and w.doc[w.i - 1].text == "-"
                    and MADE.search("-" + w.text)]
                hit = self._g.country_of(made[0]) if made else None
                if hit and hit[1] in ("demonym", "name"):
                    contributor = state_actor(self._g, hit[0])
                    break
        if contributor is None and not givers:  # 'Russia has received shipments of Iranian Fath-360 missiles'
            contributor = as_state(self._g, self._marked_nationality(objects))
        if not recipient or not recipient.get("country") or not contributor or \
                contributor["country"] == recipient["country"]:
            return None
        return self._record(s, t, self._status(s, t), contributor, recipient, self._purpose_in(t.sent.text), assets, None)

    def _from_stocks(self, s: Sentence, objects: list[Token]) -> Optional[dict]:
        """'18 Leopard 2A6 tanks from Bundeswehr stocks had been handed over': whose stocks they came from."""
        for o in objects:
            for w in (p for c in o.children if c.dep_ == "prep" and c.lower_ == "from" for p in c.children
                      if p.dep_ == "pobj" and p.lemma_.lower() in STOCKS):
                for owner in (c for c in w.children if c.dep_ in ("compound", "poss", "amod", "nmod")):
                    actor = as_state(self._g, s.actor(owner))
                    if actor and actor.get("country"):
                        return state_actor(self._g, actor["country"])
        return None

    def _trained_there(self, t: Token) -> Optional[dict]:
        """The state whose soldiers forces are sent to train ('to Britain to (help) train Ukrainian recruits')."""
        goals = [c for c in t.children if c.dep_ in ("xcomp", "advcl")]
        goals += [g for c in goals if c.lemma_.lower() == "help" for g in c.children if g.dep_ in ("xcomp", "ccomp")]
        trainees = [o for g in goals if g.lemma_.lower() == "train" for o in g.children if o.dep_ == "dobj"]
        return as_state(self._g, self._marked_nationality(trainees)) if trainees else None

    def _name_in_run(self, c: Token) -> Optional[str]:
        """The longest country name of two words or more that a run of proper nouns starts with: 'Papua New Guinea'
        in 'Papua New Guinea Defence Force personnel', not the 'Guinea' inside it (one word is read as before)."""
        doc = c.doc
        start = c.left_edge.i if all(w.pos_ == "PROPN" for w in doc[c.left_edge.i:c.i + 1]) else c.i
        end = start
        while end < len(doc) and doc[end].pos_ == "PROPN":
            end += 1
        return next((doc[start:k].text for k in range(end, start + 1, -1) if self._g.country_of(doc[start:k].text)), None)

    def _marked_nationality(self, objects: list[Token]) -> Optional[dict]:
        """The country written on what is provided ('RAF Tornado jets', 'German Leopard tanks')."""
        for o in objects:
            found = []
            for c in [w for w in o.subtree if w.head.i != w.i and (  # 'German frigate Augsburg', 'units of the KPA'
                    w.i < o.i and w.head.i <= o.i or (w.i > o.i and w.head.dep_ == "pobj" and (
                        w.head.head.lower_ == "of" or (
                            w.head.head.lower_ == "with" and o.lemma_.lower() in PARTS_OF))))]:
                made = _origin_only(c, o) or _once(c) or self._regional(c)  # (nor 'the ex-Soviet republic's
                # army', nor 'the South American country's contingent')
                if (c.dep_ in ("amod", "compound", "nmod") or (c.dep_ == "poss" and c.head.i != o.i) or (
                        c.dep_ == "npadvmod" and c.head.lower_ == "armed")) and not made:  # ('the Malagasy armed
                    # forces', the demonym parsed on 'armed'; not 'a Polish-led zone')
                    # not 'U.S.-made F-16s', nor "Ukraine's F-16s have arrived"; but 'an advance team of Japan's
                    # Ground Self-Defense Force'
                    whole = o.doc[c.left_edge.i:c.head.i + 1].text if c.head.pos_ == "PROPN" else None
                    named = o.doc[c.left_edge.i:o.i + 1].text if o.pos_ == "PROPN" and c.i < o.i else None
                    for text in (named, whole, self._name_in_run(c), o.doc[c.left_edge.i:c.i + 1].text
                                 if c.pos_ == "PROPN" else None, c.text.split("-")[0]):
                        # ("the Korean People's Army" before 'Korean')
                        hit = self._g.country_of(text) if text else None
                        if hit and (hit[1] in ("demonym", "name") or hit[1].startswith("metonym")):
                            found.append((len(text), hit[0]))
                            break
            if found:
                return state_actor(self._g, max(found)[1])
        return None

    def _training(self, objects: list[Token], assets: list[dict], recipient: Optional[dict]):
        trained = [o for o in objects if (self._asset(o) or {}).get("category") == "GROUND_FORCES"
                   or o.lemma_.lower() in TRAINEES]
        if not trained:
            return assets, recipient
        venues = {hit[0] for o in trained[0].head.subtree if o.dep_ == "pobj" and o.head.lower_ == "in"
                  for hit in [self._g.country_of(o.text)] if hit}
        for c in trained[0].children:  # whose trainees they are, whoever's ground they train on ('train Palestinian
            # police officers in Egypt and Jordan')
            hit = self._g.country_of(c.text) if c.dep_ in ("amod", "compound", "poss", "nmod") and not _once(c) else None
            if hit and hit[1] in ("demonym", "name") and (recipient is None or recipient.get("country") in venues):
                recipient = state_actor(self._g, hit[0])
        recipient = recipient or as_state(self._g, self._marked_nationality(objects))  # 'Sri Lanka Navy and Air Force
        # personnel': a name of two words, written on the first of those trained
        description = " ".join(w.text for w in trained[0].subtree if w.i <= trained[0].i and w.dep_ != "det")
        return [{"description": f"training of {description}", "category": "TRAINING", "quantity": None}], recipient

    def _direct_request(self, s: Sentence, t: Token) -> Optional[dict]:
        """'Zelensky asked Germany for IRIS-T systems', 'Kyiv requested Patriots from Washington': the one
        asked is the contributor (status REQUESTED), the one asking the recipient."""
        asked = [c for c in t.children if c.dep_ in ("dobj", "dative")] or [  # 'appealed to France for help'
            o for c in t.children if c.dep_ == "prep" and c.lower_ in ("to", "on", "upon") for o in c.children
            if o.dep_ == "pobj"]
        wanted = [g for c in t.children if c.dep_ == "prep" and c.lower_ == "for"
                  for o in c.children if o.dep_ == "pobj" for g in syntax.with_conjuncts(o)]
        if not wanted:  # 'requested Patriot systems from the United States'
            wanted = [g for o in asked for g in syntax.with_conjuncts(o)]
            asked = [o for h in [t] + wanted for c in h.children if c.dep_ == "prep" and c.lower_ == "from"
                     for o in c.children if o.dep_ == "pobj"]  # ('requested assistance from Canberra')
        assets = [a for a in (self._asset(o) for o in wanted) if a] or _help(wanted)
        if not assets or self._non_military(t, wanted):
            return None
        marked = self._marked_nationality(wanted) if not asked else None  # 'requested Turkish military support'
        if not asked and marked is None:
            return None
        if asked[:1] and asked[0].lemma_.lower() in INSTITUTIONS and not self._marked_nationality(asked[:1]):
            return self._funding_asked(s, t, wanted, assets)
        contributor = marked or as_state(self._g, s.actor(asked[0]))
        hit = self._g.country_of(asked[0].text) if contributor is None and asked else None
        if hit and hit[1] == "capital":  # 'from Washington': the government asked
            contributor = state_actor(self._g, hit[0], "GOV")
        requester = syntax.subject(t)
        recipient = as_state(self._g, s.actor(requester)) if requester is not None else None
        if contributor is None or (recipient and recipient.get("country") == contributor.get("country")):
            return None
        return _asked_for_help(self._record(s, t, "REQUESTED", contributor, recipient, self._purpose_in(t.sent.text),
                                            assets, recipient))

    def _funding_asked(self, s: Sentence, t: Token, wanted: list[Token], assets: list[dict]) -> Optional[dict]:
        """'President Nixon asked Congress on Friday for $2,200m in emergency military aid for Israel': a leader
        asking his own legislature for money to give announces his state's giving to the one it is for."""
        requester = syntax.subject(t)
        giver = s.actor(requester) if requester is not None else None
        giver = state_actor(self._g, giver["country"]) if is_person(giver) and giver.get("country") else None
        target = next((a for w in wanted for p in w.subtree if p.dep_ == "pobj" and p.head.lower_ == "for"
                       for a in [as_state(self._g, s.actor(p))] if a and a.get("country")), None)
        if giver is None or target is None or target["country"] == giver["country"]:
            return None
        return self._record(s, t, "ANNOUNCED", giver, target, self._purpose_in(t.sent.text), assets, None)

    def _request_noun(self, s: Sentence, t: Token) -> Optional[dict]:
        """'East Timor's Government made a formal request to Canberra for military assistance': the state asked
        by 'to', the one asking by its possessive or as the subject of the verb that makes the request."""
        wanted = [w for f in t.subtree if f.lower_ == "for" for p in f.children if p.dep_ == "pobj"
                  for w in syntax.with_conjuncts(p)]
        assets = [a for a in (self._asset(w) for w in wanted) if a] or _help(wanted)
        asked = list(syntax.preps(t, ("to",))) or (list(syntax.preps(t.head, ("to",))) if t.dep_ == "dobj" else [])
        if not asked and t.i + 2 < len(t.doc) and t.doc[t.i + 1].lower_ == "to" and t.doc[t.i + 2].pos_ == "PROPN":
            asked = [t.doc[t.i + 2]]  # the parser may read 'to Canberra' as an infinitive
        if not assets or not asked or self._non_military(t, wanted) or syntax.is_negated(t.head):
            return None
        owner = next((c for c in t.children if c.dep_ == "poss"), None)
        if t.dep_ == "dobj" and self.verbs.get(t.head.lemma_.lower()) == "APPROVED":
            return self._request_granted(s, t, owner, asked[0], assets)
        if owner is None and t.dep_ == "dobj":
            owner = syntax.subject(t.head)
        contributor = as_state(self._g, s.actor(asked[0]))
        hit = self._g.country_of(asked[0].text) if contributor is None else None
        if hit and hit[1] == "capital":  # 'to Canberra': the government asked
            contributor = state_actor(self._g, hit[0], "GOV")
        recipient = as_state(self._g, s.actor(owner)) if owner is not None else None
        if contributor is None or recipient is None or _country(recipient) == _country(contributor):
            return None
        return _asked_for_help(self._record(s, t, "REQUESTED", contributor, recipient, self._purpose_in(t.sent.text),
                                            assets, recipient))

    def _request_granted(self, s: Sentence, t: Token, owner: Optional[Token], to: Token, assets: list[dict]
                         ) -> Optional[dict]:
        """'The House voted to approve Reagan's request for $62 million in military aid to El Salvador': a
        legislature grants its own government's request, so the giving is approved, to whom the aid goes."""
        approver = syntax.subject(t.head)
        contributor = next((a for a in (as_state(self._g, s.actor(w)) for w in (owner, approver) if w is not None)
                            if a and a.get("country")), None)
        recipient = as_state(self._g, s.actor(to))
        if contributor is None or _country(recipient) == _country(contributor):
            return None
        return self._record(s, t.head, "APPROVED", contributor, recipient, self._purpose_in(t.sent.text), assets, None)

    def _record(self, s, t, status, contributor, recipient, purpose, assets, requested_by) -> dict:
        when = find_date(s, t, status in ("PLEDGED", "OFFERED", "ANNOUNCED") and _future(t),
                         announced=status in ("PLEDGED", "OFFERED", "ANNOUNCED"),  # a delivery or vote is its own act
                         given=status != "DELIVERED")
        cameo = {"PLEDGED": "0332", "OFFERED": "0332", "REQUESTED": "0232", "APPROVED": "0332"}.get(status, "072")
        return {
            "event_type": "military_contribution",
            "status": status,
            "contributor": contributor,
            "recipient": recipient,
            "assets": assets,
            "purpose": purpose,
            "requested_by": requested_by,
            "cameo_code": cameo,
            "plover_event": "AID",
            "plover_mode": None,
            "plover_context": "military",
            **when,
            "location": None,
            "confidence": None,
            "mentions": [mention(s, t.sent)],
            "related_event_ids": [],
            SIGNALS: _signals(s, t, status, contributor, recipient, purpose, assets, when),
        }

    def _blocked(self, t: Token) -> bool:
        if _waits_on_permission(t) or TALLY.search(t.doc[t.left_edge.i:t.i + 1].text) or \
                RANKED.search(t.doc[t.sent.start:t.i].text):
            return True  # 'ready to send Leopards ... will ask Berlin for permission', 'had so far supplied'
        if (SINCE.search(t.doc[t.left_edge.i:t.i + 1].text) or SINCE_AFTER.search(t.doc[t.i:t.right_edge.i + 1].text)) \
                and any(c.dep_ == "aux" and c.lower_ in ("has", "have") for c in t.children):
            return True  # 'Since May, the US has sent about 14,000 extra troops to the Middle East', 'has provided
            # Ukraine with military assistance worth 600 million euros since the start of the invasion': a tally
        if any(c.dep_ == "advmod" and c.lower_ in ("already", "previously") for c in t.children) and any(
                c.dep_ == "aux" and c.lemma_ == "have" and c.tag_ in ("VBZ", "VBP") for c in t.children) and \
                not _own_day(t) and not self._arrival(t):
            return True  # 'Canada has previously handed over Leopard 2 tanks': background the story gives no day
            # (but 'Around 450 German soldiers have already reached Rukla' is the news)
        if t.lemma_.lower() in STANDING and t.tag_ in ("VBZ", "VBP") and not any(c.dep_ == "aux" for c in t.children):
            return True  # 'Russia keeps its largest foreign ground force, the 201st military base, in Tajikistan'
        if _expected(t):
            return True  # 'South Sudan is also expected to send soldiers', 'Kenya is expected to send a total of 903
            # troops': what others expect a state to give, not what it gave or said it would give
        if any(syntax.is_negated(g) for g in syntax.governors(t, 4) if g.lemma_.lower() in ("take", "make", "reach")
               and any(c.dep_ == "dobj" and c.lemma_.lower() == "decision" for c in g.children)):
            return True  # 'Pakistan has not taken any decision on contributing troops'
        if any(g.lemma_.lower() == "hold" and any(c.dep_ == "prt" and c.lower_ == "off" for c in g.children)
               for g in syntax.governors(t, 4)):
            return True  # 'Berlin again held off on a decision over sending Leopard 2 tanks'
        if CONDITION.search(t.doc[t.i:t.sent.end].text):
            return True  # 'willing to send a company of Leopards, but only if Berlin agrees'
        if any(c.dep_ == "dobj" and c.lemma_.lower() in MADE_GIVINGS and any(
                d.dep_ == "det" and d.lower_ == "no" for d in c.children) for c in t.children):
            return True  # 'made no commitment of troops'
        if any(c.dep_ == "dobj" and c.lemma_.lower() in WITHDRAWALS for c in t.children):
            return True  # 'Malawi had already announced the withdrawal of its contingent'
        if t.lemma_.lower() in STATIONING and t.tag_ == "VBN" and any(c.dep_ == "auxpass" and c.lower_ in ("is", "are")
                                                                     for c in t.children) and not any(
                c.dep_ == "aux" for c in t.children):
            return True  # 'Some 2,400 French soldiers are still stationed in Mali': a state of things, no giving
        if t.lemma_.lower() == "hand" and any(c.dep_ == "dobj" and c.lemma_.lower() in OWN_BASES and any(
                p.dep_ == "poss" and p.lower_ in ("its", "their") for p in c.children) for c in t.children):
            return True  # 'France handed over its last military base in Chad to the Chadian army': leaving
        if _background(t):
            return True  # 'Russia has maintained a military presence in Syria since 2015': a state of things
        if _shares_told(t):
            return True  # 'Britain, Germany and Italy provide the largest contingents': who gives most, no giving
        clause = syntax.clause_tokens(t) + syntax.governors(t, 3)
        if syntax.is_negated(t) or any(c.lemma_.lower() in self.negation or _phrasal(c) in self.negation
                                       for c in clause):
            return True  # 'ruled out sending troops'
        if any(c.dep_ == "nsubj" and c.lower_ in ("none", "nobody", "neither") for g in syntax.governors(t, 3)
               for c in g.children):
            return True  # 'none has yet said how many soldiers it will send'

        if syntax.is_hypothetical(t, self.hypothetical):
            return True
        if t.tag_ == "VBG" and t.i == t.sent.start and not any(c.dep_ in ("nsubj", "aux") for c in t.children) and (
                t.dep_ in ("csubj", "csubjpass", "nsubj") or t.dep_ == "advcl" and t.head.lemma_ in ("say", "tell")):
            return True  # 'Sending western ground troops to Ukraine, Macron told reporters, could not be ruled out':
            # the topic of a judgement, no one's giving (but 'Sending 200 more troops, Germany became ...' gave)
        if t.dep_ in ("pcomp", "acl") and any(g.lemma_.lower() in TOPICS for g in syntax.governors(t, 3)):
            return True  # 'Asked about the possibility of French instructors being sent to Ukraine': a question
        if t.dep_ == "pcomp" and t.head.lower_ in ("before", "without", "instead"):
            return True  # 'urged Tinubu to exhaust diplomatic options before committing Nigerian troops'
        if self.verbs.get(t.lemma_.lower()) == "APPROVED" and t.dep_ == "acl" and t.head.dep_ == "pobj" \
                and t.head.head.lower_ == "for":
            return True  # 'would press for legislation authorizing weapons deliveries': a bill wished for
        # parades, exercises, purchases: judged on what is provided and the verbs above, not the whole sentence
        near = self._objects(t) + [t] + syntax.governors(t, 2)
        near += [p for c in t.children if c.dep_ == "prep" and c.lower_ in ("for", "in", "to")
                 for p in c.children if p.dep_ == "pobj"]  # 'sent two frigates for the exercise'
        lemmas = {w.lemma_.lower() for w in near} | {w.lower_ for w in near}
        return bool(lemmas & self.not_context)

    def _objects(self, t: Token) -> list[Token]:
        objs: list[Token] = []
        if _sent_thing(t) and self._asset(t.head):
            objs.append(t.head)  # 'A Greek Patriot battery deployed to Saudi Arabia has become operational'
        if self._arrival(t) or _moves_itself(t):
            for c in t.children:  # ('paratroopers who flew out'; 'three MSDF ships -- the destroyers Kurama
                if c.dep_ == "nsubj":  # and Kirisame -- which left their home ports')
                    subject = t.head if c.tag_ in ("WP", "WDT") and t.dep_ == "relcl" else c
                    if t.dep_ == "relcl" and c.pos_ == "PROPN" and c.left_edge.i == t.head.i + 1 \
                            and self._asset(t.head):  # 'The frigate Hydra set sail', its name parsed as the
                        objs.append(t.head)  # subject of a clause on 'frigate'
                    objs += ([subject.head] if subject.dep_ == "appos" else []) + syntax.with_conjuncts(subject)
            if not objs and t.dep_ == "xcomp" and t.head.lemma_.lower() in ("start", "begin", "continue"):
                subject = syntax.subject(t.head)  # 'Turkish soldiers have started moving to Libya'
                objs += syntax.with_conjuncts(subject) if subject is not None else []
            if t.dep_ == "acl" and not objs:  # 'the first contingent of 400 officers arrived in ...' parsed as
                # a modifier of 'officers': the contingent (and, through its 'of', the officers) arrived
                objs += [t.head.head.head if t.head.dep_ == "pobj" and t.head.head.lower_ == "of" else t.head]
        joiner = next((c for c in t.children if c.dep_ == "nsubj"), None) if t.lemma_.lower() == "join" else None
        if joiner is not None and joiner.tag_ in ("WDT", "WP") and t.dep_ == "relcl":
            joiner = t.head  # 'the French frigate Jean Bart, which joined the operation on Monday'
        if joiner is not None and self._asset(joiner):  # 'The German frigate Augsburg has joined the French carrier':
            return syntax.with_conjuncts(joiner)  # the frigate is given, what it joins is not
        if t.lemma_.lower() == "join":
            return []  # ('to join the Multinational Security Support mission': no asset)
        for c in t.children:
            if c.dep_ in ("dobj", "dative") and c.tag_ in ("WDT", "WP") and t.dep_ == "relcl" and \
                    t.head.pos_ in ("NOUN", "PROPN") and t.lemma_.lower() not in RECEIVING:
                objs.append(t.head)  # 'the battery that Greece has loaned to Saudi Arabia', 'the 14 tanks that
                # Britain promised Ukraine' ('that' parsed as the one given to): what the clause's 'that' stands for
            elif c.dep_ in ("dobj", "nsubjpass", "attr", "oprd") and not (
                    c.dep_ == "dobj" and (_provides_with(t) or _arms(t))):
                objs += syntax.with_conjuncts(c)
        if not objs and t.dep_ == "xcomp" and t.head.lemma_ == "be" and any(c.dep_ == "auxpass" for c in t.children):
            objs += [g for c in t.head.children if c.dep_ == "nsubj" for g in syntax.with_conjuncts(c)]
            # 'Around 3,300 British troops are to be sent to southern Afghanistan', the troops the subject of 'are'
        for c in t.children:  # 'would send Ukraine 31 refurbished M1A1 Abrams tanks', the participle parsed as
            if c.dep_ == "advcl" and c.tag_ in ("VBD", "VBN") and any(  # a verb of its own after the recipient
                    o.dep_ == "dobj" and o.i < c.i <= o.i + 2 for o in t.children):
                objs += [g for d in c.children if d.dep_ == "dobj" for g in syntax.with_conjuncts(d)]
        if _provides_with(t):
            objs += _with_what(t)
        if _phrasal(t) == "give the green light":  # 'gave the green light to the deployment of 60 soldiers'
            objs = [o for h in [t] + [c for c in t.children if c.dep_ == "dobj"] for c in h.children
                    if c.dep_ in ("prep", "dative") and c.lower_ == "to" for o in c.children if o.dep_ == "pobj"]
        if t.lemma_.lower() == "vote":  # 'voted 69 to 30 to back the deployment of 20,000 troops'
            objs += [o for c in t.children if c.dep_ == "xcomp" and c.lemma_.lower() in BACKING
                     for o in c.children if o.dep_ == "dobj"]
        if _takes_part(t):  # 'Jordan is taking part with six fighter jets'
            objs += [g for o in syntax.preps(t, ("with",)) for g in syntax.with_conjuncts(o)]
            subj = syntax.subject(t)  # 'Four RAF Typhoon jets took part in the strikes'; not in a drill, a
            not_a_mission = any(o.lemma_.lower() in NOT_MISSIONS for o in syntax.preps(t, ("in",)))  # course
            objs += syntax.with_conjuncts(subj) if subj is not None and self._asset(subj) and not not_a_mission else []
        objs += [g for o in list(objs) if o.lemma_.lower() == "participation"  # "approved Spain's participation
                 for w in syntax.preps(o, ("with",)) for g in syntax.with_conjuncts(w)]  # with four F-18 fighters"
        objs += _assented_to(t)
        objs += [p for o in list(objs) if o.lemma_.lower() in MANDATES for p in syntax.preps(o, ("for",))]
        # ('approved a mandate for up to 180 soldiers to serve in the EU's training mission')
        for o in list(objs):  # 'unveiled a $2.5 billion package that includes 59 Bradleys'
            if o.lemma_.lower() in PACKAGES:  # (or 'a package worth 700 million euros that includes', the clause
                objs += [g for c in o.subtree if c.dep_ == "relcl" and c.lemma_.lower() in ("include", "contain")
                         and c.head.pos_ in ("NOUN", "PROPN", "NUM")  # on the amount)
                         for d in c.children if d.dep_ == "dobj" for g in syntax.with_conjuncts(d)]
        levels = [o for o in objs if o.lemma_.lower() in LEVELS] if t.lemma_.lower() in RAISING else []
        if levels:  # 'raise its contingent in Lebanon to 2,000 soldiers', 'its contribution to 2,000 troops'
            objs = [p for h in [t] + levels for c in h.children if c.dep_ == "prep" and c.lower_ == "to"
                    for p in c.children if p.dep_ == "pobj" and any(w.like_num for w in p.subtree)]  # the new level
            # (not 'increase their contributions to the International Security Assistance Force')
        if not objs and any(c.dep_ == "prt" for c in t.children):  # 'signed off on two C-130 aircraft'
            objs += [g for c in t.children if c.dep_ == "prep" and c.lower_ == "on" for p in c.children
                     if p.dep_ == "pobj" for g in syntax.with_conjuncts(p)]
        for o in list(objs):  # 'approved a motion allowing the deployment of naval forces'
            if o.lemma_.lower() in MOTIONS:
                objs += [g for c in o.children if c.dep_ == "acl" for d in c.children if d.dep_ == "dobj"
                         for g in syntax.with_conjuncts(d)]
        if not objs and any(c.dep_ == "prt" and c.lower_ == "up" for c in t.children):
            # 'sending up to 2,500 soldiers', parsed as the particle 'up' and 'to 2,500 soldiers'
            prep = next((c for c in t.children if c.dep_ == "prep" and c.lower_ == "to"), None)
            objs += [o for o in (prep.children if prep is not None else ()) if o.dep_ == "pobj"]
        if not objs:  # 'promised to continue military aid': the giving verb governs a verb of keeping on ('committed
            for c in [c for c in t.children if c.dep_ == "xcomp"] + [  # to keeping Canadian troops in Latvia')
                    p for c in t.children if c.dep_ == "prep" and c.lower_ == "to"
                    for p in c.children if p.dep_ == "pcomp"]:
                if c.lemma_.lower() in CONTINUING:
                    objs += [g for o in c.children if o.dep_ == "dobj" for g in syntax.with_conjuncts(o)]
        more = next((c for c in t.children if c.dep_ == "advmod" and c.lower_ == "more"), None)
        if not objs and more is not None:  # 'unveiled $800 million more in weapons', parsed as an adverb 'more'
            objs += [m for m in more.children if m.dep_ == "npadvmod"] + [  # and an 'in' on the verb
                p for c in t.children if c.dep_ == "prep" and c.lower_ == "in" for p in c.children if p.dep_ == "pobj"]
        # 'providing a frigate, satellite images and aerial refuelling': conj chains hang off the first object
        if any(o.like_num for o in objs):  # 'sending 13 of its own MiG-29s', the 'of' parsed onto the verb
            objs += [p for c in t.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]
        more = []
        for o in objs:
            for c in o.children:  # 'six batteries of Patriots', 'the infrastructure, including barracks'
                if c.dep_ == "prep" and c.lower_ in ("of", "including"):
                    more += [g for p in c.children if p.dep_ == "pobj" for g in syntax.with_conjuncts(p)]
            more += [g for c in o.subtree if c.dep_ == "prep" and c.lower_ == "including" and c.head.i != o.i
                     for p in c.children if p.dep_ == "pobj" for g in syntax.with_conjuncts(p)]
            # ('a package of military support worth 1.1 billion euros, including 36 self-propelled howitzers')
        for o in list(more):  # 'the use of seven of its air bases', 'the authorization of a Presidential Drawdown
            if o.like_num or o.lemma_.lower() in ("use", "access") or o.lemma_.lower() in PACKAGES:  # of security
                # assistance valued at up to $775 million'
                more += [p for c in o.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children
                         if p.dep_ == "pobj"]
        return objs + more

    def _arrival(self, t: Token) -> bool:
        """'British tanks arrived', 'the tanks had reached the country': what is given is the subject."""
        if _enters(t) or _sorties(t) or (_departs(t) and t.lemma_.lower() not in DEPARTING):  # ('flew out of')
            return True
        if (self.verbs.get(t.lemma_.lower()) or self.verbs.get(_phrasal(t))) != "DELIVERED":
            return False
        return t.lemma_.lower() == "reach" or _departs(t) or not any(c.dep_ == "dobj" for c in t.children)

    def _asset_of_word(self, o: Token) -> Optional[str]:
        """The category the head word alone names ('helicopters': AIR), whatever its modifiers say."""
        return self._reader.assets.get(fold(o.text)) or self._reader.assets.get(fold(o.lemma_))

    def _adds_to_a_force(self, t: Token) -> bool:
        """'would add some 500 soldiers', 'raise its contribution to 2,000 troops', 'double the number of its
        Eurofighters': more of a force; not 'raised concerns about its military cooperation', nor 'adding that'."""
        if t.lemma_.lower() not in ADDING or any(c.dep_ == "ccomp" for c in t.children):
            return False
        return any((self._asset_of_word(o) in ARMS - {"REFUELING"} or o.lemma_.lower() in ADDED_TO) and not any(
            p.dep_ == "poss" and p.pos_ != "PRON" for p in o.children)  # (not 'add fuel'; not 'raised the mainland's
                   for c in t.children if c.dep_ == "dobj" for o in syntax.with_conjuncts(c))  # missiles' in talks)

    def _to_civil_body(self, t: Token) -> bool:
        """'donated 15 vehicles to the National Police Service', 'gifted two monitoring boats to the Department of
        Fisheries': equipment for a state's police or civil service is no military contribution."""
        for taker in syntax.preps(t, ("to",)):
            words = {w.lemma_.lower() for w in taker.subtree} | {w.lower_ for w in taker.subtree}
            if words & self.civil_bodies and not words & {"military", "army", "navy", "defence", "defense", "forces"}:
                return True
        return False

    def _non_military(self, t: Token, objects: list[Token]) -> bool:
        named = {w.i for o in objects for w in o.subtree if w.i < o.i}  # 'Typhoon jets' are no storm
        if (self._arrival(t) or _departs(t)) and {w.lemma_.lower() for w in t.sent if w.i not in named} & RELIEF:
            return True  # 'The aircraft carrier arrived off the coast of Samar, bringing 21 helicopters that will
            # ferry food and water': a warship on the move for relief
        cargo = [p for c in t.children if c.dep_ == "prep" and c.lower_ == "with" for p in c.children if p.dep_ == "pobj"]
        carriers = [v for h in [t] + list(objects) for v in h.children if v.dep_ in ("advcl", "xcomp", "acl")
                    and v.lemma_.lower() in ("carry", "bring", "load", "deliver", "fly", "ferry", "transport")]
        # 'navy ships carrying tents', 'loaded with', 'to deliver drinking water'
        carried = [d for v in carriers for d in v.children if d.dep_ == "dobj"] + [
            p for v in carriers for c in v.children if c.dep_ == "prep" and c.lower_ == "with" for p in c.children
            if p.dep_ == "pobj"]  # 'Two Navy ships will leave for Tonga carrying water'
        if not any((self._asset(w) or {}).get("category") in ("WEAPONS", "AIR", "NAVAL", "ISR")
                   for d in carried for w in syntax.with_conjuncts(d)):
            cargo += carried  # not 'carrying French armoured vehicles and medical supplies'
        cargo += [p for c in t.children if c.dep_ == "prep" and c.lower_ == "in" for p in c.children
                  if p.dep_ == "pobj" and p.lemma_.lower() in ("aid", "assistance", "support", "help", "relief")]
        # 'pledged up to 120 million dollars in humanitarian aid', the 'in' parsed onto the verb
        # judged by what they are, not where they go: 'to Somali waters, including the exclusive economic zone'
        where = {w.i for p in t.sent if p.lower_ in PLACE_NOUNS or p.lemma_.lower() in PLACE_NOUNS for w in p.subtree}
        armed = any(self._asset_of_word(o) in ARMS for o in objects)
        if not armed:  # 'announced a $3bn aid package for Sudan, including a $500m deposit in the central bank'
            cargo += [p for c in t.children if c.dep_ == "prep" and c.lower_ == "including" for p in c.children
                      if p.dep_ == "pobj"]
        for o in list(objects) + cargo:  # 'sends navy ships with aid, tents': judged by what they carry
            words = {w.lemma_.lower() for w in o.subtree if w.i not in where} | {w.lower_ for w in o.subtree if w.i not in where}
            if o not in cargo and armed and not words & RELIEF:
                continue  # 'two medical evacuation helicopters' are helicopters; '12 armoured personnel carriers
                # and a batch of field medical equipment', '400 troops, including medical staff', a force's kit
            if words & self.non_military and not words & {"military", "defence", "defense", "security", "weapon", "arm"}:
                return True
        return False

    def _request_governor(self, t: Token) -> Optional[Token]:
        """The verb asking for the giving ('asked Germany to supply'); a request in a coordinated clause
        ('had been lobbying for days, and today his cabinet approved sending') asks for something else."""
        below = t
        chain = syntax.governors(t, 3)
        if not (t.dep_ == "acl" and len(chain) == 3 and chain[0].dep_ == "pobj" and chain[1].lower_ in ("during", "at")):
            chain = chain[:2]  # 'asked Moscow during Monday's talks to supply', the infinitive hung on the talks
        for g in chain:
            if below.dep_ == "conj":
                return None
            if g.pos_ == "VERB" and (g.lemma_.lower() in self.requests or _prepositional(g) in self.requests):
                return g
            if g.lemma_.lower() == "call" and any(c.dep_ == "mark" and c.lower_ == "for" for c in below.children):
                return g  # 'a motion calling for the missiles to be sent'
            below = g
        return None

    def _regional(self, c: Token) -> bool:
        """'South American', 'West African', 'Central Asian': a region's adjective around a demonym, no state's
        (but 'South African' and 'North Korean' are states' own)."""
        prev = c.doc[c.i - 1] if c.i > 0 else None
        return prev is not None and prev.lower_ in COMPASS and self._g.country_of(f"{prev.text} {c.text}") is None \
            and self._g.country_of(c.text) is not None

    def _contributor(self, s: Sentence, t: Token, objects: list[Token] = ()) -> Optional[dict]:
        thanked = _thanked_for(t)
        if thanked is not None:  # 'He thanked the Chinese government for sending warships': the one thanked gave
            return as_state(self._g, s.actor(thanked)) or self._marked_nationality([thanked])
        passive = any(c.dep_ in ("auxpass", "agent") for c in t.children) or _sent_thing(t)
        arrival = self._arrival(t)
        subj = syntax.agent(t) if passive else None
        if subj is None and (passive or arrival):
            # 'tanks from Poland were handed over', 'British tanks arrived', 'tanks sent by Germany arrived'
            for o in objects:
                for c in o.children:
                    if c.dep_ == "prep" and c.lower_ == "from":
                        for p in c.children:
                            actor = s.actor(p) if p.dep_ == "pobj" else None
                            if actor:
                                return actor
                    if c.dep_ == "acl":
                        a = syntax.agent(c)
                        if a is not None and s.actor(a):
                            return s.actor(a)
                    if c.dep_ in ("amod", "compound", "nmod", "poss", "npadvmod") and not _origin_only(c, o) \
                            and not self._regional(c):
                        run = self._name_in_run(c)  # 'Papua New Guinea Defence Force personnel'
                        hit = (self._g.country_of(o.doc[c.left_edge.i:o.i + 1].text) if o.pos_ == "PROPN" else None) \
                            or (self._g.country_of(run) if run else None) \
                            or self._g.country_of(c.text.split("-")[0]) or next(  # "the Korean People's Army" whole
                                (self._g.country_of(w.text) for w in c.lefts if self._g.country_of(w.text)), None)
                        if hit and (hit[1] in ("demonym", "name") or hit[1].startswith("metonym")):
                            return state_actor(self._g, hit[0])
                        org = self._g.org_of(c.text)
                        if org:  # 'NATO peacekeeping troops have arrived'
                            return org_actor(org)
            if passive:  # 'approved a bill allowing troops to be deployed': whoever authorised it
                for g in syntax.governors(t, 4):
                    if g.pos_ == "VERB" and g.lemma_.lower() in ("approve", "authorise", "authorize", "order", "decide", "vote", "agree"):
                        subj = syntax.subject(g)
                        actor = s.actor(subj) if subj is not None else None
                        if actor:
                            return actor
            if arrival or passive:  # 'Six Canadian CF-18 fighters landed', 'Forty-two New Zealand soldiers left',
                # 'six New Zealand Defence Force personnel will be deployed'; else the one who tells of his forces
                return self._marked_nationality(objects) or self._from_stocks(s, objects) or (
                    self._speaker_state(s, t, objects) if arrival else None) or (
                    s.ctx.label_state(s.offset + t.sent.start_char) if t.lemma_.lower() in LANDINGS else None)
                # ('TURKEY -- A brigade of 5,000 landed Oct. 17, 1950': the entry's state; not 'The jets flew their
                # first armed reconnaissance mission')
        subj = subj or next(  # 'Estonia armed Libya ...', its subject parsed as a modifier
            (c for c in t.children if c.dep_ == "npadvmod" and c.i < t.i and c.ent_type_ in ("GPE", "NORP")),
            None) or _subject_taken_as_object(t) or syntax.subject(t)
        labelled = s.ctx.label_state(s.offset + t.sent.start_char)
        if subj is None:
            return labelled
        if subj.lemma_.lower() in ("country", "nation", "state") and subj.dep_ == "attr" and \
                subj.head.lemma_ == "become" and subj.head.tag_ != "VBD" and syntax.subject(subj.head) is not None:
            subj = syntax.subject(subj.head)  # 'Britain has become the first country to promise Ukraine tanks' (but
            # 'Qatar was the first Arab state to commit aircraft' sums up a giving told before)
        if labelled is not None and s.actor(subj) is None and (subj.lower_ in ("it", "they", "we") or subj.tag_ == "NNP"
                                                               or subj.lemma_.lower() in INSTITUTIONS):
            return labelled  # 'DENMARK - Said on Friday it would send', 'BELGIUM - Parliament approved': the
            # entry's state
        # 'his country would send 1,700 troops': the country of the one who says so, like 'it' or 'they'
        own = subj.lemma_.lower() in ("country", "nation") and any(c.lower_ in ("his", "her", "our") for c in subj.children) \
            or subj.lemma_.lower() in ("republic", "kingdom") and [c.lower_ for c in subj.children] == ["the"]
        # ("Tajikistan's Security Council said that the republic would send about 200 troops")
        if s.actor(subj) is None and subj.lower_ not in ("they", "it", "we", "he", "she", "i") and not own:
            marked = (self._marked_nationality([subj]) if self._asset(subj) or subj.lemma_.lower() in ARMED_SERVICES
                      else None) or self._marked_nationality(objects)  # 'The German frigate Augsburg has joined ...',
            # 'MPs approved the deployment of six RAF jets', 'The Kuwaiti Air Force is participating with 15 aircraft'
            if marked:
                return marked
            if _moves_itself(t) and self._asset(subj):  # 'The Pentagon said that about 300 troops would deploy to
                return self._speaker_state(s, t, [subj])  # Germany': the teller's forces, going abroad
        if subj.lower_ in ("they", "it", "we", "he", "she", "i") or own:
            # 'the defence minister said that they will provide': the speaker's side
            sayers = syntax.governors(t, 3) + [c for c in t.children if c.dep_ in ("parataxis", "ccomp")]
            for g in sayers:  # 'It will send 600 more soldiers, Defense Minister Klich told reporters'
                if g.lemma_ in ("say", "announce", "confirm", "tell", "state", "declare", "write", "post"):
                    speaker = syntax.subject(g)
                    if speaker is not None and speaker.lower_ not in ("they", "it", "we"):
                        actor = s.actor(speaker)
                        if actor and actor.get("country"):
                            return actor
                        if actor is None and speaker.tag_ == "NNS":
                            return None  # 'Several other member states have also said they will send ships'
                        if actor is None and s.ctx.home and speaker.lemma_.lower() in ("government", "cabinet") and [
                                c.lower_ for c in speaker.children] == ["the"]:
                            return self._seat_first(t, ("capital", "city")) or state_actor(self._g, s.ctx.home)
                            # 'the government said it would send up to 460 additional troops', in a Canadian paper:
                            # Canada's (but 'In Bonn, the Government said' is Germany's)
            if subj.lower_ == "i":  # 'PRESIDENT BIDEN: Today, I'm announcing another $1.85 billion': the speaker
                return s.ctx.speaker(s.offset + subj.idx)
            speaker = s.ctx.speaker(s.offset + subj.idx) if subj.lower_ == "we" else None
            if speaker is not None and speaker.get("country"):
                return speaker  # 'Scholz: In a first step we will provide a company of Leopard 2A6 tanks': his state
            if subj.lower_ in ("he", "she"):  # 'Healey did his best ... He announced a new package': his state
                person = s.ctx.antecedent(s.offset + subj.idx)
                if person and person.get("role") and person.get("country"):
                    return person
            return s.ctx.recent_state(s.offset + subj.idx, it=subj.lower_ == "it")  # 'It delivered more jets' two
            # paragraphs on is not a state
        actor = s.actor(subj)
        owner = _whose(subj) or _which(subj)
        if actor is None and owner is not None:  # 'Italy, whose government offered to send 3,000 soldiers'
            actor = as_state(self._g, s.actor(owner))
        if actor is None:  # 'the members of the Folketing present', 'present' parsed as the noun
            actor = next((a for tok in syntax.preps(subj, ("of",)) for w in [tok, *(
                c for c in tok.children if c.dep_ in ("compound", "nmod") and c.i < tok.i)] for a in [s.actor(w)] if a),
                None)
        return actor

    def _place_state(self, s: Sentence, o: Token) -> Optional[dict]:
        """The state a destination names: 'Iraq', 'Juba', 'the Democratic Republic of Congo'."""
        actor = as_state(self._g, s.actor(o))
        if actor and actor.get("country"):
            return actor
        hit = self._g.country_of(" ".join(w.text for w in o.subtree if w.dep_ != "det" and w.i <= o.i))
        return state_actor(self._g, hit[0]) if hit and hit[1] in ("name", "capital", "city") else None

    def _speaker_state(self, s: Sentence, t: Token, objects: list[Token]) -> Optional[dict]:
        """'Mr Howard told Parliament that an advance party of about 130 soldiers had landed in Dili': forces
        of no nationality, told of by a state's own official as going abroad, are that state's. Not forces
        another owns ('Its first two Mirage jets landed ..., a French spokesman said'), nor a carrier that
        'arrived off the coast' or tanks that 'would arrive next year', which go nowhere abroad."""
        if any(c.dep_ == "poss" for o in objects for c in o.children):
            return None
        for g in syntax.governors(t, 3):
            if g.lemma_ in ("say", "announce", "confirm", "tell", "state", "declare"):
                speaker = syntax.subject(g)
                actor = as_state(self._g, s.actor(speaker)) if speaker is not None else None
                if not actor or not actor.get("country"):
                    return None
                place = next((a for a in (self._place_state(s, o) for o in _destinations(t)) if a), None) or \
                    find_place(s, t, set(), preps=("in", "at", "to", "into"))
                if t.lemma_.lower() == "join" or (place and place.get("country") not in (None, actor["country"])):
                    return actor
                return None
        return None

    def _recipient_and_purpose(self, s: Sentence, t: Token) -> tuple[Optional[dict], Optional[str]]:
        recipient = purpose = None
        candidates: list[Token] = []
        heads = [t] + [o for o in self._objects(t)] + [  # 'raise its contingent in Lebanon to 2,000 soldiers'
            c for c in t.children if c.dep_ == "dobj" and t.lemma_.lower() in RAISING and c.lemma_.lower() in LEVELS] + [
            c for c in t.children if c.dep_ == "xcomp" and t.lemma_.lower() == "vote" and c.lemma_.lower() in BACKING] + [
            p for p in syntax.preps(t, ("in",)) if p.lemma_.lower() in AID_NOUNS]
        # ('voted to back the deployment of 20,000 US troops to Bosnia', 'to Bosnia' hung on 'back'; 'provide
        # €1bn in military aid to Ukraine', 'to Ukraine' hung on 'aid')
        candidates += [o for d in _disposals(t) for c in d.children if (c.dep_ == "prep" and c.lower_ == "of")
                       or c.dep_ in ("poss", "compound") for o in ([c] if c.dep_ != "prep" else c.children) if o.dep_ in (
                           "pobj", "poss", "compound")]  # 'at the disposal of US forces', 'at NATO's disposal', 'under
        # EU command'
        objects = [c for c in t.children if c.dep_ == "dobj"]
        if objects and objects[0].ent_type_ == "GPE" and t.lemma_.lower() in GIVING and (len(objects) > 1 or (
                objects[0].i + 1 < len(t.doc) and t.doc[objects[0].i + 1].like_num) or any(
                c.dep_ == "dative" and c.tag_ in ("WDT", "WP") for c in t.children)):
            candidates.append(objects[0])  # 'would send Ukraine 31 M1A1 Abrams tanks', the state parsed as an object
        given = t.doc[t.i + 1] if t.i + 1 < len(t.doc) and t.lemma_.lower() in GIVING else None
        if given is not None and objects and given.dep_ in ("compound", "nmod") and given.head == objects[0] and \
                given.ent_type_ == "GPE" and given.i + 1 < objects[0].i and \
                (self._g.country_of(given.text) or ("", ""))[1] == "name":
            candidates.append(given)  # 'to promise Ukraine modern Western main battle tanks', the state parsed as
            # a word of the tanks' name
            # (and 'the tanks that Britain promised Ukraine', the 'that' parsed as the one given to)
        if _provides_with(t) or _arms(t) or t.lemma_.lower() in ("reach", "join"):
            candidates += [c for c in t.children if c.dep_ == "dobj"]  # 'provide Ukraine with tanks', 'reached Kyiv',
        if t.lemma_.lower() == "join":  # "joined NATO's Standing Maritime Group 2 (SNMG2)": the group's owner
            candidates += [w for c in t.children if c.dep_ == "dobj" for w in c.subtree if w.dep_ == "poss"]
        for h in heads:
            for c in h.children:
                if c.dep_ == "dative" and c.pos_ != "ADP":  # 'give Ukraine tanks'
                    candidates.append(c)
                elif c.dep_ in ("dative", "prep") and (c.lower_ in ("to", "for", "in", "into", "over") or (
                        c.lower_ == "through" and h is t and t.lemma_.lower() == "rotate")):
                    candidates += [o for o in c.children if o.dep_ == "pobj"]  # ('fly missions over Poland')
        for o in heads[1:]:  # 'the vanguard of a NATO battlegroup': the battlegroup's organisation
            if o.lemma_.lower() in MISSIONS - {"force", "presence"} and o.dep_ == "pobj" and o.head.lower_ == "of" \
                    and any(c.dep_ in ("compound", "nmod") and c.pos_ == "PROPN" for c in o.children):
                candidates.append(o)  # (not 'the deployment of Turkish naval forces')
        for o in heads[1:]:  # '5 billion euros in military aid for Ukraine'
            for w in o.subtree:
                if w.dep_ == "prep" and w.lower_ in ("to", "for") and w.i != o.i:
                    candidates += [p for p in w.children if p.dep_ == "pobj"]
        helped: list[Token] = []
        for h in heads:  # 'as part of the EU mission', 'to join the US-led coalition'
            for c in h.children:
                if c.dep_ == "prep" and c.lower_ == "as":
                    candidates += [g for p in c.subtree if p.dep_ == "pobj" for g in [p]]
                if c.dep_ == "advcl" and c.lemma_ in DEFENDING:
                    candidates += [o for o in c.children if o.dep_ == "dobj"]
                if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "for" for m in c.children):
                    candidates += [o for o in c.children if o.dep_ == "nsubj"]  # 'credit for Vietnam to deepen ...'
                if c.dep_ == "advcl" and c.lemma_ in ("help", "assist"):  # 'to help defend Poland'
                    candidates += [o for x in c.children if x.dep_ == "xcomp" and x.lemma_ in DEFENDING
                                   for o in x.children if o.dep_ == "dobj"]
                if c.dep_ in ("advcl", "xcomp") and c.lemma_ in ("help", "assist") and h is t:
                    helped += [o for o in c.children if o.dep_ == "dobj"] + [  # 'to help the Qatari authorities
                        o for x in c.children if x.dep_ in ("ccomp", "xcomp") for o in x.children  # with security',
                        if o.dep_ == "nsubj"]  # 'to help Kenya fight al-Shabaab': the one helped
                if c.dep_ == "advcl":  # 'to help counter any Iranian attack on Israel': the one attacked
                    candidates += [p for w in c.subtree if w.lemma_.lower() in ("attack", "aggression", "invasion")
                                   for p in syntax.preps(w, ("on", "against"))]
        candidates += helped
        if t.dep_ == "ccomp" and t.head.lemma_ in syntax.REPORTING:  # 'To bolster Israel's defenses, the Pentagon
            candidates += [o for c in t.head.children if c.dep_ == "advcl" and c.lemma_ in DEFENDING  # announced
                           and c.i < t.head.i for o in c.children if o.dep_ == "dobj"]  # that it would deploy'
        for tok in list(candidates):  # 'to an international force in Liberia': the force's country
            candidates += [p for w in tok.children if w.dep_ == "prep" and w.lower_ in ("in", "for")
                           for p in w.children if p.dep_ == "pobj"]
        for tok in list(candidates):  # 'for the EU naval mission', "to NATO's battlegroup": the organisation
            if tok.lemma_.lower() in MISSIONS:
                candidates += [c for c in tok.children if c.dep_ in ("compound", "poss", "nmod", "amod") and c.i < tok.i]
        armed = [c for c in t.children if c.dep_ == "dobj"] if _provides_with(t) or _arms(t) else []
        armed += [o for d in _disposals(t) for c in d.children if c.dep_ == "prep" and c.lower_ == "of"
                  for o in c.children if o.dep_ == "pobj"]  # 'at the disposal of French warplanes': France's
        for tok in candidates:
            actor = s.actor(tok) or next((s.actor(c) for c in tok.children if c.dep_ == "poss" and s.actor(c)), None) \
                or (self._marked_nationality([tok]) if tok in armed or tok in helped or tok.lower_ in PLACE_NOUNS or
                    tok.head.lower_ == "through" or tok.lemma_.lower() in SERVICES or _air_force(tok) else None)
            # ('rotate submarines through HMAS Stirling', 'to the Vietnam Border Guard Command')
            # 'equip Ukrainian brigades with', 'deployment ... to Somali waters'
            if actor and recipient is None:  # "to bolster NATO's eastern flank": the flank's owner
                recipient = actor
        if recipient is None:  # last resort: '$300 million to buy artillery ammunition for Ukraine'
            for w in t.subtree:
                if w.dep_ == "prep" and w.lower_ == "for" and w.head.i != t.i:
                    actor = next((s.actor(p) for p in w.children if p.dep_ == "pobj" and s.actor(p)), None)
                    if actor and actor.get("country"):
                        recipient = actor
                        break
        purpose = self._purpose_in(t.sent.text)
        return recipient, purpose

    def _purpose_in(self, text: str) -> Optional[str]:
        """The campaign or adversary a sentence names: 'the fight against ISIS', 'Operation Inherent Resolve'."""
        named = self._adversary_as_written(text)
        if named:
            return named
        text = fold(text)
        m = self._campaign.search(text) if self._campaign else None
        if m:
            campaign = self._g.campaigns[m.group(1)]
            return campaign.get("target") or campaign["name"]
        m = self._adversary.search(text) if self._adversary else None
        return self._g.adversaries[m.group(1)] if m else None

    def _adversary_as_written(self, text: str) -> Optional[str]:
        """'ISIS', 'ADF' as written; a name a state's forces share counts only beside a state it fights in ('a
        team of ADF engineers' sent to Papua New Guinea are Australia's Defence Force)."""
        for m in self._adversary_exact.finditer(text) if self._adversary_exact else ():
            regions = self._g.adversary_regions.get(m.group(1)) if self._g.country_of(m.group(1)) else None
            if regions is None or any(hit[0] in regions for hit in map(self._g.country_of, CAPITALISED.findall(text)) if hit):
                return self._g.adversaries_exact[m.group(1)]
        return None

    def _dateline_state(self, s: Sentence) -> Optional[dict]:
        """The state of the place a wire story is filed from ('PUSAN, Korea, Nov. 7 (AP) --'), for its 'here'."""
        code = self._g.dateline_country(s.article.get("body") or "")
        return state_actor(self._g, code) if code else None

    def _campaign_told(self, s: Sentence) -> Optional[str]:
        """'deployed 30 fighter jets to the operation': the campaign the article named before, or in the title."""
        text = article_text(s.article)
        return self._purpose_in(text[max(0, s.offset - CAMPAIGN_WINDOW):s.offset]) or self._purpose_in(
            s.article.get("title") or "")

    def _purpose_from_context(self, s: Sentence) -> Optional[str]:
        """The campaign named in the few sentences before ('increase their role in the fight against ISIS')."""
        text = article_text(s.article)
        raw = text[max(0, s.offset - 600):s.offset + len(s.doc.text)]
        named = self._adversary_as_written(raw)
        if named:
            return named
        m = self._adversary.search(fold(raw)) if self._adversary else None
        return self._g.adversaries[m.group(1)] if m else None

    def _status(self, s: Sentence, t: Token) -> str:
        lemma = t.lemma_.lower()
        status = self.verbs.get(lemma) or self.verbs.get(_phrasal(t), "ANNOUNCED")
        clause = syntax.clause_tokens(t)
        subj = syntax.subject(t)
        if subj is not None and subj.lemma_.lower() in ("parliament", "bundestag", "cabinet", "congress", "senate", "lawmaker", "mp"):
            return "APPROVED"
        if _assent(t) is not None:
            return "APPROVED"  # 'gave the green light for the deployment'
        for g in [t] + syntax.governors(t, 3):
            gl = g.lemma_.lower()
            if gl in ("approve", "authorise", "authorize", "vote", "endorse", "greenlight"):
                return "APPROVED"
            if gl in ("pledge", "promise", "commit", "vow"):
                return "PLEDGED"
            if gl in syntax.READINESS or gl in ("readiness", "willingness", "preparedness"):
                return "OFFERED"  # ('has expressed its readiness to send troops')
        if _enters(t) or _sorties(t) or (_departs(t) and t.tag_ == "VBD"):
            status = "DELIVERED"  # 'flew into Kosovo at dawn', 'flew out of Pope Army Airfield on Wednesday'
        if status == "DELIVERED" and _future(t):
            return "ANNOUNCED"
        perfect = t.tag_ == "VBN" and any(c.lower_ in ("has", "have", "had", "was", "were") for c in t.children
                                          if c.dep_ in ("aux", "auxpass"))
        if status == "ANNOUNCED" and (t.tag_ == "VBD" or perfect) and not any(c.lower_ in ("will", "would") for c in clause):
            if lemma in ("send", "deliver", "deploy", "dispatch", "transfer", "ship", "supply", "provide", "give", "donate",
                         "gift", "arm", "equip", "join") or lemma == "go" and any(
                    c.dep_ == "prep" and c.lower_ in ("to", "into") for c in t.children):
                # ('The frigate Méndez Núñez joined SNMG2 on Monday', 'had also gone to Bahrain'; not 'had gone into
                # action')
                return "DELIVERED"
        return status

    def _allowed_by(self, s: Sentence, t: Token, body: Token) -> Optional[dict]:
        """The state of a house that let an unnamed government give: the voter's own nation or possessor."""
        for g in syntax.governors(t, 4):
            voter = syntax.subject(g)
            if voter is None or voter.i == body.i or voter.lemma_.lower() not in INSTITUTIONS:
                continue
            owner = next((c for c in voter.children if c.dep_ == "poss"), None)
            return self._marked_nationality([voter]) or (as_state(self._g, s.actor(owner)) if owner is not None else None)
        return None

    def _from_states(self, s: Sentence, objects: list[Token]) -> list[dict]:
        """The states forces are said to come from: 'troops from Nigeria and Ghana'."""
        found = [as_state(self._g, s.actor(w)) for o in objects if self._asset(o) for p in syntax.preps(o, ("from",))
                 for w in syntax.with_conjuncts(p)]
        return [a for a in found if a and a.get("country") and a.get("actor_code") == a["country"]]

    def _government_of_speaker(self, s: Sentence, t: Token, body: Token) -> Optional[dict]:
        """'Rice announced that the administration plans to provide Israel with $30 billion': the government of
        the official who tells of it."""
        if body.lemma_.lower() not in ("government", "administration"):
            return None
        speaker = next((syntax.subject(g) for g in syntax.governors(t, 3) if g.lemma_ in syntax.REPORTING), None)
        official = s.actor(speaker) if speaker is not None else None
        return state_actor(self._g, official["country"]) if is_person(official) and official.get("country") else None

    def _requested_by(self, s: Sentence, t: Token) -> Optional[dict]:
        for tok in t.sent:
            if tok.lemma_.lower() in self.requests and tok.pos_ == "VERB":
                subj = syntax.subject(tok)
                if subj is not None:
                    return s.actor(subj)
        return None


NEEDS_RECIPIENT = "_needs_recipient"
#: A request for 'help' only: a contribution when the article tells the same state giving to the same one.
NEEDS_GIVING = "_needs_giving"
#: What a state asks another for when it names no kit: 'asked Canberra for help'.
HELP = {"help", "assistance", "support"}


def _help(wanted: list[Token]) -> list[dict]:
    """'Sogavare asked Canberra for help': a vague request, kept only beside the giving it asked for."""
    return [{"description": w.text, "category": "OTHER", "quantity": None} for w in wanted
            if w.lemma_.lower() in HELP and not any(c.dep_ == "amod" for c in w.children)][:1]


def _asked_for_help(event: dict) -> dict:
    if all(a["category"] == "OTHER" and a["description"].lower() in HELP for a in event["assets"]):
        event[NEEDS_GIVING] = True
    return event
NEEDS_CONTRIBUTOR = "_needs_contributor"
#: An approval by the one who gives (a president, a minister), not by a parliament: the same decision as the
#: giving the article tells.
BY_EXECUTIVE = "_by_executive"
NEEDS_ASSETS = "_needs_assets"
#: Nouns that name a giving the article has told of: 'approved the deployment', 'endorsed that transfer'.
TOLD_GIVINGS = {"deployment", "dispatch", "transfer", "participation", "sending", "contribution", "mission"}
#: Arrivals that end a force's journey: 'A battalion of 1,200 arrived Nov. 7, 1950'.
LANDINGS = {"land", "arrive", "disembark"}
#: What a house passes: 'passed a $95 billion package with military aid for Ukraine'.
BILLS = syntax.DECISIONS | {"package", "budget", "supplemental", "appropriation", "act", "amendment"}
#: Who decides for a state without being named as one: 'Lawmakers voted ...', 'The National Assembly approved'.
INSTITUTIONS = {"lawmaker", "legislator", "mp", "parliament", "parliamentarian", "deputy", "senator", "senate",
                "congress", "assembly", "cabinet", "government", "legislature", "diet", "council", "chamber",
                "administration"}


def _signals(s: Sentence, t: Token, status, contributor, recipient, purpose, assets, when) -> dict:
    """What the confidence weighs (``confidence.py``): who gives what to whom, as plainly as the text says it."""
    kinds = {a["category"] for a in assets}
    return {
        "aimed": int(recipient is not None or purpose is not None),
        "recipient": int(recipient is not None),
        "purpose": int(purpose is not None),
        "contributor_country": int(bool(contributor.get("country"))),
        "contributor_person": int(bool(contributor.get("role"))),
        "quantity": int(any(a["quantity"] for a in assets)),
        "known_kind": int(bool(kinds - {"OTHER"})),
        "only_money": int(kinds == {"FUNDING"}),
        "several_assets": int(len(assets) > 1),
        "recipient_inferred": 0,
        "contributor_inferred": 0,
        "requested": int(status == "REQUESTED"),
        "approved": int(status == "APPROVED"),
        "delivered": int(status == "DELIVERED"),
        "explicit_date": int(when["date_basis"] == "EXPLICIT"),
        "no_date": int(when["date_basis"] == "DATELINE"),
        "dated_far": confidence.dated_far(when, s.day),
        "headline": confidence.headline(t),
        "embedded": confidence.embedded(t),
    }


def settle_recipients(events: list[dict], ctx) -> list[dict]:
    """Gives a recipient to contributions whose sentence named none: the recipient other contributions of
    the same article name, else the country the article is about; drops those that still have none. A
    decision by an unnamed parliament or cabinet goes, the same way, to the article's giver. An
    organisation's decision to deploy is dropped: its member states give."""
    events = [e for e in _settle_assets(_settle_contributors(events, ctx)) if e["event_type"] != "military_contribution"
              or e["contributor"].get("country") or e["status"] == "DELIVERED"]  # a country gives: 'NATO will
    # deploy more forces to KFOR' is its members' giving, told by each; 'NATO peacekeeping troops have arrived in
    # Bosnia' is the alliance's on the ground
    gave = {(_country(e["contributor"]), _country(e.get("recipient"))) for e in events
            if e["event_type"] == "military_contribution" and not e.get(NEEDS_GIVING)}
    events = [e for e in events if not e.pop(NEEDS_GIVING, False)
              or (_country(e["contributor"]), _country(e.get("recipient"))) in gave]  # 'asked Canberra for help',
    # where Australia's deployment to Solomon Islands is told
    named = [e["recipient"] for e in events if e["event_type"] == "military_contribution" and e.get("recipient")]
    out = []
    for e in events:
        if not e.pop(NEEDS_RECIPIENT, False):
            out.append(e)
            continue
        country = e["contributor"].get("country")
        others = [r for r in named if r.get("country") != country]
        e["recipient"] = others[0] if others else ctx.focus(country)
        if e["recipient"] is not None:
            e[SIGNALS]["recipient_inferred"] = 1
            out.append(e)
    return _without_executive_approvals(out)


def _without_executive_approvals(events: list[dict]) -> list[dict]:
    """'will send a contingent of U.S. troops to Saudi Arabia', then '"The president has approved the deployment of
    U.S. forces," Esper said': a government approving its own giving is the giving told again, not a second event
    (a parliament's vote is one of its own)."""
    def kinds(e: dict) -> set[str]:
        return {a["category"] for a in e["assets"]}

    told = [e for e in events if e["event_type"] == "military_contribution" and not e.get(BY_EXECUTIVE)
            and e["status"] in ("ANNOUNCED", "PLEDGED", "OFFERED", "DELIVERED")]
    out = []
    for e in events:
        if e.pop(BY_EXECUTIVE, False) and any(
                _country(g["contributor"]) == _country(e["contributor"]) and _country(g.get("recipient")) ==
                _country(e.get("recipient")) and (kinds(g) & kinds(e) or "OTHER" in kinds(e)) for g in told):
            continue
        out.append(e)
    return out


def without_told_headlines(events: list[dict], title: str) -> list[dict]:
    """'Japan to send warship, patrol planes to Middle East' over a story whose cabinet 'approved a plan to send a
    destroyer and two P-3C patrol planes': the headline tells the story's giving, at the story's stage."""
    headline = len(title.strip())

    def kinds(e: dict) -> set[str]:
        return {a["category"] for a in e["assets"]} - {"OTHER", "FUNDING"}

    def told(h: dict, g: dict) -> bool:
        if g is h or g["event_type"] != "military_contribution" or g["mentions"][0]["char_start"] < headline:
            return False
        ra, rb = _country(g.get("recipient")), _country(h.get("recipient"))
        if _country(g["contributor"]) != _country(h["contributor"]):
            return False
        if g["status"] == h["status"] == "APPROVED" and (g["date"] == h["date"] or h.get("date_basis") == "DATELINE") \
                and None in (ra, rb):
            return True  # 'Bundestag sends German frigate to Red Sea' over 'parliament on Friday approved the
            # deployment of up to 700 soldiers to the EU's naval mission': one vote, whatever each names of it
        if g["status"] == h["status"] and kinds(g) & kinds(h) and not all(
                (e.get("recipient") or {}).get("country") for e in (g, h)):
            return True  # 'Portuguese commandos arrive in Bangui to join UN mission' over 'commandos of a force for the
            # UN mission in the Central African Republic landed': the same stage of the same forces, one naming the
            # organisation and the other the country it serves in
        return (None in (ra, rb) or ra == rb) and not (kinds(g) and kinds(h) and kinds(g).isdisjoint(kinds(h)))
    return [e for e in events if e["event_type"] != "military_contribution"
            or e["mentions"][0]["char_start"] >= headline or not any(told(e, g) for g in events)]


#: What no relief cargo is: a story of a disaster that tells of these tells of arms, not of aid.
ARMED_KINDS = {"WEAPONS", "ISR", "TRAINING", "BASING"}
#: Words around 'Typhoon' that make it the fighter jet, not the storm.
JET_BEFORE, JET_AFTER = {"raf", "eurofighter"}, {"jet", "jets", "fighter", "fighters", "aircraft", "squadron", "fgr4"}


def told_of_a_disaster(title: str, text: str, words: set[str]) -> bool:
    """The headline or the first paragraph tells of an earthquake, an eruption, a flood or a famine."""
    lead = title + " " + text.lstrip().split("\n", 1)[0]
    tokens = re.findall(r"[A-Za-z][A-Za-z0-9-]*", lead)
    for k, w in enumerate(tokens):
        if w.lower() not in words:
            continue
        if w.lower() == "typhoon" and (k and tokens[k - 1].lower() in JET_BEFORE or w[0].isupper() and not (
                k + 1 < len(tokens) and tokens[k + 1][0].isupper() and tokens[k + 1].lower() not in JET_AFTER)):
            continue  # 'RAF Typhoon jets', 'Typhoon and Tornado aircraft deploy'; not 'Typhoon Haiyan'
        return True
    return False


def without_relief(events: list[dict], disaster: bool) -> list[dict]:
    """'HMAS Adelaide has left Brisbane for Tonga loaded with water purification equipment', 'Soldiers of the 82nd
    Airborne began landing in Port-au-Prince', in a story whose lead tells of the eruption or the earthquake:
    ships, aircraft, troops and money sent into a disaster with no weapon and no mission carry relief, which the
    sentence alone may not say. A named mission ('900 more troops for MINUSTAH'), a parliament's approval or arms
    still give."""
    if not disaster:
        return events
    return [e for e in events if e["event_type"] != "military_contribution" or e.get("purpose")
            or e["status"] == "APPROVED" or any(a["category"] in ARMED_KINDS for a in e["assets"])]


def _settle_assets(events: list[dict]) -> list[dict]:
    """'The Cabinet had endorsed the deployment on October 13': the approval of the contribution the
    article told of before it, by the same giver, else of the one it tells of next ('The German parliament
    approved the participation of the Bundeswehr in the EU's naval mission', then the frigate that sailed);
    none told of, no event."""
    out = []
    for e in events:
        if not e.pop(NEEDS_ASSETS, False):
            out.append(e)
            continue
        at = e["mentions"][0]["char_start"]
        same = [g for g in events if g is not e and g["event_type"] == "military_contribution"
                and not g.get(NEEDS_ASSETS) and g["contributor"].get("country") in (None, e["contributor"].get("country"))]
        before = [g for g in same if g["mentions"][0]["char_start"] < at]
        if not same or not e["contributor"].get("country"):
            continue
        told = max(before, key=lambda g: g["mentions"][0]["char_start"]) if before else \
            min(same, key=lambda g: g["mentions"][0]["char_start"])
        e["assets"] = [dict(a) for a in told["assets"]]
        e["recipient"] = e.get("recipient") or told.get("recipient")
        e["purpose"] = e.get("purpose") or told.get("purpose")
        e.pop(NEEDS_RECIPIENT, None)
        out.append(e)
    return out


def _settle_contributors(events: list[dict], ctx) -> list[dict]:
    givers = Counter(e["contributor"]["country"] for e in events if e["event_type"] == "military_contribution"
                     and not e.get(NEEDS_CONTRIBUTOR) and e["contributor"].get("country"))
    known = {e["contributor"]["country"]: e["contributor"] for e in events
             if e["event_type"] == "military_contribution" and e["contributor"].get("country")}
    out = []
    for e in events:
        needs = e.pop(NEEDS_CONTRIBUTOR, False)
        if not needs:
            out.append(e)
            continue
        taker = _country(e.get("recipient"))
        at = e["mentions"][0]["char_start"]
        before = [g for g in events if g["event_type"] == "military_contribution" and not g.get(NEEDS_CONTRIBUTOR)
                  and g["contributor"].get("country") not in (None, taker) and g["mentions"][0]["char_start"] < at]
        ranked = [c for c, _ in givers.most_common() if c != taker]
        home = getattr(ctx, "home", None)
        home_name = (ctx.country_name(home) or home) if home else ""
        if before:  # 'Four Danish F-16s landed today ... Lawmakers voted 110-0 on Friday': the giver just told of
            giver = max(before, key=lambda g: g["mentions"][0]["char_start"])["contributor"]
        elif (seat := getattr(ctx, "dateline", None) or home) and needs == "house" and taker != seat:
            # 'The National Assembly on Thursday approved the deployment' in the Daily Nation: a national paper's
            # unnamed house is its own, though Washington pledges money later; under 'SEOUL, Aug. 13 (UPI) -',
            # the house of the dateline's state
            giver = {"name": ctx.country_name(seat) or seat, "role": None, "country": seat, "actor_code": seat}
        elif home and not ranked and (taker is None or taker == home and not re.search(
                r"\b(?:in|to|into|at)\s+(?:the\s+)?" + re.escape(home_name), e["mentions"][0]["sentence"])):
            # 'The destroyer departed from Busan' in the Korea Times: its own country's, which gives nothing to
            # itself ('after escorting South Korean vessels'); but 'Peninsula Shield Forces arrive in Bahrain' in
            # BNA's are others'
            giver = {"name": home_name, "role": None, "country": home, "actor_code": home}
            if taker == home:
                e["recipient"] = None
        else:
            giver = known[ranked[0]] if ranked else ctx.focus(taker)
        if giver is not None and giver.get("country"):
            twin = next((g for g in out + events if g is not e and g["event_type"] == "military_contribution"
                         and not g.get(NEEDS_CONTRIBUTOR) and g["contributor"].get("country") == giver["country"]
                         and g["mentions"][0]["char_start"] == at
                         and (taker is None or _country(g.get("recipient")) in (taker, None))), None)  # (not the same package's
            # other receivers: 'passed a package with military aid for Ukraine, Israel and Taiwan')
            if twin is not None:  # 'Three Japanese warships left port today ..., the first time Japan has sent
                twin["assets"] += [a for a in e["assets"] if a not in twin["assets"]]  # its forces': one sentence,
                continue  # one contribution
            e["contributor"] = {**giver, "role": None}
            e[SIGNALS]["contributor_inferred"] = 1
            out.append(e)
    return out


def _words_re(surfaces, flags=re.I) -> Optional[re.Pattern]:
    """One pattern for many names, longest first, whole words: group 1 is the name found."""
    if not surfaces:
        return None
    alternatives = sorted(surfaces, key=len, reverse=True)
    return re.compile(r"\b(" + "|".join(re.escape(a) for a in alternatives) + r")\b", flags)


#: Words that make a demonym a region's: 'South American', 'West African'.
COMPASS = {"south", "north", "east", "west", "central", "latin", "southeast", "northeast", "southern", "northern",
           "eastern", "western"}

#: What an amount is given as: 'provide €1bn in military aid to Ukraine'.
AID_NOUNS = {"aid", "assistance", "support", "help", "funding", "financing"}

#: What a share of a force is called when a story ranks its givers: 'most of the ships', 'the bulk of the troops'.
SHARES = {"most", "bulk", "majority", "lion's share"}


def _shares_told(t: Token) -> bool:
    """'Britain, Germany and Italy provide the largest contingents', 'are expected to provide most of the
    initial ships': a ranking of givers in passing, with no number, is no giving of its own."""
    for o in (c for c in t.children if c.dep_ == "dobj"):
        if any(w.like_num for w in o.subtree):
            return False
        if o.lemma_.lower() in SHARES or o.tag_ == "NNS" and any(c.tag_ == "JJS" for c in o.children):
            return True
    return False


#: Where troops arrive when they come back: a homecoming, no giving.
HOMEWARD = {"home", "back"}


def _home_again(t: Token) -> bool:
    """'The soldiers arrived home', 'arrived back in Germany'."""
    return any(c.lower_ in HOMEWARD for c in t.children) or t.lemma_.lower() == "return"


def _provides_with(t: Token) -> bool:
    """'provide Ukraine with tanks': the object is the recipient, the 'with' phrase the asset."""
    return t.lemma_.lower() in ("provide", "supply", "arm", "equip", "furnish", "reinforce") and bool(_with_what(t))


#: What a house votes to do with a deployment when it approves it.
BACKING = {"back", "support", "approve", "endorse", "authorise", "authorize", "allow", "permit"}

#: What forces take part in that is no one's mission: drills, courses, works, ceremonies.
NOT_MISSIONS = {"exercise", "drill", "course", "training", "construction", "parade", "ceremony", "competition",
                "airdrop", "drop"}


def _handed_by_nobody(t: Token) -> bool:
    """A handover told in the passive with no 'by' ('were formally handed over to the Lebanese Air Force')."""
    passive = [c for c in t.children if c.dep_ in ("auxpass", "aux")]
    return t.lemma_.lower() in ("hand", "deliver", "donate", "gift", "transfer") and t.tag_ == "VBN" and any(
        c.dep_ == "auxpass" and c.lower_ in ("was", "were", "been") for c in passive) and not any(
        c.lower_ in ("will", "would", "to", "being") for c in passive) and syntax.agent(t) is None
    # (not 'the tanks will be delivered in the coming months', a giving told before, or a sale)


def _enacts(t: Token) -> bool:
    """'passed a $95 billion package', 'signed a foreign aid measure', 'the aid package, which Clinton signed into
    law'."""
    bills = [c for c in t.children if c.dep_ in ("dobj", "nsubjpass")]
    if t.dep_ == "relcl" and not bills and any(c.dep_ == "dobj" and c.tag_ == "WDT" for c in t.children):
        bills = [t.head]
    return any(b.lemma_.lower() in BILLS for b in bills)


def _air_force(t: Token) -> bool:
    """'the Lebanese Air Force': a service, though the word 'force' alone most often means a mission."""
    return t.lower_ == "force" and t.i > 0 and t.doc[t.i - 1].lower_ == "air"


def _takes_part(t: Token) -> bool:
    """'participates with two frigates', 'is taking part with 30 fighter jets': the 'with' phrase is what the
    state sends."""
    return t.lemma_.lower() == "participate" or t.lemma_.lower() == "take" and any(
        c.dep_ == "dobj" and c.lower_ == "part" for c in t.children)


def _with_what(t: Token) -> list[Token]:
    """What a recipient is provided with; the parser may hang the phrase on the recipient ('equip
    Ukrainian brigades with tanks')."""
    holders = [t] + [c for c in t.children if c.dep_ == "dobj"]
    return [g for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ == "with"
            for o in c.children if o.dep_ == "pobj" for g in syntax.with_conjuncts(o)]


def _disposals(t: Token) -> list[Token]:
    """'at the disposal of US forces'; and 'put the frigate HMS Northumberland under EU command', which gives it
    as well."""
    placed = t.lemma_.lower() in ("put", "place")
    return [o for c in t.children if c.dep_ == "prep" and (c.lower_ == "at" or placed and c.lower_ == "under")
            for o in c.children if o.dep_ == "pobj" and o.lemma_.lower() == ("disposal" if c.lower_ == "at" else "command")]


def _access_given(t: Token) -> Optional[Token]:
    """The 'access' of 'grant US forces access to four more sites', 'gave American troops access to its air base'."""
    if t.pos_ != "VERB" or t.lemma_.lower() not in ("grant", "give", "offer", "provide"):
        return None
    return next((c for c in t.children if c.dep_ == "dobj" and c.lemma_.lower() == "access"), None)


def _thanked_for(t: Token) -> Optional[Token]:
    """The one thanked in 'thanked the Chinese government for sending warships' (not the one who thanks)."""
    prep = t.head
    while prep.dep_ == "conj" and prep.head.lower_ == "for":  # 'for its support ... and for sending warships'
        prep = prep.head
    if t.dep_ != "pcomp" or prep.lower_ != "for" or prep.head.lemma_.lower() != "thank":
        return None
    return next((c for c in prep.head.children if c.dep_ == "dobj"), None)


def _opened(t: Token) -> Optional[Token]:
    """The 'airspace' of 'opened its airspace to French aircraft', the 'bases' of 'open its bases to US forces'."""
    if t.pos_ != "VERB" or t.lemma_.lower() != "open" or any(c.dep_ == "prt" for c in t.children):
        return None  # (not 'open up')
    return next((c for c in t.children if c.dep_ == "dobj" and c.lemma_.lower() in OPENED_GROUNDS), None)


def _use_allowed(t: Token) -> Optional[Token]:
    """The 'use' of 'allowed Russia to use its facilities', 'let US aircraft use its bases'."""
    if t.pos_ != "VERB" or t.lemma_.lower() not in ("allow", "permit", "let", "authorise", "authorize"):
        return None
    return next((c for c in t.children if c.dep_ in ("xcomp", "ccomp") and c.lemma_.lower() == "use"), None)


def _defends(t: Token) -> bool:
    """A purpose clause of defence: 'to help defend Saudi Arabia', 'to protect Poland'."""
    for c in t.children:
        if c.dep_ == "advcl" and (c.lemma_ in ("defend", "protect") or (c.lemma_ in ("help", "assist") and any(
                x.dep_ == "xcomp" and x.lemma_ in ("defend", "protect") for x in c.children))):
            return True
    return False


#: Nouns for a bundle of aid whose contents a verb of including lists ('the package includes 31 tanks').
PACKAGES = {"package", "tranche", "consignment", "shipment", "batch", "aid", "drawdown"}


def _package_contents(t: Token) -> bool:
    if t.pos_ != "VERB" or t.lemma_.lower() not in ("include", "contain", "comprise"):
        return False
    subj = syntax.subject(t)
    return subj is not None and subj.lemma_.lower() in PACKAGES and t.dep_ != "relcl"


def _headline_arms(t: Token) -> bool:
    """'Estonia arms Libya almost five years after ...': a headline verb the tagger read as the noun 'arms',
    between a state that ends one name and a side that starts the next (not 'US arms Taiwan deal')."""
    if t.lower_ != "arms" or t.pos_ != "NOUN" or t.i == 0 or t.i + 1 >= len(t.doc):
        return False
    before, after = t.nbor(-1), t.nbor(1)
    return before.ent_type_ == "GPE" and before.ent_iob_ in ("B", "I") and after.ent_iob_ == "B" \
        and after.ent_type_ in ("GPE", "NORP") and after.dep_ != "compound" and after.head.i == t.i


def _arms(t: Token) -> bool:
    """'The US is arming Kurdish fighters': without a 'with' phrase, whom a country arms is the recipient."""
    return t.lemma_.lower() in ("arm", "equip") and not _provides_with(t)


#: Words of a mission that forces entering a country serve ('spearheading a NATO-led peace force'), and of an
#: invasion, which is none.
MISSION_TOLD = re.compile(r"\b(?:peace|peacekeep\w*|mission|coalition|multinational|[A-Z]+-led|contingent|"
                          r"deployment|stabili[sz]ation|KFOR|IFOR|SFOR|ISAF|UNIFIL|INTERFET|Peninsula Shield)\b")
INVASION = re.compile(r"\b(?:invad\w*|invasion|incursion|offensive|occup\w*|annex\w*)\b", re.I)


def _on_a_mission(s: Sentence, t: Token) -> bool:
    text = article_text(s.article)
    own = [w.text for w in t.subtree if not any(a.dep_ in ("conj", "dep", "parataxis", "advcl") and a.head.i == t.i
                                                  for a in [w, *w.ancestors])]
    if INVASION.search(" ".join(own)):  # (not 'then occupied the airfield', a clause of its own)
        return False
    end = s.offset + len(s.doc.text)
    end = text.find(". ", end) + 1 or end  # (and the sentence after: 'The Saudi soldiers came under the banner of
    # the Peninsula Shield Force')
    return bool(MISSION_TOLD.search(text[max(0, s.offset - 800):end])
                or MISSION_TOLD.search(s.article.get("title") or ""))


def _origin_only(modifier: Token, thing: Token) -> bool:
    """'U.S.-made F-16s', 'Soviet-era vehicles': a country that says where a thing comes from, not who gives it."""
    return any(m in w.lower_ for w in [*modifier.subtree, *thing.doc[modifier.left_edge.i:thing.i]]
               for m in ORIGIN_WORDS)


def _background(t: Token) -> bool:
    """'has contributed troops to UNIFIL since 2007', 'has sent Typhoons ... in recent years', 'The squadron last
    deployed to Romania in 2021': a record of the past, not a giving the article reports."""
    perfect = any(c.dep_ == "aux" and c.lemma_ == "have" for c in t.children)
    # since a year, not a month: 'has shipped more than 13,000 containers since August' is this war's giving
    since = any(c.dep_ == "prep" and c.lower_ == "since" and _a_year(list(c.subtree)[1:]) for c in t.children)
    recent = any(c.dep_ == "prep" and c.lower_ in ("in", "over") and " ".join(w.lower_ for w in c.subtree)
                 in ("in recent years", "in the past", "over the years", "in past years") and _in_clause(c, t, 3)
                 for c in t.subtree)  # ('sent Typhoons to Poland for similar missions in recent years', hung on
    # the missions)
    last = t.tag_ == "VBD" and any(c.dep_ == "advmod" and c.lower_ in ("last", "previously") for c in t.children)
    return (perfect and since) or recent or last


def _once(w: Token) -> bool:
    """'ex-Soviet', 'former Yugoslav': a state that was, not the one that gives or receives."""
    before = [x.lower_ for x in w.doc[max(0, w.i - 2):w.i]]
    return bool(before) and (before[-1] in ("former", "ex", "ex-") or before[-2:] in (["ex", "-"], ["post", "-"]))


def _in_clause(w: Token, verb: Token, arcs: int) -> bool:
    """``w`` hangs on ``verb`` within ``arcs`` arcs and through no other verb."""
    for a in list(w.ancestors)[:arcs]:
        if a == verb:
            return True
        if a.pos_ in ("VERB", "AUX"):
            return False
    return False


def _a_year(words: list[Token]) -> bool:
    return bool(words) and all(w.text.isdigit() and len(w.text) == 4 for w in words)


def _enters(t: Token) -> bool:
    """'British paratroopers flew into Kosovo', 'Saudi soldiers crossed into Bahrain': forces arriving."""
    into = [o for c in t.children if c.dep_ == "prep" and c.lower_ == "into" for o in c.children if o.dep_ == "pobj"]
    flown_in = any(c.dep_ == "prt" and c.lower_ == "in" for c in t.children)  # 'a company of Gurkhas flew in'
    return t.lemma_.lower() in ENTERING and t.pos_ == "VERB" and not any(c.dep_ in ("dobj", "mark") for c in t.children) \
        and (flown_in or bool(into) and into[0].lemma_.lower() != "airspace")  # (not 'ten days before Russian
    # forces crossed into Ukraine', 'since Russian drones crossed into Polish airspace')


def _sorties(t: Token) -> bool:
    """'Qatari Mirage jets flew their first patrol over Libya': the aircraft that fly are what is given."""
    return t.lemma_.lower() == "fly" and t.dep_ not in ("relcl", "acl") and (
        t.tag_ in ("VBD", "VBN") or any(c.dep_ == "aux" for c in t.children)) and any(
        c.dep_ == "dobj" and c.lemma_.lower() in SORTIES for c in t.children)  # (not 'Italy's jets fly only
    # reconnaissance missions', a habit)


#: Nouns of a giving that 'make' takes ('made a commitment of 19 jets', 'made an offer of two frigates').
MADE_GIVINGS = {"commitment", "pledge", "offer", "contribution", "donation"}
#: What a house gives when it approves ('gave the go-ahead for arms deliveries', 'the green light to the mission');
#: not an 'approval' or 'consent', which is as often one state's leave for another's transfer.
ASSENT = {"ahead", "go-ahead", "light", "nod"}


def _assent(t: Token) -> Optional[Token]:
    return next((c for c in t.children if c.dep_ == "dobj" and c.lemma_.lower() in ASSENT), None) \
        if t.lemma_.lower() == "give" else None


def _assented_to(t: Token) -> list[Token]:
    """'MPs voted in favour of UK air strikes', 'gave the go-ahead on August 20 for arms deliveries': what the
    vote or the assent is for."""
    if t.lemma_.lower() == "vote":
        return [g for p in syntax.preps(t, ("in",)) if p.lemma_.lower() in ("favour", "favor")
                for o in syntax.preps(p, ("of",)) for g in syntax.with_conjuncts(o)]
    assent = _assent(t)
    return [] if assent is None else [o for h in (t, assent) for o in syntax.preps(h, ("for", "to"))
                                      if o.ent_type_ not in ("GPE", "NORP")]


#: What forces take on when they relieve the last contingent: 'took charge of NATO's battlegroup', 'assumed
#: command of', 'took over the lead at Siauliai' (and 'took over NATO's air policing mission', 'took over as flagship').
TAKEN_CHARGE = {"charge", "command", "lead", "leadership", "duty", "duties", "responsibility"}


def _taken_over(t: Token) -> Optional[Token]:
    """What a rotation takes over, or None: the object of 'take over', 'take charge of', 'assume command of'."""
    if t.lemma_.lower() not in ("take", "assume") or t.pos_ != "VERB":
        return None
    dobj = next((c for c in t.children if c.dep_ == "dobj"), None)
    if t.lemma_.lower() == "take" and _phrasal(t) == "take over":
        return dobj if dobj is not None else next(syntax.preps(t, ("as",)), None)
    return dobj if dobj is not None and dobj.lemma_.lower() in TAKEN_CHARGE else None


def _phrasal(t: Token) -> str:
    """'hand over', 'set aside': the verb with its particle, as the trigger lists write it."""
    prt = [c.lower_ for c in t.children if c.dep_ == "prt"]
    if t.lemma_.lower() == "make" and any(a.lower_ == "available" for c in t.children if c.dep_ == "dobj"
                                          for o in syntax.with_conjuncts(c) for a in o.children):
        return "make available"  # 'make up to 3,900 soldiers available', 'available' parsed on the soldiers (or on
        # the last of a list: 'make three naval vessels and an aircraft available')
    if not prt and t.i + 1 < len(t.doc) and (t.doc[t.i + 1].tag_ == "RP" or (
            t.doc[t.i + 1].dep_ == "advmod" and t.doc[t.i + 1].lower_ in ("back", "off", "out", "over", "ashore")) or (
            t.doc[t.i + 1].lower_ == "out" and t.i + 2 < len(t.doc) and t.doc[t.i + 2].lower_ == "of")):
        prt = [t.doc[t.i + 1].lower_]  # 'hand over four jets', the particle parsed into the object; 'held back';
        # 'slipped out of Devonport'
    if not prt and t.lemma_.lower() == "make":
        prt = [c.lower_ for c in t.children if c.dep_ in ("oprd", "acomp") and c.lower_ == "available"] or [
            c.lemma_.lower() for c in t.children if c.dep_ == "dobj" and c.lemma_.lower() in MADE_GIVINGS]
        # ('made a parallel commitment of 19 jets': the noun says how it was given)
    if not prt and t.lemma_.lower() == "set" and t.i + 1 < len(t.doc) and t.doc[t.i + 1].lower_ == "sail":
        prt = ["sail"]  # 'set sail from Zhanjiang', however the parser hangs 'sail'
    if not prt and _disposals(t):
        prt = ["at the disposal"]  # 'placed its airfields at the disposal of US forces'
    if not prt and t.lemma_.lower() == "take" and any(c.dep_ == "dobj" and c.lower_ == "delivery" for c in t.children):
        prt = ["delivery"]  # 'took delivery of 22 Humvee vehicles'
    if not prt and t.lemma_.lower() == "give" and any(c.dep_ == "dobj" and c.lower_ == "light" and any(
            a.lower_ == "green" for a in c.children) for c in t.children):
        return "give the green light"  # 'gave the green light to the deployment of 60 soldiers'
    if not prt and t.lemma_.lower() == "take" and any(c.dep_ == "dobj" and c.lower_ == "part" for c in t.children):
        prt = ["part"]  # 'is taking part with 30 fighter jets'
    return f"{t.lemma_.lower()} {prt[0]}" if prt else t.lemma_.lower()


def _prepositional(t: Token) -> str:
    """'call on': the verb with its first preposition, as the trigger lists write it."""
    prep = [c.lower_ for c in t.children if c.dep_ == "prep"]
    return f"{t.lemma_.lower()} {prep[0]}" if prep else t.lemma_.lower()


def _future(t: Token) -> bool:
    clause = syntax.clause_tokens(t)
    if any(c.lower_ in ("will", "'ll", "shall", "would") for c in clause):
        return True
    if t.dep_ in ("ROOT", "ccomp") and any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children) \
            and syntax.subject(t) is not None:
        return True  # headline future: 'Germany to deliver more Patriot systems to Ukraine'
    if t.dep_ == "xcomp" and t.head.lemma_ == "be" and any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children):
        return True  # 'the tanks are to be delivered next month'
    return any(g.lemma_.lower() in ("plan", "prepare", "intend", "set", "due", "going", "expect", "decide", "agree")
               for g in syntax.governors(t, 2))


def _country(actor: Optional[dict]) -> Optional[str]:
    return (actor or {}).get("country") or (actor or {}).get("actor_code")


def as_state(g, actor: Optional[dict]) -> Optional[dict]:
    """Contributions are made by states: 'the German defence minister' contributes for Germany."""
    if not actor or not actor.get("country"):
        return actor if actor and actor.get("actor_code") else None
    code = actor.get("actor_code") or actor["country"]
    return state_actor(g, actor["country"], code[3:] or None)
