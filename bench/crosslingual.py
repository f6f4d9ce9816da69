"""Korean–English bitext retrieval: which English text is the translation of this Korean one, and back.

Usage:
    .venv/bin/python bench/crosslingual.py [--data FILE] [--limit N]

FILE is either the pydocs format (../shared/data/ko-en-pydocs/pairs.jsonl: ``id, file, en, ko, split``;
only ``split == "dev-test"`` rows are used) or the dev-file format (bench/data/ko_en_terms.jsonl:
``id, ko, en, kind, source``), told apart by their fields. Every Korean text ranks all English
texts of the file and the reverse; the bench prints top-1 and MRR both ways, overall and on the pairs
that share no Latin-script token (the Korean side of software documentation keeps identifiers), for:

- BM25, the baseline (kiwipiepy morphemes for Hangul runs, a regex for Latin ones; ranks by shared tokens);
- USE alone (the packaged multilingual Universal Sentence Encoder, cosine);
- USE with per-language centring (each side minus its own mean vector);
- the same with CSLS (cross-domain similarity local scaling: a candidate that is close to every query,
  a "hub", is marked down by its mean similarity to its k nearest queries, and the query by its own);
- the same on glossary-expanded text (known terms followed by their other-language forms);
- a lexical channel over glossary translations (BM25 on English words and the English forms of the
  Korean terms the glossary finds);
- names (dev file only): ``seoro.matching.names`` by the query's kind: person and organisation names
  by transliteration-aware name similarity, terms by loanword sound (그래핀 ≈ graphene);
- the fusion: standardised (per query) CSLS scores of plain and glossary-expanded USE, plus the names
  channel, standardised and weighted by kind (person 5, organisation 3), and for terms a bonus for
  sound matches above 0.7. BM25 and the lexical channel are left out: on both files they lowered
  top-1 whatever their weight (z-scores of sparse BM25 rows reward any stray shared token). The weights
  were chosen on the dev file itself, so its fusion figure is optimistic; neighbouring weights
  (person 3–8, organisation 1.5–4, term bonus 1–4) stay within about ±0.02 top-1.

Ratios are top-1 against BM25 measured in the same process. Ties count against the gold item. Times
are what each method needs from scratch (the fusion includes the channels it sums).
"""

from __future__ import annotations

import argparse
import json
import re
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import bm25s
import numpy as np
import numpy.typing as npt
from rich.console import Console
from rich.progress import Progress
from rich.table import Table

from seoro.demo.fields import custom_fields
from seoro.domain.national_fields import national_fields
from seoro.domain.taxonomy import Taxonomy
from seoro.matching.glossary import Glossary
from seoro.matching.names import NameMatcher
from seoro.matching.semantic import Centring, UniversalSentenceEncoder

Matrix = npt.NDArray[np.float32]
ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "ko-en-pydocs" / "pairs.jsonl"
HANGUL_RUN = re.compile(r"[\uac00-\ud7a3]+")
LATIN_TOKEN = re.compile(r"[A-Za-z][A-Za-z0-9_]*|\d+")
SKIP_TAGS = ("J", "E", "S", "XS")  # particles, endings, symbols, suffixes
console = Console(width=None if Console().is_terminal else 200)


@dataclass(frozen=True)
class Pair:
    id: str
    ko: str
    en: str
    kind: str  # sentence | term | org | person
    source: str


@dataclass
class Scores:
    """Scores of one method: ``ko_en[i, j]`` ranks English j for Korean i, ``en_ko[j, i]`` the reverse."""

    ko_en: Matrix
    en_ko: Matrix
    seconds: float


def load(path: Path, limit: int | None) -> tuple[list[Pair], str]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    if rows and "split" in rows[0]:
        pairs = [
            Pair(r["id"], r["ko"], r["en"], "sentence", r.get("file", "")) for r in rows if r["split"] == "dev-test"
        ]
        fmt = "pydocs dev-test"
    else:
        pairs = [Pair(r["id"], r["ko"], r["en"], r["kind"], r.get("source", "")) for r in rows]
        fmt = "terms and names"
    return pairs[:limit] if limit else pairs, fmt


