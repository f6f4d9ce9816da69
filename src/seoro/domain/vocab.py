"""Closed vocabularies (kinds, statuses, languages) with the Korean and English words staff use for them."""

from __future__ import annotations

from enum import StrEnum
from typing import TypeVar

from seoro.domain.errors import DomainError
from seoro.domain.text import BilingualText, clean


class OrgKind(StrEnum):
    COMPANY = "company"
    UNIVERSITY = "university"
    RESEARCH_INSTITUTE = "research_institute"
    ASSOCIATION = "association"
    CHAPTER = "chapter"
    GOVERNMENT = "government"
    INNOVATION_ZONE = "innovation_zone"
    INCUBATOR = "incubator"
    INVESTOR = "investor"
    TRADE_NETWORK = "trade_network"
    OTHER = "other"


class ProfileKind(StrEnum):
    NEED = "need"
    OFFER = "offer"
    PARTNER_SEARCH = "partner_search"
    BUSINESS_OFFER = "business_offer"
    BUSINESS_REQUEST = "business_request"
    EXPERTISE = "expertise"


class ProfileStatus(StrEnum):
    DRAFT = "draft"
    ACTIVE = "active"
    MATCHED = "matched"
    CLOSED = "closed"


class AgreementStatus(StrEnum):
    PLANNED = "planned"
    SIGNED = "signed"
    ACTIVE = "active"
    ENDED = "ended"


class LeadStage(StrEnum):
    """Where a cooperation lead stands; the allowed moves are ``domain.pipeline.MOVES``."""

    CONTACTED = "contacted"
    MET = "met"
    FOLLOW_UP = "follow_up"
    AGREEMENT = "agreement"
    RESULT = "result"
    CLOSED = "closed"


class ResultKind(StrEnum):
    JOINT_PROJECT = "joint_project"
    TECH_TRANSFER = "tech_transfer"
    TALENT_EXCHANGE = "talent_exchange"
    MARKET_ENTRY = "market_entry"
    INVESTMENT = "investment"
    OTHER = "other"


class CloseReason(StrEnum):
    NO_INTEREST = "no_interest"
    NO_FIT = "no_fit"
    NO_RESPONSE = "no_response"
    NO_FUNDING = "no_funding"
    ELSEWHERE = "elsewhere"
    OTHER = "other"


