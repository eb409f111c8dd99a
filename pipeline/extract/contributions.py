"""Military contributions: who provides what to whom, for which campaign, at which stage."""
from __future__ import annotations

import re
from typing import Iterator, Optional

from spacy.tokens import Token

from pipeline.extract import syntax
from pipeline.extract.actors import state_actor
from pipeline.extract.evidence import Sentence, find_date, mention
from pipeline.extract.gazetteer import fold

NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30,
                "forty": 40, "fifty": 50, "hundred": 100, "a dozen": 12, "dozen": 12, "a few": None,
                "thousand": 1000, "a": 1, "an": 1, "single": 1}
#: Coordinated-list dependents that belong to an asset phrase.
ASSET_DEPS = {"compound", "amod", "nummod", "nmod", "quantmod", "poss"}


class ContributionExtractor:
    def __init__(self, g):
        self._g = g
        triggers, assets = g.triggers, g.assets
        self.verbs: dict[str, str] = triggers.get("contribution_verbs", {})
        self.requests = set(triggers.get("request_verbs", []))
        self.negation = set(triggers.get("negation_cues", []))
        self.hypothetical = set(triggers.get("hypothetical_cues", []))
        self.non_military = set(triggers.get("non_military_aid", []))
        self.not_context = set(triggers.get("not_contribution_context", []))
        self.assets = assets
        self._asset_re = re.compile(r"\b(" + "|".join(re.escape(a) for a in sorted(assets, key=len, reverse=True)) + r")", re.I) if assets else None

    def triggers(self, doc) -> Iterator[Token]:
        for t in doc:
            if t.pos_ in ("VERB", "AUX") and t.lemma_.lower() in self.verbs:
                yield t

    def extract(self, s: Sentence) -> list[dict]:
        out = []
        covered: set[int] = set()
        for t in self.triggers(s.doc):
            if t.i in covered:
                continue
            event = self._event(s, t)
            if event:
                out.append(event)
                covered.update(c.i for c in t.conjuncts)
        return out

    # -- one trigger ---------------------------------------------------------------------------------------
    def _event(self, s: Sentence, t: Token) -> Optional[dict]:
        if self._blocked(t):
            return None
        objects = self._objects(t)
        assets = [a for a in (self._asset(o) for o in objects) if a]
        if not assets and t.lemma_.lower() == "arm":
            assets = [{"description": "weapons", "category": "WEAPONS", "quantity": None}]
        if not assets:
            return None
        if self._non_military(t, objects):
            return None
        contributor = as_state(self._g, self._contributor(s, t))
        if contributor is None:
            return None
        recipient, purpose = self._recipient_and_purpose(s, t)
        if recipient and recipient.get("country") and recipient.get("country") == contributor.get("country"):
            recipient = None
            if purpose is None:
                return None  # a country moving its own forces at home is not a contribution
        if recipient is None and purpose is None:
            purpose = self._purpose_from_context(s)
        status = self._status(s, t)
        when = find_date(s, t, status in ("PLEDGED", "OFFERED"))
        requested_by = self._requested_by(s, t)
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
            "confidence": self._confidence(contributor, recipient, purpose, assets),
            "mentions": [mention(s, t.sent)],
            "related_event_ids": [],
        }

    def _blocked(self, t: Token) -> bool:
        clause = syntax.clause_tokens(t)
        if syntax.is_negated(t) or any(c.lemma_.lower() in self.negation for c in clause):
            return True
        if any(c.lower_ in self.hypothetical for c in clause):
            return True
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether") for c in t.children):
            return True
        if t.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "if" for c in t.children):
            return True
        words = {w.lemma_.lower() for w in t.sent}
        return bool(words & self.not_context)

    def _objects(self, t: Token) -> list[Token]:
        objs: list[Token] = []
        for c in t.children:
            if c.dep_ in ("dobj", "nsubjpass", "attr", "oprd"):
                objs += syntax.with_conjuncts(c)
            if c.dep_ == "prep" and c.lower_ == "with" and t.lemma_.lower() in ("provide", "supply", "arm", "equip"):
                objs += [g for o in c.children if o.dep_ == "pobj" for g in syntax.with_conjuncts(o)]
        # 'providing a frigate, satellite images and aerial refuelling': conj chains hang off the first object
        more = []
        for o in objs:
            for c in o.children:
                if c.dep_ == "prep" and c.lower_ == "of":
                    more += [g for p in c.children if p.dep_ == "pobj" for g in syntax.with_conjuncts(p)]
        return objs + more

    def _asset(self, token: Token) -> Optional[dict]:
        phrase = [c for c in token.subtree if c.i <= token.i and (c is token or c.dep_ in ASSET_DEPS or c.head.dep_ in ASSET_DEPS)]
        words = [w for w in phrase if w.dep_ not in ("det", "poss")]
        text = " ".join(w.text for w in words) if words else token.text
        lemma_text = " ".join(w.lemma_ for w in words)
        category = None
        if self._asset_re:
            for candidate in (text, lemma_text, token.text, token.lemma_):
                m = self._asset_re.search(candidate)
                if m:
                    category = self.assets.get(fold(m.group(1)))
                    break
        if category is None:
            return None
        quantity = None
        for w in phrase:
            if w.dep_ == "nummod" or w.like_num:
                quantity = _number(w.text)
                if quantity is not None:
                    break
        description = " ".join(w.text for w in words if w.dep_ != "nummod" and not w.like_num) or token.text
        return {"description": description, "category": category, "quantity": quantity}

    def _non_military(self, t: Token, objects: list[Token]) -> bool:
        for o in objects:
            words = {w.lemma_.lower() for w in o.subtree}
            if words & self.non_military and not words & {"military", "defence", "defense", "security", "weapon", "arm"}:
                return True
        return False

    def _contributor(self, s: Sentence, t: Token) -> Optional[dict]:
        subj = syntax.agent(t) if any(c.dep_ == "auxpass" for c in t.children) else None
        subj = subj or syntax.subject(t)
        if subj is None:
            return None
        if subj.lower_ in ("they", "it", "we", "he", "she"):
            # 'the defence minister said that they will provide': the speaker's side
            for g in syntax.governors(t, 3):
                if g.lemma_ in ("say", "announce", "confirm", "tell", "state", "declare"):
                    speaker = syntax.subject(g)
                    if speaker is not None and speaker.lower_ not in ("they", "it", "we"):
                        actor = s.actor(speaker)
                        if actor:
                            return actor
            return s.ctx.last_before(s.offset + subj.idx, states_only=False)
        actor = s.actor(subj)
        if actor is None:
            for tok in syntax.preps(subj, ("of",)):
                actor = s.actor(tok)
                if actor:
                    break
        return actor

    def _recipient_and_purpose(self, s: Sentence, t: Token) -> tuple[Optional[dict], Optional[str]]:
        recipient = purpose = None
        candidates: list[Token] = []
        for c in t.children:
            if c.dep_ == "dative" or (c.dep_ == "prep" and c.lower_ in ("to", "for", "in", "into")):
                candidates += [c] if c.dep_ == "dative" else [o for o in c.children if o.dep_ == "pobj"]
        for tok in candidates:
            actor = s.actor(tok)
            if actor and recipient is None:
                recipient = actor
        purpose = self._purpose_in(t.sent)
        return recipient, purpose

    def _purpose_in(self, span) -> Optional[str]:
        text = fold(span.text)
        for surface, canonical in sorted(self._g.adversaries.items(), key=lambda kv: -len(kv[0])):
            if re.search(r"\b" + re.escape(surface) + r"\b", text):
                return canonical
        return None

    def _purpose_from_context(self, s: Sentence) -> Optional[str]:
        text = s.article.get("body", "")
        start = max(0, s.offset - 600)
        window = fold((s.article.get("title", "") + "\n\n" + text)[start:s.offset + len(s.doc.text)])
        for surface, canonical in sorted(self._g.adversaries.items(), key=lambda kv: -len(kv[0])):
            if re.search(r"\b" + re.escape(surface) + r"\b", window):
                return canonical
        return None

    def _status(self, s: Sentence, t: Token) -> str:
        lemma = t.lemma_.lower()
        status = self.verbs.get(lemma, "ANNOUNCED")
        clause = syntax.clause_tokens(t)
        subj = syntax.subject(t)
        if subj is not None and subj.lemma_.lower() in ("parliament", "bundestag", "cabinet", "congress", "senate", "lawmaker", "mp"):
            return "APPROVED"
        for g in [t] + syntax.governors(t, 3):
            gl = g.lemma_.lower()
            if gl in ("approve", "authorise", "authorize", "vote", "endorse", "greenlight"):
                return "APPROVED"
            if gl in ("pledge", "promise", "commit", "vow"):
                return "PLEDGED"
            if gl in ("offer", "propose"):
                return "OFFERED"
        if status == "ANNOUNCED" and t.tag_ == "VBD" and not any(c.lower_ in ("will", "would") for c in clause):
            if lemma in ("send", "deliver", "deploy", "dispatch", "transfer", "ship", "supply", "provide", "give", "donate"):
                return "DELIVERED"
        return status

    def _requested_by(self, s: Sentence, t: Token) -> Optional[dict]:
        for tok in t.sent:
            if tok.lemma_.lower() in self.requests and tok.pos_ == "VERB":
                subj = syntax.subject(tok)
                if subj is not None:
                    return s.actor(subj)
        return None

    def _confidence(self, contributor, recipient, purpose, assets) -> float:
        score = 0.6
        if recipient or purpose:
            score += 0.15
        if contributor.get("country"):
            score += 0.05
        if any(a["quantity"] for a in assets):
            score += 0.05
        if any(a["category"] != "OTHER" for a in assets):
            score += 0.05
        return round(min(score, 0.95), 3)


def as_state(g, actor: Optional[dict]) -> Optional[dict]:
    """Contributions are made by states: 'the German defence minister' contributes for Germany."""
    if not actor or not actor.get("country"):
        return actor if actor and actor.get("actor_code") else None
    code = actor.get("actor_code") or actor["country"]
    return state_actor(g, actor["country"], code[3:] or None)


def _number(text: str) -> Optional[int]:
    t = text.lower().replace(",", "")
    if t.isdigit():
        return int(t)
    return NUMBER_WORDS.get(t)
