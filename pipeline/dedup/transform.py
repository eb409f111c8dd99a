"""Deduplicate: one canonical event per real-world event, emitted as versioned upserts.

State is a stateful DoFn with no timers (timers misfire on the local runner downstream of a Kafka SDF).
Each state cell holds the events of one partition key (see keys.partition_key), pruned to a retention
window of event time so the state stays bounded: an event whose date is more than ``retention_days``
older than the newest event date seen in its cell can no longer be joined, and is dropped from state.
A pruned event's id keeps its last version, so a late report of it continues at version n+1. A bounded run (file mode, --bounded backfills, in any order) keeps everything: pruning by the newest date seen would
forget events that older articles, read later, still report. On a cluster runner, checkpointed state survives restarts; locally, a restart seeds each cell from the
latest versions found on the compacted event topics (``restore``), so versions keep growing.
"""
from __future__ import annotations

import datetime as dt
import logging
from typing import Callable, Iterable, Optional

import apache_beam as beam
from apache_beam.coders import PickleCoder
from apache_beam.metrics import Metrics
from apache_beam.transforms.userstate import ReadModifyWriteStateSpec

from pipeline.dedup import keys
from pipeline.dedup.merge import link, merge, new_event

log = logging.getLogger(__name__)

#: A callable giving the latest known versions of events at start (e.g. read from the event topics).
Restore = Callable[[], Iterable[dict]]


class _DedupFn(beam.DoFn):
    EVENTS = ReadModifyWriteStateSpec("events", PickleCoder())

    def __init__(self, retention_days: Optional[float], restore: Optional[Restore] = None):
        self._retention = dt.timedelta(days=retention_days) if retention_days else None
        self._restore = restore
        self.new_events = Metrics.counter("dateline", "dedup_new_events")
        self.hits = Metrics.counter("dateline", "dedup_hits")
        self.replays = Metrics.counter("dateline", "dedup_replays")

    def setup(self):
        self._restored: Optional[dict[str, dict[str, dict]]] = None

    def _restored_cell(self, key: str) -> dict[str, dict]:
        if self._restored is None:
            self._restored = {}
            if self._restore is not None:
                for event in self._restore():
                    cell = self._restored.setdefault(keys.partition_key(event), {})
                    if event["event_id"] not in cell or cell[event["event_id"]]["version"] < event["version"]:
                        cell[event["event_id"]] = event
                log.info("deduplication state restored: %d events", sum(map(len, self._restored.values())))
        return self._restored.pop(key, {})

    def process(self, element, state=beam.DoFn.StateParam(EVENTS)):
        key, candidate = element
        cell = state.read()
        if cell is None:
            cell = self._restored_cell(key)
            state.write(cell)  # the snapshot is handed out once: keep it even if nothing changes now
        changed, outcome = upsert(cell, candidate)
        {"new": self.new_events, "merged": self.hits, "replay": self.replays}[outcome].inc()
        if not changed:
            return
        state.write(_prune(cell, self._retention))
        yield from changed


def upsert(cell: dict[str, dict], candidate: dict) -> tuple[list[dict], str]:
    """Folds a candidate into one state cell: (new versions to emit, 'new' | 'merged' | 'replay').

    A new event is linked both ways to the events of the cell that are its other stages (the planned
    meeting it fulfils, the pledge its approval follows), so those get a new version too."""
    match = next((e for e in events_of(cell) if keys.same_event(e, candidate)), None)
    if match is None:
        event = new_event(candidate, keys.event_id(candidate))
        n = 0
        while event["event_id"] in cell:  # same canonical key, but the rules said apart: keep both
            n += 1
            event["event_id"] = keys.event_id({**candidate, "date": f"{candidate.get('date')}#{n}"})
        if event["event_id"] in cell.get(PRUNED, {}):  # reported again after it left state
            event["version"] = cell[PRUNED].pop(event["event_id"]) + 1
        changed = [event]
        for other in events_of(cell):
            if keys.related(other, event):
                event["related_event_ids"] = sorted(set(event["related_event_ids"]) | {other["event_id"]})
                linked = link(other, event["event_id"])
                if linked is not None:
                    cell[linked["event_id"]] = linked
                    changed.append(linked)
        cell[event["event_id"]] = event
        return changed, "new"
    event = merge(match, candidate)
    if event is None:
        return _relinked(cell, match), "replay"
    cell[event["event_id"]] = event
    return [event], "merged"


def _relinked(cell: dict[str, dict], event: dict) -> list[dict]:
    """A replayed report finds its event linked to another stage that is not linked back: the job was
    killed after writing the new event and before writing the other's link. The link is written now, so a
    restart ends as a clean run does; in a clean run there is nothing to mend."""
    changed = []
    for other_id in event.get("related_event_ids", []):
        other = cell.get(other_id)
        linked = link(other, event["event_id"]) if other is not None and other_id != PRUNED else None
        if linked is not None:
            cell[other_id] = linked
            changed.append(linked)
    return changed


def deduplicate(candidates: Iterable[dict]) -> list[dict]:
    """The same rules outside Beam (evaluation, benchmark): the final version of every event."""
    cells: dict[str, dict[str, dict]] = {}
    for candidate in candidates:
        upsert(cells.setdefault(keys.partition_key(candidate), {}), candidate)
    return [e for cell in cells.values() for e in events_of(cell)]


#: Reserved key of a state cell: ids of events pruned from it, with their last version.
PRUNED = "__pruned__"
#: Pruned ids remembered per cell; beyond this the oldest are forgotten (ints only: a few MB at most).
MAX_PRUNED = 100_000


def events_of(cell: dict) -> list[dict]:
    return [e for k, e in cell.items() if k != PRUNED]


def _prune(cell: dict, retention: Optional[dt.timedelta]) -> dict:
    """Drops events neither dated nor mentioned within ``retention`` of the newest mention in the cell.

    The clock is publication time, not event dates (a meeting planned for next year must not push the
    horizon). A pruned id keeps its last version, so a late report starts at version n+1, never 1.
    """
    if retention is None:
        return cell
    events = events_of(cell)
    if not events:
        return cell
    horizon = max(e["updated_at"] for e in events).date() - retention
    kept: dict = {}
    pruned = dict(cell.get(PRUNED, {}))
    for e in events:
        last = max(d for d in (e.get("date"), e["updated_at"].date()) if d)
        if last >= horizon:
            kept[e["event_id"]] = e
        else:
            pruned[e["event_id"]] = e["version"]
    if len(pruned) > MAX_PRUNED:
        pruned = dict(list(pruned.items())[-MAX_PRUNED:])
    if pruned:
        kept[PRUNED] = pruned
    return kept


class Deduplicate(beam.PTransform):
    """Candidate events (one mention each) in, versioned canonical events out."""

    def __init__(self, retention_days: Optional[float] = 14.0, restore: Optional[Restore] = None):
        super().__init__()
        self._fn = _DedupFn(retention_days, restore)

    def expand(self, candidates):
        return (
            candidates
            | "KeyByPartition" >> beam.Map(lambda e: (keys.partition_key(e), e))
            | "MergeIntoCanonical" >> beam.ParDo(self._fn)
        )