# member: (Korean label, English label, other spellings). Keyed through _key_of because members of
# different enums can share a value (ProfileStatus.ACTIVE == AgreementStatus.ACTIVE == "active").
_LABELS: tuple[tuple[StrEnum, tuple[str, str, tuple[str, ...]]], ...] = (
    (
        OrgKind.COMPANY,
        (
            "기업",
            "Company",
            ("회사", "중소기업", "중견기업", "대기업", "스타트업", "벤처", "firm", "startup", "sme"),
        ),
    ),
    (OrgKind.UNIVERSITY, ("대학", "University", ("대학교", "대학원", "college", "school", "univ"))),
    (
        OrgKind.RESEARCH_INSTITUTE,
        (
            "연구기관",
            "Research institute",
            ("연구소", "연구원", "출연연", "institute", "lab", "laboratory", "research center"),
        ),
    ),
    (OrgKind.ASSOCIATION, ("협회·학회", "Association", ("협회", "학회", "단체", "society", "federation"))),
    (OrgKind.CHAPTER, ("지부·지회", "Association chapter", ("지부", "지회", "chapter", "branch"))),
    (
        OrgKind.GOVERNMENT,
        (
            "정부·지자체",
            "Government body",
            ("정부", "지자체", "지방자치단체", "부처", "시청", "도청", "government", "ministry", "city", "province"),
        ),
    ),
    (
        OrgKind.INNOVATION_ZONE,
        (
            "특구·클러스터",
            "Innovation zone / cluster",
            ("특구", "강소특구", "클러스터", "innovation zone", "cluster", "zone"),
        ),
    ),
    (
        OrgKind.INCUBATOR,
        (
            "창업보육·인큐베이터",
            "Incubator",
            ("인큐베이터", "창업보육", "창업보육센터", "액셀러레이터", "accelerator"),
        ),
    ),
    (OrgKind.INVESTOR, ("투자기관", "Investor", ("투자사", "벤처캐피탈", "vc", "venture capital", "fund"))),
    (
        OrgKind.TRADE_NETWORK,
        (
            "무역·경제 네트워크",
            "Trade network",
            ("무역네트워크", "한인무역협회", "상공회의소", "chamber of commerce", "trade association"),
        ),
    ),
    (OrgKind.OTHER, ("기타", "Other", ())),
    (
        ProfileKind.NEED,
        (
            "기술수요",
            "Technology need",
            ("수요", "기술 수요", "기술요청", "request", "technology request", "need"),
        ),
    ),
    (
        ProfileKind.OFFER,
        (
            "기술공급",
            "Technology offer",
            ("공급", "기술 공급", "보유기술", "기술이전", "offer", "technology offer"),
        ),
    ),
    (
        ProfileKind.PARTNER_SEARCH,
        (
            "공동연구 파트너 찾기",
            "R&D partner search",
            ("공동연구", "파트너", "파트너 찾기", "partner search", "r&d partner"),
        ),
    ),
    (ProfileKind.BUSINESS_OFFER, ("사업 제안", "Business offer", ("사업제안", "business offer"))),
    (ProfileKind.BUSINESS_REQUEST, ("사업 요청", "Business request", ("사업요청", "business request"))),
    (ProfileKind.EXPERTISE, ("전문분야", "Expertise", ("전문성", "expertise"))),
    (ProfileStatus.DRAFT, ("작성중", "Draft", ("초안", "draft"))),
    (ProfileStatus.ACTIVE, ("진행중", "Active", ("활성", "게시", "모집중", "open", "active"))),
    (ProfileStatus.MATCHED, ("매칭완료", "Matched", ("매칭", "matched"))),
    (ProfileStatus.CLOSED, ("종료", "Closed", ("마감", "완료", "closed", "done"))),
    (AgreementStatus.PLANNED, ("체결예정", "Planned", ("예정", "planned"))),
    (AgreementStatus.SIGNED, ("체결", "Signed", ("체결완료", "signed"))),
    (AgreementStatus.ACTIVE, ("이행중", "In force", ("이행", "active", "in force"))),
    (AgreementStatus.ENDED, ("종료", "Ended", ("만료", "ended", "expired"))),
    (LeadStage.CONTACTED, ("접촉", "Contacted", ("연락", "contact", "contacted"))),
    (LeadStage.MET, ("미팅", "Met", ("1차 미팅", "상담", "met", "meeting"))),
    (LeadStage.FOLLOW_UP, ("후속 미팅", "Follow-up meeting", ("후속미팅", "후속", "follow-up", "follow up"))),
    (LeadStage.AGREEMENT, ("협약(MOU)", "Agreement (MOU)", ("협약", "MOU", "업무협약", "agreement"))),
    (LeadStage.RESULT, ("성과", "Result", ("성과 창출", "result", "outcome"))),
    (LeadStage.CLOSED, ("종결", "Closed", ("중단", "closed", "dropped"))),
    (
        ResultKind.JOINT_PROJECT,
        ("공동연구·과제", "Joint project", ("공동연구", "공동과제", "공동 R&D", "joint research", "joint r&d")),
    ),
    (
        ResultKind.TECH_TRANSFER,
        ("기술이전", "Technology transfer", ("기술 이전", "라이선스", "technology transfer", "licence", "license")),
    ),
    (
        ResultKind.TALENT_EXCHANGE,
        ("인력 교류·유치", "Talent exchange", ("인력교류", "인재 유치", "인력 유치", "talent", "exchange")),
    ),
    (
        ResultKind.MARKET_ENTRY,
        ("해외 진출", "Market entry", ("해외진출", "수출", "시장 진출", "market entry", "export")),
    ),
    (ResultKind.INVESTMENT, ("투자 유치", "Investment", ("투자", "투자유치", "investment", "funding"))),
    (ResultKind.OTHER, ("기타 성과", "Other result", ("기타", "other"))),
    (CloseReason.NO_INTEREST, ("관심 없음", "No interest", ("무관심", "no interest"))),
    (CloseReason.NO_FIT, ("기술·사업 불일치", "No fit", ("불일치", "맞지 않음", "no fit", "mismatch"))),
    (CloseReason.NO_RESPONSE, ("응답 없음", "No response", ("연락 두절", "무응답", "no response"))),
    (CloseReason.NO_FUNDING, ("예산·자금 부족", "No funding", ("예산 부족", "자금 부족", "no funding", "no budget"))),
    (CloseReason.ELSEWHERE, ("다른 파트너 선택", "Chose another partner", ("다른 파트너", "elsewhere"))),
    (CloseReason.OTHER, ("기타 사유", "Other reason", ("기타", "other"))),
)

LANGUAGES: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "ko": ("한국어", "Korean", ("한국말", "한글", "kor", "korean")),
    "en": ("영어", "English", ("eng", "english")),
    "fr": ("프랑스어", "French", ("불어", "fra", "french", "français")),
    "de": ("독일어", "German", ("deu", "german", "deutsch")),
    "ja": ("일본어", "Japanese", ("jpn", "japanese")),
    "zh": ("중국어", "Chinese", ("zho", "chinese", "mandarin")),
    "es": ("스페인어", "Spanish", ("spa", "spanish")),
    "ru": ("러시아어", "Russian", ("rus", "russian")),
    "he": ("히브리어", "Hebrew", ("heb", "hebrew")),
    "vi": ("베트남어", "Vietnamese", ("vie", "vietnamese")),
}

E = TypeVar("E", bound=StrEnum)


def _key_of(member: StrEnum) -> tuple[str, str]:
    return (type(member).__name__, member.value)


LABELS: dict[tuple[str, str], tuple[str, str, tuple[str, ...]]] = {_key_of(m): v for m, v in _LABELS}


def words(member: StrEnum) -> tuple[str, str, tuple[str, ...]]:
    """(Korean label, English label, other spellings) of an enum member."""
    return LABELS[_key_of(member)]


def label(value: StrEnum) -> BilingualText:
    ko, en, _ = words(value)
    return BilingualText(ko=ko, en=en)


def _key(text: str) -> str:
    return clean(text).casefold().replace(" ", "")


def parse_choice(enum: type[E], text: str) -> E:
    """The member of ``enum`` meant by ``text`` (its value, Korean or English label, or a known synonym)."""
    wanted = _key(text)
    for member in enum:
        ko, en, others = words(member)
        if wanted in {_key(s) for s in (member.value, ko, en, *others)}:
            return member
    choices = ", ".join(f"{words(m)[0]}/{m.value}" for m in enum)
    raise DomainError("unknown_choice", value=text, choices=choices)


def parse_language(text: str) -> str:
    wanted = _key(text)
    for code, (ko, en, others) in LANGUAGES.items():
        if wanted in {_key(s) for s in (code, ko, en, *others)}:
            return code
    raise DomainError("unknown_language", value=text, choices=", ".join(sorted(LANGUAGES)))
