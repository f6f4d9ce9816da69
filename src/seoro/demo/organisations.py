"""Organisations other than the regional firms: the province side, the diaspora and trade networks, and abroad.

Real organisations (AKCSE, KSEA and its Southern California and San Diego chapters, OKTA, MIT and
MIT ILP, LabCentral, UC San Diego and Calit2, CONNECT, CommNexus, the City of San Diego) carry only
what the design's CONTEXT says about them: name, kind, country, a place where CONTEXT gives one and
a one-line role. Hanbit Province, its institutes, Saesol City and its zone, the AKCSE city chapters
(structure only) and the universities and companies with ``example`` web domains are fictional.
"""

from __future__ import annotations

from typing import NamedTuple

from seoro.demo.common import Record, compact
from seoro.domain.vocab import OrgKind

PROVINCE = "한빛도"
CITY = "새솔시"
ZONE_CORE = "한빛에너지연구원"
SCIENCE_INSTITUTE_ALIAS = "HIST"  # how the experts who came back to Korea write 한빛과학기술원
AKCSE = "AKCSE"
AKCSE_NAME = "Association of Korean-Canadian Scientists and Engineers"
KSEA = "KSEA"
KSEA_NAME = "Korean-American Scientists and Engineers Association"
KSEA_SOCAL = "KSEA Southern California Chapter"
KSEA_SAN_DIEGO = "KSEA San Diego Chapter"
OKTA_NAME = "World Federation of Overseas Korean Traders Associations"
AKCSE_CHAPTERS = {  # city -> chapter (synthetic chapter entries: structure only)
    "Toronto": "AKCSE Toronto Chapter",
    "Montréal": "AKCSE Montréal Chapter",
    "Vancouver": "AKCSE Vancouver Chapter",
    "Ottawa": "AKCSE Ottawa Chapter",
}


class Org(NamedTuple):
    name_ko: str
    name_en: str
    kind: OrgKind
    country: str = ""
    region: str = ""
    parent: str = ""
    aliases: tuple[str, ...] = ()
    fields: tuple[str, ...] = ()
    description_ko: str = ""
    description_en: str = ""
    domain: str = ""  # web and e-mail domain, for fictional organisations only
    contact_name: str = ""

    def record(self) -> Record:
        values = self._asdict()
        del values["domain"]
        values |= {"aliases": list(self.aliases), "fields": list(self.fields)}
        if self.domain:
            values |= {"website": f"https://www.{self.domain}", "contact_email": self.email}
        return compact(values)

    @property
    def email(self) -> str:
        local = "global-rnd" if self.country == "KR" else "partnerships"
        return f"{local}@{self.domain}" if self.domain else ""


_TASK_FORCE_NOTE = " 한빛도 글로벌 R&D 협력 태스크포스 참여기관."
_R, _U, _C = OrgKind.RESEARCH_INSTITUTE, OrgKind.UNIVERSITY, OrgKind.COMPANY

