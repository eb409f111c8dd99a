"""Merging a new report into a known event: what grows, what is filled in, and when nothing changed."""
from __future__ import annotations

import copy
from typing import Optional

from pipeline.dedup.keys import actor_key, fold, headline_only

#: Each further independent outlet closes this share of the remaining doubt about an event.
CORROBORATION = 0.35


def _mention_id(m: dict) -> tuple:
    return (m["article_id"], m["source"], m["char_start"])


def _richer(a: Optional[dict], b: Optional[dict]) -> Optional[dict]:
    """The actor description that says more (a role and a code beat a bare name)."""
    if not a:
        return b
    if not b:
        return a
    score = lambda x: (bool(x.get("role")), bool(x.get("country")), bool(x.get("actor_code")), len(x["name"]))
    return b if score(b) > score(a) else a


def _union_actors(known: list[dict], new: list[dict]) -> list[dict]:
    merged = {actor_key(a): a for a in known}
    for actor in new:
        key = actor_key(actor)
        merged[key] = _richer(merged.get(key), actor)
    people = {a.get("country") for a in merged.values() if a.get("role")}
    # 'a visit to Moscow' names Russia; once Putin is named, Russia is him
    kept = [a for a in merged.values() if a.get("role") or a.get("country") not in people]
    return sorted(kept, key=lambda a: actor_key(a))


def _union_assets(known: list[dict], new: list[dict]) -> list[dict]:
    seen = {(a["category"], fold(a["description"])): a for a in known}
    for asset in new:
        key = (asset["category"], fold(asset["description"]))
        if key not in seen:
            seen[key] = asset
        elif seen[key].get("quantity") is None and asset.get("quantity") is not None:
            seen[key] = asset
    return list(seen.values())


def _date_rank(event: dict) -> int:
    """A date read from the text beats the publication-date fallback, a date its own sentence writes beats one
    carried over from the story around it, and an explicit one beats a relative one."""
    basis = event.get("date_basis") or "DATELINE"
    written = basis != "DATELINE" and bool(event.get("date_text"))
    return {"DATELINE": 0, "RELATIVE": 1, "EXPLICIT": 2}[basis] * 2 + written


def _better_date(known: dict, new: dict) -> dict:
    if new.get("date") and _date_rank(new) > _date_rank(known):
        return {"date": new["date"], "date_text": new.get("date_text"), "date_basis": new["date_basis"]}
    return {}


def new_event(candidate: dict, event_id: str) -> dict:
    event = copy.deepcopy(candidate)
    published = [m["published_at"] for m in event["mentions"]]
    event.update(
        event_id=event_id,
        version=1,
        num_sources=len({m["source"] for m in event["mentions"]}),
        first_seen_at=min(published),
        updated_at=max(published),
    )
    return event


def merge(known: dict, new: dict) -> Optional[dict]:
    """The next version of ``known`` with ``new`` folded in, or None when ``new`` adds nothing."""
    have = {_mention_id(m) for m in known["mentions"]}
    fresh = [m for m in new["mentions"] if _mention_id(m) not in have]
    if not fresh:
        return None
    merged = copy.deepcopy(known)
    merged["mentions"] = known["mentions"] + fresh
    if known["event_type"] == "meeting":
        merged["participants"] = _union_actors(known["participants"], new["participants"])
        merged["host"] = known.get("host") or new.get("host")
    else:
        merged["contributor"] = _richer(known["contributor"], new["contributor"])
        merged["recipient"] = known.get("recipient") or new.get("recipient")
        merged["requested_by"] = known.get("requested_by") or new.get("requested_by")
        merged["purpose"] = known.get("purpose") or new.get("purpose")
        merged["assets"] = _union_assets(known["assets"], new["assets"])
        if known["status"] == "ANNOUNCED" and new["status"] in ("PLEDGED", "OFFERED") or headline_only(known):
            merged["status"] = new["status"]  # one outlet's 'will send' is another's 'pledged': the precise word
            # wins; the story's own stage wins over its headline's
    merged["location"] = known.get("location") or new.get("location")
    merged.update(_better_date(known, new))
    sources = {m["source"] for m in merged["mentions"]}
    best = max(known["confidence"], new["confidence"])
    merged["confidence"] = round(1 - (1 - best) * (1 - CORROBORATION) ** (len(sources) - 1), 4)
    merged["num_sources"] = len(sources)
    published = [m["published_at"] for m in merged["mentions"]]
    merged["first_seen_at"] = min(published)
    merged["updated_at"] = max(m["published_at"] for m in fresh)
    merged["version"] = known["version"] + 1
    return merged


def link(event: dict, other_id: str) -> Optional[dict]:
    """The next version of ``event`` that names ``other_id`` among its related events (None if it does)."""
    if other_id in event.get("related_event_ids", []):
        return None
    linked = copy.deepcopy(event)
    linked["related_event_ids"] = sorted(set(event.get("related_event_ids", [])) | {other_id})
    linked["version"] = event["version"] + 1
    return linked
