"""Recording agreements (MOUs)."""

from __future__ import annotations

import copy

from seoro.domain.agreements import Agreement
from seoro.domain.audit import Action, diff
from seoro.services.database import Unit


def save_agreement(unit: Unit, agreement: Agreement) -> tuple[int, str]:
    """Create the agreement, or update the one with the same title; returns (id, created|updated|unchanged)."""
    existing_id = unit.agreements.id_by_title(agreement.title)
    before = unit.agreements.get(existing_id) if existing_id is not None else None
    agreement = copy.deepcopy(agreement)
    agreement.id = existing_id
    changed = diff(before, agreement)
    if before is not None and not changed:
        return existing_id or 0, "unchanged"
    new_id = unit.agreements.save(agreement)
    unit.record(Action.UPDATE if before else Action.CREATE, "agreement", new_id, changed)
    return new_id, "updated" if before else "created"
