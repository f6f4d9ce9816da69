"""Finding partners for a profile (or any text) across the directory, with reasons."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

from seoro.domain.directory import Expert, Organisation, Profile
from seoro.domain.taxonomy import Taxonomy
from seoro.domain.text import BilingualText, language_of
from seoro.domain.vocab import ProfileKind
from seoro.matching.classify import DEFAULT_PARAMS as CLASSIFY_PARAMS
from seoro.matching.engine import Engine, Tools, passage_texts
from seoro.matching.glossary import Glossary
from seoro.matching.model import Candidate, Doc, Filters, Match, Query
from seoro.matching.reciprocal import Pair, as_query, best_pairs, mutual
from seoro.matching.semantic import UniversalSentenceEncoder, Vectors
from seoro.matching.tokenize import Tokenizer
from seoro.matching.vector_index import EXACT_UP_TO, VectorIndex
from seoro.services.database import Database, Unit, require_current
from seoro.services.indexing import IndexReport, Progress, forget_vectors, text_hash, vectors_for
from seoro.services.taxonomy import expand
from seoro.storage.index_cache import IndexCache

CANDIDATE_KINDS = ("expert", "organisation", "profile")


@dataclass(frozen=True)
class MatchResult:
    query: Query
    title: BilingualText
    matches: list[Match]
    taxonomy: Taxonomy


@cache
def _shared_tools() -> tuple[UniversalSentenceEncoder, Tokenizer]:
    # One model and one Korean analyser per process: both are large to load.
    return UniversalSentenceEncoder(), Tokenizer()


def preload() -> None:
    """Load the model and the analyser now (a server does it in the background as it starts), so
    the first person asking for partners does not wait seconds for them."""
    _shared_tools()


def tools_for(taxonomy: Taxonomy) -> Tools:
    embedder, tokenizer = _shared_tools()
    return Tools(embedder, tokenizer, Glossary.build(taxonomy), taxonomy)


def _texts(*texts: BilingualText) -> list[str]:
    return [t for text in texts for t in (text.ko, text.en) if t]


def expert_candidate(e: Expert, owners: dict[int, Organisation] | None = None) -> Candidate:
    """``owners``: organisations by id, so an expert carries the kind of their first affiliation
    (a university researcher passes an organisation-kind filter "university")."""
    docs = [Doc(t, "statement") for t in _texts(e.expertise)]
    if e.keywords:
        docs.append(Doc(", ".join(e.keywords), "keywords"))
    docs += [Doc(f"{p.title}. {p.abstract}".strip(" ."), "publication", p.year) for p in e.publications]
    group = str(e.affiliations[0].organisation_id) if e.affiliations else ""
    employer = (owners or {}).get(e.affiliations[0].organisation_id) if e.affiliations else None
    return Candidate(
        f"expert:{e.id}",
        "expert",
        e.name.both(),
        tuple(docs),
        tuple(e.fields),
        e.country,
        employer.kind.value if employer else "",
        tuple(e.languages),
        f"org:{group}" if group else "",
    )


def organisation_candidate(o: Organisation) -> Candidate:
    docs = [Doc(t, "description") for t in _texts(o.description)] or [Doc(o.name.both(), "name")]
    languages = tuple(sorted({language_of(d.text) for d in docs}))
    group = f"org:{o.parent_id or o.id}"
    return Candidate(
        f"organisation:{o.id}",
        "organisation",
        o.name.both(),
        tuple(docs),
        tuple(o.fields),
        o.country,
        o.kind.value,
        languages,
        group,
    )


def profile_candidate(p: Profile, owners: dict[int, Organisation]) -> Candidate:
    docs = [Doc(t, "title") for t in _texts(p.title)] + [Doc(t, "description") for t in _texts(p.description)]
    if p.keywords:
        docs.append(Doc(", ".join(p.keywords), "keywords"))
    owner = owners.get(p.organisation_id) if p.organisation_id else None
    languages = tuple(sorted({language_of(d.text) for d in docs}))
    group = f"org:{p.organisation_id}" if p.organisation_id else f"expert:{p.expert_id}"
    return Candidate(
        f"profile:{p.id}",
        p.kind.value,
        p.title.both(),
        tuple(docs),
        tuple(p.fields),
        owner.country if owner else "",
        owner.kind.value if owner else "",
        languages,
        group,
    )


def candidates(unit: Unit, *, suggested: bool = True) -> list[Candidate]:
    """Every expert, organisation and profile. With ``suggested``, a record imported without field codes
    carries the fields suggested for it (``seoro classify --save``, not rejected, confident enough or
    confirmed), so it takes part in field matching; without, only the codes staff gave it."""
    orgs = unit.organisations.find()
    owners = {o.id: o for o in orgs if o.id is not None}
    found = (
        [expert_candidate(e, owners) for e in unit.experts.find()]
        + [organisation_candidate(o) for o in orgs]
        + [profile_candidate(p, owners) for p in unit.profiles.find()]
    )
    if not suggested:
        return found
    fields = unit.suggestions.effective(CLASSIFY_PARAMS.threshold)
    return [replace(c, fields=fields[c.key]) if not c.fields and c.key in fields else c for c in found]


def profile_query(p: Profile) -> Query:
    text = " ".join(_texts(p.title, p.description) + list(p.keywords))
    own = (
        {f"profile:{p.id}"}
        | ({f"organisation:{p.organisation_id}"} if p.organisation_id else set())
        | ({f"expert:{p.expert_id}"} if p.expert_id else set())
    )
    return Query(text, tuple(p.fields), frozenset(own))


def build_engine(db: Database, *, progress: Progress | None = None, cache: Path | None = None) -> Engine:
    """The search engine over the whole directory; texts already encoded are read from the database.
    ``cache``: a folder where a large directory's trained search index is kept between processes."""
    require_current(db)
    with db.reading() as unit:
        taxonomy = unit.fields.load()
        found = candidates(unit)
    return engine_for(db, found, taxonomy, progress=progress, cache=cache)


