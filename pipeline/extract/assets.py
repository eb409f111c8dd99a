"""Assets: what a noun phrase of a contribution names, with its category and quantity.

One place for the asset vocabulary (data/assets.json): 'six Tornado jets' is AIR and 6, '$400 million in
military aid' is FUNDING, 'Dornier 228' is a model and not a count.
"""
from __future__ import annotations

import re
from typing import Callable, Optional

from spacy.tokens import Token

from pipeline.extract.gazetteer import fold

NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30,
                "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
                "a dozen": 12, "dozen": 12, "a few": None,
                "thousand": 1000, "a": 1, "an": 1, "single": 1}
CURRENCY = {"dollar", "euro", "pound", "sterling", "krone", "kroner", "yen", "franc", "zloty", "$", "€", "£",
            "usd", "eur", "gbp", "cad", "aud", "nzd", "nok", "sek", "dkk", "chf", "jpy", "pln",  # ('EUR 611 million')
            "krona", "kronor", "kronur", "krónur", "rupee", "rouble", "ruble", "yuan", "renminbi", "shekel", "lira",
            "dinar", "riyal", "dirham"}
MILITARY_MONEY = re.compile(r"\b(military|defen[cs]e|security assistance|weapon|arm|drone|ammunition|missile|"
                            r"NATO|(?:non-)?lethal|"
                            r"air defen[cs]e|troop|armed forces|(?:-led|peacekeeping|security|stabili[sz]ation|"
                            r"multinational|standby|joint|counter-terror(?:ism|ist)|intervention) (?:force|mission)|"
                            r"(?:for|to|support) the (?:force|mission)s?)\b", re.I)  # 'to support the mission' in a
# story of a security mission: its money pays for the force
#: Nouns of a right to a place: what it is a right to says what is given.
ACCESS = {"access", "use", "corridor"}  # ('a corridor of its airspace')
#: Nouns of an amount whose 'of' names what is counted ('thousands of rounds of ammunition').
AMOUNTS = {"ten", "tens", "hundred", "hundreds", "thousand", "thousands", "million", "millions", "dozen", "dozens",
           "round", "consignment", "shipment", "lot", "number"}
#: Nouns of a part of a force: what they are is the force's ('members of the Defence Force').
PARTS_OF = {"member", "element", "unit", "contingent", "team", "party", "group", "batch", "detachment", "rotation",
            "echelon", "wave"}
#: Trades that are forces when a force's name marks them ('Army engineers'), and civilians otherwise.
TRADES = {"engineer", "medic", "deminer", "doctor", "surgeon", "nurse"}
#: Heads of a force's name whose parts are forces ('members of the Republican National Guard').
FORCES = {"force", "army", "military", "guard", "navy", "marines"}
#: Coordinated-list dependents that belong to an asset phrase.
ASSET_DEPS = {"compound", "amod", "nummod", "nmod", "quantmod", "poss"}


#: Bodies of soldiers whose 'of 35 men' counts a force: 'a staff unit of about 35 men', 'a detachment of 40 men'.
FORMATIONS = {"force", "contingent", "unit", "detachment", "battalion", "company", "platoon", "squadron"}

