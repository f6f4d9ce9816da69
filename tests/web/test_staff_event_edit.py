"""Staff change an event's settings on the web (the demo event): the form of ``/events/new`` prefilled
with the stored values; what staff change is saved, the rest kept; a change that would strand
participants, or a wrong value, comes back on the form with nothing saved; participants may not."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from html import unescape
from html.parser import HTMLParser

import httpx
import pytest

from seoro.domain.accounts import Role
from seoro.services import accounts as acc
from seoro.services.events import get_event
from tests.web.conftest import Server, csrf_of, signed_in

pytestmark = pytest.mark.e2e
PARTICIPANT = ("guest@partner.example", "participant password 1")


class _Form(HTMLParser):
    """The fields a browser would send for the event form: inputs, checked boxes and text areas."""

    def __init__(self) -> None:
        super().__init__()
        self.fields: dict[str, str] = {}
        self._area: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "input" and a.get("name") and a.get("type") != "file":
            if a.get("type") != "checkbox" or "checked" in a:
                self.fields[a["name"]] = a.get("value", "")
        elif tag == "textarea":
            self._area = a["name"]
            self.fields[self._area] = ""

    def handle_data(self, data: str) -> None:
        if self._area:
            self.fields[self._area] += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "textarea":
            self._area = None


def _form(html: str) -> dict[str, str]:
    form = html.split('data-testid="event-form"', 1)[1].split("</form>", 1)[0]
    parser = _Form()
    parser.feed("<form " + form)
    return {k: v.replace("\n", "\r\n") for k, v in parser.fields.items()}  # text areas come back with CRLF


def _save(staff: httpx.Client, changes: dict[str, str], event_id: int = 1) -> httpx.Response:
    shown = _form(staff.get(f"/events/{event_id}/edit").text)
    return staff.post(f"/events/{event_id}/edit", data={**shown, **changes}, files={"file": ("", b"")})


def _error(r: httpx.Response) -> str:
    found = re.search(r'data-testid="error">([^<]*)<', r.text)
    assert found, r.text[:500]
    return unescape(found.group(1))


def test_the_form_shows_the_stored_settings_and_saving_it_changes_nothing(demo: Server, staff: httpx.Client) -> None:
    before = get_event(demo.db, 1)
    overview = staff.get("/events/1").text
    assert 'href="/events/1/edit"' in overview and "설정 변경" in overview
    page = staff.get("/events/1/edit")
    assert page.status_code == 200 and "<h1>설정 변경</h1>" in page.text and 'action="/events/1/edit"' in page.text
    assert re.findall(r"web\.staff\.[a-z_.]+|error\.[a-z_]+", page.text) == []  # every label translated
    shown = _form(page.text)
    assert (shown["name_ko"], shown["venue"], shown["days"], shown["tables"], shown["slot_minutes"]) == (
        before.name.ko, before.venue, "2026-10-14", "10", "20")  # fmt: skip
    assert shown["sessions"] == "오전 / Morning=09:30-12:10\r\n오후 / Afternoon=13:30-16:50"
    assert shown["types"].startswith("regional=") and shown.get("cross_type_only") == "1"
    r = _save(staff, {})
    assert (r.status_code, r.headers["location"]) == (303, "/events/1")
    assert get_event(demo.db, 1) == before  # session codes, T1/T2's six seats and the booth are kept


def test_more_tables_and_longer_slots_are_saved_and_shown(demo: Server, staff: httpx.Client) -> None:
    before = get_event(demo.db, 1)
    r = _save(staff, {"tables": "12", "slot_minutes": "30", "venue": "해오름홀"})
    assert r.status_code == 303, r.text
    after = get_event(demo.db, 1)
    assert (len(after.tables), after.venue, {s.slot_minutes for s in after.sessions}) == (12, "해오름홀", {30})
    assert [t.label() for t in after.tables][-3:] == ["부스 10", "T11", "T12"] and after.booths() == before.booths()
    assert [s.code for s in after.sessions] == [s.code for s in before.sessions]
    page = staff.get("/events/1").text
    assert "T12" in page and "해오름홀" in page and "30분" in page
    assert f"<dd>{len(after.slots())}</dd>" in page and len(after.slots()) < len(before.slots())


def test_a_change_that_strands_a_booth_is_refused_on_the_form(demo: Server, staff: httpx.Client) -> None:
    before = get_event(demo.db, 1)
    r = _save(staff, {"tables": "9", "venue": "다른 곳"})  # 부스 10 would go with its host's booth
    assert r.status_code == 422
    assert "부스를 운영하는데, 그를 운영자로 지정한 테이블이 없습니다" in _error(r)
    assert _form(r.text)["tables"] == "9" and "다른 곳" in unescape(r.text)  # what was typed is kept
    assert get_event(demo.db, 1) == before
    staff.post("/lang", data={"csrf": csrf_of(r.text), "lang": "en", "next": "/"})
    r = _save(staff, {"types": "regional=지역기업/Regional firm:8"})  # the overseas partners' type would go
    assert r.status_code == 422 and _error(r).startswith("Unknown participation type 'overseas'")
    assert "<h1>Edit settings</h1>" in r.text and re.findall(r"web\.staff\.[a-z_.]+|error\.[a-z_]+", r.text) == []
    assert get_event(demo.db, 1) == before


def test_a_wrong_value_is_named_with_its_field(demo: Server, staff: httpx.Client) -> None:
    before = get_event(demo.db, 1)
    r = _save(staff, {"slot_minutes": "스무"})
    assert r.status_code == 422
    assert _error(r).startswith("설정 변경: 미팅 한 건 (분) = 스무") and "20" in _error(r)
    assert _form(r.text)["slot_minutes"] == "스무"
    r = _save(staff, {"breaks": "12:30-12:40"})
    assert r.status_code == 422 and _error(r).startswith("설정 변경: 휴식 = 12:30-12:40")
    assert get_event(demo.db, 1) == before


def test_participants_may_not_change_an_event(demo: Server) -> None:
    acc.create_account(demo.db, email=PARTICIPANT[0], name="Guest", role=Role.PARTICIPANT, password=PARTICIPANT[1],
                       participant_id=1, now=datetime.now(UTC), actor="test")  # fmt: skip
    guest = signed_in(demo, *PARTICIPANT)
    token = csrf_of(guest.get("/login").text)
    assert guest.get("/events/1/edit").status_code == 403
    assert guest.post("/events/1/edit", data={"csrf": token, "tables": "1"}).status_code == 403
