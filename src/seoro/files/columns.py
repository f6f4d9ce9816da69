"""What each import kind's columns are: canonical keys, value types, and the headers staff write.

The first header of each column is the Korean template header, the second the English one; the
rest are spellings seen in agency files. Matching ignores case, spaces, line breaks and a trailing
``*`` (the template's mark for a required column). Generic columns (``name``, ``title``,
``description``, ``expertise``) are routed to the Korean or English slot by the script of their text.
"""

from __future__ import annotations

import builtins
from dataclasses import dataclass
from enum import StrEnum

from seoro.domain.text import BilingualText
from seoro.domain.vocab import OrgKind, ProfileKind, ProfileStatus


class RecordKind(StrEnum):
    ORGANISATIONS = "organisations"
    EXPERTS = "experts"
    PUBLICATIONS = "publications"
    PROFILES = "profiles"


class ValueType(StrEnum):
    TEXT = "text"  # one line
    LONGTEXT = "longtext"  # line breaks kept
    LIST = "list"  # split on , ; 、 and line breaks
    NAMES = "names"  # split on ; and line breaks only ("Co., Ltd." keeps its comma)
    INT = "int"
    YEAR = "year"
    DATE = "date"
    EMAIL = "email"
    URL = "url"
    DOI = "doi"
    COUNTRY = "country"  # ISO 3166-1 alpha-2
    LANGUAGES = "languages"  # ISO 639-1 codes
    CHOICE = "choice"  # a member of ``Column.choices``


@dataclass(frozen=True)
class Column:
    key: str
    type: ValueType
    headers: tuple[str, ...]
    help: BilingualText
    example: str = ""
    required: bool = False
    choices: builtins.type[StrEnum] | None = None

    @property
    def header_ko(self) -> str:
        return self.headers[0]

    @property
    def header_en(self) -> str:
        return self.headers[1]


def _c(
    key: str, type_: ValueType, headers: tuple[str, ...], ko: str, en: str, example: str = "", **kw: object
) -> Column:
    return Column(key, type_, headers, BilingualText(ko, en), example, **kw)  # type: ignore[arg-type]


_T, _L, _N = ValueType.TEXT, ValueType.LONGTEXT, ValueType.LIST
_EMAIL = ("이메일", "E-mail", "email", "메일", "전자우편", "담당자 이메일", "담당자이메일", "E-mail address")
_PHONE = ("연락처", "Phone", "전화번호", "전화", "Tel", "담당자 연락처", "휴대폰", "Mobile")
_FIELDS = (
    "기술분야",
    "Technology fields",
    "분야",
    "산업분야",
    "관심분야",
    "Fields",
    "Field",
    "Technology field",
    "기술분야(코드)",
)
_ID = _c(
    "id",
    ValueType.INT,
    ("ID", "Seoro ID", "seoro_id", "번호(ID)"),
    "Seoro가 부여한 번호(내보낸 파일을 다시 불러올 때 사용)",
    "Seoro's record number (lets an exported file be re-imported)",
    "12",
)