class AssetReader:
    def __init__(self, assets: dict[str, str], ship_prefixes: frozenset[str] = frozenset(),
                 is_force: Callable[[str], bool] = lambda name: False):
        self.assets = assets
        self.ship_prefixes = ship_prefixes
        self.is_force = is_force  # a state's armed forces by name ('SANDF', 'Bundeswehr'), from the gazetteer
        self.pattern = re.compile(r"\b(" + "|".join(re.escape(a) for a in sorted(assets, key=len, reverse=True))
                                  + r")(?:(?<=\d)[a-z]{1,3})?(?:s|es)?(?![a-z])", re.I) if assets else None
        # ('ISR' is not in 'Israeli'; a model's variant is the model: 'F-16AMs', 'F-15Cs')

    def read(self, token: Token) -> Optional[dict]:
        """The Asset a noun phrase names ('six Tornado jets' is AIR, 6), or None when it names none."""
        if token.lemma_.lower() in PARTS_OF:  # '2,900 members of the South African National Defence Force'
            whole = next((o for c in token.children if c.dep_ == "prep" and c.lower_ in ("of", "with")
                          for o in c.children if o.dep_ == "pobj"), None)
            asset = self.read(whole) if whole is not None else None
            if whole is not None and asset is None and (whole.lemma_.lower() in FORCES or self._force(whole)):
                asset = {"description": " ".join(w.text for w in token.subtree if w.dep_ != "det"),
                         "category": "GROUND_FORCES", "quantity": None}
            named = [c for c in token.children if c.dep_ == "compound" and c.i < token.i]
            if whole is None and named and (named[-1].lemma_.lower() in FORCES or self.is_force(
                    token.doc[named[0].left_edge.i:token.i].text)):  # 'Maritime Self-Defense Force units'
                asset = {"description": token.doc[named[0].left_edge.i:token.i + 1].text,
                         "category": "GROUND_FORCES", "quantity": None}
            if asset is not None and asset["category"] == "GROUND_FORCES":
                count = next((number(_spelled(w)) for w in token.children if w.dep_ == "nummod"), None)
                return {**asset, "quantity": count if count is not None else asset["quantity"]}
        if token.lemma_.lower() in TRADES:  # '330 Ground Self-Defense Force engineers', 'Bundeswehr medics': a
            named = [c for c in token.children if c.dep_ == "compound" and c.i < token.i]  # force's own
            if named and (named[-1].lemma_.lower() in FORCES or self.is_force(token.doc[named[0].left_edge.i:token.i].text)):
                count = next((number(_spelled(w)) for w in token.children if w.dep_ == "nummod"), None)
                return {"description": token.doc[named[0].left_edge.i:token.i + 1].text, "category": "GROUND_FORCES",
                        "quantity": count}
        if token.lemma_.lower() in AMOUNTS:  # 'tens of thousands of rounds of artillery ammunition': the thing counted
            whole = next((o for c in token.children if c.dep_ == "prep" and c.lower_ == "of"
                          for o in c.children if o.dep_ == "pobj"), None)
            asset = self.read(whole) if whole is not None else None
            if asset is not None:
                return asset
        if token.lemma_.lower() in ACCESS:  # 'access to four additional military sites', 'the use of its ports'
            place = next((o for c in token.children if c.dep_ == "prep" and c.lower_ in ("to", "of")
                          for o in c.children if o.dep_ == "pobj"), None)
            asset = self.read(place) if place is not None else None
            if asset is not None and asset["category"] == "BASING":
                return asset
        phrase = [c for c in token.subtree if c.i <= token.i and (c.i == token.i or c.dep_ in ASSET_DEPS or c.head.dep_ in ASSET_DEPS)]
        words = [w for w in phrase if w.dep_ not in ("det", "poss")]
        text = " ".join(w.text for w in words) if words else token.text
        lemma_text = " ".join(w.lemma_ for w in words)
        category = None
        if self.pattern and not self._first_name(token, words):
            for candidate in (text, _joined(words), lemma_text, token.text, token.lemma_):  # ('SAMP/T', which
                # the tokenizer splits in three)
                m = next(reversed(list(self.pattern.finditer(fold(candidate)))), None)  # the word nearest the
                # head names the thing: 'interceptor vessels' are ships, 'tank ammunition' is ammunition
                if m:
                    category = self.assets.get(m.group(1))
                    break
        if category is None and self._warship(token):  # 'HMS Diamond', 'the frigate BNS Sangram'
            return {"description": _joined(words), "category": "NAVAL", "quantity": None}
        if category is None and (token.ent_type_ == "MONEY" or token.lemma_.lower() in CURRENCY or _credit(token)
                                 or _amount(token)):
            return self._funding(token)
        if category is None and token.lemma_.lower() == "package":  # 'a new package worth 700 million euros',
            # 'a new $225 million package'
            amount = next((m for w in token.children if w.lower_ == "worth" or w.i < token.i for m in w.subtree
                           if m.ent_type_ == "MONEY" or m.lemma_.lower() in CURRENCY), None)
            return self._funding(amount) if amount is not None else None
        if category is None:
            return None
        quantity = None
        for w in phrase:
            if _model_number(w):
                continue  # a model's number, not a count: 'Dornier 228', 'Challenger 2', 'Leopard 2'
            if w.dep_ == "nummod" or w.like_num:
                quantity = number(_spelled(w))
                if quantity is not None:
                    break
        if category == "FUNDING":  # '$400 million security assistance package': an amount, not a count
            return {"description": _joined(words) or token.text, "category": category, "quantity": None}
        if any(w.ent_type_ == "MONEY" for w in words):  # 'a $1.2 billion arms package': keep the amount
            return {"description": _joined(words), "category": category, "quantity": None}
        counts = {w.i for w in words if (w.dep_ == "nummod" or w.like_num) and not _model_number(w)}
        counts |= {w.i for w in words if w.text == "-" and w.i - 1 in counts}  # 'Forty-two'
        description = _joined([w for w in words if w.i not in counts]) or token.text
        if token.lower_ == "men" and (quantity or 0) < 50 and not any(w.lemma_.lower() in FORMATIONS
                                                                      for w in token.ancestors):
            return None  # 'The two men had arrived in Malta': people, not a force ('700 men', 'a force of 20,000 men',
            # 'a staff unit of about 35 men')
        return {"description": description, "category": category, "quantity": quantity}

    def _first_name(self, token: Token, words: list[Token]) -> bool:
        """'Zuzana Čaputová' is the president, though a Zuzana is a howitzer: the only asset word is a person's first
        name (but 'the frigate Hydra' is a ship whose class the phrase names outside the name)."""
        if token.ent_type_ != "PERSON" or self.pattern.search(fold(token.text)):
            return False
        start = token.i
        while start > 0 and token.doc[start].ent_iob_ == "I":
            start -= 1
        name = token.doc[start:token.i + 1]
        if any(m.end() == len(fold(name.text)) for m in self.pattern.finditer(fold(name.text))):
            return False  # 'two Guardian-class Patrol Boats', the asset's words capitalised and tagged a name
        return all(w.is_alpha and w.is_title for w in name) and not any(
            self.pattern.search(fold(w.text)) for w in words if w.i < start)  # (not 'C-17 Globemaster III')

    def _force(self, token: Token) -> bool:
        """'the SANDF', 'the Kenya Defence Forces': a name the gazetteer knows as a state's armed forces."""
        name = [w for w in token.subtree if w.i <= token.i and w.dep_ not in ("det", "poss")]
        return self.is_force(" ".join(w.text for w in name)) or self.is_force(
            " ".join(w.text for w in name if w.dep_ != "amod"))

    def _warship(self, token: Token) -> bool:
        """A name after a navy's prefix: 'HMS Diamond', 'USS Gerald R. Ford' (the prefix may head the name)."""
        return token.pos_ == "PROPN" and (token.text in self.ship_prefixes or any(
            c.text in self.ship_prefixes for c in token.children if c.dep_ == "compound" and c.i < token.i))

    def _funding(self, token: Token) -> Optional[dict]:
        """Money is a military contribution only when the text says what military end it serves."""
        sub = " ".join(w.text for w in token.subtree)
        around = " ".join(w.lemma_ for w in token.sent)
        military = self.pattern.search(fold(sub)) if self.pattern else None
        if not military and not MILITARY_MONEY.search(around) and not MILITARY_MONEY.search(token.sent.text):
            return None
        if SHORT_AMOUNT.fullmatch(token.lower_):  # '€1bn (£830m)': the amount as written first
            sign = token.doc[token.i - 1].text if token.i > 0 and token.doc[token.i - 1].text in CURRENCY else ""
            return {"description": sign + token.text, "category": "FUNDING", "quantity": None}
        if token.lower_ in SHORT_SCALES and token.i > 0 and token.doc[token.i - 1].like_num:  # '$500m'
            start = token.i - 2 if token.i > 1 and token.doc[token.i - 2].text in CURRENCY else token.i - 1
            return {"description": token.doc[start:token.i + 1].text, "category": "FUNDING", "quantity": None}
        money = [w for w in token.subtree if w.ent_type_ == "MONEY" or w.i == token.i or w.like_num]
        start, end = min(w.i for w in money), max(w.i for w in money)
        description = sub if military else token.doc[start:end + 1].text  # '$400 million in military aid'
        return {"description": description, "category": "FUNDING", "quantity": None}


