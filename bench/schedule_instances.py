"""Synthetic brokerage-event scheduling problems of realistic structure, for bench/schedule.py.

``make_instance(family, participants, requests, slots, seed)`` builds a ``Problem`` of one day in two
blocks (morning, afternoon) of ``slots / 2`` slots, each block with a coffee break in its middle:

- about 40 % regional firms and 60 % overseas partners; nine requests in ten go across the two types;
- request targets drawn by a Pareto (Zipf-like) popularity, so the top 1 % receive tens of requests
  each; the senders' activity varies too (gamma). Caps are 6–12 meetings, except that the 1 % most
  requested accept as many as their free slots hold;
- languages: Koreans speak Korean, 60 % English as well, a few Japanese or Chinese; overseas partners
  have a native language (en, zh, ja, de, vi, fr) and, when it is not English, usually English too.
  About one interpreter per 100 participants, each with 2–3 languages, many for one block only;
- a few delegations of two (``party_size`` 2), booth hosts (1 %) with a table of their own, tables of
  2–4 seats;
- value = priority (1–3) + 1 for a mutual request (10 %) + a match score in [0, 1].

Families: ``base`` (tables for 0.6 × participants / 2 meetings at once, rarely binding; 15 % of the
people miss a few slots) and ``table-bound`` (one table per 10 participants, so requests far exceed
tables × slots, and half the people come for one block only).
"""

from __future__ import annotations

import dataclasses

import numpy as np
import numpy.typing as npt
from schedule_baselines import greedy

from seoro.scheduling.problem import NONE, Problem

FAMILIES = ("base", "table-bound")
LANGS = ("ko", "en", "ja", "zh", "de", "fr", "vi")
KO, EN, JA, ZH, DE, FR, VI = (1 << i for i in range(len(LANGS)))
NATIVE = np.array([EN, ZH, JA, DE, VI, FR], dtype=np.int64)  # overseas partners' first languages
NATIVE_P = [0.35, 0.2, 0.15, 0.1, 0.1, 0.1]

Ints = npt.NDArray[np.int64]
Bools = npt.NDArray[np.bool_]