ORGANISATION_COLUMNS: tuple[Column, ...] = (
    _ID,
    _c(
        "name_ko",
        _T,
        ("기관명(국문)", "Name (Korean)", "국문명", "한글명", "기관명(한글)", "Korean name"),
        "한국어 기관명",
        "Name in Korean",
        "한국과학기술연구원",
    ),
    _c(
        "name_en",
        _T,
        ("기관명(영문)", "Name (English)", "영문명", "English name", "기관 영문명"),
        "영어 기관명",
        "Name in English",
        "Korea Institute of Science and Technology",
    ),
    _c(
        "name",
        _T,
        ("기관명", "Organisation", "Organization", "Name", "기업명", "회사명", "업체명", "단체명", "기관"),
        "기관명(언어 자동 판별)",
        "Name in either language (detected)",
        "Hanbit Hydrogen Inc.",
    ),
    _c(
        "aliases",
        ValueType.NAMES,
        ("별칭", "Aliases", "약칭", "약어", "다른 이름", "Also known as", "Acronym", "Abbreviation"),
        "약칭·다른 표기(; 로 구분)",
        "Other names and acronyms, separated by ;",
        "KIST",
    ),
    _c(
        "kind",
        ValueType.CHOICE,
        ("기관유형", "Type", "구분", "유형", "기관구분", "Kind", "Organisation type", "Organization type"),
        "기관 유형",
        "Kind of organisation",
        "연구기관",
        choices=OrgKind,
    ),
    _c(
        "country",
        ValueType.COUNTRY,
        ("국가", "Country", "국가명", "소재국"),
        "국가(한글·영문·ISO 코드)",
        "Country (name or ISO code)",
        "대한민국",
    ),
    _c(
        "region",
        _T,
        ("지역", "Region", "시도", "소재지", "State/Province", "주/도", "도시", "City"),
        "지역·도시",
        "Region or city",
        "서울",
    ),
    _c(
        "website",
        ValueType.URL,
        ("홈페이지", "Website", "웹사이트", "Homepage", "URL"),
        "홈페이지 주소",
        "Web address",
        "https://www.kist.re.kr",
    ),
    _c(
        "parent",
        ValueType.TEXT,
        ("상위기관", "Parent organisation", "모기관", "Parent organization", "Parent", "중심기관", "소속 협회"),
        "상위 기관명(지부의 협회, 특구의 중심기관)",
        "Parent (a chapter's association, a zone's core institution)",
        "",
    ),
    _c(
        "fields",
        _N,
        _FIELDS,
        "기술분야(코드나 분야명, 쉼표로 구분)",
        "Technology fields (codes or names, comma-separated)",
        "S07.03, 수소",
    ),
    _c(
        "description_ko",
        _L,
        ("기관소개(국문)", "Description (Korean)", "국문 소개"),
        "한국어 기관 소개",
        "About the organisation in Korean",
        "",
    ),
    _c(
        "description_en",
        _L,
        ("기관소개(영문)", "Description (English)", "영문 소개"),
        "영어 기관 소개",
        "About the organisation in English",
        "",
    ),
    _c(
        "description",
        _L,
        ("기관소개", "Description", "소개", "설명", "주요사업", "About"),
        "기관 소개",
        "About the organisation",
        "",
    ),
    _c(
        "contact_name",
        _T,
        ("담당자", "Contact person", "담당자명", "담당자 성명", "Contact"),
        "담당자 이름",
        "Contact person",
        "김서로",
    ),
    _c("contact_email", ValueType.EMAIL, _EMAIL, "담당자 이메일", "Contact e-mail", "contact@example.org"),
    _c("contact_phone", _T, _PHONE, "담당자 연락처", "Contact phone", "042-000-0000"),
)

EXPERT_COLUMNS: tuple[Column, ...] = (
    _ID,
    _c(
        "name_ko",
        _T,
        ("성명(국문)", "Name (Korean)", "국문성명", "한글성명", "Korean name"),
        "한국어 성명",
        "Name in Korean",
        "홍길동",
    ),
    _c(
        "name_en",
        _T,
        ("성명(영문)", "Name (English)", "영문성명", "English name"),
        "영어 성명",
        "Name in English",
        "Gildong Hong",
    ),
    _c(
        "name",
        _T,
        ("성명", "Name", "이름", "전문가명", "Full name"),
        "성명(언어 자동 판별)",
        "Name in either language (detected)",
        "",
    ),
    _c(
        "email",
        ValueType.EMAIL,
        _EMAIL,
        "이메일(같은 사람을 알아보는 데 사용)",
        "E-mail (used to recognise the same person)",
        "g.hong@example.edu",
        required=False,
    ),
    _c("phone", _T, _PHONE, "연락처", "Phone", ""),
    _c(
        "affiliations",
        ValueType.NAMES,
        ("소속", "Affiliation", "소속기관", "기관명", "Organisation", "Organization", "Institution", "Affiliations"),
        "소속 기관(여럿이면 ; 로 구분)",
        "Affiliations, separated by ;",
        "University of Toronto",
    ),
    _c("position", _T, ("직위", "Position", "직책", "직급", "Job title"), "직위", "Position", "Professor"),
    _c("country", ValueType.COUNTRY, ("국가", "Country", "거주국", "국가명"), "국가", "Country", "캐나다"),
    _c(
        "languages",
        ValueType.LANGUAGES,
        ("사용언어", "Languages", "언어", "구사언어", "Language"),
        "사용 언어(쉼표로 구분)",
        "Languages spoken, comma-separated",
        "ko, en",
    ),
    _c(
        "expertise_ko",
        _L,
        ("전문분야(국문)", "Expertise (Korean)", "국문 전문분야"),
        "한국어 전문분야 설명",
        "Expertise statement in Korean",
        "",
    ),
    _c(
        "expertise_en",
        _L,
        ("전문분야(영문)", "Expertise (English)", "영문 전문분야"),
        "영어 전문분야 설명",
        "Expertise statement in English",
        "",
    ),
    _c(
        "expertise",
        _L,
        (
            "전문분야",
            "Expertise",
            "전문분야 설명",
            "연구분야",
            "Research interests",
            "Research area",
            "Expertise statement",
        ),
        "전문분야 설명(언어 자동 판별)",
        "Expertise statement (either language)",
        "PEM fuel cell degradation, catalyst layers",
    ),
    _c(
        "keywords",
        _N,
        ("키워드", "Keywords", "주요 키워드", "주요키워드"),
        "키워드(쉼표로 구분)",
        "Keywords, comma-separated",
        "fuel cell, catalyst",
    ),
    _c("fields", _N, _FIELDS, "기술분야", "Technology fields", "S07.03"),
    _c(
        "memberships",
        ValueType.NAMES,
        ("소속 협회", "Member of", "회원 단체", "협회", "Association", "Associations", "지부", "Chapter"),
        "회원으로 속한 협회·지부(; 로 구분)",
        "Associations and chapters, separated by ;",
        "AKCSE",
    ),
    _c("website", ValueType.URL, ("홈페이지", "Website", "웹사이트", "Homepage"), "홈페이지", "Web page", ""),
)

