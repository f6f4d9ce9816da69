"""Writes ko_en_terms.jsonl (the dev file) and ko_en_heldout.jsonl: Korean–English technology terms,
organisation names and person names.

Usage: .venv/bin/python bench/data/make_terms.py   (deterministic; the written file is committed)

Fields per line: ``id``, ``ko``, ``en``, ``kind`` (term | org | person), ``source``:
- ``taxonomy``: the shipped national fields' and the demo agency's custom fields' labels;
- ``public``: general technical vocabulary and real organisations' official names (universities,
  research institutes, agencies, companies; the ones in shared/design/CONTEXT.md among them);
- ``synthetic``: the fictional demo organisations (Hanbit Province, its firms, invented universities)
  and generated people (Korean names with the English spellings people really use: Park Ji-won,
  Jiwon Park, Jee-won Pak ...). These people and firms do not exist.
Pairs are one-to-one: no Korean and no English text appears twice.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from pathlib import Path

from seoro.demo.fields import custom_fields
from seoro.demo.firms import FIRMS
from seoro.demo.organisations import FICTIONAL_ABROAD, NETWORKS, PROVINCE_SIDE
from seoro.domain.national_fields import national_fields
from seoro.domain.text import has_hangul

OUT = Path(__file__).with_name("ko_en_terms.jsonl")
HELDOUT = Path(__file__).with_name("ko_en_heldout.jsonl")

# General technical vocabulary (not taken from the glossary or the taxonomy).
PUBLIC_TERMS = """
열교환기=heat exchanger|초전도체=superconductor|광섬유=optical fibre|그래핀=graphene|탄소나노튜브=carbon nanotube
나노와이어=nanowire|페로브스카이트 태양전지=perovskite solar cell|라이다=lidar|레이더=radar|내연기관=internal combustion engine
변속기=transmission|베어링=bearing|윤활유=lubricant|압축기=compressor|터빈=turbine|변압기=transformer|커패시터=capacitor
저항기=resistor|트랜지스터=transistor|집적회로=integrated circuit|마이크로프로세서=microprocessor
그래픽처리장치=graphics processing unit|플래시 메모리=flash memory|극자외선 노광=extreme ultraviolet lithography
포토레지스트=photoresist|화학기계연마=chemical mechanical polishing|이온 주입=ion implantation|클린룸=cleanroom
유기발광다이오드=organic light-emitting diode|액정 디스플레이=liquid crystal display|양자점=quantum dot|광검출기=photodetector
레이저=laser|광통신=optical communication|밀리미터파=millimetre wave|안테나=antenna|기지국=base station
위성항법=satellite navigation|엣지 컴퓨팅=edge computing|블록체인=blockchain|가상현실=virtual reality|증강현실=augmented reality
메타버스=metaverse|음성인식=speech recognition|기계번역=machine translation|강화학습=reinforcement learning
추천 시스템=recommender system|이상 탐지=anomaly detection|예지보전=predictive maintenance|침입탐지=intrusion detection
악성코드=malware|랜섬웨어=ransomware|방화벽=firewall|동형암호=homomorphic encryption|양자내성암호=post-quantum cryptography
생체인증=biometric authentication|전자서명=digital signature|고체산화물 연료전지=solid oxide fuel cell
암모니아 분해=ammonia cracking|수소 액화=hydrogen liquefaction|압축수소=compressed hydrogen|수소 배관=hydrogen pipeline
바이오매스=biomass|지열=geothermal energy|조력발전=tidal power|해상풍력=offshore wind power|스마트그리드=smart grid
마이크로그리드=microgrid|히트펌프=heat pump|열병합 발전=combined heat and power|양수발전=pumped-storage hydropower
핵융합=nuclear fusion|사용후핵연료=spent nuclear fuel|방사선=radiation|입자가속기=particle accelerator|중성자=neutron
나트륨이온전지=sodium-ion battery|양극활물질=cathode active material|흑연=graphite|실리콘 음극=silicon anode|바인더=binder
전해액=liquid electrolyte|열폭주=thermal runaway|배터리팩=battery pack|급속충전=fast charging|무선충전=wireless charging
차량용 반도체=automotive semiconductor|수직이착륙기=vertical take-off and landing aircraft|무인잠수정=unmanned underwater vehicle
소형발사체=small launch vehicle|재사용 발사체=reusable launch vehicle|위성영상=satellite imagery|티타늄 합금=titanium alloy
알루미늄 합금=aluminium alloy|고엔트로피 합금=high-entropy alloy|형상기억합금=shape-memory alloy|세라믹=ceramic|고분자=polymer
생분해성 플라스틱=biodegradable plastic|접착제=adhesive|도료=paint|유리섬유=glass fibre|단열재=thermal insulation|주조=casting
단조=forging|사출성형=injection moulding|압출=extrusion|레이저 용접=laser welding|초정밀 가공=ultra-precision machining
산업용 로봇=industrial robot|휴머노이드=humanoid robot|외골격 로봇=exoskeleton|자율이동로봇=autonomous mobile robot
그리퍼=gripper|머신비전=machine vision|비파괴검사=non-destructive testing|품질관리=quality control|공급망=supply chain
유전체 분석=genome analysis|단백질 구조 예측=protein structure prediction|바이오시밀러=biosimilar|줄기세포=stem cell
오가노이드=organoid|유전자가위=genome editing|마이크로바이옴=microbiome|의료영상=medical imaging|원격의료=telemedicine
웨어러블 기기=wearable device|수술 로봇=surgical robot|정밀의료=precision medicine|항생제=antibiotic|효소=enzyme
수경재배=hydroponics|식물공장=plant factory|종자=seed|사료=animal feed|가축=livestock|수산양식=aquaculture
정수 처리=water treatment|해수담수화=seawater desalination|폐수 처리=wastewater treatment|미세먼지=particulate matter
대기오염=air pollution|온실가스=greenhouse gas|탄소배출권=carbon credit|순환경제=circular economy|폐플라스틱=plastic waste
전과정평가=life cycle assessment|스마트시티=smart city|디지털 전환=digital transformation|파운드리=foundry|팹리스=fabless
전력망=power grid|송전=power transmission|배전=power distribution|연료전지 자동차=fuel cell electric vehicle
"""

# Real organisations under their official Korean and English names.
PUBLIC_ORGS = """
한국과학기술연구원=Korea Institute of Science and Technology|한국과학기술원=Korea Advanced Institute of Science and Technology
서울대학교=Seoul National University|연세대학교=Yonsei University|고려대학교=Korea University
포항공과대학교=Pohang University of Science and Technology|한국전자통신연구원=Electronics and Telecommunications Research Institute
한국에너지기술연구원=Korea Institute of Energy Research|한국기계연구원=Korea Institute of Machinery and Materials
한국화학연구원=Korea Research Institute of Chemical Technology|한국생명공학연구원=Korea Research Institute of Bioscience and Biotechnology
한국원자력연구원=Korea Atomic Energy Research Institute|한국항공우주연구원=Korea Aerospace Research Institute
한국표준과학연구원=Korea Research Institute of Standards and Science|한국전기연구원=Korea Electrotechnology Research Institute
한국생산기술연구원=Korea Institute of Industrial Technology|한국재료연구원=Korea Institute of Materials Science
한국천문연구원=Korea Astronomy and Space Science Institute|한국지질자원연구원=Korea Institute of Geoscience and Mineral Resources
한국건설기술연구원=Korea Institute of Civil Engineering and Building Technology|한국식품연구원=Korea Food Research Institute
한국한의학연구원=Korea Institute of Oriental Medicine|한국철도기술연구원=Korea Railroad Research Institute
한국해양과학기술원=Korea Institute of Ocean Science and Technology|한국핵융합에너지연구원=Korea Institute of Fusion Energy
한국과학기술정보연구원=Korea Institute of Science and Technology Information|한국기초과학지원연구원=Korea Basic Science Institute
기초과학연구원=Institute for Basic Science|한국연구재단=National Research Foundation of Korea
한국산업기술진흥원=Korea Institute for Advancement of Technology|과학기술정보통신부=Ministry of Science and ICT
산업통상자원부=Ministry of Trade, Industry and Energy|중소벤처기업부=Ministry of SMEs and Startups
특허청=Korean Intellectual Property Office|한국무역협회=Korea International Trade Association
대한무역투자진흥공사=Korea Trade-Investment Promotion Agency|한국전력공사=Korea Electric Power Corporation
한국가스공사=Korea Gas Corporation|삼성전자=Samsung Electronics|현대자동차=Hyundai Motor Company|포스코=POSCO
한양대학교=Hanyang University|성균관대학교=Sungkyunkwan University|울산과학기술원=Ulsan National Institute of Science and Technology
광주과학기술원=Gwangju Institute of Science and Technology|대구경북과학기술원=Daegu Gyeongbuk Institute of Science and Technology
이화여자대학교=Ewha Womans University|서강대학교=Sogang University|중앙대학교=Chung-Ang University|경희대학교=Kyung Hee University
인하대학교=Inha University|아주대학교=Ajou University|건국대학교=Konkuk University|동국대학교=Dongguk University
한국외국어대학교=Hankuk University of Foreign Studies|부산대학교=Pusan National University|경북대학교=Kyungpook National University
전남대학교=Chonnam National University|충남대학교=Chungnam National University|전북대학교=Jeonbuk National University
강원대학교=Kangwon National University|충북대학교=Chungbuk National University|제주대학교=Jeju National University
부경대학교=Pukyong National University|국민대학교=Kookmin University|숭실대학교=Soongsil University|세종대학교=Sejong University
서울과학기술대학교=Seoul National University of Science and Technology|한국기술교육대학교=Korea University of Technology and Education
매사추세츠공과대학교=Massachusetts Institute of Technology|스탠퍼드대학교=Stanford University|하버드대학교=Harvard University
캘리포니아대학교 샌디에이고=University of California San Diego|토론토대학교=University of Toronto|맥길대학교=McGill University
워털루대학교=University of Waterloo|브리티시컬럼비아대학교=University of British Columbia
캘리포니아공과대학교=California Institute of Technology|조지아공과대학교=Georgia Institute of Technology
미국항공우주국=National Aeronautics and Space Administration|미국국립보건원=National Institutes of Health
미국국립과학재단=National Science Foundation|캐나다국립연구위원회=National Research Council Canada
프랑스국립과학연구센터=French National Centre for Scientific Research|와이즈만과학연구소=Weizmann Institute of Science
테크니온공과대학=Technion – Israel Institute of Technology|유럽입자물리연구소=CERN|경제협력개발기구=OECD
재미한인과학기술자협회=Korean-American Scientists and Engineers Association|세계한인무역협회=World Federation of Overseas Korean Traders Associations
재캐나다한인과학기술자협회=Association of Korean-Canadian Scientists and Engineers|랩센트럴=LabCentral|샌디에이고시=City of San Diego
커넥트=CONNECT|컴넥서스=CommNexus|카이스트=KAIST|포스텍=POSTECH|유니스트=UNIST|코트라=KOTRA
에스케이하이닉스=SK hynix|엘지화학=LG Chem|한화에어로스페이스=Hanwha Aerospace|두산에너빌리티=Doosan Enerbility
"""
# Acronym pairs above use Hangul spellings of the acronym (카이스트 KAIST), so no organisation appears twice.

# Written after the matcher was tuned on the pairs above and never used to tune it: a check of how far
# that tuning carries (ko_en_heldout.jsonl).
HELDOUT_TERMS = """
압전소자=piezoelectric element|열전소자=thermoelectric module|반사방지막=anti-reflection coating|전자파 차폐=electromagnetic shielding
광전자=optoelectronics|초음파=ultrasound|적외선 카메라=infrared camera|수소 충전=hydrogen refuelling|연료 전환=fuel switching
배기가스 정화=exhaust gas cleaning|나노입자=nanoparticle|마이크로칩=microchip|실리콘 웨이퍼=silicon wafer|반도체 레이저=semiconductor laser
광학 렌즈=optical lens|홀로그램=hologram|로봇 팔=robotic arm|자율 선박=autonomous ship|전기 버스=electric bus|풍력 터빈=wind turbine
태양광 패널=solar panel|가스 터빈=gas turbine|원격 감시=remote monitoring|사이버 공격=cyber attack|개인정보 보호=data privacy
챗봇=chatbot|얼굴 인식=face recognition|자연어 처리=natural language processing|의료 로봇=medical robot|유전자 치료제=gene therapy product
세포 배양=cell culture|단백질 공학=protein engineering|바이오센서=biosensor|스마트 농업=smart agriculture|드론 배송=drone delivery
탄소 섬유 복합재=carbon fibre composite|경량 합금=lightweight alloy|금속 3D 프린팅=metal 3D printing|나노 코팅=nano coating|고온 초전도=high-temperature superconductivity
"""
HELDOUT_ORGS = """
한국수력원자력=Korea Hydro & Nuclear Power|한국철도공사=Korea Railroad Corporation|한국도로공사=Korea Expressway Corporation
한국관광공사=Korea Tourism Organization|한국토지주택공사=Korea Land and Housing Corporation|한국환경공단=Korea Environment Corporation
국립암센터=National Cancer Center|한국표준협회=Korean Standards Association|대한상공회의소=Korea Chamber of Commerce and Industry
한국개발연구원=Korea Development Institute|과학기술정책연구원=Science and Technology Policy Institute
한밭대학교=Hanbat National University|창원대학교=Changwon National University|울산대학교=University of Ulsan
영남대학교=Yeungnam University|계명대학교=Keimyung University|동아대학교=Dong-A University|조선대학교=Chosun University
원광대학교=Wonkwang University|순천대학교=Sunchon National University|목포대학교=Mokpo National University
군산대학교=Kunsan National University|안동대학교=Andong National University|금오공과대학교=Kumoh National Institute of Technology
한국항공대학교=Korea Aerospace University|한국교원대학교=Korea National University of Education|홍익대학교=Hongik University
단국대학교=Dankook University|광운대학교=Kwangwoon University|명지대학교=Myongji University|상명대학교=Sangmyung University
한림대학교=Hallym University|예일대학교=Yale University|프린스턴대학교=Princeton University|코넬대학교=Cornell University
컬럼비아대학교=Columbia University|펜실베이니아대학교=University of Pennsylvania|미시간대학교=University of Michigan
퍼듀대학교=Purdue University|카네기멜런대학교=Carnegie Mellon University|옥스퍼드대학교=University of Oxford
케임브리지대학교=University of Cambridge|도쿄대학교=University of Tokyo|칭화대학교=Tsinghua University
싱가포르국립대학교=National University of Singapore|앨버타대학교=University of Alberta|맥마스터대학교=McMaster University
몬트리올대학교=Université de Montréal|엘지전자=LG Electronics|현대모비스=Hyundai Mobis|네이버=Naver|카카오=Kakao
셀트리온=Celltrion|삼성바이오로직스=Samsung Biologics|한국타이어=Hankook Tire|효성=Hyosung|롯데케미칼=Lotte Chemical
엘지에너지솔루션=LG Energy Solution|삼성에스디아이=Samsung SDI|에스케이텔레콤=SK Telecom|두산밥캣=Doosan Bobcat
한국항공우주산업=Korea Aerospace Industries|현대중공업=Hyundai Heavy Industries|고려아연=Korea Zinc
"""

SURNAMES = """김=Kim,Gim|이=Lee,Yi,Rhee|박=Park,Pak|최=Choi,Choe|정=Jung,Jeong,Chung|강=Kang|조=Cho,Jo|윤=Yoon,Yun
장=Jang,Chang|임=Lim,Im|한=Han|오=Oh|서=Seo,Suh|신=Shin|권=Kwon|황=Hwang|안=Ahn|송=Song|유=Yoo,Yu|홍=Hong
전=Jeon,Chun|고=Ko,Go|문=Moon|양=Yang|손=Son|배=Bae|백=Baek,Paik|허=Heo,Huh|남=Nam|노=Noh,Roh|하=Ha|곽=Kwak
성=Sung|차=Cha|주=Joo|구=Koo|민=Min|류=Ryu|나=Na|진=Jin|엄=Eom,Um|채=Chae|원=Won|천=Cheon|방=Bang|공=Kong
현=Hyun|함=Ham|변=Byun|염=Yeom|여=Yeo|추=Choo|도=Do|소=So|석=Seok|선=Sun|설=Seol|길=Gil|표=Pyo|명=Myung
황보=Hwangbo|남궁=Namgung|선우=Sunwoo|제갈=Jegal"""
SYLLABLES = """지=ji,jee|원=won,weon|민=min|준=jun,joon|서=seo,suh|연=yeon,yun|현=hyun,hyeon|우=woo,u|호=ho|유=yu,yoo
나=na|도=do|소=so|은=eun|태=tae|하=ha|성=sung,seong|예=ye|진=jin|재=jae|혜=hye|승=seung|다=da|수=su,soo
영=young,yeong|경=kyung,gyeong|상=sang|희=hee,hui|정=jung,jeong|석=seok,suk|철=chul,cheol|동=dong|형=hyung,hyeong
용=yong|기=ki,gi|윤=yoon,yun|주=ju,joo|혁=hyuk,hyeok|훈=hoon,hun|빈=bin|채=chae|시=si,shi|아=a|인=in|효=hyo
규=kyu,gyu|범=beom,bum|광=kwang,gwang|미=mi|선=sun,seon|보=bo|람=ram|한=han|솔=sol|가=ga|온=on|별=byeol,byul"""
WESTERN = """다니엘=Daniel|그레이스=Grace|미셸=Michelle|케빈=Kevin|사라=Sarah|제이슨=Jason|크리스틴=Christine|앤드루=Andrew
줄리아=Julia|에릭=Eric|레이첼=Rachel|브라이언=Brian|데이비드=David|제임스=James|수잔=Susan|피터=Peter"""


def pairs(table: str) -> list[tuple[str, str]]:
    return [tuple(item.split("=", 1)) for item in table.replace("\n", "|").split("|") if item.strip()]  # type: ignore[misc]


def people(count: int, rng: random.Random) -> list[tuple[str, str]]:
    surnames = [(ko, en.split(",")) for ko, en in pairs(SURNAMES)]
    syllables = [(ko, en.split(",")) for ko, en in pairs(SYLLABLES)]
    out: list[tuple[str, str]] = []
    for ko_given, en_given in pairs(WESTERN):
        ko_surname, en_surnames = rng.choice(surnames[:20])
        out.append((f"{ko_given} {ko_surname}", f"{en_given} {en_surnames[0]}"))
    while len(out) < count:
        ko_surname, en_surnames = rng.choice(surnames)
        (a, a_en), (b, b_en) = rng.sample(syllables, 2)
        surname = rng.choice(en_surnames)
        first, second = rng.choice(a_en), rng.choice(b_en)
        style = rng.randrange(4)
        if style == 0:
            en = f"{first.title()}{second} {surname}"  # Jiwon Park
        elif style == 1:
            en = f"{surname} {first.title()}-{second}"  # Park Ji-won
        elif style == 2:
            en = f"{first.title()}-{second.title()} {surname}"  # Ji-Won Park
        else:
            en = f"{surname.upper()} {first.title()}{second}"  # PARK Jiwon
        out.append((f"{ko_surname}{a}{b}", en))
    return out


def main() -> None:
    write(OUT, dev_rows())
    write(HELDOUT, heldout_rows())


def write(path: Path, rows: list[dict[str, str]]) -> None:
    with path.open("w", encoding="utf-8") as out:
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{len(rows)} pairs -> {path}")


def heldout_rows() -> list[dict[str, str]]:
    rows, add = collector()
    for ko, en in pairs(HELDOUT_TERMS):
        add(ko, en, "term", "public")
    for ko, en in pairs(HELDOUT_ORGS):
        add(ko, en, "org", "public")
    dev = {r["ko"] for r in dev_rows()}
    for ko, en in people(80, random.Random(7)):
        if ko not in dev:
            add(ko, en, "person", "synthetic")
    return rows


def collector() -> tuple[list[dict[str, str]], Callable[[str, str, str, str], None]]:
    rows: list[dict[str, str]] = []
    seen_ko: set[str] = set()
    seen_en: set[str] = set()

    def add(ko: str, en: str, kind: str, source: str) -> None:
        ko, en = ko.strip(), en.strip()
        if not has_hangul(ko) or ko in seen_ko or not en or en.casefold() in seen_en:  # 6G is 6G in both
            return
        seen_ko.add(ko)
        seen_en.add(en.casefold())
        rows.append({"id": f"{kind}-{len(rows) + 1:04d}", "ko": ko, "en": en, "kind": kind, "source": source})

    return rows, add


def dev_rows() -> list[dict[str, str]]:
    rows, add = collector()

    for field in [*national_fields(), *custom_fields()]:
        add(field.label.ko, field.label.en, "term", "taxonomy")
    for ko, en in pairs(PUBLIC_TERMS):
        add(ko, en, "term", "public")
    for ko, en in pairs(PUBLIC_ORGS):
        add(ko, en, "org", "public")
    for org in NETWORKS:  # the real diaspora and trade networks of CONTEXT.md
        add(org.name_ko, org.name_en, "org", "public")
    for org in (*PROVINCE_SIDE, *FICTIONAL_ABROAD):
        add(org.name_ko, org.name_en, "org", "synthetic")
    for firm in FIRMS:
        add(firm.name_ko, firm.name_en, "org", "synthetic")
    for ko, en in people(110, random.Random(2026)):
        add(ko, en, "person", "synthetic")
    return rows


if __name__ == "__main__":
    main()
