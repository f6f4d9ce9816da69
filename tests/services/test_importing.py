from datetime import date

import pytest

from seoro.domain.errors import InvalidInput, Location
from seoro.domain.vocab import OrgKind, ProfileKind, ProfileStatus
from seoro.files.columns import RecordKind
from seoro.services.database import Database
from seoro.services.importing import import_sheets
from tests.helpers import dump
from tests.services.sheets import sheet

pytestmark = pytest.mark.integration
ORGS, EXPERTS, PUBS, PROFILES = (
    RecordKind.ORGANISATIONS,
    RecordKind.EXPERTS,
    RecordKind.PUBLICATIONS,
    RecordKind.PROFILES,
)


def _needs() -> list:
    return [
        sheet(
            PROFILES,
            {
                "organisation": "(주)한빛수소테크",
                "country": "KR",
                "fields": ["수소 연료전지·발전"],
                "title_ko": "수소연료전지 스택 내구성 향상 기술",
                "contact_name": "김서로",
                "contact_email": "seoro@example.com",
                "valid_until": date(2025, 12, 31),
            },
            {
                "organisation": "㈜ 가온배터리",
                "fields": ["S02.02"],
                "title_ko": "전고체 배터리 고체전해질 계면 저항 저감",
            },
            {
                "organisation": "주식회사 한빛수소테크",
                "fields": ["S07.01"],
                "title_ko": "수전해 스택 막전극접합체 국산화",
                "kind": ProfileKind.NEED,
            },
        )
    ]


def test_import_creates_owners_and_profiles(db: Database) -> None:
    report = import_sheets(db, _needs(), actor="tester")
    assert report.counts() == {("organisation", "created"): 2, ("profile", "created"): 3}
    with db.unit("tester") as unit:
        firms = unit.organisations.find()
        assert [(o.name.ko, o.kind, o.country) for o in firms] == [
            ("(주)한빛수소테크", OrgKind.COMPANY, "KR"),
            ("㈜ 가온배터리", OrgKind.COMPANY, ""),
        ]
        profiles = unit.profiles.find()
        assert [(p.organisation_id, p.fields, p.status) for p in profiles] == [
            (firms[0].id, ["S07.03"], ProfileStatus.ACTIVE),
            (firms[1].id, ["S02.02"], ProfileStatus.ACTIVE),
            (firms[0].id, ["S07.01"], ProfileStatus.ACTIVE),
        ]
        assert profiles[0].valid_until == date(2025, 12, 31)
        history = unit.audit.history("profile")
        assert {(e.actor, e.action.value) for e in history} == {("tester", "create")}
        assert history[0].source == "test.xlsx"


def test_reimport_is_idempotent(db: Database) -> None:
    import_sheets(db, _needs(), actor="tester")
    before = dump(db.engine)
    report = import_sheets(db, _needs(), actor="tester")
    assert report.counts() == {("profile", "unchanged"): 3}
    assert dump(db.engine) == before


def test_reimport_with_a_change_updates_in_place(db: Database) -> None:
    import_sheets(db, _needs(), actor="tester")
    changed = _needs()
    changed[0].rows[1].values["description_ko"] = "계면 저항 10% 저감 목표"
    report = import_sheets(db, changed, actor="editor")
    assert report.counts() == {("profile", "unchanged"): 2, ("profile", "updated"): 1}
    assert [c.changed for c in report.changes if c.action == "updated"] == [("description",)]
    with db.reading() as unit:
        assert unit.profiles.count() == 3
        entry = unit.audit.history("profile", report.changes[1].entity_id)[0]
        assert (entry.actor, entry.changes) == (
            "editor",
            {"description": [{"ko": "", "en": ""}, {"ko": "계면 저항 10% 저감 목표", "en": ""}]},
        )


def test_one_bad_row_writes_nothing_and_names_every_bad_cell(db: Database) -> None:
    import_sheets(db, _needs(), actor="tester")
    before = dump(db.engine)
    rows = [{"organisation": f"(주)테스트{i}", "title_ko": f"기술수요 {i}", "fields": ["S01"]} for i in range(40)]
    rows[17]["fields"] = ["연금술"]
    rows[30] = {"organisation": "(주)테스트30", "fields": ["S01"]}
    with pytest.raises(InvalidInput) as caught:
        import_sheets(db, [sheet(PROFILES, *rows, file="needs.xlsx")], actor="tester")
    found = [(p.location.row, p.location.column, p.field, p.code) for p in caught.value.problems]
    assert found == [(19, "C", "fields", "unknown_field"), (32, "", "title_ko", "title_required")]
    assert caught.value.problems[0].location == Location("needs.xlsx", 19, "C", "fields", "profiles")
    assert dump(db.engine) == before


