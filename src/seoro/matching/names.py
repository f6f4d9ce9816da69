"""How alike two names are across scripts: 박지원 ≈ "Jiwon Park", 한빛수소테크 ≈ "Hanbit Hydrogen Tech".

A sentence embedding knows little about names, and a romanised name shares no token with its Hangul
form, so names get their own similarity in [0, 1]:

- **people** — the Korean name is split into surname and given name; both are romanised and compared
  by :func:`key_similarity` with every reading of the other name (surname first or last, hyphens or
  not), so Park Ji-won, Jiwon Park and 박지원 agree, and Hyun/Hyeon or Lee/Yi cost little or nothing;
- **organisations** — a Korean name is cut into known words (the glossary's terms, and the usual
  words of organisation names: 연구원 → institute, 대학교 → university, 테크 → tech), the rest is
  romanised as a proper name; the pieces are matched against the English name's words, with generic
  words (institute, university, Korea) counting less than distinctive ones. Fully transliterated
  names (카이스트 ↔ KAIST, 포스코 ↔ POSCO) and acronyms against initials (KIST ↔ "Korea Institute of
  Science and Technology") are also recognised.

Pure and cached: :class:`NameMatcher` keeps the analysis of each name it has seen (the benchmark
compares every name with hundreds of others). Known aliases (KIST = 한국과학기술연구원) are the
directory's business, not this module's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from seoro.domain.text import has_hangul
from seoro.matching.glossary import Glossary
from seoro.matching.romanise import EPENTHETIC, ascii_fold, fold, key_similarity, loan_key, loose_key, romanise

# Words of organisation names: Korean → English words it may appear as (loanwords included).
_ORG_VOCAB = """
대학교 university|대학 university college|대학원 graduate school|공과대학 institute technology engineering
공과대학교 institute technology engineering university|과학기술원 institute science technology|과기원 institute science technology
연구원 institute research|연구소 institute research laboratory|연구센터 research center|센터 center centre|협회 association
학회 society|재단 foundation|진흥원 agency promotion institute|진흥재단 foundation|공사 corporation|공단 corporation agency
위원회 commission committee council|연합회 federation|총연합회 federation|국립 national|국가 national|한국 korea korean
대한 korea|과학 science scientific|기술 technology technical|산업 industry industrial|공학 engineering|정보 information
국제 international|세계 world global|진흥 promotion advancement|부 ministry department|청 office administration|시 city
도 province|군 county|광역시 metropolitan city|특별시 metropolitan city|지부 chapter|지회 chapter|본부 headquarters
종합 general|한인 korean|과학기술자 scientists engineers|과학자 scientists|기술자 engineers|연구개발 research development
테크 tech|텍 tech|테크놀로지 technology|시스템 system|시스템즈 system|솔루션 solution|솔루션즈 solution|랩 lab|랩스 lab
코리아 korea|글로벌 global|네트웍스 network|네트워크 network|컴퍼니 company|그룹 group|홀딩스 holdings|엔지니어링 engineering
인더스트리 industries|파트너스 partners|벤처스 ventures|인스티튜트 institute|웍스 works
"""
# Words that say what an organisation does or where it is (weighted like proper names), loanwords too.
_DOMAIN_VOCAB = """
전자 electronics electronic|전기 electric electrical electrotechnology|기계 machinery mechanical machine
화학 chemistry chemical chem|생명 life|생명공학 biotechnology bioscience|에너지 energy|원자력 atomic nuclear
항공우주 aerospace|우주 space|항공 aeronautics aviation aeronautical|해양 ocean marine maritime
지질 geoscience geology geological|자원 resources|표준 standards|재료 materials|건설 construction civil building
식품 food|철도 railroad railway|천문 astronomy|핵융합 fusion|기초 basic|무역 trade traders|투자 investment
평가 evaluation|관리 management|기획 planning|특허 patent intellectual property|외국어 foreign studies|여자 women womans
중공업 heavy industries|자동차 motor automotive|중소기업 smes|벤처 venture|창업 startup|특구 zone|정밀 precision
정보통신 ict information communications|미국 us american united states|캐나다 canada canadian|독일 german germany
프랑스 french france|이스라엘 israel|일본 japan|중국 china|유럽 european europe|영국 british uk|재미 korean american
재캐나다 korean canadian|병원 hospital|의과 medical|의학 medicine medical|보건 health|환경 environment environmental
교육 education|고등 advanced higher|첨단 advanced|상공회의소 chamber commerce|은행 bank|통상 trade|조선 shipbuilding
융합 convergence|바이오 bio|파워 power|그린 green|스마트 smart|팜 farm|셀 cell|로지스 logis|로지스틱스 logistics
일렉트로닉스 electronics|케미칼 chemical|케미컬 chemical|머티리얼즈 materials|메디칼 medical|메디컬 medical|소프트 soft
모빌리티 mobility|오토 auto|모터스 motors|캐피탈 capital|디스플레이 display|하이드로젠 hydrogen|에이치투 h2
테크노파크 technopark|특장 special
"""
# How Korean reads Latin letters out (LG 엘지, SK 에스케이), for acronyms written in Hangul.
_LETTER_NAMES = dict(
    zip(
        "abcdefghijklmnopqrstuvwxyz",
        "ei bi ssi di i epeu ji eichi ai jei kei el em en o pi kyu al eseu ti yu beui deobeulyu ekseu wai jeteu".split(),  # noqa: SIM905
        strict=True,
    )
)
_CACHE_SIZE = 50_000  # names analysed and kept per matcher (then it starts afresh)
_MAX_ACRONYM = 7
_STOP = frozenset(["of", "and", "the", "for", "&", "at", "in", "on", "de", "du", "des", "la", "le", "et"])
_LEGAL_KO = re.compile(r"주식회사|유한회사|재단법인|사단법인|학교법인|\((?:주|유|재|사|학)\)")
_LEGAL_EN = re.compile(
    r"\b(?:co\.?,?\s*ltd|company\s+limited|incorporated|inc|corp|ltd|limited|llc|gmbh|plc|sas|s\.?a)\b\.?", re.I
)
_TITLES = re.compile(r"\b(?:dr|prof|professor|mr|mrs|ms|phd)\b\.?", re.I)
_EN_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")
_COMPOUND_SURNAMES = frozenset(["남궁", "황보", "제갈", "선우", "독고", "사공", "서문", "동방", "어금", "망절"])


def initials(name: str) -> str:
    """First letters of the content words: "Korea Institute of Science and Technology" → "kist"."""
    return "".join(w[0] for w in _en_words(name) if w not in _STOP)


@dataclass(frozen=True)
class _Piece:
    """One part of an organisation name: the English words it may be and its romanised keys."""

    words: frozenset[str]
    keys: tuple[str, ...]
    weight: float = 1.0
    proper: bool = True  # a proper name or distinctive word (may be spelt as one with its neighbours)
    parts: tuple[tuple[str, float], ...] = ()  # keys of its first and last syllables, with their share


@dataclass(frozen=True)
class _Name:
    pieces: tuple[_Piece, ...]
    words: frozenset[str]
    keys: tuple[str, ...]  # every piece's keys, and neighbouring proper pieces joined: 샌디에이고 ≈ San Diego
    sound: str  # the whole name's loan key
    bare: str  # without legal forms and punctuation, case folded

    @classmethod
    def of(cls, pieces: list[_Piece], bare: str) -> _Name:
        firsts = [p.keys[0] if p.keys and p.proper else "" for p in pieces]
        joins = [
            "".join(firsts[i : i + n]) for n in (2, 3) for i in range(len(firsts) - n + 1) if all(firsts[i : i + n])
        ]
        parts = [k for p in pieces for k, _ in p.parts]
        keys = tuple(dict.fromkeys([k for p in pieces if p.proper for k in p.keys] + joins + parts))
        return cls(tuple(pieces), frozenset().union(*(p.words for p in pieces)), keys, loan_key(bare), bare.casefold())


class NameMatcher:
    """Name similarity with a glossary for the technology words in organisation names; caches what it sees."""

    def __init__(self, glossary: Glossary | None = None) -> None:
        vocab = _parse(_ORG_VOCAB)
        self._generic = frozenset(w for words in vocab.values() for w in words)
        vocab |= _parse(_DOMAIN_VOCAB)
        for entry in glossary.entries if glossary else ():
            # The first English form's words, and alternatives of one word (수소: hydrogen, H2), but not the
            # words of other phrases (스마트팜 is "smart farm", not "precision" from "precision agriculture").
            forms = [_en_words(form) for form in entry.en]
            words = frozenset(
                w for i, ws in enumerate(forms) for w in ws if w not in _STOP and (i == 0 or len(ws) == 1)
            )
            for ko in entry.ko:
                key = re.sub(r"[\s·・‧]+", "", ko)
                vocab.setdefault(key, words)
        self._vocab = vocab
        self._org_cache: dict[str, _Name] = {}
        self._person_cache: dict[str, tuple[tuple[str, str], ...]] = {}

    def similarity(self, a: str, b: str, kind: str = "org") -> float:
        """``person``, ``org`` or ``term``; any other kind is read as ``org``."""
        if kind == "person":
            return self.person(a, b)
        if kind == "term":  # loanwords by sound: 그래핀 ≈ graphene, 마이크로그리드 ≈ microgrid
            return transliteration_similarity(a, b, floor=0.7)
        return self.organisation(a, b)

    # people -------------------------------------------------------------------------------------

    def person(self, a: str, b: str) -> float:
        """Surname and given name compared in every reading of both names; 1.0 for the same name."""
        best = 0.0
        for surname_a, given_a in self._readings(a):
            for surname_b, given_b in self._readings(b):
                score = 0.35 * key_similarity(surname_a, surname_b) + 0.65 * key_similarity(given_a, given_b)
                best = max(best, score)
        return best

    def _readings(self, name: str) -> tuple[tuple[str, str], ...]:
        cached = self._person_cache.get(name)
        if cached is None:
            if len(self._person_cache) >= _CACHE_SIZE:
                self._person_cache.clear()
            cached = self._person_cache[name] = tuple(dict.fromkeys(_person_readings(name)))
        return cached

    # organisations ------------------------------------------------------------------------------

    def organisation(self, a: str, b: str) -> float:
        """Weighted overlap of the two names' pieces, or a transliteration or acronym match if higher."""
        name_a, name_b = self._name(a), self._name(b)
        if name_a.bare == name_b.bare:
            return 1.0
        if not name_a.pieces or not name_b.pieces:
            return 0.0
        recall_a, recall_b = self._coverage(name_a, name_b), self._coverage(name_b, name_a)
        overlap = 2 * recall_a * recall_b / (recall_a + recall_b) if recall_a + recall_b else 0.0
        sound = key_similarity(name_a.sound, name_b.sound, 0.75)
        return max(overlap, _acronym(name_a.pieces, name_b.pieces), 0.95 * sound**2)

    def _name(self, name: str) -> _Name:
        cached = self._org_cache.get(name)
        if cached is None:
            if len(self._org_cache) >= _CACHE_SIZE:
                self._org_cache.clear()
            bare = _bare(name) or " ".join(name.split())  # a name that is only a legal form keeps it
            cached = self._org_cache[name] = _Name.of(self._analyse(bare), bare)
        return cached

    def _analyse(self, name: str) -> list[_Piece]:
        pieces: list[_Piece] = []
        for token in name.split():
            if has_hangul(token):
                pieces += self._segment(token)
            else:
                spelled = _spelled(token)
                for word in _en_words(token):
                    if word not in _STOP:
                        generic = word in self._generic
                        keys = () if generic else _name_keys(word) + spelled
                        pieces.append(_Piece(frozenset({word}), keys, 0.4 if generic else 1.0, not generic))
        return pieces

    def _coverage(self, mine: _Name, theirs: _Name) -> float:
        """The weighted share of ``mine`` found in ``theirs``: words exactly, romanised keys by similarity.
        Two or three neighbouring proper pieces of ``mine`` may match one of theirs as a whole."""
        credit = []
        for piece in mine.pieces:
            if piece.words & theirs.words:
                credit.append(1.0)
            else:
                whole = max((key_similarity(k, t, 0.7) for k in piece.keys for t in theirs.keys), default=0.0)
                part = max(
                    (key_similarity(k, t, 0.7) * share for k, share in piece.parts for t in theirs.keys), default=0
                )
                credit.append(max(whole, part))
        pieces = mine.pieces
        for size in (2, 3):
            for i in range(len(pieces) - size + 1):
                span = pieces[i : i + size]
                if all(p.proper and p.keys for p in span) and min(credit[i : i + size]) < 0.8:
                    joined = "".join(p.keys[0] for p in span)
                    best = max((key_similarity(joined, t, 0.8) for t in theirs.keys), default=0.0)
                    credit[i : i + size] = [max(c, best) for c in credit[i : i + size]]
        total = sum(p.weight for p in pieces)
        found = sum(p.weight * c for p, c in zip(pieces, credit, strict=True))
        return found / total if total else 0.0

    def _segment(self, token: str) -> list[_Piece]:
        """Known words and runs of unknown syllables (proper names), cut where the fewest syllables stay
        unknown, then in the fewest runs (포항|공과대학교, not 포|항공|과|대학교)."""
        n = len(token)
        best: list[tuple[float, int, bool]] = [(0.0, 0, False)] + [(float("inf"), 0, False)] * n
        for end in range(1, n + 1):
            for start in range(end):
                known = token[start:end] in self._vocab and (end - start > 1 or 0 < start == n - 1)  # 시, 도: suffix
                cost = best[start][0] + (0.1 if known else end - start + 0.5)
                if cost < best[end][0]:
                    best[end] = (cost, start, not known)
        cuts: list[tuple[int, int, bool]] = []
        end = n
        while end > 0:
            _, start, unknown = best[end]
            cuts.append((start, end, unknown))
            end = start
        pieces = []
        for start, end, unknown in reversed(cuts):
            text = token[start:end]
            if unknown:
                pieces.append(_Piece(frozenset(), _name_keys(text), parts=_parts(text)))
            else:
                words = self._vocab[text]
                generic = words <= self._generic
                pieces.append(_Piece(words, _name_keys(text)[:1], 0.4 if generic else 1.0, False))  # 한국: Hankuk
        return pieces


