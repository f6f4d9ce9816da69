"""Hangul to Latin letters by the Revised Romanisation of Korean (2000), and a loose key for romanised names.

:func:`romanise` follows the official tables (initial, medial and final jamo) and, inside each run
of Hangul syllables, the sound changes the system writes: liaison (한국어 → hangugeo), nasalisation
(국물 → gungmul, 종로 → jongno), lateralisation (신라 → silla), aspiration after ㅎ (좋다 → jota) and
palatalisation (같이 → gachi). Tensing is not written, as the system says; aspiration after ㄱ/ㄷ/ㅂ
is not either (the rule for nouns: 묵호 → mukho). Personal names are romanised without sound
changes between syllables (홍빛나 → hong bitna), which ``sound_changes=False`` gives.

:func:`loose_key` maps the many spellings a Korean name is written in abroad to one key
(Lee = Yi = Rhee = 이, Park = Pak = 박, Jung = Chung = Jeong = 정); :func:`loan_key` does the same
for loanwords and their English originals (카이스트 = KAIST, 그래핀 ≈ graphene); :func:`key_similarity`
compares two keys, with vowel differences cheap (Hyeon ≈ Hyun). They serve :mod:`seoro.matching.names`.
Everything here is pure: no I/O, no state beyond caches.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from seoro.domain.text import has_hangul

_INITIALS = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"
_MEDIALS = "ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ"
_FINALS = ("", *"ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ")

# fmt: off
_INITIAL_LATIN: dict[str, str] = dict(zip(_INITIALS, "g kk n d tt r m b pp s ss _ j jj ch k t p h".split(), strict=True))  # noqa: SIM905
_INITIAL_LATIN["ㅇ"] = ""  # silent before a vowel
_MEDIAL_LATIN: dict[str, str] = dict(zip(_MEDIALS, "a ae ya yae eo e yeo ye o wa wae oe yo u wo we wi yu eu ui i".split(), strict=True))  # noqa: SIM905
# A final consonant before a pause or another consonant (the seven-way neutralisation).
_FINAL_LATIN: dict[str, str] = dict(zip(_FINALS, ["", *"k k k n n n t l k m l l l p l m p p t t ng t t k t p t".split()], strict=True))  # noqa: SIM905
# fmt: on

# Double finals before a vowel: the first part stays, the second moves to the next syllable.
_SPLIT = {
    "ㄳ": ("ㄱ", "ㅅ"),
    "ㄵ": ("ㄴ", "ㅈ"),
    "ㄺ": ("ㄹ", "ㄱ"),
    "ㄻ": ("ㄹ", "ㅁ"),
    "ㄼ": ("ㄹ", "ㅂ"),
    "ㄽ": ("ㄹ", "ㅅ"),
    "ㄾ": ("ㄹ", "ㅌ"),
    "ㄿ": ("ㄹ", "ㅍ"),
    "ㅄ": ("ㅂ", "ㅅ"),
    "ㄶ": ("", "ㄴ"),
    "ㅀ": ("", "ㄹ"),
}
_K_CLASS = set("ㄱㄲㅋㄳㄺ")
_T_CLASS = set("ㄷㅅㅆㅈㅊㅌㅎ")
_P_CLASS = set("ㅂㅍㅄㄿ")
_ASPIRATED = {"ㄱ": "ㅋ", "ㄷ": "ㅌ", "ㅈ": "ㅊ", "ㅅ": "ㅆ"}

_SYLLABLES = re.compile(r"[\uac00-\ud7a3]+")
# Conjoining jamo (U+1100 block) left over after NFKC: modern letters map like the tables; the rest go.
_JAMO_INITIAL = {chr(0x1100 + i): _INITIAL_LATIN[c] for i, c in enumerate(_INITIALS)}
_JAMO_MEDIAL = {chr(0x1161 + i): _MEDIAL_LATIN[c] for i, c in enumerate(_MEDIALS)}
_JAMO_FINAL = {chr(0x11A7 + i): _FINAL_LATIN[c] for i, c in enumerate(_FINALS) if c}
_JAMO_LATIN = _JAMO_INITIAL | _JAMO_MEDIAL | _JAMO_FINAL
_OTHER_HANGUL = re.compile(r"[\u1100-\u11ff\u3130-\u318f\ua960-\ua97f\ud7b0-\ud7ff\uffa0-\uffdc]")


def decompose(syllable: str) -> tuple[str, str, str]:
    """The (initial, medial, final) jamo of one precomposed Hangul syllable; final may be ''."""
    code = ord(syllable) - 0xAC00
    if not 0 <= code < 11172:
        raise ValueError(f"not a Hangul syllable: {syllable!r}")
    return _INITIALS[code // 588], _MEDIALS[code % 588 // 28], _FINALS[code % 28]


def romanise(text: str, *, sound_changes: bool = True) -> str:
    """``text`` with every Hangul syllable written in Revised Romanisation; other characters unchanged.

    >>> romanise("한국어"), romanise("신라"), romanise("종로"), romanise("부산")
    ('hangugeo', 'silla', 'jongno', 'busan')
    >>> romanise("빛나", sound_changes=False)
    'bitna'

    Lower case throughout (capitalise names yourself). Output is ASCII wherever the input was Hangul,
    including lone and archaic jamo (archaic ones are dropped).
    """
    text = unicodedata.normalize("NFKC", text)
    text = _SYLLABLES.sub(lambda m: _romanise_run(m.group(0), sound_changes), text)
    return _OTHER_HANGUL.sub(lambda m: _JAMO_LATIN.get(m.group(0), ""), text)


def _romanise_run(run: str, sound_changes: bool) -> str:
    jamo = [list(decompose(s)) for s in run]
    out: list[str] = []
    coda_is_l = False
    for i, (initial, medial, final) in enumerate(jamo):
        onset = "l" if initial == "ㄹ" and coda_is_l else _INITIAL_LATIN[initial]
        coda = _FINAL_LATIN[final]
        if i + 1 < len(jamo):
            nxt = jamo[i + 1]
            if sound_changes:
                coda, nxt[0] = _junction(final, nxt[0], nxt[1])
        coda_is_l = coda.endswith("l")
        out.append(onset + _MEDIAL_LATIN[medial] + coda)
    return "".join(out)


def _junction(final: str, initial: str, medial: str) -> tuple[str, str]:
    """The coda written for ``final`` and the initial the next syllable then has (both may change)."""
    if not final:
        return "", initial
    if initial == "ㅇ":  # liaison: the final moves over to the vowel
        if final == "ㅇ":
            return "ng", initial
        if final == "ㅎ":
            return "", initial
        if final in _SPLIT:
            stay, move = _SPLIT[final]
            return _FINAL_LATIN[stay], move
        if medial == "ㅣ" and final in "ㄷㅌ":  # palatalisation: 굳이 guji, 같이 gachi
            return "", "ㅈ" if final == "ㄷ" else "ㅊ"
        return "", final
    if final in ("ㅎ", "ㄶ", "ㅀ"):
        stem = _FINAL_LATIN[final] if final != "ㅎ" else ""
        if initial in _ASPIRATED:  # 좋고 joko, 많다 manta
            return stem, _ASPIRATED[initial]
        if initial == "ㄴ":  # 놓는 nonneun, 뚫는 ttulleun
            return ("l", "ㄹ") if final == "ㅀ" else ("n", "ㄴ")
        return stem or _FINAL_LATIN[final], initial
    if initial in ("ㄴ", "ㅁ"):
        if final == "ㄹ" and initial == "ㄴ":  # 설날 seollal
            return "l", "ㄹ"
        return _nasal(final), initial
    if initial == "ㄹ":
        if final in ("ㄴ", "ㄹ"):  # 신라 silla, 울릉 ulleung
            return "l", "ㄹ"
        return _nasal(final), "ㄴ"  # 종로 jongno, 백리 baengni, 협력 hyeomnyeok
    return _FINAL_LATIN[final], initial


def _nasal(final: str) -> str:
    if final in _K_CLASS:
        return "ng"
    if final in _T_CLASS:
        return "n"
    if final in _P_CLASS:
        return "m"
    return _FINAL_LATIN[final]


# --- loose keys for romanised names -------------------------------------------------------------

# Whole words: the usual spellings of common surnames, to their Revised Romanisation.
_SURNAMES: dict[str, tuple[str, ...]] = {
    "i": ("lee", "yi", "rhee", "rhie", "ri", "li", "rhi", "yee", "ree", "reeh", "lie"),
    "bak": ("park", "pak", "bak", "bahk", "parc", "parck"),
    "gim": ("kim", "gim", "ghim", "kym", "keem"),
    "choe": ("choi", "choe", "choy", "chey", "chwe"),
    "jeong": ("jung", "jeong", "chung", "cheong", "joung", "jeung", "chong"),
    "jo": ("cho", "jo", "joe", "jou", "chough"),
    "yun": ("yoon", "yun", "youn", "yune", "youn"),
    "jang": ("jang", "chang"),
    "im": ("lim", "im", "rim", "yim", "leem", "lym"),
    "han": ("han", "hahn"),
    "o": ("oh", "o", "oah"),
    "seo": ("seo", "suh", "seoh", "suhr", "sur"),
    "sin": ("shin", "sin", "synn", "sheen"),
    "gwon": ("kwon", "gwon", "kwun", "kweon"),
    "hwang": ("hwang", "whang"),
    "an": ("ahn", "an", "ahnn"),
    "yu": ("yoo", "yu", "you", "ryu", "rhyu", "yue"),
    "gang": ("kang", "gang"),
    "baek": ("baek", "paik", "paek", "baik", "back", "pack"),
    "no": ("noh", "no", "roh", "ro", "rho"),
    "ha": ("ha", "hah"),
    "gu": ("koo", "ku", "gu", "goo"),
    "u": ("woo", "wu", "u"),
    "jeon": ("jeon", "chun", "chon", "cheon", "jun"),
    "mun": ("moon", "mun", "mune"),
    "yang": ("yang", "ryang"),
    "song": ("song", "soung"),
    "hong": ("hong",),
}
_SURNAME_OF = {spelling: rr for rr, spellings in _SURNAMES.items() for spelling in spellings}
# Spellings of one sound, longest first so that one pass takes the longest at each place.
_DIGRAPHS = {
    "woo": "u",
    "wu": "u",
    "eo": "o",
    "eu": "u",
    "oo": "u",
    "ou": "o",
    "ee": "i",
    "ui": "i",
    "ae": "e",
    "ch": "j",
    "sh": "s",
    "ph": "p",
    "th": "t",
    "ck": "k",
}
_DIGRAPH = re.compile("|".join(sorted(_DIGRAPHS, key=len, reverse=True)))
_LETTERS = str.maketrans({"k": "g", "c": "g", "q": "g", "t": "d", "p": "b", "f": "b", "v": "b", "r": "l", "z": "j"})
_DOUBLE = re.compile(r"(.)\1+")
_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")


def ascii_fold(text: str) -> str:
    """Lower case, accents off (McCune–Reischauer ŏ, ŭ become o, u), other non-ASCII letters kept."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def loose_key(name: str, *, sound_changes: bool = False) -> str:
    """One key for the spellings of a romanised name: ``loose_key("Rhee") == loose_key("이")``.

    Hangul is romanised first (without sound changes unless asked: names are written that way).
    Then: lower case, accents off, common surname spellings to one form (whole words only), spaces,
    hyphens and apostrophes dropped, and the variant spellings folded: eo/o, eu/u, oo/u, ee/i, ae/e,
    k/g, t/d, p/b, ch/j, sh/s, f/p, r/l, doubled letters single. Hyeon and Hyun still differ (o/u):
    :func:`seoro.matching.names.key_similarity` treats such vowel differences as small.

    >>> loose_key("Park Ji-won") == loose_key("박지원") == loose_key("Bak Jiwon")
    True
    """
    words = _WORD.findall(ascii_fold(romanise(name, sound_changes=sound_changes)))
    return fold("".join(_SURNAME_OF.get(w, w) for w in (re.sub(r"['’-]", "", w) for w in words)))