def test_dry_run_reports_but_writes_nothing(db: Database) -> None:
    before = dump(db.engine)
    report = import_sheets(db, _needs(), actor="tester", dry_run=True)
    assert report.counts() == {("organisation", "created"): 2, ("profile", "created"): 3}
    assert dump(db.engine) == before


def test_organisation_names_in_two_languages_are_one_record(db: Database) -> None:
    korean = sheet(
        ORGS,
        {"name_ko": "한국과학기술연구원", "aliases": ["KIST"], "kind": OrgKind.RESEARCH_INSTITUTE, "country": "KR"},
    )
    english = sheet(ORGS, {"name_en": "KIST", "region": "Seoul", "fields": ["S09"]}, file="en.csv")
    import_sheets(db, [korean], actor="tester")
    report = import_sheets(db, [english], actor="tester")
    assert report.counts() == {("organisation", "updated"): 1}
    with db.reading() as unit:
        [org] = unit.organisations.find()
        assert (org.name.ko, org.name.en, org.aliases, org.region, org.fields) == (
            "한국과학기술연구원",
            "KIST",
            [],
            "Seoul",
            ["S09"],
        )


def test_parents_may_come_after_their_children(db: Database) -> None:
    orgs = sheet(
        ORGS,
        {"name_en": "KSEA San Diego Chapter", "kind": OrgKind.CHAPTER, "parent": "KSEA", "country": "US"},
        {
            "name_en": "Korean-American Scientists and Engineers Association",
            "aliases": ["KSEA"],
            "kind": OrgKind.ASSOCIATION,
            "country": "US",
        },
    )
    report = import_sheets(db, [orgs], actor="tester")
    assert report.counts() == {("organisation", "created"): 2}
    with db.reading() as unit:
        chapter, association = unit.organisations.find()
        assert chapter.parent_id == association.id
    assert import_sheets(db, [orgs], actor="tester").counts() == {("organisation", "unchanged"): 2}


def test_experts_publications_and_memberships(db: Database) -> None:
    orgs = sheet(ORGS, {"name_en": "AKCSE", "kind": OrgKind.ASSOCIATION, "country": "CA"})
    experts = sheet(
        EXPERTS,
        {
            "name_en": "Jiwon Park",
            "name_ko": "박지원",
            "email": "jiwon.park@example.org",
            "affiliations": ["University of Toronto"],
            "position": "Professor",
            "country": "CA",
            "memberships": ["AKCSE"],
            "languages": ["ko", "en"],
            "fields": ["fuel cell"],
        },
        {
            "name_en": "Jiwon Park",
            "email": "jw.park@example.com",
            "affiliations": ["McGill University"],
            "country": "CA",
        },
    )
    pubs = sheet(
        PUBS,
        {
            "expert_email": "jiwon.park@example.org",
            "title": "Catalyst layer degradation in PEM fuel cells",
            "year": 2023,
            "doi": "10.5555/x1",
        },
        {"expert_email": "jiwon.park@example.org", "title": "Water management in stacks", "year": 2018},
    )
    report = import_sheets(db, [orgs, experts, pubs], actor="tester")
    assert report.counts() == {("organisation", "created"): 3, ("expert", "created"): 2, ("publication", "created"): 2}
    with db.reading() as unit:
        first, second = unit.experts.find()
        assert (first.fields, len(first.publications), second.publications) == (["S07.03"], 2, [])
        assert [unit.organisations.get(a.organisation_id).kind for a in first.affiliations] == [OrgKind.UNIVERSITY]
        assert first.affiliations[0].position == "Professor"
    again = import_sheets(db, [orgs, experts, pubs], actor="tester").counts()
    assert again == {("organisation", "unchanged"): 1, ("expert", "unchanged"): 2, ("publication", "unchanged"): 2}


def test_unknown_references_are_problems(db: Database) -> None:
    experts = sheet(EXPERTS, {"name_en": "Ana Lee", "memberships": ["Nonexistent Society"]})
    pubs = sheet(PUBS, {"expert_email": "ghost@example.org", "title": "A paper"})
    with pytest.raises(InvalidInput) as caught:
        import_sheets(db, [experts, pubs], actor="tester")
    assert [(p.field, p.code) for p in caught.value.problems] == [
        ("memberships", "unknown_organisation"),
        ("expert_email", "unknown_expert"),
    ]
