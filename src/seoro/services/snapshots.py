"""Read models built once per data version in each process: what many page views read and few
writes change (an event's whole day, the directory summary, the taxonomy).

Every unit of work that changed data raises the data version as it commits (``Database.unit``;
writes only to tables no model reads, such as a job's progress or the audit log, do not), so a model
built at the current version is exactly what a fresh read would give. Readers check the version (one
primary-key read) and rebuild only when it moved; while one thread rebuilds a model, the others
asking for it wait for that build instead of starting their own. Models are shared between threads:
callers must not change them.
"""

from __future__ import annotations

import threading
import weakref
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

from sqlalchemy import Engine

from seoro.services.database import Database, Unit

T = TypeVar("T")
KEEP = 64  # models per database; an event's day is a few hundred kilobytes

_models: weakref.WeakKeyDictionary[Engine, OrderedDict[Hashable, tuple[int, Any]]] = weakref.WeakKeyDictionary()
_locks: dict[Hashable, threading.Lock] = {}
_guard = threading.Lock()


def read_model(db: Database, key: Hashable, build: Callable[[Unit], T]) -> T:
    """``build(unit)`` as of the current data version, reusing the one built at that version."""
    with db.reading() as unit:
        return cached(unit, key, build)


def cached(unit: Unit, key: Hashable, build: Callable[[Unit], T], *, version: int | None = None) -> T:
    """:func:`read_model` inside a reading unit the caller holds (to read something else with it).
    ``version``: a narrower version than the data version, for a model costly enough to keep across
    changes that do not touch it (it must rise whenever something the model reads changes)."""
    engine = unit.conn.engine
    version = unit.changes.version() if version is None else version
    found = _lookup(engine, key, version)
    if found is not None:
        return found[1]  # type: ignore[no-any-return]
    with _lock(key):
        found = _lookup(engine, key, version)  # built by the thread we waited for
        if found is not None:
            return found[1]  # type: ignore[no-any-return]
        value = build(unit)
        _store(engine, key, version, value)
        return value


def _lookup(engine: Engine, key: Hashable, version: int) -> tuple[int, Any] | None:
    with _guard:
        models = _models.get(engine)
        hit = models.get(key) if models is not None else None
        if hit is None or hit[0] < version:
            return None
        models.move_to_end(key)  # type: ignore[union-attr]
        return hit


def _store(engine: Engine, key: Hashable, version: int, value: object) -> None:
    with _guard:
        models = _models.setdefault(engine, OrderedDict())
        if key not in models or models[key][0] <= version:
            models[key] = (version, value)
        while len(models) > KEEP:
            models.popitem(last=False)


def _lock(key: Hashable) -> threading.Lock:
    with _guard:
        return _locks.setdefault(key, threading.Lock())