def latin_tokens(text: str) -> set[str]:
    return {t.casefold() for t in LATIN_TOKEN.findall(text) if not t.isdigit()}


# --- channels -------------------------------------------------------------------------------------


class Tokeniser:
    """Kiwi morphemes for Hangul runs (one instance: 1.5 s and 530 MB), a regex for the rest."""

    def __init__(self) -> None:
        from kiwipiepy import Kiwi  # noqa: PLC0415 - only when the bench runs

        self.kiwi = Kiwi()

    def __call__(self, texts: Sequence[str]) -> list[list[str]]:
        runs = [" ".join(HANGUL_RUN.findall(t)) for t in texts]
        analysed = self.kiwi.tokenize([r or "." for r in runs])
        out = []
        for text, run, morphs in zip(texts, runs, analysed, strict=True):
            korean = [m.form for m in morphs if not m.tag.startswith(SKIP_TAGS)] if run else []
            out.append(korean + [t.casefold() for t in LATIN_TOKEN.findall(HANGUL_RUN.sub(" ", text))])
        return out


def bm25_scores(queries: list[list[str]], documents: list[list[str]]) -> Matrix:
    retriever = bm25s.BM25()
    retriever.index(documents, show_progress=False)
    return np.vstack([retriever.get_scores(q) if q else np.zeros(len(documents)) for q in queries]).astype(np.float32)


def bm25_both(ko_tokens: list[list[str]], en_tokens: list[list[str]]) -> tuple[Matrix, Matrix]:
    return bm25_scores(ko_tokens, en_tokens), bm25_scores(en_tokens, ko_tokens)


def embed(model: UniversalSentenceEncoder, texts: list[str], label: str) -> Matrix:
    parts = []
    with Progress(console=console, transient=True) as progress:
        task = progress.add_task(f"USE: {label}", total=len(texts))
        for start in range(0, len(texts), 128):
            parts.append(model.encode(texts[start : start + 128]))
            progress.advance(task, len(parts[-1]))
    return np.vstack(parts)


def glossary_words(glossary: Glossary, texts: list[str]) -> list[list[str]]:
    """Each text's Latin words, the words of the English terms the glossary finds in it, and the English
    forms of the Korean terms it finds: a bag of English words on both sides."""
    out = []
    for text in texts:
        hits = glossary.find(text)
        found_en = [w for hit in hits if hit.lang == "en" for w in _words(hit.term)]
        translated = [w for hit in hits for form in hit.translations[:3] for w in _words(form)]
        out.append(_words(text) + found_en + translated)
    return out


def _words(text: str) -> list[str]:
    return [w.casefold() for w in LATIN_TOKEN.findall(text)]


def name_scores(matcher: NameMatcher, pairs: list[Pair]) -> tuple[Matrix, Matrix]:
    """Name similarity by the query's kind; queries of other kinds (sentences) get zeros."""
    n = len(pairs)
    ko_en = np.zeros((n, n), dtype=np.float32)
    en_ko = np.zeros((n, n), dtype=np.float32)
    kinds = {"person", "org", "term"}
    with Progress(console=console, transient=True) as progress:
        task = progress.add_task("names", total=2 * n)
        for i, query in enumerate(pairs):
            if query.kind in kinds:
                ko_en[i] = [matcher.similarity(query.ko, p.en, query.kind) for p in pairs]
                en_ko[i] = [matcher.similarity(query.en, p.ko, query.kind) for p in pairs]
            progress.advance(task, 2)
    return ko_en, en_ko


def standardise(scores: Matrix) -> Matrix:
    """Each query's scores to mean 0, standard deviation 1 (a constant row stays 0)."""
    centred = scores - scores.mean(axis=1, keepdims=True)
    spread = scores.std(axis=1, keepdims=True)
    out: Matrix = (centred / np.where(spread == 0, 1, spread)).astype(np.float32)
    return out