PUBLICATION_COLUMNS: tuple[Column, ...] = (
    _c(
        "expert_email",
        ValueType.EMAIL,
        ("전문가 이메일", "Expert e-mail", "이메일", "E-mail", "email"),
        "전문가 이메일(전문가를 찾는 데 사용)",
        "The expert's e-mail (finds the expert)",
        "g.hong@example.edu",
    ),
    _c(
        "expert_name",
        _T,
        ("전문가 성명", "Expert name", "성명", "Expert", "이름", "Name"),
        "전문가 성명(이메일이 없을 때)",
        "The expert's name (when there is no e-mail)",
        "Gildong Hong",
    ),
    _c(
        "title",
        _T,
        ("논문명", "Title", "제목", "논문 제목", "Paper title"),
        "논문 제목",
        "Title",
        "Durability of PEM fuel cell stacks",
        required=True,
    ),
    _c("abstract", _L, ("초록", "Abstract", "요약", "Summary"), "초록", "Abstract", ""),
    _c("year", ValueType.YEAR, ("연도", "Year", "발행연도", "게재연도", "출판연도"), "발행 연도", "Year", "2024"),
    _c(
        "venue",
        _T,
        ("학술지", "Venue", "게재지", "저널", "Journal", "학술대회", "Conference"),
        "학술지·학술대회",
        "Journal or conference",
        "Journal of Power Sources",
    ),
    _c("doi", ValueType.DOI, ("DOI", "doi", "디오아이"), "DOI", "DOI", "10.1000/xyz123"),
    _c(
        "authors",
        _T,
        ("저자", "Authors", "공저자", "저자목록", "Author list"),
        "저자 목록",
        "Authors",
        "Hong G., Kim S.",
    ),
)

