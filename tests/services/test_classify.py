"""Field classification of stored records, staff decisions and field filters, on SQLite and PostgreSQL."""

import pytest
from sqlalchemy import func, select

from seoro.domain.directory import Expert, Organisation, Profile
from seoro.domain.text import BilingualText
from seoro.domain.vocab import OrgKind, ProfileKind
from seoro.services.browse import Query, find_experts, find_profiles
from seoro.services.classify import (
    DEFAULT_THRESHOLD,
    classify_records,
    classify_text,
    confirm,
    correct,
    effective_fields,
    reject,
    stored_suggestions,
)
from seoro.services.database import Database
from seoro.storage import tables as t

pytestmark = pytest.mark.integration

LABELLED = [
    ("Fuel cell lab", "PEM fuel cell stacks, catalyst layers and membrane durability", "S07.03"),
    ("Battery lab", "Sulfide solid electrolytes for all-solid-state batteries", "S02.02"),
    ("Qubit lab", "Superconducting qubits and quantum error correction", "S12.01"),
    ("Rocket lab", "Liquid rocket engines and reusable launch vehicles", "S06.01"),
]
TANKS = "Liquid hydrogen storage tanks and cryogenic insulation for ships and trucks"


def _directory(db: Database) -> tuple[int, int]:
    """Four labelled experts, one imported without field codes, and an unlabelled need; (expert, profile) ids."""
    with db.unit("tester", "test") as unit:
        org = Organisation(OrgKind.UNIVERSITY, BilingualText("한빛대학교", "Hanbit University"), country="KR")
        org_id = unit.organisations.save(org)
        for name, text, field in LABELLED:
            unit.experts.save(Expert(BilingualText(en=name), expertise=BilingualText(en=text), fields=[field]))
        expert = unit.experts.save(Expert(BilingualText("김수소", "Suso Kim"), expertise=BilingualText(en=TANKS)))
        need = Profile(
            ProfileKind.NEED,
            BilingualText(en="Control electronics for superconducting qubit processors"),
            organisation_id=org_id,
        )
        profile = unit.profiles.save(need)
    return expert, profile


def _rows(db: Database) -> int:
    with db.engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(t.field_suggestions)).scalar_one())


def test_unlabelled_records_get_suggestions_that_are_stored_once(db: Database) -> None:
    expert, profile = _directory(db)
    report = classify_records(db, save=True, actor="tester")
    assert sorted(r.key for r in report.results) == [f"expert:{expert}", "organisation:1", f"profile:{profile}"]
    by_key = {r.key: r for r in report.results}
    tanks = by_key[f"expert:{expert}"].suggestions
    assert tanks[0].code == "S07.02"
    assert tanks[0].confidence >= DEFAULT_THRESHOLD
    assert by_key[f"profile:{profile}"].suggestions[0].code == "S12.01"
    stored = _rows(db)
    assert stored == report.saved > 0
    again = classify_records(db, save=True, actor="tester")
    assert (again.saved, _rows(db)) == (0, stored)
    assert [s for s in stored_suggestions(db, kind="expert", id_=expert) if s[0] == "S07.02"][0][2] == "suggested"


def test_confirm_writes_the_field_with_history_and_the_record_leaves_effective_fields(db: Database) -> None:
    expert, _ = _directory(db)
    classify_records(db, kinds=("expert",), save=True, actor="tester")
    with db.reading() as unit:
        assert effective_fields(unit)[f"expert:{expert}"][0] == "S07.02"
    assert confirm(db, kind="experts", id_=expert, field="S07.02", actor="staff") == "S07.02"
    with db.reading() as unit:
        assert unit.experts.get(expert).fields == ["S07.02"]
        assert f"expert:{expert}" not in effective_fields(unit)
        entry = unit.audit.history("expert", expert, 1)[0]
    assert (entry.actor, entry.source) == ("staff", "classify confirm")
    assert entry.changes == {"fields": [[], ["S07.02"]], "field_confirmed": [None, "S07.02"]}
    decided = [s for s in stored_suggestions(db, kind="expert", id_=expert) if s[0] == "S07.02"]
    assert decided == [("S07.02", decided[0][1], "confirmed", "staff")]
    # A labelled record is classified only when asked for, and a confirmed row is never overwritten.
    assert classify_records(db, kinds=("expert",), ids={expert}, save=True, actor="tester").results == []
    checked = classify_records(db, kinds=("expert",), ids={expert}, include_labelled=True, save=True, actor="t")
    assert checked.results[0].fields == ("S07.02",)
    assert [s for s in stored_suggestions(db, kind="expert", id_=expert) if s[0] == "S07.02"] == decided