def _acronym(a: tuple[_Piece, ...], b: tuple[_Piece, ...]) -> float:
    """1.0 when one name is the other's initials in order (KIST, Korea Institute of Science and Technology);
    0.8 when the letters can be dealt one to each piece in another order (KIST, 한국 과학 기술 연구원)."""
    for short, long in ((a, b), (b, a)):
        if len(short) != 1 or len(long) < 2 or len(short[0].words) != 1:
            continue
        letters = next(iter(short[0].words))
        options = [{w[0] for w in p.words} | {k[0] for k in p.keys[:1]} for p in long]
        if len(letters) != len(options) or not 2 <= len(letters) <= _MAX_ACRONYM:
            continue
        if all(letter in o for letter, o in zip(letters, options, strict=True)):
            return 1.0
        if _deal(letters, options):
            return 0.8
    return 0.0


def _deal(letters: str, options: list[set[str]]) -> bool:
    """Whether each letter can take a different piece that may start with it (at most 7! tries)."""
    if not letters:
        return True
    return any(letters[0] in o and _deal(letters[1:], options[:i] + options[i + 1 :]) for i, o in enumerate(options))


def transliteration_similarity(a: str, b: str, floor: float = 0.0) -> float:
    """Similarity of two whole strings as sounds (:func:`loan_key`): 그래핀 ≈ graphene, 포스코 ≈ POSCO."""
    return key_similarity(loan_key(a), loan_key(b), floor)