PROFILE_COLUMNS: tuple[Column, ...] = (
    _ID,
    _c(
        "kind",
        ValueType.CHOICE,
        ("구분", "Kind", "유형", "프로필 유형", "Profile type", "Type"),
        "유형(비우면 기술수요)",
        "Kind (blank means technology need)",
        "기술수요",
        choices=ProfileKind,
    ),
    _c(
        "title_ko",
        _T,
        ("제목(국문)", "Title (Korean)", "국문 제목", "Korean title"),
        "한국어 제목",
        "Title in Korean",
        "수소연료전지 스택 내구성 향상 기술",
    ),
    _c(
        "title_en",
        _T,
        ("제목(영문)", "Title (English)", "영문 제목", "English title"),
        "영어 제목",
        "Title in English",
        "Improving PEM fuel cell stack durability",
    ),
    _c(
        "title",
        _T,
        (
            "제목",
            "Title",
            "과제명",
            "기술명",
            "기술수요",
            "기술수요명",
            "수요기술명",
            "보유기술명",
            "기술공급",
            "Need",
            "Offer",
        ),
        "제목(언어 자동 판별)",
        "Title in either language (detected)",
        "",
    ),
    _c(
        "description_ko",
        _L,
        ("내용(국문)", "Description (Korean)", "국문 내용"),
        "한국어 내용",
        "Description in Korean",
        "",
    ),
    _c(
        "description_en",
        _L,
        ("내용(영문)", "Description (English)", "영문 내용"),
        "영어 내용",
        "Description in English",
        "",
    ),
    _c(
        "description",
        _L,
        ("내용", "Description", "상세내용", "기술수요 내용", "수요내용", "세부내용", "요구사항", "Details", "설명"),
        "내용(언어 자동 판별)",
        "Description in either language (detected)",
        "",
    ),
    _c("fields", _N, _FIELDS, "기술분야", "Technology fields", "수소 연료전지·발전"),
    _c("keywords", _N, ("키워드", "Keywords", "주요 키워드"), "키워드", "Keywords", "스택, 내구성"),
    _c(
        "organisation",
        _T,
        ("기관명", "Organisation", "Organization", "기업명", "회사명", "업체명", "수요기관", "Company"),
        "기관명(없으면 새로 등록)",
        "Organisation (registered if new)",
        "(주)한빛수소테크",
    ),
    _c(
        "organisation_kind",
        ValueType.CHOICE,
        ("기관유형", "Organisation type", "Organization type", "기관구분"),
        "새로 등록할 기관의 유형(비우면 기업)",
        "Kind of a new organisation (blank means company)",
        "기업",
        choices=OrgKind,
    ),
    _c(
        "country",
        ValueType.COUNTRY,
        ("국가", "Country"),
        "새로 등록할 기관의 국가",
        "Country of a new organisation",
        "대한민국",
    ),
    _c(
        "expert",
        _T,
        ("전문가", "Expert", "전문가 이메일", "Expert e-mail"),
        "전문가(이메일 또는 성명)",
        "Expert (e-mail or name)",
        "",
    ),
    _c(
        "status",
        ValueType.CHOICE,
        ("상태", "Status", "진행상태"),
        "상태(비우면 진행중)",
        "Status (blank means active)",
        "진행중",
        choices=ProfileStatus,
    ),
    _c(
        "valid_from",
        ValueType.DATE,
        ("시작일", "Valid from", "등록일", "게시일", "Start date"),
        "시작일",
        "Valid from",
        "2025.07.28",
    ),
    _c(
        "valid_until",
        ValueType.DATE,
        ("마감일", "Valid until", "종료일", "유효기간", "Deadline", "End date"),
        "마감일",
        "Valid until",
        "2025년 12월 31일",
    ),
    _c("contact_name", _T, ("담당자", "Contact person", "담당자명", "Contact"), "담당자", "Contact person", "김서로"),
    _c("contact_email", ValueType.EMAIL, _EMAIL, "담당자 이메일", "Contact e-mail", "contact@example.com"),
    _c("contact_phone", _T, _PHONE, "담당자 연락처", "Contact phone", ""),
)

# Generic columns (any language) and the Korean and English fields their text is routed to.
GENERIC: dict[RecordKind, dict[str, tuple[str, str]]] = {
    RecordKind.ORGANISATIONS: {"name": ("name_ko", "name_en"), "description": ("description_ko", "description_en")},
    RecordKind.EXPERTS: {"name": ("name_ko", "name_en"), "expertise": ("expertise_ko", "expertise_en")},
    RecordKind.PUBLICATIONS: {},
    RecordKind.PROFILES: {"title": ("title_ko", "title_en"), "description": ("description_ko", "description_en")},
}

COLUMNS: dict[RecordKind, tuple[Column, ...]] = {
    RecordKind.ORGANISATIONS: ORGANISATION_COLUMNS,
    RecordKind.EXPERTS: EXPERT_COLUMNS,
    RecordKind.PUBLICATIONS: PUBLICATION_COLUMNS,
    RecordKind.PROFILES: PROFILE_COLUMNS,
}

# Sheet names that say which kind a sheet holds (a workbook may hold several kinds, imported together).
SHEET_NAMES: dict[RecordKind, tuple[str, ...]] = {
    RecordKind.ORGANISATIONS: ("기관", "기관목록", "기관 목록", "organisations", "organizations", "orgs"),
    RecordKind.EXPERTS: ("전문가", "전문가목록", "전문가 목록", "experts", "people", "members", "회원"),
    RecordKind.PUBLICATIONS: ("논문", "논문목록", "publications", "papers"),
    RecordKind.PROFILES: ("프로필", "기술수요", "수요조사", "profiles", "needs", "offers"),
}

IMPORT_ORDER = (RecordKind.ORGANISATIONS, RecordKind.EXPERTS, RecordKind.PUBLICATIONS, RecordKind.PROFILES)
