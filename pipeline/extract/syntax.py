"""Small questions asked of a dependency parse: who is the subject, is it negated, future, hypothetical."""
from __future__ import annotations

from typing import Iterable, Iterator, Optional

from spacy.tokens import Token

SUBJ = {"nsubj", "nsubjpass", "csubj"}
#: Styles written as initials before a title: 'HRH the Crown Prince', 'HH the Amir', 'HE the President'.
STYLES = {"HRH", "HH", "HM", "HE", "H.R.H.", "H.H.", "H.M.", "H.E."}
CLIMB = {"xcomp", "conj", "advcl", "ccomp", "acl", "relcl", "pcomp", "dobj", "pobj", "prep", "attr"}


def subject(verb: Token) -> Optional[Token]:
    """The subject of a verb, inherited through 'to meet' clauses, conjunctions and relative clauses."""
    seen = 0
    t = verb
    while t is not None and seen < 6:
        subjects = [c for c in t.children if c.dep_ in SUBJ] or [
            g for c in t.children if c.dep_ == "advmod" and c.tag_ == "RB" and c.i < t.i for g in c.children
            if g.dep_ in SUBJ]
        # ('Milei and Trump last met on September 23': the subject parsed under 'last')
        if len(subjects) > 1 and subjects[0].text in STYLES:
            subjects = subjects[1:]  # 'HRH the Crown Prince met', the style parsed as a subject of its own
        for child in subjects:
            if child.tag_ == "WP" and t.dep_ == "relcl":  # 'Hollande, who met Putin' -> Hollande
                return t.head
            if child.lower_ in ("each", "both") and child.tag_ == "DT":  # 'Ireland and Poland have each committed
                # 400 troops', the states parsed as the subject of 'have'
                named = next((g for a in t.children if a.dep_ in ("aux", "auxpass") for g in a.children
                              if g.dep_ in SUBJ), None)
                if named is None and t.dep_ == "conj":  # 'Ghani and Sharif arrived ..., and both held talks'
                    named = subject(t.head)
                aux = next((a for a in t.children if a.dep_ == "aux" and a.i == child.i - 1), None)
                if named is None and aux is not None and aux.i and t.doc[aux.i - 1].pos_ == "PROPN":
                    named = t.doc[aux.i - 1]  # 'Elsewhere in the region, Niger, Togo and Senegal have each
                    while named.dep_ == "conj" and named.head.pos_ == "PROPN":  # pledged', the states parsed
                        named = named.head  # into the phrase before
                if named is not None:
                    return named
            return child
        if t.dep_ == "relcl" and t.head.dep_ == "pobj" and t.head.head.lower_ == "by" and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in t.children):
            t = t.head.head.head  # 'voted by a wide margin to authorise 700 soldiers': the voter, not the margin
            seen += 1
            continue
        if t.dep_ == "relcl" and t.head.lemma_.lower() in DECISIONS and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in t.children):
            t = t.head  # 'approved a mandate to send 1,200 troops' (however parsed): the approver sends, as in
            seen += 1  # 'approved a motion to deploy'; not 'the first country to send troops'
            continue
        if t.dep_ == "relcl":
            return t.head
        if t.pos_ in ("NOUN", "PROPN") and seen > 0:  # "Germany's promise to send": the possessor; 'a U.S.
            poss = [c for c in t.children if c.dep_ == "poss"] or [  # decision to deploy': the state it names
                c for c in t.children if c.dep_ in ("compound", "amod") and c.ent_type_ in ("GPE", "NORP")]
            if poss and not (poss[0].lower_ in ("its", "his", "her", "their") and t.dep_ in ("dobj", "nsubj")
                             and t.lemma_.lower() in READINESS_NOUNS):
                return poss[0]  # (but 'France has expressed its readiness to send troops': the one who expressed)
        if t.dep_ == "acl" and t.head.dep_ == "attr":  # 'Putin is the latest leader to meet with ...'
            cop = t.head.head
            subj = [c for c in cop.children if c.dep_ in SUBJ]
            return subj[0] if subj else None
        if t.dep_ in ("dobj", "pobj", "attr") and seen > 0 and t.head.pos_ in ("VERB", "AUX", "ADP"):
            t = t.head  # 'approved a plan to send troops': the plan's approver sends
            seen += 1
            continue
        if t.dep_ in ("xcomp", "conj", "advcl", "pcomp", "prep", "acomp") or (t.dep_ == "acl" and t.pos_ == "VERB") or (
                t.dep_ == "dep" and t.pos_ == "VERB" and t.head.pos_ == "VERB" and t.i > t.head.i) or (
                # ('held talks with President Gul, then met Prime Minister Erdogan', the second verb parsed apart)
                t.dep_ == "npadvmod" and seen > 0 and t.pos_ == "NOUN"):  # 'left Kathmandu a day after holding
            # talks with Koirala': who left held them
            t = t.head
            seen += 1
            continue
        return None
    return None


