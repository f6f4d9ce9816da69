"""The whole slot-by-slot model in CP-SAT, for events small enough that an exact solve pays.

Used when the heuristic leaves a gap on a small problem: it starts from the heuristic's schedule as
a hint, keeps pinned meetings where they are (slot and interpreter), and either proves the schedule
optimal or finds a better one. The slot-level model does not scale (CP-SAT finds no solution of its
own at 1,000 participants in 30 s), which is why it is only the last step, and only for small problems.
"""

from __future__ import annotations

from ortools.sat.python import cp_model

from seoro.scheduling.problem import NONE, Problem, members
from seoro.scheduling.state import State

MAX_VARIABLES = 3000


def small(p: Problem) -> bool:
    return p.n_requests * p.n_slots <= MAX_VARIABLES


class _Model:
    def __init__(self, st: State) -> None:
        self.st = st
        self.m = cp_model.CpModel()
        self.x: dict[tuple[int, int], cp_model.IntVar] = {}
        self.y: dict[tuple[int, int, int], cp_model.IntVar] = {}

    def build(self) -> None:
        st, p, f, m = self.st, self.st.p, self.st.f, self.m
        for r in range(p.n_requests):
            slots = [st.slot[r]] if st.pinned[r] else members(f.mask[r])
            for s in slots:
                v = self.x[r, s] = m.new_bool_var(f"x{r}_{s}")
                if st.pinned[r]:
                    m.add(v == 1)
                if f.needs_interp[r]:
                    # a pinned meeting keeps its interpreter too: _adopt leaves pinned meetings as they are
                    able = [st.interp[r]] if st.pinned[r] else f.interps[r]
                    ys = [self._y(r, s, i) for i in able if p.interp_avail[i] >> s & 1]
                    m.add(sum(ys) == v)
                m.add_hint(v, st.slot[r] == s)
            m.add(sum(self.x[r, s] for s in slots) <= 1)
        self._resources()
        m.maximize(sum(p.req_value[r] * v for (r, _), v in self.x.items()))

    def _y(self, r: int, s: int, i: int) -> cp_model.IntVar:
        v = self.y[r, s, i] = self.m.new_bool_var(f"y{r}_{s}_{i}")
        self.m.add_hint(v, self.st.slot[r] == s and self.st.interp[r] == i)
        return v

    def _resources(self) -> None:
        p, f, m = self.st.p, self.st.f, self.m
        busy: dict[tuple[int, int], list[cp_model.IntVar]] = {}
        per_class: dict[tuple[int, int], list[cp_model.IntVar]] = {}
        for (r, s), v in self.x.items():
            busy.setdefault((p.req_a[r], s), []).append(v)
            busy.setdefault((p.req_b[r], s), []).append(v)
            for j in range(f.need[r] + 1):
                per_class.setdefault((j, s), []).append(v)
        for vs in busy.values():
            m.add(sum(vs) <= 1)
        for (j, s), vs in per_class.items():
            m.add(sum(vs) <= f.class_cap[j][s])
        for q in range(p.n_parties):
            m.add(sum(v for (r, _), v in self.x.items() if q in (p.req_a[r], p.req_b[r])) <= p.party_cap[q])
        per_interp: dict[tuple[int, int], list[cp_model.IntVar]] = {}
        for (_, s, i), v in self.y.items():
            per_interp.setdefault((i, s), []).append(v)
        for vs in per_interp.values():
            m.add(sum(vs) <= 1)
        if p.max_run:
            self._runs(busy)

    def _runs(self, busy: dict[tuple[int, int], list[cp_model.IntVar]]) -> None:
        p, k = self.st.p, self.st.p.max_run
        for start in range(p.n_slots - k):
            window = range(start, start + k + 1)
            if not all(p.slot_follows[s] for s in window[1:]):
                continue
            for q in range(p.n_parties):
                vs = [v for s in window for v in busy.get((q, s), [])]
                if len(vs) > k:
                    self.m.add(sum(vs) <= k)


def improve(st: State, seconds: float) -> float:
    """Solve exactly from the current schedule; updates ``st`` when better; returns the proven bound."""
    model = _Model(st)
    model.build()
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = seconds
    solver.parameters.num_workers = 2
    status = solver.solve(model.m)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return float("inf")
    if solver.objective_value > st.value + 1e-9:
        _adopt(st, model, solver)
    return float(solver.best_objective_bound)


def _adopt(st: State, model: _Model, solver: cp_model.CpSolver) -> None:
    for r in range(st.p.n_requests):
        if st.slot[r] != NONE and not st.pinned[r]:
            st.remove(r)
    for (r, s), v in model.x.items():
        if st.pinned[r] or not solver.value(v):
            continue
        interp = next((i for (r2, s2, i), y in model.y.items() if r2 == r and s2 == s and solver.value(y)), NONE)
        st.place(r, s, interp)
