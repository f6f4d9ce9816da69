import pytest

from seoro.domain.directory import Organisation
from seoro.domain.text import BilingualText
from seoro.domain.vocab import OrgKind
from seoro.services.database import Database
from seoro.services.demo import load_demo
from seoro.services.directory import merge_organisations, summarise
from seoro.storage.agreements import AgreementFilter
from tests.helpers import dump

pytestmark = pytest.mark.integration


def test_demo_loads_once_and_then_changes_nothing(db: Database) -> None:
    first = load_demo(db, actor="tester")
    assert first.report.counts() == {
        ("organisation", "created"): 83,
        ("expert", "created"): 100,
        ("publication", "created"): 302,
        ("profile", "created"): 70,
    }
    assert (first.fields_added, first.focus_sets_changed, first.agreements) == (15, 7, {"created": 3})
    before = dump(db.engine)
    again = load_demo(db, actor="tester")
    assert set(again.report.counts()) == {
        ("organisation", "unchanged"),
        ("expert", "unchanged"),
        ("publication", "unchanged"),
        ("profile", "unchanged"),
    }
    assert (again.fields_added, again.focus_sets_changed, again.agreements) == (0, 0, {"unchanged": 3})
    assert dump(db.engine) == before


def test_demo_summary(demo_db: Database) -> None:
    s = summarise(demo_db)
    # agreements: the three of 2025, and six the demo's leads reached in 2026
    assert (s.experts, s.publications, s.agreements, s.custom_fields, s.focus_sets) == (100, 302, 9, 15, 7)
    assert s.profiles["need"] == 44
    assert s.organisations["chapter"] == 6


def test_merge_moves_every_reference(demo_db: Database) -> None:
    with demo_db.unit("tester") as unit:
        [akcse] = unit.organisations.ids_by_name(["AKCSE"])
        members = {e.id for e in unit.experts.find() if akcse in e.memberships}
        chapters = unit.organisations.children_ids(akcse)
        dup = unit.organisations.save(
            Organisation(
                OrgKind.ASSOCIATION,
                BilingualText(en="Assoc. of Korean-Canadian Scientists & Engineers (duplicate)"),
                country="CA",
            )
        )
    kept = merge_organisations(demo_db, keep=dup, drop=akcse, actor="tester")
    assert "AKCSE" in kept.aliases
    with demo_db.unit("tester") as unit:
        assert unit.organisations.ids_by_name(["AKCSE"]) == {dup}
        assert {e.id for e in unit.experts.find() if dup in e.memberships} == members
        assert unit.organisations.children_ids(dup) == chapters
        assert len(unit.agreements.find(AgreementFilter(dup))) == 1
        assert [e.action.value for e in unit.audit.history("organisation", akcse)][0] == "delete"