def _amount(token: Token) -> bool:
    """'an additional $9 billion', '€1bn', 'an extra £500m': an amount the tagger did not mark as money."""
    if SHORT_AMOUNT.fullmatch(token.lower_):  # '€1bn', the sign parsed as the amount's modifier or before it
        return any(c.lemma_.lower() in CURRENCY for c in token.children) or (
            token.i > 0 and token.doc[token.i - 1].text in CURRENCY)
    if token.lower_ in SHORT_SCALES and token.i > 0 and token.doc[token.i - 1].like_num:  # '$500m' read as '$',
        return any(w.lemma_.lower() in CURRENCY for w in token.subtree) or (  # '500' and 'm'
            token.i > 1 and token.doc[token.i - 2].text in CURRENCY)
    return token.lemma_.lower() in ("million", "billion", "trillion") and any(
        c.lemma_.lower() in CURRENCY for c in token.children)


#: An amount written short, as British and Irish papers do: '1bn', '2.5bn', '500m', '40mn'.
SHORT_AMOUNT = re.compile(r"\d+(?:\.\d+)?(?:bn|m|mn|b)")
#: The same scale split from its number by the tokenizer ('$500m' read as '$', '500', 'm').
SHORT_SCALES = {"m", "mn", "bn", "b"}


def _credit(token: Token) -> bool:
    """'a $500 million line of credit', 'a loan': money lent, military only when the text says so."""
    if token.lemma_.lower() == "credit" and "line" in (token.head.lemma_.lower(), token.head.head.lemma_.lower()):
        return False  # read once, as the line
    return token.lemma_.lower() in ("loan", "credit", "grant") or (
        token.lemma_.lower() == "line" and any(w.lower_ == "credit" for w in token.subtree))