def test_rejected_field_is_kept_and_never_suggested_again(db: Database) -> None:
    expert, _ = _directory(db)
    classify_records(db, kinds=("expert",), save=True, actor="tester")
    reject(db, kind="expert", id_=expert, field="수소", actor="staff")  # the whole strategic technology, by label
    again = classify_records(db, kinds=("expert",), save=True, actor="tester").results[0].suggestions
    assert again and not [s.code for s in again if s.code == "S07" or s.code.startswith("S07.")]
    statuses = {s[0]: s[2] for s in stored_suggestions(db, kind="expert", id_=expert)}
    assert statuses["S07"] == "rejected"
    assert "S07.02" not in statuses  # an open suggestion under a rejected field is dropped on the re-run


def test_correction_sets_staff_field_and_rejects_the_open_suggestions(db: Database) -> None:
    expert, _ = _directory(db)
    classify_records(db, kinds=("expert",), save=True, actor="tester")
    open_before = [s[0] for s in stored_suggestions(db, kind="expert", id_=expert)]
    correct(db, kind="expert", id_=expert, field="S06.05", actor="staff")
    stored = {s[0]: (s[2], s[3]) for s in stored_suggestions(db, kind="expert", id_=expert)}
    assert stored["S06.05"] == ("confirmed", "staff")
    assert {code: stored[code] for code in open_before if code != "S06.05"} == {
        code: ("rejected", "staff") for code in open_before if code != "S06.05"
    }
    with db.reading() as unit:
        assert unit.experts.get(expert).fields == ["S06.05"]
    classify_records(db, kinds=("expert",), include_labelled=True, save=True, actor="tester")
    assert {s[0]: (s[2], s[3]) for s in stored_suggestions(db, kind="expert", id_=expert)} == stored


def test_field_filters_find_unlabelled_records_through_their_suggestions(db: Database) -> None:
    expert, profile = _directory(db)
    assert find_experts(db, Query(fields=("수소",))).total == 1  # the labelled fuel-cell expert only
    classify_records(db, save=True, actor="tester")
    page = find_experts(db, Query(fields=("수소",)))
    assert sorted(e.id for e in page.items if e.id is not None) == [1, expert]
    assert page.total == 2
    confident = [s for s in stored_suggestions(db, kind="profile", id_=profile) if s[1] >= DEFAULT_THRESHOLD]
    found = [p.id for p in find_profiles(db, Query(fields=("S12",))).items]
    assert found == ([profile] if any(s[0].startswith("S12") for s in confident) else [])
    reject(db, kind="expert", id_=expert, field="S07.02", actor="staff")
    remaining = {s[0] for s in stored_suggestions(db, kind="expert", id_=expert) if s[2] == "suggested"}
    hydrogen = {c for c in remaining if c.startswith("S07")}
    assert (find_experts(db, Query(fields=("수소",))).total == 2) == bool(hydrogen)


def test_any_text_is_classified_against_the_directory(db: Database) -> None:
    _directory(db)
    assert classify_text(db, "영하 253도 액화수소 저장탱크의 단열 설계", top=1)[0].code == "S07.02"


def test_matching_uses_suggested_fields_of_records_imported_without_codes(db: Database) -> None:
    from seoro.services.matching import build_engine, match_record

    expert, profile = _directory(db)
    before = {c.key: c.fields for c in build_engine(db).candidates}
    assert before[f"expert:{expert}"] == ()
    classify_records(db, save=True, actor="tester")
    engine = build_engine(db)
    fields = {c.key: c.fields for c in engine.candidates}
    assert fields[f"expert:{expert}"][0] == "S07.02"  # suggested, so field matching and filters see it
    assert fields["expert:1"] == ("S07.03",)  # staff's own codes are left as they are
    hydrogen = match_record(db, key=f"profile:{profile}", top=5, fields=("S07",), engine=engine)
    assert f"expert:{expert}" in {m.candidate.key for m in hydrogen.matches}
    reject(db, kind="expert", id_=expert, field="S07.02", actor="tester")
    assert "S07.02" not in {c.key: c.fields for c in build_engine(db).candidates}[f"expert:{expert}"]