#: Decisions whose 'to' clause says what is decided: 'a mandate to send troops', 'a motion to deploy'.
DECISIONS = {"mandate", "motion", "bill", "resolution", "plan", "proposal", "decision", "measure", "law",
             "legislation", "order", "decree"}

#: Nouns of something done, whose 'by X' is who did it, not the agent of the verb above.
DOINGS = {"visit", "trip", "tour", "meeting", "talk", "talks", "summit", "ceremony", "journey", "mission"}


def agent(verb: Token) -> Optional[Token]:
    """The 'by X' of a passive verb; also a person's 'by' the parser hung on the place before it ('was
    greeted on the steps of Number 10 by Sir Keir Starmer')."""
    for child in verb.children:
        if child.dep_ == "agent":
            objs = [c for c in child.children if c.dep_ == "pobj"]
            return objs[0] if objs else None
    if verb.tag_ != "VBN" or not any(c.dep_ == "auxpass" for c in verb.children):
        return None
    for prep in verb.children:
        stack = [prep] if prep.dep_ == "prep" else []
        while stack:
            p = stack.pop()
            for obj in (c for c in p.children if c.dep_ == "pobj"):
                if p.lower_ == "by" and p is not prep and obj.ent_type_ == "PERSON":
                    return obj
                if obj.lemma_.lower() not in DOINGS:  # 'accompanied on the visit by Hague': Hague's visit too
                    stack += [c for c in obj.children if c.dep_ == "prep"]
    return None


def with_conjuncts(token: Token) -> list[Token]:
    """A token and those coordinated with it: 'X and Y', 'X, Y and Z' (even when the parser made the
    list an apposition), and the name inside a mis-tagged head ('Barack/ADP Obama')."""
    out = [token]
    stack = [token]
    while stack:
        t = stack.pop()
        for c in t.children:
            if c.dep_ in ("conj", "appos") or (t.pos_ == "ADP" and t.ent_type_ and c.dep_ == "pobj") or \
                    _coordinated_inside(c):
                if c not in out:
                    out.append(c)
                    stack.append(c)
    return out


def _coordinated_inside(c: Token) -> bool:
    """'President Trump and Chinese leader Xi Jinping sat down': the first name parsed as a modifier of the
    second, still carrying its 'and'."""
    return c.dep_ in ("nmod", "compound") and c.pos_ == "PROPN" and c.i < c.head.i and any(
        w.dep_ == "cc" and w.lower_ == "and" for w in c.children)


def preps(token: Token, words: Iterable[str]) -> Iterator[Token]:
    """Objects of the given prepositions attached to ``token`` ('with Putin', 'between X and Y')."""
    words = set(words)
    for child in token.children:
        if child.dep_ in ("prep", "agent") and child.lower_ in words:
            for prep in [child] + [c for c in child.children if c.dep_ == "conj" and c.lower_ == child.lower_]:
                for obj in prep.children:  # ('talks with Meloni and with Abbas')
                    if obj.dep_ == "pobj":
                        yield from with_conjuncts(obj)
                        yield from _named_after(obj)
                    elif obj.dep_ == "prep" and obj.is_title and obj.i == prep.i + 1:  # 'met with To Lam': a name
                        yield from (o for o in obj.children if o.dep_ == "pobj" and o.pos_ == "PROPN")  # read as 'to'


def _named_after(token: Token) -> Iterator[Token]:
    """'with his host, President Lourenço,': the name the parser hung elsewhere after a role's comma."""
    doc = token.doc
    if token.pos_ == "NOUN" and any(c.dep_ == "poss" for c in token.children) and token.i + 2 < len(doc) \
            and doc[token.i + 1].text == "," and doc[token.i + 1].head != token:
        ent = next((e for e in doc.ents if e.label_ == "PERSON" and token.i + 2 <= e.start <= token.i + 3), None)
        if ent is not None and all(w.pos_ == "PROPN" for w in doc[token.i + 2:ent.start]):
            yield ent.root


def governors(token: Token, limit: int = 4) -> list[Token]:
    out = []
    t = token
    while t.head.i != t.i and len(out) < limit:
        t = t.head
        out.append(t)
    return out


