"""Web load (issue 12): 100 concurrent users browsing, searching and requesting meetings on loopback.

Usage: .venv/bin/python bench/web_load.py [--db sqlite|postgresql] [--users 100] [--seconds 30]
       [--workers N] [--think 1,5] [--json]

The demo data is loaded into a fresh database, the demo event is scheduled and published, every
demo participant with an e-mail gets an account, and ``seoro serve`` runs as its own process (so
the load generator does not share its interpreter). Then ``--users`` simulated users (a fifth staff,
the rest participants) sign in (before the clock starts) and, for ``--seconds``, each does one action after another with a
random think time: participants open their page, their agenda, the participant list and their
recommended partners, and now and then request a meeting; staff search the directory and open the
event. Every response is timed; any status other than the expected one is an error.

The baseline, measured in the same run under the same load, is the static style sheet: the ratio
p95(action) / p95(baseline) shows what the pages cost beyond the server's own overhead. Targets:
p95 <= 200 ms over all actions and 0 errors.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import httpx
from sqlalchemy import create_engine, text

from seoro.domain.accounts import Role
from seoro.domain.agenda import Stage
from seoro.services import accounts as acc
from seoro.services.agendas import publish_agendas
from seoro.services.database import Database
from seoro.services.demo import load_demo
from seoro.services.scheduling import schedule_event
from seoro.services.setup import init_database

PG_ADMIN = os.environ.get("SEORO_TEST_PG_ADMIN_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")
PASSWORD = "load test password"
TARGET_P95_MS = 200.0
SIGN_INS = asyncio.Semaphore(4)
SEARCHES = ("수소", "battery", "연료전지", "AI", "semiconductor", "스마트팜", "robot", "이차전지")


@dataclass
class Timings:
    ms: dict[str, list[float]] = field(default_factory=dict)
    errors: dict[str, int] = field(default_factory=dict)
    why: dict[str, int] = field(default_factory=dict)  # "action: status or exception" -> how often
    server_cpu_s: float = 0.0  # CPU seconds the server processes used while the clock ran
    machine_busy: float = 0.0  # share of all cores busy meanwhile (server, load generator, the rest)

    def add(self, action: str, ms: float, ok: bool) -> None:
        self.ms.setdefault(action, []).append(ms)
        if not ok:
            self.errors[action] = self.errors.get(action, 0) + 1


def pct(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


# --- the data and the server ------------------------------------------------------------------


def database(kind: str, folder: Path) -> tuple[str, Callable[[], None]]:
    if kind == "sqlite":
        return f"sqlite:///{folder / 'load.db'}", lambda: None
    name = f"seoro_load_{uuid.uuid4().hex[:8]}"
    admin = create_engine(PG_ADMIN, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f"CREATE DATABASE \"{name}\" ENCODING 'UTF8' TEMPLATE template0"))

    def drop() -> None:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()

    return PG_ADMIN.rsplit("/", 1)[0] + f"/{name}", drop


def prepare(url: str) -> tuple[list[str], list[str]]:
    """Demo data, a published timetable, and accounts: (staff e-mails, participant e-mails)."""
    db = Database.open(url)
    init_database(db, actor="bench")
    load_demo(db, actor="bench")
    schedule_event(db, 1, time_limit=10, actor="bench")
    now = datetime.now(UTC)
    publish_agendas(db, 1, stage=Stage.FINAL, at=now, actor="bench")
    with db.reading() as unit:
        people = [p for p in unit.events.participants(1) if p.email and p.attending]
    participants = []
    for p in people:
        acc.create_account(db, email=p.email, name=p.name.both(), role=Role.PARTICIPANT, password=PASSWORD,
                           participant_id=p.id, now=now, actor="bench")  # fmt: skip
        participants.append(p.email)
    staff = [f"staff{i}@agency.example" for i in range(8)]
    for email in staff:
        acc.create_account(db, email=email, name=email, role=Role.STAFF, password=PASSWORD, now=now, actor="bench")
    db.close()
    return staff, participants


def start_server(url: str, port: int, workers: int, folder: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "SEORO_DATABASE_URL": url, "SEORO_LANG": "ko", "SEORO_DATA_DIR": str(folder)}
    seoro = str(Path(sys.executable).parent / "seoro")
    cmd = [seoro, "serve", "--port", str(port), "--workers", str(workers)]
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/login", timeout=2).status_code == 200:
                return proc
        except httpx.HTTPError:
            time.sleep(0.3)
    proc.kill()
    raise RuntimeError("the server did not start")


# --- the users ---------------------------------------------------------------------------------


async def sign_in(client: httpx.AsyncClient, email: str) -> str:
    page = await client.get("/login")
    token = re.search(r'name="csrf" value="([^"]+)"', page.text)
    assert token, "no CSRF field on the sign-in page"
    r = await client.post("/login", data={"csrf": token.group(1), "email": email, "password": PASSWORD})
    if r.status_code != 303:
        raise RuntimeError(f"sign-in of {email} failed: {r.status_code}")
    home = await client.get(r.headers["location"])
    found = re.search(r'name="csrf" value="([^"]+)"', home.text)
    return found.group(1) if found else token.group(1)


Action = Callable[[httpx.AsyncClient, random.Random], Awaitable[httpx.Response]]


def participant_actions(csrf: str) -> list[tuple[str, float, Action, set[int]]]:
    async def request_meeting(c: httpx.AsyncClient, rnd: random.Random) -> httpx.Response:
        page = await c.get("/me/participants")
        ids = re.findall(r'name="to" value="(\d+)"', page.text)
        if not ids:
            return page
        return await c.post("/me/requests", data={"csrf": csrf, "to": rnd.choice(ids)})

    return [
        ("me", 3, lambda c, r: c.get("/me"), {200}),
        ("agenda", 2, lambda c, r: c.get("/me/agenda"), {200}),
        ("participants", 2, lambda c, r: c.get("/me/participants"), {200}),
        ("partners", 1, lambda c, r: c.get("/me/partners"), {200}),
        ("request", 0.5, request_meeting, {200, 303, 400, 409}),  # refusals by the rules are answers too
    ]


def staff_actions() -> list[tuple[str, float, Action, set[int]]]:
    return [
        ("search", 3, lambda c, r: c.get("/directory", params={"q": r.choice(SEARCHES)}), {200}),
        ("event", 1, lambda c, r: c.get("/events/1"), {200}),
        ("dashboard", 1, lambda c, r: c.get("/"), {200}),
    ]


async def user(base: str, email: str, staff: bool, start: asyncio.Event, clock: list[float], ready: list[int],
               think: tuple[float, float], seed: int, out: Timings) -> None:  # fmt: skip
    """Sign in (before the clock starts: everyone is signed in when browsing begins), then act."""
    rnd = random.Random(seed)
    async with httpx.AsyncClient(base_url=base, timeout=30, follow_redirects=False) as client:
        async with SIGN_INS:  # argon2 is slow on purpose: a few at a time
            csrf = await sign_in(client, email)
        ready[0] += 1
        actions = staff_actions() if staff else participant_actions(csrf)
        weights = [a[1] for a in actions]
        await start.wait()
        await asyncio.sleep(rnd.uniform(0, think[1]))  # users do not all start at the same instant
        while time.monotonic() < clock[0]:
            name, _, act, ok = rnd.choices(actions, weights)[0]
            started = time.perf_counter()
            try:
                r = await act(client, rnd)
                good, why = r.status_code in ok, str(r.status_code)
            except httpx.HTTPError as e:
                good, why = False, type(e).__name__
            out.add(name, (time.perf_counter() - started) * 1000, good)
            if not good:
                out.why[f"{name}: {why}"] = out.why.get(f"{name}: {why}", 0) + 1
            await asyncio.sleep(rnd.uniform(*think))


async def baseline(start: asyncio.Event, clock: list[float], base: str, out: Timings) -> None:
    async with httpx.AsyncClient(base_url=base, timeout=30) as client:
        await start.wait()
        while time.monotonic() < clock[0]:
            started = time.perf_counter()
            r = await client.get("/static/seoro.css")
            out.add("baseline", (time.perf_counter() - started) * 1000, r.status_code == 200)
            await asyncio.sleep(0.2)


async def warm(base: str, participants: list[str]) -> None:
    """One participant's partner page first: the engines behind it are built once per process."""
    async with httpx.AsyncClient(base_url=base, timeout=120, follow_redirects=False) as client:
        await sign_in(client, participants[0])
        await client.get("/me/partners")