def _model_number(w: Token) -> bool:
    return w.like_num and w.i > 0 and w.doc[w.i - 1].pos_ == "PROPN" and w.doc[w.i - 1].is_title


def _joined(words: list[Token]) -> str:
    """Words as the text spaced them ('Self-Defense Force', not 'Self - Defense Force')."""
    return "".join(w.text + (w.whitespace_ if k + 1 < len(words) and words[k + 1].i == w.i + 1 else " ")
                   for k, w in enumerate(words)).strip()


def _spelled(w: Token) -> str:
    """'Forty-two', which the tokenizer splits in three; '2 900', thousands set apart by a space."""
    doc = w.doc
    if w.i + 2 < len(doc) and doc[w.i + 1].text == "-" and doc[w.i + 2].lower_ in NUMBER_WORDS:
        return doc[w.i:w.i + 3].text
    start = w.i
    while doc[start].text.isdigit() and len(doc[start].text) == 3 and start > 0 and doc[start - 1].text.isdigit() \
            and len(doc[start - 1].text) <= 3 and doc[start - 1].whitespace_ == " ":
        start -= 1
    w, end = doc[start], start
    while w.text.isdigit() and len(w.text) <= 3 and end + 1 < len(doc) and doc[end + 1].text.isdigit() \
            and len(doc[end + 1].text) == 3 and doc[end].whitespace_ == " ":
        end += 1
    return "".join(t.text for t in doc[start:end + 1])


def number(text: str) -> Optional[int]:
    """'1,400', 'six', 'Forty-two'."""
    t = text.lower().replace(",", "")
    if t.isdigit():
        return int(t)
    tens, _, unit = t.partition("-")
    if unit and NUMBER_WORDS.get(tens) and (NUMBER_WORDS.get(unit) or 0) < 10:
        return NUMBER_WORDS[tens] + NUMBER_WORDS[unit]
    return NUMBER_WORDS.get(t)