def own_governors(token: Token, limit: int = 4) -> list[Token]:
    """``governors``, up to a relative clause's noun: 'Kishida, who held talks with Ruto, has sought to rally
    support' asserts the talks; the seeking belongs to the main clause."""
    out: list[Token] = []
    for g in governors(token, limit):
        if (out[-1] if out else token).dep_ == "relcl":
            break
        out.append(g)
    return out


def clause_tokens(verb: Token) -> list[Token]:
    """The verb, its auxiliaries and the verbs it is governed by in the same chain (for tense and modality)."""
    toks = [verb] + [c for c in verb.children if c.dep_ in ("aux", "auxpass", "neg", "advmod")]
    for g in governors(verb, 3):
        if g.pos_ not in ("VERB", "AUX", "ADJ") and g.dep_ not in ("xcomp", "ccomp", "ROOT", "advcl", "conj"):
            break
        toks.append(g)
        toks.extend(c for c in g.children if c.dep_ in ("aux", "auxpass", "neg", "advmod"))
        if g.dep_ not in ("xcomp", "conj", "advcl"):
            break
    return toks


def raised(verb: Token) -> list[Token]:
    """The verb and the words its infinitive completes: 'is not prepared to send' gives send, prepared, is."""
    chain = [verb]
    while chain[-1].dep_ in ("xcomp", "acomp") and chain[-1].head.i != chain[-1].i and len(chain) < 4:
        chain.append(chain[-1].head)
    return chain


def is_negated(verb: Token) -> bool:
    """'did not send', 'has no plans to send', 'decided against sending', 'is not prepared to send'."""
    if any(c.dep_ == "neg" for g in raised(verb)[1:] for c in g.children):
        return True
    if any(g.lemma_ in ("have", "be") and any(c.lower_ == "yet" for c in g.children) for g in raised(verb)[1:]):
        return True  # 'have yet to meet in person', 'is yet to send the jets': not so far
    for t in clause_tokens(verb):
        if t.dep_ == "neg" or t.lower_ in ("never", "not", "n't", "no"):
            return True
        if t.lower_ == "longer" and any(c.lower_ == "no" for c in t.children):
            return True  # 'said it would no longer supply weapons'
    for g in governors(verb, 3):
        if g.lower_ == "against" and g.dep_ == "prep":
            return True
        if g.pos_ == "NOUN" and any(c.lower_ in ("no", "never") and c.dep_ in ("det", "neg") for c in g.children):
            return True
        if g.lemma_.lower() in ("approve", "authorise", "authorize", "allow", "permit", "endorse") and any(
                c.dep_ == "neg" for c in g.children):
            return True  # 'has not approved Estonia's request to send Ukraine old howitzers'
        if g.pos_ == "VERB" and any(a.lemma_ in ("have", "be") and any(c.lower_ == "yet" for c in a.children)
                                    for a in raised(g)[1:]):
            return True  # 'the Argentine Congress has yet to vote on the government's request to send 600 troops'
    return False


def dep_distance(a: Token, b: Token) -> int:
    """Number of arcs between two tokens of one sentence."""
    path_a = [a] + list(a.ancestors)
    index = {t.i: n for n, t in enumerate(path_a)}
    for n, t in enumerate([b] + list(b.ancestors)):
        if t.i in index:
            return n + index[t.i]
    return 99


REPORTING = {"say", "announce", "confirm", "tell", "state", "declare", "add", "pledge", "promise", "vow",
             "agree", "decide", "insist", "write", "report", "disclose", "reveal", "indicate", "notify"}
#: Nouns of a report whose 'that' clause is reported speech ('the announcement that Germany would send').
REPORT_NOUNS = {"announcement", "confirmation", "pledge", "promise", "decision", "statement", "commitment", "assurance",
                "declaration", "vow"}
UNCERTAIN = {"could", "might", "may", "should", "ought", "must"}
#: Sources that only report talk: 'reports have claimed', 'media speculated'.
HEARSAY = {"report", "media", "press", "rumour", "rumor", "speculation", "commentator", "analyst"}
DESIRE = {"want", "wish", "hope", "seek", "try", "attempt", "ambition", "aspiration", "dream", "desire", "bid"}
#: 'ready to send', 'prepared to station': an offer, not a hypothesis.
READINESS = {"ready", "willing", "prepared", "offer", "propose", "eager", "keen"}
#: Nouns of being ready to do something, said of oneself: 'expressed its readiness to send'.
READINESS_NOUNS = {"readiness", "willingness", "preparedness", "intention", "intent", "desire", "wish"}


def _desires(word: Token) -> bool:
    """A word of wishing, by its lemma or its own form: the tagger lemmatises 'hoped' as 'hop'."""
    w = word.lower_
    return word.lemma_.lower() in DESIRE or w in DESIRE or (w.endswith(("ed", "es")) and w[:-1] in DESIRE) or (
        w.endswith("ing") and w[:-3] + "e" in DESIRE)