async def load(base: str, staff: list[str], participants: list[str], users: int, seconds: float,
               think: tuple[float, float], server_pids: list[int]) -> Timings:  # fmt: skip
    out = Timings()
    await warm(base, participants)
    start, clock, ready = asyncio.Event(), [0.0], [0]
    n_staff = max(1, users // 5)
    tasks = [user(base, staff[i % len(staff)], True, start, clock, ready, think, i, out) for i in range(n_staff)]
    tasks += [user(base, participants[i % len(participants)], False, start, clock, ready, think, 1000 + i, out)
              for i in range(users - n_staff)]  # fmt: skip
    tasks.append(baseline(start, clock, base, out))
    running = [asyncio.ensure_future(t) for t in tasks]
    while ready[0] < users and not any(t.done() for t in running):  # everyone signed in (or one failed)
        await asyncio.sleep(0.2)
    cpu_before, machine_before = cpu_seconds(server_pids), machine_ticks()
    clock[0] = time.monotonic() + seconds
    start.set()
    await asyncio.gather(*running)
    out.server_cpu_s = cpu_seconds(server_pids) - cpu_before
    busy, total = (a - b for a, b in zip(machine_ticks(), machine_before, strict=True))
    out.machine_busy = busy / total if total else 0.0
    return out


def cpu_seconds(pids: list[int]) -> float:
    """User + system CPU time of these processes (Linux /proc; 0 elsewhere)."""
    total = 0.0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return total


def machine_ticks() -> tuple[int, int]:
    """(busy, total) CPU ticks of the whole machine so far (Linux /proc/stat; zeros elsewhere)."""
    try:
        values = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    except OSError:
        return 0, 0
    idle = values[3] + (values[4] if len(values) > 4 else 0)  # idle + iowait
    return sum(values) - idle, sum(values)


def process_tree(pid: int) -> list[int]:
    """``pid`` and its children (``seoro serve --workers N`` forks N server processes)."""
    found = [pid]
    for child in Path("/proc").glob(f"{pid}/task/*/children"):
        found += [q for c in child.read_text().split() for q in process_tree(int(c))]
    return found


def report(kind: str, users: int, seconds: float, t: Timings, as_json: bool) -> bool:
    rows = {}
    everything = [ms for name, v in t.ms.items() if name != "baseline" for ms in v]
    base95 = pct(t.ms.get("baseline", []), 0.95) or 1.0
    for name in [*sorted(n for n in t.ms if n != "baseline"), "baseline"]:
        v = t.ms.get(name, [])
        rows[name] = {"n": len(v), "p50_ms": round(pct(v, 0.5), 1), "p95_ms": round(pct(v, 0.95), 1),
                      "max_ms": round(max(v, default=0), 1), "errors": t.errors.get(name, 0),
                      "ratio_p95": round(pct(v, 0.95) / base95, 2)}  # fmt: skip
    total = {"n": len(everything), "p50_ms": round(pct(everything, 0.5), 1),
             "p95_ms": round(pct(everything, 0.95), 1), "errors": sum(t.errors.values()),
             "per_second": round(len(everything) / seconds, 1),
             "mean_ms": round(statistics.fmean(everything), 1) if everything else 0.0,
             "server_cpu_ms_per_request": round(t.server_cpu_s * 1000 / max(1, len(everything)), 2),
             "server_cores": round(t.server_cpu_s / seconds, 2), "machine_busy": round(t.machine_busy, 2)}  # fmt: skip
    passed = total["p95_ms"] <= TARGET_P95_MS and total["errors"] == 0
    if as_json:
        print(json.dumps({"db": kind, "users": users, "seconds": seconds, "actions": rows, "all": total,
                          "pass": passed}, indent=2))  # fmt: skip
        return passed
    print(f"web load on {kind}: {users} users for {seconds:.0f} s, {total['per_second']} requests/s")
    print(f"{'action':<14}{'n':>7}{'p50 ms':>9}{'p95 ms':>9}{'max ms':>9}{'errors':>8}{'p95/base':>10}")
    for name, r in rows.items():
        print(
            f"{name:<14}{r['n']:>7}{r['p50_ms']:>9}{r['p95_ms']:>9}{r['max_ms']:>9}{r['errors']:>8}{r['ratio_p95']:>10}"
        )
    print(f"{'all':<14}{total['n']:>7}{total['p50_ms']:>9}{total['p95_ms']:>9}{'':>9}{total['errors']:>8}")
    print(f"server CPU {total['server_cpu_ms_per_request']} ms per request, {total['server_cores']} cores busy; "
          f"machine {total['machine_busy']:.0%} busy")  # fmt: skip
    if t.why:
        print("errors: " + ", ".join(f"{k} ×{n}" for k, n in sorted(t.why.items())))
    verdict = "PASS" if passed else "MISS"
    print(f"target p95 <= {TARGET_P95_MS:.0f} ms and 0 errors: {verdict}")
    return passed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", choices=("sqlite", "postgresql"), default="sqlite")
    parser.add_argument("--users", type=int, default=100)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--workers", type=int, default=0, help="server processes (default: 1 SQLite, 2 PostgreSQL)")
    parser.add_argument("--think", default="1,5", help="think time between actions, seconds: MIN,MAX (locust's usual)")
    parser.add_argument("--port", type=int, default=8923)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    think = tuple(float(x) for x in args.think.split(","))
    workers = args.workers or (1 if args.db == "sqlite" else 2)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        url, drop = database(args.db, folder)
        try:
            staff, participants = prepare(url)
            proc = start_server(url, args.port, workers, folder)
            try:
                timings = asyncio.run(load(f"http://127.0.0.1:{args.port}", staff, participants, args.users,
                                           args.seconds, (think[0], think[1]), process_tree(proc.pid)))  # fmt: skip
            finally:
                proc.terminate()
                proc.wait(20)
        finally:
            drop()
    return 0 if report(args.db, args.users, args.seconds, timings, args.json) else 1


if __name__ == "__main__":
    sys.exit(main())
