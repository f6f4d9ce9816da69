"""Three agreements (MOUs) of the kinds CONTEXT describes, with the follow-up each one promises.

The signatories and contact persons are synthetic; the agreements themselves are demo scenarios.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import NamedTuple

from seoro.demo.organisations import AKCSE_NAME, BY_NAME, CITY, KSEA_SAN_DIEGO, KSEA_SOCAL, OKTA_NAME, PROVINCE
from seoro.domain.text import BilingualText


class DemoParty(NamedTuple):
    organisation: str  # a name (Korean, English or alias) of an organisation in the data set
    signatory: str
    contact_name: str
    contact_email: str


class DemoFollowUp(NamedTuple):
    description: BilingualText
    due: date | None


@dataclass(frozen=True)
class DemoAgreement:
    """An agreement as the demo describes it: parties by organisation name, not by database id."""

    title: BilingualText
    parties: list[DemoParty]
    signed_on: date
    place: str
    scope: list[BilingualText] = field(default_factory=list)
    follow_ups: list[DemoFollowUp] = field(default_factory=list)
    event: str = ""


CKC_2025 = "CKC 2025 (Canada–Korea Conference on Science and Technology, Montréal, 28 July – 1 August 2025)"


def build_agreements() -> list[DemoAgreement]:
    return [_province_akcse(), _city_ksea(), _province_okta()]


def _province_akcse() -> DemoAgreement:
    return DemoAgreement(
        title=BilingualText(
            "한빛도–재캐나다한인과학기술자협회 과학기술 협력 업무협약",
            "Hanbit Province–AKCSE science and technology cooperation MOU",
        ),
        parties=[
            DemoParty(PROVINCE, "한도윤 (한빛도지사)", BY_NAME[PROVINCE].contact_name, BY_NAME[PROVINCE].email),
            DemoParty(AKCSE_NAME, "Minseo Baek", "Hyunjin Oh", "akcse-mou@example.org"),
        ],
        signed_on=date(2025, 7, 30),
        place="Montréal",
        scope=[
            BilingualText("공동연구 과제 발굴", "Discovering joint research projects"),
            BilingualText("기술 인력 교류", "Exchange of technical people"),
            BilingualText("도내 기업의 해외 시장 진출 지원", "Helping regional firms enter foreign markets"),
            BilingualText("해외 과학기술인 유치", "Attracting overseas scientists"),
        ],
        follow_ups=[
            DemoFollowUp(
                BilingualText(
                    "협회 대표단 한빛도 방문 (2025년 10월 예정)",
                    "Association delegation visits Hanbit Province (planned for October 2025)",
                ),
                date(2025, 10, 1),
            ),
            DemoFollowUp(
                BilingualText("공동연구 후보 과제 목록 교환", "Exchange lists of candidate joint research projects"),
                date(2025, 12, 15),
            ),
        ],
        event=CKC_2025,
    )


def _city_ksea() -> DemoAgreement:
    return DemoAgreement(
        title=BilingualText(
            "새솔시–KSEA 남가주·샌디에이고지부 기술교류 및 경제협력 업무협약",
            "Saesol City–KSEA Southern California and San Diego chapters MOU on technology exchange and economic cooperation",
        ),
        parties=[
            DemoParty(CITY, "배하늘 (새솔시장)", BY_NAME[CITY].contact_name, BY_NAME[CITY].email),
            DemoParty(KSEA_SOCAL, "Jonathan Ryu", "Soojin Nam", "ksea-socal-mou@example.org"),
            DemoParty(KSEA_SAN_DIEGO, "Eunhye Moon", "Daniel Koh", "ksea-sd-mou@example.org"),
        ],
        signed_on=date(2025, 9, 18),
        place="San Diego",
        scope=[
            BilingualText("기술 교류", "Technology exchange"),
            BilingualText("경제 협력", "Economic cooperation"),
            BilingualText("기관별 담당자 지정", "A named contact person on each side"),
            BilingualText("공동 프로그램 운영", "Joint programmes"),
        ],
        follow_ups=[
            DemoFollowUp(BilingualText("대학생 교류 프로그램", "Student exchange programme"), date(2026, 7, 1)),
            DemoFollowUp(BilingualText("청소년 과학 교류 캠프", "Youth science exchange camp"), None),
        ],
        event="새솔시 대표단 미국 방문 (Saesol City delegation visit to the US)",
    )


def _province_okta() -> DemoAgreement:
    return DemoAgreement(
        title=BilingualText(
            "한빛도–세계한인무역협회 해외 판로 개척 업무협약", "Hanbit Province–OKTA MOU on overseas market development"
        ),
        parties=[
            DemoParty(PROVINCE, "한도윤 (한빛도지사)", BY_NAME[PROVINCE].contact_name, BY_NAME[PROVINCE].email),
            DemoParty(OKTA_NAME, "Sunghoon Pyo", "Jiyeon Ha", "okta-mou@example.com"),
        ],
        signed_on=date(2025, 11, 6),
        place="한빛도청 (Hanbit Provincial Office)",
        scope=[
            BilingualText("도내 기업의 해외 시장 진출 지원", "Helping regional firms enter foreign markets"),
            BilingualText("1:1 기업 매칭 상담회 공동 개최", "Holding 1:1 company matching meetings together"),
        ],
        follow_ups=[
            DemoFollowUp(
                BilingualText(
                    "상담회 후 추가 상담을 원하는 기업의 후속 미팅",
                    "Follow-up meetings for firms that want more after the matching day",
                ),
                date(2026, 3, 31),
            ),
        ],
    )
