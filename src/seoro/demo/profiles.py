"""Profiles: the firms' technology needs (Korean), and offers and partner searches from abroad (English)."""

from __future__ import annotations

import random
from typing import NamedTuple

from seoro.demo.common import Record, compact, rng_for, text_of, texts_of, validity
from seoro.demo.firms import FIRMS, Firm, Need, firm_email
from seoro.demo.organisations import BY_NAME
from seoro.demo.vocabulary import SUB_FIELDS, top_of
from seoro.domain.vocab import ProfileKind, ProfileStatus


class Offer(NamedTuple):
    organisation: str
    kind: ProfileKind
    title_en: str
    description_en: str
    fields: tuple[str, ...]
    keywords: tuple[str, ...]
    contact_name: str


# fmt: off
OFFERS: tuple[Offer, ...] = (
    Offer("Boreal Hydrogen Systems Inc.", ProfileKind.OFFER, "Compact PEM electrolyser stack for on-site hydrogen", "A 250 kW PEM electrolyser stack designed for refuelling stations and industrial sites. Available for licensing or a joint demonstration with a Korean partner.", ("S07.01",), ("electrolyser", "PEM", "on-site hydrogen"), "Emily Tremblay"),
    Offer("Maple Circuit Labs Inc.", ProfileKind.OFFER, "Edge AI inference module for visual inspection", "A low-power module that runs defect-detection models on the production line without a server. We seek manufacturers to pilot it.", ("S09.03", "S01.02"), ("edge AI", "machine vision", "inspection"), "Ryan Gagnon"),
    Offer("Harbor Point Semiconductor Inc.", ProfileKind.PARTNER_SEARCH, "Partner sought: SiC power module packaging for vehicles", "We are looking for a packaging partner with sintered-silver die-attach experience to co-develop SiC modules for electric and special-purpose vehicles.", ("S01.03", "S01.05", "R.SPV"), ("SiC", "power module", "packaging"), "Laura Chen"),
    Offer("Coastline Mobility Labs Inc.", ProfileKind.BUSINESS_REQUEST, "Suppliers of electric powertrain parts for special-purpose vehicles", "We are looking for Korean suppliers of integrated e-axles and inverters for electric special-purpose vehicles such as airport tugs and refuse trucks.", ("special-purpose vehicles", "S03.03"), ("e-axle", "inverter", "special-purpose vehicles"), "Mark Rivera"),
    Offer("Harborlight Bio Inc.", ProfileKind.PARTNER_SEARCH, "Agri-bio partner for microbial fermentation scale-up", "We seek an agri-bio firm or institute to co-develop fermentation processes for plant-growth-promoting microbes, from 10 L to 10,000 L.", ("Agri-bio", "S05.01"), ("fermentation", "scale-up", "microbes"), "Olivia Bennett"),
    Offer("Belleforêt Aéro Composites Inc.", ProfileKind.OFFER, "Lightweight thermoplastic composite panels", "Thermoplastic composite panels, qualified for aircraft interiors, that can lighten vehicle bodies and protective structures.", ("S06.04", "R.DEFMAT"), ("composites", "lightweight", "thermoplastic"), "Julien Lavoie"),
    Offer("Institut Aéronautique de Garonne", ProfileKind.PARTNER_SEARCH, "Joint research on additive manufacturing of titanium aircraft parts", "We seek industrial partners for a joint project on in-process monitoring of titanium parts made by laser powder-bed fusion.", ("S06.04", "S11.04"), ("titanium", "additive manufacturing", "monitoring"), "Claire Fontaine"),
    Offer("Galilee Semiconductor Equipment Ltd.", ProfileKind.BUSINESS_OFFER, "Wafer inspection equipment for power semiconductor lines", "Optical wafer inspection tools for SiC and GaN lines, offered with local service through a Korean partner.", ("S01.06", "S01.03"), ("wafer inspection", "metrology", "SiC"), "Noa Levi"),
    Offer("Carmel Ridge Software Ltd.", ProfileKind.OFFER, "Anomaly detection for industrial control systems", "Software that learns normal plant traffic and flags intrusions in control networks; suited to hydrogen and battery plants.", ("S08.03", "Software"), ("OT security", "anomaly detection", "ICS"), "Amit Shapiro"),
    Offer("Chimie Belle-Rive SAS", ProfileKind.OFFER, "High-purity fine-chemical precursors for battery cathodes", "Coating precursors and dopants for high-nickel cathodes, supplied at pilot and production scale.", ("R.CHEM.FINE", "S02.01"), ("precursors", "cathode coating", "dopants"), "Sophie Marchand"),
)