def fold(romanised: str) -> str:
    """The spelling folds of :func:`loose_key` alone (no surname table, nothing dropped but doubles)."""
    text = _DIGRAPH.sub(lambda m: _DIGRAPHS[m.group(0)], romanised.casefold()).translate(_LETTERS)
    return _DOUBLE.sub(r"\1", text)


# --- comparing keys -----------------------------------------------------------------------------

_VOWELS = frozenset("aeiouwy")
_NEAR = {frozenset(p) for p in (("n", "l"), ("m", "b"), ("n", "d"), ("s", "j"))}
# A Korean loanword's inserted ㅡ (스 seu, 트 teu, 크 keu) that the English original does not have.
EPENTHETIC = re.compile(r"(?<=[bcdfghjklmnpqrstvxz])eu(?=[^aeiouwy]|$)")


def key_similarity(a: str, b: str, floor: float = 0.0) -> float:
    """1 − a weighted edit distance over the longer length, for keys from :func:`loose_key` or :func:`loan_key`.

    Vowel for vowel costs 0.3, a vowel or ``h`` in or out 0.5, a near consonant (n/l, m/b, n/d) 0.5,
    anything else 1: so hyon ≈ hyun (0.93) but kim ≠ lim. Below ``floor`` the answer is 0, found early.
    """
    return _key_similarity(a, b, floor) if a <= b else _key_similarity(b, a, floor)