# fmt: off
PROVINCE_SIDE: tuple[Org, ...] = (
    Org(PROVINCE, "Hanbit Province", OrgKind.GOVERNMENT, "KR", PROVINCE, aliases=("한빛도청", "Hanbit Provincial Government"), fields=("S07", "S02", "R.AGRIBIO", "R.SPV", "R.DEFMAT", "S09.03"), description_ko="가상의 광역자치단체. 수소에너지, 이차전지, 농생명바이오, 특장차, 방산소재, AI 응용을 6대 주력산업으로 육성한다.", domain="hanbit-do.example.org", contact_name="윤서하"),
    Org("한빛도 글로벌 R&D 협력 태스크포스", "Hanbit Province Global R&D Cooperation Task Force", OrgKind.OTHER, "KR", PROVINCE, parent=PROVINCE, description_ko="도내 연구기관 10곳이 함께 해외 학술대회와 박람회에 참가해 공동연구와 해외 진출 기회를 찾는다."),
    Org("한빛산업기술연구원", "Hanbit Institute of Industrial Technology", _R, "KR", PROVINCE, aliases=("HIIT",), fields=("S11.03", "S11.04"), description_ko="도내 중소기업의 생산기술 개발과 시험·인증을 지원한다." + _TASK_FORCE_NOTE, domain="hiit.example.org"),
    Org("한빛건설기계연구원", "Hanbit Construction Machinery Research Institute", _R, "KR", PROVINCE, aliases=("HCMRI",), fields=("R.MACH", "특장차"), description_ko="건설기계와 특수장비 부품의 시험과 기술개발을 지원한다." + _TASK_FORCE_NOTE, domain="hcmri.example.org"),
    Org("한빛과학기술원", "Hanbit Institute of Science and Technology", _R, "KR", PROVINCE, aliases=(SCIENCE_INSTITUTE_ALIAS, "한빛과기원"), fields=("S12", "S05", "S09"), description_ko="기초·원천 연구를 수행하고 해외 과학기술인 유치를 맡는다." + _TASK_FORCE_NOTE, domain="hist.example.org"),
    Org("한빛전자기술연구원", "Hanbit Electronics Technology Institute", _R, "KR", PROVINCE, aliases=("HETI",), fields=("S01.04", "S10"), description_ko="전자부품·센서·통신 기술을 개발하고 기업을 지원한다." + _TASK_FORCE_NOTE, domain="heti.example.org"),
    Org(ZONE_CORE, "Hanbit Energy Research Institute", _R, "KR", PROVINCE, aliases=("HERI",), fields=("수소", "S02", "R.ENERGY"), description_ko="수소·이차전지 등 에너지 기술을 실증한다. 새솔 강소특구의 기술핵심기관이다." + _TASK_FORCE_NOTE, domain="heri.example.org"),
    Org("한빛원자력연구원", "Hanbit Atomic Energy Research Institute", _R, "KR", PROVINCE, aliases=("HAERI",), fields=("S04",), description_ko="방사선 이용과 원자력 안전 기술을 연구한다." + _TASK_FORCE_NOTE, domain="haeri.example.org"),
    Org("한빛섬유융합연구원", "Hanbit Textile Convergence Institute", _R, "KR", PROVINCE, aliases=("HTCI",), fields=("R.DEFMAT",), description_ko="산업용 섬유와 방호 소재 등 섬유 융합기술을 개발한다." + _TASK_FORCE_NOTE, domain="htci.example.org"),
    Org("한빛테크노파크", "Hanbit Technopark", OrgKind.OTHER, "KR", PROVINCE, aliases=("HBTP", "한빛TP"), fields=("S09.03", "R.AGRIBIO", "R.SPV"), description_ko="도내 기업의 기술사업화, 창업보육, 해외 판로 개척을 지원하는 지역 테크노파크이다." + _TASK_FORCE_NOTE, domain="hbtp.example.org"),
    Org("한빛농생명바이오연구원", "Hanbit Agri-Bio Research Institute", _R, "KR", PROVINCE, aliases=("HABRI",), fields=("농생명바이오",), description_ko="농생명 소재와 미생물 자원을 연구하고 기업에 실증 시설을 제공한다." + _TASK_FORCE_NOTE, domain="habri.example.org"),
    Org("한빛자동차융합기술원", "Hanbit Automotive Convergence Technology Institute", _R, "KR", PROVINCE, aliases=("HACTI",), fields=("R.SPV", "S03.03"), description_ko="특장차와 친환경 자동차 부품 기술을 개발한다." + _TASK_FORCE_NOTE, domain="hacti.example.org"),
    Org(CITY, "Saesol City", OrgKind.GOVERNMENT, "KR", PROVINCE, aliases=("새솔시청",), description_ko="한빛도의 가상 도시. 수소·모빌리티 기업이 모여 있다.", domain="saesol.example.org", contact_name="배준서"),
    Org("새솔 강소연구개발특구", "Saesol R&D Special Zone", OrgKind.INNOVATION_ZONE, "KR", f"{PROVINCE} {CITY}", parent=ZONE_CORE, aliases=("새솔 강소특구", "Saesol Innovation Zone"), fields=("R.ENERGY", "R.CARBON", "S07"), description_ko="한빛에너지연구원을 기술핵심기관으로 하는 강소연구개발특구. 에너지·탄소중립 컨소시엄에 참여한다."),
)

NETWORKS: tuple[Org, ...] = (
    Org("재캐나다한인과학기술자협회", AKCSE_NAME, OrgKind.ASSOCIATION, "CA", aliases=(AKCSE,), description_en="About 3,000 members across Canada."),
    *(Org("", chapter, OrgKind.CHAPTER, "CA", city, parent=AKCSE_NAME) for city, chapter in AKCSE_CHAPTERS.items()),
    Org("재미한인과학기술자협회", KSEA_NAME, OrgKind.ASSOCIATION, "US", aliases=(KSEA,), description_en="Association with regional chapters; holds an annual conference in the US."),
    Org("KSEA 남가주지부", KSEA_SOCAL, OrgKind.CHAPTER, "US", "Southern California", parent=KSEA_NAME),
    Org("KSEA 샌디에이고지부", KSEA_SAN_DIEGO, OrgKind.CHAPTER, "US", "San Diego", parent=KSEA_NAME),
    Org("세계한인무역협회", OKTA_NAME, OrgKind.TRADE_NETWORK, aliases=("OKTA",)),
)