# What experts in the focus fields post about themselves: (kind, title, description)
EXPERT_POSTS: tuple[tuple[ProfileKind, str, str], ...] = (
    (ProfileKind.PARTNER_SEARCH, "Korean partners sought for joint research on {topic}", "{name} ({position}, {affiliation}) is looking for regional firms and institutes in Korea to work on {topic}. Open to joint projects and researcher exchanges."),
    (ProfileKind.EXPERTISE, "Advice available on {topic}", "{name} ({position}, {affiliation}) can advise Korean firms on {topic}, remotely or during a visit."),
    (ProfileKind.OFFER, "Know-how transfer: {topic}", "{name} ({position}, {affiliation}) offers laboratory know-how in {topic} to a company that wants to bring it to market."),
)
# fmt: on
EXPERT_POST_FIELDS = ("S07", "S02", "S03", "S09", "S05", "S01")
EXPERT_POST_EVERY = 4  # every fourth expert in these fields posts a profile
STATUSES = (ProfileStatus.ACTIVE, ProfileStatus.MATCHED, ProfileStatus.DRAFT, ProfileStatus.CLOSED)
STATUS_WEIGHTS = (75, 13, 6, 6)


def build_profiles(experts: list[Record]) -> list[Record]:
    rng = rng_for("profiles")
    needs = [_need(rng, firm, need) for firm in FIRMS for need in firm.needs]
    offers = [_offer(rng, offer) for offer in OFFERS]
    return needs + offers + _expert_posts(rng, experts)


def _common(rng: random.Random, fields: tuple[str, ...] | list[str], keywords: tuple[str, ...] | list[str]) -> Record:
    start, end = validity(rng)
    status = rng.choices(STATUSES, weights=STATUS_WEIGHTS)[0]
    return {
        "fields": list(fields),
        "keywords": list(keywords),
        "status": status,
        "valid_from": start,
        "valid_until": end,
    }


def _need(rng: random.Random, firm: Firm, need: Need) -> Record:
    return compact(
        {
            "kind": ProfileKind.NEED,
            "title_ko": need.title_ko,
            "description_ko": need.description_ko,
            "organisation": firm.needs_as or firm.name_ko,
            **_common(rng, need.fields, need.keywords),
            "contact_name": firm.contact_name,
            "contact_email": firm_email(firm),
        }
    )


def _offer(rng: random.Random, offer: Offer) -> Record:
    given, surname = offer.contact_name.split(" ", 1)
    domain = BY_NAME[offer.organisation].domain
    return compact(
        {
            "kind": offer.kind,
            "title_en": offer.title_en,
            "description_en": offer.description_en,
            "organisation": offer.organisation,
            **_common(rng, offer.fields, offer.keywords),
            "contact_name": offer.contact_name,
            "contact_email": f"{given}.{surname}@{domain}".lower(),
        }
    )


def _expert_posts(rng: random.Random, experts: list[Record]) -> list[Record]:
    posting = [e for e in experts if top_of(texts_of(e, "fields")[0]) in EXPERT_POST_FIELDS][::EXPERT_POST_EVERY]
    return [_expert_post(rng, expert, EXPERT_POSTS[i % len(EXPERT_POSTS)]) for i, expert in enumerate(posting)]


def _expert_post(rng: random.Random, expert: Record, post: tuple[ProfileKind, str, str]) -> Record:
    kind, title, description = post
    fields = texts_of(expert, "fields")
    words = {
        "topic": rng.choice(SUB_FIELDS[fields[0]].topics),
        "name": text_of(expert, "name_en"),
        "position": text_of(expert, "position"),
        "affiliation": texts_of(expert, "affiliations")[0],
    }
    return compact(
        {
            "kind": kind,
            "title_en": title.format(**words),
            "description_en": description.format(**words),
            "expert": text_of(expert, "email"),
            **_common(rng, fields, texts_of(expert, "keywords")),
            "contact_name": words["name"],
            "contact_email": text_of(expert, "email"),
        }
    )