@lru_cache(maxsize=500_000)
def _key_similarity(a: str, b: str, floor: float) -> float:
    if a == b:
        return 1.0
    if not a or not b:
        return 0.0
    longest = max(len(a), len(b))
    budget = (1.0 - floor) * longest  # the largest distance still worth computing exactly
    if abs(len(a) - len(b)) * 0.5 > budget or _letters_apart(a, b) > budget:
        return 0.0
    insert = [_indel(c) for c in b]
    previous = [0.0]
    for cost in insert:
        previous.append(previous[-1] + cost)
    for ca in a:
        delete, row = _indel(ca), _substitutions(ca)
        left = previous[0] + delete
        current = [left]
        for j, cb in enumerate(b):  # the cheapest of substitute, delete, insert; written out for speed
            best = previous[j] + row.get(cb, 1.0)
            if (other := previous[j + 1] + delete) < best:
                best = other
            if (other := left + insert[j]) < best:
                best = other
            current.append(best)
            left = best
        if min(current) > budget:
            return 0.0
        previous = current
    similarity = 1.0 - previous[-1] / longest
    return similarity if similarity >= floor else 0.0


def _letters_apart(a: str, b: str) -> float:
    """A lower bound of the edit distance from the letters alone: a consonant that one side has and the
    other lacks costs at least 0.5 to fix."""
    mask_a, mask_b = _consonants(a), _consonants(b)
    return 0.5 * max((mask_a & ~mask_b).bit_count(), (mask_b & ~mask_a).bit_count())


