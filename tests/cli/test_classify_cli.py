"""``seoro classify`` end to end: a real process and database (SQLite and PostgreSQL)."""

import json
from pathlib import Path

import pytest

from seoro.services.database import Database
from tests.cli.test_cli import rows, seoro

pytestmark = pytest.mark.e2e


def test_classify_an_imported_expert_then_confirm_and_filter(database_url: str, tmp_path: Path) -> None:
    experts = tmp_path / "experts.csv"
    experts.write_text(
        "이름,이메일,국가,전문분야\n"
        "김수소,suso@example.com,대한민국,Liquid hydrogen storage tanks and cryogenic insulation for ships\n",
        encoding="utf-8",
    )
    assert seoro(database_url, "import", str(experts)).returncode == 0
    shown = seoro(database_url, "classify", "experts", "--top", "1", "--save", lang="en")
    assert shown.returncode == 0, shown.stderr
    table = rows(shown.stdout)
    assert [r[0] for r in table if r[0]] == ["expert:1"]
    assert table[0][3] == "S07.02"
    assert "suggestion(s) stored" in shown.stdout
    as_json = json.loads(seoro(database_url, "classify", "experts", "--json").stdout)
    assert as_json[0]["suggestions"][0]["code"] == "S07.02"
    listed = seoro(database_url, "list", "experts", "--field", "수소")
    assert "김수소" in listed.stdout
    confirmed = seoro(database_url, "classify", "confirm", "expert", "1", "S07.02")
    assert confirmed.returncode == 0
    assert "S07.02" in confirmed.stdout
    db = Database.open(database_url)
    with db.reading() as unit:
        assert unit.experts.get(1).fields == ["S07.02"]
    db.close()
    assert seoro(database_url, "classify", "reject", "expert", "1", "S03").returncode == 0
    bad = seoro(database_url, "classify", "confirm", "planet", "1", "S07", lang="en")
    assert bad.returncode == 1
    assert "'planet' is not one of" in bad.stderr
