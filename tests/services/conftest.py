"""Fixtures shared by the service tests."""

from __future__ import annotations

import pytest

from seoro.services.database import Database
from tests.services.pipeline_rows import Held, held_day


@pytest.fixture
def held(db: Database) -> Held:
    """An event day whose meetings were held (tests/services/pipeline_rows.py)."""
    return held_day(db)
