"""Matching over the demo directory, on SQLite and PostgreSQL."""

import pytest

from seoro.domain.text import has_hangul
from seoro.services.database import Database
from seoro.services.matching import build_engine, match_record, recommend_between

pytestmark = pytest.mark.integration


def test_korean_needs_find_english_experts_in_their_field(demo_db: Database) -> None:
    engine = build_engine(demo_db)
    with demo_db.reading() as unit:
        needs = [p for p in unit.profiles.find() if p.kind.value == "need" and has_hangul(p.title.ko)]
        english = {f"expert:{e.id}" for e in unit.experts.find() if e.expertise.en and not e.expertise.ko}
    assert len(needs) == 44
    found = [match_record(demo_db, key=f"profile:{n.id}", top=3, engine=engine) for n in needs]
    in_field = sum(any(m.explanation.shared_fields or m.explanation.related_fields for m in r.matches) for r in found)
    assert in_field >= 40  # 41 of 44 measured; the misses are custom regional fields no expert is tagged with
    headline = found[0]
    assert headline.title.ko == "수소연료전지 스택 내구성 향상 기술"
    assert {m.candidate.key for m in headline.matches} <= english
    assert all("S07.03" in m.explanation.shared_fields for m in headline.matches)
    assert any(
        t.translation and t.query_term == "내구성" and t.candidate_term.lower() == "durability"
        for m in headline.matches
        for t in m.explanation.terms
    )


def test_match_can_look_for_organisations_and_offers(demo_db: Database) -> None:
    engine = build_engine(demo_db)
    orgs = match_record(demo_db, key="profile:1", top=5, kinds=("organisation",), engine=engine)
    assert [m.candidate.kind for m in orgs.matches] == ["organisation"] * 5
    offers = match_record(
        demo_db, key="profile:1", top=3, kinds=("offer", "partner_search"), countries=("US", "CA"), engine=engine
    )
    assert {m.candidate.kind for m in offers.matches} <= {"offer", "partner_search"}
    assert {m.candidate.country for m in offers.matches} <= {"US", "CA"}
    pairs = recommend_between(demo_db, left_kinds=("need",), right_kinds=("expert",), top=10, per_candidate=1)
    assert len(pairs) == 10 and len({p.left for p in pairs}) == 10 and len({p.right for p in pairs}) == 10
    assert [p.mutual for p in pairs] == sorted((p.mutual for p in pairs), reverse=True)
    assert all(p.left.startswith("profile:") and p.right.startswith("expert:") for p in pairs)


def test_english_experts_find_korean_needs_and_records_never_find_themselves(demo_db: Database) -> None:
    engine = build_engine(demo_db)
    with demo_db.reading() as unit:
        experts = [e for e in unit.experts.find() if e.expertise.en and not e.expertise.ko]
        profiles = unit.profiles.find()
        organisation = next(o for o in unit.organisations.find() if any(p.organisation_id == o.id for p in profiles))
        own = {f"profile:{p.id}" for p in profiles if p.organisation_id == organisation.id}
    found = [match_record(demo_db, key=f"expert:{e.id}", top=3, kinds=("need",), engine=engine) for e in experts]
    in_field = sum(any(m.explanation.shared_fields or m.explanation.related_fields for m in r.matches) for r in found)
    assert len(experts) == 100 and in_field >= 78  # 81 measured; the rest work in fields no Korean firm asked about
    mine = match_record(demo_db, key=f"organisation:{organisation.id}", top=20, kinds=("need", "offer"), engine=engine)
    assert mine.matches and not own & {m.candidate.key for m in mine.matches}


def test_organisation_kind_and_language_filters(demo_db: Database) -> None:
    engine = build_engine(demo_db)
    with demo_db.reading() as unit:
        kinds = {o.id: o.kind.value for o in unit.organisations.find()}
        employer = {
            f"expert:{e.id}": kinds[e.affiliations[0].organisation_id] for e in unit.experts.find() if e.affiliations
        }
        speaks = {f"expert:{e.id}": set(e.languages) for e in unit.experts.find()}
    kinds_asked = ("expert", "organisation")
    found = match_record(demo_db, key="profile:1", top=8, kinds=kinds_asked, org_kinds=("university",), engine=engine)
    assert len(found.matches) == 8
    for m in found.matches:
        assert m.candidate.org_kind == "university"
        if m.candidate.kind == "expert":
            assert employer[m.candidate.key] == "university"
    unfiltered = match_record(demo_db, key="profile:1", top=8, kinds=kinds_asked, engine=engine)
    assert {m.candidate.org_kind for m in unfiltered.matches} != {"university"}
    korean = match_record(demo_db, key="profile:1", top=5, languages=("ko",), engine=engine)
    assert korean.matches and all("ko" in speaks[m.candidate.key] for m in korean.matches)