def _asked(verb: Token) -> bool:
    """A yes-or-no question ('did Germany agree today to send Leopard tanks?', 'Will Biden meet Xi?'): the
    auxiliary of the clause's main verb comes before its subject."""
    if not verb.sent.text.rstrip(" \"'\u201d").endswith("?"):
        return False
    head = verb
    while head.dep_ in ("xcomp", "conj") and head.head.i != head.i:
        head = head.head
    subj = next((c for c in head.children if c.dep_ in SUBJ), None)
    return subj is not None and any(c.dep_ in ("aux", "auxpass") and c.i < subj.i for c in head.children)


def is_hypothetical(verb: Token, cues: set[str]) -> bool:
    """'could send', 'would send if', 'considering sending': not (yet) an event. Reported speech
    ('said it would send') is an announcement, not a hypothesis. Nor is a question."""
    if _asked(verb):
        return True
    clause = clause_tokens(verb)
    words = {c.lower_ for c in clause}
    if words & UNCERTAIN:
        return True
    if any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether") for g in raised(verb) for c in g.children):
        return True  # 'questioned whether Belgium can afford to give away aircraft'
    if verb.dep_ == "pcomp" and verb.head.lower_ == "by" and any(
            c.dep_ == "aux" and c.lower_ in UNCERTAIN for c in verb.head.head.children):
        return True  # 'Beijing could well respond by offering the navy submarines of its own'
    if any(g.lemma_.lower() in cues and g.pos_ == "VERB" for g in own_governors(verb, 3)):
        return True
    if any(g.lemma_.lower() in ("claim", "suggest", "speculate", "allege") and any(
            c.dep_ == "nsubj" and c.lemma_.lower() in HEARSAY for c in g.children) for g in own_governors(verb, 3)):
        return True  # 'reports in the Japanese and Western press have claimed that Beijing intends to hand over'
    if any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) and verb.dep_ in ("xcomp", "advcl", "acl"):
        means = verb.head.head if verb.dep_ == "acl" and verb.head.dep_ in ("dobj", "pobj") else verb.head
        if any(c.dep_ == "aux" and c.lower_ in ("could", "might", "may") for c in means.children):
            return True  # 'the administration could also use drawdown authority to send weapons': a means, not a plan
    if verb.dep_ in ("acl", "ccomp") and verb.head.pos_ == "NOUN" and (verb.head.lemma_.lower() in cues or any(
            c.dep_ == "det" and c.lower_ == "any" for c in verb.head.children)):
        return True  # 'amid accusations that Tehran has supplied Russia with drones', 'the idea of sending troops',
        # 'a Commons vote before any decision to commit British aircraft'
    if verb.dep_ == "acl" and verb.head.dep_ == "attr" and is_negated(verb.head.head):
        return True  # 'there will not be U.S. troops deployed to Ukraine
    if any(g.lemma_.lower() in DESIRE for g in own_governors(verb, 2)) or (
            verb.dep_ in ("ccomp", "xcomp") and _desires(verb.head)):  # ('they hoped India would add troops')
        return True  # 'Kim wanted to meet Trump' is a wish, not a meeting
    chain = [verb] + governors(verb, 3)
    if any(g.lemma_.lower() in READINESS - {"offer", "propose"} for g in chain) and any(
            c.dep_ in ("advcl", "conj") and any(m.lower_ in ("if", "unless") for m in c.children) and (
                c.lemma_.lower() in ("ask", "request", "invite") or any(m.lower_ == "only" for m in c.children))
            for g in chain for c in g.children):
        return True  # 'Ankara is ready to help train the new Syrian army if asked', 'ready to send troops, but only
        # if the United States led': not yet offered (though 'ready to send equipment if Estonia is attacked' is,
        # and 'has offered to keep its troops at Kabul airport, but only if ...' is an offer made)
    if "can" in words and any(c.dep_ == "advcl" and any(m.lower_ == "if" for m in c.children) for c in verb.children):
        return True  # 'If Libya makes such a request from us, we can send our personnel there'
    if "would" in words:
        reported = any(g.lemma_.lower() in REPORTING or g.pos_ == "NOUN" and g.lemma_.lower() in REPORT_NOUNS and any(
            c.dep_ == "mark" and c.lower_ == "that" for c in verb.children) for g in governors(verb, 3))
        conditional = any(c.dep_ == "advcl" and any(m.lower_ in ("if", "unless") for m in c.children)
                          for g in [verb] + governors(verb, 3) for c in g.children)
        return conditional or not reported
    return False
