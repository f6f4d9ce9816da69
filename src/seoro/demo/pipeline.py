"""A year of the demo agency's follow-up work (후속 관리), December 2025 to November 2026: 44
cooperation leads between the directory's organisations and experts, each with its steps, notes
and next actions, as staff of Hanbit Province would have recorded them. The demo's "today" is
4 December 2026: some next actions are overdue then (``seoro remind`` lists them).

Where the leads come from, as CONTEXT describes the work:

- the three agreements of :mod:`seoro.demo.agreements`, signed in 2025 (CKC 2025 in Montréal, the
  city delegation to San Diego, OKTA), which bear fruit in 2026: their leads start before the year and
  link the registry's MOUs at the agreement step;
- matches of the firms' technology needs with diaspora experts of AKCSE and KSEA and with the
  offers and partner searches of foreign universities and companies (``need``: the profile's title);
- contacts through the OKTA trade network and with foreign institutions, entered by hand;
- the meetings held at the spring partnering day (:mod:`seoro.demo.spring_event`, ``meeting``).

Results are those CONTEXT counts (joint research projects, technology transfer, people exchanged or
attracted, market entry, investment), with amounts in KRW; closed leads keep their reason. Parties
are named as in :mod:`seoro.demo.agreements`: organisations by name or alias, experts by e-mail.
The leads, their partners' answers and the amounts are demo scenarios; people are synthetic.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from seoro.demo.agreements import build_agreements
from seoro.demo.firms import FIRMS, firm_email
from seoro.demo.organisations import CITY, KSEA_SAN_DIEGO, OKTA_NAME, PROVINCE, ZONE_CORE
from seoro.demo.spring_event import HERI_EMAIL
from seoro.domain.text import BilingualText
from seoro.domain.vocab import CloseReason, LeadStage, ResultKind

PROGRAMME = "2026 한빛 글로벌 기술협력 프로그램"
ZONE_PROGRAMME = "2026 새솔 강소특구 국제협력"  # the innovation zone reports a few leads of its own
TODAY = date(2026, 12, 4)  # the demo's today: next actions due before it are overdue
STAFF = "staff@demo.example"  # the demo staff account (scripts/demo-web)
ENERGY_TEAM = "energy@demo.example"  # hydrogen and batteries
MARKET_TEAM = "market@demo.example"  # market entry and investment

AKCSE_MOU, KSEA_MOU, OKTA_MOU = (a.title for a in build_agreements())

S, K, R = LeadStage, ResultKind, CloseReason
T = BilingualText


class DemoSide(NamedTuple):
    """A party of a lead: an organisation (a name or alias in the directory) and/or an expert (e-mail)."""

    organisation: str = ""
    expert: str = ""


class DemoMou(NamedTuple):
    """An MOU a lead reaches, recorded in the agreements registry (its parties: the lead's organisations)."""

    title: BilingualText
    scope: tuple[BilingualText, ...]
    place: str


@dataclass(frozen=True)
class DemoStep:
    """One step. ``registry``: the title of an agreement already in the registry, linked at an agreement
    step; ``mou``: a new one the step records. ``arranged``: a follow-up meeting staff arranged after a
    meeting of the spring event (online, or at the October event), whose next action the service names."""

    stage: LeadStage
    on: date
    note: str = ""
    next_action: str = ""
    due: date | None = None
    kind: ResultKind | None = None
    amount_krw: int | None = None
    reason: CloseReason | None = None
    registry: BilingualText | None = None
    mou: DemoMou | None = None
    arranged: bool = False
    online: bool = True


@dataclass(frozen=True)
class DemoLead:
    """A lead as the demo tells it. ``need``: the title of the profile it answers (a match: side ``a``
    owns it); ``meeting``: it started at the spring event's meeting between ``a`` and ``b`` (the
    participants' e-mails, the requester first)."""

    title: BilingualText
    a: DemoSide
    b: DemoSide
    fields: tuple[str, ...]
    steps: tuple[DemoStep, ...]
    owner: str = STAFF
    programme: str = PROGRAMME
    need: str = ""
    meeting: tuple[str, str] | None = None

    @property
    def started(self) -> date:
        return self.steps[0].on


# ---- small helpers, so that the data below reads like the staff's notes


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def _on(text: str) -> date:
    return date.fromisoformat(text)


def contacted(on: str, note: str, next_action: str = "", due: str | None = None) -> DemoStep:
    return DemoStep(S.CONTACTED, _on(on), note, next_action, _day(due))


def met(on: str, note: str, next_action: str = "", due: str | None = None) -> DemoStep:
    return DemoStep(S.MET, _on(on), note, next_action, _day(due))


def follow_up(on: str, note: str, next_action: str = "", due: str | None = None) -> DemoStep:
    return DemoStep(S.FOLLOW_UP, _on(on), note, next_action, _day(due))


def arranged(on: str, due: str, *, online: bool = True, note: str = "") -> DemoStep:
    return DemoStep(S.FOLLOW_UP, _on(on), note, due=_day(due), arranged=True, online=online)


def agreement(on: str, note: str, next_action: str = "", due: str | None = None, *,
              registry: BilingualText | None = None, mou: DemoMou | None = None) -> DemoStep:  # fmt: skip
    return DemoStep(S.AGREEMENT, _on(on), note, next_action, _day(due), registry=registry, mou=mou)


def result(on: str, kind: ResultKind, note: str, amount_krw: int | None = None, next_action: str = "",
           due: str | None = None) -> DemoStep:  # fmt: skip
    return DemoStep(S.RESULT, _on(on), note, next_action, _day(due), kind=kind, amount_krw=amount_krw)


def closed(on: str, reason: CloseReason, note: str) -> DemoStep:
    return DemoStep(S.CLOSED, _on(on), note, reason=reason)


def org(name: str) -> DemoSide:
    return DemoSide(organisation=name)


def expert(email: str) -> DemoSide:
    return DemoSide(expert=email)


def _firm_email(name: str) -> str:
    return firm_email(next(f for f in FIRMS if f.name_ko == name))


def at_spring_event(title: BilingualText, firm: str, partner: str, fields: tuple[str, ...], *,
                    steps: tuple[DemoStep, ...], firm_asked: bool = True, owner: str = STAFF,
                    programme: str = PROGRAMME) -> DemoLead:  # fmt: skip
    """A lead from the spring event's meeting between a firm (or the energy institute) and an overseas
    expert; ``firm_asked``: the firm made the request (its side comes first)."""
    ours = HERI_EMAIL if firm == ZONE_CORE else _firm_email(firm)
    a, b = (org(firm), expert(partner)) if firm_asked else (expert(partner), org(firm))
    pair = (ours, partner) if firm_asked else (partner, ours)
    return DemoLead(title, a, b, fields, steps, owner, programme, meeting=pair)


# ---- the leads

M = 1_000_000  # amounts are in won: 450 * M is 4.5억 원


# fmt: off
def _from_agreements() -> list[DemoLead]:
    return [
        DemoLead(
            T("재캐나다한인과학기술자협회와의 과학기술 협력", "Science and technology cooperation with AKCSE"),
            org(PROVINCE), org("AKCSE"), ("S07", "S09"),
            owner=STAFF,
            steps=(
                contacted("2025-07-28", "CKC 2025(몬트리올) 한빛도 세션에서 협회 회장단과 첫 면담", "업무협약 문안 협의", "2025-07-30"),
                met("2025-07-29", "협약 문안과 협력 분야(공동연구, 인력 교류, 시장 진출, 인재 유치) 합의"),
                agreement("2025-07-30", "CKC 2025 현장에서 업무협약 체결", "협회 대표단 한빛도 방문 준비", "2025-10-01", registry=AKCSE_MOU),
                follow_up("2025-10-15", "협회 대표단 한빛도 방문: 도내 연구기관 5곳 견학, 공동연구 수요 설명회", "공동연구 후보 과제 목록 교환", "2025-12-15"),
                follow_up("2025-12-12", "온라인 회의에서 공동연구 후보 과제 12건 교환 (수소 5, AI 4, 양자 3)", "후보 과제 중 2건 공동 기획", "2026-03-31"),
                result("2026-03-16", K.TALENT_EXCHANGE, "토론토·밴쿠버 지부 회원 과학자 2명을 한빛과학기술원 초빙 연구원으로 유치"),
                result("2026-06-29", K.JOINT_PROJECT, "수소 저장 소재 공동연구 과제 착수 (도비 3억 원)", 300 * M, "CKC 2026 성과 발표 자료 준비", "2027-01-15"),
            ),
        ),
        DemoLead(
            T("KSEA 샌디에이고지부와의 기술 교류·청년 교류", "Technology and youth exchange with KSEA San Diego"),
            org(CITY), org(KSEA_SAN_DIEGO), ("S03", "S07"),
            steps=(
                contacted("2025-09-15", "새솔시 대표단 미국 방문 중 지부 임원진에 간담회 요청", "방문 일정 확정", "2025-09-17"),
                met("2025-09-17", "샌디에이고 간담회: 기관별 담당자 지정, 공동 프로그램 논의"),
                agreement("2025-09-18", "남가주·샌디에이고지부와 3자 업무협약 체결", "대학생 교류 프로그램 기획", "2026-02-27", registry=KSEA_MOU),
                follow_up("2026-02-10", "Online planning call for the student exchange: 12 students, three weeks in July", "참가 학생 선발", "2026-04-30"),
                result("2026-07-20", K.TALENT_EXCHANGE, "새솔시 대학생 12명 샌디에이고 3주 연수 (지부 회원 연구실 멘토링)", None, "청소년 과학 교류 캠프 일정 확정", "2026-11-15"),
            ),
        ),
        DemoLead(
            T("세계한인무역협회 연계 도내 기업 해외 판로 개척", "Overseas markets for the province's firms with OKTA"),
            org(PROVINCE), org(OKTA_NAME), ("S07", "S02", "R.AGRIBIO"),
            owner=MARKET_TEAM,
            steps=(
                contacted("2025-10-20", "OKTA 본부에 1:1 기업 매칭 상담회 공동 개최 제안", "협약 문안 송부", "2025-10-31"),
                met("2025-10-28", "OKTA 본부 방문: 상담회 공동 개최와 회원사 바이어 소개에 합의"),
                agreement("2025-11-06", "한빛도청에서 업무협약 체결", "상담회 참가 기업 모집", "2026-01-30", registry=OKTA_MOU),
                follow_up("2026-03-25", "상담회 후 추가 상담을 원한 8개사와 OKTA 지회 바이어의 화상 후속 미팅", "수출 계약 진행 상황 점검", "2026-06-30"),
                result("2026-08-28", K.MARKET_ENTRY, "도내 3개사 북미·동남아 바이어와 수출 계약 (합계 12억 원)", 1_200 * M, "OKTA 세계대표자대회 한빛도 홍보관 운영 계획", "2026-12-20"),
            ),
        ),
    ]


def _from_matches() -> list[DemoLead]:
    return [
        DemoLead(
            T("저이리듐 PEM 수전해 촉매 공동연구", "Joint research on low-iridium PEM electrolysis catalysts"),
            org("주식회사 그린수전해"), expert("kyungmin.han@pacific-cedar.example.org"), ("S07.01",),
            need="PEM 수전해 이리듐 저감 촉매", owner=ENERGY_TEAM,
            steps=(
                contacted("2025-12-08", "매칭 결과: 저이리듐 산소발생 촉매 노하우를 가진 밴쿠버 연구자. 소개 메일 발송", "화상 미팅 일정 조율", "2025-12-19"),
                met("2026-01-14", "화상 미팅: 촉매 시편 교환과 공동 평가 조건 논의", "촉매 시편 발송", "2026-02-13"),
                follow_up("2026-03-05", "시편 평가 결과 공유: 이리듐 40% 저감에도 효율 유지 확인", "공동연구 협약 초안 작성", "2026-04-10"),
                agreement("2026-04-22", "공동연구 협약 서명 (온라인)", "국제공동기술개발 과제 신청", "2026-05-29", mou=DemoMou(
                    T("그린수전해–Pacific Cedar University 저이리듐 촉매 공동연구 협약", "Green Electrolysis–Pacific Cedar University MOU on low-iridium catalysts"),
                    (T("저이리듐 촉매 공동연구", "Joint research on low-iridium catalysts"), T("연구 인력 교류", "Exchange of researchers")),
                    "온라인 서명 (signed online)")),
                result("2026-07-01", K.JOINT_PROJECT, "산업부 국제공동기술개발 과제 선정 (3년, 4.5억 원)", 450 * M, "1차년도 중간점검 자료 준비", "2026-12-18"),
            ),
        ),
        DemoLead(
            T("전고체 배터리 계면 코팅 기술이전", "Licence for a solid-state battery interface coating"),
            org("주식회사 솔리드셀"), expert("hyejin.park@borealh2.example.com"), ("S02.02",),
            need="전고체 배터리 고체전해질 계면 저항 저감", owner=ENERGY_TEAM,
            steps=(
                contacted("2025-12-15", "매칭 결과 안내: Boreal Hydrogen CTO, 계면 코팅 특허 보유", "NDA 체결", "2026-01-09"),
                met("2026-02-03", "NDA 체결 후 화상 미팅: 코팅 공정 조건 설명"),
                follow_up("2026-04-10", "Vancouver lab visit during the BC trade mission; pilot coating on 10 cells", "시험 셀 성능 평가", "2026-06-30"),
                result("2026-10-05", K.TECH_TRANSFER, "계면 코팅 특허 통상실시권 계약 (선급 기술료 1.8억 원)", 180 * M, "기술료 1차 정산", "2027-01-31"),
            ),
        ),
        DemoLead(
            T("폐배터리 습식 재활용 리튬 회수 공동연구", "Joint research on lithium recovery from spent batteries"),
            org("(주)리배터리"), expert("grace.song@pacific-cedar.example.org"), ("S02.04",),
            need="폐리튬이온전지 습식 재활용 리튬 회수율 향상", owner=ENERGY_TEAM,
            steps=(
                contacted("2026-01-12", "매칭 결과 안내 메일: 리튬 회수 공정 전문가 (밴쿠버)"),
                met("2026-02-18", "화상 미팅: 회수율 90% 목표, 폐수 저감 공정 비교"),
                follow_up("2026-04-02", "공정 데이터 교환, 공동연구 범위 합의", "공동연구 계획서 작성", "2026-05-15"),
                result("2026-08-18", K.JOINT_PROJECT, "한-캐 공동연구 착수 (2년, 3.2억 원)", 320 * M),
                result("2026-10-26", K.TALENT_EXCHANGE, "리배터리 연구원 1명 밴쿠버 연구실 6개월 파견", None, "파견 중간 보고", "2027-01-29"),
            ),
        ),
        DemoLead(
            T("ESS 열폭주 조기 감지 알고리즘 공동연구", "Early detection of thermal runaway in energy storage"),
            org("(주)누리이엔에스"), expert("woojin.ahn@belleforet.example.org"), ("S02.03", "S09.03"),
            need="ESS 배터리 열폭주 조기 감지 알고리즘", owner=ENERGY_TEAM,
            steps=(
                contacted("2026-01-20", "매칭 결과: BMS 알고리즘 공동연구 파트너를 찾는 몬트리올 연구자"),
                met("2026-03-11", "화상 미팅: 랙 단위 데이터 공유 범위 협의", "공동연구 예산 확보 방안 검토", "2026-05-29"),
                closed("2026-06-30", R.NO_FUNDING, "기업 부담금을 확보하지 못해 중단. 2027년에 다시 검토"),
            ),
        ),
        DemoLead(
            T("고순도 전구체 공동개발과 유럽 공급", "High-purity precursors: joint development and supply to Europe"),
            org("Chimie Belle-Rive SAS"), org("(주)한빛배터리소재"), ("S02.01", "R.CHEM.FINE"),
            need="High-purity fine-chemical precursors for battery cathodes", owner=MARKET_TEAM,
            steps=(
                contacted("2026-02-09", "Chimie Belle-Rive의 고순도 전구체 공급 제안에 한빛배터리소재 연결"),
                met("2026-03-24", "화상 미팅: 하이니켈 전구체 불순물 사양 비교"),
                follow_up("2026-06-02", "리옹 방문: 파일럿 라인 견학, 공동 개발 품목 2종 선정", "MOU 문안 검토", "2026-08-31"),
                agreement("2026-09-15", "리옹에서 공동개발 협약 체결", mou=DemoMou(
                    T("한빛배터리소재–Chimie Belle-Rive 전구체 공동개발 협약", "Hanbit Battery Materials–Chimie Belle-Rive MOU on precursor development"),
                    (T("전구체 공동 개발", "Joint development of precursors"), T("유럽 셀 업체 공동 공급", "Joint supply to European cell makers")),
                    "Lyon")),
                result("2026-11-10", K.MARKET_ENTRY, "유럽 배터리 셀 업체에 양극재 샘플 공급 계약 (6억 원)", 600 * M, "EU 배터리 규정 인증 서류 준비", "2026-12-15"),
            ),
        ),
        DemoLead(
            T("티타늄 항공부품 적층제조 한-프 공동연구", "Korea–France research on additive manufacturing of titanium aircraft parts"),
            org("주식회사 케이티타늄"), org("Institut Aéronautique de Garonne"), ("S06.04", "S11.04"),
            need="항공·방산용 티타늄 합금 적층제조 결함 저감",
            steps=(
                contacted("2025-12-10", "매칭 결과: IAG가 티타늄 적층제조 공동연구 파트너를 찾는 중. 연결 메일 발송", "기술 자료 교환", "2026-01-16"),
                met("2026-02-24", "화상 미팅: 기공·잔류응력 모니터링 방법 논의"),
                follow_up("2026-05-13", "툴루즈 방문: 적층제조 설비 견학, 공동 시편 제작 합의", "협약 문안 합의", "2026-06-30"),
                agreement("2026-07-08", "툴루즈에서 공동연구 협약 체결", mou=DemoMou(
                    T("케이티타늄–IAG 적층제조 공동연구 협약", "K-Titanium–IAG MOU on additive manufacturing research"),
                    (T("적층제조 공동연구", "Joint research on additive manufacturing"), T("시험 시편 상호 평가", "Testing each other's specimens")),
                    "Toulouse")),
                result("2026-10-20", K.JOINT_PROJECT, "한-프 산업기술 국제협력 과제 선정 (5.5억 원)", 550 * M, "공동연구 킥오프 워크숍 개최", "2026-11-20"),
            ),
        ),
        DemoLead(
            T("엣지 AI 비전검사 모듈 라이선스와 캐나다 진출", "Edge AI inspection module: licence and entry to Canada"),
            org("Maple Circuit Labs Inc."), org("(주)새솔AI"), ("S09.03", "S01.02"),
            need="Edge AI inference module for visual inspection", owner=MARKET_TEAM,
            steps=(
                contacted("2025-12-05", "Maple Circuit Labs의 엣지 추론 모듈 제안을 새솔AI에 소개"),
                met("2026-01-22", "화상 미팅: 새솔AI 검사 모델을 모듈에 이식하는 방안"),
                follow_up("2026-03-12", "공동 PoC: 도내 제조사 2곳 검사 라인에 적용 시험", "라이선스 조건 협의", "2026-05-29"),
                result("2026-06-25", K.TECH_TRANSFER, "엣지 추론 모듈 라이선스 계약 (0.9억 원)", 90 * M),
                result("2026-10-14", K.MARKET_ENTRY, "Maple Circuit 소개로 온타리오 부품 제조사에 검사 시스템 납품 (2.4억 원)", 240 * M, "캐나다 현지 유지보수 파트너 선정", "2027-01-20"),
            ),
        ),
        DemoLead(
            T("SiC 전력모듈 패키징 협력과 전략적 투자", "SiC power module packaging and a strategic investment"),
            org("Harbor Point Semiconductor Inc."), org("(주)한빛파워반도체"), ("S01.03", "S01.05"),
            need="Partner sought: SiC power module packaging for vehicles", owner=MARKET_TEAM,
            steps=(
                contacted("2026-01-06", "Harbor Point의 SiC 모듈 패키징 파트너 모집에 한빛파워반도체 추천"),
                met("2026-02-12", "화상 미팅: 소결 접합 패키징 기술 소개"),
                follow_up("2026-04-16", "Harbor Point 실사단 새솔시 공장 방문", "MOU 체결 준비", "2026-06-05"),
                agreement("2026-06-10", "새솔시에서 협력 MOU 체결", mou=DemoMou(
                    T("한빛파워반도체–Harbor Point Semiconductor 전력모듈 협력 MOU", "Hanbit Power Semiconductor–Harbor Point Semiconductor MOU on power modules"),
                    (T("차량용 SiC 모듈 공동 개발", "Joint development of SiC modules for vehicles"), T("투자 협의", "Investment talks")),
                    "새솔시 (Saesol City)")),
                result("2026-09-30", K.INVESTMENT, "Harbor Point 전략적 투자 20억 원 (지분 8%)", 2_000 * M, "투자금 집행과 공동 라인 구축 계획", "2027-02-26"),
            ),
        ),
        DemoLead(
            T("미생물 균주 대량배양 공정 공동연구", "Joint research on scaling up microbial fermentation"),
            org("Harborlight Bio Inc."), org("(주)한빛그린바이오"), ("R.AGRIBIO", "S05.01"),
            need="Agri-bio partner for microbial fermentation scale-up",
            steps=(
                contacted("2025-12-11", "Harborlight Bio의 농생명 파트너 모집에 한빛그린바이오 연결"),
                met("2026-01-27", "화상 미팅: 대량배양 시 생존율 저하 원인(산소 전달) 공유"),
                follow_up("2026-04-07", "보스턴 방문: 200L 발효조 시험 계획 합의", "공동연구 계획서 제출", "2026-05-22"),
                result("2026-07-15", K.JOINT_PROJECT, "농생명 국제공동연구 착수 (2.5억 원)", 250 * M, "보스턴 실증 일정 협의", "2027-01-15"),
            ),
        ),
        DemoLead(
            T("건설기계 자율작업 경로계획 기술 검토", "Path planning for autonomous construction machinery"),
            org("(주)다온중공업"), expert("seoyeon.oh@bayview-tech.example.org"), ("S11.02", "S03.01"),
            need="건설기계 원격·자율작업 제어 기술",
            steps=(
                contacted("2026-02-02", "매칭 결과: 도심 주행 경로계획 노하우 보유 (보스턴)"),
                met("2026-03-19", "화상 미팅: 굴착기 반복작업 적용 가능성 검토"),
                closed("2026-05-08", R.NO_FIT, "도심 차량용 경로계획 기술이라 굴착기 작업 제어와 맞지 않음"),
            ),
        ),
        DemoLead(
            T("니켈 초내열합금 가공 공구 수명 자문", "Advice on tool life in machining nickel superalloys"),
            org("(주)새솔정밀"), expert("kyungmin.yoon@bayview-tech.example.org"), ("S11.04", "S06.04"),
            need="항공기 엔진 부품 난삭재 정밀가공 공구 수명 향상",
            steps=(
                contacted("2026-02-16", "매칭 결과 소개 메일 발송", "회신 확인 후 화상 미팅 제안", "2026-03-13"),
                closed("2026-04-30", R.NO_RESPONSE, "메일 세 번, KSEA를 통해 한 번 연락했으나 회신 없음"),
            ),
        ),
        DemoLead(
            T("개인정보 보호 연합학습 PoC", "Privacy-preserving federated learning proof of concept"),
            org("(주)누리데이터"), expert("hyunwoo.yoon@carmelridge.example.com"), ("S05.04", "S08.01"),
            need="지역 의료기관 연합학습 기반 진단 AI",
            steps=(
                contacted("2026-01-15", "매칭 결과: 데이터·AI 보안 전문가 (하이파)"),
                met("2026-02-26", "화상 미팅: 차분 프라이버시 적용 방안 논의"),
                follow_up("2026-05-06", "공동 PoC 범위 확정 (지역 병원 2곳). 5월 상담회 방한은 항공편 취소로 무산"),
                result("2026-08-05", K.OTHER, "연합학습 PoC 완료, 공동 기술백서 발간", None, "PoC 결과로 병원 확산 과제 기획", "2026-12-23"),
            ),
        ),
        DemoLead(
            T("가축용 mRNA 백신 플랫폼 도입", "An mRNA vaccine platform for livestock"),
            org("(주)한빛펫바이오"), expert("andrew.kim@harborlight-bio.example.com"), ("S05.03", "R.AGRIBIO"),
            need="가축 전염병 mRNA 백신 플랫폼 기술",
            steps=(
                contacted("2026-03-03", "매칭 결과 소개 메일 발송"),
                met("2026-04-14", "화상 미팅: 지질나노입자 전달 기술 라이선스 가능성 문의"),
                closed("2026-07-22", R.NO_INTEREST, "상대 기업이 동물용 백신 사업에 관심 없음"),
            ),
        ),
        DemoLead(
            T("전력반도체 라인 웨이퍼 검사장비 도입 검토", "Wafer inspection equipment for a power semiconductor line"),
            org("Galilee Semiconductor Equipment Ltd."), org("(주)한빛파워반도체"), ("S01.06", "S01.03"),
            need="Wafer inspection equipment for power semiconductor lines", owner=MARKET_TEAM,
            steps=(
                contacted("2026-03-09", "Galilee의 검사장비 제안을 한빛파워반도체에 전달"),
                met("2026-04-21", "화상 데모: SiC 웨이퍼 결함 검사"),
                follow_up("2026-06-16", "장비 사양과 가격 2차 협의", "투자 일정 확정", "2026-08-28"),
                closed("2026-09-08", R.OTHER, "Harbor Point 투자로 라인 계획이 바뀌어 2027년 이후 다시 검토"),
            ),
        ),
        DemoLead(
            T("저항변화 메모리 공동연구와 방문연구", "Resistive switching memory: joint research and a research visit"),
            expert("dahye.song@pacific-cedar.example.org"), org("한빛과학기술원"), ("S01.01", "S01.08"),
            need="Korean partners sought for joint research on resistive switching memory",
            steps=(
                contacted("2026-01-09", "밴쿠버 연구자의 공동연구 파트너 모집에 한빛과학기술원 추천"),
                met("2026-02-20", "화상 미팅: 소자 공정 장비 공동 활용 논의"),
                follow_up("2026-04-28", "공동연구 주제 확정, 방문연구 일정 협의", "방문연구 초청장 발송", "2026-06-15"),
                result("2026-09-01", K.TALENT_EXCHANGE, "송다혜 박사 한빛과학기술원 6개월 방문연구 시작", None, "공동 논문 투고", "2027-02-26"),
            ),
        ),
        DemoLead(
            T("액화수소 탱크 증발가스 저감 공동연구", "Reducing boil-off in liquid hydrogen tanks"),
            expert("jiwon.han@maplewood-u.example.org"), org("한빛액화수소(주)"), ("S07.02",),
            need="Korean partners sought for joint research on boil-off management for liquid hydrogen",
            owner=ENERGY_TEAM, programme=ZONE_PROGRAMME,
            steps=(
                contacted("2026-02-23", "토론토 연구자의 액화수소 증발가스 공동연구 파트너 모집에 한빛액화수소 연결"),
                met("2026-04-02", "화상 미팅: 진공단열 구조 해석 결과 공유"),
                follow_up("2026-06-11", "단열 시험 데이터 교환", "공동 과제 제안서 제출", "2026-08-14"),
                result("2026-10-01", K.JOINT_PROJECT, "새솔 강소특구 국제협력 과제 선정 (1.5억 원)", 150 * M, "탱크 시험 일정 확정", "2027-01-08"),
            ),
        ),
        DemoLead(
            T("산업 문서 LLM 의사결정 모듈 공동연구 제안", "A decision-making module for an industrial language model"),
            expert("sungmin.shin@pacific-cedar.example.org"), org("주식회사 딥한빛"), ("S09.02",),
            need="Advice available on reinforcement learning for decision-making",
            steps=(
                contacted("2026-10-05", "매칭 결과 소개: 강화학습 의사결정 자문 가능"),
                met("2026-11-09", "화상 미팅: 공동연구 제안 방향 합의", "공동연구 제안서 초안 공유", "2026-12-11"),
            ),
        ),
        DemoLead(
            T("합성생물학 기능성 소재 생산 균주 공동개발", "A production strain for a functional food ingredient"),
            org("주식회사 팜바이오텍"), expert("sarah.oh@sunsetridge.example.org"), ("S05.01", "R.AGRIBIO"),
            need="합성생물학 기반 기능성 식품소재 생산 균주 개발",
            steps=(
                contacted("2026-10-19", "매칭 결과 안내 메일 발송", "첫 화상 미팅 일정 잡기", "2026-11-06"),
            ),
        ),
        DemoLead(
            T("리튬금속 음극 보호막 기술 협력", "Protective layers for lithium-metal anodes"),
            org("(주)에너지스토리지랩"), expert("sarah.kang@maplewood-u.example.org"), ("S02.02",),
            need="리튬금속 음극 덴드라이트 억제 기술", owner=ENERGY_TEAM,
            steps=(
                contacted("2026-11-02", "매칭 결과 안내: 리튬금속 음극 노하우 이전 제안 보유 (토론토)", "NDA 체결 후 자료 교환", "2026-12-15"),
            ),
        ),
    ]


def _by_hand() -> list[DemoLead]:
    return [
        DemoLead(
            T("OKTA 바이어 연계 소방차 중동 수출", "Fire engines to the Middle East through OKTA buyers"),
            org("(주)한빛특장"), org(OKTA_NAME), ("R.SPV",),
            owner=MARKET_TEAM,
            steps=(
                contacted("2026-02-05", "OKTA 협약에 따라 중동 지역 회원사 바이어 발굴 요청"),
                met("2026-03-26", "OKTA 두바이 지회장과 화상 상담"),
                follow_up("2026-06-18", "두바이 바이어 방한, 가온시 공장 실사", "견적과 인증 요건 확인", "2026-07-31"),
                result("2026-10-08", K.MARKET_ENTRY, "중동 소방당국에 특장 소방차 4대 수출 계약 (8.5억 원)", 850 * M, "GCC 인증 취득 지원", "2026-12-18"),
            ),
        ),
        DemoLead(
            T("스마트팜 환경제어 시스템 동남아 수출 상담", "Smart-farm control systems for South-East Asia"),
            org("새솔스마트팜(주)"), org(OKTA_NAME), ("R.AGRIBIO", "S09.03"),
            owner=MARKET_TEAM,
            steps=(
                contacted("2026-04-06", "OKTA 베트남 회원사 바이어 소개 요청"),
                met("2026-05-14", "호치민 바이어와 화상 상담"),
                closed("2026-08-31", R.NO_RESPONSE, "견적 송부 후 바이어 연락 두절"),
            ),
        ),
        DemoLead(
            T("캠핑카 북미 딜러 발굴", "North American dealers for camper vans"),
            org("누리캠핑카(주)"), org(OKTA_NAME), ("R.SPV",),
            owner="",  # nobody follows it up yet: seoro remind lists it without sending
            steps=(
                contacted("2026-09-14", "OKTA 북미 지회에 딜러 발굴 요청"),
                met("2026-10-22", "LA 지회 임원과 화상 상담: 딜러 후보 3곳", "딜러 3곳 연락처 받아 소개 메일 발송", "2026-11-25"),
            ),
        ),
        DemoLead(
            T("MIT ILP 산학협력 프로그램 참여 검토", "Joining the MIT Industrial Liaison Program"),
            org("한빛테크노파크"), org("MIT ILP"), ("S09.03", "S11.03"),
            steps=(
                contacted("2026-03-02", "도내 기업 대상 산학협력 프로그램 문의"),
                met("2026-04-29", "보스턴 출장 중 ILP 설명회 참석 및 면담"),
                follow_up("2026-09-23", "온라인 후속 회의: 회원 가입 조건과 연간 비용 설명 들음", "ILP 회원 가입 비용 검토 (도 예산 협의)", "2026-10-31"),
            ),
        ),
        DemoLead(
            T("LabCentral 입주 공간 문의", "Lab space at LabCentral"),
            org("(주)한빛그린바이오"), org("LabCentral"), ("R.AGRIBIO",),
            steps=(
                contacted("2026-08-03", "보스턴 실증을 위한 입주 절차 문의"),
                met("2026-09-09", "온라인 설명회 참석: 입주 요건 확인"),
                closed("2026-10-15", R.OTHER, "미국 법인이 있어야 신청할 수 있어 법인 설립 후 다시 신청하기로"),
            ),
        ),
        DemoLead(
            T("새솔 강소특구 수전해 스택 실증 협력", "Electrolyser stack demonstration in the Saesol zone"),
            org(ZONE_CORE), org("Boreal Hydrogen Systems Inc."), ("S07.01", "R.ENERGY"),
            owner=ENERGY_TEAM, programme=ZONE_PROGRAMME,
            steps=(
                contacted("2025-12-03", "CKC 2025에서 만난 Boreal 측에 새솔 강소특구 실증 제안"),
                met("2026-02-10", "화상 미팅: 실증 부지와 계통 연계 조건 공유"),
                follow_up("2026-04-09", "Boreal 엔지니어 2명 특구 방문, 실증 설비 배치 검토", "협약 체결 준비", "2026-06-19"),
                agreement("2026-06-24", "특구에서 실증 협력 MOU 체결", mou=DemoMou(
                    T("한빛에너지연구원–Boreal Hydrogen 수전해 실증 협력 MOU", "HERI–Boreal Hydrogen MOU on an electrolyser demonstration"),
                    (T("새솔 강소특구 수전해 실증", "Electrolyser demonstration in the Saesol zone"), T("운전 데이터 공유", "Sharing operating data")),
                    "새솔 강소연구개발특구 (Saesol R&D Special Zone)")),
                result("2026-09-15", K.JOINT_PROJECT, "특구 수전해 실증 공동 과제 착수 (7억 원)", 700 * M, "실증 설비 설치 현장 점검", "2026-12-10"),
            ),
        ),
        DemoLead(
            T("양자센싱 연구자 초빙", "Attracting a quantum sensing researcher"),
            org("한빛과학기술원"), expert("eunji.song@maplewood-u.example.org"), ("S12.03", "S12.02"),
            steps=(
                contacted("2026-03-16", "AKCSE 토론토지부 추천으로 양자센싱 연구자에게 초빙 제안"),
                met("2026-04-23", "화상 면담: 연구실 구축 조건과 정착 지원 설명"),
                follow_up("2026-07-09", "한빛과학기술원 방문 세미나와 연구실 현장 확인", "초빙 계약 조건 확정", "2026-09-30"),
                result("2026-11-02", K.TALENT_EXCHANGE, "송은지 교수를 한빛과학기술원 책임연구원으로 유치", None, "정착 지원 (연구실 구축) 계획 수립", "2027-01-05"),
            ),
        ),
        DemoLead(
            T("PEMFC 스택 가속내구 시험 공동연구", "Joint accelerated durability tests of fuel-cell stacks"),
            org("(주)한빛수소테크"), expert("taeyang.yoon@sunsetridge.example.org"), ("S07.03",),
            owner=ENERGY_TEAM,
            steps=(
                contacted("2026-01-19", "KSEA 남가주지부 소개로 스택 내구성 전문가와 연결"),
                met("2026-03-04", "화상 미팅: 가속 내구 시험 프로토콜 비교"),
                follow_up("2026-05-20", "상반기 상담회에서 시험 진행 상황 점검"),
                result("2026-08-24", K.JOINT_PROJECT, "가속 내구 시험 공동연구 계약 (2억 원)", 200 * M, "중간 결과 공유 회의", "2026-12-14"),
            ),
        ),
        DemoLead(
            T("양자 소재 기반 수소 누출 센서 공동연구", "A hydrogen leak sensor from quantum materials"),
            org("(주)다온센서"), expert("dahye.oh@hist.example.org"), ("S01.04", "S07.02"),
            owner=ENERGY_TEAM,
            steps=(
                contacted("2026-06-22", "한빛과학기술원에 돌아온 과학자와 다온센서 연결 (도내 협력)"),
                met("2026-07-28", "한빛과학기술원에서 기술 미팅"),
                follow_up("2026-10-06", "시제품 센서 감도 시험 결과 검토", "도 R&D 과제 공동 신청", "2026-12-17"),
            ),
        ),
    ]


def _from_the_spring_event() -> list[DemoLead]:
    day = "2026-05-20"
    return [
        at_spring_event(
            T("PEMFC 스택 체결·밀봉 구조 기술이전", "Clamping and sealing design for fuel-cell stacks"),
            "(주)한빛수소테크", "dahye.hwang@borealh2.example.com", ("S07.03",), owner=ENERGY_TEAM,
            steps=(
                met(day, "1:1 미팅: 스택 체결 구조와 밀봉재 시험 조건 논의"),
                arranged("2026-05-27", "2026-06-19"),
                follow_up("2026-06-16", "온라인 후속 미팅: 밀봉재 가속 시험 데이터 공유", "시제품 밀봉 구조 평가", "2026-08-31"),
                result("2026-10-28", K.TECH_TRANSFER, "Boreal 밀봉 구조 설계 노하우 기술이전 계약 (2.2억 원)", 220 * M, "기술이전 교육 일정 확정", "2027-01-22"),
            ),
        ),
        at_spring_event(
            T("수전해–저장 연계 운전 공동연구", "Joint research on electrolysis coupled with storage"),
            "주식회사 그린수전해", "seungho.yoo@belleforet.example.org", ("S07.01", "S07.02"), firm_asked=False, owner=ENERGY_TEAM,
            steps=(
                met(day, "1:1 미팅: 수전해 설비와 저장 연계 운전 공동연구 제안을 받음"),
                arranged("2026-05-28", "2026-06-26"),
                follow_up("2026-06-24", "Online follow-up: scope of a joint proposal", "공동 제안서 역할 분담", "2026-08-14"),
                closed("2026-09-10", R.ELSEWHERE, "국내 수소 특화단지 컨소시엄 과제에 참여하기로 해 해외 공동연구는 보류"),
            ),
        ),
        at_spring_event(
            T("Type 4 라이너 수소 투과도 공동연구", "Hydrogen permeation of Type 4 tank liners"),
            "(주)하이드로젠로지스", "dahye.jang@belleforet.example.org", ("S07.02",), owner=ENERGY_TEAM,
            steps=(
                met(day, "1:1 미팅: 라이너 소재 투과도 측정 방법 비교"),
                arranged("2026-06-02", "2026-10-14", online=False),
                follow_up("2026-10-14", "2026 한빛 국제 기술협력 상담회에서 후속 미팅: 공동 시험 방법 합의", "공동연구 계약 문안 검토", "2026-10-30"),
                result("2026-11-05", K.JOINT_PROJECT, "Type 4 라이너 투과도 공동연구 계약 (1.2억 원)", 120 * M, "공동연구 협약서 서명", "2026-12-11"),
            ),
        ),
        at_spring_event(
            T("하이니켈 양극재용 전해액 첨가제 공동 평가", "Electrolyte additives for high-nickel cathodes"),
            "(주)한빛배터리소재", "hyejin.jang@bayview-tech.example.org", ("S02.01",), owner=ENERGY_TEAM,
            steps=(
                met(day, "1:1 미팅: 전해액 첨가제와 코팅 양극재 조합 평가 제안"),
                follow_up("2026-07-08", "보스턴 연구실과 화상 회의: 첨가제 3종 평가 결과 공유", "공동 특허 출원 검토", "2026-10-15"),
            ),
        ),
        at_spring_event(
            T("황화물계 고체전해질 전구체 공급 협력", "Precursors for sulphide solid electrolytes"),
            "주식회사 솔리드셀", "grace.ahn@belle-rive.example.com", ("S02.02",), owner=ENERGY_TEAM,
            steps=(
                met(day, "1:1 미팅: 고체전해질 전구체 순도 사양 비교"),
                closed("2026-07-30", R.NO_FIT, "요구 순도(99.99%)와 공급 가능한 사양이 맞지 않음"),
            ),
        ),
        at_spring_event(
            T("사용후 배터리 잔존수명 진단 실증과 투자 유치", "Battery health diagnostics: a US pilot and investment"),
            "(주)리배터리", "youngsoo.hwang@missionmesa.example.org", ("S02.04", "S02.03"), firm_asked=False, owner=MARKET_TEAM,
            steps=(
                met(day, "1:1 미팅: 잔존수명 진단 알고리즘 미국 실증 제안"),
                arranged("2026-05-29", "2026-06-30"),
                follow_up("2026-06-25", "Online follow-up: pilot with a San Diego e-bike fleet", "실증 데이터 공유 계약", "2026-08-31"),
                result("2026-11-20", K.INVESTMENT, "KSEA 샌디에이고지부 네트워크로 소개받은 현지 투자사의 시리즈A 투자 (15억 원)", 1_500 * M, "미국 법인 설립과 실증 사이트 선정", "2027-02-26"),
            ),
        ),
        at_spring_event(
            T("비전검사 AI 학습 인프라 경량화", "Lighter training infrastructure for inspection AI"),
            "(주)새솔AI", "kevin.song@belleforet.example.org", ("S09.01", "S09.03"),
            steps=(
                met(day, "1:1 미팅: 검사 AI 학습 인프라 경량화 협력 타진"),
                closed("2026-06-19", R.NO_INTEREST, "교수 측 연구 방향(대규모 학습 인프라)과 관심사가 달라 중단"),
            ),
        ),
        at_spring_event(
            T("협동로봇 비정형 물체 파지 AI 공동연구", "AI grasping of irregular objects for cobots"),
            "(주)가온로보틱스", "hyunwoo.kim@pacific-cedar.example.org", ("S11.01", "S09.03"),
            steps=(
                met(day, "1:1 미팅: 비정형 물체 파지 데이터셋 공동 구축 논의"),
                follow_up("2026-07-15", "밴쿠버 연구실 방문: 파지 알고리즘 시연"),
                agreement("2026-09-22", "공동연구 협약 체결", "공동 연구실 설치 협의", "2026-12-22", mou=DemoMou(
                    T("가온로보틱스–Pacific Cedar University 지능형 로봇 공동연구 협약", "Gaon Robotics–Pacific Cedar University MOU on intelligent robots"),
                    (T("파지 AI 공동연구", "Joint research on AI grasping"), T("연구원 교류", "Exchange of researchers")),
                    "Vancouver")),
            ),
        ),
        at_spring_event(
            T("SiC 전력모듈 신뢰성 평가 인력 교류", "Researcher exchange on SiC module reliability"),
            "(주)한빛파워반도체", "hana.jung@bayview-tech.example.org", ("S01.03",),
            steps=(
                met(day, "1:1 미팅: SiC 모듈 신뢰성 평가 방법 교류"),
                follow_up("2026-06-30", "온라인 후속 미팅: 파견 연수 프로그램 설계", "파견 연구원 선발", "2026-08-14"),
                result("2026-10-12", K.TALENT_EXCHANGE, "연구원 2명 보스턴 3개월 파견 연수 시작", None, "파견 연구원 귀국 보고회", "2027-01-29"),
            ),
        ),
        at_spring_event(
            T("수소 특장차 전동 파워트레인 공동 개발", "Electric powertrain for a hydrogen special-purpose vehicle"),
            "주식회사 새솔모빌리티", "julia.park@coastline-mobility.example.com", ("S03.03", "R.SPV"), owner=MARKET_TEAM,
            steps=(
                met(day, "1:1 미팅: 수소 특장차 전동 파워트레인 협력 논의"),
                follow_up("2026-07-14", "화상 회의: 모터·인버터 사양 교환"),
                follow_up("2026-09-29", "어바인 현지 미팅: 시제품 사양 논의", "공동 시제품 사양 확정", "2026-11-13"),
            ),
        ),
        at_spring_event(
            T("지역 병원 연합학습 헬스데이터 분석 공동연구", "Federated health-data analytics with regional hospitals"),
            "(주)누리데이터", "yejin.han@pacific-cedar.example.org", ("S05.04",), firm_asked=False,
            steps=(
                met(day, "1:1 미팅: 연합학습 기반 헬스데이터 분석 협력 제안"),
                follow_up("2026-06-23", "Online follow-up: data-sharing agreement with two regional hospitals"),
                result("2026-09-28", K.JOINT_PROJECT, "디지털 헬스 국제공동연구 착수 (2.8억 원)", 280 * M, "IRB 승인 서류 제출", "2026-12-09"),
            ),
        ),
        at_spring_event(
            T("티타늄 항공부품 적층제조 결함 분석", "Defect analysis of additively made titanium parts"),
            "주식회사 케이티타늄", "kyungmin.yoon@bayview-tech.example.org", ("S06.04",),
            steps=(
                met(day, "1:1 미팅: 적층제조 부품 결함 분석 협력 타진"),
                closed("2026-08-20", R.NO_RESPONSE, "상담회 후 세 차례 연락했으나 회신 없음"),
            ),
        ),
        at_spring_event(
            T("액화수소 저장 실증 데이터 공동 분석", "Joint analysis of liquid hydrogen storage data"),
            ZONE_CORE, "taeyang.yoon@sunsetridge.example.org", ("S07.02", "R.ENERGY"), owner=ENERGY_TEAM, programme=ZONE_PROGRAMME,
            steps=(
                met(day, "1:1 미팅: 액화수소 저장 실증 데이터 공동 분석 제안"),
                arranged("2026-06-05", "2026-07-10"),
                follow_up("2026-07-09", "Online follow-up: a shared data format agreed", "공동 논문 초안 작성", "2026-12-30"),
            ),
        ),
    ]
# fmt: on


def build_leads() -> list[DemoLead]:
    """Every demo lead, in the order they started (a lead's number follows it)."""
    leads = _from_agreements() + _from_matches() + _by_hand() + _from_the_spring_event()
    return sorted(leads, key=lambda lead: lead.started)
