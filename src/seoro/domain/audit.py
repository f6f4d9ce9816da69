"""The audit trail: who changed what, when, from which value to which."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, is_dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any


class Action(StrEnum):
    CREATE = "create"
    UPDATE = "update"
    DELETE = "delete"
    MERGE = "merge"


@dataclass(frozen=True)
class AuditEntry:
    at: datetime
    actor: str
    action: Action
    entity: str
    entity_id: int
    changes: dict[str, Any] = field(default_factory=dict)
    source: str = ""


def _plain(obj: object) -> dict[str, Any]:
    if obj is None:
        return {}
    if not is_dataclass(obj) or isinstance(obj, type):
        raise TypeError(f"not a dataclass instance: {obj!r}")
    data = asdict(obj)
    data.pop("id", None)
    return data


def diff(before: object, after: object) -> dict[str, list[Any]]:
    """``{field: [old, new]}`` for every top-level field whose value changed (``before`` may be None)."""
    old, new = _plain(before), _plain(after)
    return {k: [old.get(k), v] for k, v in new.items() if old.get(k) != v}