@lru_cache(maxsize=100_000)
def _consonants(key: str) -> int:
    return sum(1 << (ord(c) & 63) for c in set(key) if c not in _VOWELS and c != "h")


def _indel(ch: str) -> float:
    return 0.5 if ch in _VOWELS or ch == "h" else 1.0


@lru_cache(maxsize=256)
def _substitutions(a: str) -> dict[str, float]:
    """Costs of replacing ``a`` by each letter that costs less than 1."""
    letters = set("abcdefghijklmnopqrstuvwxyz0123456789") | {a}
    return {b: cost for b in letters if (cost := _substitute(a, b)) < 1.0}


def _substitute(a: str, b: str) -> float:
    if a == b:
        return 0.0
    if a in _VOWELS and b in _VOWELS:
        return 0.3
    return 0.5 if frozenset((a, b)) in _NEAR else 1.0


@lru_cache(maxsize=100_000)
def loan_key(text: str) -> str:
    """A key under which a Korean loanword and its English original tend to agree (그래핀 ≈ graphene).

    Hangul: romanised, then the inserted ㅡ of loanwords dropped (카이스트 kaiseuteu → kaist). Latin:
    spelt the way Korean hears it (c → k or s, g → j before e/i, x → ks, r after a vowel silent).
    Then :func:`fold`.
    """
    if has_hangul(text):
        spelt = EPENTHETIC.sub("", re.sub(r"[\W_]+", "", romanise(text, sound_changes=False)))
    else:
        spelt = re.sub(r"[\W_]+", "", ascii_fold(text))
        spelt = re.sub(r"c(?=[eiy])", "s", spelt).replace("x", "ks").replace("qu", "kw")
        spelt = re.sub(r"g(?=[eiy])", "j", spelt)  # Georgia 조지아, engineering 엔지니어링
        spelt = re.sub(r"(?<=[aeiou])r(?=[^aeiouy]|$)", "", spelt)
    return fold(spelt)