def make_instance(
    family: str,
    participants: int,
    requests: int,
    slots: int = 16,
    seed: int = 0,
    *,
    max_run: int = 4,
    locked: int = 0,
    interpreter_rate: float = 0.01,
) -> Problem:
    """One event's problem; the same arguments give the same problem.

    ``locked`` requests (0 by default) are pinned to a slot where a greedy placement of just them
    fits, so locks never make the problem infeasible."""
    if family not in FAMILIES:
        raise ValueError(f"family must be one of {FAMILIES}, not {family!r}")
    if slots < 4 or slots % 2 or slots > 62:
        raise ValueError("slots must be even, from 4 to 62 (two blocks; bit sets held in int64)")
    rng = np.random.default_rng(seed)
    n = participants
    regional = rng.random(n) < 0.4
    avail = _availability(rng, n, slots, one_block=0.5 if family == "table-bound" else 0.0)
    popularity = rng.pareto(2.5, n) + 1.0
    req_a, req_b = _pairs(rng, regional, popularity, requests)
    free = np.bitwise_count(avail).astype(np.int64)
    cap = np.minimum(rng.integers(6, 13, n), free)
    popular = np.argsort(-np.bincount(req_b, minlength=n), kind="stable")[: max(1, n // 100)]
    cap[popular] = free[popular]  # the most requested 1 % take as many meetings as their day holds
    size = np.where(rng.random(n) < 0.03, 2, 1)
    n_tables = round(0.3 * n) if family == "base" else round(n / 10)
    seats = rng.choice([2, 3, 4], size=max(1, n_tables), p=[0.5, 0.3, 0.2])
    hosts = rng.choice(n, size=round(0.01 * n), replace=False)
    booth = np.full(n, NONE, dtype=np.int64)
    booth[hosts] = len(seats) + np.arange(len(hosts))
    seats = np.concatenate([seats, np.full(len(hosts), 4)])
    interp_langs, interp_avail = _interpreters(rng, max(1, round(n * interpreter_rate)), slots)
    problem = Problem(
        slot_block=tuple(0 if s < slots // 2 else 1 for s in range(slots)),
        slot_follows=_follows(slots),
        party_avail=tuple(avail.tolist()),
        party_cap=tuple(cap.tolist()),
        party_size=tuple(size.tolist()),
        party_langs=tuple(_languages(rng, regional).tolist()),
        party_booth=tuple(booth.tolist()),
        table_seats=tuple(seats.tolist()),
        table_avail=((1 << slots) - 1,) * len(seats),
        interp_langs=tuple(interp_langs.tolist()),
        interp_avail=tuple(interp_avail.tolist()),
        req_a=tuple(req_a.tolist()),
        req_b=tuple(req_b.tolist()),
        req_value=tuple(_values(rng, requests).tolist()),
        max_run=max_run,
    )
    return _with_locks(problem, rng, locked) if locked else problem


def _follows(slots: int) -> tuple[bool, ...]:
    """No break inside a block but the coffee break halfway; the first slot of a block follows nothing."""
    half = slots // 2
    return tuple(s % half not in (0, half // 2) for s in range(slots))


def _availability(rng: np.random.Generator, n: int, slots: int, one_block: float) -> Ints:
    """Everybody all day, except: ``one_block`` of them in the morning or the afternoon only, and 15 %
    missing 1–3 slots (half arriving late or leaving early, half at scattered slots)."""
    half = slots // 2
    block = np.array([(1 << half) - 1, ((1 << half) - 1) << half], dtype=np.int64)
    avail = np.full(n, (1 << slots) - 1, dtype=np.int64)
    single = rng.random(n) < one_block
    avail[single] = block[rng.integers(0, 2, int(single.sum()))]
    missing = np.flatnonzero(rng.random(n) < 0.15)
    k = rng.integers(1, 4, len(missing))
    edge = rng.random(len(missing)) < 0.5
    run = (np.int64(1) << k) - 1
    start = rng.integers(0, 2, len(missing)) * half + np.where(rng.random(len(missing)) < 0.5, 0, half - k)
    scattered = np.zeros(len(missing), dtype=np.int64)
    for j in range(3):
        hit = k > j
        scattered[hit] |= np.int64(1) << rng.integers(0, slots, int(hit.sum()))
    avail[missing] &= ~np.where(edge, run << start, scattered)
    empty = avail == 0
    avail[empty] = block[rng.integers(0, 2, int(empty.sum()))]
    return avail


def _languages(rng: np.random.Generator, regional: Bools) -> Ints:
    n = len(regional)
    korean = KO | np.where(rng.random(n) < 0.6, EN, 0)
    korean |= np.where(rng.random(n) < 0.05, JA, 0) | np.where(rng.random(n) < 0.05, ZH, 0)
    native = rng.choice(NATIVE, size=n, p=NATIVE_P)
    overseas = native | np.where(rng.random(n) < 0.8, EN, 0) | np.where(rng.random(n) < 0.05, KO, 0)
    return np.where(regional, korean, overseas).astype(np.int64)


def _interpreters(rng: np.random.Generator, count: int, slots: int) -> tuple[Ints, Ints]:
    """Mostly Korean plus English or an overseas language (a third one for 40 %); 40 % work all day,
    40 % one block, 20 % miss a few slots."""
    first = np.where(rng.random(count) < 0.8, KO, EN)
    second = rng.choice(np.array([EN, JA, ZH, DE, FR, VI]), size=count, p=[0.4, 0.2, 0.2, 0.1, 0.05, 0.05])
    second = np.where(second == first, JA, second)
    third = np.where(rng.random(count) < 0.4, rng.choice(np.array([JA, ZH, DE, FR, VI]), size=count), 0)
    langs = first | second | third
    half = slots // 2
    avail = np.full(count, (1 << slots) - 1, dtype=np.int64)
    kind = rng.random(count)
    avail = np.where(kind < 0.4, avail, np.int64((1 << half) - 1) << (half * rng.integers(0, 2, count)))
    few = kind >= 0.8
    avail[few] = ((1 << slots) - 1) & ~(np.int64(3) << rng.integers(0, slots - 1, int(few.sum())))
    return langs.astype(np.int64), avail


def _pairs(
    rng: np.random.Generator, regional: Bools, popularity: npt.NDArray[np.float64], count: int
) -> tuple[Ints, Ints]:
    """``count`` distinct unordered pairs (a requests b), in creation order, no one asking themselves."""
    n = len(regional)
    activity = rng.gamma(2.0, 1.0, n)
    sender_cum = np.cumsum(activity)
    groups = [np.flatnonzero(~regional), np.flatnonzero(regional)]
    target_cum = [np.cumsum(popularity[g]) for g in groups]
    a = np.empty(0, dtype=np.int64)
    b = np.empty(0, dtype=np.int64)
    for _ in range(60):
        if len(a) >= count:
            return a[:count], b[:count]
        draws = int((count - len(a)) * 1.2) + 64
        sa = np.searchsorted(sender_cum, rng.random(draws) * sender_cum[-1])
        to_regional = regional[sa] ^ (rng.random(draws) < 0.9)  # across types nine times in ten
        sb = np.empty(draws, dtype=np.int64)
        for g, (members, cum) in enumerate(zip(groups, target_cum, strict=True)):
            pick = to_regional == bool(g)
            if len(members):
                sb[pick] = members[np.searchsorted(cum, rng.random(int(pick.sum())) * cum[-1])]
            else:
                sb[pick] = sa[pick]  # no one of that type: dropped as a self pair below
        keep = sa != sb
        a = np.concatenate([a, sa[keep]])
        b = np.concatenate([b, sb[keep]])
        _, first = np.unique(np.minimum(a, b) * n + np.maximum(a, b), return_index=True)
        first.sort()
        a, b = a[first], b[first]
    raise ValueError(f"cannot draw {count} distinct requests among {n} participants")


def _values(rng: np.random.Generator, count: int) -> npt.NDArray[np.float64]:
    priority = rng.choice([1.0, 2.0, 3.0], size=count, p=[0.5, 0.3, 0.2])
    mutual = (rng.random(count) < 0.1).astype(np.float64)
    return np.round(priority + mutual + rng.beta(2.0, 3.0, count), 3)


def _with_locks(problem: Problem, rng: np.random.Generator, count: int) -> Problem:
    """Pin ``count`` random requests to the slots a greedy placement of only them (in random order, at
    a random free slot) gives them; the few it cannot place stay unlocked."""
    chosen = rng.choice(problem.n_requests, size=min(count, problem.n_requests), replace=False)
    placed = greedy(problem, chosen.tolist(), rng=rng)
    return dataclasses.replace(problem, req_lock_slot=tuple(placed.slot))