def person_similarity(a: str, b: str) -> float:
    """:meth:`NameMatcher.person` with a shared matcher."""
    return _DEFAULT.person(a, b)


def org_similarity(a: str, b: str, glossary: Glossary | None = None) -> float:
    """:meth:`NameMatcher.organisation`; pass a glossary to translate technology words (수소 → hydrogen)."""
    return _matcher(glossary).organisation(a, b)


def name_similarity(a: str, b: str, kind: str = "org", glossary: Glossary | None = None) -> float:
    """Similarity in [0, 1] of two names of ``kind`` (``person``, ``org`` or ``term``) in any script."""
    return _matcher(glossary).similarity(a, b, kind)


@lru_cache(maxsize=4)
def _matcher(glossary: Glossary | None) -> NameMatcher:
    return NameMatcher(glossary)


def _bare(name: str) -> str:
    text = _LEGAL_EN.sub(" ", _LEGAL_KO.sub(" ", name))
    return " ".join(re.sub(r"[^\w&]+", " ", text).split())


def _en_words(text: str) -> list[str]:
    return [_stem(re.sub(r"['’-]", "", w)) for w in _EN_WORD.findall(ascii_fold(text).replace("&", " and "))]


def _stem(word: str) -> str:
    """Plural to singular, roughly (laboratories → laboratory, systems → system); short words kept."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def _parse(table: str) -> dict[str, frozenset[str]]:
    vocab = {}
    for item in table.replace("\n", "|").split("|"):
        if item.strip():
            ko, *en = item.split()
            vocab[ko] = frozenset(_stem(w) for w in en)
    return vocab


def _name_keys(text: str) -> tuple[str, ...]:
    keys = (loose_key(text), loose_key(text, sound_changes=True), loan_key(text))
    return tuple(k for k in dict.fromkeys(keys) if k)


def _parts(run: str) -> tuple[tuple[str, float], ...]:
    """Keys of a long unknown run's first and last syllables (새솔정밀: 새솔, 정밀), each with its share."""
    cuts = [run[:k] for k in range(2, len(run) - 1)] + [run[-k:] for k in range(2, len(run) - 1)]
    return tuple(dict.fromkeys((key(part), len(part) / len(run)) for part in cuts for key in (loose_key, loan_key)))


