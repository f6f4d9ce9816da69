from datetime import date

import pytest

from seoro.domain.agreements import Agreement, FollowUp, Party
from seoro.domain.directory import Affiliation, Contact, Expert, Organisation, Profile, Publication
from seoro.domain.errors import DomainError
from seoro.domain.text import BilingualText
from seoro.domain.vocab import OrgKind, ProfileKind, ProfileStatus
from seoro.services.database import Database
from seoro.storage.agreements import AgreementFilter
from seoro.storage.experts import ExpertFilter
from seoro.storage.organisations import OrganisationFilter
from seoro.storage.profiles import ProfileFilter

pytestmark = pytest.mark.integration


def _org(name_ko: str, name_en: str = "", **kw: object) -> Organisation:
    return Organisation(kind=kw.pop("kind", OrgKind.COMPANY), name=BilingualText(name_ko, name_en), **kw)  # type: ignore[arg-type]


def test_organisation_round_trip_and_alias_lookup(db: Database) -> None:
    with db.unit("tester") as unit:
        kist = _org(
            "한국과학기술연구원",
            "Korea Institute of Science and Technology",
            kind=OrgKind.RESEARCH_INSTITUTE,
            aliases=["KIST", "키스트"],
            country="KR",
            fields=["S09", "S12.01"],
            contact=Contact("김서로", "seoro@example.org"),
        )
        kist_id = unit.organisations.save(kist)
        lab = _org("", "KIST Europe", parent_id=kist_id, country="DE")
        unit.organisations.save(lab)
    with db.unit("tester") as unit:
        assert unit.organisations.get(kist_id) == kist
        assert unit.organisations.ids_by_name(["kist"]) == {kist_id}
        assert unit.organisations.ids_by_name(["KOREA INSTITUTE OF SCIENCE AND TECHNOLOGY"]) == {kist_id}
        assert unit.organisations.children_ids(kist_id) == [lab.id]
        assert [o.id for o in unit.organisations.find(OrganisationFilter(fields=frozenset({"S12.01"})))] == [kist_id]
        assert [o.id for o in unit.organisations.find(OrganisationFilter(text="europe"))] == [lab.id]
        assert unit.organisations.count(OrganisationFilter(country="KR")) == 1


def test_expert_round_trip_with_publications(db: Database) -> None:
    with db.unit("tester") as unit:
        uni = unit.organisations.save(_org("", "University of Toronto", kind=OrgKind.UNIVERSITY))
        akcse = unit.organisations.save(_org("재캐나다한인과학기술자협회", "AKCSE", kind=OrgKind.ASSOCIATION))
        expert = Expert(
            BilingualText("박지원", "Jiwon Park"), email="J.Park@Example.org", country="CA", languages=["ko", "en"],
            expertise=BilingualText(en="PEM fuel cell degradation"), keywords=["fuel cell"], fields=["S07.03"],
            affiliations=[Affiliation(uni, "Professor")], memberships=[akcse],
            publications=[Publication("Catalyst layer durability", year=2024, doi="10.5555/abc"), Publication("Stack water management", year=2019)],
        )  # fmt: skip
        eid = unit.experts.save(expert)
    with db.unit("tester") as unit:
        loaded = unit.experts.get(eid)
        assert loaded.email == "j.park@example.org"
        expert.email = "j.park@example.org"
        assert loaded == expert
        assert unit.experts.id_by_email("J.PARK@example.org") == eid
        assert [e.id for e in unit.experts.find(ExpertFilter(organisation_id=akcse))] == [eid]
        assert [e.id for e in unit.experts.find(ExpertFilter(language="ko"))] == [eid]
        assert unit.experts.find(ExpertFilter(language="fr")) == []
        loaded.publications = loaded.publications[:1]
        unit.experts.save(loaded)
    with db.unit("tester") as unit:
        assert [p.title for p in unit.experts.get(eid).publications] == ["Catalyst layer durability"]


def test_profile_round_trip_and_owner_lookup(db: Database) -> None:
    with db.unit("tester") as unit:
        firm = unit.organisations.save(_org("(주)한빛수소테크"))
        need = Profile(
            ProfileKind.NEED,
            BilingualText("수소연료전지 스택 내구성 향상 기술"),
            BilingualText("스택 열화 저감"),
            ["S07.03"],
            ["스택"],
            organisation_id=firm,
            valid_from=date(2025, 7, 28),
            valid_until=date(2025, 12, 31),
        )
        pid = unit.profiles.save(need)
    with db.unit("tester") as unit:
        assert unit.profiles.get(pid) == need
        assert unit.profiles.ids_by_owner_and_title(
            firm, None, BilingualText("수소연료전지 스택 내구성 향상 기술")
        ) == {pid}
        assert unit.profiles.count(ProfileFilter(kind=ProfileKind.NEED, status=ProfileStatus.ACTIVE)) == 1
        assert unit.profiles.count(ProfileFilter(text="스택")) == 1


def test_agreement_round_trip(db: Database) -> None:
    with db.unit("tester") as unit:
        a = unit.organisations.save(_org("한빛도", "Hanbit Province", kind=OrgKind.GOVERNMENT))
        b = unit.organisations.save(_org("", "AKCSE", kind=OrgKind.ASSOCIATION))
        mou = Agreement(
            BilingualText("한빛도-AKCSE 과학기술협력 업무협약", "Hanbit-AKCSE MOU"), [Party(a, "도지사", "김서로", "k@example.org"), Party(b, "President")],
            date(2025, 7, 30), "Montreal", [BilingualText("공동연구 발굴", "Discovering joint research")], [FollowUp(BilingualText("방문", "Visit"), date(2026, 3, 1))], "CKC 2025",
        )  # fmt: skip
        aid = unit.agreements.save(mou)
    with db.unit("tester") as unit:
        assert unit.agreements.get(aid) == mou
        assert [x.id for x in unit.agreements.find(AgreementFilter(b))] == [aid]


def test_missing_record_is_a_domain_error(db: Database) -> None:
    with db.unit("tester") as unit, pytest.raises(DomainError) as caught:
        unit.organisations.get(999)
    assert (caught.value.code, caught.value.params) == ("not_found", {"entity": "organisation", "id": 999})


def test_dry_run_unit_rolls_back(db: Database) -> None:
    with db.unit("tester", dry_run=True) as unit:
        unit.organisations.save(_org("임시기관"))
    with db.unit("tester") as unit:
        assert unit.organisations.count() == 0