def csls(similarity: Matrix, k: int = 5) -> tuple[Matrix, Matrix]:
    """Cross-domain similarity local scaling (Conneau et al. 2018) of a Korean × English cosine matrix,
    both ways: 2·cos(x, y) − (mean cos of x to its k nearest) − (mean cos of y to its k nearest)."""
    k = min(k, similarity.shape[0], similarity.shape[1])
    near_ko = np.sort(similarity, axis=1)[:, -k:].mean(axis=1)
    near_en = np.sort(similarity, axis=0)[-k:, :].mean(axis=0)
    scaled = (2 * similarity - near_ko[:, None] - near_en[None, :]).astype(np.float32)
    return scaled, scaled.T.copy()


def centred_vectors(v_ko: Matrix, v_en: Matrix) -> tuple[Matrix, Matrix]:
    centring = Centring.fit(np.vstack([v_ko, v_en]), ["ko"] * len(v_ko) + ["en"] * len(v_en))
    return centring.apply(v_ko, ["ko"] * len(v_ko)), centring.apply(v_en, ["en"] * len(v_en))


KIND_WEIGHTS = {"person": 5.0, "org": 3.0}  # the names channel, standardised, by the query's kind
TERM_SOUND = (4.0, 0.7)  # terms: weight of the bonus for sound similarity above the threshold


def fuse(dense: Matrix, expanded: Matrix, names: Matrix | None, kinds: Sequence[str]) -> Matrix:
    """The fusion for one direction (queries are rows; ``kinds`` are the queries' kinds)."""
    fused = standardise(dense) + standardise(expanded)
    if names is not None:
        weights = np.array([KIND_WEIGHTS.get(k, 0.0) for k in kinds], dtype=np.float32)[:, None]
        fused += weights * standardise(names)
        weight, threshold = TERM_SOUND
        is_term = np.array([k == "term" for k in kinds])[:, None]
        fused += weight * is_term * np.clip((names - threshold) / (1 - threshold), 0, None)
    return fused.astype(np.float32)


# --- metrics --------------------------------------------------------------------------------------


def ranks(scores: Matrix) -> npt.NDArray[np.int64]:
    gold = np.diag(scores)[:, None]
    ahead = (scores > gold).sum(axis=1) + (scores == gold).sum(axis=1) - 1
    out: npt.NDArray[np.int64] = (1 + ahead).astype(np.int64)
    return out