def _spelled(token: str) -> tuple[str, ...]:
    """An all-capitals short token read out letter by letter as Korean does (LG → elji, as in 엘지)."""
    if not (token.isascii() and token.isalpha() and token.isupper() and 2 <= len(token) <= 4):
        return ()
    return (fold(EPENTHETIC.sub("", "".join(_LETTER_NAMES[c] for c in token.casefold()))),)


def _person_readings(name: str) -> list[tuple[str, str]]:
    """(surname key, given-name key) for each way of reading ``name``."""
    text = " ".join(_TITLES.sub(" ", name).split())
    if has_hangul(text):
        parts = text.split()
        if len(parts) == 2 and len(parts[1]) == 1:  # 다니엘 김: given name first
            surname, given = parts[1], parts[0]
        else:
            compact = "".join(parts)
            cut = 2 if compact[:2] in _COMPOUND_SURNAMES and len(compact) > 2 else 1
            surname, given = compact[:cut], compact[cut:]
        surname_key = loose_key(surname)
        return [(surname_key, g) for g in (_given_key(given), _given_key(given, True), loan_key(given))]
    surname_first = "," in text
    words = _EN_WORD.findall(text.replace(",", " "))
    if len(words) < 2:
        return [("", _given_key(text))]
    readings = [(loose_key(words[0]), _given_key(" ".join(words[1:])))]
    if not surname_first:
        readings.append((loose_key(words[-1]), _given_key(" ".join(words[:-1]))))
    return readings


def _given_key(given: str, sound_changes: bool = False) -> str:
    """A given name's key: like :func:`loose_key` but with no surname table (준 is Jun, not the surname Jeon)."""
    return fold(re.sub(r"[\W_]+", "", ascii_fold(romanise(given, sound_changes=sound_changes))))


_DEFAULT = _matcher(None)
