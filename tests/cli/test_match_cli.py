"""``seoro match`` the other way: an overseas expert or an organisation looking for partners."""

from __future__ import annotations

import json

import pytest

from seoro.services.database import Database
from tests.cli.test_cli import seoro

pytestmark = pytest.mark.e2e


def test_an_expert_finds_korean_needs_and_one_record_is_required(database_url: str) -> None:
    assert seoro(database_url, "demo").returncode == 0
    db = Database.open(database_url)
    with db.reading() as unit:
        expert = next(e for e in unit.experts.find() if e.name.en == "Dahye Hwang")
    db.close()
    printed = seoro(database_url, "match", "--expert", str(expert.id), "--top", "3", "--kind", "need", "--json")
    assert printed.returncode == 0, printed.stderr
    titles = [m["name"] for m in json.loads(printed.stdout)["matches"]]
    assert "수소연료전지 스택 내구성 향상 기술" in titles[0]
    neither = seoro(database_url, "match", lang="en")
    assert neither.returncode == 1 and "Give exactly one of PROFILE, --expert or --organisation." in neither.stderr
    both = seoro(database_url, "match", "1", "--expert", str(expert.id))
    assert both.returncode == 1 and "하나만" in both.stderr
