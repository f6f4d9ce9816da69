"""A partial schedule being built: who is busy when, what each slot has left, and the moves on it.

Tables are counted, not named, while the schedule is built: a slot can take a meeting that needs
seat class ``j`` as long as, for every class ``i <= j``, fewer meetings needing ``i`` or more sit there
than it has tables of class ``i`` or more (Hall's condition for nested sizes). Names are handed out
at the end (``tables.assign``), which that condition makes always possible.
"""

from __future__ import annotations

from seoro.scheduling.feasible import Facts
from seoro.scheduling.problem import NONE, Problem, members


class State:
    def __init__(self, p: Problem, f: Facts) -> None:
        self.p, self.f = p, f
        self.slot = [NONE] * p.n_requests
        self.interp = [NONE] * p.n_requests
        self.pinned = [False] * p.n_requests
        self.busy = [0] * p.n_parties
        self.count = [0] * p.n_parties
        self.meeting_at: list[dict[int, int]] = [{} for _ in range(p.n_parties)]  # party -> slot -> request
        self.used = [[0] * p.n_slots for _ in f.seat_values]
        self.full = [0] * len(f.seat_values)
        for j, caps in enumerate(f.class_cap):
            self.full[j] = sum(1 << s for s, c in enumerate(caps) if c == 0)
        self.interp_busy = [0] * len(p.interp_avail)
        self.at_slot: list[set[int]] = [set() for _ in range(p.n_slots)]
        self.value = 0.0
        # slots whose left / right neighbour is in the same block, for "next to another meeting"
        inner = [s > 0 and p.slot_block[s - 1] == p.slot_block[s] for s in range(p.n_slots)]
        self.has_left = sum(1 << s for s, x in enumerate(inner) if x)
        self.has_right = self.has_left >> 1
        self.follows = sum(1 << s for s, x in enumerate(p.slot_follows) if x and s > 0)

    # ---- what is free

    def table_ok(self, r: int) -> int:
        """Slots with a table left for request ``r``."""
        need = self.f.need[r]
        blocked = 0
        for j in range(need + 1):
            blocked |= self.full[j]
        return ~blocked

    def interp_ok(self, r: int) -> int:
        if not self.f.needs_interp[r]:
            return -1
        free = 0
        for i in self.f.interps[r]:
            free |= self.p.interp_avail[i] & ~self.interp_busy[i]
        return free

    def open_slots(self, r: int) -> int:
        """Slots where ``r`` could go now without moving anything (caps and runs aside)."""
        a, b = self.p.req_a[r], self.p.req_b[r]
        return self.f.mask[r] & ~self.busy[a] & ~self.busy[b] & self.table_ok(r) & self.interp_ok(r)

    def under_cap(self, r: int) -> bool:
        a, b = self.p.req_a[r], self.p.req_b[r]
        return self.count[a] < self.p.party_cap[a] and self.count[b] < self.p.party_cap[b]

    def run_ok(self, q: int, s: int) -> bool:
        """Whether party ``q`` meeting at ``s`` stays within the cap on meetings in a row."""
        limit = self.p.max_run
        if not limit:
            return True
        busy, follows = self.busy[q] | 1 << s, self.follows
        run, x = 1, s
        while follows >> x & 1 and busy >> (x - 1) & 1:
            run, x = run + 1, x - 1
        x = s + 1
        while follows >> x & 1 and busy >> x & 1:
            run, x = run + 1, x + 1
        return run <= limit

    def fits_at(self, r: int, s: int) -> bool:
        return self.run_ok(self.p.req_a[r], s) and self.run_ok(self.p.req_b[r], s)

    def best_slot(self, r: int, slots: int) -> int:
        """Among ``slots``, the one that keeps both agendas tightest: next to their other meetings."""
        a, b = self.p.req_a[r], self.p.req_b[r]
        near_a = self._near(self.busy[a])
        near_b = self._near(self.busy[b])
        for pref in (slots & near_a & near_b, slots & (near_a | near_b), slots):
            for s in members(pref):
                if self.fits_at(r, s):
                    return s
        return NONE

    def _near(self, busy: int) -> int:
        return ((busy << 1) & self.has_left) | ((busy >> 1) & self.has_right)

    # ---- moves

    def place(self, r: int, s: int, interp: int = NONE) -> None:
        p, f = self.p, self.f
        a, b = p.req_a[r], p.req_b[r]
        bit = 1 << s
        if f.needs_interp[r] and interp == NONE:
            interp = self._pick_interp(r, bit)
        self.slot[r], self.interp[r] = s, interp
        for q in (a, b):
            self.busy[q] |= bit
            self.count[q] += 1
            self.meeting_at[q][s] = r
        for j in range(f.need[r] + 1):
            self.used[j][s] += 1
            if self.used[j][s] >= f.class_cap[j][s]:
                self.full[j] |= bit
        if interp != NONE:
            self.interp_busy[interp] |= bit
        self.at_slot[s].add(r)
        self.value += p.req_value[r]

    def remove(self, r: int) -> int:
        """Take ``r`` out of the schedule; returns its interpreter so that it can be put back as it was."""
        p, f = self.p, self.f
        s, interp = self.slot[r], self.interp[r]
        a, b = p.req_a[r], p.req_b[r]
        bit = 1 << s
        for q in (a, b):
            self.busy[q] &= ~bit
            self.count[q] -= 1
            del self.meeting_at[q][s]
        for j in range(f.need[r] + 1):
            self.used[j][s] -= 1
            self.full[j] &= ~bit
        if interp != NONE:
            self.interp_busy[interp] &= ~bit
        self.at_slot[s].discard(r)
        self.slot[r] = self.interp[r] = NONE
        self.value -= p.req_value[r]
        return interp

    def _pick_interp(self, r: int, bit: int) -> int:
        """The free interpreter at the slot with the fewest languages, keeping versatile ones for later."""
        best, best_n = NONE, 1 << 30
        for i in self.f.interps[r]:
            if self.p.interp_avail[i] & ~self.interp_busy[i] & bit:
                n = self.p.interp_langs[i].bit_count()
                if n < best_n:
                    best, best_n = i, n
        return best

    def try_place(self, r: int) -> bool:
        """Put ``r`` at its best open slot, if it has one and both parties have room."""
        if not self.under_cap(r):
            return False
        s = self.best_slot(r, self.open_slots(r))
        if s == NONE:
            return False
        self.place(r, s)
        return True

    # ---- figures

    def idle_gaps(self) -> int:
        blocks = self.p.block_masks()
        total = 0
        for busy in self.busy:
            for m in blocks:
                total += span_gaps(busy & m)
        return total


def span_gaps(busy: int) -> int:
    """Empty slots between the first and the last meeting of one block."""
    if not busy:
        return 0
    low = (busy & -busy).bit_length() - 1
    return busy.bit_length() - low - busy.bit_count()