KNOWN_ABROAD: tuple[Org, ...] = (
    Org("", "Massachusetts Institute of Technology", _U, "US", aliases=("MIT",), description_en="University with a mechanobiology lab and a university-industry liaison programme."),
    Org("", "MIT Industrial Liaison Program", OrgKind.OTHER, "US", parent="MIT", aliases=("MIT ILP",), description_en="University-industry liaison programme."),
    Org("", "LabCentral", OrgKind.INCUBATOR, "US", "Boston", description_en="Incubator giving start-ups free lab space."),
    Org("UC 샌디에이고", "University of California San Diego", _U, "US", "San Diego", aliases=("UC San Diego", "UCSD")),
    Org("", "Calit2", _R, "US", "San Diego", parent="UC San Diego", description_en="Applied research institute at UC San Diego."),
    Org("", "CONNECT", OrgKind.OTHER, "US", description_en="Start-up commercialisation support."),
    Org("", "CommNexus", OrgKind.OTHER, "US", description_en="Brokers capital, people and business."),
    Org("샌디에이고시", "City of San Diego", OrgKind.GOVERNMENT, "US", "San Diego", description_en="City government."),
)

# Fictional; ``fields`` lists the national fields a company employs experts in (universities: any).
FICTIONAL_ABROAD: tuple[Org, ...] = (
    Org("메이플우드대학교", "Maplewood University", _U, "CA", "Toronto", domain="maplewood-u.example.org", description_en="Research university with engineering and medical faculties."),
    Org("", "Université de Belleforêt", _U, "CA", "Montréal", aliases=("UdeB",), domain="belleforet.example.org", description_en="French-language research university."),
    Org("", "Pacific Cedar University", _U, "CA", "Vancouver", aliases=("PCU",), domain="pacific-cedar.example.org", description_en="Research university on the Pacific coast."),
    Org("", "Northbridge Institute of Technology", _U, "CA", "Ottawa", domain="northbridge.example.org", description_en="Engineering school with government research partnerships."),
    Org("", "Maple Circuit Labs Inc.", _C, "CA", "Toronto", fields=("S01", "S09"), domain="maplecircuit.example.com", description_en="Designs edge AI chips and sensor modules."),
    Org("", "Belleforêt Aéro Composites Inc.", _C, "CA", "Montréal", fields=("S06", "S03"), domain="bf-aero.example.com", description_en="Makes thermoplastic composite parts for aircraft and vehicles."),
    Org("", "Boreal Hydrogen Systems Inc.", _C, "CA", "Vancouver", fields=("S07", "S02"), domain="borealh2.example.com", description_en="Builds electrolysers and fuel-cell power units."),
    Org("", "Mission Mesa University", _U, "US", "San Diego", domain="missionmesa.example.org", description_en="Research university with a school of engineering."),
    Org("", "Sunset Ridge University", _U, "US", "Los Angeles", domain="sunsetridge.example.org", description_en="Research university in Southern California."),
    Org("", "Bayview Institute of Technology", _U, "US", "Boston", aliases=("Bayview Tech",), domain="bayview-tech.example.org", description_en="Institute of technology."),
    Org("", "Harbor Point Semiconductor Inc.", _C, "US", "San Diego", fields=("S01", "S10"), domain="harborpoint-semi.example.com", description_en="Power and RF semiconductor start-up."),
    Org("", "Coastline Mobility Labs Inc.", _C, "US", "Irvine", fields=("S03", "S02", "S09"), domain="coastline-mobility.example.com", description_en="Electric powertrains and driver assistance for commercial vehicles."),
    Org("", "Harborlight Bio Inc.", _C, "US", "Boston", fields=("S05",), domain="harborlight-bio.example.com", description_en="Microbial fermentation and cell therapy process development."),
    Org("", "Institut Aéronautique de Garonne", _R, "FR", "Toulouse", aliases=("IAG",), fields=("S06", "S11"), domain="iag.example.org", description_en="Applied research on aircraft structures and manufacturing."),
    Org("", "Chimie Belle-Rive SAS", _C, "FR", "Lyon", fields=("S02", "R.CHEM.FINE"), domain="belle-rive.example.com", description_en="Fine-chemical precursors for batteries and electronics."),
    Org("", "Carmel Ridge Software Ltd.", _C, "IL", "Haifa", fields=("S08", "S09", "R.SW"), domain="carmelridge.example.com", description_en="Security and analytics software for industrial plants."),
    Org("", "Galilee Semiconductor Equipment Ltd.", _C, "IL", "Haifa", fields=("S01",), domain="galilee-semi.example.com", description_en="Wafer inspection and metrology equipment."),
)
# fmt: on

BY_NAME: dict[str, Org] = {
    name: org
    for org in PROVINCE_SIDE + NETWORKS + KNOWN_ABROAD + FICTIONAL_ABROAD
    for name in (org.name_ko, org.name_en, *org.aliases)
    if name
}
"""Every organisation above under each of its names, for the modules that refer to them."""


def organisation_records() -> list[Record]:
    """All organisations except the regional firms, as import records."""
    return [org.record() for org in PROVINCE_SIDE + NETWORKS + KNOWN_ABROAD + FICTIONAL_ABROAD]