def figures(scores: Matrix, mask: npt.NDArray[np.bool_]) -> tuple[float, float]:
    r = ranks(scores)[mask]
    return (float((r == 1).mean()), float((1.0 / r).mean())) if len(r) else (float("nan"), float("nan"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--limit", type=int, default=None, help="only the first N pairs")
    args = parser.parse_args()
    pairs, fmt = load(args.data, args.limit)
    ko, en = [p.ko for p in pairs], [p.en for p in pairs]
    kinds = [p.kind for p in pairs]
    no_latin = np.array([not (latin_tokens(p.ko) & latin_tokens(p.en)) for p in pairs])
    console.print(f"[bold]{args.data}[/]: {len(pairs)} pairs ({fmt}), {int(no_latin.sum())} share no Latin token")

    clock = time.perf_counter()
    tokenise = Tokeniser()
    glossary = Glossary.build(Taxonomy.of([*national_fields(), *custom_fields()]))
    model = UniversalSentenceEncoder()
    console.print(f"setup (Kiwi, glossary): {time.perf_counter() - clock:.1f} s")
    results: dict[str, Scores] = {}

    def record(label: str, ko_en: Matrix, en_ko: Matrix, seconds: float) -> None:
        results[label] = Scores(ko_en, en_ko, seconds)

    clock = time.perf_counter()
    ko_tokens, en_tokens = tokenise(ko), tokenise(en)
    record("BM25 (baseline)", *bm25_both(ko_tokens, en_tokens), time.perf_counter() - clock)

    clock = time.perf_counter()
    v_ko, v_en = embed(model, ko, "Korean"), embed(model, en, "English")
    t_encode = time.perf_counter() - clock
    record("USE alone", v_ko @ v_en.T, v_en @ v_ko.T, t_encode)
    clock = time.perf_counter()
    c_ko, c_en = centred_vectors(v_ko, v_en)
    record("USE + centring", c_ko @ c_en.T, c_en @ c_ko.T, t_encode + time.perf_counter() - clock)
    dense = csls(c_ko @ c_en.T)
    t_dense = t_encode + time.perf_counter() - clock
    record("USE + centring + CSLS", *dense, t_dense)

    clock = time.perf_counter()
    x_ko = embed(model, [glossary.expand(t) for t in ko], "Korean + glossary")
    x_en = embed(model, [glossary.expand(t) for t in en], "English + glossary")
    xc_ko, xc_en = centred_vectors(x_ko, x_en)
    expanded = csls(xc_ko @ xc_en.T)
    t_expanded = time.perf_counter() - clock
    record("  … on glossary-expanded text", *expanded, t_expanded)

    clock = time.perf_counter()
    lexical = bm25_both(glossary_words(glossary, ko), glossary_words(glossary, en))
    record("lexical: glossary translations", *lexical, time.perf_counter() - clock)

    names: tuple[Matrix, Matrix] | None = None
    t_names = 0.0
    if any(k != "sentence" for k in kinds):
        clock = time.perf_counter()
        names = name_scores(NameMatcher(glossary), pairs)
        t_names = time.perf_counter() - clock
        record("names (by query kind)", *names, t_names)

    clock = time.perf_counter()
    fused = [fuse(dense[side], expanded[side], names[side] if names else None, kinds) for side in (0, 1)]
    record("fusion", fused[0], fused[1], t_dense + t_expanded + t_names + time.perf_counter() - clock)
    report(pairs, results, no_latin)


def report(pairs: list[Pair], results: dict[str, Scores], no_latin: npt.NDArray[np.bool_]) -> None:
    everything = np.ones(len(pairs), dtype=bool)
    base = results["BM25 (baseline)"]
    base_top1 = figures(base.ko_en, everything)[0], figures(base.en_ko, everything)[0]
    table = Table(title=f"Bitext retrieval, {len(pairs)} pairs ({int(no_latin.sum())} with no shared Latin token)")
    for column in ("method", "KO→EN top-1", "MRR", "EN→KO top-1", "MRR", "no-Latin KO→EN", "EN→KO", "× BM25", "s"):
        table.add_column(column, justify="left" if column == "method" else "right")
    for label, s in results.items():
        ke, ek = figures(s.ko_en, everything), figures(s.en_ko, everything)
        nke, nek = figures(s.ko_en, no_latin)[0], figures(s.en_ko, no_latin)[0]
        ratio = " / ".join(f"{a / b:.2f}" if b else "—" for a, b in zip((ke[0], ek[0]), base_top1, strict=True))
        table.add_row(
            label,
            f"{ke[0]:.3f}",
            f"{ke[1]:.3f}",
            f"{ek[0]:.3f}",
            f"{ek[1]:.3f}",
            f"{nke:.3f}",
            f"{nek:.3f}",
            ratio,
            f"{s.seconds:.1f}",
        )
    console.print(table)
    groups = sorted({(p.kind, p.source) for p in pairs if p.kind != "sentence"})
    if len(groups) > 1:
        by_group = Table(title="top-1 KO→EN / EN→KO by kind and source")
        by_group.add_column("method")
        for kind, source in groups:
            by_group.add_column(
                f"{kind}/{source} ({sum(p.kind == kind and p.source == source for p in pairs)})", justify="right"
            )
        for label, s in results.items():
            cells = []
            for kind, source in groups:
                mask = np.array([p.kind == kind and p.source == source for p in pairs])
                cells.append(f"{figures(s.ko_en, mask)[0]:.2f} / {figures(s.en_ko, mask)[0]:.2f}")
            by_group.add_row(label, *cells)
        console.print(by_group)


if __name__ == "__main__":
    main()