def engine_for(
    db: Database,
    found: list[Candidate],
    taxonomy: Taxonomy,
    *,
    progress: Progress | None = None,
    cache: Path | None = None,
    vectors: Vectors | None = None,
) -> Engine:
    """An engine over ``found``, its text vectors read from (or added to) the database, unless the
    caller has just read them (``vectors``, in :func:`passage_texts` order)."""
    tools = tools_for(taxonomy)
    texts = passage_texts(found)
    if vectors is None:
        vectors, _ = vectors_for(db, tools.embedder, texts, progress=progress)
    return Engine(found, tools, vectors=vectors, index_for=cached_index(cache, tools.embedder.name, texts))


def cached_index(
    folder: Path | None, model: str, texts: list[str], exact_up_to: int = EXACT_UP_TO
) -> Callable[[Vectors], VectorIndex]:
    """Builds the vector index, or reads the one trained earlier on exactly these texts."""

    def index_for(vectors: Vectors) -> VectorIndex:
        if folder is None:
            return VectorIndex(vectors, exact_up_to=exact_up_to)
        store = IndexCache(folder)
        fingerprint = text_hash("\n".join([model, *map(text_hash, texts)]))
        stored = store.load(fingerprint)
        index = VectorIndex(vectors, exact_up_to=exact_up_to, trained=stored)
        if stored is None and index.trained is not None:
            store.save(fingerprint, index.trained)
        return index

    return index_for


def recommend_between(
    db: Database,
    *,
    left_kinds: tuple[str, ...],
    right_kinds: tuple[str, ...],
    top: int = 50,
    per_candidate: int | None = 5,
) -> list[Pair]:
    """Mutually interested pairs between two parts of the directory, e.g. needs × offers or needs × experts
    (kinds: expert, organisation, or a profile kind such as need, offer, partner_search)."""
    require_current(db)
    with db.reading() as unit:
        taxonomy = unit.fields.load()
        everyone = candidates(unit)
    left = [c for c in everyone if c.kind in left_kinds]
    right = [c for c in everyone if c.kind in right_kinds]
    return best_pairs(
        mutual(engine_for(db, left, taxonomy), engine_for(db, right, taxonomy)), left, right, top, per_candidate
    )


def rebuild_index(
    db: Database, *, full: bool = False, actor: str, progress: Progress | None = None, cache: Path | None = None
) -> IndexReport:
    """Encode every directory text not yet stored (all of them with ``full``) and drop vectors of texts
    that no longer exist; a directory too large for exact search also gets its search index trained
    and kept in ``cache``."""
    require_current(db)
    with db.reading() as unit:
        taxonomy = unit.fields.load()
        found = candidates(unit)
    texts = passage_texts(found)
    embedder = _shared_tools()[0]
    removed = forget_vectors(db, embedder.name, None if full else {text_hash(t) for t in texts}, actor=actor)
    vectors, report = vectors_for(db, embedder, texts, actor=actor, progress=progress)
    if cache is not None and len(texts) > EXACT_UP_TO:
        engine_for(db, found, taxonomy, cache=cache, vectors=vectors)
    return IndexReport(report.texts, report.encoded, report.reused, removed)


def index_size(db: Database) -> tuple[int, int]:
    """(texts in the directory, vectors stored for the default model)."""
    with db.reading() as unit:
        texts = set(passage_texts(candidates(unit)))
        return len(texts), unit.vectors.count(_shared_tools()[0].name)


def match_record(
    db: Database,
    *,
    key: str,
    top: int = 10,
    kinds: tuple[str, ...] = ("expert",),
    fields: tuple[str, ...] = (),
    countries: tuple[str, ...] = (),
    org_kinds: tuple[str, ...] = (),
    languages: tuple[str, ...] = (),
    engine: Engine | None = None,
    cache: Path | None = None,
) -> MatchResult:
    """The best partners for any directory record, ``profile:N``, ``expert:N`` or ``organisation:N``:
    a need looking for experts, or the other way, an overseas expert looking for Korean needs and firms.
    A profile asks with its title, description, keywords and fields; an expert or organisation with
    what it says about itself."""
    engine = engine or build_engine(db, cache=cache)
    entity, _, number = key.partition(":")
    with db.reading() as unit:
        if entity == "profile":
            profile = unit.profiles.get(int(number))
            query, title = profile_query(profile), profile.title
        elif entity == "expert":
            expert = unit.experts.get(int(number))
            query, title = as_query(expert_candidate(expert)), expert.name
        else:
            organisation = unit.organisations.get(int(number))
            query, title = as_query(organisation_candidate(organisation)), organisation.name
    if entity != "profile":  # nor what the record itself posted, or (for an organisation) its own people
        own = {f"{'org' if entity == 'organisation' else entity}:{number}"}
        query = replace(query, exclude=query.exclude | {c.key for c in engine.candidates if c.group in own})
    taxonomy = engine.tools.taxonomy
    profile_kinds = {k.value for k in ProfileKind}
    wanted = {k for kind in kinds for k in (profile_kinds if kind == "profile" else {kind})}
    filters = Filters(
        kinds=frozenset(wanted),
        countries=frozenset(countries),
        org_kinds=frozenset(org_kinds),
        fields=expand(taxonomy, taxonomy.resolve_many(fields)) if fields else frozenset(),
        languages=frozenset(languages),
    )
    return MatchResult(query, title, engine.search(query, top, filters), taxonomy)
